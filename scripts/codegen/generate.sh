#!/usr/bin/env bash
# Generate the toggl_focus_api package from an OpenAPI document with openapi-python-client.
#
#   scripts/codegen/generate.sh SPEC OUTPUT_DIR
#
# OUTPUT_DIR must be named toggl_focus_api. It is replaced whole, and only once generation has
# succeeded, so no file from an earlier run survives and a failed run leaves it untouched.
# openapi-python-client and ruff (for the post hooks in config.yaml) must be on PATH; the
# Makefile puts .venv/bin first.
set -euo pipefail

if [[ $# -ne 2 ]]; then
    echo "usage: $0 SPEC OUTPUT_DIR" >&2
    exit 2
fi
spec=$1
out=${2%/}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

if [[ $(basename "$out") != toggl_focus_api ]]; then
    echo "error: OUTPUT_DIR must end in /toggl_focus_api, got $out" >&2
    exit 2
fi
for tool in openapi-python-client ruff python; do
    command -v "$tool" >/dev/null || { echo "error: $tool not on PATH (run: make .venv)" >&2; exit 1; }
done

parent=$(dirname "$out")
mkdir -p "$parent"
# Generate beside the target (same file system, so the final mv is a rename).
work=$(mktemp -d "$parent/.codegen.XXXXXX")
trap 'rm -rf "$work"' EXIT

# The generator reads a Python view of the spec (python_view.py says what differs, and why).
python "$here/python_view.py" "$spec" "$work/focus.python.yaml"
openapi-python-client generate \
    --path "$work/focus.python.yaml" \
    --config "$here/config.yaml" \
    --meta none \
    --output-path "$work/toggl_focus_api" \
    --overwrite \
    --fail-on-warning \
    --custom-template-path "$here/templates"

rm -rf "$out"
mv "$work/toggl_focus_api" "$out"
