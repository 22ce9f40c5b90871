#!/usr/bin/env bash
# Installs what clausebook needs to build and test on Debian 12, from Debian's own packages.
# Safe to run again: apt-get skips what is already installed.
set -euo pipefail
pkgs=(
  build-essential cmake pkg-config ninja-build
  libboost-program-options-dev   # command line parsing
  libcmark-gfm-dev libcmark-gfm-extensions-dev   # Markdown parsing (GFM tables)
  libpugixml-dev                 # XML for DOCX parts
  libyaml-cpp-dev                # YAML input files
  libzip-dev                     # DOCX packaging
  catch2                         # unit tests
  libxml2-utils                  # xmllint, used by tests to validate XML output
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
