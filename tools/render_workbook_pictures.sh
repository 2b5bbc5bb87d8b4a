#!/usr/bin/env bash
# The pictures of docs/ru/workbook.md: the compliant sample's workbook printed by LibreOffice
# Calc, its «Организация» and «Сотрудники» sheets cut out of the pages.
#   tools/render_workbook_pictures.sh [build-dir]      (default build/release)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/release}
work=$(mktemp -d /tmp/nastavnik-pictures.XXXXXX)
trap 'rm -rf "$work"' EXIT
"$build/nastavnik" workbook export samples/barnaul-gymnasium-compliant.json "$work/g.xlsx" >/dev/null
soffice --headless "-env:UserInstallation=file://$work/profile" --convert-to pdf --outdir "$work" "$work/g.xlsx" >/dev/null 2>&1
page_of() {  # the page whose first line starts with $1
  local pages i
  pages=$(pdfinfo "$work/g.pdf" | awk '/^Pages:/ {print $2}')
  for i in $(seq 1 "$pages"); do
    # (The first line taken whole: with pipefail, grep -q leaving early would fail the pipe.)
    first=$(pdftotext -f "$i" -l "$i" -layout "$work/g.pdf" - | awk 'NF {print; exit}')
    if [[ "$first" =~ ^$1 ]]; then echo "$i"; return; fi
  done
}
form=$(page_of "Сведения +Значение")
staff=$(page_of "Фамилия +Имя")
pdftoppm -r 110 -f "$form" -l "$form" -x 38 -y 50 -W 1240 -H 590 -png -singlefile "$work/g.pdf" docs/ru/img/workbook-organizatsiya
pdftoppm -r 170 -f "$staff" -l "$staff" -x 55 -y 82 -W 1880 -H 300 -png -singlefile "$work/g.pdf" docs/ru/img/workbook-sotrudniki
echo "docs/ru/img/workbook-organizatsiya.png (страница $form), docs/ru/img/workbook-sotrudniki.png (страница $staff)"
