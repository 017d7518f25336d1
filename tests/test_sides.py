"""Sides are data: any article, one to eight sides from its people file, and everything that groups by side follows.

The contract of issue 10: a three-sided article (tests/data/three_sides_article.txt,
invented) with a people file whose sides are EU, UK and Norway gives
``sentiment --json`` whose ``sides`` object has exactly the keys EU, UK, Norway and
unknown, each with ``n`` = the number of direct quotes by that side's speakers.
Then the same for 1, 3 and 8 sides on a generated article, through every function
and figure that groups by side, the sides editor of notebook 05, and people files
written and read back.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from casestudy import load_article
from casestudy.errors import InputError
from casestudy.models import MAX_SIDES, NEITHER, UNKNOWN, Person, Side, side_names
from casestudy.palette import side_styles
from casestudy.pipeline import (choose_article, compare, compare_sides, practice_article, read_article,
                                starter_map)
from casestudy.text.people_file import (parse_people_file, parse_side_names, people_file_json, read_people_file,
                                        save_people_file)

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "tests" / "data"
ARTICLE = DATA / "three_sides_article.txt"
PEOPLE = DATA / "three_sides_people.json"

DIRECT_QUOTES = {"EU": 2, "UK": 2, "Norway": 2, UNKNOWN: 2}
"""Counted by hand in the invented article: each side's speakers' direct quotes; unknown is the scientist
(on no side) and the unnamed skipper. Reported speech (three statements) counts for nobody."""

SPEAKER_SIDES = {"Margit Havelaar": "EU", "Daniel Crowe": "UK", "Ingrid Solheim": "Norway", "Peter Lund": UNKNOWN,
                 "a Shetland skipper": UNKNOWN}
"""Who is on which side, as the people file says (the skipper is not named: the description names him)."""


def cli(*args: str) -> Any:
    """``python -m casestudy ARGS`` in a fresh process: its JSON output (the command must succeed)."""
    out = subprocess.run([sys.executable, "-m", "casestudy", *args], capture_output=True, text=True, timeout=120,
                         cwd=REPO)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


# -- the contract ---------------------------------------------------------------------------------


def test_contract_sentiment_sides_are_the_people_files_sides() -> None:
    """sentiment --people --json: sides are exactly EU, UK, Norway and unknown, n = each side's direct quotes."""
    sides = cli("sentiment", str(ARTICLE), "--people", str(PEOPLE), "--json")["sides"]
    assert list(sides) == ["EU", "UK", "Norway", "unknown"]
    assert {side: value["n"] for side, value in sides.items()} == DIRECT_QUOTES
    assert all(-1 <= value["mean"] <= 1 for value in sides.values())


def test_contract_quotes_give_each_quote_its_side() -> None:
    """quotes --people --json: every quote carries its speaker's side, offsets into the file's text."""
    quotes = cli("quotes", str(ARTICLE), "--people", str(PEOPLE), "--json")
    text = ARTICLE.read_text(encoding="utf-8")
    assert {q["speaker"]: q["side"] for q in quotes} == SPEAKER_SIDES
    assert all(text[q["start"]:q["end"]] == q["text"] for q in quotes)
    direct = {side: sum(1 for q in quotes if q["side"] == side and q["kind"] in ("direct", "continuation"))
              for side in DIRECT_QUOTES}
    assert direct == DIRECT_QUOTES   # the same count the sentiment command reports


def test_without_a_people_file_nobody_has_a_side() -> None:
    """The same article without --people: one group, unknown, holding every direct quote."""
    sides = cli("sentiment", str(ARTICLE), "--json")["sides"]
    assert {side: value["n"] for side, value in sides.items()} == {UNKNOWN: sum(DIRECT_QUOTES.values())}


