#!/usr/bin/env bash
# Import speed (issue 12).
#   bench/import_bench.sh [N]          one long policy (the five source policies run together,
#                                      about 45 pages) imported from DOCX and PDF, best of five;
#                                      then N documents (default 1000): the seeds as text, 2 at
#                                      a time, dry runs. Needs ../shared/seeds and LibreOffice.
#   bench/import_bench.sh --built [N]  N imports (default 1000) of the example schools' built
#                                      policies (Markdown, HTML and DOCX from `clausebook build`,
#                                      15 documents used in turn), each under a generated school
#                                      id, 2 processes at a time, writing: school files and
#                                      approved copies, as a trust bringing its schools in would.
#                                      Needs only a built build/clausebook.
#   bench/import_bench.sh --built N --against OLD
#                                      the same N imports with the binary OLD and with this
#                                      build, one after the other in one run, then checks that
#                                      both wrote the same school files, approved copies and
#                                      reports, byte for byte.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${CLAUSEBOOK_BIN:-$PWD/build/clausebook}  # CLAUSEBOOK_BIN: another build to measure
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/repo/schools"
cp -r clausebook.yaml templates clauses "$work/repo/"

if [ "${1:-}" = "--built" ]; then
  n=${2:-1000}
  against=
  if [ "${3:-}" = "--against" ]; then
    against=$(realpath "${4:?--against needs the path of another clausebook binary}")
  fi
  # The five schools' policies, built from this repository into a folder of documents.
  cp -r clausebook.yaml templates clauses schools "$work/"
  "$bin" build --root "$work" --format md,html,docx --out "$work/built" -q
  mkdir -p "$work/docs"
  k=0
  for f in "$work"/built/*/*.md "$work"/built/*/*.html "$work"/built/*/*.docx; do
    case "$f" in */index.html | */index.md) continue ;; esac
    k=$((k + 1))
    cp "$f" "$work/docs/$k.${f##*.}"
    # Without clausebook's own properties a DOCX reads as any school's Word document (with them,
    # import takes it back only into its own school).
    case "$f" in *.docx) zip -q -d "$work/docs/$k.docx" docProps/custom.xml ;; esac
  done
  echo "documents: $k (md, html, docx) from the example schools"
  ls "$work/docs" >"$work/list"
  # One run of N imports with one binary, into a repository of its own; each import's report
  # is kept beside it (reports/), for comparing two binaries' outputs.
  run() {
    local label=$1 exe=$2 dir=$work/$1
    mkdir -p "$dir/schools" "$dir/reports"
    cp -r clausebook.yaml templates clauses "$dir/"
    local t0 e
    t0=$(date +%s%N)
    seq 1 "$n" | /usr/bin/time -f "%U %S" -o "$work/cpu-$label" xargs -P 2 -I{} sh -c 'i={}; f=$(sed -n "$(( (i % '"$k"') + 1 ))p" '"$work/list"'); '"$exe"' import '"$work/docs"'/$f --school "school-$i" --root '"$dir"' --today 2026-12-02 --force >'"$dir/reports"'/school-$i.txt 2>>'"$work/errors"' || echo "school-$i ($f) failed" >>'"$work/failed"
    e=$(( ($(date +%s%N) - t0) / 1000000 ))
    [ -s "$work/failed" ] && { echo "failures ($label):" >&2; head "$work/failed" "$work/errors" >&2; exit 1; }
    echo "$label: $n imports (built md/html/docx, writing, 2 processes): ${e} ms wall, $(awk -v n="$n" '{printf "%.1f s user + %.1f s system CPU, %.0f ms of CPU an import", $1, $2, ($1 + $2) * 1000 / n}' "$work/cpu-$label"); $(ls "$dir/schools" | wc -l) school files written"
  }
  if [ -n "$against" ]; then
    # Side by side in one run: the other binary first, then this build; then their outputs
    # (school files, approved copies and reports) must be the same, byte for byte.
    run before "$against"
    run after "$bin"
    if diff -r -q "$work/before" "$work/after" >"$work/differ"; then
      echo "outputs: the $n school files, approved copies and reports are identical"
    else
      echo "outputs differ:" >&2
      head -20 "$work/differ" >&2
      exit 1
    fi
  else
    run this "$bin"
  fi
  exit 0
fi

n=${1:-1000}
seeds=$PWD/../shared/seeds
[ -d "$seeds" ] || { echo "import_bench: $seeds not found" >&2; exit 1; }
for i in 1 2; do cat "$seeds"/00*.txt; done > "$work/long.txt"
( cd "$work" && soffice -env:UserInstallation=file://$work/profile --headless --convert-to 'docx:MS Word 2007 XML' long.txt >/dev/null 2>&1 &&
  soffice -env:UserInstallation=file://$work/profile --headless --convert-to pdf long.docx >/dev/null 2>&1 )
pages=$(pdfinfo "$work/long.pdf" | awk '/^Pages:/ {print $2}')
echo "long document: $pages pages"
for f in long.docx long.pdf long.txt; do
  best=999999
  for r in 1 2 3 4 5; do
    s=$(date +%s%N)
    "$bin" import "$work/$f" --school long --root "$work/repo" --dry-run --force >/dev/null
    e=$(( ($(date +%s%N) - s) / 1000000 ))
    [ $e -lt $best ] && best=$e
  done
  echo "import $f (dry run, whole process, best of 5): ${best} ms"
done
# N documents: the five seeds in turn, each as its own school, 2 at a time.
s=$(date +%s%N)
seq 1 "$n" | xargs -P 2 -I{} sh -c 'i={}; f=$(ls '"$seeds"'/00*.txt | sed -n "$(( (i % 5) + 1 ))p"); '"$bin"' import "$f" --school "school-$i" --root '"$work/repo"' --dry-run >/dev/null'
e=$(( ($(date +%s%N) - s) / 1000000 ))
echo "$n imports (text, dry run, 2 processes): ${e} ms"
