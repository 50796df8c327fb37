#!/usr/bin/env bash
# Headless Chromium and its WebDriver for the browser tests (web app, family report,
# registry report screenshots), from Debian's packages. Progress goes to stderr.
set -euo pipefail
if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then
    echo "browser.sh: $(chromium --version 2>/dev/null | head -1) already installed" >&2
    exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >&2
apt-get install -y -qq --no-install-recommends chromium chromium-driver >&2
echo "browser.sh: installed $(chromium --version 2>/dev/null | head -1)" >&2
