"""Reading files safely: the bundled data folder, text as UTF-8 or Notepad's UTF-16 (other encodings refused with the fix), and JSON.

Every file the package reads goes through :func:`read_text` (and JSON files
through :func:`read_json` too), so they all explain a problem the same way: one
line saying what the file is and what to do.

Text is read as UTF-8, with or without a byte-order mark, or as UTF-16 when
it starts with a UTF-16 byte-order mark (what Windows Notepad saves as
"Unicode").  A few kinds of file that are not plain text (PDF, Word and
OpenDocument files, RTF) are recognised by their first bytes and named:

>>> decode_text(b"%PDF-1.7\\n%\\xe2\\xe3\\xcf\\xd3\\n1 0 obj", "report.pdf")
Traceback (most recent call last):
...
casestudy.errors.InputError: report.pdf is a PDF file, not plain text: open it in a PDF reader, copy the article's text, and save that as a .txt file (UTF-8)
>>> decode_text("Talks ended.\\r\\n".encode("utf-16"))
'Talks ended.\\n'
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import REINSTALL, InputError

MAX_BYTES = 50_000_000
"""Files larger than this (50 MB) are refused: no news article is that long."""

TEXT_FILE = "a plain-text (.txt) file saved as UTF-8"
"""What :func:`read_text` asks for when a file is a folder or binary (callers reading JSON name their own kind)."""

COPY_AS_TEXT = "copy the article's text, and save that as a .txt file (UTF-8)"
"""The fix for every file that holds an article but is not plain text."""

SIGNATURES: tuple[tuple[bytes, str, str], ...] = (
    (b"%PDF-", "a PDF file", "open it in a PDF reader, " + COPY_AS_TEXT),
    (b"PK\x03\x04", "a Word (.docx), OpenDocument (.odt) or other zipped file",
     "open it in its program and save it as plain text (.txt, UTF-8), or " + COPY_AS_TEXT),
    (b"\xd0\xcf\x11\xe0", "an old Word (.doc) or other Office file",
     "open it in its program and save it as plain text (.txt, UTF-8), or " + COPY_AS_TEXT),
    (b"{\\rtf", "an RTF document", "open it in a word processor and save it as plain text (.txt, UTF-8)"),
)
"""The first bytes of files that are not plain text, what they are, and what to do: (signature, kind, fix)."""

BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),   # before UTF-16: same first two bytes
    (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"),
)
"""Byte-order marks of the encodings Windows editors save as "Unicode", and the codec that reads them."""


def data_dir() -> Path:
    """The folder holding the bundled data files.

    In a wheel the files live inside the package (``casestudy/data``); in an
    editable install or a source checkout they are the repository's ``data/``.
    """
    packaged = resources.files("casestudy") / "data"
    if packaged.is_dir():
        return Path(str(packaged))
    checkout = Path(__file__).resolve().parents[2] / "data"
    if checkout.is_dir():
        return checkout
    raise InputError(
        f"the bundled data folder is missing: {REINSTALL}"
    )


def data_path(name: str) -> Path:
    """The path of one bundled data file, e.g. ``data_path('people.json')``."""
    path = data_dir() / name
    if not path.is_file():
        raise InputError(f"the bundled data file {name!r} is missing from {data_dir()}: reinstall the package")
    return path


def parse_json(text: str, name: str = "the text", fix: str = "fix or replace the file") -> Any:
    """Parse JSON text as data (never as code), with a one-line :class:`InputError` when it is not JSON.

    Every JSON file the package reads (maps, ratings, people, metadata) goes
    through here, so they all accept a byte-order mark and all explain errors
    the same way: the line and column, and what to do (``fix``).

    >>> parse_json('\\ufeff{"a": 1}')
    {'a': 1}
    >>> parse_json('{"a": ', "notes.json")
    Traceback (most recent call last):
    ...
    casestudy.errors.InputError: notes.json is not valid JSON (line 1, column 7: Expecting value); fix or replace the file
    """
    if not text.strip():
        raise InputError(f"{name} is empty; {fix}")
    try:
        return json.loads(text.removeprefix("\ufeff"))  # a byte-order mark, as some Windows editors add
    except json.JSONDecodeError as exc:
        raise InputError(f"{name} is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg}); {fix}") from None
    except (RecursionError, ValueError) as exc:  # nesting thousands deep, or a number thousands of digits long
        problem = "nested too deeply" if isinstance(exc, RecursionError) else "holds a number too long to read"
        raise InputError(f"{name} is not JSON this package wrote ({problem}); {fix}") from None


def read_json(path: str | Path, expected: str = "a JSON (.json) file saved as UTF-8",
              fix: str = "fix or replace the file") -> Any:
    """Read a JSON file with a clear error when it is missing, not text, or not valid JSON."""
    path = Path(path)
    return parse_json(read_text(path, expected), str(path), fix)


def _guess_encoding(data: bytes) -> str:
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return "latin-1"
    return "Windows-1252"


def refuse_known_formats(data: bytes, name: str, expected: str = TEXT_FILE) -> None:
    """Refuse a file whose first bytes say it is a PDF, a Word or OpenDocument file or RTF (see :data:`SIGNATURES`).

    The fix is how to get an article's text out of it, or, when ``expected`` is
    another kind of file (a people file, a map), to give that instead.
    """
    head = data[:16].lstrip()
    for signature, kind, fix in SIGNATURES:
        if head.startswith(signature):
            raise InputError(f"{name} is {kind}, not plain text: {fix if expected == TEXT_FILE else 'give ' + expected}")


def decode_text(data: bytes, name: str = "the text", expected: str = TEXT_FILE) -> str:
    """Decode bytes as UTF-8 (or UTF-16 after its byte-order mark), refusing binary data and naming the likely encoding otherwise.

    For a UTF-8 file the result equals what ``Path(name).read_text(encoding="utf-8")``
    gives (a UTF-8 byte-order mark stays, as the first character), so offsets into it
    mean the same thing to every tool; for a UTF-16 file it equals
    ``read_text(encoding="utf-16")``.

    >>> decode_text(b"one\\r\\ntwo")
    'one\\ntwo'
    >>> decode_text(bytes([0x93, 0x48, 0x69, 0x94]), "notes.txt")
    Traceback (most recent call last):
    ...
    casestudy.errors.InputError: notes.txt is not UTF-8 (byte 0 is 0x93); it looks like Windows-1252: ...
    """
    refuse_known_formats(data, name, expected)
    codec = next((codec for bom, codec in BOMS if data.startswith(bom)), None)
    if codec is not None:
        try:
            text = data.decode(codec)   # the codec reads the mark, and drops it
        except UnicodeDecodeError:
            raise InputError(f"{name} starts with a {codec.upper()} byte-order mark but is not {codec.upper()} "
                             f"text: re-save it as UTF-8") from None
    elif b"\x00" in data[:8192]:
        raise InputError(f"{name} looks like a binary file, not text: give {expected}")
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            guess = _guess_encoding(data)
            raise InputError(
                f"{name} is not UTF-8 (byte {exc.start} is 0x{data[exc.start]:02x}); it looks like {guess}: "
                f"re-save it as UTF-8, or convert it with "
                f"Path(p).write_text(Path(p).read_text(encoding='{guess.lower()}'), encoding='utf-8')"
            ) from None
    if "\x00" in text[:8192]:
        raise InputError(f"{name} looks like a binary file, not text: give {expected}")
    # Exactly what Path.read_text returns: universal newlines (Windows CRLF and
    # old Mac CR become LF), so character offsets agree with it.
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_text(path: str | Path, expected: str = TEXT_FILE) -> str:
    """Read a text file (UTF-8, or UTF-16 with a byte-order mark), or raise :class:`InputError` saying what is wrong and what to do.

    ``expected`` names the kind of file wanted, for the messages about folders and binary files.
    """
    path = Path(path)
    if not path.exists():
        raise InputError(f"{path} does not exist: check the path (the working folder is {Path.cwd()})")
    if path.is_dir():
        raise InputError(f"{path} is a folder, not a file: give the path of {expected} inside it")
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(f"{path} is {size / 1e6:.0f} MB; news articles are far smaller: give one article's text")
        data = path.read_bytes()
    except PermissionError:
        raise InputError(f"{path} cannot be read (permission denied): copy it somewhere you can read") from None
    except OSError as exc:
        raise InputError(f"{path} cannot be read ({exc.strerror}): check the path") from None
    return decode_text(data, str(path), expected)
