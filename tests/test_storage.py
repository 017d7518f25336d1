"""Saving student work: atomic, with a backup, never inside the package."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from casestudy import InputError
from casestudy.storage import PACKAGE_DIR, ReplaceGuard, atomic_write_text, backup_path, save_work


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


def _read_ours(path: Path) -> str:
    """A reader for the tests' kind of file: text starting with 'ours'."""
    text = path.read_text()
    if not text.startswith("ours"):
        raise InputError(f"{path.name} is not ours")
    return text


def test_save_work_replaces_only_the_same_kind(tmp_path: Path) -> None:
    """A file of the same kind is replaced (the old one kept as .bak); any other file is left byte for byte."""
    mine, article = tmp_path / "mine.json", tmp_path / "article.json"
    mine.write_text("ours 1")
    article.write_text("OSLO - an article")
    save_work(mine, "ours 2", "a test file", _read_ours, "mine.json")
    assert mine.read_text() == "ours 2" and backup_path(mine).read_text() == "ours 1"
    with pytest.raises(InputError, match="already exists and is not a test file this version can replace"):
        save_work(article, "ours 3", "a test file", _read_ours, "mine.json")
    assert article.read_text() == "OSLO - an article" and not backup_path(article).exists()


def test_save_work_wants_the_kinds_ending(tmp_path: Path) -> None:
    """A name with another ending (an article's .txt where a .json was meant) is refused before anything is read."""
    with pytest.raises(InputError, match="does not end in .json: give a name like 'mine.json'"):
        save_work(tmp_path / "teme.txt", "ours", "a test file", _read_ours, "mine.json", endings=(".json",))
    assert list(tmp_path.iterdir()) == []


def test_replace_guard_asks_once_for_files_it_does_not_own(tmp_path: Path) -> None:
    """A file the widget did not load or save: ask, then save on the second press; its own files: no question."""
    path, empty = tmp_path / "p.json", tmp_path / "empty.json"
    path.write_text("ours")
    empty.write_text("")
    guard = ReplaceGuard()
    assert guard.must_ask(path) and not guard.must_ask(path)   # asked, then the second press goes ahead
    assert guard.must_ask(path)
    guard.forget()                                               # something else happened: ask again
    assert guard.must_ask(path)
    guard.own(path)
    assert not guard.must_ask(path) and not guard.must_ask(empty) and not guard.must_ask(tmp_path / "new.json")


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
