"""Writing a folder of files so that no file is ever half-written: the files are written and
synced in a staging folder beside the target, then moved into place (the folder at once
when it is new, file by file with os.replace when it exists)."""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import Sequence

from trialfind.core.errors import InvalidInput, path_error


def check_folder(output_dir: str | os.PathLike, names: Sequence[str], *, force: bool = False) -> Path:
    """The folder to write, or InvalidInput: not a folder, files of these names already there
    (without `force`: someone may have edited them), or a parent folder that does not exist
    (a mistyped path is not created)."""
    target = Path(output_dir)
    if target.exists() and not target.is_dir():
        raise InvalidInput(f"--output {target} exists and is not a folder")
    existing = [name for name in names if (target / name).exists()]
    if existing and not force:
        raise InvalidInput(f"{target} already holds a request packet ({', '.join(existing)}); give --force to "
                           "replace it (edits made to it would be lost) or choose another --output folder")
    if not target.absolute().parent.is_dir():
        raise InvalidInput(f"--output {target}: the folder {target.absolute().parent} does not exist")
    return target


def write_folder_atomically(files: dict[str, str], output_dir: str | os.PathLike, *,
                            force: bool = False) -> list[Path]:
    """Write `files` (name -> text) into output_dir; return the paths written. Files already
    there are replaced only with `force`; a failure is one TrialfindError naming the folder."""
    target = check_folder(output_dir, tuple(files), force=force)
    try:
        return _write(files, target)
    except OSError as exc:
        raise path_error(target, exc) from None


def _write(files: dict[str, str], target: Path) -> list[Path]:
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.absolute().parent))
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
                target.mkdir(exist_ok=True)  # someone created it meanwhile: move file by file
        for name in files:
            os.replace(staging / name, target / name)
        return [target / name for name in files]
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
