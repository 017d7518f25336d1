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

import html
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
    """Typing sides updates every menu; a speaker on a side that is gone goes to unknown, and is named; the reading follows."""
    pytest.importorskip("ipywidgets")
    from casestudy.widgets import SidesEditor

    editor = SidesEditor(read_article(practice_article()))
    assert "3 sides" in editor.status.value
    editor.sides_box.value = "Town council, Fishers, Harbour traders"
    editor.sides_box.value = "Town council, Fishers"
    assert editor.menus["Maren Solberg"].value == UNKNOWN
    assert "Moved to unknown, as their side is gone: Maren Solberg" in editor.status.value
    assert editor.menus["Torben Aske"].options == ("Town council", "Fishers", UNKNOWN)
    editor.menus["Torben Aske"].value = UNKNOWN
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
    assert "sides_editor.edit(reading)" in editor.status.value and editor.menus == {}
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


def test_renaming_a_side_keeps_its_speakers_and_colour() -> None:
    """"Fishing association" renamed in the box keeps Torben Aske on it, with its colour, in the menus and the reading."""
    pytest.importorskip("ipywidgets")
    from casestudy.widgets import SidesEditor

    practice = read_article(practice_article())
    editor = SidesEditor(practice)
    editor.sides_box.value = "Town council, Fishers' union, Harbour traders"
    assert editor.menus["Torben Aske"].value == "Fishers' union"
    assert "Renamed 'Fishing association' to \"Fishers' union\"" in html.unescape(editor.status.value)
    editor.sides_box.value = "Town council, Fishers' union (east), Harbour traders"   # renamed twice
    reading = editor.reading()
    assert {q.speaker: q.side for q in reading.quotes if q.speaker}["Torben Aske"] == "Fishers' union (east)"
    before = {s.name: s.colour for s in practice.sides}["Fishing association"]
    assert {s.name: s.colour for s in reading.sides}["Fishers' union (east)"] == before
    assert [r.quotes for r in reading.voice_share()] == [r.quotes for r in practice.voice_share()]


def test_assign_sides_carries_renamed_sides_for_people_without_a_menu() -> None:
    """People the editor shows no menu for (not quoted, or beyond the 30 most quoted) follow a renamed side too."""
    reading = read_article(load_article(ARTICLE, people=PEOPLE))
    moved = reading.assign_sides(["European Union", "UK", "Norway"], {}, renamed={"EU": "European Union"})
    assert {p.name: p.side for p in moved.people}["Margit Havelaar"] == "European Union"
    assert moved.sentiment.sides["European Union"].n == DIRECT_QUOTES["EU"]


def test_assign_sides_says_what_is_wrong_in_the_declared_order() -> None:
    """A side that is not declared is named, with the sides in their order; a widget given as the sides is named."""
    practice = read_article(practice_article())
    with pytest.raises(InputError) as err:
        practice.assign_sides(practice.side_names, {"Nora Lindqvist": "Scientists"})
    assert ("not one of the sides (Town council, Fishing association, Harbour traders, unknown): add 'Scientists' "
            "to the sides first") in str(err.value)
    with pytest.raises(InputError, match="the sides must be a list of names, e.g. .*, not a SidesEditor"):
        pytest.importorskip("ipywidgets")
        from casestudy.widgets import SidesEditor

        practice.assign_sides(SidesEditor(), {})  # type: ignore[arg-type]
    with pytest.raises(InputError, match="must be a dict of names and sides"):
        practice.assign_sides(practice.side_names, ["Nora Lindqvist"])  # type: ignore[arg-type]


# -- saving a people file never destroys a student's other files -------------------------------------


def _editor(tmp_path: Path, name: str) -> Any:
    pytest.importorskip("ipywidgets")
    from casestudy.widgets import SidesEditor

    editor = SidesEditor(read_article(practice_article()))
    editor.path.value = str(tmp_path / name)
    return editor


