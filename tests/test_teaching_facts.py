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


def github_anchor(heading: str) -> str:
    """The anchor GitHub gives a heading: lower case, punctuation dropped, spaces as hyphens."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


GLOSSARY = (ROOT / "docs" / "glossary.md").read_text(encoding="utf-8")
ENTRIES = re.findall(r'^### <a id="([^"]+)"></a>(.+)$', GLOSSARY, flags=re.MULTILINE)


def _markdown_sources() -> dict[str, str]:
    """The markdown of every notebook (chapters and solution copies), the docs and the README, by path."""
    out = {str(p.relative_to(ROOT)): "\n".join(c.source for c in nbformat.read(p, as_version=4).cells
                                               if c.cell_type == "markdown")
           for p in sorted((ROOT / "notebooks").rglob("*.ipynb")) if ".ipynb_checkpoints" not in p.parts}
    for p in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        out[str(p.relative_to(ROOT))] = p.read_text(encoding="utf-8")
    return out


SOURCES = _markdown_sources()


def test_every_glossary_entry_has_an_anchor_named_as_github_names_it() -> None:
    """Each entry's heading holds an explicit anchor equal to GitHub's: JupyterLab (which names headings by their
    exact text) and GitHub then both jump to the entry."""
    headings = re.findall(r"^### (.+)$", GLOSSARY, flags=re.MULTILINE)
    assert len(ENTRIES) == len(headings) >= 40
    assert [anchor for anchor, title in ENTRIES if anchor != github_anchor(title)] == []


def test_glossary_links_lead_to_entries() -> None:
    """Every link into docs/glossary.md, from any notebook, doc or the README, names an entry's anchor."""
    anchors = {anchor for anchor, _ in ENTRIES}
    links = [(path, m) for path, text in SOURCES.items() for m in re.findall(r"glossary\.md#([^)\s]+)\)", text)]
    assert len(links) >= 20 and [link for link in links if link[1] not in anchors] == []


def test_relative_links_point_at_files_that_exist() -> None:
    """A relative link in a notebook (chapter or solution copy), a doc or the README names a file of the
    repository, seen from where the linking file is (so ../docs/ from notebooks/, ../../docs/ from solutions/)."""
    broken = []
    for path, text in SOURCES.items():
        for target in re.findall(r"\]\((?![a-z][a-z0-9+.-]*:|#|/)([^)\s]+)\)", text):
            file = target.split("#")[0].split("?")[0]
            if file and not ((ROOT / path).parent / file).exists():
                broken.append(f"{path}: {target}")
    assert broken == []


def test_module_paths_named_in_the_teaching_text_exist() -> None:
    """Every dotted name like `casestudy.text.cleaning.FURNITURE` in the notebooks and docs can be imported."""
    import importlib

    missing = []
    for path, text in SOURCES.items():
        for name in sorted(set(re.findall(r"\bcasestudy(?:\.[A-Za-z_]\w*)+", text))):
            parts = name.split(".")
            for k in range(len(parts), 0, -1):
                try:
                    obj = importlib.import_module(".".join(parts[:k]))
                except ImportError:
                    continue
                for attribute in parts[k:]:
                    obj = getattr(obj, attribute, None)
                if obj is None:
                    missing.append(f"{path}: {name}")
                break
    assert missing == []


def _polnear_row() -> dict[str, str]:
    """The 'these rules' row of the PolNeAR-train table in docs/quotes.md, by column name."""
    text = (ROOT / "docs" / "quotes.md").read_text(encoding="utf-8")
    header = next(line for line in text.splitlines() if line.startswith("| system |"))
    row = next(line for line in text.splitlines() if "these rules" in line and line.startswith("|"))
    names = [c.strip() for c in header.strip("|").split("|")]
    values = [c.strip().strip("*") for c in row.strip("|").split("|")]
    return dict(zip(names, values))


def test_quote_figures_match_docs_quotes_md() -> None:
    """The PolNeAR figures that 02 and 05 state are docs/quotes.md's, and each says it counts by mention."""
    row = _polnear_row()
    accuracy, f1 = float(row["speaker accuracy"]), float(row["F1"])
    nb02 = "\n".join(c.source for c in nbformat.read(ROOT / "notebooks" / "02_quote_attribution.ipynb",
                                                      as_version=4).cells)
    assert f"F1 of about {f1:.2f}" in nb02 and f"speaker accuracy of about {accuracy:.2f}" in nb02
    assert "*by mention*" in nb02
    nb05 = "\n".join(c.source for c in nbformat.read(ROOT / "notebooks" / "05_your_own_article.ipynb",
                                                      as_version=4).cells)
    line = next(line for line in nb05.splitlines() if line.startswith("| speaker accuracy"))
    assert "by mention" in line and line.rstrip(" |").endswith(row["speaker accuracy"])
    for name in ("precision", "recall"):
        assert any(line.startswith(f"| {name}") and line.rstrip(" |").endswith(row[name]) for line in nb05.splitlines())


def test_guide_quotes_the_current_figures() -> None:
    """The guide's PolNeAR speaker accuracy and the development set's 'all' row (by mention, by name) are docs/quotes.md's."""
    docs = (ROOT / "docs" / "quotes.md").read_text(encoding="utf-8")
    guide = (ROOT / "docs" / "teacher-guide.md").read_text(encoding="utf-8")
    assert f"({_polnear_row()['speaker accuracy']} when\nthis guide was written" in guide
    row = next(line for line in docs.splitlines() if line.startswith("| **all** |"))
    mention, name = [c.strip().strip("*") for c in row.strip("|").split("|")][-2:]
    assert f"({mention} and {name} when this\nguide was written)" in guide


def test_jupyterlab_is_started_above_the_notebooks_folder() -> None:
    """The README's and the guide's JupyterLab commands serve the folder that holds notebooks/ and docs/
    (as Binder does), so the notebooks' ../docs/glossary.md links open; they open 00 first."""
    for path in ("README.md", "docs/teacher-guide.md"):
        commands = [line for line in re.sub(r"`", "\n", (ROOT / path).read_text(encoding="utf-8")).splitlines()
                    if "jupyter lab" in line]
        assert commands, path
        for line in commands:
            assert "--notebook-dir=. notebooks" in line and "00_start_here.ipynb" in line, (path, line)
