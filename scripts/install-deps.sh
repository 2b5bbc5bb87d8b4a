#!/usr/bin/env bash
# Installs the Debian packages nastavnik needs, only those missing. Non-interactive and
# idempotent. `install-deps.sh` (setup.sh): what building and running the program needs;
# `install-deps.sh --tests` (test.sh): that and what the tests and the fuzz harnesses need.
set -euo pipefail

packages=(
  g++ cmake make pkg-config
  libxml2-dev libzip-dev rapidjson-dev   # the pipeline: data tree + XPath, DOCX packages, JSON with positions
  libssl-dev libcairo2-dev               # batch: SHA-256 in the manifest; charts of the municipal report
  libpodofo-dev libfontconfig1-dev libfreetype-dev   # the PDF renderer: PDF objects, font files, glyph metrics
  libdeflate-dev                         # fast whole-buffer deflate of PDF streams
  zlib1g-dev                             # the DOCX rewriter deflates as libzip does (CMake's find_package(ZLIB))
  libxlsxwriter-dev                      # the workbook people fill (nastavnik workbook new/export)
  libpng-dev                             # PDF pictures: PNG decoded to be downsampled to 300 dpi
  libjpeg62-turbo-dev                    # PDF pictures: a decoded photo re-encoded as JPEG where smaller (LibreOffice's export)
  libharfbuzz-dev                        # PDF text: Arabic and Hebrew shaped (letter forms, ligatures)
  libhyphen-dev hyphen-ru                # Russian hyphenation of justified text in PDFs
  libpoco-dev libsodium-dev              # the service: HTTP, JSON, SQLite store (Poco); Argon2id passwords
  # Fonts: every font `document_settings.font` offers prints with its own face or its free
  # metric-compatible one (docs/CONTRACTS.md): Liberation (Times New Roman, PT Astra Serif;
  # Arial, Courier New), PT Serif; DejaVu for glyphs a font lacks.
  fonts-liberation2 fonts-paratype fonts-dejavu-core
)
test_packages=(
  libboost-test-dev                      # Boost.Test suites
  qpdf poppler-utils                     # PDF structure check, text and fonts of rendered PDFs
  python3 python3-docx                   # every generated DOCX must open in python-docx
  libreoffice-writer-nogui               # the reference renderer: DOCX → PDF with the chosen font
  chromium chromium-driver python3-selenium   # the service's pages in a real headless browser
  openssl                                # a self-signed certificate for the service's HTTPS
  python3-openpyxl libreoffice-calc      # workbooks as a script and as LibreOffice Calc write them
  clang-16 libclang-rt-16-dev llvm-16    # libFuzzer harnesses with ASan and UBSan (fuzz/), symbolised reports
)

case "${1:-}" in
  --tests) packages+=("${test_packages[@]}") ;;
  "") ;;
  *) echo "использование: $0 [--tests]" >&2; exit 2 ;;
esac

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
