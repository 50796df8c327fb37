"""Usage: python scripts/compare_outputs.py CHECKOUT OUTDIR

Run a fixed set of commands against the loopback fake API of the real records, with the
package imported from REPO; print a digest per command (for before/after comparisons)."""
import hashlib, os, subprocess, sys, tempfile
repo = sys.argv[1]; out = sys.argv[2]
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from tests.ctgov_server import CtgovServer
from tests.shared_data import real_records
cmds = [
 "trials --condition glioma --age 7", "trials --condition glioma --age 7 --format json",
 "trials --condition neuroblastoma --age 7 --near 42.36,-71.06", "trials --target ALK --age 7 --format csv",
 "trials --condition leukemia --age 10 --status all --include-ineligible --format jsonl",
 "candidates --target ALK --age 7", "candidates --target EGFR --age 7 --format json",
 "candidates --target KRAS --target BRAF --age 12 --format csv",
 "study NCT04250064", "study NCT04250064 --format json",
 "sponsor Pfizer", "sponsor 'Loxo Oncology at Lilly' --format json", "sponsor Acme",
]
with CtgovServer(real_records()) as server, tempfile.TemporaryDirectory() as cache:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TRIALFIND_")}
    env.update(TRIALFIND_API_URL=server.url, TRIALFIND_CACHE_DIR=cache, TRIALFIND_RATE_LIMIT="1000000", PYTHONPATH=repo, COLUMNS="140")
    os.makedirs(out, exist_ok=True)
    for i, c in enumerate(cmds):
        r = subprocess.run(f"{sys.executable} -m trialfind {c}", shell=True, env=env, capture_output=True, text=True, cwd=repo)
        open(f"{out}/{i:02d}.txt", "w").write(f"$ {c}\nexit {r.returncode}\n{r.stdout}\n--stderr--\n{r.stderr}")
        print(i, r.returncode, hashlib.sha1(r.stdout.encode()).hexdigest()[:10], c)
