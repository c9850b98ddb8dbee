#!/usr/bin/env bash
# Runs the whole test suite (installing what is missing) and ends with the line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
tools/setup.sh || exit 1
# The ONNX Runtime agreement tests (OnnxRuntimeAgreementTests) run tools/check_onnx.sh, which installs its tools on
# first use; installing them here shows that step on its own. When it fails those tests fail and say why.
tools/check_onnx.sh --install || echo "test: the ONNX check tools could not be installed (set MLCNN_SKIP_ONNX_CHECK=1 to report those tests as inconclusive)"

results=$(mktemp -d)
# --blame: should the test host ever crash, the output names the tests that were running when it did.
dotnet test MLCnn.sln -c Release --blame --logger "trx;LogFileName=results.trx" --results-directory "$results" "$@"
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
