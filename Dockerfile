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
# The JVM settings the benchmark measures (tools/benchmark/run): a node stays well under 600 MB resident.
ENV JAVA_TOOL_OPTIONS="-Xms128m -Xmx384m -XX:+UseSerialGC -Xss512k -XX:MaxMetaspaceSize=192m -XX:ReservedCodeCacheSize=64m -XX:TieredStopAtLevel=1"
ENTRYPOINT ["java", "-jar", "/app/bluevitaal.jar"]
