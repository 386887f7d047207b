# BlueVitaal container image: built from source with Maven, run on a JRE 17.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
COPY processes processes
COPY decisions decisions
RUN mvn -B -q -DskipTests package && cp target/bluevitaal-*.jar /bluevitaal.jar

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 bluevitaal
USER bluevitaal
COPY --from=build /bluevitaal.jar /app/bluevitaal.jar
EXPOSE 8080
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=60"
ENTRYPOINT ["java", "-jar", "/app/bluevitaal.jar"]
