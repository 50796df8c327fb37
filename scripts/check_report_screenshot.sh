#!/usr/bin/env bash
# Check that `trialfind registry report` makes a page a browser really draws, charts included.
#
#   scripts/check_report_screenshot.sh [OUT_DIR]        (default: bench/out/report-check)
#
# 1. builds a sample registry from SYNTHETIC records (invented companies and drugs),
#    through the CLI: `registry import` of a CSV, then `registry report`;
# 2. renders report.html with headless Chromium into report.png (1200x1600):
#      chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
#               --screenshot=OUT/report.png --window-size=1200,1600 file://OUT/report.html
# 3. checks the PNG: it exists, and the chart colours (granted green, denied red) are
#    actually painted, so an empty page or broken images fail the check.
# Then look at OUT_DIR/report.png yourself.
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
      "$out/report.png"
"$python" - "$out/synthetic_requests.csv" <<'EOF'
import sys
from trialfind.registry.synthetic import synthetic_records
from trialfind.registry.transfer import records_to_csv
open(sys.argv[1], "w", encoding="utf-8").write(records_to_csv(synthetic_records(300, seed=42)))
EOF
"$python" -m trialfind registry import "$out/synthetic_requests.csv" --db "$out/registry_synthetic.sqlite"
"$python" -m trialfind registry report --db "$out/registry_synthetic.sqlite" --output "$out/report.html" \
    --title "Compassionate-use requests (SYNTHETIC sample data)"

# Chromium writes the PNG, then may linger on D-Bus noise: give it a bounded time.
timeout 120 "$chromium" --headless --no-sandbox --disable-gpu --disable-background-networking \
    --hide-scrollbars --screenshot="$out/report.png" --window-size=1200,1600 "file://$out/report.html" \
    >"$out/chromium.log" 2>&1 || true
if [ ! -s "$out/report.png" ]; then
    echo "check_report_screenshot: chromium wrote no screenshot; see $out/chromium.log" >&2
    exit 1
fi

"$python" - "$out/report.png" <<'EOF'
import sys
import matplotlib.image as mpimg
import numpy as np

image = mpimg.imread(sys.argv[1])[..., :3]
height, width = image.shape[:2]
def painted(hex_colour, tolerance=0.06):
    rgb = np.array([int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)])
    return int((np.abs(image - rgb).max(axis=2) < tolerance).sum())
green, red = painted("#2e7d32"), painted("#c62828")
print(f"screenshot {width}x{height}: {green} granted-green and {red} denied-red pixels")
if (width, height) != (1200, 1600) or green < 2000 or red < 2000:
    sys.exit("check_report_screenshot: the charts do not appear in the screenshot")
EOF
echo "report: $out/report.html"
echo "screenshot: $out/report.png"
