#!/bin/sh
# Renders the two Teams icons from their SVG sources; the PNGs are committed, so packaging needs no renderer.
# Needs rsvg-convert (Debian: apt-get install librsvg2-bin), as the badge image does. The packaging command
# (scripts/package-app.sh) checks the result: sizes, and an outline made only of white pixels on transparency.
set -eu
cd "$(dirname "$0")"
rsvg-convert --width 192 --height 192 --output ../color.png color.svg
rsvg-convert --width 32 --height 32 --background-color none --output ../outline.png outline.svg
echo "color.png: $(wc -c < ../color.png) bytes; outline.png: $(wc -c < ../outline.png) bytes"
