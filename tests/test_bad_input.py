"""Bad input, everywhere text or files enter the package: a correct result or one clear line.

One table of awkward inputs (empty, binary, Windows-1252, an HTML page, CRLF,
unbalanced and nested quotation marks, no quotes, no sentences, markup, missing
paths, folders) is run through every entry point: the loader, cleaning, quote
attribution, sentiment, the pipeline, the argument-map and ratings files, and
each command of ``python -m casestudy``.  Each either works or raises an
:class:`~casestudy.errors.InputError` whose message is one line naming the
problem and the fix; the command line prints that line on standard error and
exits non-zero, without a traceback.  The security checks are at the end:
widget HTML is escaped, files are read as data, and ``load_article(path)``
reads only that file.
"""

from __future__ import annotations

import builtins
import io
import json
import os
import re
import subprocess
import sys
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from casestudy import load_article, load_text
from casestudy.argmap import ArgumentMap, load_map, save_map, tiny_example
from casestudy.text.cleaning import clean_article
from casestudy.errors import InputError
from casestudy.models import Person, Side
from casestudy.text.loading import data_path
from casestudy.text.people_file import read_people_file, save_people_file
from casestudy.pipeline import choose_article, read_article
from casestudy.quotes import find_quotes
from casestudy.sentiment.ratings import Rating, load_ratings, save_ratings
from casestudy.sentiment import explain, score, score_sentences

REPO = Path(__file__).resolve().parents[1]
PACKAGE = REPO / "casestudy"
SCRIPT = "<script>alert('x')</script>"

# -- the awkward inputs ----------------------------------------------------------------------------

CURLY_CP1252 = "OSLO - \u201cWe will not accept it,\u201d Lavrov said. It\u2019s late.".encode("cp1252")
HTML_PAGE = (b"<!DOCTYPE html><html><head><title>News</title></head><body><p>OSLO - \"We will win,\" "
             b"Lavrov said.</p></body></html>")
STORY = ('OSLO, April 26 (RIA Novosti) - Talks began.\n\n"We will win," Lavrov said. "It is late," he added.\n\n'
         "Rice said that the shield was needed.\n")
NOTEBOOK = (REPO / "notebooks" / "05_your_own_article.ipynb").read_bytes()
PDF = (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
       b"4 0 obj\n<< /Filter /FlateDecode /Length 12 >>\nstream\n" + zlib.compress(b"BT (Talks) Tj ET") +
       b"\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")
"""The first bytes of a PDF file (a binary stream included, as real PDFs have)."""
PDF_AS_TEXT = "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\nBT (OSLO - Talks began.) Tj ET\n%%EOF\n"
"""What opening a PDF in a text editor and copying its inside gives: PDF syntax, not the article's text."""


def docx_bytes() -> bytes:
    """A minimal Word (.docx) file: a zip archive holding XML."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("word/document.xml", "<w:document><w:body><w:p>OSLO - Talks began.</w:p></w:body></w:document>")
    return buffer.getvalue()


BAD_TEXT_FILES: dict[str, tuple[bytes | None, str]] = {
    # name: (file content, or None for a folder / a missing path; the words the one-line error must contain)
    "empty": (b"", "is empty"),
    "whitespace only": (b"  \n\t\n   ", "is empty"),
    "binary": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary file"),
    "Windows-1252 curly quotes": (CURLY_CP1252, "looks like Windows-1252"),
    "HTML page": (HTML_PAGE, "HTML web page"),
    "Jupyter notebook": (NOTEBOOK, "is a Jupyter notebook (.ipynb), not article text: open it in JupyterLab"),
    "PDF file": (PDF, "is a PDF file, not plain text: open it in a PDF reader"),
    "the inside of a PDF, saved as text": (PDF_AS_TEXT.encode(), "PDF"),
    "Word document": (docx_bytes(), "Word (.docx)"),
    "a people file": (json.dumps({"people": [{"name": "Ann Lee"}]}).encode(), "is a people file (JSON), not article text"),
    "folder": (None, "is a folder"),
    "missing": (None, "does not exist"),
}
"""Files no entry point can use: each gives a one-line InputError with its own words."""

GOOD_TEXTS: dict[str, str] = {
    "CRLF line endings": STORY.replace("\n", "\r\n"),
    "unbalanced quotation marks": 'OSLO - "We will win, Lavrov said. Rice said nothing.\n\nTalks went on.',
    "a stray closing mark": 'OSLO - Lavrov spoke." Then Rice said: "We agree."',
    "nested quotation marks": 'OSLO - "He told me \'no way\' twice," Lavrov said. \u201cShe said \u2018yes\u2019,\u201d Rice added.',
    "no quotes": "OSLO - Talks began today. Nobody spoke to reporters.",
    "no sentences, only dots": "...",
    "only quotation marks": '""" \'\' \u201c\u201d \u201c',
    "markup inside the text": f'OSLO - "{SCRIPT} we will win," Lavrov said. <b>Bold</b> &amp; <i>more</i>.',
    "control characters": "OSLO - Talks\x0b began.\x0c \"We won,\" Lavrov said.\x07",
}
"""Texts that are odd but readable: every entry point gives a correct result."""


