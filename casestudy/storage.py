"""Saving a student's work so that a crash never destroys it.

Every kind of student file (argument maps, sentiment ratings, people files)
is saved the same way:

1. the new content is written to a temporary file in the same folder and
   flushed to disk (``fsync``);
2. the previous file, if any, is copied to ``NAME.bak``;
3. the temporary file is renamed over the old one with :func:`os.replace`,
   which is atomic: at every moment the file on disk is either the whole old
   version or the whole new one.

A save never replaces a file of another kind: :func:`save_work` refuses a name
with the wrong ending (a people file ends in ``.json``) and an existing file
that the kind's own reader does not accept (an article, a notebook, a map
where a people file was meant), before anything is written.  A widget asks
once before its *Save* replaces a file it did not load or save itself
(:class:`ReplaceGuard`).

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
from collections.abc import Callable, Sequence
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


# -- saving only over a file of the same kind ----------------------------------------------------


def check_ending(path: str | Path, endings: Sequence[str], example: str, why: str = "") -> Path:
    """Refuse a file name that does not end as its kind of file does (a people file in ``.json``), with the fix.

    >>> check_ending("my_article.txt", (".json",), "my_people.json")
    Traceback (most recent call last):
    ...
    casestudy.errors.InputError: my_article.txt does not end in .json: give a name like 'my_people.json'
    """
    path = Path(path)
    if path.suffix.lower() not in tuple(e.lower() for e in endings):
        raise InputError(f"{path} does not end in {' or '.join(endings)}: give a name like {example!r}{why}")
    return path


def check_replaceable(path: str | Path, kind: str, read: Callable[[Path], object]) -> None:
    """Refuse to replace an existing file unless ``read`` accepts it as ``kind``; an empty file holds no work and may go.

    ``read`` is the kind's own loader, which raises :class:`InputError` for
    anything else (an article, a notebook, a file of another kind, a newer
    version): that file is left as it is and the error says so.
    """
    path = Path(path)
    try:
        if not path.exists() or (path.is_file() and path.stat().st_size == 0):
            return
        read(path)
    except InputError as exc:
        raise InputError(f"{path} already exists and is not {kind} this version can replace ({exc}); "
                         "nothing was written: choose another file name") from None
    except OSError as exc:
        raise InputError(f"{path} cannot be checked before saving ({exc.strerror or exc}); "
                         "nothing was written: choose another file name") from None


def save_work(path: str | Path, text: str, kind: str, read: Callable[[Path], object], example: str,
              endings: Sequence[str] = (), backup: bool = True) -> Path:
    """Save a student's file safely: in an allowed place, with the right ending, replacing only a file of the same kind.

    The checks come first (:func:`check_save_path`, :func:`check_ending` when
    ``endings`` are given, :func:`check_replaceable`), so a refused save
    touches no file; then :func:`atomic_write_text` writes it, keeping the
    previous version as ``NAME.bak``.  Returns the path written.
    """
    return atomic_write_text(check_work_path(path, kind, read, example, endings), text, backup=backup)


def check_work_path(path: str | Path, kind: str, read: Callable[[Path], object], example: str,
                    endings: Sequence[str] = ()) -> Path:
    """The checks of :func:`save_work`, without writing: the path, checked, or one line saying why it cannot be used."""
    path = check_save_path(path, example)
    if endings:
        check_ending(path, endings, example)
    check_replaceable(path, kind, read)
    return path


class ReplaceGuard:
    """When a widget's *Save* must ask first: the file exists, holds something, and this session neither loaded nor saved it.

    The first press asks (:meth:`must_ask` is true once); a second press on the
    same file, with nothing else done in between (:meth:`forget` is called on
    every other action), saves.  Files the widget loaded or saved are its own
    (:meth:`own`) and are replaced without a question; the previous version
    is kept as ``.bak`` in every case.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "people.json").write_text("{}")
    >>> guard = ReplaceGuard()
    >>> guard.must_ask(folder / "people.json"), guard.must_ask(folder / "people.json")
    (True, False)
    >>> guard.must_ask(folder / "new.json")
    False
    """

    def __init__(self) -> None:
        self._own: set[Path] = set()
        self._asked: Path | None = None

    def own(self, path: str | Path) -> None:
        """Record a file this widget loaded or saved: saving over it needs no question."""
        self._own.add(Path(path).expanduser().resolve())
        self._asked = None

    def must_ask(self, path: str | Path) -> bool:
        """True when a save to ``path`` should ask first (and remember that it asked, so the next press saves)."""
        target = Path(path).expanduser().resolve()
        try:
            holds_something = target.is_file() and target.stat().st_size > 0
        except OSError:
            holds_something = False
        if not holds_something or target in self._own or self._asked == target:
            self._asked = None
            return False
        self._asked = target
        return True

    def forget(self) -> None:
        """Forget a question asked: after any other action, Save asks again."""
        self._asked = None
