#!/usr/bin/env bash
# Installs what ConnectooBot needs on a fresh machine: the npm tools pinned in package-lock.json, the NuGet packages,
# and (with --browser) Debian's Chromium for card previews and screenshots. Idempotent and quiet when all is there.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  echo "setup: installing npm tools (npm ci)…"
  npm ci --no-audit --no-fund --loglevel=error
fi

if [[ ! -f "$root/.local/restored.stamp" ]] || [[ -n "$(find "$root" -name '*.csproj' -newer "$root/.local/restored.stamp" -o -name 'Directory.Packages.props' -newer "$root/.local/restored.stamp" | head -1)" ]]; then
  echo "setup: restoring NuGet packages…"
  dotnet restore "$root/ConnectooBot.sln" --verbosity quiet
  mkdir -p "$root/.local" && touch "$root/.local/restored.stamp"
fi

if [[ "${1:-}" == "--browser" && ! -x /usr/bin/chromium ]]; then
  echo "setup: installing Debian's chromium…"
  if [[ $(id -u) -eq 0 ]]; then apt_get=(apt-get); else apt_get=(sudo apt-get); fi
  DEBIAN_FRONTEND=noninteractive "${apt_get[@]}" update -qq
  DEBIAN_FRONTEND=noninteractive "${apt_get[@]}" install -y -qq chromium >/dev/null
fi