def one_line(message: str) -> None:
    """An error message is a single non-empty line."""
    assert message.strip() and "\n" not in message.strip() and "Traceback" not in message


def make_file(tmp_path: Path, name: str, content: bytes | None) -> Path:
    """The input as a path: a file with ``content``, a folder, or a path that does not exist."""
    path = tmp_path / name.replace(" ", "_")
    if content is not None:
        path.write_bytes(content)
    elif name.startswith("folder"):
        path.mkdir()
    return path


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """``python -m casestudy ARGS`` in a fresh process."""
    return subprocess.run([sys.executable, "-m", "casestudy", *args], capture_output=True, text=True,
                          cwd=cwd or REPO, timeout=120)


def assert_cli_error(out: subprocess.CompletedProcess[str], words: str) -> None:
    """The command failed with one line on standard error containing ``words``, and no traceback."""
    assert out.returncode != 0, out.stdout
    assert out.stderr.startswith("error: ") and words in out.stderr, out.stderr
    one_line(out.stderr)


def check_quotes(text: str, quotes: list[Any]) -> None:
    """Every quote's offsets lie inside the text and slice exactly its text."""
    for q in quotes:
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start:q.end] == q.text
        assert q.content in q.text


# -- 1. files that cannot be used, through every entry point ----------------------------------------

FILE_ENTRY_POINTS: dict[str, Callable[[Path], Any]] = {
    "load_article": load_article,
    "clean_article": lambda p: clean_article(load_article(p)),
    "find_quotes": lambda p: find_quotes(load_article(p).raw),
    "read_article(...).sentiment (pipeline)": lambda p: read_article(load_article(p)).sentiment,
    "read_article (pipeline)": lambda p: read_article(load_article(p)),
    "choose_article (pipeline)": lambda p: choose_article(path=str(p)),
}


@pytest.mark.parametrize("entry", FILE_ENTRY_POINTS)
@pytest.mark.parametrize("case", BAD_TEXT_FILES)
def test_unusable_file_gives_one_line(tmp_path: Path, entry: str, case: str) -> None:
    """A file no entry point can use raises a one-line InputError naming the problem."""
    content, words = BAD_TEXT_FILES[case]
    path = make_file(tmp_path, case, content)
    with pytest.raises(InputError, match=re.escape(words)) as err:
        FILE_ENTRY_POINTS[entry](path)
    one_line(str(err.value))


def test_windows_1252_message_names_the_conversion(tmp_path: Path) -> None:
    """The Windows-1252 message suggests the encoding and a way to convert the file."""
    with pytest.raises(InputError, match="encoding='windows-1252'"):
        load_article(make_file(tmp_path, "word.txt", CURLY_CP1252))


@pytest.mark.parametrize("command", ["clean", "quotes", "sentiment"])
@pytest.mark.parametrize("case", BAD_TEXT_FILES)
def test_cli_unusable_file(tmp_path: Path, command: str, case: str) -> None:
    """Each text command exits non-zero with the one-line message on standard error."""
    content, words = BAD_TEXT_FILES[case]
    assert_cli_error(run_cli(command, str(make_file(tmp_path, case, content)), "--json"), words)


# -- 2. odd but readable texts, through every entry point ------------------------------------------

TEXT_ENTRY_POINTS: dict[str, Callable[[str], Any]] = {
    "load_text": load_text,
    "clean_article": clean_article,
    "find_quotes": find_quotes,
    "score": score,
    "explain": explain,
    "read_article(...).sentiment (pipeline)": lambda t: read_article(t).sentiment,
    "read_article (pipeline)": read_article,
    "choose_article (pipeline)": choose_article,
}


@pytest.mark.parametrize("entry", TEXT_ENTRY_POINTS)
@pytest.mark.parametrize("case", GOOD_TEXTS)
def test_odd_text_gives_a_result(entry: str, case: str) -> None:
    """Odd but readable text is processed: no exception, and quote offsets match the text."""
    text = GOOD_TEXTS[case]
    result = TEXT_ENTRY_POINTS[entry](text)
    if entry == "find_quotes":
        check_quotes(text, result)
    if entry == "read_article (pipeline)":
        check_quotes(result.clean.text, result.quotes)
        for s in result.clean.sentences:
            assert result.clean.text[s.start:s.end] == s.text


@pytest.mark.parametrize("case", GOOD_TEXTS)
def test_odd_text_file_loads_like_read_text(tmp_path: Path, case: str) -> None:
    """Saved as a file, the text loads as Path.read_text gives it, and quotes point into it."""
    path = make_file(tmp_path, "odd.txt", GOOD_TEXTS[case].encode("utf-8"))
    article = load_article(path)
    assert article.raw == path.read_text(encoding="utf-8")
    check_quotes(article.raw, find_quotes(article.raw))


@pytest.mark.parametrize("command", ["clean", "quotes", "sentiment"])
@pytest.mark.parametrize("case", ["CRLF line endings", "no sentences, only dots", "markup inside the text"])
def test_cli_odd_text_file(tmp_path: Path, command: str, case: str) -> None:
    """Each text command prints valid JSON for odd but readable files."""
    out = run_cli(command, str(make_file(tmp_path, "odd.txt", GOOD_TEXTS[case].encode("utf-8"))), "--json")
    assert out.returncode == 0, out.stderr
    json.loads(out.stdout)


