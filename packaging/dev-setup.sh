#!/usr/bin/env bash
# The README's two set-up commands, for a fresh Debian (or Ubuntu) machine:
#   bash packaging/dev-setup.sh app    installs Recount in .venv and opens the window
#   bash packaging/dev-setup.sh test   installs Recount with its test tools and runs the tests
# Debian's python3 refuses system-wide pip installs (PEP 668), so everything goes in .venv.
set -euo pipefail
mode="${1:-app}"
cd "$(dirname "$0")/.."

sudo_if_needed() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# System libraries Qt needs (offscreen for tests; X11/xcb for a real window), venv, and
# Xvfb for the screenshot and window tests. Skipped when all are already installed.
apt_packages=(python3-venv python3-pip libglib2.0-0 libgl1 libegl1 libxkbcommon0 libfontconfig1
  libdbus-1-3 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0
  libxcb-randr0 libxcb-render-util0 libxcb-image0 libxcb-xinerama0 libxcb-xkb1 xvfb xauth)
if [ "$mode" = test ]; then apt_packages+=(dpkg-dev binutils fakeroot desktop-file-utils appstream); fi
missing=()
for p in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo_if_needed apt-get update -qq
  sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

python="${PYTHON:-python3}"
[ -x .venv/bin/python ] || "$python" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
case "$mode" in
  app)
    .venv/bin/python -m pip install -q .
    exec .venv/bin/recount "${@:2}"
    ;;
  test)
    .venv/bin/python -m pip install -q -e '.[test,bench,package]'
    .venv/bin/ruff check .
    QT_QPA_PLATFORM=offscreen exec .venv/bin/python -m pytest "${@:2}"
    ;;
  *)
    echo "usage: bash packaging/dev-setup.sh app|test [args]" >&2
    exit 2
    ;;
esac
