"""Saving and loading maps, so that a crash or a malformed file never destroys a student's work.

A map is saved atomically with the previous version kept as ``NAME.bak``
(:mod:`casestudy.storage`); a file that is not a map this version can read is
never overwritten.  Loading a malformed, foreign or newer file gives one line
that says what to do and leaves the file alone; it names the ``.bak`` file
only when there is one.  Older map files are upgraded as they are read
(:mod:`casestudy.argmap.schema`).
"""

from __future__ import annotations

from pathlib import Path

from ..errors import InputError
from ..storage import atomic_write_text, backup_path, check_save_path
from ..text.loading import read_text
from .model import ArgumentMap

DEFAULT_FILE = "my_argument_map.json"
"""Where the widget saves by default: a file in the current working folder."""

MAP_FILE = "an argument map (.json) saved by the argument-map widget"
"""What a map file is, for the messages about folders and binary files."""


def _backup_if_any(path: Path) -> str | None:
    """The name of ``path``'s ``.bak`` file when one exists (to suggest in an error), else ``None``."""
    backup = backup_path(path)
    return backup.name if backup.is_file() else None


def load_map(path: str | Path, validate: bool = True) -> ArgumentMap:
    """Read a saved map; a malformed, foreign or newer file gives a one-line error and is left untouched.

    With ``validate`` (the default) a map with problems (unknown ids, empty
    text...) is refused too, naming the first problem.
    """
    path = Path(path)
    text = read_text(path, MAP_FILE)
    backup = _backup_if_any(path)
    amap = ArgumentMap.from_json(text, source=str(path), backup=backup)
    if validate:
        problems = amap.problems()
        if problems:
            more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
            earlier = f", or load the previous version from {backup}" if backup else ""
            raise InputError(f"{path}: {problems[0]}{more}; the file was not changed: fix it{earlier}")
    return amap


def _check_overwritable(path: Path) -> None:
    """Refuse to replace a file that is not an argument map this code can read."""
    try:
        if path.stat().st_size == 0:
            return
        ArgumentMap.from_json(read_text(path, MAP_FILE), source=str(path))
    except InputError as exc:
        raise InputError(f"{path} already exists and is not a map this version can replace ({exc}); "
                         "nothing was written: choose another file name") from None


def save_map(amap: ArgumentMap, path: str | Path, backup: bool = True) -> Path:
    """Save a map as JSON, atomically, keeping the previous file as ``NAME.bak``.

    See :mod:`casestudy.storage`: the map goes to a temporary file first and
    only then replaces the old one, so a crash midway leaves the old file whole.
    A file that is not an argument map (or is from a newer version) is never
    overwritten.  Returns the path written.
    """
    path = check_save_path(path, DEFAULT_FILE)
    text = amap.to_json()  # serialise first: an error here touches no file
    if path.exists():
        _check_overwritable(path)
    return atomic_write_text(path, text, backup=backup)
