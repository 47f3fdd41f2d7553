#!/usr/bin/env bash
# Rebuilds test/fixtures/xlsx: workbooks saved by tools other than Tassei, so that the tests
# (and CI) need neither python nor LibreOffice. Needs: apt-get install python3-openpyxl
# libreoffice-calc-nogui. Run from the repository root.
set -euo pipefail
out=test/fixtures/xlsx
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
node --import tsx scripts/xlsx-fixtures/template.ts "$work/template.xlsx"
/usr/bin/python3 scripts/xlsx-fixtures/edit.py "$work/template.xlsx" "$work"
cp "$work/openpyxl-resaved.xlsx" "$work/openpyxl-edited.xlsx" "$out/"
# LibreOffice: the template unchanged; the formulas and the mistakes computed and saved.
soffice_xlsx() { # <input> <output name>
  mkdir -p "$work/lo"
  cp "$1" "$work/lo/$2"
  soffice -env:UserInstallation="file://$work/profile" --headless --calc \
    --convert-to 'xlsx:Calc MS Excel 2007 XML' --outdir "$work/lo/out" "$work/lo/$2" >/dev/null
  cp "$work/lo/out/$2" "$out/$2"
}
soffice_xlsx "$work/template.xlsx" libreoffice-resaved.xlsx
soffice_xlsx "$work/formulas-uncalculated.xlsx" libreoffice-formulas.xlsx
soffice_xlsx "$work/mistakes-uncalculated.xlsx" libreoffice-mistakes.xlsx
ls -l "$out"
