"""The whole pipeline on any article (notebook 05): choosing the text, profiles, comparison, starter map, checks."""

from __future__ import annotations

import json

import pytest

from casestudy import load_article
from casestudy.exercises import Check
from casestudy.exercises import own_article as ex
from casestudy.text.loading import data_path
from casestudy.models import Person
from casestudy.widgets import ArticleChooser
from casestudy.pipeline import (
    PROFILE_LABELS, check_against_key, choose_article, compare, practice_article, practice_notes,
    read_article, starter_map, table_markdown,
)

PRACTICE = read_article(practice_article())


def test_practice_article_has_three_sides_and_a_speaker_on_none() -> None:
    """The practice article comes with its people file: three sides, each with a speaker, and on none the biologist
    and the unnamed shop owner (a source the text only describes keeps its description)."""
    assert PRACTICE.side_names == ("Town council", "Fishing association", "Harbour traders")
    assert [row["speakers"] for row in PRACTICE.side_table()] == [1, 1, 1, 2]
    assert PRACTICE.side_of("Nora Lindqvist") == "unknown"
    assert all(s.description for s in PRACTICE.sides)


def test_practice_article_says_it_is_invented() -> None:
    """The practice article is labelled as invented in its first line and in its metadata note."""
    first_line = practice_article().raw.splitlines()[0]
    assert first_line.startswith("Invented for practice, not real news")
    notes = json.loads(data_path("practice_article.json").read_text(encoding="utf-8"))
    assert notes["invented"] is True and "INVENTED FOR PRACTICE" in notes["note"]
    assert 300 <= len(practice_article().raw.split()) <= 400  # a short news story


@pytest.mark.parametrize("pasted, path, source_end", [
    ("", "", "practice_article.txt"),
    ("   \n ", "  ", "practice_article.txt"),
    ('BERLIN (Wire) - "We agree," Ann Lee said.', "", "<pasted text>"),
    ("", str(data_path("practice_article.txt")), "practice_article.txt"),
])
def test_choose_article(pasted: str, path: str, source_end: str) -> None:
    """Pasted text wins over a path; with neither, the practice article is used."""
    assert choose_article(pasted, path).source.endswith(source_end)


def test_the_pipeline_finds_what_the_practice_article_was_written_to_contain() -> None:
    """Title, dateline, direct, continuation and reported quotes are all found in the practice article."""
    assert PRACTICE.clean.place == "Port Eldmoor" and PRACTICE.clean.agency == "Harbour Wire"
    assert PRACTICE.clean.title.startswith("Invented for practice")
    kinds = {q.kind for q in PRACTICE.quotes}
    assert kinds == {"direct", "continuation", "reported"}
    assert any(q.rule.startswith("cue-before") for q in PRACTICE.quotes)
    assert any(q.rule.endswith("+pronoun") for q in PRACTICE.quotes)


def test_profile_is_consistent() -> None:
    """The profile's counts add up and its rates follow from them."""
    p = PRACTICE.profile()
    assert p["direct"] + p["continuation"] + p["reported"] == p["quotes"] == len(PRACTICE.quotes)
    assert p["quotes_per_100_words"] == round(100 * p["quotes"] / p["words"], 1)
    assert p["reported_share"] == round(p["reported"] / p["quotes"], 2)
    assert -1 <= p["mean_sentence_sentiment"] <= 1


def test_compare_has_one_row_per_measure_and_one_column_per_article() -> None:
    """compare() sets articles side by side; table_markdown shows it."""
    rows = compare({"practice": PRACTICE, "Oslo": read_article(load_article())})
    assert [r["measure"] for r in rows] == list(PROFILE_LABELS.values())
    assert all(set(r) == {"measure", "practice", "Oslo"} for r in rows)
    assert table_markdown(rows).count("\n") == len(rows) + 1


def test_answer_key_matches_every_quote_it_lists() -> None:
    """Every answer-key quote starts a sentence of the practice article, so the key is usable."""
    text = " ".join(PRACTICE.clean.text.split())
    for item in practice_notes()["answer_key"]:
        assert item["starts"] in text, item


def test_check_against_key_reports_misses_and_wrong_speakers() -> None:
    """check_against_key marks a quote missed, right or wrong."""
    results = check_against_key(PRACTICE.quotes, practice_notes()["answer_key"])
    assert len(results) == len(practice_notes()["answer_key"])
    assert all(r.describe().split()[0] in ("found", "MISSED") for r in results)


def test_starter_map_cites_the_articles_own_evidence() -> None:
    """Every starter claim cites a quote the argument-map editor can show for that article."""
    amap = starter_map(PRACTICE)
    known = {e.id for e in read_article(practice_article()).evidence}
    assert len(amap) >= 3
    assert all(c.evidence and set(c.evidence) <= known for c in amap.claims.values())
    assert amap.problems(known_evidence=known) == []