@pytest.mark.parametrize(
    ("entry", "bad"),
    [(name, bad) for name in ("load_text", "clean_article", "find_quotes", "score", "explain",
                              "read_article(...).sentiment (pipeline)", "read_article (pipeline)", "choose_article (pipeline)")
     for bad in (b"bytes", 42, ["a list"])],
)
def test_text_of_the_wrong_type(entry: str, bad: object) -> None:
    """Something that is not text (bytes, a number, a list) gives a one-line InputError, not a TypeError."""
    with pytest.raises(InputError) as err:
        TEXT_ENTRY_POINTS[entry](bad)
    one_line(str(err.value))


@pytest.mark.parametrize(
    ("entry", "text", "expected"),
    [
        ("load_text", "", "is empty"),
        ("load_text", "  \n\t", "is empty"),
        ("clean_article", " ", "is empty"),
        ("read_article(...).sentiment (pipeline)", "", "is empty"),
        ("read_article (pipeline)", "\n\n", "is empty"),
        ("clean_article", "12345 67890", "no story text left"),
        ("load_text", HTML_PAGE.decode(), "HTML web page"),
        ("clean_article", HTML_PAGE.decode(), "HTML web page"),
        ("load_text", PDF_AS_TEXT, "is the inside of a PDF file, not its text"),
        ("choose_article (pipeline)", PDF_AS_TEXT, "is the inside of a PDF file, not its text"),
        ("load_text", NOTEBOOK.decode(), "is a Jupyter notebook"),
        ("read_article (pipeline)", NOTEBOOK.decode(), "is a Jupyter notebook"),
        ("load_text", "\ufeff \n", "is empty"),
    ],
)
def test_text_that_cannot_be_used(entry: str, text: str, expected: str) -> None:
    """Empty text, text with no story left, and a pasted web page, notebook or PDF inside are refused in one line."""
    with pytest.raises(InputError, match=expected) as err:
        TEXT_ENTRY_POINTS[entry](text)
    one_line(str(err.value))


@pytest.mark.parametrize(("entry", "text"), [("find_quotes", ""), ("find_quotes", "  "), ("score", ""),
                                             ("explain", " "), ("find_quotes", "12345 67890")])
def test_nothing_to_find_is_an_empty_result(entry: str, text: str) -> None:
    """The low-level tools answer an empty or quote-less text with an empty or neutral result."""
    result = TEXT_ENTRY_POINTS[entry](text)
    if entry == "find_quotes":
        assert result == []
    else:
        assert (result.compound if entry == "score" else result.score.compound) == 0.0


@pytest.mark.parametrize("bad", ["a string", None, 42, ["a list of strings"]])
def test_score_sentences_wants_sentences(bad: object) -> None:
    """score_sentences refuses a string or a list of strings and points to score(text)."""
    with pytest.raises(InputError, match=r"score\(text\)") as err:
        score_sentences(bad)  # type: ignore[arg-type]
    one_line(str(err.value))


@pytest.mark.parametrize("entry", [lambda people: find_quotes(STORY, people=people),
                                   lambda people: read_article(STORY, people=people)], ids=["find_quotes", "read_article"])
@pytest.mark.parametrize("people", ["Sergei Lavrov", [5], [None], 42, [""]])
def test_people_of_the_wrong_kind(entry: Callable[[Any], Any], people: object) -> None:
    """A people list that is one string, or holds something other than people or names, is a one-line InputError."""
    with pytest.raises(InputError, match="people must") as err:
        entry(people)
    one_line(str(err.value))


def test_people_may_be_plain_names() -> None:
    """A list of plain names works like a list of Person objects with only a name."""
    assert [q.speaker for q in read_article(STORY, people=["Lavrov"]).quotes] == ["Lavrov", "Lavrov", "Rice"]


@pytest.mark.parametrize("content", ['{"people": [{"name": null}]}', '{"people": [{"name": "A", "aliases": "Bee"}]}',
                                     '{"people": [{"name": "A", "aliases": [5]}]}', '{"people": {}}', "[]", "{"])
def test_malformed_people_file(tmp_path: Path, content: str) -> None:
    """A hand-written people file with the wrong shape is refused in one line."""
    from casestudy.text.loading import load_people

    with pytest.raises(InputError) as err:
        load_people(make_file(tmp_path, "people.json", content.encode()))
    one_line(str(err.value))


def test_crlf_gives_the_same_result_as_lf() -> None:
    """Windows line endings change nothing: same cleaned text, same quotes and speakers."""
    lf, crlf = read_article(STORY), read_article(STORY.replace("\n", "\r\n"))
    assert crlf.clean.text == lf.clean.text
    assert [(q.text, q.speaker, q.kind) for q in crlf.quotes] == [(q.text, q.speaker, q.kind) for q in lf.quotes]


def test_nested_quotes_keep_the_outer_quote_whole() -> None:
    """Single quotes inside double quotes stay inside one quote, with its speaker."""
    quotes = find_quotes(GOOD_TEXTS["nested quotation marks"])
    assert [(q.content, q.speaker) for q in quotes] == [("He told me 'no way' twice,", "Lavrov"),
                                                       ("She said \u2018yes\u2019,", "Rice")]


