# The platform (portal, REST API, ingest). Build from the repository root (BuildKit):
#   DOCKER_BUILDKIT=1 docker build --network host -f docker/platform.Dockerfile -t anxin/platform .
# --network host lets the build stage reach Maven Central. JARS=prebuilt copies
# platform/target/platform-*-exec.jar built on the host instead (no Maven in Docker).
# In a container the platform needs ANXIN_DB_URL and ANXIN_REDIS_URL (no embedded servers).
ARG JARS=build

FROM anxin/jdk17:bookworm AS build
WORKDIR /src
# site CA certificates (a TLS-inspecting proxy before Maven Central), given by docker/build.sh as the
# BuildKit secret extra-ca (PEM, one or more certificates); none: nothing changes
RUN --mount=type=secret,id=extra-ca \
    if [ -s /run/secrets/extra-ca ]; then \
      awk '/BEGIN CERTIFICATE/{n++} {print > ("/usr/local/share/ca-certificates/extra-" n ".crt")}' /run/secrets/extra-ca \
      && update-ca-certificates >/dev/null; \
    fi
COPY . .
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -q -pl platform -am -DskipTests -Dspotless.check.skip=true -Dforbiddenapis.skip=true \
      -Djacoco.skip=true -Denforcer.skip=true package \
 && cp platform/target/platform-*-exec.jar /app.jar

FROM scratch AS jar-build
COPY --from=build /app.jar /app.jar

FROM scratch AS jar-prebuilt
COPY platform/target/platform-*-exec.jar /app.jar

FROM jar-${JARS} AS jar

FROM anxin/jre17:bookworm
COPY --from=jar /app.jar /opt/anxin/platform.jar
ENV JAVA_OPTS="-XX:MaxRAMPercentage=70 -XX:InitialRAMPercentage=25 -XX:+UseG1GC -XX:+ExitOnOutOfMemoryError" \
    ANXIN_DATA_DIR=/var/lib/anxin \
    PORT=8080
USER anxin
WORKDIR /var/lib/anxin
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=5s --start-period=180s --retries=3 \
  CMD http-ok "${PORT:-8080}" /actuator/health '"status":"UP"'
ENTRYPOINT ["jvm-entrypoint", "/opt/anxin/platform.jar"]
