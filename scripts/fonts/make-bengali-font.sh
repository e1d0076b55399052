#!/usr/bin/env bash
# The Bangla text face: @fontsource's Noto Sans Bengali (regular), without hinting (screens
# render Bengali from outlines well; hints are 5 KB) and without the Vedic extensions the
# lessons never use. Committed as src/ui/fonts/noto-sans-bengali.woff2 (the whole font, for what
# students type); run again only when updating @fontsource/noto-sans-bengali, then
# make-app-font.ts, which cuts the app's own from it. Needs Debian's python3-fonttools and
# python3-brotli.
set -euo pipefail
cd "$(dirname "$0")/../.."
src=node_modules/@fontsource/noto-sans-bengali/files/noto-sans-bengali-bengali-400-normal.woff2
/usr/bin/python3 -m fontTools.subset "$src" \
  --unicodes='U+0964-0965,U+0980-09FE,U+200C-200D,U+20B9,U+25CC' \
  --layout-features='*' --no-hinting --flavor=woff2 \
  --output-file=src/ui/fonts/noto-sans-bengali.woff2
ls -l src/ui/fonts/noto-sans-bengali.woff2
