#!/usr/bin/env bash
# Runs every test of Vigil. Installs what the tests need on a fresh Debian machine first.
# The corpus of real attack logs is found through VIGIL_CORPUS (default: ../shared/data);
# corpus tests fail, never skip, when it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

need() { command -v "$1" >/dev/null 2>&1; }
installed() { dpkg -s "$1" >/dev/null 2>&1; }
# the JDK and Maven; a real Samba AD DC for the directory sync tests (provisioned on 127.0.0.x only);
# Debian's Chromium for the browser tests (Playwright drives it and never downloads a browser)
packages=()
need mvn || packages+=(maven)
need javac || packages+=(openjdk-17-jdk-headless)
for p in chromium fonts-dejavu-core samba samba-ad-dc samba-ad-provision samba-dsdb-modules samba-vfs-modules ldb-tools; do
  installed "$p" || packages+=("$p")
done
if [ ${#packages[@]} -gt 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${packages[@]}"
fi

export VIGIL_CORPUS="${VIGIL_CORPUS:-../shared/data}"
if [ ! -d "$VIGIL_CORPUS" ]; then
  echo "test.sh: corpus folder '$VIGIL_CORPUS' not found (set VIGIL_CORPUS)" >&2
  exit 1
fi
VIGIL_CORPUS="$(cd "$VIGIL_CORPUS" && pwd)"
export VIGIL_CORPUS

export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
exec mvn -B -ntp verify "$@"
