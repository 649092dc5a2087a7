# One image for every role of a distributed run: `kload agent`, the coordinator (`kload run
# --agents N`), a hand-placed share (`kload run --segment i/N`) and `kload merge`.
#   docker build -t kload:latest .
#   docker run --rm kload:latest agent --brokers my-kafka-bootstrap:9092 --name agent-1
# It targets an external cluster (--brokers), so it leaves out what only the embedded cluster and
# the tests need: Java, Maven and the Kafka jars, and chromium.
# Not built on kload's development machines, which have no Docker engine: a unit test
# (test/unit/deploy/manifests.test.ts) checks its structure, nothing more.

# The build and runtime stages must share the Node major: @platformatic/rdkafka is a NAN addon,
# compiled against one Node ABI.
ARG NODE_VERSION=20

FROM node:${NODE_VERSION}-bookworm AS build
# librdkafka's configure silently drops zstd, lz4, SSL or SASL when their headers are missing, and
# the image would then fail only on the first scenario that asks for them.
RUN apt-get update \
  && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
    build-essential python3 libzstd-dev liblz4-dev libssl-dev libsasl2-dev \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
# The lockfile alone first: compiling librdkafka (~2.5 min on 2 cores) stays a cached layer until
# it changes. No MAKEFLAGS=-j: librdkafka's parallel make races on config.h and fails.
# npm ci runs package.json's postinstall (native/postinstall.cjs: a no-op outside node_modules).
COPY package.json package-lock.json ./
COPY native/postinstall.cjs native/
RUN npm ci --no-audit --no-fund --loglevel=error
COPY native/binding.gyp native/rdkafka-deps.cjs native/
COPY native/src native/src
RUN npm run build:native
COPY tsconfig.json tsconfig.lib.json ./
COPY src src
RUN npm run build
# The runtime needs only the production packages, and of librdkafka only the two addons' shared
# libraries: its source tree, objects and static archives are ~450 MB. (This also drops
# rdkafka_performance, which only bench:peers uses.)
RUN npm prune --omit=dev --no-audit --no-fund --loglevel=error \
  && rm -rf node_modules/@platformatic/rdkafka/deps/librdkafka \
    node_modules/@platformatic/rdkafka/build/Release/obj.target \
    node_modules/@platformatic/rdkafka/build/deps/*.a

FROM node:${NODE_VERSION}-bookworm-slim
# What the compiled librdkafka links against (ldd): the -dev packages' runtime halves.
RUN apt-get update \
  && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
    libzstd1 liblz4-1 libsasl2-2 libssl3 ca-certificates \
  && rm -rf /var/lib/apt/lists/*
# The same /app as the build stage: native/build's rpath reaches librdkafka through
# $ORIGIN/../../../node_modules/@platformatic/rdkafka/build/deps, so the two trees keep their places.
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/native/build native/build
COPY --from=build /app/dist dist
COPY bin bin
COPY scenarios scenarios
COPY schema schema
# `kload run` writes to results/ under the working directory unless --out says otherwise.
RUN install -d -o 1000 -g 1000 /app/results
# The image's `node` user by number: Kubernetes' runAsNonRoot can only verify a numeric user.
USER 1000:1000
ENTRYPOINT ["node", "/app/bin/kload.cjs"]
CMD ["--help"]
