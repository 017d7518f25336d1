"""The one way through an article: load, clean, find quotes, score sentiment, gather evidence.

:func:`read_article` runs every step on one text, the cleaned body, so every
offset a :class:`Reading` holds points into ``reading.clean.text``.  The
notebooks, the widgets and the command line all read articles through it.
:meth:`Reading.raw_quotes` maps the quotes back to the file's own text, which
is what the ``quotes`` command prints.

>>> reading = read_article('PARIS (Wire) - "We will win," Mayor Ann Dupont said. Dupont said that it was late.')
>>> [(q.kind, q.speaker) for q in reading.quotes]
[('direct', 'Ann Dupont'), ('reported', 'Ann Dupont')]
>>> reading.profile()["quotes_per_100_words"]
15.4

Sentiment and evidence are computed when first asked for, so a reading made
only for its quotes costs no VADER scoring.  :meth:`Reading.profile` gives a
few comparable numbers (quotes per 100 words, the share of reported speech,
mean sentiment), so two articles can be set side by side with :func:`compare`.

A practice article of our own invention ships with the package
(``data/practice_article.txt``), so everything runs without anything to paste.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import InputError
from .models import NEITHER, Article, Person, Quote, Side, side_names, sides_of
from .text.loading import data_path, load_article, load_text, read_json

if TYPE_CHECKING:  # pragma: no cover
    from .argmap import ArgumentMap, Evidence
    from .sentiment import ArticleSentiment
    from .text.cleaning import CleanArticle

PRACTICE_FILE = "practice_article.txt"
"""The invented practice article, in ``data/``."""

PRACTICE_NOTES = "practice_article.json"
"""What we know about the practice article: that it is invented, and a hand-written answer key."""


def practice_article() -> Article:
    """The invented practice article (see ``data/practice_article.json`` for its note).

    >>> practice_article().raw.splitlines()[0].startswith("Invented for practice")
    True
    """
    return load_article(data_path(PRACTICE_FILE))


def practice_notes() -> dict[str, Any]:
    """The practice article's metadata note and answer key (for self-checks and caveats only)."""
    notes: dict[str, Any] = read_json(data_path(PRACTICE_NOTES))
    return notes


def choose_article(pasted: str = "", path: str = "") -> Article:
    """The article the student chose: pasted text first, else a file path, else the practice article.

    >>> choose_article("  ", "").source.endswith("practice_article.txt")
    True
    >>> choose_article("OSLO (Wire) - Talks began.").source
    '<pasted text>'
    """
    for value, name in ((pasted, "pasted"), (path, "path")):
        if value is not None and not isinstance(value, (str, Path)):
            raise InputError(f"choose_article: {name} must be text, not {type(value).__name__}")
    if pasted and str(pasted).strip():
        return load_text(str(pasted), source="<pasted text>")
    if path and str(path).strip():
        return load_article(Path(str(path).strip()).expanduser())
    return practice_article()


