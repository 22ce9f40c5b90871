#!/usr/bin/env bash
# Import speed (issue 12): one long policy (the five source policies run together, about 30
# pages) imported from DOCX and PDF, and 1,000 documents imported one after another on 2
# processes at a time. Needs ../shared/seeds, LibreOffice and a built build/clausebook.
#   bench/import_bench.sh [N]          N documents (default 1000)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000}
bin=$PWD/build/clausebook
seeds=$PWD/../shared/seeds
[ -d "$seeds" ] || { echo "import_bench: $seeds not found" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/repo/schools"
cp -r clausebook.yaml templates clauses "$work/repo/"
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