def test_unbalanced_quote_ends_with_its_paragraph() -> None:
    """A quotation mark never closed ends with its paragraph; the next paragraph is not swallowed."""
    text = GOOD_TEXTS["unbalanced quotation marks"]
    quotes = find_quotes(text)
    check_quotes(text, quotes)
    assert all("Talks went on" not in q.text for q in quotes)


def test_markup_is_kept_as_text() -> None:
    """Tags inside news text are data: kept verbatim in the quote, never interpreted."""
    quotes = find_quotes(GOOD_TEXTS["markup inside the text"])
    assert quotes and SCRIPT in quotes[0].content and quotes[0].speaker == "Lavrov"


# -- 3. quotes --by-file: one bad file among good ones -------------------------------------------------


def test_quotes_by_file_keeps_the_good_files(tmp_path: Path) -> None:
    """One unreadable file among good ones: the good ones get their quotes, the bad one an error object."""
    good = make_file(tmp_path, "good.txt", STORY.encode("utf-8"))
    bad = make_file(tmp_path, "word.txt", CURLY_CP1252)
    missing = tmp_path / "missing.txt"
    out = run_cli("quotes", "--by-file", "--json", str(good), str(bad), str(missing))
    assert out.returncode == 0 and "Traceback" not in out.stderr  # the batch contract: errors are in the JSON
    result = json.loads(out.stdout)
    assert list(result) == [str(good), str(bad), str(missing)]
    assert [q["speaker"] for q in result[str(good)]] == ["Lavrov", "Lavrov", "Rice"]
    assert "Windows-1252" in result[str(bad)]["error"] and "does not exist" in result[str(missing)]["error"]
    one_line(result[str(bad)]["error"])


def test_quotes_by_file_is_always_json(tmp_path: Path) -> None:
    """--by-file prints the JSON object its help promises, with or without --json."""
    good = make_file(tmp_path, "good.txt", STORY.encode("utf-8"))
    empty = make_file(tmp_path, "empty.txt", b"")
    out = run_cli("quotes", "--by-file", str(good), str(empty))
    assert out.returncode == 0 and out.stdout == run_cli("quotes", "--by-file", "--json", str(good), str(empty)).stdout
    result = json.loads(out.stdout)
    assert [q["speaker"] for q in result[str(good)]] == ["Lavrov", "Lavrov", "Rice"]
    assert "is empty" in result[str(empty)]["error"]


def test_several_files_without_by_file_stop_at_an_error(tmp_path: Path) -> None:
    """``quotes a.txt missing.txt`` exits 2 with the missing file's error on one line and prints no quotes."""
    good = make_file(tmp_path, "a.txt", STORY.encode("utf-8"))
    out = run_cli("quotes", str(good), str(tmp_path / "missing.txt"))
    assert out.returncode == 2 and out.stdout == ""
    assert_cli_error(out, "missing.txt does not exist")
    assert "--by-file" in out.stderr


def test_several_good_files_without_by_file(tmp_path: Path) -> None:
    """Several readable files: a heading per file, or with --json one object mapping each file to its quotes."""
    a = make_file(tmp_path, "a.txt", STORY.encode("utf-8"))
    b = make_file(tmp_path, "b.txt", b'PARIS - "We agree," Ann Lee said.')
    out = run_cli("quotes", str(a), str(b))
    assert out.returncode == 0 and f"== {a}" in out.stdout and f"== {b}" in out.stdout and "Ann Lee" in out.stdout
    result = json.loads(run_cli("quotes", "--json", str(a), str(b)).stdout)
    assert list(result) == [str(a), str(b)] and result[str(b)][0]["speaker"] == "Ann Lee"


@pytest.mark.parametrize("flags", [["--by-file"], []])
def test_a_bad_people_file_is_one_error_for_all_files(tmp_path: Path, flags: list[str]) -> None:
    """A people file that cannot be read stops the command once (exit 2), even in --by-file mode."""
    good = make_file(tmp_path, "a.txt", STORY.encode("utf-8"))
    people = make_file(tmp_path, "people.json", b'{"people": {}}')
    assert_cli_error(run_cli("quotes", *flags, str(good), str(good), "--people", str(people)), "is not a people file")


# -- 4. argument maps and ratings files ----------------------------------------------------------------

RATINGS_OK = json.dumps({"format": "casestudy-sentiment-ratings", "schema_version": 1,
                         "ratings": {"s-1": {"text": "Good.", "rating": 1}}}).encode()

