#!/usr/bin/env bash
# One command: install what is missing, build (Debug, warnings as errors) and run every test
# suite through ctest.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh --tests
cmake -S . -B build/test -DCMAKE_BUILD_TYPE=Debug -DNASTAVNIK_WERROR=ON >/dev/null
cmake --build build/test -j"$(nproc)"
cd build/test
ctest --output-on-failure -j"$(nproc)"
