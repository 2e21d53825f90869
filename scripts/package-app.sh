#!/usr/bin/env bash
# Builds the Teams app package (out/appPackage/connectoobot-<version>.zip) from manifest/ and validates it offline:
# the Teams JSON schemas bundled in npm @microsoft/app-manifest, Teams' command limits, the language files, the icon
# rules and the zip layout. Exit code 1 with the list of problems when anything is wrong.
# Usage: scripts/package-app.sh [--app-id GUID] [--bot-id GUID] [--domain HOST] [--version X.Y.Z] [--out DIR]
# Without options it uses development values (see manifest/README.md); pass the deployment outputs for a tenant.
set -euo pipefail
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

case "${1:-}" in
  -h | --help)
    sed -n '2,6p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
    exec node "$REPO_ROOT/scripts/lib/package-app.mjs" --help
    ;;
esac

command -v node >/dev/null 2>&1 || die "node is not installed (Node.js >= 20 is needed to build the app package)"
for module in @microsoft/app-manifest fflate pngjs; do
  [[ -d "$REPO_ROOT/node_modules/$module" ]] || die "npm package $module is missing: run scripts/setup.sh (or npm ci) first"
done

exec node "$REPO_ROOT/scripts/lib/package-app.mjs" "$@"
