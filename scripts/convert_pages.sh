#!/usr/bin/env bash
# Makes the PDF and Word fixtures from the real pages: tests/data/pages/<name>/page.html becomes
# tests/data/converted/<name>.pdf (the web page printed) and <name>.docx through LibreOffice
# headless, and the .docx becomes <name>.writer.pdf (a word processor's export, with page margins,
# tables split over pages and rows that do not break); for 2021 also <name>.header.pdf, its table 三
# with header rows repeated on each page (scripts/repeat_header_rows.py). Run by hand and commit
# the results: CI does not run LibreOffice (Debian: libreoffice-writer-nogui, fonts-wqy-microhei).
#   scripts/convert_pages.sh [NAME ...]      (default: every page)
set -euo pipefail
cd "$(dirname "$0")/.."
out=tests/data/converted
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
names=("$@")
[ ${#names[@]} -gt 0 ] || names=($(ls tests/data/pages | grep -v README))
for name in "${names[@]}"; do
  cp "tests/data/pages/$name/page.html" "$work/$name.html"
  # A private profile: no state from, or clash with, another LibreOffice.
  soffice -env:UserInstallation="file://$work/profile" --headless --convert-to "pdf:writer_web_pdf_Export" --outdir "$out" "$work/$name.html" >/dev/null
  soffice -env:UserInstallation="file://$work/profile" --headless --convert-to "docx:MS Word 2007 XML" --outdir "$out" "$work/$name.html" >/dev/null
  cp "$out/$name.docx" "$work/$name.writer.docx"
  soffice -env:UserInstallation="file://$work/profile" --headless --convert-to "pdf:writer_pdf_Export" --outdir "$out" "$work/$name.writer.docx" >/dev/null
  if [ "$name" = 2021_pingtan_zonghe_shiyanqu ]; then  # a table whose header rows repeat on each page
    python3 scripts/repeat_header_rows.py "$out/$name.docx" "$work/$name.header.docx"
    soffice -env:UserInstallation="file://$work/profile" --headless --convert-to "pdf:writer_pdf_Export" --outdir "$out" "$work/$name.header.docx" >/dev/null
  fi
  echo "$name: $(stat -c %s "$out/$name.pdf") bytes of PDF, $(stat -c %s "$out/$name.docx") of DOCX, $(stat -c %s "$out/$name.writer.pdf") of Writer PDF"
done
