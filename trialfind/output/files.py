"""Writing a folder of files so that no file is ever half-written: the files are written and
synced in a staging folder beside the target, then moved into place (the folder at once
when it is new, file by file with os.replace when it exists)."""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from trialfind.core.errors import InvalidInput


def write_folder_atomically(files: dict[str, str], output_dir: str | os.PathLike) -> list[Path]:
    """Write `files` (name -> text) into output_dir; return the paths written."""
    target = Path(output_dir)
    if target.exists() and not target.is_dir():
        raise InvalidInput(f"--output {target} exists and is not a folder")
    parent = target.parent
    parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=parent))
    try:
        for name, text in files.items():
            with open(staging / name, "w", encoding="utf-8", newline="\n") as handle:
                handle.write(text)
                handle.flush()
                os.fsync(handle.fileno())
        if not target.exists():
            try:
                os.rename(staging, target)
                return [target / name for name in files]
            except OSError:
                target.mkdir(parents=True, exist_ok=True)  # someone created it meanwhile: move file by file
        for name in files:
            os.replace(staging / name, target / name)
        return [target / name for name in files]
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
