#!/usr/bin/env bash
# Runs the whole test suite: unit tests, the storage contract suite against the in-memory store AND a real Azurite
# (started here, on free loopback ports, stopped when done), and the HTTP end-to-end tests through the real host.
# Ends with one line "N passed, N failed, N skipped". Extra arguments go to `dotnet test` (e.g. --filter X).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
# shellcheck source=scripts/lib.sh
source "$root/scripts/lib.sh"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

"$root/scripts/setup.sh"

work="$(mktemp -d)"
azurite_pid=""
cleanup() {
  if [[ -n "$azurite_pid" ]] && kill -0 "$azurite_pid" 2>/dev/null; then
    kill "$azurite_pid" 2>/dev/null || true
    wait "$azurite_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

table_port="$(free_port)"; queue_port="$(free_port)"; blob_port="$(free_port)"
node_modules/.bin/azurite --silent --inMemoryPersistence --skipApiVersionCheck --disableProductStyleUrl \
  --blobHost 127.0.0.1 --blobPort "$blob_port" --queueHost 127.0.0.1 --queuePort "$queue_port" \
  --tableHost 127.0.0.1 --tablePort "$table_port" >"$work/azurite.log" 2>&1 &
azurite_pid=$!
wait_for_port "$table_port" 30 "Azurite (tables)" || { cat "$work/azurite.log" >&2; exit 1; }
wait_for_port "$queue_port" 30 "Azurite (queues)" || { cat "$work/azurite.log" >&2; exit 1; }
export CONNECTOOBOT_AZURITE_CONNECTION
CONNECTOOBOT_AZURITE_CONNECTION="$(azurite_connection_string "$table_port" "$queue_port" "$blob_port")"
export CONNECTOOBOT_REQUIRE_AZURITE=1
echo "Azurite is up on 127.0.0.1 (tables :$table_port, queues :$queue_port)."

status=0
dotnet test "$root/ConnectooBot.sln" --logger "trx;LogFilePrefix=results" --results-directory "$work/results" "$@" || status=$?

python3 - "$work/results" "$status" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = skipped = 0
for path in glob.glob(sys.argv[1] + "/*.trx"):
    for result in ET.parse(path).getroot().iterfind("t:Results/t:UnitTestResult", ns):
        outcome = result.get("outcome", "")
        if outcome == "Passed":
            passed += 1
        elif outcome in ("NotExecuted", "Inconclusive"):
            skipped += 1
        else:
            failed += 1
if passed + failed == 0:
    print("error: no test ran", file=sys.stderr)
if int(sys.argv[2]) != 0 and failed == 0:
    failed = 1  # the build or the test host failed before any test could report
print(f"{passed} passed, {failed} failed, {skipped} skipped")
sys.exit(1 if failed or passed == 0 else 0)
PY
