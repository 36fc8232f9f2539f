#!/usr/bin/env bash
# Runs every test of Vigil. Installs what the tests need on a fresh Debian machine first.
# The corpus of real attack logs is found through VIGIL_CORPUS (default: ../shared/data);
# corpus tests fail, never skip, when it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

need() { command -v "$1" >/dev/null 2>&1; }
if ! need mvn || ! need javac; then
  apt-get update -qq
  apt-get install -y -qq openjdk-17-jdk-headless maven
fi

export VIGIL_CORPUS="${VIGIL_CORPUS:-../shared/data}"
if [ ! -d "$VIGIL_CORPUS" ]; then
  echo "test.sh: corpus folder '$VIGIL_CORPUS' not found (set VIGIL_CORPUS)" >&2
  exit 1
fi
VIGIL_CORPUS="$(cd "$VIGIL_CORPUS" && pwd)"
export VIGIL_CORPUS

exec mvn -B -ntp verify "$@"
