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
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$PWD/build/clausebook
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/repo/schools"
cp -r clausebook.yaml templates clauses "$work/repo/"

if [ "${1:-}" = "--built" ]; then
  n=${2:-1000}
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
  t0=$(date +%s%N)
  seq 1 "$n" | /usr/bin/time -f "%U %S" -o "$work/cpu" xargs -P 2 -I{} sh -c 'i={}; f=$(sed -n "$(( (i % '"$k"') + 1 ))p" '"$work/list"'); '"$bin"' import '"$work/docs"'/$f --school "school-$i" --root '"$work/repo"' --today 2026-12-02 --force >/dev/null 2>>'"$work/errors"' || echo "school-$i ($f) failed" >>'"$work/failed"
  e=$(( ($(date +%s%N) - t0) / 1000000 ))
  [ -s "$work/failed" ] && { echo "failures:" >&2; head "$work/failed" "$work/errors" >&2; exit 1; }
  echo "$n imports (built md/html/docx, writing, 2 processes): ${e} ms wall, $(awk '{printf "%.1f s user + %.1f s system CPU", $1, $2}' "$work/cpu"); $(ls "$work/repo/schools" | wc -l) school files written"
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
