#!/usr/bin/env bash
# The main job: installs what is missing, then trains the seed CNN on Fashion-MNIST and evaluates it.
# Extra arguments go to the example, e.g. tools/run-main.sh --recipe long
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup.sh
exec dotnet run -c Release --project examples/FashionMnist -- "$@"
