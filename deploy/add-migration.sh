#!/usr/bin/env bash
# Adds an EF Core migration with the same name for every database provider:
#   deploy/add-migration.sh NAME [extra dotnet-ef arguments, e.g. --context RectificationDbContext]
# Each provider has its own migrations project (src/Rectification.Migrations.<Provider>)
# holding a design-time DbContext factory that reads Database__Provider, so each project is
# both --project and --startup-project. Migrations go to <project>/Migrations.
# Uses the dotnet-ef version pinned in .config/dotnet-tools.json. No database server is needed.
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

if [[ $# -lt 1 || $1 == -* ]]; then
  echo "usage: $0 NAME [extra dotnet-ef arguments]" >&2
  exit 2
fi
name=$1
shift
if [[ ! $name =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]]; then
  echo "migration name must be a C# identifier: '$name'" >&2
  exit 2
fi

cd "$REPO_ROOT"
restore_ef_tool

done_for=()
for provider in "${PROVIDERS[@]}"; do
  project=$(migrations_project "$provider")
  echo "== $provider: dotnet ef migrations add $name ($project)"
  restore_project "$project"
  if ! Database__Provider=$provider dotnet ef migrations add "$name" \
      --project "$project" --startup-project "$project" --output-dir Migrations "$@"; then
    echo "adding migration '$name' failed for $provider." >&2
    if ((${#done_for[@]})); then
      echo "It was already added for: ${done_for[*]}; remove it there before retrying, e.g." >&2
      for p in "${done_for[@]}"; do
        echo "  Database__Provider=$p dotnet ef migrations remove --project $(migrations_project "$p") --startup-project $(migrations_project "$p")" >&2
      done
    fi
    exit 1
  fi
  done_for+=("$provider")
done
echo "migration '$name' added for: ${done_for[*]}"
