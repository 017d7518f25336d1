"""CITATION.cff is valid Citation File Format 1.2.0 and agrees with the project's other files.

A full schema check needs `cffconvert --validate` (not a test dependency); these tests check what
GitHub's "Cite this repository" box and Zenodo rely on, and that the version, licence and the
cited article match pyproject.toml and data/metadata.json.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

yaml = pytest.importorskip("yaml", reason="reading CITATION.cff needs PyYAML (installed with jupyterlab)")

ROOT = Path(__file__).resolve().parent.parent
CITATION = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
ARTICLE = json.loads((ROOT / "data" / "metadata.json").read_text(encoding="utf-8"))


def pyproject_field(name: str) -> str:
    """A top-level string field of pyproject.toml's [project] table (no TOML parser needed)."""
    for line in (ROOT / "pyproject.toml").read_text(encoding="utf-8").splitlines():
        key, _, value = line.partition("=")
        if key.strip() == name and value.strip().startswith('"'):
            return value.strip().strip('"')
    raise LookupError(name)


@pytest.mark.parametrize(
    ("key", "kind"),
    [
        ("cff-version", str),
        ("message", str),
        ("title", str),
        ("authors", list),
        ("abstract", str),
        ("version", str),
        ("license", str),
        ("date-released", dt.date),
        ("references", list),
    ],
)
def test_citation_has_the_key(key: str, kind: type) -> None:
    """CITATION.cff has each key CFF 1.2.0 requires (and those we promise), with the right type."""
    assert key in CITATION, f"CITATION.cff lacks {key!r}"
    assert isinstance(CITATION[key], kind), f"{key!r} should be a {kind.__name__}, not {CITATION[key]!r}"


def test_citation_is_cff_1_2_0() -> None:
    """The file declares the format version it is written in."""
    assert CITATION["cff-version"] == "1.2.0"


def test_every_author_has_a_name() -> None:
    """Each author is a person (family-names) or an entity (name)."""
    assert CITATION["authors"] == [{"name": "The casestudy authors"}]


@pytest.mark.parametrize(("cff_key", "pyproject_key"), [("version", "version")])
def test_citation_matches_pyproject(cff_key: str, pyproject_key: str) -> None:
    """The cited version is the package's version."""
    assert CITATION[cff_key] == pyproject_field(pyproject_key)


def test_licence_matches_the_licence_file() -> None:
    """The cited licence is the one in LICENSE."""
    assert CITATION["license"] == "MIT"
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")


def test_the_bundled_article_is_cited() -> None:
    """A reference cites the article: its title, publisher and date as in data/metadata.json."""
    articles = [ref for ref in CITATION["references"] if ref.get("title") == ARTICLE["title"]]
    assert len(articles) == 1, f"no reference titled {ARTICLE['title']!r}"
    article = articles[0]
    assert article["type"] == "newspaper-article"
    assert article["authors"] == [{"name": ARTICLE["publisher"]}]
    assert article["date-published"] == dt.date.fromisoformat(ARTICLE["published"])
