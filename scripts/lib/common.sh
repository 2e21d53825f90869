# shellcheck shell=bash
# Helpers shared by scripts/*.sh. Source it after `set -euo pipefail`; it sets REPO_ROOT.

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
readonly REPO_ROOT
readonly AZURITE_ACCOUNT_NAME="devstoreaccount1"
# The fixed, publicly documented key of Azurite's development account: not a secret.
readonly AZURITE_ACCOUNT_KEY="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="

info() { printf '%s\n' "$*"; }
warn() { printf 'warning: %s\n' "$*" >&2; }
die() {
  printf 'error: %s\n' "$*" >&2
  exit 1
}

# Prints the last lines of a log file to stderr, indented, to explain a failure.
show_log_tail() {
  local file="$1" lines="${2:-40}"
  if [[ -s "$file" ]]; then
    printf -- '--- last %s lines of %s ---\n' "$lines" "$file" >&2
    tail -n "$lines" "$file" | sed 's/^/  /' >&2
  fi
}

# True when something accepts TCP connections on 127.0.0.1:PORT (a listener on 0.0.0.0 counts too).
port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

require_free_port() {
  local port="$1" what="$2"
  if port_in_use "$port"; then
    die "port $port ($what) is already in use on 127.0.0.1. Stop whatever listens there (see: ss -ltnp 'sport = :$port') and try again."
  fi
}

# True while PID runs (a zombie waiting to be reaped does not count).
process_alive() {
  local pid="${1:-}" stat
  [[ -n "$pid" ]] && stat="$(cat "/proc/$pid/stat" 2>/dev/null)" || return 1
  stat="${stat##*) }"
  [[ "${stat%% *}" != "Z" ]]
}

# Starts a command in its own session (so its whole process tree can be stopped through its PID), with stdin
# from /dev/null and stdout/stderr appended to LOG. Sets STARTED_PID.
start_in_background() {
  local log="$1"
  shift
  setsid "$@" </dev/null >>"$log" 2>&1 &
  STARTED_PID=$!
}

# Stops what start_in_background started: SIGTERM to its process group, then SIGKILL after a grace period.
stop_process_group() {
  local pid="$1" name="$2" grace_tenths="${3:-100}"
  [[ -n "$pid" ]] || return 0
  if ! process_alive "$pid"; then
    wait "$pid" 2>/dev/null || true
    kill -0 -- "-$pid" 2>/dev/null || return 0
  fi
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  local i
  for ((i = 0; i < grace_tenths; i++)); do
    if ! process_alive "$pid"; then
      wait "$pid" 2>/dev/null || true
      kill -0 -- "-$pid" 2>/dev/null || return 0
    fi
    sleep 0.1
  done
  warn "$name (pid $pid) did not stop within $((grace_tenths / 10)) s; killing it"
  kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

# Waits until PATTERN (an extended regex) appears in FILE while PID lives. Fails on timeout or process exit.
wait_for_log_line() {
  local file="$1" pattern="$2" pid="$3" timeout_s="$4" what="$5"
  local deadline=$((SECONDS + timeout_s))
  until grep -Eq -- "$pattern" "$file" 2>/dev/null; do
    if ! process_alive "$pid"; then
      show_log_tail "$file"
      die "$what exited while starting (log: $file)"
    fi
    if ((SECONDS >= deadline)); then
      show_log_tail "$file"
      die "$what did not start within $timeout_s s (log: $file)"
    fi
    sleep 0.2
  done
}

# Starts Azurite (Blob, Queue, Table) bound to 127.0.0.1. MODE is "memory" (in-memory persistence) or a
# directory for its data. Ports of 0 let Azurite pick free ones. Sets AZURITE_PID and AZURITE_{BLOB,QUEUE,TABLE}_PORT.
start_azurite() {
  local mode="$1" blob_port="$2" queue_port="$3" table_port="$4" log="$5"
  local -a storage
  if [[ "$mode" == "memory" ]]; then
    storage=(--inMemoryPersistence)
  else
    mkdir -p "$mode"
    storage=(--location "$mode")
  fi
  : >"$log"
  start_in_background "$log" "$REPO_ROOT/node_modules/.bin/azurite" "${storage[@]}" \
    --blobHost 127.0.0.1 --blobPort "$blob_port" \
    --queueHost 127.0.0.1 --queuePort "$queue_port" \
    --tableHost 127.0.0.1 --tablePort "$table_port" \
    --skipApiVersionCheck --disableProductStyleUrl --disableTelemetry --silent
  AZURITE_PID=$STARTED_PID
  wait_for_log_line "$log" 'Table service is successfully listening' "$AZURITE_PID" 60 "Azurite"
  wait_for_log_line "$log" 'Queue service is successfully listening' "$AZURITE_PID" 10 "Azurite"
  wait_for_log_line "$log" 'Blob service is successfully listening' "$AZURITE_PID" 10 "Azurite"
  AZURITE_BLOB_PORT="$(azurite_listening_port "$log" Blob)"
  AZURITE_QUEUE_PORT="$(azurite_listening_port "$log" Queue)"
  AZURITE_TABLE_PORT="$(azurite_listening_port "$log" Table)"
  local port
  for port in "$AZURITE_BLOB_PORT" "$AZURITE_QUEUE_PORT" "$AZURITE_TABLE_PORT"; do
    [[ "$port" =~ ^[0-9]+$ ]] || die "could not read Azurite's ports from $log"
  done
  # An unauthenticated request gets an HTTP error from Azurite: any HTTP status proves the service answers.
  local status
  status="$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "http://127.0.0.1:$AZURITE_TABLE_PORT/$AZURITE_ACCOUNT_NAME/Tables" || true)"
  [[ "$status" =~ ^[1-5][0-9][0-9]$ ]] || die "Azurite's Table service on port $AZURITE_TABLE_PORT does not answer HTTP"
}

azurite_listening_port() {
  sed -nE "s|.*Azurite $2 service is successfully listening at http://127\.0\.0\.1:([0-9]+).*|\1|p" "$1" | tail -n 1
}

# The full connection string of the running Azurite (explicit endpoints, so any port works).
azurite_connection_string() {
  local base="http://127.0.0.1"
  printf 'DefaultEndpointsProtocol=http;AccountName=%s;AccountKey=%s;BlobEndpoint=%s:%s/%s;QueueEndpoint=%s:%s/%s;TableEndpoint=%s:%s/%s;' \
    "$AZURITE_ACCOUNT_NAME" "$AZURITE_ACCOUNT_KEY" \
    "$base" "$AZURITE_BLOB_PORT" "$AZURITE_ACCOUNT_NAME" \
    "$base" "$AZURITE_QUEUE_PORT" "$AZURITE_ACCOUNT_NAME" \
    "$base" "$AZURITE_TABLE_PORT" "$AZURITE_ACCOUNT_NAME"
}
