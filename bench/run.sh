#!/usr/bin/env bash
# The clausebook benchmark: builds, checks and compares N schools, on two workloads side by side,
# and measures pandoc converting the same Markdown, one process per document, in the same run.
#   generated  N synthetic schools varied over the whole example library (generate_schools)
#   copies     N copies of the example's five real schools: their own names, wording, variants
#              and local clauses (generate_schools --copies)
#
#   bench/run.sh              N=1,000
#   bench/run.sh --full       N=1,000 and N=22,000 (every state school in England)
#   bench/run.sh --n 5000     any N
#   bench/run.sh --register   also the registers workload (issue 17): N schools with 30 register
#                             entries each, `check --format json` and `schedule --format xlsx`
#   CB=build/clausebook GEN=build/bench/generate_schools bench/run.sh ...
#                             existing binaries instead of a Release build in build-bench/ (to
#                             measure two builds side by side, run it once with each)
#
# The PDF (issue 18) is measured too: `build --format pdf` (on the copies only up to N=5,000:
# at 22,000 the generated schools alone take minutes), and, for N up to 1,000, LibreOffice
# converting 20 of the same schools' DOCX to PDF in one process, side by side.
#
# Prints one table; see bench/README.md for what the columns mean and the figures measured.
set -euo pipefail
cd "$(dirname "$0")/.."

sizes=(1000)
register=0
while [ $# -gt 0 ]; do
  case "$1" in
    --full) sizes=(1000 22000) ;;
    --n) sizes=("$2"); shift ;;
    --register) register=1 ;;
    *) echo "usage: bench/run.sh [--full | --n N] [--register]" >&2; exit 2 ;;
  esac
  shift
done

