"""Without the optional MCP SDK, `trialfind mcp` says how to install it, in one line, and the
rest of trialfind does not need it."""
from __future__ import annotations

import subprocess
import sys

BLOCK_SDK = ("import sys; sys.modules['mcp'] = None; sys.modules['pydantic'] = None; "
             "from trialfind.cli import main; main(sys.argv[1:])")


def test_mcp_without_the_sdk_is_one_line_exit_1():
    result = subprocess.run([sys.executable, "-c", BLOCK_SDK, "mcp"], capture_output=True, text=True, timeout=60,
                            stdin=subprocess.DEVNULL)
    assert result.returncode == 1, result.stderr
    assert result.stderr.strip().splitlines() == ['Error: the MCP SDK is not installed: pip install "trialfind[mcp]"']


def test_the_other_commands_do_not_import_the_sdk():
    result = subprocess.run([sys.executable, "-c", BLOCK_SDK, "--help"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and "mcp" in result.stdout
