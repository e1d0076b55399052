#!/usr/bin/env bash
# The language button says "বাংলা" on every page. With the full Noto Sans Bengali (44 KB) that
# one word would make every English visitor download the Bengali font. This cuts a subset with
# just those letters (about 1 KB), committed as src/ui/fonts/noto-sans-bengali-label.woff2.
# Run again only if the label changes. Needs Debian's python3-fonttools and python3-brotli.
set -euo pipefail
cd "$(dirname "$0")/../.."
src=node_modules/@fontsource/noto-sans-bengali/files/noto-sans-bengali-bengali-400-normal.woff2
/usr/bin/python3 -m fontTools.subset "$src" --text='বাংলা' --layout-features='*' --no-hinting \
  --flavor=woff2 --output-file=src/ui/fonts/noto-sans-bengali-label.woff2
ls -l src/ui/fonts/noto-sans-bengali-label.woff2
