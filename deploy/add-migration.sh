#!/usr/bin/env bash
# Adds an EF Core migration with the same name for every database provider:
#   deploy/add-migration.sh NAME [extra dotnet-ef arguments, e.g. --context RectificationDbContext]
# Each provider has its own migrations project (src/Rectification.Migrations.<Provider>)
# holding a design-time DbContext factory that reads Database__Provider, so each project is
# both --project and --startup-project. Migrations go to <project>/Migrations.
# Uses the dotnet-ef version pinned in .config/dotnet-tools.json. No database server is needed.
set -euo pipefail
# Shared helpers: REPO_ROOT, PROVIDERS, normalize_provider, migrations_project, restore_ef_tool, restore_project.
source "$(dirname "${BASH_SOURCE[0]}")/ef-common.sh"

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
