#!/usr/bin/env bash
# The PDF benchmark (issue 18): clausebook's PDFs per document against LibreOffice converting
# the same schools' DOCX to PDF (`soffice --headless --convert-to pdf`, one process for a batch
# of documents, its own profile), on N synthetic schools (bench/generate_schools).
#
#   bench/pdf.sh                 N=200 schools, LibreOffice on 20 of their DOCX
#   bench/pdf.sh --n 1000        any N
#   CB=build/clausebook GEN=build/bench/generate_schools bench/pdf.sh   use existing binaries
#   BEFORE=../main/build/clausebook bench/pdf.sh   also another clausebook (an earlier writer),
#                                                  on the same schools in the same run
#
# Prints one table; bench/README.md has the figures measured.
set -euo pipefail
cd "$(dirname "$0")/.."

n=200
sample_size=20
while [ $# -gt 0 ]; do
  case "$1" in
    --n) n=$2; shift ;;
    *) echo "usage: bench/pdf.sh [--n N]" >&2; exit 2 ;;
  esac
  shift
done

if [ -z "${CB:-}" ]; then
  cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DCLAUSEBOOK_TESTS=OFF >/dev/null
  cmake --build build-bench --target clausebook generate_schools >/dev/null
  CB=build-bench/clausebook
  GEN=build-bench/bench/generate_schools
fi
command -v soffice >/dev/null || { echo "bench/pdf.sh: soffice not found (scripts/setup.sh installs libreoffice-writer-nogui)" >&2; exit 2; }
work=$(mktemp -d /tmp/clausebook-pdf-bench-XXXXXX)
trap 'rm -rf "$work"' EXIT

"$GEN" --from . --to "$work/repo" --count "$n" >/dev/null
# timed OUT COMMAND...: runs COMMAND, leaves "wall cpu" seconds (cpu = user + system) in OUT.
timed() {
  local out=$1; shift
  /usr/bin/time -f "%e %U %S" -o "$out.raw" "$@" >/dev/null 2>&1
  tail -n 1 "$out.raw" | awk '{ printf "%s %.2f\n", $1, $2 + $3 }' >"$out"
}
# On a shared machine wall time says more about the other processes than about either program;
# the CPU seconds per document are the figure to compare.
row() { printf '%-46s %10s %10s %10s\n' "$1" "$2" "$3" "$4"; }
printf '\n%-46s %10s %10s %10s\n' "N=$n schools, $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)" "wall s/doc" "CPU s/doc" "docs/CPU s"

# measure NAME BINARY JOBS: one build of the N schools' PDFs into an empty folder.
measure() {
  local name=$1 bin=$2 jobs=$3
  timed "$work/t" "$bin" build --root "$work/repo" --format pdf --out "$work/pdf-$name-$jobs" --jobs "$jobs" -q
  docs=$(find "$work/pdf-$name-$jobs" -name '*.pdf' | wc -l)
  read -r wall cpu <"$work/t"
  per=$(awk -v c="$cpu" -v d="$docs" 'BEGIN { printf "%.4f", c / d }')
  row "$name build --format pdf, --jobs $jobs" "$(awk -v w="$wall" -v d="$docs" 'BEGIN { printf "%.4f", w / d }')" "$per" "$(awk -v p="$per" 'BEGIN { printf "%.1f", 1 / p }')"
}
for jobs in 1 "$(nproc)"; do
  if [ -n "${BEFORE:-}" ]; then
    measure before "$BEFORE" "$jobs"
    [ "$jobs" = 1 ] && before=$per
  fi
  measure clausebook "$CB" "$jobs"
  [ "$jobs" = 1 ] && ours=$per
  [ "$jobs" = 1 ] && ours_size=$(find "$work/pdf-clausebook-1" -name '*.pdf' -printf '%s\n' | awk '{ s += $1 } END { printf "%.0f", s / NR / 1024 }')
done

"$CB" build --root "$work/repo" --format docx --out "$work/docx" -q
mkdir -p "$work/in"
find "$work/docx" -name '*.docx' | sort | head -n "$sample_size" | while read -r f; do
  cp "$f" "$work/in/$(basename "$(dirname "$f")").docx"
done
# One warm-up conversion so that the profile is created outside the timing.
soffice -env:UserInstallation="file://$work/profile" --headless --convert-to pdf --outdir "$work/warm" "$(ls "$work"/in/*.docx | head -n 1)" >/dev/null 2>&1
timed "$work/t" soffice -env:UserInstallation="file://$work/profile" --headless --convert-to pdf --outdir "$work/lo" "$work"/in/*.docx
docs=$(ls "$work"/lo/*.pdf | wc -l)
read -r wall cpu <"$work/t"
per=$(awk -v c="$cpu" -v d="$docs" 'BEGIN { printf "%.4f", c / d }')
row "soffice --convert-to pdf, one process, $docs" "$(awk -v w="$wall" -v d="$docs" 'BEGIN { printf "%.4f", w / d }')" "$per" "$(awk -v p="$per" 'BEGIN { printf "%.1f", 1 / p }')"
echo "clausebook is $(awk -v a="$per" -v b="$ours" 'BEGIN { printf "%.1f", a / b }')x LibreOffice per document, in CPU seconds"
[ -n "${BEFORE:-}" ] && echo "before: $(awk -v a="$per" -v b="$before" 'BEGIN { printf "%.1f", a / b }')x LibreOffice; clausebook $(awk -v a="$before" -v b="$ours" 'BEGIN { printf "%.1f", a / b }')x before"
echo "average PDF: clausebook ${ours_size} KB$([ -n "${BEFORE:-}" ] && find "$work/pdf-before-1" -name '*.pdf' -printf '%s\n' | awk '{ s += $1 } END { printf ", before %.0f KB", s / NR / 1024 }')"
echo "average pages: clausebook $(for f in $(find "$work/pdf-clausebook-1" -name '*.pdf' | sort | head -n "$sample_size"); do pdfinfo "$f" | awk '/^Pages:/ { print $2 }'; done | awk '{ s += $1 } END { printf "%.1f", s / NR }'), LibreOffice $(for f in "$work"/lo/*.pdf; do pdfinfo "$f" | awk '/^Pages:/ { print $2 }'; done | awk '{ s += $1 } END { printf "%.1f", s / NR }')"
