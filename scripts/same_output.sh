#!/usr/bin/env bash
# Are clausebook's outputs byte-identical to those of an earlier commit? For refactors, which
# must not change any output (CONTRIBUTING.md, "Refactoring").
#
#   scripts/same_output.sh BASE_REF [--n N]
#
# Builds BASE_REF (in a temporary git worktree) and the working tree, then runs both binaries on
# the same inputs: the example repository and N generated schools (default 1,000; both from the
# working tree's files and generator). Every command and format that writes a file or a report
# is run: build (all formats), check, compare, schedule, list. Exit 0 when every output is the
# same; otherwise the differing files are listed and the exit is 1.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
base_ref=""
n=1000
while [ $# -gt 0 ]; do
  case "$1" in
    --n) n=$2; shift ;;
    -*) echo "usage: scripts/same_output.sh BASE_REF [--n N]" >&2; exit 2 ;;
    *) base_ref=$1 ;;
  esac
  shift
done
[ -n "$base_ref" ] || { echo "usage: scripts/same_output.sh BASE_REF [--n N]" >&2; exit 2; }
base_commit=$(git rev-parse --verify "$base_ref^{commit}")

work=$(mktemp -d /tmp/clausebook-same-XXXXXX)
cleanup() { git -C "$root" worktree remove --force "$work/base-src" >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT

launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
build_tree() {  # SRC BUILD: a Release clausebook without tests
  cmake -S "$1" -B "$2" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCLAUSEBOOK_TESTS=OFF "${launcher[@]}" >/dev/null
  cmake --build "$2" --target clausebook generate_schools >/dev/null
}
echo "building $base_ref ($base_commit) and the working tree"
git worktree add --detach -q "$work/base-src" "$base_commit"
build_tree "$work/base-src" "$work/base-build"
build_tree "$root" "$root/build-same"

# The inputs, shared by both runs: the example repository and N generated schools.
mkdir -p "$work/example"
cp -r clausebook.yaml templates clauses schools data "$work/example/"
[ -d approved ] && cp -r approved "$work/example/"
"$root/build-same/bench/generate_schools" --from . --to "$work/generated" --count "$n" >/dev/null

export SOURCE_DATE_EPOCH=1764633600  # 2025-12-02: fixed dates in every document's metadata
export NO_COLOR=1
unset GITHUB_ACTIONS

# run_all BINARY OUTDIR: every output of every command on both repositories.
run_all() {
  local cb=$1 dest=$2 repo name rc f
  for repo in "$work/example" "$work/generated"; do
    name=$(basename "$repo")
    mkdir -p "$dest/$name"
    formats=md,html,docx
    "$cb" build --root "$repo" --format pdf --out "$dest/probe" -q --school "$(ls "$repo/schools" | head -n 1 | sed 's/\.yaml$//')" >/dev/null 2>&1 && formats=$formats,pdf
    rm -rf "$dest/probe"
    [ "$name" = generated ] && formats=md,html,docx  # the PDF of 1,000 schools is measured in bench/, not here
    "$cb" build --root "$repo" --format "$formats" --out "$dest/$name/out" -q
    rm -rf "$dest/$name/out/.clausebook"
    for f in text json junit sarif github; do
      rc=0; "$cb" check --root "$repo" --today 2026-11-21 --format "$f" >"$dest/$name/check.$f" 2>&1 || rc=$?
      echo "exit $rc" >>"$dest/$name/check.$f"
    done
    for f in text md html json csv; do
      rc=0; "$cb" compare --root "$repo" --format "$f" >"$dest/$name/compare.$f" 2>&1 || rc=$?
      echo "exit $rc" >>"$dest/$name/compare.$f"
    done
    for f in text csv html ics; do
      rc=0; "$cb" schedule --root "$repo" --today 2026-11-21 --format "$f" >"$dest/$name/schedule.$f" 2>&1 || rc=$?
      echo "exit $rc" >>"$dest/$name/schedule.$f"
    done
    for f in schools policies clauses; do
      "$cb" list "$f" --root "$repo" >"$dest/$name/list.$f" 2>&1 || true
    done
  done
}
echo "running both on the example and $n generated schools"
run_all "$work/base-build/clausebook" "$work/before"
run_all "$root/build-same/clausebook" "$work/after"

files=$(cd "$work/before" && find . -type f | wc -l)
if diff -rq "$work/before" "$work/after" >"$work/diff"; then
  echo "same: $files files byte-identical between $base_ref and the working tree"
else
  echo "DIFFERENT: between $base_ref and the working tree ($files files before):"
  sed "s|$work/||g" "$work/diff" | head -n 50
  exit 1
fi
