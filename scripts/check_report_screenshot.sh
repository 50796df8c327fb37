#!/usr/bin/env bash
# Check that `trialfind registry report` makes a page a browser really draws, charts included.
#
#   scripts/check_report_screenshot.sh [OUT_DIR]        (default: bench/out/report-check)
#
# 1. builds a sample registry from SYNTHETIC records (invented companies and drugs),
#    through the CLI: `registry import` of a CSV, then `registry report`;
# 2. renders report.html with headless Chromium as a phone (390 px wide: report-390.png)
#    and a desk (1280 px: report-1280.png), a fresh profile each time, no network;
# 3. checks each PNG: its size, and the bar colours (granted green, denied red) are
#    actually painted, so an empty page fails the check.
# Then look at the two PNGs yourself.
#
# Needs chromium (Debian: apt-get install -y chromium); set CHROMIUM=/path to use another
# binary, PYTHON=/path for another interpreter (default .venv/bin/python, else python3).
set -euo pipefail
cd "$(dirname "$0")/.."

out=$(realpath -m "${1:-bench/out/report-check}")
mkdir -p "$out"
python=${PYTHON:-}
if [ -z "$python" ]; then
    if [ -x .venv/bin/python ]; then python=.venv/bin/python; else python=python3; fi
fi
chromium=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)}
if [ -z "$chromium" ]; then
    echo "check_report_screenshot: chromium not found (apt-get install -y chromium, or set CHROMIUM=...)" >&2
    exit 1
fi

rm -f "$out/registry_synthetic.sqlite" "$out/registry_synthetic.sqlite-wal" "$out/registry_synthetic.sqlite-shm" \
      "$out/report-390.png" "$out/report-1280.png"
"$python" - "$out/synthetic_requests.csv" <<'EOF'
import sys
from trialfind.registry.synthetic import synthetic_records
from trialfind.registry.transfer import records_to_csv
open(sys.argv[1], "w", encoding="utf-8").write(records_to_csv(synthetic_records(300, seed=42)))
EOF
"$python" -m trialfind registry import "$out/synthetic_requests.csv" --db "$out/registry_synthetic.sqlite"
"$python" -m trialfind registry report --db "$out/registry_synthetic.sqlite" --output "$out/report.html" \
    --title "Compassionate-use requests (SYNTHETIC sample data)"

# One fresh profile per shot; no network, no background services. Chromium writes the PNG,
# then may linger on D-Bus noise: give it a bounded time.
shoot() {  # WIDTH HEIGHT PNG
    local profile
    profile=$(mktemp -d)
    timeout 120 "$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync --hide-scrollbars \
        --user-data-dir="$profile" --screenshot="$3" --window-size="$1,$2" "file://$out/report.html" \
        >>"$out/chromium.log" 2>&1 || true
    rm -rf "$profile"
    if [ ! -s "$3" ]; then
        echo "check_report_screenshot: chromium wrote no screenshot $3; see $out/chromium.log" >&2
        exit 1
    fi
}
rm -f "$out/chromium.log"
shoot 390 2400 "$out/report-390.png"
shoot 1280 1600 "$out/report-1280.png"

"$python" - "$out/report-390.png" "$out/report-1280.png" <<'EOF'
import sys
import matplotlib.image as mpimg
import numpy as np

for path, size in zip(sys.argv[1:], ((390, 2400), (1280, 1600))):
    image = mpimg.imread(path)[..., :3]
    height, width = image.shape[:2]
    def painted(hex_colour, tolerance=0.06):
        rgb = np.array([int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)])
        return int((np.abs(image - rgb).max(axis=2) < tolerance).sum())
    green, red = painted("#2e7d32"), painted("#c62828")
    print(f"screenshot {width}x{height}: {green} granted-green and {red} denied-red pixels")
    if (width, height) != size or green < 1000 or red < 1000:
        sys.exit(f"check_report_screenshot: the bars do not appear in {path}")
EOF
echo "report: $out/report.html"
echo "screenshots: $out/report-390.png $out/report-1280.png"
