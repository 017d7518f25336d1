"""The printable handout: self-contained HTML, sentences numbered as in the figures, quotes marked, provenance."""

from __future__ import annotations

import re
import subprocess
import sys
from html.parser import HTMLParser

import pytest

from casestudy.cli import main
from casestudy.pipeline import read_article
from casestudy.plots.handout import handout_html, marked_paragraphs

OSLO = read_article()
PAGE = handout_html(OSLO)


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.stack: list[str] = []
        self.balanced = True

    def handle_starttag(self, tag, attrs):  # type: ignore[no-untyped-def]
        self.tags.append((tag, dict(attrs)))
        if tag not in ("meta", "br"):
            self.stack.append(tag)

    def handle_endtag(self, tag):  # type: ignore[no-untyped-def]
        if not self.stack or self.stack.pop() != tag:
            self.balanced = False


def _parse(page: str) -> _Collect:
    parser = _Collect()
    parser.feed(page)
    return parser


def test_the_page_loads_nothing_from_elsewhere() -> None:
    """No script, no external style sheet, image, font or frame: the page is all there is, and it prints."""
    tags = _parse(PAGE).tags
    assert not [t for t, a in tags if t in ("script", "img", "iframe", "link", "object", "embed")]
    assert not any("src" in a for _, a in tags)
    assert "@import" not in PAGE and "url(" not in PAGE and "@media print" in PAGE


def test_tags_are_balanced() -> None:
    """Every tag that opens closes, in order (quote marks never straddle a sentence number)."""
    parsed = _parse(PAGE)
    assert parsed.balanced and not parsed.stack


def test_sentences_are_numbered_as_in_the_figures() -> None:
    """The numbers run 1..n over the cleaned sentences, each right before its sentence's first words."""
    numbers = re.findall(r'<span class="n">(\d+)</span>', PAGE)
    n = len(OSLO.clean.sentences)
    assert numbers[1:] == [str(k) for k in range(1, n + 1)]  # the first is the legend's example
    flat = re.sub(r"<[^>]+>", "", PAGE.replace("&quot;", '"').replace("&#x27;", "'"))
    for k in (1, 7, 14, n):
        assert f"{k}{OSLO.clean.sentences[k - 1].text[:25]}" in flat


def test_every_quote_is_marked_with_its_speaker() -> None:
    """Each direct quote and each piece of reported speech is wrapped and followed by its speaker and kind."""
    direct = PAGE.count('<span class="direct">') - 1  # minus the legend
    reported = PAGE.count('<span class="reported">') - 1
    assert direct == sum(q.kind in ("direct", "continuation") for q in OSLO.quotes)
    assert reported == sum(q.kind == "reported" for q in OSLO.quotes)
    assert "[Yury Baluyevsky (Russia), quoted]" in PAGE and "[Sergei Lavrov (Russia), reported]" in PAGE


def test_provenance_and_what_was_removed() -> None:
    """Source, publisher, dates (the page clock named as such) and every removed piece with its reason."""
    for text in ("RIA Novosti", "2007-04-26", "2019-01-23", "not the publication date", "Listen Live",
                 "comment section footer", "duplicate of the first body paragraph"):
        assert text in PAGE, text


def test_article_text_is_escaped() -> None:
    """Markup in an article is shown as text, never run."""
    page = handout_html(read_article('LONDON (Reuters) - He wrote "<script>alert(1)</script>" on a wall, she said.'))
    assert "<script>" not in page and "&lt;script&gt;" in page


def test_a_quote_over_a_paragraph_break_is_closed_and_reopened() -> None:
    """A quote that spans two paragraphs is marked in both, and the HTML stays balanced."""
    from casestudy.models import Quote

    text = '"First part.\n\n"Second part," said Ann.'
    html = "".join(marked_paragraphs(text, [0, 14], [Quote(0, 28, text[:28], "First part. Second part,", "Ann",
                                                            "direct", "r")]))
    assert html.count('<span class="direct">') == 2 and html.count("[Ann, quoted]") == 2
    assert _parse(html).balanced


def test_command_writes_the_file(tmp_path, capsys) -> None:
    """`handout --out FILE` writes the page and says where; without --out the page goes to stdout."""
    out = tmp_path / "handout.html"
    assert main(["handout", "--out", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == PAGE and str(out) in capsys.readouterr().out
    assert main(["handout"]) == 0 and capsys.readouterr().out == PAGE


def test_command_replaces_only_a_handout(tmp_path, capsys) -> None:
    """An earlier handout is replaced (kept as .bak); any other page, or an article, is left byte for byte."""
    out = tmp_path / "handout.html"
    assert main(["handout", "--out", str(out)]) == 0
    assert main(["handout", "--out", str(out)]) == 0
    assert "the previous one is in handout.html.bak" in capsys.readouterr().out
    page = tmp_path / "my_notes.html"
    page.write_text("<html><body>My own notes on the article</body></html>", encoding="utf-8")
    assert main(["handout", "--out", str(page)]) == 2
    assert "is not a handout written by 'casestudy handout'" in capsys.readouterr().err
    assert page.read_text(encoding="utf-8").startswith("<html><body>My own notes")
    assert not (tmp_path / "my_notes.html.bak").exists()


def test_speakers_are_labelled_with_their_side(tmp_path) -> None:
    """With --people, each speaker's label names their side, and a table lists who is on which side."""
    from pathlib import Path

    data = Path(__file__).parent / "data"
    out = subprocess.run([sys.executable, "-m", "casestudy", "handout", str(data / "three_sides_article.txt"),
                          "--people", str(data / "three_sides_people.json")],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert "[Margit Havelaar (EU), quoted]" in out.stdout and "[Ingrid Solheim (Norway), quoted]" in out.stdout
    assert "<h2>Who is on which side</h2>" in out.stdout and "three_sides_people.json" in out.stdout
    assert "<td>no side (unknown)</td><td>Peter Lund" in out.stdout
    bare = subprocess.run([sys.executable, "-m", "casestudy", "handout", str(data / "three_sides_article.txt")],
                          capture_output=True, text=True, timeout=120)
    assert "Who is on which side" not in bare.stdout and "[Margit Havelaar, quoted]" in bare.stdout


def test_command_on_another_article(write_text, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Any article works: its own title, sentences and quotes, and its file named as the source."""
    path = write_text('Storm hits coast\n\nBERGEN (NTB) - The storm came at night. "We were lucky," '
                      'said Mayor Kari Holm.\n')
    out = subprocess.run([sys.executable, "-m", "casestudy", "handout", str(path)], capture_output=True,
                         text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert "Storm hits coast" in out.stdout and "[Kari Holm, quoted]" in out.stdout and str(path) in out.stdout


@pytest.mark.parametrize("args, message", [
    (["handout", "no/such/file.txt"], "does not exist"),
    (["handout", "--out", "handout.txt"], "does not end in .html"),
])
def test_bad_input_is_one_line(args, message, tmp_path) -> None:
    """A missing article or an output name a browser would not open: one line on stderr, exit 2."""
    out = subprocess.run([sys.executable, "-m", "casestudy", *args], capture_output=True, text=True, timeout=120,
                         cwd=tmp_path)
    assert out.returncode == 2 and out.stderr.count("\n") == 1 and message in out.stderr
