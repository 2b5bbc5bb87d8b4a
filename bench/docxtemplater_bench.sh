#!/usr/bin/env bash
# Our template engine against docxtemplater (issue 6: "the same documents filled by
# docxtemplater … run by node in one process: report the ratio; target ≥ 10× faster per
# document").
#
#   bench/docxtemplater_bench.sh [build-dir]     (default build/release)
#   env: N (documents per template, 1000), REPEAT (runs, the best is kept, 3), JOBS (2),
#        ORG (samples/barnaul-gymnasium-compliant.json), AS_OF (2026-11-22)
#
# For every template of `generate`:
#  1. bench/docxtemplater/convert.py rewrites its tags in docxtemplater's syntax (the rest of
#     the package unchanged) and lists them;
#  2. bench_docxtemplater_fields evaluates those tags with our evaluator → docxtemplater's data;
#  3. bench_template renders our template N times (template and data loaded once); its first
#     document must be byte for byte the one `nastavnik generate` wrote;
#  4. bench/docxtemplater/bench.js renders the converted template N times in one node process;
#  5. bench/docxtemplater/doctext.py compares the text of both documents.
# Times are wall time per document inside the process (no process start, no template or data
# loading, one warm-up document excluded); each is the best of REPEAT runs, since the machine
# is shared. The only download is `npm ci` of the anchor (bench/docxtemplater/package-lock.json).
set -euo pipefail
export LC_ALL=C.UTF-8  # printf pads Russian headers by characters, numbers keep "."
cd "$(dirname "$0")/.."
build=${1:-build/release}
n=${N:-1000}
repeat=${REPEAT:-3}
org=${ORG:-samples/barnaul-gymnasium-compliant.json}
as_of=${AS_OF:-2026-11-22}
dt=bench/docxtemplater

cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DNASTAVNIK_BUILD_BENCH=ON >/dev/null
cmake --build "$build" -j"${JOBS:-2}" --target nastavnik_cli bench_template bench_docxtemplater_fields >/dev/null
if [ ! -d "$dt/node_modules" ]; then
  (cd "$dt" && npm ci --no-audit --no-fund >/dev/null)
fi

work=$(mktemp -d /tmp/nastavnik-dt-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
"$build/nastavnik" generate "$org" --as-of "$as_of" --out "$work/generated" >/dev/null

best() {  # the smallest first field of the lines on stdin, with the rest of its line
  sort -g -k1,1 | head -n 1
}

echo "машина: $(nproc) ядра, загрузка до: $(cut -d' ' -f1-3 /proc/loadavg); node $(node --version)," \
  "docxtemplater $(node -p "require('./$dt/node_modules/docxtemplater/package.json').version")," \
  "pizzip $(node -p "require('./$dt/node_modules/pizzip/package.json').version"); N=$n, лучший из $repeat"
printf "%-36s %10s %12s %8s %10s %10s %-10s\n" "документ" "наш, мс" "docxt., мс" "×" "наш, Б" "docxt., Б" "текст"
status=0
for tpl in polozhenie prikaz-o-zakreplenii-par soglasie-nastavnika prikaz-ob-utverzhdenii-polozheniya \
           prikaz-o-naznachenii-kuratora dorozhnaya-karta soglasie-nastavlyaemogo programma-nastavnichestva \
           analiticheskaya-spravka; do
  python3 "$dt/convert.py" "templates/$tpl.docx" "$work/$tpl.dt.docx" "$work/$tpl.tsv"
  "$build/bench/bench_docxtemplater_fields" "$org" "$as_of" "templates/$tpl.docx" "$work/$tpl.tsv" >"$work/$tpl.json"

  read -r _ ours ours_bytes < <(for _ in $(seq "$repeat"); do
    "$build/bench/bench_template" "$org" "$as_of" "templates/$tpl.docx" "$n" "$work/$tpl.ours.docx" | awk '{print $2, $0}'
  done | best | cut -d' ' -f2-)
  # Our document is the one generate writes (same template, variables, item).
  same=no
  for f in "$work/generated"/*.docx; do cmp -s "$f" "$work/$tpl.ours.docx" && same=yes; done
  if [ "$same" != yes ]; then
    echo "$tpl: наш документ не совпадает ни с одним из записанных generate" >&2
    status=1
  fi

  read -r theirs theirs_bytes < <(for _ in $(seq "$repeat"); do
    node "$dt/bench.js" "$work/$tpl.dt.docx" "$work/$tpl.json" "$n" "$work/$tpl.theirs.docx"
  done | best)

  if text=$(python3 "$dt/doctext.py" "$work/$tpl.ours.docx" "$work/$tpl.theirs.docx"); then :; else
    echo "$text" >&2
    text="РАЗЛИЧИЕ"
    status=1
  fi
  printf "%-36s %10.3f %12.3f %8.1f %10d %10d %-10s\n" "$tpl" "$ours" "$theirs" \
    "$(echo "$theirs / $ours" | bc -l)" "$ours_bytes" "$theirs_bytes" "$text"
done
echo "загрузка после: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "цель (issue 6): наш шаблонизатор ≥ 10× быстрее docxtemplater на документ"
exit "$status"
