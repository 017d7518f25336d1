"""Saving student work: atomic, with a backup, never inside the package."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from casestudy import InputError
from casestudy.storage import PACKAGE_DIR, atomic_write_text, backup_path


def test_write_and_backup(tmp_path: Path) -> None:
    """A second save keeps the first version as .bak."""
    path = tmp_path / "work.json"
    atomic_write_text(path, "one")
    atomic_write_text(path, "two")
    assert path.read_text() == "two" and backup_path(path).read_text() == "one"


def test_crash_during_rename_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """If the final rename fails, the old file is whole, no temp file is left, and the error says so."""
    path = tmp_path / "work.json"
    atomic_write_text(path, "good")

    def boom(*_args: object) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(InputError, match="previous file is unchanged"):
        atomic_write_text(path, "new")
    assert path.read_text() == "good"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


@pytest.mark.parametrize("where", ["package", "folder", "missing-folder"])
def test_refused_places(tmp_path: Path, where: str) -> None:
    """The installed package, a folder, and a folder that does not exist are refused."""
    target = {"package": PACKAGE_DIR / "x.json", "folder": tmp_path,
              "missing-folder": tmp_path / "nope" / "x.json"}[where]
    with pytest.raises(InputError):
        atomic_write_text(target, "x")
    assert not (PACKAGE_DIR / "x.json").exists()


def test_bytes_are_written_as_given_with_a_backup(tmp_path: Path) -> None:
    """atomic_write_bytes writes the bytes unchanged and keeps the previous file as .bak."""
    from casestudy.storage import atomic_write_bytes

    path = tmp_path / "picture.png"
    atomic_write_bytes(path, b"\x89PNG\r\n\x1a\none")
    atomic_write_bytes(path, b"\x89PNG\r\n\x1a\ntwo")
    assert path.read_bytes().endswith(b"two") and backup_path(path).read_bytes().endswith(b"one")


def test_keep_aside_never_overwrites_an_earlier_copy(tmp_path: Path) -> None:
    """Each copy kept aside gets a free name (.unreadable, .unreadable-2); the original stays in place."""
    from casestudy.storage import keep_aside

    path = tmp_path / "map.json"
    path.write_text("first")
    first = keep_aside(path)
    path.write_text("second")
    second = keep_aside(path)
    assert (first.name, second.name) == ("map.json.unreadable", "map.json.unreadable-2")
    assert (first.read_text(), second.read_text(), path.read_text()) == ("first", "second", "second")
