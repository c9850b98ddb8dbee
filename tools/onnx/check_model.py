# Checks exported ONNX files with the ONNX checker (full check: shape inference too) and prints their versions.
# Usage: /usr/bin/python3 check_model.py MODEL.onnx...   Exits 1 when any file fails.
import sys

import onnx


def main(paths):
    failed = 0
    for path in paths:
        try:
            model = onnx.load(path)
            onnx.checker.check_model(model, full_check=True)
            opsets = ", ".join(f"{o.domain or 'ai.onnx'} {o.version}" for o in model.opset_import)
            print(f"PASS {path}: onnx.checker (full) ok; IR version {model.ir_version}, opset {opsets}")
        except Exception as e:  # the checker raises several types; each is a failure of this file
            failed += 1
            print(f"FAIL {path}: {type(e).__name__}: {e}")
    print(f"onnx {onnx.__version__}: {len(paths) - failed} of {len(paths)} models pass the checker")
    return 1 if failed else 0


if __name__ == "__main__":
    if len(sys.argv) < 2:
        print("usage: check_model.py MODEL.onnx...", file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1:]))