need=()
command -v pandoc >/dev/null || need+=(pandoc)
command -v soffice >/dev/null || echo "bench/run.sh: soffice not found, LibreOffice's PDF row left out (scripts/setup.sh installs libreoffice-writer-nogui)" >&2
[ -x /usr/bin/time ] || need+=(time)
if [ ${#need[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

if [ -n "${CB:-}" ] && [ -n "${GEN:-}" ]; then
  cb=$CB; gen=$GEN
else
  cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DCLAUSEBOOK_TESTS=OFF >/dev/null
  cmake --build build-bench --target clausebook generate_schools >/dev/null
  cb=build-bench/clausebook; gen=build-bench/bench/generate_schools
fi
work=$(mktemp -d /tmp/clausebook-bench-XXXXXX)
trap 'rm -rf "$work"' EXIT
has_cmd() { "$cb" --help | grep -q "^  $1 "; }
formats=$("$cb" build --help >/dev/null; "$cb" --help >/dev/null; printf 'md html'; "$cb" build --root . --format docx --out "$work/probe" -q >/dev/null 2>&1 && printf ' docx')

# measure LABEL COMMAND...: wall seconds and peak resident memory (MB) of one run.
measure() {
  local label=$1; shift
  # Each run starts with the earlier runs' files on disk, so that it does not pay for their
  # write-back (66,000 files per build at N = 22,000).
  sync
  # Exit 1 is "findings" for check and compare, not a failure.
  local rc=0
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null 2>"$work/stderr" || rc=$?
  if [ "$rc" -gt 1 ]; then echo "$label failed:" >&2; cat "$work/stderr" >&2; exit 1; fi
  tail -n 1 "$work/time" >"$work/time.last" && mv "$work/time.last" "$work/time"
  read -r secs kb <"$work/time"
  printf '%s %s\n' "$secs" "$((kb / 1024))"
}

# measure_cpu LABEL COMMAND...: wall seconds, CPU seconds (user + system) and peak MB of one run.
measure_cpu() {
  local label=$1; shift
  sync
  /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$@" >/dev/null 2>"$work/stderr" || { echo "$label failed:" >&2; cat "$work/stderr" >&2; exit 1; }
  tail -n 1 "$work/time" | awk '{ printf "%s %.2f %d\n", $1, $2 + $3, $4 / 1024 }'
}

# pandoc, as a script would run it: one process per document, on a sample of the documents.
# With JOBS > 1, that many processes at a time (xargs -P), as a script using every core would.
pandoc_per_doc() {
  local to=$1 sample=$2 jobs=${3:-1} start end
  start=$(date +%s.%N)
  printf '%s\n' $sample | xargs -P "$jobs" -I{} sh -c 'pandoc -f markdown -t "$1" -o "$2/pandoc.$$.out" "$3"' _ "$to" "$work" {}
  end=$(date +%s.%N)
  echo "$start $end" | awk -v n="$(echo $sample | wc -w)" '{ printf "%.4f", ($2 - $1) / n }'
}

printf '\n%-7s %-10s %-26s %9s %12s %9s %s\n' "N" "workload" "run" "wall (s)" "docs/s" "peak MB" "note"
for n in "${sizes[@]}"; do
for workload in generated copies; do
  repo="$work/repo-$n"
  rm -rf "$work"/out-*
  copies=(); [ "$workload" = copies ] && copies=(--copies)
  "$gen" --from . --to "$repo" --count "$n" "${copies[@]}" >/dev/null
  docs=$n
  row() { printf '%-7s %-10s %-26s %9s %12s %9s %s\n' "$n" "$workload" "$1" "$2" "$3" "$4" "${5:-}"; }
  for f in $formats; do
    read -r secs mb < <(measure "build $f" "$cb" build --root "$repo" --format "$f" --out "$work/out-$f-$n" -q)
    rate=$(awk -v d="$docs" -v s="$secs" 'BEGIN { printf "%.0f", (s > 0 ? d / s : 0) }')
    row "build --format $f" "$secs" "$rate" "$mb"
    eval "rate_$f=$rate"
  done
  # The three text-and-Word formats together, as in earlier runs (so their figures compare); the
  # PDF is measured on its own below.
  read -r secs mb < <(measure "build all" "$cb" build --root "$repo" --format md,html,docx --out "$work/out-$n" -q)
  row "build (md, html, docx)" "$secs" "$(awk -v d="$docs" -v s="$secs" 'BEGIN { printf "%.0f", d / s }')" "$mb"
  first=$secs
  before=$(find "$work/out-$n" -type f -newer "$work/time" | wc -l)
  touch "$work/marker"
  read -r secs mb < <(measure "build again" "$cb" build --root "$repo" --format md,html,docx --out "$work/out-$n" -q)
  rewritten=$(find "$work/out-$n" -type f -newer "$work/marker" | wc -l)
  row "build again, no change" "$secs" "-" "$mb" "$(awk -v a="$secs" -v b="$first" 'BEGIN { printf "%.1f%% of first", 100 * a / b }'), $rewritten files rewritten"
  if has_cmd check; then
    read -r secs mb < <(measure "check" "$cb" check --root "$repo" --format json)
    row "check" "$secs" "-" "$mb"
  fi
  if has_cmd compare && [ "$n" -le 4000 ]; then  # the target is for 1,000 schools; 22,000 columns make no page anyone reads
    read -r secs mb < <(measure "compare" "$cb" compare --root "$repo" --format html)
    row "compare --format html" "$secs" "-" "$mb"
  fi
  # The PDF, with its CPU time: clausebook uses every core, LibreOffice mostly one, so the CPU
  # seconds per document are the fairer comparison; wall-clock documents per second are shown too.
  if [ "$workload" = generated ] || [ "$n" -le 5000 ]; then
    read -r secs cpu mb < <(measure_cpu "build pdf" "$cb" build --root "$repo" --format pdf --out "$work/out-pdf-$n" -q)
    pdfs=$(find "$work/out-pdf-$n" -name '*.pdf' | wc -l)
    pdf_cpu=$(awk -v c="$cpu" -v d="$pdfs" 'BEGIN { printf "%.4f", c / d }')
    pdf_rate=$(awk -v d="$pdfs" -v s="$secs" 'BEGIN { printf "%.0f", d / s }')
    row "build --format pdf" "$secs" "$pdf_rate" "$mb" "$pdfs PDFs, $pdf_cpu CPU s/doc ($cpu CPU s)"
    if [ "$n" -le 1000 ] && [ "$workload" = generated ] && command -v soffice >/dev/null && [ -d "$work/out-docx-$n" ]; then
      rm -rf "$work/lo-in" "$work/lo-out"; mkdir -p "$work/lo-in"
      find "$work/out-docx-$n" -name '*.docx' | sort >"$work/docx-list"
      head -n 20 "$work/docx-list" | while read -r f; do cp "$f" "$work/lo-in/$(basename "$(dirname "$f")").docx"; done
      # A warm-up conversion outside the timing makes LibreOffice's profile.
      soffice -env:UserInstallation="file://$work/lo-profile" --headless --convert-to pdf --outdir "$work/lo-warm" "$(ls "$work"/lo-in/*.docx | head -n 1)" >/dev/null 2>&1
      read -r secs cpu mb < <(measure_cpu "soffice" soffice -env:UserInstallation="file://$work/lo-profile" --headless --convert-to pdf --outdir "$work/lo-out" "$work"/lo-in/*.docx)
      lo_docs=$(ls "$work"/lo-out/*.pdf | wc -l)
      lo_cpu=$(awk -v c="$cpu" -v d="$lo_docs" 'BEGIN { printf "%.4f", c / d }')
      row "soffice --convert-to pdf" "$secs" "$(awk -v d="$lo_docs" -v s="$secs" 'BEGIN { printf "%.1f", d / s }')" "$mb" \
        "$lo_docs DOCX in one process, $lo_cpu CPU s/doc; clausebook is $(awk -v a="$lo_cpu" -v b="$pdf_cpu" 'BEGIN { printf "%.1f", a / b }')x per CPU s, $(awk -v a="$pdf_rate" -v d="$lo_docs" -v s="$secs" 'BEGIN { printf "%.1f", a / (d / s) }')x in docs/s"
    fi
  fi
  if [ "$n" -le 1000 ] && [ "$workload" = generated ]; then
    sample=$(find "$work/out-md-$n" -name '*.md' | sort | head -n 20 || true)  # head closes the pipe early
    size=$(cat $sample | wc -c | awk -v n=20 '{ printf "%.0f", $1 / n / 1024 }')
    cores=$(nproc)
    for f in html docx; do
      if [[ " $formats " != *" $f "* ]]; then continue; fi
      eval "ours=\$rate_$f"
      for j in 1 "$cores"; do
        per=$(pandoc_per_doc "$f" "$sample" "$j")
        prate=$(awk -v p="$per" 'BEGIN { printf "%.1f", 1 / p }')
        label="pandoc -t $f, $j at a time"
        row "$label" "$per/doc" "$prate" "-" "$(awk -v a="$ours" -v b="$prate" 'BEGIN { printf "clausebook is %.0fx pandoc", a / b }') (avg doc ${size} KB)"
      done
    done
  fi
done
done
# The registers workload (issue 17): each school with 30 register entries (the statutory list and
# its own, many overdue: about 24 findings a school), checked and scheduled as a workbook.
if [ "$register" = 1 ]; then
  for n in "${sizes[@]}"; do
    repo="$work/register-$n"
    rm -rf "$work"/out-* "$work"/repo-*
    "$gen" --from . --to "$repo" --count "$n" --register 30 >/dev/null
    workload=registers
    row() { printf '%-7s %-10s %-26s %9s %12s %9s %s\n' "$n" "$workload" "$1" "$2" "$3" "$4" "${5:-}"; }
    read -r secs mb < <(measure "check" "$cb" check --root "$repo" --today 2026-12-02 --format json -o "$work/check.json")
    row "check --format json" "$secs" "-" "$mb" "$(grep -c '"rule":' "$work/check.json" || true) findings"
    read -r secs mb < <(measure "schedule" "$cb" schedule --root "$repo" --today 2026-12-02 --format xlsx -o "$work/reviews.xlsx")
    row "schedule --format xlsx" "$secs" "-" "$mb"
    rm -rf "$repo"
  done
fi
