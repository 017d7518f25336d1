"""Checks of the hand-annotated development set in ``data/devset`` (see its README).

Only the data is checked here: every annotation points at the text it names,
spans do not overlap, every article says where it came from, the house styles
reach their minimums, and the restyled articles can be rebuilt from their
originals. The attributor itself is not run (the set is for measuring it).
"""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

import pytest

DEVSET = Path(__file__).resolve().parents[1] / "data" / "devset"
TEXTS = sorted(DEVSET.glob("*.txt"))
NAMES = [p.stem for p in TEXTS]
STYLES = {"british", "wire", "double"}
REQUIRED = ("id", "title", "url", "publisher", "licence", "published", "obtained", "style", "marks", "restyled", "quotes")
# Sources kept for an independent check; none may be used in the development set.
FORBIDDEN = re.compile(r"daily ?mail|dailymail|reuters-?21578|bbc news 2004|bbc-?news-?2004|dragnet|polnear", re.I)


def _raw(name: str) -> str:
    return (DEVSET / f"{name}.txt").read_text(encoding="utf-8")


def _meta(name: str) -> dict:
    return json.loads((DEVSET / f"{name}.json").read_text(encoding="utf-8"))


def _restyle_module():
    spec = importlib.util.spec_from_file_location("devset_restyle", DEVSET / "restyle.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_text_has_its_annotation_and_back() -> None:
    """Each ``NAME.txt`` has a ``NAME.json`` and each ``NAME.json`` a ``NAME.txt``."""
    jsons = sorted(p.stem for p in DEVSET.glob("*.json"))
    assert NAMES == jsons


def test_style_minimums() -> None:
    """At least 25 articles, 8 in British style and 6 hard-wrapped wire copy."""
    styles = [_meta(n)["style"] for n in NAMES]
    assert len(styles) >= 25
    assert styles.count("british") >= 8
    assert styles.count("wire") >= 6


@pytest.mark.parametrize("name", NAMES)
def test_metadata(name: str) -> None:
    """Every article says what it is, where it came from and under which licence."""
    meta = _meta(name)
    for key in REQUIRED:
        assert key in meta, key
    assert meta["id"] == name
    for key in ("title", "url", "publisher", "licence", "obtained", "marks"):
        assert isinstance(meta[key], str) and meta[key].strip(), key
    assert meta["url"].startswith("https://")
    assert re.fullmatch(r"\d{4}-\d\d-\d\d", meta["published"])
    assert meta["style"] in STYLES
    assert meta["restyled"] is None or meta["restyled"].strip()


@pytest.mark.parametrize("name", NAMES)
def test_text_file_is_clean(name: str) -> None:
    """UTF-8 text with ``\\n`` line endings, starting with the headline line."""
    data = (DEVSET / f"{name}.txt").read_bytes()
    text = data.decode("utf-8")
    assert "\r" not in text
    assert text.endswith("\n")
    assert text.split("\n", 1)[0].strip() == _meta(name)["title"]


@pytest.mark.parametrize("name", NAMES)
def test_quote_spans(name: str) -> None:
    """Every quote's ``text`` is ``raw[start:end]``; spans are in bounds, sorted and do not overlap."""
    raw, quotes = _raw(name), _meta(name)["quotes"]
    assert quotes
    previous_end = 0
    for q in quotes:
        assert 0 <= q["start"] < q["end"] <= len(raw), q
        assert raw[q["start"]:q["end"]] == q["text"], q
        assert q["start"] >= previous_end, f"overlap or unsorted at {q['start']}"
        previous_end = q["end"]


@pytest.mark.parametrize("name", NAMES)
def test_mentions(name: str) -> None:
    """A mention is either fully given and equal to its slice, or all null; it lies outside every quote."""
    raw, quotes = _raw(name), _meta(name)["quotes"]
    for q in quotes:
        triple = (q["mention_start"], q["mention_end"], q["mention"])
        if q["mention"] is None:
            assert triple == (None, None, None), q
            continue
        assert 0 <= q["mention_start"] < q["mention_end"] <= len(raw), q
        assert raw[q["mention_start"]:q["mention_end"]] == q["mention"], q
        assert not any(o["start"] <= q["mention_start"] < o["end"] for o in quotes), q


@pytest.mark.parametrize("name", NAMES)
def test_quote_fields(name: str) -> None:
    """Speakers are non-empty strings or null; ``dont_care`` is only ever ``true``."""
    for q in _meta(name)["quotes"]:
        assert q["speaker"] is None or (isinstance(q["speaker"], str) and q["speaker"].strip())
        assert q.get("dont_care", True) is True
        assert set(q) <= {"start", "end", "text", "mention_start", "mention_end", "mention", "speaker", "note", "dont_care"}


def test_forbidden_sources_absent() -> None:
    """No article comes from a source kept for the independent check."""
    for name in NAMES:
        meta = _meta(name)
        for key in ("url", "publisher", "obtained", "licence"):
            assert not FORBIDDEN.search(meta[key]), (name, key)
    assert not (DEVSET / "polnear").exists()


def test_restyled_articles_reproduce() -> None:
    """``restyle.py`` rebuilds every restyled article from ``original/``; unrestyled ones have no original."""
    module = _restyle_module()
    restyled = {n for n in NAMES if _meta(n)["restyled"] is not None}
    assert restyled == set(module.RESTYLED)
    assert {p.stem for p in (DEVSET / "original").glob("*.txt")} == restyled
    for name in sorted(restyled):
        params = dict(module.RESTYLED[name])
        kind = params.pop("kind")
        text, _ = module.restyle((DEVSET / "original" / f"{name}.txt").read_text(encoding="utf-8"), kind, **params)
        assert text == _raw(name), name


def test_restyle_keeps_apostrophes() -> None:
    """The British swap changes quotation marks by level and leaves apostrophes alone."""
    module = _restyle_module()
    text, _ = module.restyle('He said "don\'t touch the Joneses\' car, \'90s style," and left.\n', "british", curly=False)
    assert text == "He said 'don't touch the Joneses' car, '90s style,' and left.\n"
