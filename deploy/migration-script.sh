#!/usr/bin/env bash
# Writes an idempotent SQL script of all migrations for one provider:
#   deploy/migration-script.sh PROVIDER OUT.sql [extra dotnet-ef arguments]
#   PROVIDER: Sqlite | SqlServer | PostgreSql (case-insensitive)
# The script checks __EFMigrationsHistory, so it can be applied to a database at any
# earlier migration (or an empty one). No database server is needed to generate it.
set -euo pipefail
# --- provider -> migrations project (same block in add-migration.sh and migration-script.sh) ---
REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PROVIDERS=(Sqlite SqlServer PostgreSql)

export DOTNET_NOLOGO=1
export DOTNET_CLI_TELEMETRY_OPTOUT=1

# normalize_provider NAME -> prints Sqlite | SqlServer | PostgreSql (case-insensitive), or fails.
normalize_provider() {
  local p
  for p in "${PROVIDERS[@]}"; do
    if [[ ${1,,} == "${p,,}" ]]; then
      echo "$p"
      return 0
    fi
  done
  echo "unknown provider '$1' (expected one of: ${PROVIDERS[*]})" >&2
  return 1
}

# migrations_project PROVIDER -> path of the provider's migrations project, relative to REPO_ROOT.
migrations_project() {
  echo "src/Rectification.Migrations.$1"
}

# Restores the local dotnet-ef tool pinned in .config/dotnet-tools.json.
restore_ef_tool() {
  (cd "$REPO_ROOT" && dotnet tool restore >/dev/null)
}

# dotnet ef reads project metadata before building, which needs restored packages
# (a clean clone has no obj/project.assets.json).
restore_project() {
  local log
  log=$(cd "$REPO_ROOT" && dotnet restore "$1" --verbosity quiet 2>&1) || {
    echo "$log" >&2
    return 1
  }
}
# ---

if [[ $# -lt 2 ]]; then
  echo "usage: $0 PROVIDER OUT.sql [extra dotnet-ef arguments]   (PROVIDER: ${PROVIDERS[*]})" >&2
  exit 2
fi
provider=$(normalize_provider "$1") || exit 2
out=$(realpath -m -- "$2")   # resolve against the caller's directory before cd
shift 2

mkdir -p "$(dirname "$out")"
cd "$REPO_ROOT"
restore_ef_tool

project=$(migrations_project "$provider")
restore_project "$project"
echo "== $provider: dotnet ef migrations script --idempotent ($project) -> $out"
Database__Provider=$provider dotnet ef migrations script --idempotent \
  --project "$project" --startup-project "$project" -o "$out" "$@"
