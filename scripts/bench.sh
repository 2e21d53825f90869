#!/usr/bin/env bash
# The benchmark command: builds the bot (Release), installs the botbuilder reference peer (npm ci), starts its own
# in-memory Azurite on 127.0.0.1, runs the turn benchmark (1, 16, 64 and 256 concurrent learners over HTTP against
# the real host: bot on Azurite vs raw storage pairs, bot vs the botbuilder peer, memory with 10,000 learners, cold
# start), the cost of token validation per turn (authentication off vs on, 1 and 16 learners), a 10-minute soak (the
# CI soak test, run longer), then the delivery benchmark (scripts/bench-delivery.sh: 10,000 reminders, a SIGKILL after 3,000), and
# writes docs/benchmarks.md with the machine, the command and the date. About 35 minutes on 2 cores.
# Usage: [BENCH_SOAK_SECONDS=600] scripts/bench.sh [--quick]   (--quick: a smoke run of the same code in about 6 minutes, written to
#        .local/benchmarks-quick.md instead; figures not worth recording)
set -euo pipefail
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

quick=0
case "${1:-}" in
  -h | --help)
    sed -n '2,9p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
    exit 0
    ;;
  --quick) quick=1 ;;
  "") ;;
  *) die "unknown option: $1 (see --help)" ;;
esac

readonly PEER_DIR="$REPO_ROOT/tests/ConnectooBot.Benchmarks/peer"
if ((quick)); then OUT="$REPO_ROOT/.local/benchmarks-quick.md"; else OUT="$REPO_ROOT/docs/benchmarks.md"; fi
WORK_DIR="$(mktemp -d "${TMPDIR:-/tmp}/connectoobot-benchmarks.XXXXXX")"
AZURITE_PID=""

# shellcheck disable=SC2317 # invoked by the traps
cleanup() {
  trap - EXIT INT TERM
  stop_process_group "$AZURITE_PID" "Azurite"
  rm -rf "$WORK_DIR"
}
trap cleanup EXIT
trap 'cleanup; exit 130' INT
trap 'cleanup; exit 143' TERM

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
started_at="$(date -u '+%Y-%m-%d %H:%M UTC')"
"$REPO_ROOT/scripts/setup.sh"
info "Installing the botbuilder reference peer (npm ci)…"
(cd "$PEER_DIR" && npm ci --no-audit --no-fund --loglevel=error >"$WORK_DIR/peer-npm.log" 2>&1) || { show_log_tail "$WORK_DIR/peer-npm.log"; die "npm ci of the peer failed"; }
info "Building the bot and the benchmarks (Release)…"
# The benchmarks drive the host as a process and do not reference it: build both.
for project in bot/ConnectooBot.Web tests/ConnectooBot.Benchmarks; do
  dotnet build "$REPO_ROOT/$project" -c Release --nologo -v quiet >"$WORK_DIR/build.log" 2>&1 || { show_log_tail "$WORK_DIR/build.log"; die "build of $project failed"; }
done
[[ -f "$REPO_ROOT/artifacts/bin/ConnectooBot.Web/release/ConnectooBot.Web.dll" ]] || die "the Release build wrote no ConnectooBot.Web.dll"
readonly BOT_DLL="$REPO_ROOT/artifacts/bin/ConnectooBot.Web/release/ConnectooBot.Web.dll"
readonly BENCH="$REPO_ROOT/tests/artifacts/bin/ConnectooBot.Benchmarks/release/ConnectooBot.Benchmarks.dll"

start_azurite memory 0 0 0 "$WORK_DIR/azurite.log"
BENCH_STORAGE="$(azurite_connection_string)"
BENCH_PREFIX="bench$RANDOM"
BENCH_AZURITE_PID="$(pgrep -P "$AZURITE_PID" -f azurite || echo "$AZURITE_PID")"
export BENCH_STORAGE BENCH_PREFIX BENCH_AZURITE_PID

