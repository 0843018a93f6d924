# syntax=docker/dockerfile:1
# The core image: the Rust gRPC server (hotpath-server) on a slim Debian, nothing else but the
# health-check client. Build from the repository root:
#
#   docker build -f docker/core.Dockerfile -t hybrid-gateway/core:0.1.0-SNAPSHOT .
#
# Every flag of the server is also a HOTPATH_* variable (hotpath-native/crates/hotpath-server
# README), so compose and Kubernetes configure it through the environment.

FROM golang:1.26.8-bookworm AS health-probe
RUN CGO_ENABLED=0 GOBIN=/out go install github.com/grpc-ecosystem/grpc-health-probe@v0.4.61

FROM eclipse-temurin:25.0.3_9-jdk-noble AS jdk

# The same Maven command as CI, limited to the Rust workspace: Maven first unpacks the
# third-party protos that the core's build script needs, then runs cargo build --release.
# Same stage as in gateway.Dockerfile, so both images are built from one toolchain.
FROM rust:1.95.0-slim-bookworm AS build
COPY --from=jdk /opt/java/openjdk /opt/java/openjdk
ENV JAVA_HOME=/opt/java/openjdk \
    PATH=/opt/java/openjdk/bin:$PATH
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 \
    --mount=type=cache,target=/usr/local/cargo/registry \
    ./mvnw -DskipTests package -pl hotpath-native -am

# Same Debian release as the build stage: the binary needs only glibc and libgcc_s from it.
FROM debian:12.11-slim AS core
RUN groupadd --system --gid 10001 hotpath \
 && useradd --system --uid 10001 --gid hotpath --home-dir /nonexistent --no-create-home \
      --shell /usr/sbin/nologin hotpath
COPY --from=health-probe /out/grpc-health-probe /usr/local/bin/grpc-health-probe
COPY --from=build /src/hotpath-native/target/release/hotpath-server /usr/local/bin/hotpath-server
USER 10001:10001
# The binary's own default (127.0.0.1) is unreachable from outside a container.
ENV HOTPATH_LISTEN=0.0.0.0:50051
EXPOSE 50051
# The core reports SERVING only after every --preload has finished.
HEALTHCHECK --interval=10s --timeout=4s --start-period=60s --retries=3 \
  CMD ["grpc-health-probe", "-addr=127.0.0.1:50051", "-connect-timeout=2s", "-rpc-timeout=2s"]
# SIGTERM (Docker's and Kubernetes' stop signal) drains in-flight calls, then exits 0.
ENTRYPOINT ["hotpath-server"]
