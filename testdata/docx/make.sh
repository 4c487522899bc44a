#!/bin/sh
# Remakes the Word fixtures from their Markdown sources (see README.md).
# Needs Debian's pandoc (2.17) and, for the LibreOffice copy,
# libreoffice-writer-nogui. The golden .txt files are then refreshed with
#   go test ./extract -run Golden -update
# and checked by eye.
set -eu
cd "$(dirname "$0")"
for md in A-HRC-RES-53-11 S_2024_400 A-RES-73-6-typed; do
	pandoc -f markdown-smart "$md.md" -o "$md.docx"
done
out=$(mktemp -d)
libreoffice --headless --convert-to 'docx:MS Word 2007 XML' --outdir "$out" S_2024_400.docx >/dev/null
mv "$out/S_2024_400.docx" S_2024_400-libreoffice.docx
rmdir "$out"
