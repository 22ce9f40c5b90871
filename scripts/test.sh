#!/usr/bin/env bash
# The second README command: builds clausebook and its tests and runs the whole test suite
# with ctest. Installs missing dependencies first, so it also works on a fresh clone.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --deps-only
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build build
ctest --test-dir build --output-on-failure -j "$(nproc)"
# The bad-input corpus and crash-safety summaries (tests/robustness), from ctest's log.
grep -h -E '^(bad-input corpus|crash safety):' build/Testing/Temporary/LastTest.log || true
