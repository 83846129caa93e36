#!/usr/bin/env bash
# results: fast
# The images of the README and the docs that a command draws, redrawn from the current code:
#   docs/images/tourist_arrivals.png   analytics chart tourist_arrivals --output docs/images/tourist_arrivals.png
# (docs/images/provinces-2026-board.png is a Chromium screenshot of `analytics board`'s page made from the shared
# provincial reports; it is not redrawn here.) run.sh --check draws them into a temporary folder and compares the bytes.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
images=${IMAGES_DIR:-$ROOT/docs/images}
mkdir -p "$images"
analytics chart tourist_arrivals --output "$images/tourist_arrivals.png"
