#!/usr/bin/env bash
# Builds the libFuzzer harnesses (fuzz/, clang-16 with ASan and UBSan) and runs each of them
# for SECONDS (default 60), one after another, at low priority: first on the regression
# inputs kept in tests/fuzz/<harness>/, then fuzzing from the seed corpus (samples/, tests/,
# rulesets/, templates/). Prints executions, coverage and time per harness; exits non-zero
# if any input crashed, leaked or hung (the input is in build/fuzz/artifacts/<harness>/, or
# under $NASTAVNIK_FUZZ_WORK).
#
#   scripts/fuzz.sh [--no-build | --build-only] [--runs N] [SECONDS] [HARNESS...]
#
# --runs N: stop each harness after N executions instead of after SECONDS (long runs for
# docs/FUZZING.md). Harnesses: json_organisation json_municipality ruleset rule_case
# docx_template docx_render xpath truetype workbook (all by default). See docs/FUZZING.md.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

build=1
run=1
runs=""
while [ $# -gt 0 ]; do
  case "$1" in
    --no-build) build=0; shift ;;
    --build-only) run=0; shift ;;
    --runs) runs="$2"; shift 2 ;;
    *) break ;;
  esac
done
seconds=${1:-60}
shift || true
harnesses=("$@")
if [ ${#harnesses[@]} -eq 0 ]; then
  harnesses=()
  for f in fuzz/*_fuzz.cpp; do n=$(basename "$f" .cpp); harnesses+=("${n%_fuzz}"); done
fi

out=build/fuzz
if [ "$build" -eq 1 ]; then
  if ! command -v clang++-16 >/dev/null; then
    echo "fuzz.sh: нужен clang++-16: scripts/install-deps.sh --tests" >&2
    exit 2
  fi
  CC=clang-16 CXX=clang++-16 cmake -S . -B "$out" -DCMAKE_BUILD_TYPE=Fuzz -DNASTAVNIK_FUZZ=ON -DNASTAVNIK_BUILD_TESTS=OFF >/dev/null
  cmake --build "$out" -j"$(nproc)"
fi
[ "$run" -eq 1 ] || exit 0

# Seed corpora, made afresh from the source tree (the working corpus of each harness is kept
# in build/fuzz/corpus/<harness>/ between runs). NASTAVNIK_FUZZ_WORK=DIR keeps seeds, corpora,
# artifacts and logs in DIR instead: a long run there does not share its corpus and log with
# the short runs of the test suite in build/fuzz.
work=${NASTAVNIK_FUZZ_WORK:-$out}
seeds=$work/seeds
seed() {  # seed HARNESS: its seed corpus in $seeds/HARNESS, made afresh from the source tree
  local h=$1 dir=$seeds/$1 f rule
  rm -rf "$dir"
  mkdir -p "$dir"
  case "$h" in
    json_organisation)
      cp samples/*.json samples/municipality-biysk/*.json tests/e2e/bad-input/*.json "$dir/"
      for f in $(find rulesets -path '*/tests/*base.json'); do cp "$f" "$dir/$(echo "$f" | tr / _)"; done ;;
    json_municipality) python3 fuzz/seeds/municipality.py "$dir" ;;
    ruleset)
      for f in $(find rulesets samples -name '*.xml' -not -path '*/schema/*'); do cp "$f" "$dir/$(echo "$f" | tr / _)"; done ;;
    rule_case)  # the rule id on the first line, then the case
      for f in $(find rulesets -path '*/tests/*/*.json' -not -path '*/_selection/*'); do
        rule=$(basename "$(dirname "$f")")
        { printf '%s\n' "$rule"; cat "$f"; } > "$dir/$rule-$(basename "$f")"
      done ;;
    docx_template|docx_render) python3 fuzz/seeds/docx.py "$dir" templates/*.docx ;;
    workbook) python3 fuzz/seeds/workbook.py "$dir" samples/*.xlsx ;;
    xpath) python3 fuzz/seeds/xpath.py "$dir" ;;
    truetype)
      local fonts=()
      for f in /usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf \
               /usr/share/fonts/truetype/liberation2/LiberationMono-Bold.ttf \
               /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf /usr/share/fonts/truetype/paratype/PTF55F.ttf; do
        [ -f "$f" ] && fonts+=("$f")
      done
      "$out/fuzz/make_font_seeds" "$dir" "${fonts[@]}" >/dev/null ;;
  esac
}

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$root/tests/lsan.supp}
export ASAN_SYMBOLIZER_PATH=${ASAN_SYMBOLIZER_PATH:-$(command -v llvm-symbolizer-16 || true)}

# CPU time (user + system, in ms) of this script's finished children, from bash's `times`, into
# $cpu_ms: on a shared machine the wall-clock rate says more about the other processes than
# about the harness.
times_file=$(mktemp)
trap 'rm -f "$times_file"' EXIT
children_cpu() {
  times > "$times_file"
  cpu_ms=$(tail -1 "$times_file" | awk '{ t = 0; for (i = 1; i <= 2; i++) { split($i, a, /[ms]/); t += a[1] * 60 + a[2] } printf "%d", t * 1000 }')
}

failed=0
printf '%-18s %10s %8s %8s %7s %7s %9s %7s %9s  %s\n' harness executions coverage features corpus seconds "exec/s" "cpu s" "exec/cpu" result
for h in "${harnesses[@]}"; do
  bin=$out/fuzz/fuzz_$h
  [ -x "$bin" ] || { echo "fuzz.sh: нет фаззера $h ($bin)" >&2; failed=1; continue; }
  seed "$h"
  corpus=$work/corpus/$h
  artifacts=$work/artifacts/$h
  log=$work/logs/$h.log
  mkdir -p "$corpus" "$artifacts" "$(dirname "$log")"
  # The dictionary, and the longest input: a little above the largest seed, so that mutants
  # stay about the size of real files (an execution's time grows with its input).
  dict=()
  case "$h" in
    json_organisation) dict=(-dict=fuzz/dicts/json.dict); max_len=40000 ;;
    json_municipality) dict=(-dict=fuzz/dicts/json.dict); max_len=56000 ;;
    rule_case) dict=(-dict=fuzz/dicts/json.dict); max_len=8192 ;;
    ruleset) dict=(-dict=fuzz/dicts/ruleset.dict); max_len=40000 ;;
    docx_*) dict=(-dict=fuzz/dicts/docx.dict); max_len=32768 ;;
    workbook) dict=(-dict=fuzz/dicts/xlsx.dict); max_len=65536 ;;
    xpath) dict=(-dict=fuzz/dicts/xpath.dict); max_len=2048 ;;
    truetype) dict=(-dict=fuzz/dicts/truetype.dict); max_len=32768 ;;
    *) max_len=262144 ;;
  esac
  # Regression inputs first: each found problem stays fixed.
  if compgen -G "tests/fuzz/$h/*" >/dev/null; then
    if ! nice -n 15 "$bin" -timeout=25 -rss_limit_mb=4096 tests/fuzz/"$h"/* > "$log.regressions" 2>&1; then
      echo "$h: регрессионный вход снова падает (tests/fuzz/$h/, $log.regressions)" >&2
      tail -40 "$log.regressions" >&2
      failed=1
      continue
    fi
  fi
  limit=(-max_total_time="$seconds")
  [ -n "$runs" ] && limit=(-runs="$runs")
  start=$(date +%s)
  children_cpu
  cpu_before=$cpu_ms
  set +e
  nice -n 15 "$bin" "${limit[@]}" -timeout=25 -rss_limit_mb=4096 -max_len="$max_len" -print_final_stats=1 \
    "${dict[@]}" -artifact_prefix="$artifacts/" "$corpus" "$seeds/$h" > "$log" 2>&1
  rc=$?
  set -e
  took=$(( $(date +%s) - start ))
  children_cpu
  cpu=$(( cpu_ms - cpu_before ))
  execs=$(grep -ao 'stat::number_of_executed_units: [0-9]*' "$log" | awk '{print $2}' | tail -1)
  last=$(grep -aE '^#[0-9]+' "$log" | tail -1)
  cov=$(echo "$last" | grep -o 'cov: [0-9]*' | awk '{print $2}')
  ft=$(echo "$last" | grep -o 'ft: [0-9]*' | awk '{print $2}')
  corp=$(echo "$last" | grep -o 'corp: [0-9]*' | awk '{print $2}')
  result=ok
  if [ $rc -ne 0 ]; then
    result="FAIL($rc)"
    failed=1
  fi
  printf '%-18s %10s %8s %8s %7s %7s %9s %7s %9s  %s\n' "$h" "${execs:-0}" "${cov:-?}" "${ft:-?}" "${corp:-?}" "$took" \
    "$(( ${execs:-0} / (took > 0 ? took : 1) ))" "$(( cpu / 1000 )).$(( cpu % 1000 / 100 ))" \
    "$(( ${execs:-0} * 1000 / (cpu > 0 ? cpu : 1) ))" "$result"
  if [ $rc -ne 0 ]; then
    grep -aE 'ERROR: |runtime error|SUMMARY|Test unit written|==[0-9]+==' "$log" | head -20 >&2
  fi
done
exit $failed
