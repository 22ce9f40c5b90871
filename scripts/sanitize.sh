#!/usr/bin/env bash
# CI's second job (issue 8): builds clausebook, its tests and the fuzz targets with clang under
# AddressSanitizer and UndefinedBehaviorSanitizer in build-asan/, runs the whole test suite
# there (stopping at the first sanitizer report), then a short run of every fuzz target.
#   scripts/sanitize.sh              build, test, fuzz each target for 60 s
#   FUZZ_SECONDS=0 scripts/sanitize.sh   build and test only
#   BUILD_DIR=/tmp/asan scripts/sanitize.sh   build elsewhere (scripts/fuzz.sh reads it too)
# The client tests that drive LibreOffice, pandoc, Chromium or node are skipped here: they
# test what other programs make of clausebook's files, which the normal job already does, and
# the sanitizers see nothing of those programs.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --deps-only
dir="${BUILD_DIR:-build-asan}"
cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
  -DCLAUSEBOOK_SANITIZE=ON -DCLAUSEBOOK_FUZZ=ON
cmake --build "$dir"
export ASAN_OPTIONS="halt_on_error=1:abort_on_error=1:detect_leaks=1:detect_stack_use_after_return=1:strict_string_checks=1"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
# fontconfig's process-wide font cache (reached through pango by the PDF writer) is never freed:
# scripts/lsan.supp says why, and hides only allocations whose stack is fontconfig's own.
export LSAN_OPTIONS="suppressions=$PWD/scripts/lsan.supp:print_suppressions=0"
clients='Chromium|ical\.js|LibreOffice|soffice|pandoc|opened by'
ctest --test-dir "$dir" --output-on-failure -j "$(nproc)" -E "$clients"
grep -h -E '^(bad-input corpus|crash safety):' "$dir/Testing/Temporary/LastTest.log" || true
echo "sanitize: the test suite passed under AddressSanitizer and UndefinedBehaviorSanitizer (client tests matching '$clients' skipped)"
seconds="${FUZZ_SECONDS:-60}"
if [ "$seconds" != 0 ]; then
  bash scripts/fuzz.sh "$seconds"
fi
