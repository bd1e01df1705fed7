#!/usr/bin/env bash
# The province benchmark (README "Benchmarks"): ./bench.sh [UNIT_YEARS], 50000 by default. Uses the platform ./run.sh
# runs if one answers on its ports, else starts one as ./run.sh does on throw-away data (.work/benchmark); pushes a
# synthetic province through the gateway, prints one line per metric and records them in docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")"
. deploy/local/build-if-changed.sh

exec java -Xmx1g -cp "deploy/local/target/classes:deploy/local/target/lib/*" io.jixiao.local.province.Benchmark "$@"
