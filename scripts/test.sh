#!/usr/bin/env bash
# Runs the whole test suite of ConnectooBot.sln: unit tests, the storage contract suite against the in-memory store
# and against a real Azurite (started here on free 127.0.0.1 ports, in memory, stopped when done), the HTTP end-to-end
# tests through the real host, and before them scripts/package-app.sh (the Teams app package must build and validate
# offline) and scripts/infra.sh (the Bicep build and lint of infra/).
# Arguments go to `dotnet test` (e.g. --filter "FullyQualifiedName~Storage"). The last line is the totals of the TRX
# results: "N passed, N failed, N skipped". Exit code 0 only when the package validates, infra/ builds and lints
# without a warning, at least one test ran and none failed.
set -euo pipefail
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

case "${1:-}" in
  -h | --help)
    sed -n '2,7p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
    exit 0
    ;;
esac

readonly RESULTS_DIR="$REPO_ROOT/.local/test-results"
WORK_DIR=""
AZURITE_PID=""

# shellcheck disable=SC2317 # invoked by the traps
cleanup() {
  trap - EXIT INT TERM
  stop_process_group "$AZURITE_PID" "Azurite"
  if [[ -n "$WORK_DIR" ]]; then rm -rf "$WORK_DIR"; fi
}
trap cleanup EXIT
trap 'cleanup; exit 130' INT
trap 'cleanup; exit 143' TERM

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# --browser: Debian's chromium for the dashboard's browser test (Playwright for .NET drives it; it never downloads one).
"$REPO_ROOT/scripts/setup.sh" --browser
command -v python3 >/dev/null 2>&1 || die "python3 is needed to read the test results (TRX files)"

# The Teams app package must build and validate offline (schemas, command limits, icons, zip layout).
package_status=0
"$REPO_ROOT/scripts/package-app.sh" || package_status=$?

# The Bicep build and lint of infra/ (bicep CLI from NuGet). A failure fails the run, after the tests.
infra_status=0
"$REPO_ROOT/scripts/infra.sh" || infra_status=$?

WORK_DIR="$(mktemp -d "${TMPDIR:-/tmp}/connectoobot-test.XXXXXX")"
start_azurite memory 0 0 0 "$WORK_DIR/azurite.log"
CONNECTOOBOT_AZURITE_CONNECTION="$(azurite_connection_string)"
# The storage tests fail (never skip) when this Azurite cannot be reached.
export CONNECTOOBOT_AZURITE_CONNECTION CONNECTOOBOT_REQUIRE_AZURITE=1
info "Azurite is up on 127.0.0.1 (Table $AZURITE_TABLE_PORT, Queue $AZURITE_QUEUE_PORT, Blob $AZURITE_BLOB_PORT)."

rm -rf "$RESULTS_DIR"
mkdir -p "$RESULTS_DIR"
status=0
# One TRX file per test project, under the logger's default names (it numbers names that would clash). A test
# host that hangs for 10 minutes is stopped, so CI fails instead of running into its time limit.
dotnet test "$REPO_ROOT/ConnectooBot.sln" --nologo \
  --logger trx --results-directory "$RESULTS_DIR" \
  --blame-hang-timeout 10m --blame-hang-dump-type none \
  "$@" || status=$?

if ((package_status != 0)); then
  warn "scripts/package-app.sh failed (exit code $package_status): the Teams app package does not validate (see above)"
fi
if ((status != 0)); then
  warn "dotnet test exited with code $status (a failing test, a build error or a crashed test host: see above)"
fi
if ((infra_status != 0)); then
  warn "scripts/infra.sh failed: the Bicep templates in infra/ do not build or lint cleanly (see its output above)"
fi
# The totals line must be the last thing printed.
totals_status=0
python3 "$REPO_ROOT/scripts/lib/trx-totals.py" "$RESULTS_DIR" || totals_status=$?
if ((status != 0 || totals_status != 0 || package_status != 0 || infra_status != 0)); then
  exit 1
fi
