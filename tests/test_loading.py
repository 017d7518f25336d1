"""Loading the bundled article and arbitrary text files."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest

from casestudy import InputError, load_article, load_text
from casestudy.text.loading import data_dir, data_path, read_json

SHA256 = "e727db80a272cbde67e4a00f763fdc8dffd0cd3feb212df209beccfc9a6c6842"
SEED = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "000_fb8d642072a7f992.txt"


class TestBundledArticle:
    def test_is_the_seed_byte_for_byte(self) -> None:
        """The bundled article file has the seed's sha256."""
        assert hashlib.sha256(data_path("oslo_2007-04-26_ria_novosti.txt").read_bytes()).hexdigest() == SHA256

    @pytest.mark.skipif(not SEED.exists(), reason="the shared seed folder is not beside this checkout")
    def test_equals_the_shared_seed(self) -> None:
        """The copy in data/ equals the shared seed."""
        assert data_path("oslo_2007-04-26_ria_novosti.txt").read_bytes() == SEED.read_bytes()

    def test_loads_with_metadata_and_people(self) -> None:
        """load_article() gives the raw text, metadata and the six people."""
        a = load_article()
        assert a.bundled and a.raw.startswith("16:32 GMT +323 January 2019")
        assert a.metadata.publisher == "RIA Novosti"
        assert a.metadata.published == "2007-04-26"
        assert a.metadata.page_timestamp == "2019-01-23T16:32:00+03:00"
        assert a.metadata.dateline_place == "Oslo"
        assert a.metadata.known and a.metadata.inferred and a.metadata.sources
        assert {p.name for p in a.people} == {"Sergei Lavrov", "Condoleezza Rice", "Robert Gates",
                                              "Vladimir Putin", "Anatoly Serdyukov", "Yury Baluyevsky"}
        assert {p.side for p in a.people} == {"US/NATO", "Russia"}
        assert {p.gender for p in a.people} == {"male", "female"}

    def test_loads_from_any_working_directory(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """The data is found relative to the package, not the current folder."""
        monkeypatch.chdir(tmp_path)
        assert load_article().raw == data_path("oslo_2007-04-26_ria_novosti.txt").read_text(encoding="utf-8")

    def test_metadata_file_is_valid_json_with_sources(self) -> None:
        """Every source in the metadata has a claim and a URL."""
        meta = read_json(data_dir() / "metadata.json")
        assert all(s["claim"] and s["url"].startswith("http") for s in meta["sources"])


class TestLoadingOtherFiles:
    def test_utf8_file(self, write_text) -> None:  # type: ignore[no-untyped-def]
        """Any UTF-8 text file loads, with empty metadata."""
        a = load_article(write_text("MOSCOW (AP) - \u201cNo,\u201d he said.\n"))
        assert a.raw == "MOSCOW (AP) - \u201cNo,\u201d he said.\n"
        assert not a.bundled and a.metadata.published is None and a.people == ()

    def test_offsets_match_path_read_text(self, write_text) -> None:  # type: ignore[no-untyped-def]
        """CRLF files load exactly as Path.read_text(encoding='utf-8') returns them."""
        path = write_text(b"One.\r\nTwo.\rThree.\n")
        assert load_article(path).raw == path.read_text(encoding="utf-8")

    @pytest.mark.parametrize(
        ("content", "message"),
        [
            (b"", "is empty"),
            (b"   \n\t\n", "is empty"),
            (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary file"),
            ("\u201cCurly\u201d quotes from Word".encode("cp1252"), "looks like Windows-1252"),
        ],
    )
    def test_bad_files_get_a_clear_error(self, write_text, content: bytes, message: str) -> None:  # type: ignore[no-untyped-def]
        """Empty, binary and non-UTF-8 files raise InputError saying what to do."""
        with pytest.raises(InputError, match=message) as err:
            load_article(write_text(content))
        assert "\n" not in str(err.value)

    def test_missing_file(self, tmp_path: Path) -> None:
        """A missing file names the path and the working folder."""
        with pytest.raises(InputError, match="does not exist"):
            load_article(tmp_path / "nope.txt")

    def test_folder_instead_of_file(self, tmp_path: Path) -> None:
        """A folder gets its own message."""
        with pytest.raises(InputError, match="is a folder"):
            load_article(tmp_path)

    def test_malformed_json(self, write_text) -> None:  # type: ignore[no-untyped-def]
        """read_json reports the line and column of a JSON error."""
        with pytest.raises(InputError, match="line 1, column"):
            read_json(write_text("{oops", "bad.json"))

    def test_load_text(self) -> None:
        """Pasted text becomes an Article; empty text is refused."""
        assert load_text("Hello.").raw == "Hello."
        with pytest.raises(InputError):
            load_text("  ")


class TestMarkup:
    PAGE = "<!DOCTYPE html>\n<html><head><title>x</title></head><body><div class='a'><p>News.</p></div></body></html>"

    def test_html_page_is_refused_with_a_fix(self, write_text) -> None:  # type: ignore[no-untyped-def]
        """A whole web page is refused, saying how to get the text out of it."""
        with pytest.raises(InputError, match="HTML web page.*copy the article's text"):
            load_article(write_text(self.PAGE, "page.html"))
        with pytest.raises(InputError, match="HTML web page"):
            load_text(self.PAGE)

    def test_news_with_a_few_tags_and_control_characters_loads(self, write_text) -> None:  # type: ignore[no-untyped-def]
        """News text with a stray tag or control character loads as it is."""
        text = "MOSCOW (AP) - Officials <b>met</b> on Monday.\x0b\n\n\u201cFine,\u201d he said.\x07\n"
        assert load_article(write_text(text)).raw == text

    def test_news_with_a_long_embedded_tweet_loads(self, write_text) -> None:  # type: ignore[no-untyped-def]
        """Embedded social-media markup (many tags, no page tags) is still news text."""
        tweet = '<blockquote class="twitter-tweet" data-lang="en"><p lang="en" dir="ltr">' + "x" * 30 + "</p></blockquote>"
        text = "WASHINGTON (AP) - Lawmakers reacted on Tuesday to the vote.\n\n" + tweet * 2 + "\n\nThey met again on Wednesday and talked for hours about it."
        assert load_article(write_text(text)).raw == text
