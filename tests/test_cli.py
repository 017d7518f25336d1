"""The command line, run as a student or teacher would run it."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from casestudy.cli import main


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "casestudy", *args], capture_output=True, text=True, timeout=120)


class TestClean:
    def test_json_on_the_bundled_article(self) -> None:
        """`clean --json` gives the fields the issue names, with the expected values."""
        out = run("clean", "--json")
        assert out.returncode == 0, out.stderr
        data = json.loads(out.stdout)
        assert data["title"] == "U.S., NATO to press Russia on missile shield at Oslo talks"
        assert (data["place"], data["agency"], data["published"]) == ("Oslo", "RIA Novosti", "2007-04-26")
        assert data["page_timestamp"] == "2019-01-23T16:32:00+03:00"
        assert len(data["paragraphs"]) == 17 and data["text"] == "\n\n".join(data["paragraphs"])
        assert all(data["text"][s["start"]:s["end"]] == s["text"] for s in data["sentences"])
        assert all(r["reason"] for r in data["removed"]) and len(data["removed"]) == 7

    def test_summary_without_json(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Without --json a readable summary is printed."""
        assert main(["clean"]) == 0
        out = capsys.readouterr().out
        assert "17 paragraphs" in out and "Listen Live" in out

    def test_other_file(self, write_text, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
        """A file given on the command line is cleaned instead."""
        assert main(["clean", "--json", str(write_text("PARIS (AFP) - It rained."))]) == 0
        data = json.loads(capsys.readouterr().out)
        assert (data["place"], data["paragraphs"], data["published"]) == ("Paris", ["It rained."], None)

    @pytest.mark.parametrize("content", [b"", b"\x00\x01\x02", "\u201cx\u201d".encode("cp1252")])
    def test_bad_file_is_one_line_and_exit_2(self, write_text, content: bytes) -> None:  # type: ignore[no-untyped-def]
        """Bad input: a one-line message on stderr, exit status 2, no traceback."""
        out = run("clean", str(write_text(content)))
        assert out.returncode == 2
        assert out.stderr.startswith("error: ") and out.stderr.count("\n") == 1 and "Traceback" not in out.stderr

    def test_missing_file(self) -> None:
        """A path that does not exist is reported, not a traceback."""
        out = run("clean", "no/such/file.txt")
        assert out.returncode == 2 and "does not exist" in out.stderr


@pytest.mark.parametrize("command", ["clean", "quotes", "sentiment", "handout"])
def test_help_says_which_files_are_read(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Each article command's --help names what it reads (UTF-8, Notepad's UTF-16, any line ends), not only 'UTF-8'."""
    with pytest.raises(SystemExit):
        main([command, "--help"])
    help_text = " ".join(capsys.readouterr().out.split()).replace("byte- order", "byte-order")   # argparse's wrapping
    assert "a UTF-8 text file" not in help_text and "UTF-8 text files" not in help_text
    for words in ("UTF-8 (with or without a byte-order mark)", "UTF-16 with a byte-order mark", "any line endings",
                  "curly quotation marks", "Windows-1252"):
        assert words in help_text, words


def test_a_people_file_for_another_article_is_a_warning() -> None:
    """--people naming nobody in the text: a warning on stderr (the command still runs); the right file: none."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    article = root / "tests" / "data" / "three_sides_article.txt"
    for command in ("quotes", "sentiment", "handout"):
        out = run(command, str(article), "--people", str(root / "data" / "practice_people.json"))
        assert out.returncode == 0 and out.stderr.startswith("warning: none of the 4 people in the people file"), out.stderr
    right = run("sentiment", str(article), "--people", str(root / "tests" / "data" / "three_sides_people.json"))
    assert right.returncode == 0 and right.stderr == ""


def test_no_plural_slips(capsys: pytest.CaptureFixture[str], write_text) -> None:  # type: ignore[no-untyped-def]
    """One of anything is singular in the commands' reports: '1 piece', '1 sentence', '1 paragraph'."""
    path = write_text('Talks fail\n\nListen Live\n\nOSLO (AP) - "We are done," Ann Lee said.')
    assert main(["clean", str(path)]) == 0
    assert main(["sentiment", str(path)]) == 0
    out = capsys.readouterr().out
    assert "1 paragraph, 1 sentence," in out and "Removed:    1 piece\n" in out and "1 sentence (compound" in out
