#!/usr/bin/env bash
# Installs what Microsoft.ML.Cnn needs on a fresh Debian machine, skipping what is already there.
# Usage: tools/setup.sh [--with-torch]   (--with-torch adds PyTorch and torchvision, used only by benchmarks and the
# tools/ scripts that generate golden values and torchvision reference fixtures)
set -euo pipefail

packages=(libdnnl2 libdnnl-dev libstb0 dataset-fashion-mnist)
if [[ "${1:-}" == "--with-torch" ]]; then packages+=(python3-torch python3-torchvision); fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  sudo_cmd=()
  if [[ $(id -u) -ne 0 ]]; then
    if command -v sudo >/dev/null; then sudo_cmd=(sudo); else
      echo "setup: not root and no sudo; install these yourself: ${missing[*]}" >&2; exit 1; fi
  fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq >/dev/null
  "${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if ! command -v dotnet >/dev/null; then
  echo "setup: the .NET 10 SDK is required (https://dot.net); 'dotnet' is not on PATH" >&2
  exit 1
fi
