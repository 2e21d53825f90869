#!/usr/bin/env bash
# Compiles and lints the Azure infrastructure (infra/) with the real bicep CLI, pinned in infra/tools/BicepCli.csproj
# and restored from NuGet (Azure.Bicep.CommandLine.linux-x64): `bicep build` of infra/main.bicep, `bicep lint` with
# infra/bicepconfig.json, `bicep build-params` of every infra/parameters/*.bicepparam, and a `bicep format` check.
# Fails on any error, warning or info (bicep itself exits 0 on linter warnings, so its output is inspected).
# Option --keep-json keeps the compiled ARM template and parameter files in .local/infra/ (the deployment uses them).
set -euo pipefail
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

keep_json=false
case "${1:-}" in
  -h | --help)
    sed -n '2,6p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
    exit 0
    ;;
  --keep-json) keep_json=true ;;
  "") ;;
  *) die "unknown argument: $1 (see --help)" ;;
esac

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

readonly INFRA_DIR="$REPO_ROOT/infra"
readonly TOOLS_PROJECT="$INFRA_DIR/tools/BicepCli.csproj"
command -v dotnet >/dev/null 2>&1 || die "dotnet is needed to restore the bicep CLI from NuGet"
command -v python3 >/dev/null 2>&1 || die "python3 is needed to read the tools project's properties"

restore_log="$(mktemp "${TMPDIR:-/tmp}/connectoobot-infra.XXXXXX")"
out_dir=""
cleanup() {
  rm -f "$restore_log"
  if [[ -n "$out_dir" && "$keep_json" == false ]]; then rm -rf "$out_dir"; fi
}
trap cleanup EXIT

if ! dotnet restore "$TOOLS_PROJECT" --nologo -v quiet >"$restore_log" 2>&1; then
  show_log_tail "$restore_log"
  die "could not restore the bicep CLI (NuGet Azure.Bicep.CommandLine.linux-x64; see $TOOLS_PROJECT)"
fi
properties_json="$(dotnet msbuild "$TOOLS_PROJECT" -nologo -getProperty:NuGetPackageRoot -getProperty:BicepVersion)"
read -r package_root bicep_version < <(python3 -c '
import json, sys
properties = json.load(sys.stdin)["Properties"]
print(properties["NuGetPackageRoot"], properties["BicepVersion"])' <<<"$properties_json")
bicep="${package_root%/}/azure.bicep.commandline.linux-x64/$bicep_version/tools/bicep"
[[ -f "$bicep" ]] || die "the restored package has no bicep executable at $bicep"
[[ -x "$bicep" ]] || chmod u+x "$bicep"
installed_version="$("$bicep" --version)"
[[ "$installed_version" == *"version $bicep_version "* ]] ||
  die "expected bicep $bicep_version, got: $installed_version"

if [[ "$keep_json" == true ]]; then
  out_dir="$REPO_ROOT/.local/infra"
  mkdir -p "$out_dir"
else
  out_dir="$(mktemp -d "${TMPDIR:-/tmp}/connectoobot-infra-out.XXXXXX")"
fi

failures=0
diagnostics=0
# Runs one bicep command; anything it prints (an error, a warning, an info) fails the check.
run_bicep() {
  local label="$1" output status=0 count
  shift
  output="$("$bicep" "$@" 2>&1)" || status=$?
  count="$(grep -cE '\) : (Error|Warning|Info) ' <<<"$output" || true)"
  if ((status != 0)) || [[ -n "$output" ]]; then
    printf '%s\n' "$output" | sed "s#$REPO_ROOT/##" >&2
    info "infra: $label FAILED (exit code $status, $count diagnostics)"
    failures=$((failures + 1))
    diagnostics=$((diagnostics + count))
  else
    info "infra: $label ok"
  fi
}

cd "$INFRA_DIR"
run_bicep "bicep build main.bicep" build main.bicep --outfile "$out_dir/main.json"
run_bicep "bicep lint main.bicep" lint main.bicep
shopt -s nullglob
param_files=(parameters/*.bicepparam)
((${#param_files[@]} > 0)) || die "no parameter file in infra/parameters/"
for param_file in "${param_files[@]}"; do
  name="$(basename "$param_file" .bicepparam)"
  run_bicep "bicep build-params $param_file" build-params "$param_file" --outfile "$out_dir/$name.parameters.json"
done

# Formatting: `bicep format` on a copy must change nothing.
format_dir="$out_dir/format"
rm -rf "$format_dir"
mkdir -p "$format_dir"
tar -C "$INFRA_DIR" --exclude=./tools -cf - . | tar -C "$format_dir" -xf -
format_output="$(cd "$format_dir" && "$bicep" format --pattern '**/*.bicep*' 2>&1)" || failures=$((failures + 1))
unformatted="$(diff -rq "$INFRA_DIR" "$format_dir" -x tools | sed "s#$INFRA_DIR/##; s#$format_dir/##" || true)"
rm -rf "$format_dir"
if [[ -n "$format_output" || -n "$unformatted" ]]; then
  printf '%s\n' "$format_output" "$unformatted" | sed '/^$/d' >&2
  info "infra: bicep format FAILED (run: cd infra && bicep format --pattern '**/*.bicep*')"
  failures=$((failures + 1))
else
  info "infra: bicep format ok"
fi

if ((failures > 0)); then
  die "infra: $failures of $((3 + ${#param_files[@]})) bicep checks failed ($diagnostics diagnostics) with bicep $bicep_version"
fi
if [[ "$keep_json" == true ]]; then info "infra: compiled files in ${out_dir#"$REPO_ROOT/"}/"; fi
info "infra: bicep $bicep_version: build, lint, format and ${#param_files[@]} parameter files clean (0 errors, 0 warnings)"