@pytest.mark.parametrize("name, content, words", [
    ("teme.txt", b'OSLO - "We will win," Ann Lee said.', "does not end in .json"),
    ("05_your_own_article.ipynb", (REPO / "notebooks" / "05_your_own_article.ipynb").read_bytes(), "does not end in .json"),
    ("my_own_article_map.json", None, "is not a people file this version can replace"),
    ("article.json", b'OSLO - "We will win," Ann Lee said.', "is not a people file this version can replace"),
])
def test_sides_editor_never_saves_over_another_kind_of_file(tmp_path: Path, name: str, content: bytes | None,
                                                            words: str) -> None:
    """An article, a notebook or a map in the People file box: refused, twice over, and the file stays byte for byte."""
    from casestudy.argmap import save_map, tiny_example

    target = tmp_path / name
    if content is None:
        save_map(tiny_example(), target)
    else:
        target.write_bytes(content)
    before = target.read_bytes()
    editor = _editor(tmp_path, name)
    for _ in range(2):   # a second press does not force it
        message = editor.save()
        assert message.startswith("Not saved") and words in message and "⚠" in editor.status.value
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]


def test_sides_editor_asks_before_replacing_a_people_file(tmp_path: Path) -> None:
    """A people file it did not save: the first press asks, the second replaces it and names the .bak; its own: saved at once."""
    target = tmp_path / "my_people.json"
    save_people_file(target, [Person("Ann Lee", side="EU")], [Side("EU")])
    before = target.read_bytes()
    editor = _editor(tmp_path, "my_people.json")
    assert "already holds a people file" in editor.save() and target.read_bytes() == before
    assert "(1 person; sides: EU)" in editor.status.value and "my_people.json.bak" in editor.status.value
    editor.menus["Nora Lindqvist"].value = "Harbour traders"   # something else done: it asks again
    assert "already holds a people file" in editor.save() and target.read_bytes() == before
    message = editor.save()
    assert message.startswith("Saved 5 people and 3 sides") and "the previous version is in my_people.json.bak" in message
    assert (tmp_path / "my_people.json.bak").read_bytes() == before
    assert read_people_file(target)[1] == practice_article().sides
    assert editor.save().startswith("Saved")   # its own file now: no question


def test_a_new_people_file_is_saved_at_once(tmp_path: Path) -> None:
    """No file yet: Save writes it at once and mentions no backup."""
    editor = _editor(tmp_path, "fresh.json")
    message = editor.save()
    assert message.startswith("Saved") and ".bak" not in message and (tmp_path / "fresh.json").is_file()


# -- the article chooser says at once what it will use ---------------------------------------------


@pytest.mark.parametrize("name, content, words", [
    ("teme.ipynb", (REPO / "notebooks" / "05_your_own_article.ipynb").read_bytes(), "is a Jupyter notebook"),
    ("teme.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "is a PDF file"),
    ("people.txt", PEOPLE.read_bytes(), "is a people file (JSON), not article text"),
])
def test_chooser_status_names_a_file_it_cannot_use(tmp_path: Path, name: str, content: bytes, words: str) -> None:
    """A notebook, a PDF or a people file in the Article file box: the status line says so at once, and why."""
    pytest.importorskip("ipywidgets")
    from casestudy.widgets import ArticleChooser

    (tmp_path / name).write_bytes(content)
    chooser = ArticleChooser()
    chooser.path.value = str(tmp_path / name)
    assert words in chooser.status.value and "practice article" in chooser.status.value
    assert "Using the file" not in chooser.status.value and "⚠" in chooser.status.value


def test_chooser_warns_about_a_people_file_for_another_article(capsys: pytest.CaptureFixture[str]) -> None:
    """The practice article's people file given for another article: a warning at once and when the cell runs."""
    pytest.importorskip("ipywidgets")
    from casestudy.widgets import ArticleChooser

    chooser = ArticleChooser()
    chooser.path.value = str(ARTICLE)
    chooser.people.value = str(REPO / "data" / "practice_people.json")
    assert "none of the 4 people in the people file" in chooser.status.value and "⚠" in chooser.status.value
    chooser.article()
    assert "another article" in capsys.readouterr().out
    chooser.people.value = str(PEOPLE)
    assert "⚠" not in chooser.status.value and "(sides: EU, UK, Norway)" in chooser.status.value
    chooser.article()
    assert capsys.readouterr().out == ""
