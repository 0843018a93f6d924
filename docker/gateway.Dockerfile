# syntax=docker/dockerfile:1
# The gateway image: the Java edge service on a Temurin 25 JRE, with the Rust core's cdylib
# inside (it travels in the hotpath-native jar under /app/lib), so one image serves both
# transports: `--core grpc` reaches the core image over the network, `--core ffi` loads the
# core in-process through Panama FFM. Build from the repository root:
#
#   docker build -f docker/gateway.Dockerfile -t hybrid-gateway/gateway:0.1.0-SNAPSHOT .
#
# The stage `loadgen` is the bench module's open-loop load generator on the same JRE, for the
# compose profile `load` (`--target loadgen`); it is not part of the gateway image.
#
# Base images are pinned to exact versions; docker/README.md says how to bump them together.

# grpc-health-probe: the HEALTHCHECK client, a static Go binary (the JRE image has no gRPC
# client, and a JVM per check would cost a second of CPU every interval).
FROM golang:1.26.8-bookworm AS health-probe
RUN CGO_ENABLED=0 GOBIN=/out go install github.com/grpc-ecosystem/grpc-health-probe@v0.4.61

# The JDK of the build stage comes from the same Temurin release as the runtime JRE.
FROM eclipse-temurin:25.0.3_9-jdk-noble AS jdk

# The build runs the same Maven command as CI; Maven drives cargo for the Rust part, so the
# stage is the Rust image (cargo, gcc for linking) with the JDK copied in. The cache mounts keep
# Maven's and cargo's downloads between builds without putting them in a layer.
FROM rust:1.95.0-slim-bookworm AS build
COPY --from=jdk /opt/java/openjdk /opt/java/openjdk
ENV JAVA_HOME=/opt/java/openjdk \
    PATH=/opt/java/openjdk/bin:$PATH
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 \
    --mount=type=cache,target=/usr/local/cargo/registry \
    ./mvnw -DskipTests package -pl gateway,bench -am

# The load generator: bench.jar names its dependencies in lib/ (its manifest class path).
# Reports go to /app/bench-results, a folder the non-root user owns, for a volume to keep.
FROM eclipse-temurin:25.0.3_9-jre-noble AS loadgen
RUN groupadd --system --gid 10001 bench \
 && useradd --system --uid 10001 --gid bench --home-dir /nonexistent --no-create-home \
      --shell /usr/sbin/nologin bench \
 && mkdir -p /app/bench-results \
 && chown 10001:10001 /app/bench-results
COPY --from=build /src/bench/target/lib/ /app/lib/
COPY --from=build /src/bench/target/bench.jar /app/bench.jar
USER 10001:10001
WORKDIR /app
ENTRYPOINT ["java", "-XX:+ExitOnOutOfMemoryError", "-jar", "/app/bench.jar"]
CMD ["--help"]

# The gateway image (the default target: the last stage).
FROM eclipse-temurin:25.0.3_9-jre-noble AS gateway
# Fail the build, not the first start, if this JRE lacks a module the entrypoint adds.
RUN java --add-modules=jdk.incubator.vector -version \
 && groupadd --system --gid 10001 gateway \
 && useradd --system --uid 10001 --gid gateway --home-dir /nonexistent --no-create-home \
      --shell /usr/sbin/nologin gateway
COPY --from=health-probe /out/grpc-health-probe /usr/local/bin/grpc-health-probe
# The gateway jar sits beside its runtime dependencies, so one classpath entry (/app/lib/*)
# covers everything and no version number is written here.
COPY --from=build /src/gateway/target/lib/ /app/lib/
COPY --from=build /src/gateway/target/gateway-*.jar /app/lib/
# A numeric user, so Kubernetes can verify runAsNonRoot without reading /etc/passwd.
USER 10001:10001
WORKDIR /app
# gRPC (+ health, reflection), REST, admin (/healthz /readyz /metrics).
EXPOSE 8080 8081 9090
HEALTHCHECK --interval=10s --timeout=4s --start-period=60s --retries=3 \
  CMD ["grpc-health-probe", "-addr=127.0.0.1:8080", "-connect-timeout=2s", "-rpc-timeout=2s"]
# FFM downcalls are restricted: native access is enabled explicitly, never left to a warning.
# The JVM sizes its heap from the container's memory limit and exits on OOM so the
# orchestrator restarts it instead of leaving a half-dead process.
ENTRYPOINT ["java", "--enable-native-access=ALL-UNNAMED", "--add-modules=jdk.incubator.vector", \
            "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", \
            "-cp", "/app/lib/*", "dev.hybridgateway.gateway.Main"]
# Every option is also a HYBRID_GATEWAY_* variable (a flag wins). All three ports listen on every
# interface; the dev auth key pair goes to /tmp/dev because the home directory does not exist
# (mount /tmp writable when the root file system is read-only). Alone, the image runs the Rust core
# in-process (--core ffi, the default) with the demo collection; compose and Kubernetes mount a
# routing table that lists the core shards and set HYBRID_GATEWAY_CONFIG to it.
ENV HYBRID_GATEWAY_LISTEN=0.0.0.0:8080 \
    HYBRID_GATEWAY_REST_LISTEN=0.0.0.0:8081 \
    HYBRID_GATEWAY_ADMIN_LISTEN=0.0.0.0:9090 \
    HYBRID_GATEWAY_DEV_DIR=/tmp/dev
CMD []
