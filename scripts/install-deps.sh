#!/usr/bin/env bash
# Installs the Debian packages nastavnik needs to build and test, only those missing.
# Non-interactive and idempotent; used by setup.sh and test.sh.
set -euo pipefail

packages=(
  g++ cmake make pkg-config
  libxml2-dev libzip-dev rapidjson-dev   # the pipeline: data tree + XPath, DOCX packages, JSON with positions
  libssl-dev libcairo2-dev               # batch: SHA-256 in the manifest; charts of the municipal report
  libpodofo-dev libfontconfig1-dev libfreetype-dev   # the PDF renderer: PDF objects, font files, glyph metrics
  libdeflate-dev                         # fast whole-buffer deflate of PDF streams
  libpng-dev                             # PDF pictures: PNG decoded to be downsampled to 300 dpi
  libharfbuzz-dev                        # PDF text: Arabic and Hebrew shaped (letter forms, ligatures)
  libhyphen-dev hyphen-ru                # Russian hyphenation of justified text in PDFs
  fonts-liberation2 fonts-dejavu-core    # metric-compatible Times/Arial/Courier; fallback glyphs
  libboost-test-dev                      # Boost.Test suites
  qpdf poppler-utils                     # tests: PDF structure check, text and fonts of rendered PDFs
  python3 python3-docx                   # tests: every generated DOCX must open in python-docx
  libpoco-dev libsodium-dev              # the service: HTTP, JSON, SQLite store (Poco); Argon2id passwords
  chromium chromium-driver python3-selenium   # tests: the service's pages in a real headless browser
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "Устанавливаю пакеты: ${missing[*]}"
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "нужны права root или sudo для установки: ${missing[*]}" >&2; exit 2; }
  sudo_cmd=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