def test_starter_map_keeps_the_words_of_its_evidence(tmp_path) -> None:
    """Each cited quote's words are in the map, the editor's table, the saved file and the Argdown export."""
    from casestudy.argmap import load_map, save_map, to_argdown
    from casestudy.widgets.argmap import claims_table_html

    amap = starter_map(PRACTICE)
    words = {e.id: e.describe() for e in read_article(practice_article()).evidence}
    assert amap.evidence_texts == {e: words[e] for c in amap.claims.values() for e in c.evidence}
    table, argdown = claims_table_html(amap), to_argdown(amap)
    saved = load_map(save_map(amap, tmp_path / "starter.json"))
    for text in amap.evidence_texts.values():
        assert text.split(":")[0] in table and saved.evidence_texts == amap.evidence_texts
        assert text[:20] in argdown   # the front matter's evidence_texts


def test_a_rewritten_starter_claim_loses_its_rewrite_note() -> None:
    """'rewrite it in your own words' stays until the claim's text is rewritten, then goes; a side change keeps it."""
    from casestudy.argmap import REWRITE_NOTE

    amap = starter_map(PRACTICE)
    first, second = list(amap.claims)[:2]
    assert all(c.note == REWRITE_NOTE for c in amap.claims.values())
    assert amap.edit_claim(first, side="neither").note == REWRITE_NOTE
    assert amap.edit_claim(first, text="The council promises power and jobs.").note == ""
    assert amap.edit_claim(second, text="The fishers were never asked.", note="my own note").note == "my own note"
    amap.undo()
    assert amap.claims[second].note == REWRITE_NOTE


def test_chooser_status_and_fallback(tmp_path, capsys) -> None:
    """The chooser says which text it will use; an unreadable path falls back loudly to the practice article."""
    chooser = ArticleChooser()
    assert "practice article" in chooser.update_status()
    chooser.text.value = "OSLO (Wire) - Ministers met. They talked."
    assert "pasted text (7 words)" in chooser.status.value
    chooser.text.value = ""
    chooser.path.value = str(tmp_path / "missing.txt")
    assert "No file" in chooser.status.value and "practice article" in chooser.status.value
    article = chooser.article()
    assert article.source.endswith("practice_article.txt")
    assert "Could not use your text" in capsys.readouterr().out


def test_exercise_placeholders_are_reminders() -> None:
    """Leaving ... in place gives a reminder, not an error."""
    for result in (ex.check_quotes_per_100_words(...), ex.check_wrong_speaker(...), ex.check_people_fix(...),
                   ex.check_own_side(...)):
        assert isinstance(result, Check) and not result and "Replace the ..." in result.message


def test_exercise_solutions_pass_and_wrong_answers_fail() -> None:
    """The notebook's solutions pass their checks; wrong answers get a hint."""
    results = check_against_key(PRACTICE.quotes, practice_notes()["answer_key"])
    assert ex.check_quotes_per_100_words(round(100 * len(PRACTICE.quotes) / PRACTICE.words, 1))
    assert not ex.check_quotes_per_100_words(50)
    assert results
    puzzle = ex.puzzle_results()
    wrong = [r for r in puzzle if not r.speaker_right]
    right = [r for r in puzzle if r.speaker_right]
    assert wrong and ex.check_wrong_speaker(wrong[0].starts)
    assert not ex.check_wrong_speaker(right[0].starts)
    assert ex.check_people_fix([Person("Jorund Brekk", gender="male")])
    sides = [*PRACTICE.side_names, "Scientists"]
    assert ex.check_own_side(PRACTICE.assign_sides(sides, {"Nora Lindqvist": "Scientists"}))
    assert not ex.check_own_side(PRACTICE.assign_sides(sides, {}))
    assert not ex.check_own_side(PRACTICE.assign_sides(["Scientists", *PRACTICE.side_names], {"Nora Lindqvist": "Scientists"}))
    assert not ex.check_own_side(PRACTICE)


def test_exercise_3_still_has_something_to_fix() -> None:
    """Without people, 'she said' in the exercises' puzzle is not yet the mayor's (else exercise 3 is empty)."""
    assert not ex.check_people_fix([])


def test_notebook_05_quotes_figures_match_docs() -> None:
    """Every measured figure notebook 05 quotes from docs/quotes.md is still in docs/quotes.md."""
    import re
    from pathlib import Path

    import nbformat

    root = Path(__file__).resolve().parent.parent
    nb = nbformat.read(root / "notebooks" / "05_your_own_article.ipynb", as_version=4)
    caveat = next(c.source for c in nb.cells if "PolNeAR" in c.source)
    figures = re.findall(r"\b0\.\d{2,3}\b", caveat)
    docs = (root / "docs" / "quotes.md").read_text(encoding="utf-8")
    assert figures and all(f in docs for f in figures), [f for f in figures if f not in docs]


@pytest.mark.parametrize("text", [
    "Just one line of text without any quotes at all",
    "Menu\nHome\n\nThe council met today. It decided nothing.\n\nShare this article",
])
def test_texts_without_quotes_still_give_a_profile_and_an_empty_starter_map(text: str) -> None:
    """A text with no quotes (or no dateline) runs through: shares are None, the starter map is empty."""
    reading = read_article(choose_article(text))
    profile = reading.profile()
    assert profile["quotes"] == 0 and profile["reported_share"] is None and profile["mean_quote_sentiment"] is None
    assert len(starter_map(reading)) == 0
    assert "| quotes per 100 words | 0.0 |" in table_markdown(compare({"x": reading}))
