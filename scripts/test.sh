#!/usr/bin/env bash
# The second README command: builds clausebook and its tests and runs the whole test suite
# with ctest. Installs missing dependencies first, so it also works on a fresh clone.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --deps-only
# Under CI (CI=true) compiler warnings are errors.
werror=OFF; [ -n "${CI:-}" ] && werror=ON
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCLAUSEBOOK_WERROR="$werror"
cmake --build build
ctest --test-dir build --output-on-failure -j "$(nproc)"
log=build/Testing/Temporary/LastTest.log
# The bad-input corpus and crash-safety summaries (tests/robustness), from ctest's log.
grep -h -E '^(bad-input corpus|crash safety):' "$log" || true
# Tests skipped here, with their reasons (tests/support/skip.hpp). setup.sh has just installed
# every program the tests use, so a skip for a missing program is a missing install step: fail.
skips=$(grep -h -o 'CLAUSEBOOK-SKIPPED: .*' "$log" | sort | uniq -c || true)
[ -n "$skips" ] && printf 'skipped tests, by reason:\n%s\n' "$skips"
if grep -q 'CLAUSEBOOK-SKIPPED: program not installed' "$log"; then
  echo "test.sh: tests were skipped for programs that scripts/setup.sh should have installed (above)" >&2
  exit 1
fi
