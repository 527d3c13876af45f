#!/usr/bin/env bash
# Writes an idempotent SQL script of all migrations for one provider:
#   deploy/migration-script.sh PROVIDER OUT.sql [extra dotnet-ef arguments]
#   PROVIDER: Sqlite | SqlServer | PostgreSql (case-insensitive)
# The script checks __EFMigrationsHistory, so it can be applied to a database at any
# earlier migration (or an empty one). No database server is needed to generate it.
set -euo pipefail
# Shared helpers: REPO_ROOT, PROVIDERS, normalize_provider, migrations_project, restore_ef_tool, restore_project.
source "$(dirname "${BASH_SOURCE[0]}")/ef-common.sh"

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
