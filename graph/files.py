"""Writing output files atomically: a temporary file in the same folder, renamed over the target.

An interrupted run therefore never leaves a half-written report, view or export behind.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import BinaryIO, Callable

from graph.errors import ActorgraphError


def write_atomically(path: str | os.PathLike, write: Callable[[BinaryIO], None]) -> Path:
    """Call ``write`` on a binary temp file next to ``path``, then rename it over ``path``.

    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "out.txt"
    >>> write_atomically(target, lambda f: f.write(b"hello")).read_text()
    'hello'
    """
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as error:
        raise ActorgraphError(f"{path}: cannot write ({error.strerror or error})") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            write(stream)
        # mkstemp makes private files; an output is an ordinary file, readable as the umask allows.
        os.chmod(temp, 0o666 & ~_umask())
        os.replace(temp, path)
    except OSError as error:
        Path(temp).unlink(missing_ok=True)
        raise ActorgraphError(f"{path}: cannot write ({error.strerror or error})") from None
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return path


def write_text_atomically(path: str | os.PathLike, text: str) -> Path:
    """Write ``text`` as UTF-8 (with ``\\n`` line ends) atomically."""
    data = text.encode("utf-8")
    return write_atomically(path, lambda stream: stream.write(data))


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
