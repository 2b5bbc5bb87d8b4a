#!/usr/bin/env bash
# Workbook benchmark (issue 15): reading a workbook of 1 000 staff (and 100, 5 000), and
# `batch` over 1 000 organisations as workbooks against the same organisations as JSON: the
# reading alone (every file into its data tree), `--check-only` (where reading is the largest
# share) best of 3, and the full run as `batch` makes it by default (DOCX and PDF) once.
# Times are CPU time (user + system) besides wall time: on a machine shared with other jobs the
# wall time measures them too.
#   bench/workbook_bench.sh [build-dir]      (default build/release; built with the bench if missing)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/release}
if [ ! -x "$build/bench/bench_workbook" ]; then
  cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DNASTAVNIK_BUILD_TESTS=OFF -DNASTAVNIK_BUILD_BENCH=ON >/dev/null
  cmake --build "$build" -j"$(nproc)" >/dev/null
fi
work=$(mktemp -d /tmp/nastavnik-workbook-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
jobs=$(nproc)

for n in 100 1000 5000; do
  echo "== книга организации, $n сотрудников"
  "$build/bench/bench_workbook" --staff "$n" --runs 21
done

echo
echo "== batch: 1000 организаций, JSON и книги"
python3 tools/make_municipality.py "$work/json" --count 1000 --defects 0.2 >/dev/null
"$build/bench/bench_workbook" --export-folder "$work/json" "$work/xlsx"
du -sh "$work/json" "$work/xlsx" | sed 's/^/  объём: /'
"$build/bench/bench_workbook" --read-folder "$work/json"
"$build/bench/bench_workbook" --read-folder "$work/xlsx"

best_of() {  # runs, then the command; prints "cpu wall rss" of the run with the least CPU time
  local runs=$1; shift
  local best="" line
  for i in $(seq 1 "$runs"); do
    /usr/bin/time -f "%U %S %e %M" -o "$work/time" "$@" --out "$work/out-$RANDOM-$i" >/dev/null 2>&1 || true
    read -r user sys wall rss < <(tail -n 1 "$work/time")
    line="$(echo "$user + $sys" | bc) $wall $rss"
    if [ -z "$best" ] || [ "$(echo "${line%% *} < ${best%% *}" | bc)" = 1 ]; then best=$line; fi
    rm -rf "$work"/out-*
  done
  echo "$best"
}

compare() {  # label, runs, then batch options
  local label=$1 runs=$2; shift 2
  read -r jc jw jr < <(best_of "$runs" "$build/nastavnik" batch "$work/json" --as-of 2026-11-22 --quiet -j "$jobs" "$@")
  read -r xc xw xr < <(best_of "$runs" "$build/nastavnik" batch "$work/xlsx" --as-of 2026-11-22 --quiet -j "$jobs" "$@")
  printf "%-34s ЦП %7.2f / %7.2f с (%.2f×)   стена %6.2f / %6.2f с (%.2f×)   пик RSS %d / %d МБ\n" "$label" \
    "$jc" "$xc" "$(echo "$xc / $jc" | bc -l)" "$jw" "$xw" "$(echo "$xw / $jw" | bc -l)" "$((jr / 1024))" "$((xr / 1024))"
}

echo "batch, 1000 организаций: JSON / книги (-j $jobs)"
sync
compare "--check-only, лучший из 3" 3 --check-only
compare "DOCX и PDF (по умолчанию)" 1