@dataclass(frozen=True)
class Reading:
    """Everything the pipeline found in one article; every offset points into ``clean.text``."""

    article: Article
    clean: CleanArticle
    quotes: list[Quote]
    people: tuple[Person, ...] = field(default=())
    sides: tuple[Side, ...] = field(default=())

    @cached_property
    def sentiment(self) -> ArticleSentiment:
        """VADER scores of the sentences and quotes, and their means per speaker and per side."""
        from .sentiment import article_sentiment

        return article_sentiment(self.clean.sentences, self.quotes, side_names(self.sides))

    @cached_property
    def evidence(self) -> list[Evidence]:
        """What an argument-map claim can cite: every quote, then every sentence (each id once)."""
        from .argmap import evidence_catalogue

        return evidence_catalogue(self.quotes, self.clean.sentences)

    @property
    def side_names(self) -> tuple[str, ...]:
        """The article's sides, in order (without ``unknown``)."""
        return side_names(self.sides)

    def raw_quotes(self) -> list[Quote]:
        """The quotes with offsets into the article's own text (``article.raw``), as the ``quotes`` command prints.

        >>> r = read_article('OSLO (AP) -  "We  will win,"   Ann Lee said.')
        >>> q = r.raw_quotes()[0]
        >>> q.text, r.article.raw[q.mention_start:q.mention_end]
        ('"We  will win,"', 'Ann Lee')
        """
        raw, offsets = self.article.raw, self.clean.offsets
        out = []
        for q in self.quotes:
            start, end = offsets.span_to_raw(q.start, q.end)
            mention: dict[str, Any] = {}
            if q.mention_start is not None and q.mention_end is not None:
                ms, me = offsets.span_to_raw(q.mention_start, q.mention_end)
                mention = {"mention_start": ms, "mention_end": me, "mention": raw[ms:me]}
            out.append(replace(q, start=start, end=end, text=raw[start:end], **mention))
        return out

    @property
    def words(self) -> int:
        """Words in the cleaned body (split on white space)."""
        return len(self.clean.text.split())

    def count(self, *kinds: str) -> int:
        """How many quotes of the given kinds (``direct``, ``continuation``, ``reported``)."""
        return sum(1 for q in self.quotes if q.kind in kinds)

    def profile(self) -> dict[str, Any]:
        """A few numbers that can be compared across articles of different lengths.

        * ``quotes_per_100_words``: all quotes found (direct, continuation, reported) per 100 words;
        * ``reported_share``: the share of those quotes that are reported speech, the
          journalist's paraphrase rather than the speaker's own words;
        * ``unattributed``: quotes the rules could give no speaker;
        * ``mean_sentence_sentiment`` and ``mean_quote_sentiment``: mean VADER compound of
          the sentences and of the quotes in the speakers' own words.
        """
        from .sentiment import aggregate, counts_for_speakers

        n = len(self.quotes)
        own_words = [qs.compound for qs in self.sentiment.quotes if counts_for_speakers(qs.quote)]
        return {
            "words": self.words,
            "sentences": len(self.clean.sentences),
            "quotes": n,
            "direct": self.count("direct"),
            "continuation": self.count("continuation"),
            "reported": self.count("reported"),
            "quotes_per_100_words": round(100 * n / self.words, 1) if self.words else 0.0,
            "reported_share": round(self.count("reported") / n, 2) if n else None,
            "unattributed": sum(1 for q in self.quotes if not q.speaker),
            "speakers": len({q.speaker for q in self.quotes if q.speaker}),
            "mean_sentence_sentiment": aggregate([s.compound for s in self.sentiment.sentences]).mean,
            "mean_quote_sentiment": aggregate(own_words).mean,
        }


def read_article(article: Article | str | None = None, people: Sequence[Person] | None = None,
                 sides: Sequence[Side | str] | None = None) -> Reading:
    """Run the whole pipeline on an article (or a string; the bundled Oslo article if ``None``).

    ``people`` defaults to the article's own people (the bundled article's
    people file, or the one given to :func:`~casestudy.load_article`); pass a
    list of :class:`~casestudy.models.Person` to give your article's speakers
    aliases, genders or sides.  ``sides`` defaults to the article's declared
    sides, else the people's sides in order of first appearance.
    """
    from .quotes import as_people, find_quotes
    from .text.cleaning import clean_article

    if article is None:
        article = load_article()
    elif isinstance(article, str):
        article = load_text(article)
    if not isinstance(article, Article):
        raise InputError(f"read_article needs an Article or a string, not {type(article).__name__}: "
                         "use casestudy.load_article(path) first")
    people = as_people(article.people if people is None else people)
    if sides is None:
        declared = article.sides if people == article.people else ()
        chosen = sides_of(people, declared)
    else:
        chosen = tuple(s if isinstance(s, Side) else Side(str(s)) for s in sides)
    clean = clean_article(article)
    quotes = find_quotes(clean.text, people=people)
    return Reading(article, clean, quotes, people, chosen)


PROFILE_LABELS = {
    "words": "words in the body",
    "sentences": "sentences",
    "quotes": "quotes found (all kinds)",
    "reported": "... of which reported speech",
    "quotes_per_100_words": "quotes per 100 words",
    "reported_share": "share of quotes that are reported",
    "unattributed": "quotes without a speaker",
    "speakers": "different speakers",
    "mean_sentence_sentiment": "mean sentiment of sentences",
    "mean_quote_sentiment": "mean sentiment of quotes (own words)",
}
"""The rows :func:`compare` shows, with a label a reader understands."""


