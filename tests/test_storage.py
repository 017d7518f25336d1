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
