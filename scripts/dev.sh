#!/usr/bin/env bash
# Set Lianxi up on a Debian/Ubuntu machine, then start it (`run`) or run every test (`test`).
#
#   bash scripts/dev.sh run  [lianxi arguments...]
#   bash scripts/dev.sh test [pytest arguments...]
#
# It installs the system packages Lianxi needs (with apt-get when run as root;
# otherwise it prints the exact command to run), makes a virtual environment in
# .venv and installs Lianxi into it. Safe to run again: it only redoes what changed.
set -euo pipefail

cd "$(dirname "$0")/.."
mode="${1:-run}"
shift || true

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf 'lianxi setup: %s\n' "$*" >&2; exit 1; }

case "$mode" in
  # espeak-ng speaks Mandarin; alsa-utils (aplay, arecord) plays and records; libportaudio2
  # reaches the microphone; sox makes the speaking benchmark's voices (tests).
  run)  system_packages=(espeak-ng alsa-utils libportaudio2) ;;
  test) system_packages=(espeak-ng alsa-utils libportaudio2 chromium fonts-noto-cjk poppler-utils librsvg2-bin sox) ;;
  *)    die "unknown mode '$mode': use 'run' (start the app) or 'test' (run the tests)" ;;
esac

# 1. Python 3.11 or newer.
python=""
for candidate in python3.13 python3.12 python3.11 python3; do
  if command -v "$candidate" >/dev/null 2>&1 &&
     "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    python="$candidate"; break
  fi
done
[ -n "$python" ] || die "Lianxi needs Python 3.11 or newer. Install it with: sudo apt-get install python3"

# 2. System packages (espeak-ng speaks Mandarin, libportaudio2 reaches the microphone;
#    the rest are for the tests, sox makes the speaking benchmark's voices).
missing=()
for pkg in "${system_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
# A venv needs ensurepip, which Debian ships separately.
if ! "$python" -c 'import ensurepip, venv' >/dev/null 2>&1; then
  missing+=("python3-venv")
fi
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    say "Installing system packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "Lianxi needs these system packages. Please run:" >&2
    echo "" >&2
    echo "    sudo apt-get install ${missing[*]}" >&2
    echo "" >&2
    if [ "$mode" = test ] || [[ " ${missing[*]} " == *" python3-venv "* ]]; then
      die "then run this command again."
    fi
    echo "Starting Lianxi without them: flashcards work, speech stays off until espeak-ng is installed." >&2
  fi
fi

# 3. The virtual environment, reinstalled only when pyproject.toml changes.
if [ ! -x .venv/bin/python ]; then
  say "Making a virtual environment in .venv"
  "$python" -m venv .venv
fi
extras=""
[ "$mode" = test ] && extras="[test]"
stamp=".venv/.lianxi-$(sha256sum pyproject.toml | cut -c1-12)"
# an install with the test extras also has everything `run` needs
if [ ! -f "$stamp-test" ] && { [ "$mode" = test ] || [ ! -f "$stamp" ]; }; then
  [ "$mode" = test ] && stamp="$stamp-test"
  say "Installing Lianxi and its libraries into .venv"
  .venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip >/dev/null
  .venv/bin/python -m pip install -q --disable-pip-version-check -e ".${extras}"
  touch "$stamp"
fi

# 4. A `lianxi` command for new shells: a launcher in ~/.local/bin (on the PATH of Debian
#    and Ubuntu login shells once the folder exists), said plainly when it is not on the PATH.
install_launcher() {
  local bin="$HOME/.local/bin" target
  target="$(pwd)/.venv/bin/lianxi"
  mkdir -p "$bin" || { echo "Could not create $bin; start Lianxi with $target" >&2; return 0; }
  if [ -e "$bin/lianxi" ] && ! grep -q "lianxi launcher" "$bin/lianxi" 2>/dev/null; then
    echo "Left $bin/lianxi alone (it is not ours); start Lianxi with $target" >&2
    return 0
  fi
  printf '#!/bin/sh\n# lianxi launcher, written by scripts/dev.sh\nexec "%s" "$@"\n' "$target" > "$bin/lianxi.tmp" &&
    chmod +x "$bin/lianxi.tmp" && mv "$bin/lianxi.tmp" "$bin/lianxi"
  case ":$PATH:" in
    *":$bin:"*) ;;
    *) echo "The lianxi command is in $bin, which is not on your PATH yet. Open a new login shell," >&2
       echo "or add it now:  echo 'export PATH=\"\$HOME/.local/bin:\$PATH\"' >> ~/.bashrc && . ~/.bashrc" >&2 ;;
  esac
}

# 5. Go.
if [ "$mode" = run ]; then
  install_launcher
  exec .venv/bin/lianxi "$@"
fi
say "Checking the layers (import-linter)"
.venv/bin/lint-imports
say "Running the tests"
exec .venv/bin/python -m pytest -q -p no:cacheprovider "$@"
