#!/usr/bin/env bash
# Renders the golden cards (tests/ConnectooBot.Web.Tests/Golden/*.json, the cards the tests pin) to PNG images,
# e.g. at the narrowest Teams mobile width, to look for text cut off or squashed columns.
# Usage: scripts/render-golden.sh [--width <px>] [fr|nl|de|en] [output-folder]   (default: 520 px, all, out/golden/<width>)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
width=520
if [[ "${1:-}" == "--width" ]]; then
  width="${2:?--width needs a number}"
  shift 2
fi
language="${1:-}"
out="${2:-$root/out/golden/$width}"
"$root/scripts/setup.sh" --browser
rm -rf "$out" && mkdir -p "$out/json"
cp "$root"/tests/ConnectooBot.Web.Tests/Golden/*${language:+.$language}.json "$out/json/"
node "$root/scripts/check-cards.mjs" "$out/json"
node "$root/scripts/render-cards.mjs" --width "$width" "$out/json" "$out"
echo "Open the PNG files in $out"
