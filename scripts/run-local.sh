#!/usr/bin/env bash
# Runs ConnectooBot locally: Azurite (Tables, Queues, Blobs), the bot on http://127.0.0.1:3978/api/messages and the
# Microsoft 365 Agents Playground (a local Teams client) on http://127.0.0.1:56150 — all bound to 127.0.0.1.
# Ctrl-C stops everything it started. Logs: .local/logs/. Data: .local/azurite/ (kept between runs).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
# shellcheck source=scripts/lib.sh
source "$root/scripts/lib.sh"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

"$root/scripts/setup.sh"
mkdir -p .local/logs .local/azurite
pids=()
cleanup() {
  trap - EXIT INT TERM
  echo; echo "Stopping…"
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT INT TERM

for port in 10000 10001 10002 3978 56150; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "error: port $port is already in use on 127.0.0.1; stop what uses it (ss -ltnp | grep :$port) and retry." >&2
    exit 1
  fi
done

echo "Starting Azurite…"
node_modules/.bin/azurite --silent --skipApiVersionCheck --location .local/azurite \
  --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 >.local/logs/azurite.log 2>&1 &
pids+=($!)
wait_for_port 10002 30 "Azurite"

echo "Building and starting the bot…"
dotnet build bot/ConnectooBot.Web --verbosity quiet --nologo >.local/logs/build.log 2>&1 || { cat .local/logs/build.log; exit 1; }
ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS=http://127.0.0.1:3978 \
  Storage__ConnectionString="$(azurite_connection_string 10002 10001 10000)" \
  dotnet run --project bot/ConnectooBot.Web --no-build --no-launch-profile >.local/logs/bot.log 2>&1 &
pids+=($!)
wait_for_port 3978 60 "the bot" || { tail -40 .local/logs/bot.log >&2; exit 1; }

echo "Starting the Agents Playground…"
TEAMSAPPTESTER_BROWSER=none M365_AGENTS_PLAYGROUND_LOGFILE="$root/.local/logs/playground-internal.log" \
  node --require "$root/scripts/loopback-only.cjs" node_modules/@microsoft/m365agentsplayground/cli.js \
  --app-endpoint http://127.0.0.1:3978/api/messages --channel-id msteams --port 56150 \
  --service-url http://127.0.0.1:56150/_connector --disable-telemetry >.local/logs/playground.log 2>&1 &
pids+=($!)
wait_for_port 56150 60 "the Agents Playground" || { tail -40 .local/logs/playground.log >&2; exit 1; }

cat <<MSG

ConnectooBot is running.
  Chat with it:   http://127.0.0.1:56150   (Microsoft 365 Agents Playground, mock tenant in .m365agentsplayground.yml)
  Bot endpoint:   http://127.0.0.1:3978/api/messages   (health: /healthz, readiness: /readyz)
  Storage:        Azurite on 127.0.0.1:10000-10002, data in .local/azurite
  Logs:           .local/logs/{bot,playground,azurite}.log
Press Ctrl-C to stop everything.
MSG
wait -n "${pids[@]}" || true
echo "A process stopped; see .local/logs." >&2
