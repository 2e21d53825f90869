#!/bin/sh
# Renders the badge image once; the PNG is committed so the app needs no tool at run time.
# Needs rsvg-convert (Debian: apt-get install librsvg2-bin) and the DejaVu fonts (fonts-dejavu-core).
set -eu
cd "$(dirname "$0")"
rsvg-convert --width 512 --height 512 --background-color none --output connectoo-badge.png connectoo-badge.svg
echo "connectoo-badge.png: $(wc -c < connectoo-badge.png) bytes"
