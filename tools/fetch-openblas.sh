#!/usr/bin/env bash
# Unpacks Debian's OpenBLAS (pthread build) into benchmarks/.openblas, so the benchmark console can also run PyTorch
# with OpenBLAS in place of the reference BLAS that Debian's python3-torch links (a fairer dense-layer comparison).
# Nothing is installed system-wide.
set -euo pipefail
cd "$(dirname "$0")/.."
target=benchmarks/.openblas
if [[ -d "$target/usr/lib/x86_64-linux-gnu/openblas-pthread" ]]; then echo "$target already holds OpenBLAS"; exit 0; fi
work=$(mktemp -d)
(cd "$work" && apt-get download libopenblas0-pthread >/dev/null 2>&1)
mkdir -p "$target"
dpkg -x "$work"/libopenblas0-pthread_*.deb "$target"
rm -rf "$work"
echo "OpenBLAS unpacked into $target/usr/lib/x86_64-linux-gnu/openblas-pthread"
