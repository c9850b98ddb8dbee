#!/usr/bin/env bash
# Checks exported ONNX models independently of the library: the ONNX checker (full check, Debian's python3-onnx)
# and ONNX Runtime (npm's onnxruntime-node, installed into tools/onnx/node_modules) run each case folder's
# model.onnx on its inputs and compare the outputs with the library's own (written by OnnxRuntimeAgreementTests).
# Usage: tools/check_onnx.sh CASE_DIR...   a folder with case.json, model.onnx and float32 files, or a folder of them
#        tools/check_onnx.sh --install    install the tools only
# Exit status: 0 every model passes; 1 a model fails; 2 the tools could not be installed; 3 usage.
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
tools="$root/tools/onnx"
python=/usr/bin/python3

as_root() {
  if [[ $(id -u) -eq 0 ]]; then "$@"
  elif command -v sudo >/dev/null; then sudo "$@"
  else echo "check_onnx: not root and no sudo to run: $*" >&2; return 1; fi
}

apt_install() {
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get install -y -qq "$@" >/dev/null 2>&1 && return 0
  as_root apt-get update -qq >/dev/null && as_root apt-get install -y -qq "$@" >/dev/null
}

runtime_loads() { (cd "$tools" && node -e "require('onnxruntime-node')" >/dev/null 2>&1); }

install_tools() {
  if ! "$python" -c "import onnx" 2>/dev/null; then
    echo "check_onnx: installing python3-onnx (apt)"
    apt_install python3-onnx || { echo "check_onnx: could not install python3-onnx with apt" >&2; return 1; }
  fi
  if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    echo "check_onnx: installing nodejs and npm (apt)"
    apt_install nodejs npm || { echo "check_onnx: could not install nodejs and npm with apt" >&2; return 1; }
  fi
  if ! runtime_loads; then
    echo "check_onnx: installing onnxruntime-node (npm, into tools/onnx/node_modules)"
    # The package ships its CPU binaries; ONNXRUNTIME_NODE_INSTALL=skip stops its install script fetching GPU ones.
    (cd "$tools" && ONNXRUNTIME_NODE_INSTALL=skip npm ci --no-audit --no-fund --loglevel=error >/dev/null) && runtime_loads \
      || { echo "check_onnx: could not install onnxruntime-node with npm" >&2; return 1; }
  fi
}

if (($# == 0)); then sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 3; fi

# One installer at a time (test runs may overlap).
exec 9>"${TMPDIR:-/tmp}/mlcnn-check-onnx.lock"
flock 9
install_tools || exit 2
flock -u 9
[[ "$1" == "--install" ]] && exit 0

cases=()
for dir in "$@"; do
  if [[ -f "$dir/case.json" ]]; then cases+=("$dir")
  else for sub in "$dir"/*/; do [[ -f "$sub/case.json" ]] && cases+=("${sub%/}"); done; fi
done
if ((${#cases[@]} == 0)); then echo "check_onnx: no case folder (one with case.json) in: $*" >&2; exit 3; fi

models=()
for c in "${cases[@]}"; do models+=("$c/model.onnx"); done
"$python" "$tools/check_model.py" "${models[@]}"; checker=$?
node "$tools/run_onnxruntime.js" "${cases[@]}"; runtime=$?
((checker == 0 && runtime == 0)) && exit 0 || exit 1
