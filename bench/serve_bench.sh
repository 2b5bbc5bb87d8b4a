#!/usr/bin/env bash
# The service under load (issue 16), Release build: 100 simulated users uploading and checking
# at once (p50/p99, errors), one organisation's check, a full package, memory over 10 000
# requests. Figures in docs/BENCHMARKS.md.
#   bench/serve_bench.sh [build-dir]      (default build/bench; built if missing)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/bench}
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DNASTAVNIK_BUILD_TESTS=OFF -DNASTAVNIK_BUILD_BENCH=ON >/dev/null
cmake --build "$build" -j"$(nproc)" --target bench_serve >/dev/null
work=$(mktemp -d /tmp/nastavnik-serve-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
/usr/bin/time -f "пик RSS процесса: %M КБ; время: %e с" "$build/bench/bench_serve" --data "$work/data" "$@"
