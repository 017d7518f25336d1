"""The whole pipeline on any article: clean, find quotes, score sentiment, start a map.

Notebook 05 runs everything the earlier notebooks built on a text the student
brings.  :func:`read_article` does it in one call and returns a
:class:`Reading` whose :meth:`~Reading.profile` gives a few comparable numbers
(quotes per 100 words, the share of reported speech, mean sentiment), so two
articles can be set side by side with :func:`compare`.

>>> reading = read_article('PARIS (Wire) - "We will win," Mayor Ann Dupont said. Dupont said that it was late.')
>>> [(q.kind, q.speaker) for q in reading.quotes]
[('direct', 'Ann Dupont'), ('reported', 'Ann Dupont')]
>>> reading.profile()["quotes_per_100_words"]
15.4

A practice article of our own invention ships with the package
(``data/practice_article.txt``), so everything runs without anything to paste.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import InputError
from .loading import data_path, load_article, load_text, read_json
from .models import Article, Person, Quote

if TYPE_CHECKING:  # pragma: no cover
    from .argmap import ArgumentMap
    from .cleaning import CleanArticle
    from .sentiment import ArticleSentiment

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
    """Everything the pipeline found in one article."""

    article: Article
    clean: CleanArticle
    quotes: list[Quote]
    sentiment: ArticleSentiment
    people: tuple[Person, ...] = field(default=())

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


def read_article(article: Article | str | None = None, people: Sequence[Person] | None = None) -> Reading:
    """Run the whole pipeline on an article (or a string; the practice article if ``None``).

    ``people`` defaults to the article's own hand-written people (only the
    bundled Oslo article has them); pass a list of
    :class:`~casestudy.models.Person` to give your article's speakers aliases,
    genders or sides.
    """
    from .cleaning import clean_article
    from .people_finder import as_people
    from .quotes import find_quotes
    from .sentiment import article_sentiment

    if article is None:
        article = practice_article()
    elif isinstance(article, str):
        article = load_text(article)
    if not isinstance(article, Article):
        raise InputError(f"read_article needs an Article or a string, not {type(article).__name__}: "
                         "use casestudy.load_article(path) first")
    people = as_people(article.people if people is None else people)
    clean = clean_article(article)
    quotes = find_quotes(clean.text, people=people)
    return Reading(article, clean, quotes, article_sentiment(clean.sentences, quotes), people)


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
    from .argmap import SIDES, ArgumentMap

    amap = ArgumentMap(title=title or f"Starter map: {reading.clean.title or reading.article.source}")
    taken: dict[str, int] = {}
    for q in reading.quotes:
        if not q.speaker or q.kind == "continuation" or taken.get(q.speaker, 0) >= per_speaker:
            continue
        taken[q.speaker] = taken.get(q.speaker, 0) + 1
        words = q.content.split()
        gist = " ".join(words[:12]) + (" ..." if len(words) > 12 else "")
        amap.add_claim(f"{q.speaker}: {gist}", side=q.side if q.side in SIDES else "neither",
                       evidence=[q.id], note="starter claim: rewrite it in your own words")
    return amap


# -- the input widget --------------------------------------------------------------------


class ArticleChooser:
    """A text area to paste an article into and a box for a file path, with a one-line status.

    The widget only collects input; :meth:`article` reads it when the next cell
    runs, so a notebook with nothing pasted (or run with no browser at all)
    uses the practice article.  :meth:`update_status` is the handler the widgets
    call on every change; tests call it directly.
    """

    def __init__(self) -> None:
        import ipywidgets as widgets

        self.text = widgets.Textarea(placeholder="Paste the text of a news article here (or leave empty)",
                                     description="Article:", layout=widgets.Layout(width="95%", height="12em"))
        self.path = widgets.Text(placeholder="or a file path, e.g. my_article.txt", description="File:",
                                 layout=widgets.Layout(width="60%"))
        self.status = widgets.HTML()
        for w in (self.text, self.path):
            w.observe(self.update_status, names="value")
        self.widget = widgets.VBox([self.text, self.path, self.status])
        self.update_status()

    def update_status(self, change: Any = None) -> str:
        """Say which text the next cell will use, and return the message."""
        pasted = self.text.value.strip()
        typed = self.path.value.strip()
        if pasted:
            message = f"Using your pasted text ({len(pasted.split())} words)."
        elif typed and not Path(typed).expanduser().is_file():
            message = (f"No file {typed!r} in {Path.cwd()}: check the name, or paste the text instead "
                       "(until then, the next cells use the practice article).")
            self.status.value = f"<p>\u26a0\ufe0f {html.escape(message)}</p>"
            return message
        elif typed:
            message = f"Using the file {typed!r}."
        else:
            message = "Nothing pasted: using the practice article (invented, for practice)."
        self.status.value = f"<p>{html.escape(message)} Run the next cells to analyse it.</p>"
        return message

    def article(self) -> Article:
        """The chosen article; if it cannot be read, say why and use the practice article."""
        try:
            return choose_article(self.text.value, self.path.value)
        except InputError as error:
            print(f"\u26a0\ufe0f Could not use your text: {error}\n"
                  "The cells below use the practice article instead. Fix the text or path and run this cell again.")
            return practice_article()

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        """Show the widget when the chooser is the last expression of a cell."""
        return self.widget._repr_mimebundle_(**kwargs)
