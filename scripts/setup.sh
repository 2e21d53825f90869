#!/usr/bin/env bash
# Installs what a fresh machine lacks for ConnectooBot's local run and tests, and nothing more:
#   - the pinned npm tools (Azurite, Agents Playground, adaptivecards, playwright-core, jose for the badge verifier)
#     with `npm ci`, when node_modules is missing or older than package-lock.json;
#   - the NuGet packages of ConnectooBot.sln (`dotnet restore`);
#   - with --browser: Debian's Chromium (/usr/bin/chromium) for screenshots and the dashboard's browser test (Playwright
#     for .NET, tests/ConnectooBot.Web.Tests/Admin/Browser), when it is missing; scripts/test.sh (and so CI) passes it.
# Idempotent and quiet on success; on failure it prints the failing step's log.
set -euo pipefail
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

usage() {
  cat <<'EOF'
Usage: scripts/setup.sh [--browser]
  --browser   also install Debian's chromium package when /usr/bin/chromium is missing (needs root)
EOF
}

want_browser=0
for arg in "$@"; do
  case "$arg" in
    --browser) want_browser=1 ;;
    -h | --help)
      usage
      exit 0
      ;;
    *)
      usage >&2
      die "unknown option: $arg"
      ;;
  esac
done

SETUP_LOG_DIR="$REPO_ROOT/.local/logs"
mkdir -p "$SETUP_LOG_DIR"

# Runs a step with its output in a log file; shows the log and fails when the step fails.
run_step() {
  local name="$1" log="$SETUP_LOG_DIR/setup-$1.log"
  shift
  if ! "$@" >"$log" 2>&1; then
    show_log_tail "$log" 60
    die "setup step '$name' failed (full log: $log)"
  fi
}

check_node() {
  command -v node >/dev/null 2>&1 || die "node is not installed (Node.js >= 20 is needed for Azurite and the Agents Playground)"
  command -v npm >/dev/null 2>&1 || die "npm is not installed"
  local major
  major="$(node -p 'process.versions.node.split(".")[0]')"
  ((major >= 20)) || die "Node.js >= 20 is needed, found $(node --version)"
}

npm_packages_current() {
  local stamp="$REPO_ROOT/node_modules/.connectoobot-lock.sha256"
  [[ -f "$stamp" && -d "$REPO_ROOT/node_modules" ]] || return 1
  [[ "$(sha256sum "$REPO_ROOT/package-lock.json" | cut -d' ' -f1)" == "$(cat "$stamp")" ]]
}

install_npm_packages() {
  check_node
  if npm_packages_current; then
    return 0
  fi
  # Azurite 3.37 declares node >= 22 but runs on the machine's Node 20: the engine notice is only a warning.
  run_step npm-ci npm ci --prefix "$REPO_ROOT" --no-audit --no-fund --loglevel=error
  sha256sum "$REPO_ROOT/package-lock.json" | cut -d' ' -f1 >"$REPO_ROOT/node_modules/.connectoobot-lock.sha256"
}

restore_dotnet() {
  command -v dotnet >/dev/null 2>&1 || die "the .NET SDK (dotnet) is not installed"
  run_step dotnet-restore dotnet restore "$REPO_ROOT/ConnectooBot.sln" --nologo --verbosity quiet
}

install_browser() {
  [[ -x /usr/bin/chromium ]] && return 0
  if [[ "$(id -u)" -ne 0 ]]; then
    die "/usr/bin/chromium is missing; install it as root: apt-get update && apt-get install -y chromium"
  fi
  run_step apt-chromium env DEBIAN_FRONTEND=noninteractive \
    bash -c 'apt-get update -q && apt-get install -y -q --no-install-recommends chromium fonts-liberation fonts-dejavu-core'
  [[ -x /usr/bin/chromium ]] || die "apt-get installed chromium but /usr/bin/chromium is still missing"
}

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
install_npm_packages
restore_dotnet
if ((want_browser)); then
  install_browser
fi
