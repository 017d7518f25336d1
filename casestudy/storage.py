"""Saving a student's work so that a crash never destroys it.

Both kinds of student file (argument maps and sentiment ratings) are saved
the same way:

1. the new content is written to a temporary file in the same folder and
   flushed to disk (``fsync``);
2. the previous file, if any, is copied to ``NAME.bak``;
3. the temporary file is renamed over the old one with :func:`os.replace`,
   which is atomic: at every moment the file on disk is either the whole old
   version or the whole new one.

Files are never written inside the installed package (a class on JupyterHub
or Binder has a read-only install): they go to the working folder or a path
the student chooses.

A file that cannot be read any more (a map file damaged by hand-editing, say)
is never overwritten silently: when the student chooses to save over it, it is
first copied aside to ``NAME.unreadable`` (:func:`keep_aside`), and the
``.bak`` beside it, which may hold the last good version, is left alone.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from .errors import InputError

PACKAGE_DIR = Path(__file__).resolve().parent


def backup_path(path: str | Path) -> Path:
    """Where the previous version of a saved file is kept: ``NAME.bak`` beside it.

    >>> backup_path("maps/my_argument_map.json").as_posix()
    'maps/my_argument_map.json.bak'
    """
    path = Path(path)
    return path.with_name(path.name + ".bak")


def check_save_path(path: str | Path, example: str = "my_work.json") -> Path:
    """Refuse paths a student's work must not be saved to, with a one-line fix.

    >>> check_save_path(PACKAGE_DIR / "data" / "x.json")
    Traceback (most recent call last):
    ...
    casestudy.errors.InputError: ... is inside the installed casestudy package: save in your working folder instead, e.g. 'my_work.json'
    """
    path = Path(path)
    if path.is_dir():
        raise InputError(f"{path} is a folder: give a file name such as {path / example}")
    if PACKAGE_DIR == path.resolve().parent or PACKAGE_DIR in path.resolve().parents:
        raise InputError(f"{path} is inside the installed casestudy package: save in your working folder "
                         f"instead, e.g. {example!r}")
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise InputError(f"the folder {folder} does not exist: create it or choose another path")
    return path


def atomic_write_text(path: str | Path, text: str, backup: bool = True) -> Path:
    """Write ``text`` (as UTF-8) to ``path`` atomically, keeping the previous file as ``NAME.bak``.

    If anything fails midway, the old file is still whole and an
    :class:`InputError` says so.  Returns the path written.
    """
    return atomic_write_bytes(path, text.encode("utf-8"), backup=backup)


def atomic_write_bytes(path: str | Path, data: bytes, backup: bool = True) -> Path:
    """Write ``data`` to ``path`` atomically (see the module's steps), keeping the previous file as ``NAME.bak``.

    If anything fails midway, the old file is still whole and an
    :class:`InputError` says so.  Returns the path written.
    """
    path = check_save_path(path)
    folder = path.parent if str(path.parent) else Path(".")
    tmp_name = None
    try:
        fd, tmp_name = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
        os.chmod(tmp_name, _file_mode(path))  # mkstemp makes owner-only files; keep the usual permissions
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if backup and path.exists():
            shutil.copyfile(path, backup_path(path))
        os.replace(tmp_name, path)
        tmp_name = None
        _fsync_folder(folder)
    except OSError as exc:
        raise InputError(f"could not save {path} ({exc.strerror or exc}); the previous file is unchanged") from None
    finally:
        if tmp_name is not None:
            try:
                os.unlink(tmp_name)
            except OSError:
                pass
    return path


def aside_path(path: str | Path, label: str = "unreadable") -> Path:
    """The first free name for a copy of ``path`` kept aside: ``NAME.unreadable``, then ``NAME.unreadable-2``...

    >>> aside_path("/nonexistent/my_map.json").name
    'my_map.json.unreadable'
    """
    path = Path(path)
    candidate = path.with_name(f"{path.name}.{label}")
    n = 1
    while candidate.exists():
        n += 1
        candidate = path.with_name(f"{path.name}.{label}-{n}")
    return candidate


def keep_aside(path: str | Path, label: str = "unreadable") -> Path:
    """Copy ``path`` to :func:`aside_path` (never over another file) before it is replaced; returns the copy's path.

    The original stays where it is until the caller replaces it, so a failure
    at any point leaves the file whole (and perhaps one copy more).
    """
    path = Path(path)
    while True:
        target = aside_path(path, label)
        try:
            with open(path, "rb") as source, open(target, "xb") as copy:  # "x": never over an existing file
                shutil.copyfileobj(source, copy)
                copy.flush()
                os.fsync(copy.fileno())
        except FileExistsError:
            continue  # taken since aside_path looked: take the next name
        except OSError as exc:
            raise InputError(f"could not keep a copy of {path} as {target.name} ({exc.strerror or exc}); "
                             "nothing was written") from None
        shutil.copystat(path, target)
        return target


def _file_mode(path: Path) -> int:
    """The permissions for the saved file: the old file's, or what the user's umask gives a new file."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); a no-op where folders cannot be opened."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
