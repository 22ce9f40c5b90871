#!/usr/bin/env bash
# The build with no change (issue 15: "a rebuild with no change under 5% of a full build"), two
# clausebook binaries side by side in one run, on both workloads of bench/run.sh (generated and
# copies).
#
#   BEFORE=/path/to/other/clausebook bench/noop.sh [--n N]... [--rounds R]
#   AFTER=build/clausebook BEFORE=... bench/noop.sh      another binary as "after"
#
# AFTER defaults to a Release build of the working tree in build-bench/, as bench/run.sh makes
# it. For each N (default 1,000) and workload: the first build (md, html, docx) with each binary
# into its own output folder; then R rounds (default 5) of a build with no change, the binaries
# taking turns; then one school file edited and each binary's build. Wall time is the median of
# the rounds, CPU time (user + system) that round's; "share" is the no-change build's wall time
# over the same binary's first build. The two output folders are then compared byte for byte
# (the build's own bookkeeping, out/.clausebook/, aside): the script fails if they differ.
set -euo pipefail
cd "$(dirname "$0")/.."

sizes=()
rounds=5
while [ $# -gt 0 ]; do
  case "$1" in
    --n) sizes+=("$2"); shift ;;
    --rounds) rounds=$2; shift ;;
    *) echo "usage: BEFORE=CLAUSEBOOK bench/noop.sh [--n N]... [--rounds R]" >&2; exit 2 ;;
  esac
  shift
done
[ ${#sizes[@]} -gt 0 ] || sizes=(1000)
[ -n "${BEFORE:-}" ] || { echo "bench/noop.sh: set BEFORE to the clausebook to compare with (e.g. main's build)" >&2; exit 2; }
if [ -z "${AFTER:-}" ]; then
  cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DCLAUSEBOOK_TESTS=OFF >/dev/null
  cmake --build build-bench --target clausebook generate_schools >/dev/null
  AFTER=build-bench/clausebook
fi
gen=${GEN:-$(dirname "$AFTER")/bench/generate_schools}
work=$(mktemp -d /tmp/clausebook-noop-XXXXXX)
trap 'rm -rf "$work"' EXIT

# timed BINARY OUT: "wall cpu" of one build of $repo into OUT.
timed() {
  sync
  /usr/bin/time -f "%e %U %S" -o "$work/time" "$1" build --root "$repo" --format md,html,docx --out "$2" -q >/dev/null 2>"$work/stderr" ||
    { echo "$1 failed:" >&2; cat "$work/stderr" >&2; exit 1; }
  tail -n 1 "$work/time" | awk '{ printf "%s %.2f\n", $1, $2 + $3 }'
}

# median of "wall cpu" lines, by wall time
median() { sort -n | awk '{ a[NR] = $0 } END { print a[int((NR + 1) / 2)] }'; }

printf '\n%-7s %-10s %-8s %18s %22s %8s %22s\n' "N" "workload" "binary" "first build" "no change (median)" "share" "one school edited"
for n in "${sizes[@]}"; do
  for workload in generated copies; do
    repo="$work/repo"
    rm -rf "$repo" "$work"/out-*
    copies=(); [ "$workload" = copies ] && copies=(--copies)
    "$gen" --from . --to "$repo" --count "$n" "${copies[@]}" >/dev/null
    read -r fb_wall fb_cpu < <(timed "$BEFORE" "$work/out-before")
    read -r fa_wall fa_cpu < <(timed "$AFTER" "$work/out-after")
    : >"$work/before.txt"; : >"$work/after.txt"
    for ((i = 0; i < rounds; i++)); do
      timed "$BEFORE" "$work/out-before" >>"$work/before.txt"
      timed "$AFTER" "$work/out-after" >>"$work/after.txt"
    done
    read -r nb_wall nb_cpu < <(median <"$work/before.txt")
    read -r na_wall na_cpu < <(median <"$work/after.txt")
    # One school's file edited (its name), as a person would between two builds.
    school=$(ls "$repo/schools" | sed -n "$((n / 2 + 1))p")
    sed -i '0,/^  name: /s/^  name: \(.*\)$/  name: \1 (renamed)/' "$repo/schools/$school"
    read -r eb_wall eb_cpu < <(timed "$BEFORE" "$work/out-before")
    read -r ea_wall ea_cpu < <(timed "$AFTER" "$work/out-after")
    row() { printf '%-7s %-10s %-8s %18s %22s %8s %22s\n' "$n" "$workload" "$1" "$2 s ($3 CPU)" "$4 s ($5 CPU)" "$(awk -v a="$4" -v b="$2" 'BEGIN { printf "%.1f%%", 100 * a / b }')" "$6 s ($7 CPU)"; }
    row before "$fb_wall" "$fb_cpu" "$nb_wall" "$nb_cpu" "$eb_wall" "$eb_cpu"
    row after "$fa_wall" "$fa_cpu" "$na_wall" "$na_cpu" "$ea_wall" "$ea_cpu"
    if ! diff -r -q -x .clausebook "$work/out-before" "$work/out-after" >"$work/diff"; then
      echo "bench/noop.sh: the two binaries' outputs differ:" >&2; head -n 20 "$work/diff" >&2; exit 1
    fi
  done
done
echo "outputs identical (out/.clausebook/ aside); no-change rounds: $rounds, binaries taking turns"
