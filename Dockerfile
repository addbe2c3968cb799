# hotline-gateway image: build with Maven, run on a JRE as a non-root user.
#   docker build -t hotline-gateway .
# Without DB_URL / BROKER_URL the container runs the embedded PostgreSQL and Artemis (data under /app/data);
# docker-compose.yml runs it against PostgreSQL and a standalone Artemis instead. .env.example lists what production
# sets. Ports: 8080 the API (PORT), 8081 the actuator (MANAGEMENT_PORT: probes open, the rest an operator's).

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /build
# Dependencies first, so a change to the sources does not download them again.
COPY pom.xml ./
# Best effort: a plugin resolved only at package time is fetched then.
RUN mvn -B -q dependency:go-offline || true
COPY src/ src/
COPY routes/ routes/
RUN mvn -B -q -DskipTests package \
 && cp target/hotline-gateway-*.jar /build/app.jar \
 && java -Djarmode=tools -jar /build/app.jar extract --layers --launcher --destination /build/extracted

FROM eclipse-temurin:17-jre
WORKDIR /app
RUN groupadd --system --gid 10001 hotline \
 && useradd --system --uid 10001 --gid hotline --home-dir /app --shell /usr/sbin/nologin hotline \
 && mkdir -p /app/inbox /app/data /app/logs \
 && chown -R hotline:hotline /app
# The jar's layers, least often changed first: the libraries (about 290 MB, the embedding runtime among them), the
# launcher, snapshot libraries, then the gateway's own classes and routes (a few MB). A code change rebuilds and
# ships the last layer only.
COPY --from=build /build/extracted/dependencies/ ./
COPY --from=build /build/extracted/spring-boot-loader/ ./
COPY --from=build /build/extracted/snapshot-dependencies/ ./
COPY --from=build /build/extracted/application/ ./
# What a city changes without a rebuild (application.yml, jurisdictions, broker security, ...): the defaults are in
# the image; docker-compose.yml mounts the city's config/ over them.
COPY config/ /app/config/
USER hotline
ENV PORT=8080 MANAGEMENT_PORT=8081
EXPOSE 8080 8081
VOLUME ["/app/inbox", "/app/data"]
# Liveness on the management port (open to anyone, no credentials in the image); bash alone, no curl needed. The
# first start migrates the schema and starts the broker, hence the start period.
HEALTHCHECK --interval=15s --timeout=5s --start-period=180s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${MANAGEMENT_PORT} && printf 'GET /actuator/health/liveness HTTP/1.1\\r\\nHost: localhost\\r\\nConnection: close\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "org.springframework.boot.loader.launch.JarLauncher"]
