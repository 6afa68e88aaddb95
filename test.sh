#!/usr/bin/env bash
# Builds everything, runs every test, then reruns the numeric tests on each narrower CPU path
# (AVX-512 off → Vector256, AVX2 off → Vector128, all intrinsics off → scalar). Each of those runs
# asserts that the process really took the expected path.
set -euo pipefail
cd "$(dirname "$0")"

log=$(mktemp)
trap 'rm -f "$log"' EXIT

dotnet build RnnGen.sln -c Release -warnaserror -nologo -v quiet

status=0
run() {
  echo "== $*"
  # Keep going after a failing run, so one report covers every CPU path; the exit status says it failed.
  "$@" 2>&1 | tee -a "$log" || status=1
}

run dotnet test RnnGen.sln -c Release --no-build --nologo
for mode in "DOTNET_EnableAVX512=0 Vector256" "DOTNET_EnableAVX2=0 Vector128" "DOTNET_EnableHWIntrinsic=0 Scalar"; do
  set -- $mode
  for project in tests/RnnGen.Tests tests/RnnGen.Runtime.Tests; do
    run env "$1" RNNGEN_EXPECTED_SIMD_PATH="$2" dotnet test "$project" -c Release --no-build --nologo
  done
done

# One closing line for the whole suite, summed over the runs above.
passed=$(grep -oE 'Passed: +[0-9]+' "$log" | awk '{s += $2} END {print s + 0}')
failed=$(grep -oE 'Failed: +[0-9]+' "$log" | awk '{s += $2} END {print s + 0}')
skipped=$(grep -oE 'Skipped: +[0-9]+' "$log" | awk '{s += $2} END {print s + 0}')
echo "tests: $passed passed, $failed failed, $skipped skipped"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
