#!/usr/bin/env bash
# Runs ConnectooBot locally, everything on 127.0.0.1, no Azure account needed:
#   Azurite (Blob 10000, Queue 10001, Table 10002; data in .local/azurite/)
#   the bot on http://127.0.0.1:3978/api/messages (Development, authentication off)
#   the Microsoft 365 Agents Playground on http://127.0.0.1:56150, pointed at the bot, with the mock tenant,
#   users and team of .m365agentsplayground.yml
# Logs go to .local/logs/ and are followed on the terminal. Ctrl-C (or SIGTERM) stops everything it started.
set -euo pipefail
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

readonly AZURITE_PORTS=(10000 10001 10002) # Blob, Queue, Table: Azurite's defaults
readonly BOT_PORT=3978
readonly PLAYGROUND_PORT=56150
readonly BOT_URL="http://127.0.0.1:$BOT_PORT"
readonly PLAYGROUND_URL="http://127.0.0.1:$PLAYGROUND_PORT"
readonly LOG_DIR="$REPO_ROOT/.local/logs"
readonly PLAYGROUND_CONFIG="$REPO_ROOT/.m365agentsplayground.yml"

case "${1:-}" in
  "") ;;
  -h | --help)
    sed -n '2,7p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
    exit 0
    ;;
  *) die "unknown option: $1 (try --help)" ;;
esac

AZURITE_PID=""
BOT_PID=""
PLAYGROUND_PID=""
TAIL_PID=""

# shellcheck disable=SC2317 # invoked by the traps
cleanup() {
  trap - EXIT INT TERM
  if [[ -n "$TAIL_PID" ]]; then
    kill "$TAIL_PID" 2>/dev/null || true
    wait "$TAIL_PID" 2>/dev/null || true
  fi
  stop_process_group "$PLAYGROUND_PID" "Agents Playground"
  stop_process_group "$BOT_PID" "bot"
  stop_process_group "$AZURITE_PID" "Azurite"
  if [[ -n "$AZURITE_PID" ]]; then info "Stopped what run-local.sh started."; fi
}
trap cleanup EXIT
trap 'printf "\n"; cleanup; exit 130' INT
trap 'cleanup; exit 143' TERM

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# Fail early, with a clear message, rather than half-start next to something else.
require_free_port "${AZURITE_PORTS[0]}" "Azurite Blob"
require_free_port "${AZURITE_PORTS[1]}" "Azurite Queue"
require_free_port "${AZURITE_PORTS[2]}" "Azurite Table"
require_free_port "$BOT_PORT" "bot"
require_free_port "$PLAYGROUND_PORT" "Agents Playground"

info "Setting up (npm ci / dotnet restore when needed)…"
"$REPO_ROOT/scripts/setup.sh"
mkdir -p "$LOG_DIR"

info "Building the bot…"
if ! dotnet build "$REPO_ROOT/bot/ConnectooBot.Web/ConnectooBot.Web.csproj" --nologo --verbosity quiet \
  >"$LOG_DIR/bot-build.log" 2>&1; then
  show_log_tail "$LOG_DIR/bot-build.log" 60
  die "the bot does not build (log: $LOG_DIR/bot-build.log)"
fi

info "Starting Azurite…"
start_azurite "$REPO_ROOT/.local/azurite" "${AZURITE_PORTS[@]}" "$LOG_DIR/azurite.log"
STORAGE_CONNECTION="$(azurite_connection_string)"

info "Starting the bot…"
: >"$LOG_DIR/bot.log"
unset Bot__AppId Bot__ClientSecret Bot__CertificatePath Bot__ManagedIdentityClientId
# The L&D dashboard's Development sign-in (/admin) offers the Playground's tenant, where the local learners are.
PLAYGROUND_TENANT="$(sed -n 's/^tenantId: *//p' "$REPO_ROOT/.m365agentsplayground.yml" | head -n 1)"
start_in_background "$LOG_DIR/bot.log" env \
  ASPNETCORE_ENVIRONMENT=Development \
  Admin__DevelopmentTenantId="$PLAYGROUND_TENANT" \
  ASPNETCORE_URLS="$BOT_URL" \
  Storage__ConnectionString="$STORAGE_CONNECTION" \
  dotnet run --project "$REPO_ROOT/bot/ConnectooBot.Web" --no-launch-profile --no-build
BOT_PID=$STARTED_PID