def test_sides_come_in_the_people_files_order_not_the_articles(tmp_path: Path) -> None:
    """The people file's order of sides wins over the order in which their speakers are quoted."""
    people = json.loads(PEOPLE.read_text(encoding="utf-8"))
    people["sides"] = list(reversed(people["sides"]))
    (tmp_path / "people.json").write_text(json.dumps(people), encoding="utf-8")
    reading = read_article(choose_article(ARTICLE.read_text(encoding="utf-8"), people=str(tmp_path / "people.json")))
    assert list(reading.sentiment.sides) == ["Norway", "UK", "EU", UNKNOWN]


# -- 1, 3 and 8 sides through everything that groups by side ------------------------------------------

COUNTRIES = ["Austria", "Belgium", "Chile", "Denmark", "Egypt", "Finland", "Ghana", "Hungary", "Iceland"]
NAMES = ["Anna Adler", "Bruno Bakker", "Carla Castro", "Dag Dahl", "Emad Ezzat", "Frida Falk", "Gifty Gyan",
         "Hanna Horvath", "Ivar Isaksen"]


def n_sided(n: int) -> tuple[str, list[Person], list[Side]]:
    """An invented n-sided article: one foreign minister per side (every second one quoted twice), and a delegate of no side."""
    paras = ["GENEVA, March 3 (Wire) - Talks on the river treaty ended on Friday without a joint statement."]
    for i in range(n):
        paras.append(f'"{COUNTRIES[i]} has waited long enough for a fair share of the water," said Foreign '
                     f"Minister {NAMES[i]} of {COUNTRIES[i]}.")
        if i % 2:
            paras.append(f'"We will come back next month with a new proposal," {NAMES[i].split()[-1]} said.')
    paras.append('"Nobody here wants another dry summer," a delegate said.')
    people = [Person(NAMES[i], side=COUNTRIES[i]) for i in range(n)]
    return "\n\n".join(paras) + "\n", people, [Side(c) for c in COUNTRIES[:n]]


def expected_quotes(n: int) -> dict[str, int]:
    """Direct quotes per side in :func:`n_sided`, then the unnamed delegate."""
    return {**{COUNTRIES[i]: 1 + i % 2 for i in range(n)}, UNKNOWN: 1}


