#!/usr/bin/env bash
# Fidelity against LibreOffice: see bench/compare_pdf.py (standard-library Python only).
exec /usr/bin/python3 "$(dirname "$0")/compare_pdf.py" "$@"
