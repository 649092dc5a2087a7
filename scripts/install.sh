#!/usr/bin/env bash
# Installs everything kload needs on a fresh Debian/Ubuntu machine, and is quick when run again:
# the Debian dev packages that give librdkafka zstd/lz4/SSL/SASL, the npm packages (this
# compiles librdkafka: ~2.5 min on 2 cores), kload's native core, the TypeScript build, and the
# pinned Kafka jars.
# Chromium is only for the tests: the HTML report test opens the page in Debian's headless
# browser (playwright-core never downloads one).
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
have_pkg() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }
if command -v dpkg-query >/dev/null 2>&1; then
  for pkg in libzstd-dev liblz4-dev libssl-dev libsasl2-dev; do have_pkg "$pkg" || missing+=("$pkg"); done
  command -v java >/dev/null 2>&1 || missing+=(openjdk-17-jre-headless)
  command -v mvn >/dev/null 2>&1 || missing+=(maven)
  command -v g++ >/dev/null 2>&1 || missing+=(g++)
  command -v make >/dev/null 2>&1 || missing+=(make)
  command -v python3 >/dev/null 2>&1 || missing+=(python3)
  command -v openssl >/dev/null 2>&1 || missing+=(openssl) # certificates for --security clusters
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  command -v tmux >/dev/null 2>&1 || missing+=(tmux) # the progress-bar test runs kload in a terminal
  command -v prometheus >/dev/null 2>&1 || missing+=(prometheus) # the live-metrics test scrapes kload with it
  if [ ${#missing[@]} -gt 0 ]; then
    sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
    echo "install: apt-get install ${missing[*]}"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
else
  echo "install: not a Debian system; make sure Java 17+, Maven, g++, make, python3" \
    "and the zstd/lz4/ssl/sasl headers are installed."
fi

# npm ci wipes node_modules and recompiles librdkafka; skip it when the lockfile has not changed.
stamp=node_modules/.kload-lock.sha256
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ] ||
  [ ! -d node_modules/@platformatic/rdkafka/build/Release ]; then
  echo "install: npm ci (compiles librdkafka, a few minutes) ..."
  npm ci --no-audit --no-fund --loglevel=error
  echo "$want" > "$stamp"
fi

# kload's native core (native/): a small N-API addon linked against the librdkafka that
# @platformatic/rdkafka just built, so the process holds one librdkafka. node-gyp comes with npm and
# builds offline against the installed Node's headers (npm's nodedir).
if ! npm run --silent build:native >/tmp/kload-native-build.log 2>&1; then
  cat /tmp/kload-native-build.log >&2
  echo "install: building native/ failed (log above)." \
    "It needs g++, make, python3 and node_modules/@platformatic/rdkafka/build/deps;" \
    "scenarios can still run with client: node-rdkafka." >&2
  exit 1
fi

npm run --silent build
node bin/kload.cjs cluster fetch
