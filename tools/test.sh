#!/usr/bin/env bash
# Runs the whole test suite (installing what is missing) and ends with the line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
tools/setup.sh || exit 1

results=$(mktemp -d)
dotnet test MLCnn.sln -c Release --logger "trx;LogFileName=results.trx" --results-directory "$results" "$@"
status=$?

passed=0; failed=0; found=0
for trx in "$results"/*.trx; do
  [[ -f "$trx" ]] || continue
  found=1
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
done
rm -rf "$results"

if ((found == 0)); then
  echo "no test results were written (build failure?)"
  echo "0 passed, 1 failed"
  exit 1
fi
if ((status != 0 && failed == 0)); then failed=1; fi
echo "$passed passed, $failed failed"
exit $status
