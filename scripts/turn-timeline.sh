#!/usr/bin/env bash
# Where a 1-learner turn's time goes, from outside every process: the bot (Release) on an in-memory Azurite, driven by
# one simulated learner, with tcpdump on the loopback for a few seconds. Prints the median and mean gap between the
# messages on the wire: the driver's request → the bot's storage write (the bot's work before it), the write → its
# reply (Azurite), the reply → the bot's answer (the bot's work after it), the answer → the next request (the driver).
# Nothing in the processes is instrumented. Needs root for tcpdump (installed from Debian when missing).
#   scripts/turn-timeline.sh [SECONDS]      (default 3; BOT_EXTRA_ENV="K=V …" passes settings to the bot)
set -euo pipefail
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
SECS="${1:-3}"
WORK_DIR="$(mktemp -d)"
AZURITE_PID=""; BOT_PID=""
cleanup() { [[ -n "$BOT_PID" ]] && kill "$BOT_PID" 2>/dev/null || true; stop_process_group "$AZURITE_PID" Azurite; rm -rf "$WORK_DIR"; }
trap cleanup EXIT

if ! command -v tcpdump >/dev/null; then
  [[ $(id -u) -eq 0 ]] || die "tcpdump is missing; install it as root: apt-get install -y tcpdump"
  DEBIAN_FRONTEND=noninteractive bash -c 'apt-get update -q && apt-get install -y -q tcpdump' >"$WORK_DIR/apt.log" 2>&1 || { show_log_tail "$WORK_DIR/apt.log"; die "apt-get install tcpdump failed"; }
fi

"$REPO_ROOT/scripts/setup.sh" >/dev/null
for project in bot/ConnectooBot.Web tests/ConnectooBot.Benchmarks; do
  dotnet build "$REPO_ROOT/$project" -c Release --nologo -v quiet >"$WORK_DIR/build.log" 2>&1 || { show_log_tail "$WORK_DIR/build.log"; die "build of $project failed"; }
done

start_azurite memory 0 0 0 "$WORK_DIR/azurite.log"
PORT=39128
require_free_port "$PORT" "the bot"
# shellcheck disable=SC2086 # BOT_EXTRA_ENV is a list of K=V words
env ASPNETCORE_URLS="http://127.0.0.1:$PORT" ASPNETCORE_ENVIRONMENT=Development Storage__Backend=AzureTables \
  Storage__ConnectionString="$(azurite_connection_string)" Storage__TablePrefix=timeline Bot__Connector__AllowLoopbackServiceUrls=true \
  ${BOT_EXTRA_ENV:-} dotnet "$REPO_ROOT/artifacts/bin/ConnectooBot.Web/release/ConnectooBot.Web.dll" >"$WORK_DIR/bot.log" 2>&1 &
BOT_PID=$!
for _ in $(seq 1 60); do curl -s -o /dev/null "http://127.0.0.1:$PORT/healthz" && break; sleep 0.5; done
DRIVER=(dotnet "$REPO_ROOT/tests/artifacts/bin/ConnectooBot.Benchmarks/release/ConnectooBot.Benchmarks.dll" drive "http://127.0.0.1:$PORT/" "$REPO_ROOT/dialogs-content")
info "Warming up (20 s at 16 learners, 25 s at 1: the JIT's tier-1 recompilations finish there)…"
"${DRIVER[@]}" 20 16 >/dev/null; "${DRIVER[@]}" 25 1 >/dev/null
"${DRIVER[@]}" $((SECS + 6)) 1 >"$WORK_DIR/drive.txt" &
DRIVE_PID=$!
sleep 3
timeout "$SECS" tcpdump -i lo -n -tt -q -w "$WORK_DIR/turns.pcap" "tcp port $PORT or tcp port $AZURITE_TABLE_PORT" 2>/dev/null || true
wait "$DRIVE_PID" || true
head -1 "$WORK_DIR/drive.txt"
python3 "$REPO_ROOT/scripts/lib/turn-timeline.py" "$WORK_DIR/turns.pcap" "$PORT" "$AZURITE_TABLE_PORT"