info "Turn benchmark…"
turns_status=0
if ((quick)); then
  dotnet "$BENCH" turns "$BOT_DLL" "$PEER_DIR" "$WORK_DIR/turns.md" quick || turns_status=$?
else
  dotnet "$BENCH" turns "$BOT_DLL" "$PEER_DIR" "$WORK_DIR/turns.md" || turns_status=$?
fi
[[ -s "$WORK_DIR/turns.md" ]] || die "the turn benchmark wrote no report (exit code $turns_status)"

info "Token validation benchmark (authentication off vs on)…"
auth_status=0
if ((quick)); then
  dotnet "$BENCH" auth "$BOT_DLL" "$WORK_DIR/auth.md" quick || auth_status=$?
else
  dotnet "$BENCH" auth "$BOT_DLL" "$WORK_DIR/auth.md" || auth_status=$?
fi
((auth_status == 0)) || warn "the token validation benchmark reported problems (exit code $auth_status)"

if ((quick)); then soak_seconds=60; else soak_seconds="${BENCH_SOAK_SECONDS:-600}"; fi
info "Soak: $soak_seconds s at a steady rate (the CI soak test, run longer)…"
soak_status=0
CONNECTOOBOT_AZURITE_CONNECTION="$BENCH_STORAGE" CONNECTOOBOT_SOAK_SECONDS="$soak_seconds" CONNECTOOBOT_SOAK_REPORT="$WORK_DIR/soak.md" \
  dotnet test "$REPO_ROOT/tests/ConnectooBot.Web.Tests" -c Release --nologo --filter "FullyQualifiedName~SoakTests" >"$WORK_DIR/soak.log" 2>&1 || soak_status=$?
if ((soak_status != 0)); then
  show_log_tail "$WORK_DIR/soak.log" 40
  warn "the soak test failed (exit code $soak_status)"
fi
stop_process_group "$AZURITE_PID" "Azurite"
AZURITE_PID=""

info "Delivery benchmark…"
if ((quick)); then delivery=(1000 300); else delivery=(10000 3000); fi
if ((quick)); then export RESULTS_FILE=/dev/null; fi
REPORT="$WORK_DIR/delivery.md" "$REPO_ROOT/scripts/bench-delivery.sh" "${delivery[@]}"

