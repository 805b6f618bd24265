#!/usr/bin/env bash
# A separate environment for the baseline a user would reach for today: Presidio's image redactor with
# Debian's Tesseract (jpn+eng) and GiNZA. Kept apart so its opencv-python does not clash with ours.
set -euo pipefail
cd "$(dirname "$0")"
if [ "$(id -u)" = 0 ]; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends tesseract-ocr tesseract-ocr-jpn tesseract-ocr-eng >/dev/null
fi
[ -x .venv-presidio/bin/python ] || python3 -m venv .venv-presidio
.venv-presidio/bin/python -m pip install -q presidio-image-redactor==0.0.62 presidio-analyzer==2.2.366 ginza==5.3.0 ja-ginza==5.3.0
