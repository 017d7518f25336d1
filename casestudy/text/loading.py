"""Loading the bundled article, or any text file, as typed objects.

A text file may be UTF-8 (with or without a byte-order mark) or UTF-16 with a
byte-order mark (see :mod:`casestudy.text.files`).  What is clearly not an
article (a web page, a Jupyter notebook or other JSON data, a PDF) is refused
with one line saying what it is and what to do (:func:`refuse_non_article`).
People files are read by :mod:`casestudy.text.people_file`.

>>> article = load_article()
>>> article.metadata.published
'2007-04-26'
>>> [p.name for p in article.people][:2]
['Sergei Lavrov', 'Condoleezza Rice']
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..models import Article, ArticleMetadata
from .files import MAX_BYTES, TEXT_FILE, data_dir, data_path, decode_text, parse_json, read_json, read_text
from .people_file import PEOPLE_FILE, load_people, load_sides, read_people_file

__all__ = [
    "BUNDLED_ARTICLE", "MAX_BYTES", "PEOPLE_FILE", "TEXT_FILE", "data_dir", "data_path", "decode_text", "load_article",
    "load_people", "load_sides", "load_text", "markup_share", "parse_json", "read_json", "read_people_file",
    "read_text", "refuse_html_page", "refuse_non_article",
]

BUNDLED_ARTICLE = "oslo_2007-04-26_ria_novosti.txt"

_PAGE_TAGS = re.compile(r"<(?:!doctype\s+html|html|head|body)\b", re.I)
_TAG = re.compile(r"<(?:[a-zA-Z][^<>]{0,300}|/[a-zA-Z][^<>]{0,40})>|<!--.*?-->", re.S)


def markup_share(text: str) -> float:
    """The share of characters inside HTML tags and comments (0.0 for plain text).

    >>> round(markup_share("Plain <b>news</b> text."), 2)
    0.3
    """
    if not text:
        return 0.0
    return sum(len(m.group()) for m in _TAG.finditer(text)) / len(text)


def refuse_html_page(text: str, name: str) -> None:
    """Refuse a whole web page (mostly markup); a few tags inside news text are fine.

    >>> refuse_html_page("<!DOCTYPE html><html><body><p>Hi</p></body></html>", "page.html")
    Traceback (most recent call last):
    ...
    casestudy.errors.InputError: page.html looks like an HTML web page, not article text: ...
    """
    # A page has the document tags (<html>, <head>, <body>); news text with embedded tweets or
    # links does not, however many tags it carries, so only a text that is mostly tags is refused too.
    if _PAGE_TAGS.search(text[:20_000]) or markup_share(text) > 0.5:
        raise InputError(
            f"{name} looks like an HTML web page, not article text: open it in a browser, copy the "
            "article's text, and save that as a .txt file (UTF-8)"
        )


_SAVE_AS_TEXT = "copy the article's text and save that as a .txt file (UTF-8)"


def refuse_non_article(text: str, name: str) -> None:
    """Refuse text that is clearly not an article: a web page, a Jupyter notebook or other JSON data, a PDF.

    >>> refuse_non_article('{"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}', "05.ipynb")
    Traceback (most recent call last):
    ...
    casestudy.errors.InputError: 05.ipynb is a Jupyter notebook (.ipynb), not article text: open it in JupyterLab, copy the article's text and save that as a .txt file (UTF-8)
    >>> refuse_non_article('OSLO - "We will win," Ann Lee said.', "a.txt")  # an article: no error
    """
    refuse_html_page(text, name)
    body = text.removeprefix("\ufeff").strip()
    if body.startswith("%PDF-"):
        raise InputError(f"{name} is the inside of a PDF file, not its text: open the PDF in a PDF reader, "
                         + _SAVE_AS_TEXT)
    if body[:1] in ("{", "[") and body[-1:] in ("}", "]"):
        try:
            data = json.loads(body)
        except (ValueError, RecursionError):
            return
        if isinstance(data, dict) and "cells" in data and "nbformat" in data:
            raise InputError(f"{name} is a Jupyter notebook (.ipynb), not article text: open it in JupyterLab, "
                             + _SAVE_AS_TEXT)
        kind = ("a people file" if isinstance(data, dict) and "people" in data
                else "an argument map" if isinstance(data, dict) and "claims" in data else "JSON data")
        raise InputError(f"{name} is {kind} (JSON), not article text: give the article as a .txt file "
                         "(a people file goes to --people, or people= in load_article)")


def _metadata(raw: dict[str, Any]) -> ArticleMetadata:
    known = {"title", "publisher", "dateline_place", "published", "page_timestamp", "copyright", "known", "inferred", "sources"}
    return ArticleMetadata(
        title=raw.get("title"), publisher=raw.get("publisher"), dateline_place=raw.get("dateline_place"),
        published=raw.get("published"), page_timestamp=raw.get("page_timestamp"), copyright=raw.get("copyright"),
        known=tuple(raw.get("known", ())), inferred=tuple(raw.get("inferred", ())),
        sources=tuple(raw.get("sources", ())),
        extra={k: v for k, v in raw.items() if k not in known},
    )


def load_article(path: str | Path | None = None, people: str | Path | None = None) -> Article:
    """Load the bundled Oslo article, or any text file (UTF-8, or UTF-16 with a byte-order mark), as an :class:`Article`.

    Without a path you get the case-study article with its metadata and the
    hand-written people file.  With a path you get that file's text and empty
    metadata: nothing is known about an arbitrary file until the cleaning steps
    find it in the text.  Only the file you name is read.  ``people`` names a
    people file (the format of ``data/people.json``) that gives the article's
    people and sides.

    >>> load_article("no/such/file.txt")
    Traceback (most recent call last):
    ...
    casestudy.errors.InputError: no/such/file.txt does not exist: check the path (the working folder is ...)
    """
    cast = read_people_file(people) if people is not None or path is None else ((), ())
    if path is None:
        raw_path = data_path(BUNDLED_ARTICLE)
        return Article(raw=read_text(raw_path), source=BUNDLED_ARTICLE,
                       metadata=_metadata(read_json(data_path("metadata.json"))),
                       people=cast[0], sides=cast[1], bundled=True)
    text = read_text(path)
    if not text.removeprefix("\ufeff").strip():
        raise InputError(f"{path} is empty (or only white space): paste an article's text into it first")
    refuse_non_article(text, str(path))
    return Article(raw=text, source=str(path), people=cast[0], sides=cast[1])


def load_text(text: str, source: str = "<text>") -> Article:
    """Wrap text you already have (for example pasted into a notebook) as an :class:`Article`."""
    if not isinstance(text, str):
        raise InputError(f"expected the article as a string, got {type(text).__name__}")
    if not text.removeprefix("\ufeff").strip():
        raise InputError("the text is empty: paste an article's text first")
    refuse_non_article(text, source)
    return Article(raw=text, source=source)
