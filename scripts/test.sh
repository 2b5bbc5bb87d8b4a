#!/usr/bin/env bash
# One command: install what is missing, build (Debug, warnings as errors) and run every test
# suite through ctest — with the fuzz harnesses (clang-16, build/fuzz), each for a few seconds.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh --tests
scripts/fuzz.sh --build-only
cmake -S . -B build/test -DCMAKE_BUILD_TYPE=Debug -DNASTAVNIK_WERROR=ON -DNASTAVNIK_FUZZ_SECONDS=5 >/dev/null
cmake --build build/test -j"$(nproc)"
cd build/test
ctest --output-on-failure -j"$(nproc)"
