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
# The JVM settings the benchmark measures (tools/benchmark/run): a bounded heap and serial GC keep a node well under
# 600 MB resident; C1 only (TieredStopAtLevel=1) starts faster and is enough for a web app that waits on its database.
ENV JAVA_TOOL_OPTIONS="-Xms128m -Xmx384m -XX:+UseSerialGC -Xss512k -XX:MaxMetaspaceSize=192m -XX:ReservedCodeCacheSize=64m -XX:TieredStopAtLevel=1"
COPY --from=build /bluevitaal.jar /tmp/bluevitaal.jar
# Extracted jar plus a class-data-sharing archive from a training run (an in-memory database, no demo data): in a
# side-by-side check on 2 cores, 11-12 s to "Started" instead of 17-20 s. The benchmark starts its nodes this way.
RUN java -Djarmode=tools -jar /tmp/bluevitaal.jar extract --destination /app \
 && mv /app/bluevitaal-*.jar /app/bluevitaal.jar && rm /tmp/bluevitaal.jar \
 && java -XX:ArchiveClassesAtExit=/app/app.jsa -Dspring.context.exit=onRefresh -jar /app/bluevitaal.jar \
      --spring.datasource.url=jdbc:h2:mem:training --bluevitaal.demo.enabled=false --server.port=0
USER bluevitaal
EXPOSE 8080
ENTRYPOINT ["java", "-XX:SharedArchiveFile=/app/app.jsa", "-jar", "/app/bluevitaal.jar"]
