#!/usr/bin/env bash
# One command from a fresh Debian 12: install dependencies, build in Release, and run the main
# job on the bundled compliant sample.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
cmake -S . -B build/release -DCMAKE_BUILD_TYPE=Release -DNASTAVNIK_BUILD_TESTS=OFF >/dev/null
cmake --build build/release -j"$(nproc)"

sample=samples/barnaul-gymnasium-compliant.json
out=out/$(basename "$sample" .json)
echo
echo "== nastavnik check $sample"
build/release/nastavnik check "$sample" || true
echo
echo "== nastavnik generate $sample --out $out"
build/release/nastavnik generate "$sample" --out "$out"
echo
echo "Документы: $(realpath "$out")"
