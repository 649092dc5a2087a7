#!/usr/bin/env bash
# Kills the Kafka JVMs recorded in the pid dir given (see src/cluster/pid-record.ts) that still
# run, then removes the dir. A recorded pid is killed only while its command line still names the
# node's server.properties: a pid the kernel has since given to another process is left alone.
set -uo pipefail
dir="${1:?usage: kill-recorded-jvms.sh <pid dir>}"
[ -d "$dir" ] || exit 0
for record in "$dir"/*; do
  [ -f "$record" ] || continue
  pid="$(basename "$record")"
  properties="$(head -n 1 "$record")"
  [ -n "$properties" ] || continue
  if ps -o args= -p "$pid" 2>/dev/null | grep -qF -- "$properties"; then
    echo "killing Kafka JVM $pid left behind ($properties)" >&2
    kill -9 "$pid" 2>/dev/null || true
  fi
done
rm -rf "$dir"
