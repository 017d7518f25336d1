"""Signs of life on long work: a progress bar (tqdm) for the steps of reading a long text.

A news article is read in well under a second, and then nothing is shown.  A
long text (a pasted book, a 20 MB dump of a news archive) takes minutes, so
:func:`casestudy.pipeline.read_article` can show which step it is on, how long
it has taken, and, for sentiment, how many sentences are scored and how many
remain.  It is off unless asked for: the command line asks only when standard
error is a terminal (so scripts and logs get no bar), and notebook 05 asks with
a notebook bar.

>>> with Progress(["cleaning"], enabled=False) as progress:   # off: no output at all
...     with progress.stage("cleaning"):
...         pass
...     list(progress.iterate([1, 2, 3], "scoring"))
[1, 2, 3]
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from types import TracebackType
from typing import Any, TypeVar

T = TypeVar("T")

LONG_TEXT = 100_000
"""Texts at least this long (in characters, about twenty long news articles) show progress when asked to.

Cleaning such a text takes about a quarter of a second on this project's test
machine, and the bar would only flicker on anything shorter.
"""

TICK = 0.5
"""Seconds between redraws of the bar during a step that reports no progress of its own (the elapsed time ticks)."""

ProgressBar = Callable[..., Any]
"""A tqdm-like class: ``tqdm.tqdm`` (the default, on standard error) or ``tqdm.notebook.tqdm``."""


def wanted(progress: bool | ProgressBar | None, length: int) -> ProgressBar | None:
    """The bar class to use for a text of ``length`` characters, or ``None`` for no bar.

    ``progress`` is ``False``/``None`` (never), ``True`` (tqdm's text bar on
    standard error) or a tqdm-like class (e.g. ``tqdm.notebook.tqdm``).

    >>> wanted(True, 10) is None, wanted(False, 10**6) is None, wanted(True, 10**6) is not None
    (True, True, True)
    """
    if not progress or length < LONG_TEXT:
        return None
    if progress is True:
        from tqdm import tqdm

        bar: ProgressBar = tqdm
        return bar
    return progress


class Progress:
    """Named steps of one long job, each shown on a bar with the time it has taken; silent when disabled.

    ``bar`` is a tqdm-like class (see :func:`wanted`); ``what`` names the job
    (e.g. the file being read).
    """

    def __init__(self, steps: Sequence[str], enabled: bool = True, what: str = "reading",
                 bar: ProgressBar | None = None) -> None:
        self.steps = list(steps)
        self.what = what
        self._bar_class = bar
        self._bar: Any = None
        if enabled:
            if self._bar_class is None:
                from tqdm import tqdm

                self._bar_class = tqdm
            self._bar = self._bar_class(total=len(self.steps), desc=what, unit="step", file=sys.stderr,
                                        leave=False, bar_format="{desc}: {n_fmt}/{total_fmt} steps [{elapsed}]")

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        """Remove the bar (it is not left behind on the terminal)."""
        if self._bar is not None:
            self._bar.close()
            self._bar = None

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        """Show that step ``name`` is running; the elapsed time keeps ticking while it works."""
        if self._bar is None:
            yield
            return
        self._bar.set_description_str(f"{self.what}: {name}")
        stop = threading.Event()
        ticker = threading.Thread(target=self._tick, args=(stop,), daemon=True)
        ticker.start()
        try:
            yield
        finally:
            stop.set()
            ticker.join()
            self._bar.update(1)

    def _tick(self, stop: threading.Event) -> None:
        while not stop.wait(TICK):
            self._bar.refresh()

    def iterate(self, items: Sequence[T], name: str, unit: str = "sentence") -> Iterable[T]:
        """``items`` (a step of its own), counted one by one on a second bar with the time left."""
        if self._bar is None or self._bar_class is None:
            return items
        self._bar.set_description_str(f"{self.what}: {name}")
        return _counted(self._bar_class(items, desc=name, unit=unit, file=sys.stderr, leave=False), self._bar)


def _counted(items: Any, steps: Any) -> Iterator[Any]:
    """Yield from a per-item bar, then close it and count its step as done."""
    try:
        yield from items
    finally:
        items.close()
        steps.update(1)
