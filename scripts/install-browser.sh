#!/usr/bin/env bash
# Makes sure a headless-capable Chromium is installed for the e2e tests (Debian's `chromium`
# package, driven by playwright-core). Prints the browser's path on stdout.
# Idempotent: does nothing when CHROMIUM_PATH or a chromium binary already exists.
set -euo pipefail

find_browser() {
  if [ -n "${CHROMIUM_PATH:-}" ] && [ -x "${CHROMIUM_PATH}" ]; then echo "$CHROMIUM_PATH"; return 0; fi
  for c in chromium chromium-browser; do
    if command -v "$c" >/dev/null 2>&1; then command -v "$c"; return 0; fi
  done
  return 1
}

if find_browser; then exit 0; fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-browser: no chromium on PATH and no apt-get; install Chromium and set CHROMIUM_PATH" >&2
  exit 1
fi
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
echo "install-browser: installing Debian's chromium (one-off)..." >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >&2
$SUDO apt-get install -y -qq --no-install-recommends chromium fonts-liberation >&2
find_browser
