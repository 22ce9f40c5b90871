#!/usr/bin/env bash
# The first README command on a fresh Debian 12 machine: installs what clausebook needs to
# build and test (Debian's own packages), builds it, and generates every example school's
# documents into out/. Safe to run again: what is installed or built already is skipped.
#   scripts/setup.sh             install, build, generate out/
#   scripts/setup.sh --deps-only install only (used by scripts/test.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
pkgs=(
  build-essential cmake pkg-config ninja-build
  libboost-program-options-dev   # command line parsing
  libcmark-gfm-dev libcmark-gfm-extensions-dev   # Markdown parsing (GFM tables)
  libpugixml-dev                 # XML for DOCX parts
  libyaml-dev                    # YAML input files (libyaml's event parser, for speed and positions; renew's in-place edits)
  libzip-dev                     # DOCX packaging (the ZIP container)
  libdeflate-dev                 # DOCX packaging: fast deflate compression of the parts
  libxxhash-dev                  # content fingerprints: render cache keys, incremental builds
  libre2-dev                     # stale-reference patterns: a regular-expression engine with no backtracking (linear time)
  libjemalloc-dev                # a faster memory allocator for the clausebook program
  libxlsxwriter-dev              # schedule --format xlsx: the clerk's workbook
  libgumbo-dev                   # import: reading HTML pages (a real HTML5 parser)
  libpoppler-cpp-dev             # import: reading PDF text
  libstemmer-dev                 # import: Snowball word stems for aligning a document to the clauses
  libcairo2-dev libpango1.0-dev libharfbuzz-dev  # the PDF writer: text layout (pango, with cairo's font map), font subsets (harfbuzz)
  fonts-liberation2              # the PDF's fonts (Liberation Sans and Mono, embedded in every PDF)
  libimage-exiftool-perl         # PDF tests: exiftool reads the XMP metadata back
  qpdf                           # PDF tests (qpdf --check, the catalog and bookmarks) and import's password-protected PDF
  catch2                         # unit tests
  nlohmann-json3-dev             # JSON reports (check, compare, import) and the tests reading JSON back
  libxml2-utils                  # xmllint, used by tests to validate XML output
  clang libclang-rt-14-dev       # CI's sanitizer build and libFuzzer targets (scripts/sanitize.sh, fuzz/)
  libreoffice-writer-nogui poppler-utils pandoc   # DOCX and PDF client tests: soffice -> PDF, pdftotext/pdfinfo/pdffonts/pdftoppm, pandoc
  libreoffice-calc-nogui         # XLSX client test: the schedule workbook read back cell by cell
  chromium                       # HTML client tests: pages loaded in headless Chromium, checked with axe-core (tests/js)
)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# The ICS client test reads clausebook's calendar back with ical.js, and the accessibility tests
# run axe-core on every HTML page in the chromium above through puppeteer-core
# (tests/js/package.json, tests/js/axe_check.mjs); without node they are skipped with a message.
if command -v npm >/dev/null 2>&1; then
  (cd tests/js && npm ci --no-audit --no-fund --silent)
else
  echo "setup: npm not found; the calendar client test and the accessibility tests (tests/js) will be skipped" >&2
fi

[ "${1:-}" = "--deps-only" ] && exit 0

cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build build --target clausebook policies
echo "clausebook is built (build/clausebook); every school's documents are in out/ (open out/index.html)."