@pytest.fixture(scope="module", params=[1, 3, 8], ids=lambda n: f"{n} side{'s' if n > 1 else ''}")
def sided(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[int, Any]:
    """A reading of the n-sided article (pasted), its sides declared in a people file."""
    n = request.param
    text, people, sides = n_sided(n)
    path = save_people_file(tmp_path_factory.mktemp("people") / "people.json", people, sides)
    return n, read_article(choose_article(text, people=str(path)))


def test_sides_and_sentiment_by_side(sided: tuple[int, Any]) -> None:
    """The reading has the n sides in order; sentiment by side has each of them and unknown, with the right n."""
    n, reading = sided
    assert reading.side_names == tuple(COUNTRIES[:n])
    assert {side: agg.n for side, agg in reading.sentiment.sides.items()} == expected_quotes(n)


def test_voice_share_by_side(sided: tuple[int, Any]) -> None:
    """Voice share by side: one row per side in order, then unknown; shares add up to 1."""
    n, reading = sided
    rows = reading.voice_share(by="side")
    assert [(r.who, r.quotes) for r in rows] == list(expected_quotes(n).items())
    assert sum(r.share_of_words for r in rows) == pytest.approx(1.0)
    assert [r.who for r in reading.voice_share(by="speaker")][:1] != []


def test_side_table_profile_and_comparison(sided: tuple[int, Any]) -> None:
    """The side table, the profile's side measures and the comparison with Oslo follow the n sides."""
    n, reading = sided
    table = reading.side_table()
    assert [row["side"] for row in table] == [*COUNTRIES[:n], UNKNOWN]
    assert [row["speakers"] for row in table] == [1] * n + [1]   # the delegate, named by his description
    profile = reading.profile()
    assert profile["sides"] == n and profile["most_quoted_side"] in COUNTRIES[:n]
    assert 0 < profile["no_side_share"] < 1
    rows = compare({"river": reading, "Oslo": read_article()})
    assert next(r for r in rows if r["measure"] == "sides") == {"measure": "sides", "river": n, "Oslo": 2}
    by_side = compare_sides({"river": reading, "Oslo": read_article()})
    assert [r["side"] for r in by_side] == [*COUNTRIES[:n], UNKNOWN, "US/NATO", "Russia", UNKNOWN]


def test_figures_give_each_side_its_own_colour_and_marker(sided: tuple[int, Any]) -> None:
    """Voice share, sentiment by side and the sentence plot draw every side, each in its own colour and marker."""
    from matplotlib.patches import Rectangle

    from casestudy.plots import alt_text, plot_quotes_by_side, plot_sentences, plot_voice_share

    n, reading = sided
    styles = side_styles(reading.sides)
    assert len({styles[s].colour for s in reading.side_names}) == n
    assert len({styles[s].marker for s in reading.side_names}) == n
    fig = plot_voice_share(reading.voice_share(), "Quoted words by side", reading.sides)
    bars = [p for p in fig.axes[0].patches if isinstance(p, Rectangle)]
    assert len({tuple(b.get_facecolor()) for b in bars}) == n + 1   # the sides, and grey for unknown
    assert all(side in alt_text(fig) for side in COUNTRIES[:n])
    fig = plot_quotes_by_side(reading.sentiment.quotes, reading.sides)
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert labels == [*COUNTRIES[:n], UNKNOWN]
    fig = plot_sentences(reading.sentiment.sentences, reading.sentiment.quotes, side_list=reading.sides)
    legend = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    assert all(f"contains a quote: {side}" in legend for side in COUNTRIES[:n])


def test_starter_map_takes_the_articles_sides(sided: tuple[int, Any]) -> None:
    """The starter map has the article's sides, and each claim the side of the speaker it quotes."""
    n, reading = sided
    amap = starter_map(reading)
    assert amap.side_names() == tuple(COUNTRIES[:n])
    assert sorted(c.side for c in amap.claims.values()) == sorted([*COUNTRIES[:n], NEITHER])   # (and the delegate)


def test_the_sides_editor_offers_every_side(sided: tuple[int, Any]) -> None:
    """The editor's menus offer the n sides and unknown, with each minister on their own side."""
    pytest.importorskip("ipywidgets")
    from casestudy.widgets import SidesEditor

    n, reading = sided
    editor = SidesEditor(reading)
    assert all(menu.options == (*COUNTRIES[:n], UNKNOWN) for menu in editor.menus.values())
    assert editor.assignment() == {**{NAMES[i]: COUNTRIES[i] for i in range(n)}, "a delegate": UNKNOWN}


def test_nine_sides_are_too_many() -> None:
    """A ninth side is refused in one line: eight colours are all that stay distinct."""
    text, people, sides = n_sided(MAX_SIDES + 1)
    with pytest.raises(InputError, match="at most 8"):
        people_file_json(people, sides)
    with pytest.raises(InputError, match="at most 8"):
        read_article(text, people=people, sides=sides)
    with pytest.raises(InputError, match="at most 8"):
        parse_people_file(json.dumps({"sides": COUNTRIES, "people": []}))


# -- people files ------------------------------------------------------------------------------------


def test_a_person_on_an_undeclared_side_is_an_error() -> None:
    """A misspelt side in a people file is named, not silently counted as unknown."""
    bad = {"sides": ["EU", "UK"], "people": [{"name": "Ingrid Solheim", "side": "Norwey"}]}
    with pytest.raises(InputError, match="Ingrid Solheim's side 'Norwey' is not one of its sides"):
        parse_people_file(json.dumps(bad))


@pytest.mark.parametrize("text, expected", [("EU, UK, Norway", ("EU", "UK", "Norway")),
                                            ("EU\nUK\n", ("EU", "UK")), ("  Town council ;Fishers", ("Town council", "Fishers")),
                                            ("", ())])
def test_typed_sides(text: str, expected: tuple[str, ...]) -> None:
    """Sides typed by a reader: commas, semicolons or new lines; spaces trimmed."""
    assert side_names(parse_side_names(text)) == expected


@pytest.mark.parametrize("text, words", [("EU, eu", "listed twice"), ("EU, unknown", "is not a side"),
                                         ("EU, neither", "is not a side"), (", ".join(COUNTRIES), "at most 8")])
def test_typed_sides_that_cannot_be_used(text: str, words: str) -> None:
    """Twice the same side, a reserved name or too many sides: one line saying what to change."""
    with pytest.raises(InputError, match=words) as err:
        parse_side_names(text)
    assert "\n" not in str(err.value)


def test_a_saved_people_file_reads_back(tmp_path: Path) -> None:
    """What save_people_file writes, load_article(people=...) and --people read back: same people, same sides."""
    people, sides = read_people_file(PEOPLE)
    path = save_people_file(tmp_path / "mine.json", people, sides, note="a test")
    assert read_people_file(path) == (people, sides)
    save_people_file(path, people[:1], sides[:1])
    assert (tmp_path / "mine.json.bak").is_file()   # the previous version is kept
    assert cli("sentiment", str(ARTICLE), "--people", str(path), "--json")["sides"].keys() == {"EU", UNKNOWN}


def test_bundled_people_file_is_unchanged_by_a_round_trip() -> None:
    """The bundled people file written out and read back gives the same people and sides."""
    people, sides = read_people_file()
    assert parse_people_file(json.dumps(people_file_json(people, sides))) == (people, sides)


# -- changing sides after reading --------------------------------------------------------------------


def test_with_sides_relabels_quotes_without_reading_again() -> None:
    """with_sides moves speakers to other sides; sentence scores are kept, sides recounted."""
    reading = read_article(load_article(ARTICLE, people=PEOPLE))
    sentences = reading.sentiment.sentences
    people = [Person("Margit Havelaar", side="Europe"), Person("Daniel Crowe", side="Europe")]
    moved = reading.with_sides(["Europe"], people)
    assert moved.sentiment.sentences is sentences
    assert {side: a.n for side, a in moved.sentiment.sides.items()} == {"Europe": 4, UNKNOWN: 4}
    with pytest.raises(InputError, match="not one of the sides"):
        reading.with_sides(["EU"], people)


def test_assign_sides_keeps_what_the_people_file_knows() -> None:
    """Assigning sides keeps each person's aliases and gender, and each side's colour and description."""
    reading = read_article(load_article(ARTICLE, people=PEOPLE))
    moved = reading.assign_sides(["UK", "EU", "Faroe Islands"], {"Ingrid Solheim": "Faroe Islands"})
    assert moved.side_names == ("UK", "EU", "Faroe Islands")
    assert next(s for s in moved.sides if s.name == "UK").colour == "vermillion"
    solheim = next(p for p in moved.people if p.name == "Ingrid Solheim")
    assert (solheim.side, solheim.gender, solheim.aliases) == ("Faroe Islands", "female", ("Solheim",))
    assert {side: a.n for side, a in moved.sentiment.sides.items()} == {"UK": 2, "EU": 2, "Faroe Islands": 2,
                                                                       UNKNOWN: 2}
    with pytest.raises(InputError, match="cannot be on 'Norway'"):
        reading.assign_sides(["EU"], {"Ingrid Solheim": "Norway"})


# -- notebook 05's widgets, without a browser ---------------------------------------------------------


def test_sides_editor_declares_sides_and_moves_speakers(tmp_path: Path) -> None:
    """Typing sides updates every menu; a speaker on a side that is gone goes to unknown; the reading follows."""
    pytest.importorskip("ipywidgets")
    from casestudy.widgets import SidesEditor

    editor = SidesEditor(read_article(practice_article()))
    assert "3 sides" in editor.status.value
    editor.sides_box.value = "Town council, Fishers"
    assert editor.menus["Torben Aske"].value == UNKNOWN
    assert editor.menus["Torben Aske"].options == ("Town council", "Fishers", UNKNOWN)
    editor.menus["Torben Aske"].value = "Fishers"
    assert "Fishers 1" in editor.status.value
    reading = editor.reading()
    assert reading.side_names == ("Town council", "Fishers")
    assert {q.speaker: q.side for q in reading.quotes if q.speaker}["Torben Aske"] == "Fishers"
    assert [r.who for r in reading.voice_share()] == ["Town council", "Fishers", UNKNOWN]


def test_sides_editor_refuses_bad_sides_in_its_status_line() -> None:
    """Sides that cannot be used leave the last good ones in place and say why, without a traceback."""
    pytest.importorskip("ipywidgets")
    from casestudy.widgets import SidesEditor

    editor = SidesEditor(read_article(practice_article()))
    editor.sides_box.value = "Council, council"
    assert "listed twice" in editor.status.value and "⚠" in editor.status.value
    assert editor.reading().side_names == ("Town council", "Fishing association", "Harbour traders")


def test_sides_editor_saves_a_people_file_the_chooser_reads(tmp_path: Path) -> None:
    """Save writes a people file; given to the article chooser, it brings the same sides back."""
    pytest.importorskip("ipywidgets")
    from casestudy.widgets import ArticleChooser, SidesEditor

    editor = SidesEditor(read_article(practice_article()))
    editor.sides_box.value = "Town council, Fishing association, Harbour traders, College"
    editor.menus["Nora Lindqvist"].value = "College"
    editor.path.value = str(tmp_path / "my_people.json")
    assert "Saved 5 people and 4 sides" in editor.save()   # (the unnamed shop owner, by his description, too)
    chooser = ArticleChooser()
    chooser.people.value = str(tmp_path / "my_people.json")
    assert "People and sides from" in chooser.status.value
    reading = read_article(chooser.article())
    assert reading.side_names[-1] == "College"
    assert {q.speaker: q.side for q in reading.quotes if q.speaker}["Nora Lindqvist"] == "College"


def test_sides_editor_save_errors_stay_in_the_status_line(tmp_path: Path) -> None:
    """Saving into a folder that does not exist is one line in the status, and nothing is written."""
    pytest.importorskip("ipywidgets")
    from casestudy.widgets import SidesEditor

    editor = SidesEditor(read_article(practice_article()))
    editor.path.value = str(tmp_path / "no_such_folder" / "p.json")
    assert editor.save().startswith("Not saved: the folder") and "⚠" in editor.status.value


def test_chooser_with_a_missing_people_file_says_so() -> None:
    """A people file that is not there is named in the chooser's status line."""
    pytest.importorskip("ipywidgets")
    from casestudy.widgets import ArticleChooser

    chooser = ArticleChooser()
    chooser.people.value = "no_such_people.json"
    assert "No people file" in chooser.status.value


def test_an_empty_sides_editor_is_filled_later() -> None:
    """Made empty (as in notebook 05's Setup), the editor says what to do, saves nothing, and is filled by edit()."""
    pytest.importorskip("ipywidgets")
    from casestudy.widgets import SidesEditor

    editor = SidesEditor()
    assert "sides.edit(reading)" in editor.status.value and editor.menus == {}
    assert editor.save().startswith("Nothing to save yet")
    with pytest.raises(InputError, match="no article yet"):
        editor.reading()
    practice = read_article(practice_article())
    assert editor.reading(practice) is practice   # nothing edited: the reading as it is
    assert editor.edit(practice) is editor and len(editor.menus) == 5


def test_sides_editor_applies_to_a_fresh_reading_of_the_same_article_only() -> None:
    """Later sections read the article again: the editor's sides apply to it, but never to another article."""
    pytest.importorskip("ipywidgets")
    from casestudy.widgets import SidesEditor

    editor = SidesEditor().edit(read_article(practice_article()))
    editor.sides_box.value = "Town council, Everyone else"
    for name in ("Torben Aske", "Maren Solberg"):
        editor.menus[name].value = "Everyone else"
    again = editor.reading(read_article(practice_article()))
    assert again.side_names == ("Town council", "Everyone else")
    assert [r.quotes for r in again.voice_share()] == [3, 4, 2]
    other = read_article(load_article(ARTICLE, people=PEOPLE))
    assert editor.reading(other) is other
