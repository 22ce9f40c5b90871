#!/bin/sh
# Loads `clausebook compare --format html` for the example schools in headless Chromium and
# fails on any console error or failed request; writes a screenshot for a person to look at.
# usage: scripts/check_compare_html.sh [CLAUSEBOOK] [SCREENSHOT.png]
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
tool=${1:-$root/build/clausebook}
shot=${2:-$(mktemp -d)/compare.png}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$tool" compare --root "$root" --format html --today 2025-06-01 --output "$work/compare.html"
flags="--headless --no-sandbox --disable-gpu --disable-background-networking --no-first-run --user-data-dir=$work/profile"
# Console messages go to stderr with --enable-logging=stderr; a script error logs "Uncaught".
chromium $flags --enable-logging=stderr --v=0 --dump-dom "file://$work/compare.html" >"$work/dom.html" 2>"$work/log.txt" || true
if grep -E 'Uncaught|CONSOLE\(|Refused to|ERR_' "$work/log.txt" | grep -v 'dbus\|gpu\|GPU' ; then
    echo "check_compare_html: console errors (above)" >&2
    exit 1
fi
grep -q 'id="only-diff"' "$work/dom.html" || { echo "check_compare_html: the page did not load" >&2; exit 1; }
chromium $flags --window-size=1400,1000 --screenshot="$shot" "file://$work/compare.html" 2>/dev/null
echo "check_compare_html: no console errors; screenshot in $shot"
