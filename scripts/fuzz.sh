#!/usr/bin/env bash
# Runs every libFuzzer target in build-asan/fuzz/ for SECONDS each (default 60), starting from
# the seed corpus (fuzz/seeds/ plus the example repository and tests/corpus), and reports the
# executions. A crash, leak or timeout leaves its input in build-asan/fuzz/artifacts/ and fails.
# Build the targets first: scripts/sanitize.sh, or cmake with -DCLAUSEBOOK_FUZZ=ON (clang).
#   scripts/fuzz.sh [SECONDS] [TARGET...]      TARGET: school clause mustache build docx html pdf text
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(school clause mustache build docx html pdf text)
bin="${BUILD_DIR:-build-asan}/fuzz"
work="$bin/work"
mkdir -p "$work" "$bin/artifacts"

# Seeds: the files each target reads, from the example repository and the bad-input corpus.
seed() {  # seed TARGET FILE...
  local t="$1"
  shift
  mkdir -p "$work/$t"
  for f in "$@"; do [ -f "$f" ] && cp -f "$f" "$work/$t/$(echo "$f" | tr '/ ' '__')"; done
  return 0
}
shopt -s nullglob globstar
seed school schools/*.yaml tests/corpus/*/schools/*.yaml fuzz/seeds/school/*
seed clause clauses/**/*.md tests/corpus/*/clauses/**/*.md fuzz/seeds/clause/*
seed mustache clauses/**/*.md fuzz/seeds/mustache/*
seed build fuzz/seeds/build/*
# The import readers start from clausebook's own documents of the example repository (built
# here by the sanitizer build's clausebook into the work folder), and text files of this one.
example_out="$work/example-out"
if [ -x "${BUILD_DIR:-build-asan}/clausebook" ] && [ ! -d "$example_out" ]; then
  "${BUILD_DIR:-build-asan}/clausebook" build --root . --out "$example_out" --format docx,html,pdf --quiet >/dev/null 2>&1 || true
fi
seed docx "$example_out"/*/*.docx fuzz/seeds/docx/*
seed html "$example_out"/*/*.html "$example_out"/index.html fuzz/seeds/html/*
seed pdf "$example_out"/*/*.pdf fuzz/seeds/pdf/*
seed text README.md docs/*.md clauses/general/*.md fuzz/seeds/text/*
{  # the whole example repository as one input
  for f in clausebook.yaml templates/*.yaml schools/*.yaml clauses/**/*.md; do printf '%%%%%% %s\n' "$f"; cat "$f"; done
} > "$work/build/example-repository"

status=0
total=0
for t in "${targets[@]}"; do
  log="$work/$t.log"
  # A whole build per input is slow: small repositories mutate faster and reach as far.
  max_len=65536
  [ "$t" = build ] && max_len=8192
  set +e
  ASAN_OPTIONS="${ASAN_OPTIONS:-halt_on_error=1:detect_leaks=1}" \
  LSAN_OPTIONS="${LSAN_OPTIONS:-suppressions=$PWD/scripts/lsan.supp:print_suppressions=0}" \
    "$bin/${t}_fuzzer" "$work/$t" -dict=fuzz/clausebook.dict -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -max_len="$max_len" -print_final_stats=1 -artifact_prefix="$bin/artifacts/${t}-" >"$log" 2>&1
  rc=$?
  set -e
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)
  total=$((total + ${runs:-0}))
  if [ $rc -ne 0 ]; then
    status=1
    echo "fuzz: $t: FAILED after ${runs:-?} runs (exit $rc); input in $bin/artifacts/; log $log:"
    tail -40 "$log"
  else
    echo "fuzz: $t: ${runs} runs in ${seconds} s, no crash, leak or timeout"
  fi
done
echo "fuzz: ${#targets[@]} targets, $total runs in all"
exit $status