command_line="scripts/bench.sh"
((quick)) && command_line+=" --quick"
cpu="$(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -1)"
# shellcheck disable=SC2016 # the backticks in this Markdown are literal
{
  printf '# ConnectooBot benchmarks\n\n'
  printf 'Written by `%s` on %s (it rewrites this file; earlier runs are in git history).\n\n' "$command_line" "$started_at"
  printf '**Machine:** %s logical CPUs (%s), %s GB RAM, %s; .NET SDK %s, Node %s; Azurite %s (in memory), botbuilder %s.\n' \
    "$(nproc)" "${cpu:-unknown CPU}" "$(awk '/MemTotal/ {printf "%.0f", $2/1024/1024}' /proc/meminfo)" \
    "$(. /etc/os-release && echo "$PRETTY_NAME")" "$(dotnet --version)" "$(node --version)" \
    "$(node -p "require('$REPO_ROOT/node_modules/azurite/package.json').version")" \
    "$(node -p "require('$PEER_DIR/node_modules/botbuilder/package.json').version")"
  printf 'The driver, the bot, Azurite and the peer all share these CPUs; the host runs as its own process (Release build, `ASPNETCORE_ENVIRONMENT=Development`: authentication off, as for the peer, except in the token validation section; the shipped log levels).\n\n'
  printf '## Method\n\n'
  printf -- '- **Simulated learners** (`tests/ConnectooBot.Testing/Load/SimulatedLearner.cs`) install the bot, click Start, then click through lessons and quizzes as Teams delivers them (Action.Execute invokes; the next card comes back in the invoke response), answering from the course'"'"'s answer key 9 times in 10, so most quizzes pass, some are retried, modules follow one another and some learners finish and earn the badge (then a new learner takes their place). A course turn costs one write, the learner row replaced with its ETag, holding the activity claim (`RecentClaims`), and no read: the host runs alone, so it holds the copy of each learner it wrote last (`CachedLearnerStore`); an instance without a current copy reads first (pinned by `StorageCostTests` and `WalkStorageCostTests`).\n'
  printf -- '- **Raw storage pairs**: the same Azurite, the bot'"'"'s own storage client options, one point read + one upsert of a row shaped like the median learner row the bot wrote, one row per concurrent loop. The row is the bot'"'"'s own shape, so it holds the claims column of a course turn. A second raw run, for reference, writes what a course turn wrote before its claim moved into the row: the row replaced with its ETag and a new activity-claim row (the shape of `ActivityClaimRows`, with a 320-byte compressed answer) in one entity-group transaction, after its point read.\n'
  printf -- '- **Reference peer** (`tests/ConnectooBot.Benchmarks/peer/`): Microsoft'"'"'s botbuilder 4.23.3 `CloudAdapter`, `MemoryStorage`, `UserState`: read state, reply (the invoke response card, or a message through the connector), write state. It receives byte for byte the activities ConnectooBot received (recorded, then replayed per learner); ConnectooBot runs with its in-memory store for this comparison.\n'
  printf -- '- **CPU per turn** is read from /proc for each process around each run: on a shared machine it shows what each turn really costs, whatever the scheduler did.\n\n'
  printf '## Turns: throughput, latency, memory, cold start\n\n'
  cat "$WORK_DIR/turns.md"
  printf '\n## Cost of token validation per turn\n\n'
  if [[ -s "$WORK_DIR/auth.md" ]]; then cat "$WORK_DIR/auth.md"; else printf 'The token validation benchmark wrote no report (exit code %s).\n' "$auth_status"; fi
  printf '\n## Soak\n\n'
  if [[ -s "$WORK_DIR/soak.md" ]]; then cat "$WORK_DIR/soak.md"; else printf 'The soak test wrote no report.\n'; fi
  if ((soak_status == 0)); then
    printf '\nThe soak test passed: every turn answered as expected, no error in the host log, memory and p95 level (see tests/ConnectooBot.Web.Tests/Soak/SoakTests.cs).\n'
  else
    printf '\n**The soak test failed** (exit code %s).\n' "$soak_status"
  fi
  printf '\n## Delivery: reminders through the queue, the rate limit and a crash\n\n'
  printf 'From `scripts/bench-delivery.sh %s %s` (history in tests/ConnectooBot.Benchmarks/RESULTS.md).\n' "${delivery[@]}"
  cat "$WORK_DIR/delivery.md"
  printf '\nHow a delivery is paced and what it costs (bot/ConnectooBot.Web/Delivery/README.md):\n\n'
  printf -- '- **Tenant gate**: each send reserves the next slot exactly 1/rate after the previous one (`SendSchedule`, GCRA on the injected clock; no refill tick, so no fraction of a token is lost at any burst): 48/s, burst 1, against Teams'"'"' 50 per app per tenant. The conversation read comes before the gate, so only the claim write separates a slot from its POST, and a POST-time window holds a POST when storage latency bunched them.\n'
  printf -- '- **Queue**: items travel 32 to a queue message (Azurite scans every message of the account on each queue operation, so 10,000 single-item messages made each operation slow); a returned item goes back alone.\n'
  printf -- '- **Storage requests per message** (the row above): counted in the worker'"'"'s SDK pipelines, logged every 10 s and summed by the script: 3 table operations (chat check, claim, outcome) plus 1/32 receive and 1/32 delete; a killed worker'"'"'s batches come back and their final items cost a claim read each.\n'
  printf -- '- **429**: the throttled send waits its Retry-After; a lone 429 pauses the tenant 250 ms, 429s that keep coming pause it for the whole Retry-After.\n'
} >"$OUT"
info "Wrote $OUT"
((turns_status == 0 && auth_status == 0 && soak_status == 0)) || exit 1
