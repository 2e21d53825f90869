#!/usr/bin/env bash
# Delivery benchmark (not a test): COUNT reminders (default 10000) through the real bot as the worker process, to a
# local connector that allows CONNECTOR_RATE requests/s (default 50; 429 + Retry-After: 1 beyond). The worker is
# killed with SIGKILL after KILL_AFTER deliveries (default 3000; 0: no kill) and started again. Prints a Markdown
# table (ledger and connector counts: loss, duplicates, delivered rate, and the storage requests per message that the
# worker logged) and appends it to tests/ConnectooBot.Benchmarks/RESULTS.md.
# Usage: scripts/bench-delivery.sh [COUNT] [KILL_AFTER]   (env: CONNECTOR_RATE, WORKER_RATE default 48, WORKER_BURST default 1,
#        KEEP_LOGS=DIR keeps the worker's, connector's and Azurite's logs there, REPORT=FILE also writes the table there,
#        RESULTS_FILE=FILE appends there instead of RESULTS.md)
set -euo pipefail
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

case "${1:-}" in
  -h | --help)
    sed -n '2,9p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
    exit 0
    ;;
esac

readonly COUNT="${1:-10000}" KILL_AFTER="${2:-3000}"
readonly CONNECTOR_RATE="${CONNECTOR_RATE:-50}" WORKER_RATE="${WORKER_RATE:-48}" WORKER_BURST="${WORKER_BURST:-1}"
readonly RESULTS="${RESULTS_FILE:-$REPO_ROOT/tests/ConnectooBot.Benchmarks/RESULTS.md}"
WORK_DIR="$(mktemp -d "${TMPDIR:-/tmp}/connectoobot-bench.XXXXXX")"
AZURITE_PID="" CONNECTOR_PID="" WORKER_PID=""

# shellcheck disable=SC2317 # invoked by the traps
cleanup() {
  trap - EXIT INT TERM
  stop_process_group "$WORKER_PID" "worker"
  stop_process_group "$CONNECTOR_PID" "connector"
  stop_process_group "$AZURITE_PID" "Azurite"
  if [[ -n "${KEEP_LOGS:-}" ]]; then
    mkdir -p "$KEEP_LOGS"
    cp "$WORK_DIR"/*.log "$KEEP_LOGS"/ 2>/dev/null || true
  fi
  rm -rf "$WORK_DIR"
}
trap cleanup EXIT
trap 'cleanup; exit 130' INT
trap 'cleanup; exit 143' TERM

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
info "Building the bot and the benchmark helpers…"
dotnet build "$REPO_ROOT/bot/ConnectooBot.Web" -c Release --nologo -v quiet >/dev/null
dotnet build "$REPO_ROOT/tests/ConnectooBot.Benchmarks" -c Release --nologo -v quiet >/dev/null
readonly BOT_DIR="$REPO_ROOT/artifacts/bin/ConnectooBot.Web/release"
readonly BENCH="$REPO_ROOT/tests/artifacts/bin/ConnectooBot.Benchmarks/release/ConnectooBot.Benchmarks.dll"
[[ -f "$BENCH" && -f "$BOT_DIR/ConnectooBot.Web.dll" ]] || die "build outputs not found ($BENCH, $BOT_DIR)"
bench() { dotnet "$BENCH" "$@"; }

start_azurite memory 0 0 0 "$WORK_DIR/azurite.log"
BENCH_STORAGE="$(azurite_connection_string)"
BENCH_PREFIX="bench$RANDOM"
export BENCH_STORAGE BENCH_PREFIX

start_in_background "$WORK_DIR/connector.log" dotnet "$BENCH" connector "$CONNECTOR_RATE" "$WORK_DIR/url" "$WORK_DIR/stats.json"
CONNECTOR_PID=$STARTED_PID
for _ in $(seq 100); do [[ -s "$WORK_DIR/url" ]] && break; sleep 0.1; done
[[ -s "$WORK_DIR/url" ]] || { show_log_tail "$WORK_DIR/connector.log"; die "the benchmark connector did not start"; }
SERVICE_URL="$(cat "$WORK_DIR/url")"

start_worker() {
  start_in_background "$WORK_DIR/worker.log" env -C "$BOT_DIR" \
    ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="http://127.0.0.1:0" \
    Storage__Backend=AzureTables Storage__ConnectionString="$BENCH_STORAGE" Storage__TablePrefix="$BENCH_PREFIX" \
    Bot__Connector__AllowLoopbackServiceUrls=true Bot__Connector__MaxRetries=0 \
    Delivery__RequestsPerSecondPerTenant="$WORKER_RATE" Delivery__Burst="$WORKER_BURST" Delivery__VisibilityTimeout=00:00:20 \
    Delivery__SendTimeout=00:00:05 Delivery__ClaimMargin=00:00:03 Delivery__PollInterval=00:00:00.200 \
    Nudges__SchedulerEnabled=false Reminders__SchedulerEnabled=false Logging__LogLevel__Default=Warning Logging__LogLevel__ConnectooBot.Web.Delivery=Information \
    dotnet ConnectooBot.Web.dll
  WORKER_PID=$STARTED_PID
}

RUN_ID="bench/$(date -u +%Y-%m-%dT%H:%M:%SZ)"
bench enqueue "$COUNT" "$RUN_ID" "$SERVICE_URL"
started=$SECONDS
start_worker
if ((KILL_AFTER > 0 && KILL_AFTER < COUNT)); then
  bench wait "$RUN_ID" "$WORK_DIR/stats.json" 3600 "$KILL_AFTER"
  info "Killing the worker (SIGKILL, pid $WORKER_PID) after $KILL_AFTER deliveries, then starting it again"
  kill -KILL -- "-$WORKER_PID" 2>/dev/null || kill -KILL "$WORKER_PID"
  wait "$WORKER_PID" 2>/dev/null || true
  start_worker
fi
report="$(bench wait "$RUN_ID" "$WORK_DIR/stats.json" 3600)"
elapsed=$((SECONDS - started))
# A graceful stop makes the worker log its last progress line; the killed life lost only its last partial interval.
stop_process_group "$WORKER_PID" "worker"
WORKER_PID=""
storage_rows="$({ grep -o 'Delivery progress: [0-9]* messages handled in [0-9.,]* s with [0-9]* table and [0-9]* queue requests' "$WORK_DIR/worker.log" || true; } |
  awk '{ m += $3; t += $10; q += $13 }
    END {
      if (m == 0) { print "| storage requests per message (worker log) | not logged |"; exit }
      printf "| storage requests per message handled (worker log: %d messages) | %.2f (table %.2f, queue %.2f) |\n", m, (t + q) / m, t / m, q / m
    }')"
report="$(printf '%s\n' "$report" | awk -v rows="$storage_rows" 'done == 0 && $0 == "" { print rows; done = 1 } { print } END { if (done == 0) print rows }')"

{
  printf '\n## %s — %s reminders, connector limit %s/s, worker %s/s (burst %s), SIGKILL after %s\n\n' \
    "$(date -u +%Y-%m-%d)" "$COUNT" "$CONNECTOR_RATE" "$WORKER_RATE" "$WORKER_BURST" "$KILL_AFTER"
  printf 'Machine: %s cores (shared), Azurite in memory; wall time from start to complete ledger: %s s.\n\n' "$(nproc)" "$elapsed"
  printf '| measure | value |\n|---|---|\n%s\n' "$report"
} | tee -a "$RESULTS" | tee "${REPORT:-/dev/null}"
