#!/usr/bin/env bash
# Renders an mlcnn HTML report (or any local HTML file) to a PNG with headless Chromium, to check how it looks.
# Usage: tools/render-report.sh REPORT.html [OUTPUT.png] [WIDTHxHEIGHT]   (default OUTPUT: REPORT.png, size 1200x2400)
# Installs Debian's chromium with apt when it is missing (sudo when not root). Network access is disabled for the
# page (a self-contained report needs none).
set -euo pipefail
if [[ $# -lt 1 || "$1" == "-h" || "$1" == "--help" ]]; then
  sed -n '2,5p' "$0" | sed 's/^# \{0,1\}//'
  exit 2
fi
report="$(realpath "$1")"
output="${2:-${report%.html}.png}"
size="${3:-1200x2400}"
[[ -f "$report" ]] || { echo "render-report: '$1' does not exist." >&2; exit 2; }
if ! command -v chromium >/dev/null 2>&1; then
  sudo_cmd=""; [[ $(id -u) -ne 0 ]] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium
fi
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$profile" \
  --proxy-server="127.0.0.1:9" --proxy-bypass-list="<-loopback>" \
  --window-size="${size/x/,}" --screenshot="$(realpath -m "$output")" "file://$report" 2>/dev/null
echo "Wrote $(realpath -m "$output") (${size})."
