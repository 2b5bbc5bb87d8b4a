#!/usr/bin/env bash
# Speed and memory against LibreOffice: see bench/pdf_bench.py (standard-library Python only).
exec /usr/bin/python3 "$(dirname "$0")/pdf_bench.py" "$@"
