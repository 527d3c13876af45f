#!/usr/bin/env bash
# Shared by add-migration.sh and migration-script.sh: providers, their migrations projects, tool and package restore.
# Sourced, not run.
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
