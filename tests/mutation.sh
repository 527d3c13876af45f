#!/usr/bin/env bash
# Mutation testing with Stryker.NET, outside CI (CPU heavy: one mutant at a time by default).
#   bash tests/mutation.sh              # Domain, then Application/Behaviors, Statistics and Reminders
#   bash tests/mutation.sh domain       # Domain only
#   bash tests/mutation.sh application  # the Application folders only
# STRYKER_CONCURRENCY sets the parallel test runners (default 1). Reports go to TestResults/mutation/<part>/ (HTML and JSON);
# the score of each part is printed at the end.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
part=${1:-all}
concurrency=${STRYKER_CONCURRENCY:-1}
results=TestResults/mutation

dotnet tool restore >/dev/null

# run NAME PROJECT TEST-PROJECT [stryker options...]: mutates PROJECT, kills mutants with TEST-PROJECT.
run() {
  local name=$1 project=$2 tests=$3
  shift 3
  local out="$PWD/$results/$name"
  rm -rf "$out"
  mkdir -p "$out"
  (cd "$tests" && dotnet stryker --project "$(basename "$project")" --concurrency "$concurrency" \
      --skip-version-check --reporter progress --reporter html --reporter json --output "$out" "$@") 2>&1 | tee "$out/stryker.log"
}

score() {
  local name=$1
  local line
  line=$(grep -Eo 'The final mutation score is [0-9.]+ ?%' "$results/$name/stryker.log" | tail -1 || true)
  echo "$name: ${line:-no score (see $results/$name/stryker.log)}"
}

if [[ $part == all || $part == domain ]]; then
  run domain src/Rectification.Domain/Rectification.Domain.csproj tests/Rectification.Domain.Tests
fi

if [[ $part == all || $part == application ]]; then
  # The use cases are tested through the real pipeline on a real database: the integration tests. Only the folders the
  # target names are mutated, and only the tests of those folders' behaviour run, or one run would take a day.
  run application src/Rectification.Application/Rectification.Application.csproj tests/Rectification.Integration.Tests \
    --mutate '**/Behaviors/*.cs' --mutate '**/Statistics/*.cs' --mutate '**/Reminders/*.cs' \
    --test-case-filter "${STRYKER_APPLICATION_FILTER:-FullyQualifiedName~CommandPipelineTests|FullyQualifiedName~FieldValidationTests|FullyQualifiedName~ReportTests|FullyQualifiedName~ReminderTests|FullyQualifiedName~ReminderSweepTests|FullyQualifiedName~AuditChainTests}"
fi

echo "Mutation scores (killed / all covered mutants, Stryker's score):"
[[ $part == all || $part == domain ]] && score domain
[[ $part == all || $part == application ]] && score application
exit 0
