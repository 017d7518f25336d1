"""What the notebooks and the guide state about the tools and the numbers, checked against the tools and the data."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import nbformat

from casestudy.exercises.plans import load_times
from casestudy.sentiment import ALPHA

ROOT = Path(__file__).resolve().parent.parent
TIMES = load_times(ROOT / "docs" / "section-times.json", ROOT / "notebooks")


def test_alpha_is_vaders_own_normalisation_constant() -> None:
    """03 says the 15 of the compound formula is VADER's normalize(alpha=15): in vaderSentiment and in NLTK."""
    from nltk.sentiment import vader as nltk_vader
    from vaderSentiment import vaderSentiment

    for normalize in (vaderSentiment.normalize, nltk_vader.VaderConstants.normalize):
        assert inspect.signature(normalize).parameters["alpha"].default == ALPHA == 15


def test_notebook_00_gives_the_measured_times() -> None:
    """00's table of notebooks shows the same minutes as the teacher guide (the measured totals)."""
    nb = nbformat.read(ROOT / "notebooks" / "00_start_here.ipynb", as_version=4)
    text = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    for name, times in TIMES.notebooks.items():
        link = "**00 Start here**" if name.startswith("00") else f"({name}.ipynb)"
        row = next(line for line in text.splitlines() if line.startswith("|") and link in line)
        assert re.search(rf"\| {times.total():g} min \|$", row), f"{name}: {row}"


def test_each_notebook_header_gives_its_measured_time() -> None:
    """Each notebook's header says 'about N minutes' with its measured total."""
    for name, times in TIMES.notebooks.items():
        nb = nbformat.read(ROOT / "notebooks" / f"{name}.ipynb", as_version=4)
        assert f"about {times.total():g} minutes" in nb.cells[0].source, name


def test_glossary_links_lead_to_entries() -> None:
    """Every link into docs/glossary.md names an entry that exists (GitHub-style heading anchors)."""
    glossary = (ROOT / "docs" / "glossary.md").read_text(encoding="utf-8")

    def anchor(heading: str) -> str:
        return re.sub(r"[^\w\- ]", "", heading.lower()).replace(" ", "-")

    anchors = {anchor(h) for h in re.findall(r"^### (.+)$", glossary, flags=re.MULTILINE)}
    sources = [c.source for p in (ROOT / "notebooks").glob("*.ipynb")
               for c in nbformat.read(p, as_version=4).cells if c.cell_type == "markdown"]
    sources.append((ROOT / "docs" / "teacher-guide.md").read_text(encoding="utf-8"))
    links = [m for s in sources for m in re.findall(r"glossary\.md#([\w\-]+)", s)]
    assert links and not [link for link in links if link not in anchors]
