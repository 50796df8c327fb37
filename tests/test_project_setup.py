"""The README's set-up commands are the ones CI runs, and the package starts cleanly."""
import re
import subprocess
import sys

from tests.shared_data import REPO_ROOT


def _readme_commands():
    text = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```(?:bash|sh)\n(.*?)\n```", text, flags=re.S)


def test_ci_runs_exactly_the_readme_test_command():
    ci = (REPO_ROOT / ".ci" / "run").read_text(encoding="utf-8")
    command = re.search(r"readme_test_command='(.*)'", ci).group(1)
    assert command in _readme_commands()


def test_readme_has_a_main_job_command():
    assert any("trialfind trials" in block and "pip install" in block for block in _readme_commands())


def test_python_dash_m_and_help_work_without_network():
    result = subprocess.run([sys.executable, "-m", "trialfind", "--help"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0
    for command in ("trials", "study", "candidates", "sponsor", "request", "registry", "index"):
        assert command in result.stdout


def test_unknown_option_exits_2_with_one_line():
    result = subprocess.run([sys.executable, "-m", "trialfind", "--no-such-option"], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
