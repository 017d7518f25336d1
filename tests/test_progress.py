"""Signs of life on long work: progress bars for long texts, on a terminal and in a notebook, never otherwise."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from casestudy import load_article
from casestudy import progress as progress_module
from casestudy.pipeline import clean, read_article

REPO = Path(__file__).resolve().parents[1]
LONG = (load_article().raw + "\n\n") * (progress_module.LONG_TEXT // len(load_article().raw) + 1)
"""The bundled article repeated until it counts as a long text."""


class RecordingBar:
    """A tqdm-like class that records what it is asked to show (as tqdm.notebook.tqdm would show it)."""

    shown: list[str] = []

    def __init__(self, iterable: Any = None, desc: str = "", total: int | None = None, **kwargs: Any) -> None:
        self.iterable = iterable
        RecordingBar.shown.append(f"bar {desc}")

    def __iter__(self) -> Any:
        yield from self.iterable

    def set_description_str(self, text: str) -> None:
        RecordingBar.shown.append(text)

    def update(self, n: int = 1) -> None:
        RecordingBar.shown.append("step done")

    def refresh(self) -> None:
        pass

    def close(self) -> None:
        RecordingBar.shown.append("closed")


def test_short_texts_never_show_progress(capsys: pytest.CaptureFixture[str]) -> None:
    """An article of normal length shows no bar, even when progress is asked for."""
    reading = read_article(load_article(), progress=True)
    reading.sentiment
    assert capsys.readouterr().err == ""


def test_long_texts_show_each_step_on_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    """A long text with progress=True names each step on standard error: cleaning, quotes, then scoring."""
    reading = read_article(LONG, progress=True)
    steps = capsys.readouterr().err
    assert "cleaning" in steps and "finding quotes" in steps
    reading.sentiment
    scoring = capsys.readouterr().err
    assert "scoring sentences" in scoring and f"/{len(reading.clean.sentences)}" in scoring
    assert "scoring quotes" in scoring


def test_progress_changes_no_result() -> None:
    """With or without a bar, the reading is the same."""
    a, b = read_article(LONG, progress=RecordingBar), read_article(LONG)
    assert a.quotes == b.quotes and a.clean.text == b.clean.text
    assert a.sentiment.to_json() == b.sentiment.to_json()


def test_a_notebook_bar_can_be_given() -> None:
    """A tqdm-like class (notebook 05 passes tqdm.notebook.tqdm) is the one used, and every bar is closed."""
    RecordingBar.shown = []
    reading = read_article(LONG, progress=RecordingBar)
    reading.sentiment
    shown = RecordingBar.shown
    assert "<text>: cleaning" in shown and "<text>: finding quotes" in shown and "bar scoring sentences" in shown
    assert shown.count("closed") == shown.count("bar scoring sentences") + shown.count("bar scoring quotes") + 2


def test_clean_alone_can_show_progress() -> None:
    """The clean command's step has its bar too."""
    RecordingBar.shown = []
    clean(LONG, progress=RecordingBar)
    assert "<text>: cleaning" in RecordingBar.shown


def test_cli_shows_no_bar_when_stderr_is_not_a_terminal(tmp_path: Path) -> None:
    """Piped into a file or a script, the commands write nothing but their output: no bar on stderr."""
    path = tmp_path / "long.txt"
    path.write_text(LONG, encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "casestudy", "sentiment", str(path), "--json"],
                         capture_output=True, text=True, timeout=300, cwd=REPO)
    assert out.returncode == 0 and out.stderr == ""


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_cli_shows_a_bar_on_a_terminal(tmp_path: Path) -> None:
    """On a terminal, a long text shows its steps on stderr while standard output stays clean JSON."""
    import fcntl
    import json
    import pty
    import struct
    import termios

    path = tmp_path / "long.txt"
    path.write_text(LONG, encoding="utf-8")
    main, terminal = pty.openpty()
    fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))   # a terminal 100 columns wide
    result = tmp_path / "out.json"
    with result.open("wb") as stdout:   # a file, not a pipe: nothing blocks while the terminal is read
        proc = subprocess.Popen([sys.executable, "-m", "casestudy", "sentiment", str(path), "--json"],
                                stdout=stdout, stderr=terminal, cwd=REPO)
    os.close(terminal)
    shown = b""
    while True:
        try:
            chunk = os.read(main, 4096)
        except OSError:   # the terminal closed with the process
            break
        if not chunk:
            break
        shown += chunk
    proc.wait(timeout=300)
    os.close(main)
    assert proc.returncode == 0
    assert json.loads(result.read_text(encoding="utf-8"))["sides"]
    text = shown.decode("utf-8", "replace")
    assert "long.txt: cleaning" in text and "finding quotes" in text and "scoring sentences" in text
