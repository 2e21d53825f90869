#!/usr/bin/env bash
# Renders every card of a module in a language to PNG images, so an author sees what a learner will see.
# Usage: scripts/preview.sh [--width <px>] <module-id> <fr|nl|de|en> [output-folder]   (default: out/preview/<module>/<lang>)
#   --width 320 renders at the narrowest Teams mobile card width (default 520).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
width=520
if [[ "${1:-}" == "--width" ]]; then
  width="${2:?--width needs a number}"
  shift 2
fi
module="${1:?usage: scripts/preview.sh [--width <px>] <module-id> <fr|nl|de|en> [output-folder]}"
language="${2:?usage: scripts/preview.sh [--width <px>] <module-id> <fr|nl|de|en> [output-folder]}"
out="${3:-$root/out/preview/$module/$language}"
"$root/scripts/setup.sh" --browser
rm -rf "$out" && mkdir -p "$out/json"
dotnet run --project "$root/bot/ConnectooBot.Web" --no-launch-profile -- preview "$module" "$language" "$out/json"
node "$root/scripts/check-cards.mjs" "$out/json"
node "$root/scripts/render-cards.mjs" --width "$width" "$out/json" "$out"
echo "Open the PNG files in $out"