BAD_SAVED_FILES: dict[str, tuple[bytes | None, str, str, str]] = {
    # name: (content; the words for a map; for a ratings file; for a people file)
    "empty": (b"", "is empty", "is empty", "is empty"),
    "whitespace only": (b"  \n ", "is empty", "is empty", "is empty"),
    "binary": (b"\x00\x01\x02PK\x03\x04" + bytes(range(256)), "binary file", "binary file", "binary file"),
    "Windows-1252": ('{"title": "\u201cmy map\u201d"}'.encode("cp1252"), "Windows-1252", "Windows-1252", "Windows-1252"),
    "malformed JSON": (b'{"format": "casestudy-argmap", ', "not valid JSON (line 1", "not valid JSON (line 1",
                       "not valid JSON (line 1"),
    "an HTML page": (HTML_PAGE, "not valid JSON", "not valid JSON", "not valid JSON"),
    "a JSON list": (b"[1, 2]", "not an argument map", "not a ratings file", "not a people file"),
    "nested 100000 deep": (b"[" * 100_000 + b"]" * 100_000, "nested too deeply", "nested too deeply", "nested too deeply"),
    "a 5000-digit number": (b"{\"ratings\": " + b"9" * 5000 + b"}", "number too long", "number too long",
                            "number too long"),
    "the other kind of file": (None, "not an argument map", "not a ratings file", "not a people file"),
    "newer version": (None, "newer casestudy", "schema_version 2", "newer casestudy"),
    "wrong field types": (None, "'claims' must be a list", "is 'good'", "not a people file"),
    "folder": (None, "is a folder", "is a folder", "is a folder"),
    "an article": (STORY.encode("utf-8"), "not valid JSON", "not valid JSON", "not valid JSON"),
    "a Jupyter notebook": (NOTEBOOK, "not an argument map", "not a ratings file", "not a people file"),
}
"""Saved files that cannot be read back (content None: a folder, or a document made per kind below)."""

KINDS = ("map", "ratings", "people")
"""The kinds of file a student saves, in the order of the words in :data:`BAD_SAVED_FILES`."""


def saved_file(tmp_path: Path, case: str, kind: str) -> Path:
    """The bad file for one case, as a map (``kind='map'``) or a ratings file would have it."""
    content = BAD_SAVED_FILES[case][0]
    if case in PER_KIND:
        content = json.dumps(PER_KIND[case][kind]).encode("utf-8")
    return make_file(tmp_path, f"{case}.json", content)


PER_KIND: dict[str, dict[str, Any]] = {
    "the other kind of file": {"map": json.loads(RATINGS_OK), "ratings": json.loads(tiny_example().to_json()),
                               "people": json.loads(tiny_example().to_json())},
    "newer version": {"map": {"format": "casestudy-argmap", "version": 99},
                      "ratings": {"format": "casestudy-sentiment-ratings", "schema_version": 2, "ratings": {}},
                      "people": {"schema_version": 99, "people": []}},
    "wrong field types": {"map": {"format": "casestudy-argmap", "version": 1, "claims": {}},
                          "ratings": {"ratings": {"s-1": {"text": "x", "rating": "good"}}},
                          "people": {"people": [{"name": 3}]}},
}
"""The documents that differ by kind: a file of the other kind, a newer version, fields of the wrong type."""


LOADERS: dict[str, Callable[[Path], Any]] = {"map": load_map, "ratings": load_ratings, "people": read_people_file}
SAVERS: dict[str, Callable[[Path], Any]] = {
    "map": lambda p: save_map(tiny_example(), p),
    "ratings": lambda p: save_ratings(p, {"s-2": Rating("s-2", "Bad.", -1)}),
    "people": lambda p: save_people_file(p, [Person("Ann Lee", side="EU")], [Side("EU")]),
}


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("case", BAD_SAVED_FILES)
def test_unreadable_saved_file_gives_one_line(tmp_path: Path, kind: str, case: str) -> None:
    """Loading a map, ratings or people file that cannot be read gives a one-line InputError naming the problem."""
    path = saved_file(tmp_path, case, kind)
    words = BAD_SAVED_FILES[case][1 + KINDS.index(kind)]
    with pytest.raises(InputError, match=re.escape(words)) as err:
        LOADERS[kind](path)
    one_line(str(err.value))


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("case", [c for c in BAD_SAVED_FILES if c not in ("empty", "folder")])
def test_unreadable_saved_file_is_never_overwritten(tmp_path: Path, kind: str, case: str) -> None:
    """Saving over a file that is not ours (or is newer) is refused, and the file stays byte for byte."""
    path = saved_file(tmp_path, case, kind)
    before = path.read_bytes()
    with pytest.raises(InputError) as err:
        SAVERS[kind](path)
    one_line(str(err.value))
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]  # no .bak, no temporary file left


@pytest.mark.parametrize("kind", KINDS)
def test_an_empty_file_may_be_saved_over(tmp_path: Path, kind: str) -> None:
    """An empty file holds no work, so saving into it is allowed and the result loads."""
    path = make_file(tmp_path, "new.json", b"")
    SAVERS[kind](path)
    assert LOADERS[kind](path)


def test_missing_files() -> None:
    """A missing map is an error; missing ratings are simply none yet."""
    with pytest.raises(InputError, match="does not exist"):
        load_map("no/such/map.json")
    assert load_ratings("no/such/ratings.json") == {}


GOOD_SAVED = {"map": tiny_example().to_json(), "ratings": RATINGS_OK.decode(),
              "people": json.dumps({"sides": ["EU"], "people": [{"name": "Ann Lee", "side": "EU"}]}, indent=1)}
"""A good file of each kind, as text."""


