#!/usr/bin/env bash
# results: fast
# The tests that need a browser (category Browser, left out of a plain dotnet test), counted in the test sources.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
tests=$(grep -rl --include='*.cs' 'Trait("Category", "Browser")' tests | sort | while read -r file; do
  # the method declared after each Browser trait
  awk -v f="$(basename "$file" .cs)" '/Trait\("Category", "Browser"\)/ { want = 1; next }
    want && /public (async )?[A-Za-z<>]+ [A-Za-z_0-9]+\(/ { match($0, /[A-Za-z_0-9]+\(/); print f "." substr($0, RSTART, RLENGTH - 1); want = 0 }' "$file"
done)
count=$(printf '%s\n' "$tests" | grep -c .)

results_begin browser-tests
echo "$count tests need a browser (headless Chromium) and are in the \`Browser\` category:"
echo
printf '%s\n' "$tests" | sed 's/^/- `/; s/$/`/'
results_end