# Ready when /healthz answers 200. While the bot has no /healthz (404), an open port is enough.
deadline=$((SECONDS + 90))
while :; do
  process_alive "$BOT_PID" || {
    show_log_tail "$LOG_DIR/bot.log"
    die "the bot exited while starting (log: $LOG_DIR/bot.log)"
  }
  status="$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$BOT_URL/healthz" || true)"
  [[ "$status" == "200" || "$status" == "404" ]] && break
  ((SECONDS < deadline)) || {
    show_log_tail "$LOG_DIR/bot.log"
    die "the bot did not become healthy within 90 s (last /healthz status: $status; log: $LOG_DIR/bot.log)"
  }
  sleep 0.3
done
[[ "$status" == "200" ]] || warn "the bot has no /healthz yet (404); it listens on $BOT_URL, going on"

info "Starting the Agents Playground…"
: >"$LOG_DIR/playground.log"
: >"$LOG_DIR/playground-console.log"
# The Playground has no --host option and binds every interface: the preload binds its listener to 127.0.0.1.
# TEAMSAPPTESTER_BROWSER=none: do not try to open a browser. TZ: activities carry localTimezone Europe/Brussels.
start_in_background "$LOG_DIR/playground-console.log" env \
  TEAMSAPPTESTER_BROWSER=none \
  TZ=Europe/Brussels \
  M365_AGENTS_PLAYGROUND_CONFIG_PATH="$PLAYGROUND_CONFIG" \
  M365_AGENTS_PLAYGROUND_LOGFILE="$LOG_DIR/playground.log" \
  node --require "$REPO_ROOT/scripts/lib/listen-on-loopback.cjs" \
  "$REPO_ROOT/node_modules/@microsoft/m365agentsplayground/cli.js" \
  --app-endpoint "$BOT_URL/api/messages" \
  --channel-id msteams \
  --port "$PLAYGROUND_PORT" \
  --service-url "$PLAYGROUND_URL/_connector" \
  --disable-telemetry
PLAYGROUND_PID=$STARTED_PID
wait_for_log_line "$LOG_DIR/playground-console.log" '^Listening on [0-9]+' "$PLAYGROUND_PID" 60 "the Agents Playground"
# It silently moves to a random port when its port is taken: refuse that.
grep -q "^Listening on $PLAYGROUND_PORT\$" "$LOG_DIR/playground-console.log" ||
  die "the Agents Playground did not get port $PLAYGROUND_PORT: $(grep -m1 '^Listening on' "$LOG_DIR/playground-console.log")"
[[ "$(curl -s --max-time 5 "$PLAYGROUND_URL/_debug/ping" || true)" == "pong" ]] ||
  die "the Agents Playground does not answer on $PLAYGROUND_URL (log: $LOG_DIR/playground.log)"

cat <<EOF

ConnectooBot runs locally (authentication off, Development):
  Chat:        $PLAYGROUND_URL   <- open this in a browser (Agents Playground, mock tenant of .m365agentsplayground.yml)
  Bot:         $BOT_URL/api/messages
  Dashboard:   $BOT_URL/admin   <- the L&D dashboard (Development sign-in; figures after POST $BOT_URL/dev/insights/rollup)
  Azurite:     Blob ${AZURITE_PORTS[0]}, Queue ${AZURITE_PORTS[1]}, Table ${AZURITE_PORTS[2]} on 127.0.0.1 (data in .local/azurite/)
  Logs:        .local/logs/bot.log, .local/logs/playground.log, .local/logs/azurite.log
Press Ctrl-C to stop everything.

EOF

tail -n +1 -F "$LOG_DIR/bot.log" "$LOG_DIR/playground.log" &
TAIL_PID=$!

# Runs until Ctrl-C / SIGTERM (the traps stop everything) or until one of the services dies.
set +e
wait -n "$AZURITE_PID" "$BOT_PID" "$PLAYGROUND_PID"
set -e
for service in "Azurite:$AZURITE_PID:azurite.log" "bot:$BOT_PID:bot.log" "Agents Playground:$PLAYGROUND_PID:playground-console.log"; do
  IFS=: read -r name pid log <<<"$service"
  process_alive "$pid" || {
    show_log_tail "$LOG_DIR/$log"
    warn "$name stopped unexpectedly (log: $LOG_DIR/$log); stopping the rest"
  }
done
exit 1