@pytest.mark.parametrize("kind", KINDS)
def test_byte_order_mark_and_crlf_are_accepted(tmp_path: Path, kind: str) -> None:
    """A file re-saved by a Windows editor (BOM, CRLF) still loads."""
    text = GOOD_SAVED[kind]
    path = make_file(tmp_path, "windows.json", b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    assert LOADERS[kind](path)


@pytest.mark.parametrize("case", ["malformed JSON", "newer version", "binary", "folder", "nested 100000 deep"])
def test_cli_argmap_bad_file(tmp_path: Path, case: str) -> None:
    """``argmap FILE`` on a bad file: one line on standard error, non-zero exit, file untouched."""
    path = saved_file(tmp_path, case, "map")
    before = path.read_bytes() if path.is_file() else None
    assert_cli_error(run_cli("argmap", str(path)), BAD_SAVED_FILES[case][1])
    assert (path.read_bytes() if path.is_file() else None) == before


def test_cli_argmap_compare_reports_each_bad_file(tmp_path: Path) -> None:
    """``argmap compare`` marks every good map and gives each bad file a row saying what is wrong."""
    tiny_example()  # a valid map, though far from the reference
    save_map(tiny_example(), tmp_path / "good.json")
    for case in ("malformed JSON", "nested 100000 deep", "binary"):
        saved_file(tmp_path, case, "map")
    out = run_cli("argmap", "compare", str(tmp_path), "--csv")
    assert out.returncode == 0, out.stderr
    rows = {line.split(",")[0]: line for line in out.stdout.splitlines()[1:]}
    assert ",ok," in rows["good.json"]
    assert all(",invalid," in rows[name] for name in ("malformed_JSON.json", "nested_100000_deep.json", "binary.json"))


@pytest.mark.parametrize("out", ["no_such_folder/marks.csv", "."])
@pytest.mark.parametrize("command", [["compare", "maps", "--csv"], ["maps/good.json", "--to", "argdown"],
                                     ["maps/good.json", "--to", "png"]])
def test_cli_argmap_output_path_that_cannot_be_written(tmp_path: Path, command: list[str], out: str) -> None:
    """``--out`` into a missing folder, or onto a folder, is one line on standard error, not a traceback."""
    (tmp_path / "maps").mkdir()
    save_map(tiny_example(), tmp_path / "maps" / "good.json")
    assert_cli_error(run_cli("argmap", *command, "--out", out, cwd=tmp_path), "cannot write")


@pytest.mark.parametrize("args", [["argmap", "no_such_map.json"], ["argmap", "compare", "no_such_folder"],
                                  ["sentiment", "no_such.txt"], ["clean", "."], ["quotes", "no_such.txt"]])
def test_cli_bad_paths(args: list[str]) -> None:
    """Every command names a missing path or a folder in one line, with a non-zero exit."""
    out = run_cli(*args)
    assert out.returncode != 0 and out.stderr.startswith("error: ")
    one_line(out.stderr)


# -- 5. a 10 MB text, once --------------------------------------------------------------------------


@pytest.mark.slow
def test_ten_megabytes_are_cleaned_and_quoted(tmp_path: Path) -> None:
    """The bundled article repeated to 10 MB is loaded, cleaned and attributed, offsets intact."""
    raw = load_article().raw
    path = make_file(tmp_path, "big.txt", ((raw + "\n\n") * (10_000_000 // len(raw) + 1)).encode("utf-8"))
    article = load_article(path)
    assert len(article.raw.encode("utf-8")) >= 10_000_000
    clean = clean_article(article)
    quotes = find_quotes(clean.text)
    assert len(quotes) > 1000
    for q in quotes[:50] + quotes[-50:]:
        assert clean.text[q.start:q.end] == q.text


# -- 6. security: escaped HTML, data-only files, one file read --------------------------------------


def html_values(widget: Any) -> list[str]:
    """The value of every HTML widget inside ``widget`` (what the browser would render as markup)."""
    import ipywidgets as W

    found = []
    stack = [widget]
    while stack:
        w = stack.pop()
        if isinstance(w, (W.HTML, W.HTMLMath)):
            found.append(w.value)
        stack.extend(getattr(w, "children", ()))
    return found


def assert_escaped(widget: Any) -> None:
    """No HTML widget carries the script tag as markup; it appears only escaped."""
    values = html_values(widget)
    assert values
    assert not any("<script" in v.lower() for v in values), [v for v in values if "<script" in v.lower()]


def test_argument_map_editor_escapes_claims_and_titles(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A script in a claim, a title, evidence text or a file name is shown as text in the map editor."""
    pytest.importorskip("ipywidgets")
    from casestudy.argmap import Evidence
    from casestudy.widgets.argmap import ArgumentMapEditor

    monkeypatch.chdir(tmp_path)
    evidence = [Evidence(id="q-0123456789", kind="direct", speaker=SCRIPT, side="Russia",
                         text=f"{SCRIPT} we will win,", sentence_id="s-0123456789")]
    editor = ArgumentMapEditor(evidence=evidence, draw=False, path=f"{SCRIPT}.json")
    editor.title.value = f"My map {SCRIPT}"
    editor.new_text.value = f"The shield {SCRIPT} is needed"
    editor.on_add()
    editor.evidence_choice.value = "q-0123456789"
    editor.on_attach()
    editor.new_text.value = f"It is not {SCRIPT}"
    editor.new_side.value = "Russia"
    editor.on_add()
    editor.premises.value = ("c2",)
    editor.on_link()
    editor.on_compare()
    assert editor.last_error is None, editor.last_error
    assert_escaped(editor.widget)
    assert "&lt;script&gt;" in editor.claims_view.value
    editor.path.value = f"missing {SCRIPT}.json"
    editor.on_load()  # the error message names the path: escaped too
    assert editor.last_error and SCRIPT in editor.last_error
    assert_escaped(editor.widget)


def test_argument_map_editor_escapes_a_loaded_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A saved map whose texts carry markup is loaded and shown escaped."""
    pytest.importorskip("ipywidgets")
    from casestudy.widgets.argmap import ArgumentMapEditor

    monkeypatch.chdir(tmp_path)
    amap = ArgumentMap(title=SCRIPT, sides=["US/NATO"])
    amap.add_claim(f"{SCRIPT} claim", side="US/NATO", evidence=["s-0123456789"])
    amap.evidence_texts["s-0123456789"] = SCRIPT
    save_map(amap, tmp_path / "evil.json")
    editor = ArgumentMapEditor(evidence=[], draw=False, path=tmp_path / "evil.json")
    editor.on_load()
    assert editor.map.title == SCRIPT
    assert_escaped(editor.widget)


def test_sentiment_widgets_escape_sentences_quotes_and_ratings(tmp_path: Path) -> None:
    """Quotes, typed sentences, rated sentences and a ratings file's texts are escaped in the sentiment widgets."""
    pytest.importorskip("ipywidgets")
    import matplotlib

    matplotlib.use("Agg")
    from casestudy.widgets.sentiment import RatingActivity, SentimentExplorer, score_html

    assert "<script" not in score_html(f"A good {SCRIPT} day!")
    explorer = SentimentExplorer([(f"Lavrov {SCRIPT}", f"We {SCRIPT} will not accept it.")], title=SCRIPT)
    explorer._own.value = f"Very bad {SCRIPT}"
    explorer._on_explain_own()
    assert_escaped(explorer.widget)

    ratings = tmp_path / "ratings.json"
    save_ratings(ratings, {"s-x": Rating("s-x", f"Stored {SCRIPT}", 2)})
    activity = RatingActivity([f"Rate {SCRIPT} this.", "Plain."], ratings)
    activity.set_rating(0, -2)
    activity.on_compare()
    assert_escaped(activity.widget)
    activity._path.value = str(tmp_path / f"{SCRIPT}" / "x.json")  # an error message naming the path
    activity.on_save()
    assert_escaped(activity.widget)


def test_article_chooser_escapes_the_path() -> None:
    """The chooser's status line shows a typed path as text."""
    pytest.importorskip("ipywidgets")
    from casestudy.widgets import ArticleChooser

    chooser = ArticleChooser()
    chooser.path.value = f"{SCRIPT}.txt"
    assert_escaped(chooser.widget)
    chooser.people.value = f"{SCRIPT}.json"
    assert_escaped(chooser.widget)


def test_sides_editor_escapes_sides_speakers_and_paths(tmp_path: Path) -> None:
    """A script in a side's name, a speaker's name or the file box is shown as text by the sides editor."""
    pytest.importorskip("ipywidgets")
    from casestudy.widgets import SidesEditor

    editor = SidesEditor(read_article(f'OSLO - "We will win," said Minister Ann Lee{SCRIPT}.'))
    editor.sides_box.value = f"EU{SCRIPT}, UK"
    assert_escaped(editor.widget)
    editor.sides_box.value = f"EU{SCRIPT}, EU{SCRIPT}"   # an error message quoting the side
    assert_escaped(editor.widget)
    editor.path.value = str(tmp_path / f"{SCRIPT}" / "p.json")
    editor.save()
    assert_escaped(editor.widget)


def test_explanation_html_is_escaped() -> None:
    """The sentiment explanation's highlighted sentence and table escape the text."""
    e = explain(f"A good {SCRIPT} day & a <b>bad</b> night!")
    assert "<script" not in e.highlighted_html() and "<script" not in e.table_html()
    assert "<b>bad</b>" not in e.highlighted_html()


UNSAFE = re.compile(r"\bpickle\b|\bshelve\b|\bmarshal\.loads?\(|(?<![\w.])eval\(|(?<![\w.])exec\(|yaml\.load\(|"
                    r"shell\s*=\s*True|os\.system\(|__import__\(")


def test_no_code_runs_from_files() -> None:
    """The package reads files as data only: no pickle, eval, exec, yaml.load or shell=True anywhere."""
    hits = [f"{p.relative_to(REPO)}:{n}: {line.strip()}"
            for p in sorted(PACKAGE.rglob("*.py"))
            for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
            if UNSAFE.search(line)]
    assert hits == []


def test_load_article_reads_only_the_given_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """load_article(path) opens that one file, not its neighbours, the bundled data or anything else."""
    (tmp_path / "secret.txt").write_text("do not read me", encoding="utf-8")
    (tmp_path / "people.json").write_text('{"people": []}', encoding="utf-8")
    (tmp_path / "metadata.json").write_text("{}", encoding="utf-8")
    target = make_file(tmp_path, "article.txt", STORY.encode("utf-8"))
    opened: list[str] = []
    real_open, real_io_open, real_os_open = builtins.open, io.open, os.open
    real_read_bytes, real_read_text = Path.read_bytes, Path.read_text

    def record(path: Any) -> None:
        if not isinstance(path, int):
            opened.append(os.path.realpath(os.fspath(path)))

    monkeypatch.setattr(builtins, "open", lambda f, *a, **k: (record(f), real_open(f, *a, **k))[1])
    monkeypatch.setattr(io, "open", lambda f, *a, **k: (record(f), real_io_open(f, *a, **k))[1])
    monkeypatch.setattr(os, "open", lambda f, *a, **k: (record(f), real_os_open(f, *a, **k))[1])
    monkeypatch.setattr(Path, "read_bytes", lambda self: (record(self), real_read_bytes(self))[1])
    monkeypatch.setattr(Path, "read_text", lambda self, *a, **k: (record(self), real_read_text(self, *a, **k))[1])
    article = load_article(target)
    assert article.raw == STORY and article.people == () and not article.bundled
    assert opened and set(opened) == {os.path.realpath(target)}


def test_bundled_data_is_never_written(tmp_path: Path) -> None:
    """Saving a map or ratings into the package's data folder is refused."""
    for saver in SAVERS.values():
        with pytest.raises(InputError, match="inside the installed casestudy package"):
            saver(PACKAGE / "student_work.json")
    assert not (PACKAGE / "student_work.json").exists()
    assert data_path("people.json").is_file()


# -- 7. what a student's editor saves: byte-order marks and UTF-16 ----------------------------------

BOM_STORY = 'Harbour talks fail\n\nOSLO, May 2 (Wire) - "We will win," Ann Lee said.\n'


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_a_byte_order_mark_is_read(tmp_path: Path, codec: str) -> None:
    """A UTF-16 file with a byte-order mark (Windows Notepad's "Unicode") reads as its text, CRLF and all."""
    bom = {"utf-16": b"", "utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff"}[codec]
    path = make_file(tmp_path, "notepad.txt", bom + BOM_STORY.replace("\n", "\r\n").encode(codec))
    article = load_article(path)
    assert article.raw == BOM_STORY == path.read_text(encoding="utf-16")
    reading = read_article(article)
    assert reading.clean.title == "Harbour talks fail" and [q.speaker for q in reading.quotes] == ["Ann Lee"]


def test_cli_quotes_offsets_in_a_utf16_file(tmp_path: Path) -> None:
    """For a UTF-16 file the quotes command's offsets point into its decoded text."""
    path = make_file(tmp_path, "notepad.txt", BOM_STORY.encode("utf-16"))
    out = run_cli("quotes", str(path), "--json")
    assert out.returncode == 0, out.stderr
    text = path.read_text(encoding="utf-16")
    q = json.loads(out.stdout)[0]
    assert text[q["start"]:q["end"]] == q["text"] == '"We will win,"'


def test_utf16_mark_on_a_file_that_is_not_utf16(tmp_path: Path) -> None:
    """A UTF-16 byte-order mark followed by bytes that are not UTF-16 is one line saying to re-save as UTF-8."""
    with pytest.raises(InputError, match="UTF-16 byte-order mark but is not UTF-16") as err:
        load_article(make_file(tmp_path, "odd.txt", b"\xff\xfeA"))
    one_line(str(err.value))


def test_utf8_byte_order_mark_is_not_part_of_the_title(tmp_path: Path) -> None:
    """A UTF-8 byte-order mark stays out of the title, while offsets still count it as read_text keeps it."""
    path = make_file(tmp_path, "bom.txt", b"\xef\xbb\xbf" + BOM_STORY.encode("utf-8"))
    assert load_article(path).raw == path.read_text(encoding="utf-8")   # the mark is kept: offsets agree
    assert read_article(load_article(path)).clean.title == "Harbour talks fail"
    out = run_cli("clean", str(path), "--json")
    assert out.returncode == 0 and json.loads(out.stdout)["title"] == "Harbour talks fail"
    q = json.loads(run_cli("quotes", str(path), "--json").stdout)[0]
    assert path.read_text(encoding="utf-8")[q["start"]:q["end"]] == q["text"] == '"We will win,"'


def test_pasted_text_with_a_byte_order_mark() -> None:
    """Text pasted with a leading byte-order mark reads like text without one."""
    reading = read_article(choose_article("\ufeff" + BOM_STORY))
    assert reading.clean.title == "Harbour talks fail" and reading.quotes[0].speaker == "Ann Lee"


@pytest.mark.parametrize("kind", KINDS)
def test_saved_work_in_utf16_loads(tmp_path: Path, kind: str) -> None:
    """A map, ratings or people file re-saved by Notepad as "Unicode" (UTF-16) still loads."""
    text = GOOD_SAVED[kind]
    path = make_file(tmp_path, "notepad.json", text.replace("\n", "\r\n").encode("utf-16"))
    assert LOADERS[kind](path)
