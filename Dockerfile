# hotline-gateway image: build with Maven, run on a JRE as a non-root user.
#   docker build -t hotline-gateway .
# Without DB_URL / BROKER_URL the container runs the embedded PostgreSQL and Artemis (data under /app/data);
# docker-compose.yml runs it against PostgreSQL and a standalone Artemis instead.

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /build
# Dependencies first, so a change to the sources does not download them again.
COPY pom.xml ./
# Best effort: a plugin resolved only at package time is fetched then.
RUN mvn -B -q dependency:go-offline || true
COPY src/ src/
COPY routes/ routes/
RUN mvn -B -q -DskipTests package \
 && cp target/hotline-gateway-*.jar /build/app.jar

FROM eclipse-temurin:17-jre
WORKDIR /app
RUN groupadd --system --gid 10001 hotline \
 && useradd --system --uid 10001 --gid hotline --home-dir /app --shell /usr/sbin/nologin hotline \
 && mkdir -p /app/inbox /app/data /app/logs \
 && chown -R hotline:hotline /app
COPY --from=build /build/app.jar /app/app.jar
# What a city changes without a rebuild (application.yml, jurisdictions, broker security, ...): mount over it.
COPY config/ /app/config/
USER hotline
EXPOSE 8080
VOLUME ["/app/inbox", "/app/data"]
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar"]