def compare(readings: Mapping[str, Reading]) -> list[dict[str, Any]]:
    """One row per measure, one column per article: the table that sets articles side by side.

    >>> rows = compare({"a": read_article('"We won the vote today," Ann Lee said.')})
    >>> rows[0]
    {'measure': 'words in the body', 'a': 8}
    """
    profiles = {name: r.profile() for name, r in readings.items()}
    return [{"measure": label, **{name: p[key] for name, p in profiles.items()}}
            for key, label in PROFILE_LABELS.items()]


def table_markdown(rows: Iterable[Mapping[str, Any]]) -> str:
    """Rows of dicts as a Markdown table (numbers as they are, ``None`` as a dash).

    >>> print(table_markdown([{"measure": "words", "a": 7}]))
    | measure | a |
    |---|---|
    | words | 7 |
    """
    rows = list(rows)
    if not rows:
        return "(nothing to show)"
    keys = list(rows[0])

    def cell(v: Any) -> str:
        return "–" if v is None else str(v).replace("|", "\\|")

    lines = ["| " + " | ".join(keys) + " |", "|" + "---|" * len(keys)]
    lines += ["| " + " | ".join(cell(r.get(k)) for k in keys) + " |" for r in rows]
    return "\n".join(lines)


# -- checking the rules against a hand-written answer key ------------------------------


@dataclass(frozen=True)
class KeyResult:
    """One quote of an answer key and what the rules made of it."""

    starts: str
    kind: str
    speaker: str | None
    found: Quote | None

    @property
    def speaker_right(self) -> bool:
        return self.found is not None and self.found.speaker == self.speaker

    def describe(self) -> str:
        who = self.speaker or "(nobody named)"
        if self.found is None:
            return f"MISSED   {self.kind:<12} {who:<16} {self.starts!r}"
        verdict = "right" if self.speaker_right else f"WRONG: rules say {self.found.speaker or 'nobody'}"
        return f"found    {self.kind:<12} {who:<16} {self.starts!r}  speaker {verdict}"


def check_against_key(quotes: Sequence[Quote], key: Iterable[Mapping[str, Any]]) -> list[KeyResult]:
    """Match each answer-key quote (``starts``: its first words) to a found quote, and compare speakers.

    >>> from casestudy.models import Quote
    >>> found = [Quote(0, 9, '"Hi all"', "Hi all", "Ann Lee", "direct", "test")]
    >>> [r.describe() for r in check_against_key(found, [{"starts": "Hi", "kind": "direct", "speaker": "Ann Lee"}])]
    ["found    direct       Ann Lee          'Hi'  speaker right"]
    """
    results = []
    for item in key:
        starts = " ".join(str(item["starts"]).split()).lower()
        match = next((q for q in quotes if " ".join(q.content.split()).lower().startswith(starts)), None)
        results.append(KeyResult(item["starts"], item["kind"], item.get("speaker"), match))
    return results


# -- a starter argument map ------------------------------------------------------------


def starter_map(reading: Reading, per_speaker: int = 1, title: str | None = None) -> ArgumentMap:
    """A first argument map: one claim per speaker (their first quotes), to rewrite in your own words.

    Each claim cites the quote it came from, so the evidence is right from the
    start; the claim text is only the speaker's name and the quote's opening
    words, which the student should replace with the claim in their own words,
    and then add relations (``supports``/``objects``).  A quote's side becomes
    the claim's side when it is one of the map's sides, else ``neither``.
    """
    from .argmap import ArgumentMap

    amap = ArgumentMap(title=title or f"Starter map: {reading.clean.title or reading.article.source}",
                       sides=reading.sides)
    taken: dict[str, int] = {}
    for q in reading.quotes:
        if not q.speaker or q.kind == "continuation" or taken.get(q.speaker, 0) >= per_speaker:
            continue
        taken[q.speaker] = taken.get(q.speaker, 0) + 1
        words = q.content.split()
        gist = " ".join(words[:12]) + (" ..." if len(words) > 12 else "")
        amap.add_claim(f"{q.speaker}: {gist}", side=q.side if q.side in amap.side_names() else NEITHER,
                       evidence=[q.id], note="starter claim: rewrite it in your own words")
    return amap
