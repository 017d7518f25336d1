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
mean sentiment, the balance of the sides), so two articles can be set side by
side with :func:`compare` and :func:`compare_sides`.

Sides are the article's (its people file's, or those a reader declares with
:meth:`Reading.assign_sides`); every quote carries its speaker's side, and
:meth:`Reading.voice_share` and the sentiment by side list every side in order,
then ``unknown``.  ``progress=True`` shows a bar while a long text is read.

A practice article of our own invention ships with the package
(``data/practice_article.txt``, with three sides in ``data/practice_people.json``),
so everything runs without anything to paste.

At about 560 lines this module is longer than most in the package: it is where
the layers below meet for one article (reading, sides, comparison, the practice
article and its answer key), and each part is short and reads on its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import InputError
from .models import NEITHER, UNKNOWN, Article, Person, Quote, Side, side_names, sides_of
from .progress import Progress, ProgressBar, wanted
from .text.loading import data_path, load_article, load_text, read_json
from .text.people_file import check_sides, read_people_file

if TYPE_CHECKING:  # pragma: no cover
    from .argmap import ArgumentMap, Evidence
    from .quotes import VoiceShare
    from .sentiment import ArticleSentiment, SentenceScore
    from .text.cleaning import CleanArticle

PRACTICE_FILE = "practice_article.txt"
"""The invented practice article, in ``data/``."""

PRACTICE_NOTES = "practice_article.json"
"""What we know about the practice article: that it is invented, and a hand-written answer key."""

PRACTICE_PEOPLE = "practice_people.json"
"""The practice article's people file: its three sides and who is on which (invented, like the article)."""


def practice_article() -> Article:
    """The invented practice article, with its people file (see ``data/practice_article.json`` for its note).

    >>> article = practice_article()
    >>> article.raw.splitlines()[0].startswith("Invented for practice"), side_names(article.sides)
    (True, ('Town council', 'Fishing association', 'Harbour traders'))
    """
    return load_article(data_path(PRACTICE_FILE), people=data_path(PRACTICE_PEOPLE))


def practice_notes() -> dict[str, Any]:
    """The practice article's metadata note and answer key (for self-checks and caveats only)."""
    notes: dict[str, Any] = read_json(data_path(PRACTICE_NOTES))
    return notes


def choose_article(pasted: str = "", path: str = "", people: str = "") -> Article:
    """The article the student chose: pasted text first, else a file path, else the practice article.

    ``people``, if given, is a people file (for example one saved by notebook
    05's sides editor) with the article's sides and people.

    >>> choose_article("  ", "").source.endswith("practice_article.txt")
    True
    >>> choose_article("OSLO (Wire) - Talks began.").source
    '<pasted text>'
    """
    for value, name in ((pasted, "pasted"), (path, "path"), (people, "people")):
        if value is not None and not isinstance(value, (str, Path)):
            raise InputError(f"choose_article: {name} must be text, not {type(value).__name__}")
    cast = Path(str(people).strip()).expanduser() if people and str(people).strip() else None
    if pasted and str(pasted).strip():
        article = load_text(str(pasted), source="<pasted text>")
        if cast is None:
            return article
        found, sides = read_people_file(cast)
        return replace(article, people=found, sides=sides)
    if path and str(path).strip():
        return load_article(Path(str(path).strip()).expanduser(), people=cast)
    if cast is not None:
        return load_article(data_path(PRACTICE_FILE), people=cast)
    return practice_article()


def named_in(text: str, person: Person) -> bool:
    """True when ``text`` names the person (by name or an alias; case, spacing, line breaks and punctuation ignored).

    >>> named_in("Mayor Ann\\nLee spoke.", Person("Ann Lee")), named_in("Annelee spoke.", Person("Ann Lee"))
    (True, False)
    """
    for name in (person.name, *person.aliases):
        words = re.findall(r"[^\W_]+", name)
        if words and re.search(r"(?<![^\W_])" + r"[\W_]+".join(map(re.escape, words)) + r"(?![^\W_])", text, re.I):
            return True
    return False


def people_warning(article: Article) -> str | None:
    """A warning when the article has a people file but the text names none of its people, else ``None``.

    That is the sign of a people file made for another article: the sides stay
    empty, so say so at once instead of showing tables of zeros.

    >>> article = replace(load_text("OSLO - Talks began."), people=(Person("Ann Lee", side="EU"),))
    >>> print(people_warning(article))
    the one person in the people file (Ann Lee) is not named in <text>: is it the people file of another article? Nobody in this text is on a side until you give the right people file (or put the speakers on sides in the sides editor)
    """
    if not article.people or any(named_in(article.raw, person) for person in article.people):
        return None
    n = len(article.people)
    names = ", ".join(p.name for p in article.people[:3]) + (", ..." if n > 3 else "")
    who = "the one person in the people file" if n == 1 else f"none of the {n} people in the people file"
    return (f"{who} ({names}) is {'not ' if n == 1 else ''}named in {_name(article)}: is it the people file of "
            "another article? Nobody in this text is on a side until you give the right people file (or put the "
            "speakers on sides in the sides editor)")


def clean(article: Article | str, progress: bool | ProgressBar = False) -> CleanArticle:
    """Clean an article for reading: :func:`~casestudy.text.cleaning.clean_article`, with a byte-order mark kept out of the title.

    A file saved as "UTF-8 with BOM" (as Windows Notepad can) starts with the
    mark U+FEFF, which ``Path.read_text(encoding="utf-8")`` keeps as the first
    character.  The cleaning sees a space in its place, so the title does not
    start with an invisible character and every offset into the file's text
    stays the same.

    ``progress`` is as for :func:`read_article`.

    >>> clean("\\ufeffTalks fail\\n\\nOSLO (AP) - Ministers met.").title
    'Talks fail'
    """
    from .text.cleaning import clean_article

    if isinstance(article, str):
        article = load_text(article)
    raw = getattr(article, "raw", None)
    if not isinstance(raw, str):
        return clean_article(article)   # not an article: its one-line error
    bar = wanted(progress, len(raw))
    with Progress(["cleaning"], bar is not None, _name(article), bar) as steps, steps.stage("cleaning"):
        if article.raw.startswith("\ufeff"):
            return replace(clean_article(replace(article, raw=" " + article.raw[1:])), raw=article.raw)
        return clean_article(article)


def _name(article: Article) -> str:
    """A short name for an article: its file's name, or where its text came from (``<pasted text>``)."""
    return article.source if article.source.startswith("<") else Path(article.source).name


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()


def label_sides(quotes: Iterable[Quote], people: Iterable[Person]) -> list[Quote]:
    """The quotes with each speaker's side from ``people``, matched by name or alias (case and spacing ignored).

    The people file, or the sides a reader assigned, decides a speaker's side;
    a quote whose speaker matches nobody in ``people`` keeps the side the
    attributor gave it (``unknown`` unless it matched a person by a partial name).

    >>> q = Quote(0, 9, '"We won"', "We won", "Ann Lee", "direct", "test")
    >>> [x.side for x in label_sides([q], [Person("Ann  Lee", side="UK")])]
    ['UK']
    """
    lookup: dict[str, str] = {}
    for p in people:
        for name in (p.name, *p.aliases):
            lookup.setdefault(_key(name), p.side.strip() or UNKNOWN)
    out = []
    for q in quotes:
        side = lookup.get(_key(q.speaker)) if q.speaker else None
        out.append(replace(q, side=side) if side is not None and side != q.side else q)
    return out


@dataclass(frozen=True)
class Reading:
    """Everything the pipeline found in one article; every offset points into ``clean.text``.

    ``sides`` are the article's sides in order; every quote's ``side`` is one of
    them or ``unknown`` (or a side the people gave that is not declared, which
    every table and figure counts as ``unknown``).
    """

    article: Article
    clean: CleanArticle
    quotes: list[Quote]
    people: tuple[Person, ...] = field(default=())
    sides: tuple[Side, ...] = field(default=())
    progress: ProgressBar | None = field(default=None, repr=False, compare=False)

    @cached_property
    def sentiment(self) -> ArticleSentiment:
        """VADER scores of the sentences and quotes, and their means per speaker and per side."""
        from .sentiment import analyzer, score_sentences

        steps = ["loading the VADER lexicon", "scoring sentences", "scoring quotes"]
        with Progress(steps, self.progress is not None, self.name, self.progress) as progress:
            with progress.stage(steps[0]):
                analyzer()
            sentences = score_sentences(progress.iterate(self.clean.sentences, steps[1]))
            return self._sentiment(sentences, progress.iterate(self.quotes, steps[2], unit="quote"))

    def _sentiment(self, sentences: list[SentenceScore], quotes: Iterable[Quote]) -> ArticleSentiment:
        """Sentence scores already computed, with the quotes scored and aggregated by speaker and by side."""
        from .sentiment import ArticleSentiment, by_side, by_speaker, score_quotes

        scored = score_quotes(quotes)
        return ArticleSentiment(sentences, scored, by_speaker(scored), by_side(scored, self.side_names))

    @cached_property
    def evidence(self) -> list[Evidence]:
        """What an argument-map claim can cite: every quote, then every sentence (each id once)."""
        from .argmap import evidence_catalogue

        return evidence_catalogue(self.quotes, self.clean.sentences)

    @property
    def name(self) -> str:
        """A short name for the article: its file's name, or where its text came from."""
        return _name(self.article)

    @property
    def side_names(self) -> tuple[str, ...]:
        """The article's sides, in order (without ``unknown``)."""
        return side_names(self.sides)

    @property
    def speakers(self) -> list[str]:
        """Everyone quoted (direct, continuation or reported), in order of their first quote."""
        return list(dict.fromkeys(q.speaker for q in self.quotes if q.speaker))

    def side_of(self, speaker: str) -> str:
        """The side of a speaker (of their first quote): one of :attr:`side_names`, or ``unknown``."""
        side = next((q.side for q in self.quotes if q.speaker == speaker), UNKNOWN)
        return side if side in self.side_names else UNKNOWN

    def with_sides(self, sides: Sequence[Side | str], people: Sequence[Person] | None = None) -> Reading:
        """The same reading with other sides, and each speaker on the side ``people`` gives them.

        The text is not read again: only the quotes' sides change (see
        :func:`label_sides`), and sentence scores already computed are kept.
        A person's side must be one of ``sides`` or ``unknown``.

        >>> r = read_article('"We won," Ann Lee said. "We lost," Bo Berg said.')
        >>> r2 = r.with_sides(["EU", "UK"], [Person("Ann Lee", side="UK")])
        >>> [(q.speaker, q.side) for q in r2.quotes], list(r2.sentiment.sides)
        ([('Ann Lee', 'UK'), ('Bo Berg', 'unknown')], ['EU', 'UK', 'unknown'])
        """
        from .quotes import as_people

        chosen = check_sides(sides)
        people = as_people(self.people if people is None else people)
        allowed = set(side_names(chosen)) | {UNKNOWN}
        stray = next((p for p in people if (p.side.strip() or UNKNOWN) not in allowed), None)
        if stray is not None:
            raise InputError(f"{stray.name} is on the side {stray.side!r}, which is not one of the sides "
                             f"({', '.join(side_names(chosen)) or 'none declared'}): add that side or move them")
        new = replace(self, quotes=label_sides(self.quotes, people), people=people, sides=chosen)
        if "sentiment" in self.__dict__:   # keep the sentence scores: VADER need not read a long text again
            new.__dict__["sentiment"] = new._sentiment(self.sentiment.sentences, new.quotes)
        return new

    def assign_sides(self, sides: Sequence[Side | str], assignment: Mapping[str, str],
                     renamed: Mapping[str, str] | None = None) -> Reading:
        """The reading with the sides a reader declared, and speakers put on them (``{speaker: side}``).

        Sides keep the colour and description the article's people file gave
        them; people keep their aliases, roles and genders.  A person not in
        ``assignment`` keeps their side if it is still one of ``sides`` (or, when
        ``renamed`` maps its old name to a new one, moves with it), else goes to
        ``unknown``; a speaker not yet among the people is added.  This is what
        notebook 05's sides editor does (see :meth:`with_sides`).

        >>> r = read_article('"We won," Ann Lee said. "We lost," Bo Berg said.')
        >>> r2 = r.assign_sides("EU, UK".split(", "), {"Bo Berg": "EU"})
        >>> [(p.name, p.side) for p in r2.people], r2.side_names
        ([('Bo Berg', 'EU')], ('EU', 'UK'))
        >>> r2.assign_sides(["EU", "UK"], {"Ann Lee": "Norway"})
        Traceback (most recent call last):
        ...
        casestudy.errors.InputError: Ann Lee cannot be on 'Norway': it is not one of the sides (EU, UK, unknown): add 'Norway' to the sides first, or choose one of these
        """
        renamed = dict(renamed or {})
        known = {side.name: side for side in self.sides}
        for old, new in renamed.items():   # a renamed side keeps its colour and description
            if old in known and new not in known:
                known[new] = replace(known[old], name=new)
        given = check_sides(sides)   # a widget, a string or a side named twice: one line saying so
        chosen = check_sides(known.get(s.name, s) if s.colour is None and not s.description else s for s in given)
        if not isinstance(assignment, Mapping) or not all(isinstance(k, str) and isinstance(v, str)
                                                          for k, v in assignment.items()):
            raise InputError("the speakers to move must be a dict of names and sides, {speaker: side}, "
                             f"e.g. {{'Ann Lee': {(side_names(chosen) or ('EU',))[0]!r}}}, not {type(assignment).__name__}")
        allowed = [*side_names(chosen), UNKNOWN]
        bad = next(((n, s) for n, s in assignment.items() if s not in allowed), None)
        if bad is not None:
            raise InputError(f"{bad[0]} cannot be on {bad[1]!r}: it is not one of the sides ({', '.join(allowed)}): "
                             f"add {bad[1]!r} to the sides first, or choose one of these")
        wanted = {_key(name): side for name, side in assignment.items()}
        people = []
        for person in self.people:
            names = [_key(n) for n in (person.name, *person.aliases)]
            side = next((wanted.pop(n) for n in names if n in wanted), None)
            if side is None:
                side = renamed.get(person.side, person.side)
                side = side if side in allowed else UNKNOWN
            people.append(replace(person, side=side))
        for name, side in assignment.items():
            if _key(name) in wanted:
                people.append(Person(" ".join(name.split()), side=side))
        return self.with_sides(chosen, people)

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

    def voice_share(self, by: str = "side", include_reported: bool = False) -> list[VoiceShare]:
        """Quotes and quoted words per side, or per speaker (``by="speaker"``, most words first).

        By side, every one of the article's sides has a row, in order, even
        with no quotes, and then ``unknown`` (speakers of no side, and quotes
        nobody is named for).  Reported speech counts only with
        ``include_reported=True``: it is the reporter's wording.
        """
        from .quotes import VoiceShare, voice_share

        if by == "speaker":
            return voice_share(self.quotes, by="speaker", include_reported=include_reported)
        if by != "side":
            raise InputError(f"voice_share(by={by!r}) is not possible: use by='side' or by='speaker'")
        counts = {side: [0, 0] for side in (*self.side_names, UNKNOWN)}
        for row in voice_share(self.quotes, by="side", include_reported=include_reported):
            entry = counts[row.who if row.who in counts else UNKNOWN]
            entry[0] += row.quotes
            entry[1] += row.words
        total = sum(words for _, words in counts.values())
        return [VoiceShare(side, side, n, words, words / total if total else 0.0)
                for side, (n, words) in counts.items()]

    def side_table(self) -> list[dict[str, Any]]:
        """One row per side, then ``unknown``: speakers, quotes in their own words, quoted words and their share, mean sentiment.

        >>> r = read_article('"We won," Ann Lee said. "We lost badly," Bo Berg said.', people=[Person("Ann Lee", side="UK")])
        >>> [(row["side"], row["speakers"], row["words"]) for row in r.side_table()]
        [('UK', 1, 2), ('unknown', 1, 3)]
        """
        speakers: dict[str, set[str]] = {side: set() for side in (*self.side_names, UNKNOWN)}
        for q in self.quotes:
            if q.speaker:
                speakers[q.side if q.side in speakers else UNKNOWN].add(q.speaker)
        sentiment = self.sentiment.sides
        return [{"side": row.who, "speakers": len(speakers[row.who]), "quotes": row.quotes, "words": row.words,
                 "share of words": round(row.share_of_words, 2), "mean sentiment": sentiment[row.who].mean}
                for row in self.voice_share(by="side")]

    def profile(self) -> dict[str, Any]:
        """A few numbers that can be compared across articles of different lengths and different sides.

        * ``quotes_per_100_words``: all quotes found (direct, continuation, reported) per 100 words;
        * ``reported_share``: the share of those quotes that are reported speech, the
          journalist's paraphrase rather than the speaker's own words;
        * ``unattributed``: quotes the rules could give no speaker;
        * ``sides``: how many sides the article has; ``most_quoted_side`` and
          ``most_quoted_side_share``: the side whose speakers have the most quoted
          words in their own words, and its share of all of them; ``no_side_share``:
          the share of quoted words from speakers of no side (or nobody named);
        * ``mean_sentence_sentiment`` and ``mean_quote_sentiment``: mean VADER compound of
          the sentences and of the quotes in the speakers' own words.
        """
        from .sentiment import aggregate, counts_for_speakers

        n = len(self.quotes)
        own_words = [qs.compound for qs in self.sentiment.quotes if counts_for_speakers(qs.quote)]
        shares = self.voice_share(by="side")
        quoted = sum(r.words for r in shares)
        sided = [r for r in shares if r.who != UNKNOWN and r.words]
        top = max(sided, key=lambda r: r.words) if sided else None
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
            "sides": len(self.sides),
            "most_quoted_side": top.who if top else None,
            "most_quoted_side_share": round(top.share_of_words, 2) if top else None,
            "no_side_share": round(shares[-1].words / quoted, 2) if quoted else None,
            "mean_sentence_sentiment": aggregate([s.compound for s in self.sentiment.sentences]).mean,
            "mean_quote_sentiment": aggregate(own_words).mean,
        }


def read_article(article: Article | str | None = None, people: Sequence[Person] | None = None,
                 sides: Sequence[Side | str] | None = None, progress: bool | ProgressBar = False) -> Reading:
    """Run the whole pipeline on an article (or a string; the bundled Oslo article if ``None``).

    ``people`` defaults to the article's own people (the bundled article's
    people file, or the one given to :func:`~casestudy.load_article`); pass a
    list of :class:`~casestudy.models.Person` to give your article's speakers
    aliases, genders or sides.  ``sides`` defaults to the article's declared
    sides, else the people's sides in order of first appearance.  Each quote's
    side is its speaker's side in ``people`` (see :func:`label_sides`).

    ``progress=True`` shows a progress bar on standard error while a long text
    (see :data:`casestudy.progress.LONG_TEXT`) is read, and later while its
    sentences are scored; a tqdm-like class (``tqdm.notebook.tqdm``) shows that
    bar instead.  Short texts never show one.
    """
    from .quotes import as_people, find_quotes

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
        chosen = check_sides(sides)
    bar = wanted(progress, len(article.raw))
    with Progress(["cleaning", "finding quotes"], bar is not None, _name(article), bar) as steps:
        with steps.stage("cleaning"):
            cleaned = clean(article)
        with steps.stage("finding quotes"):
            quotes = find_quotes(cleaned.text, people=people)
    return Reading(article, cleaned, label_sides(quotes, people), people, chosen, progress=bar)


PROFILE_LABELS = {
    "words": "words in the body",
    "sentences": "sentences",
    "quotes": "quotes found (all kinds)",
    "reported": "... of which reported speech",
    "quotes_per_100_words": "quotes per 100 words",
    "reported_share": "share of quotes that are reported",
    "unattributed": "quotes without a speaker",
    "speakers": "different speakers",
    "sides": "sides",
    "most_quoted_side": "most quoted of the sides (own words; unknown is no side)",
    "most_quoted_side_share": "... its share of quoted words",
    "no_side_share": "share of quoted words from no side (unknown)",
    "mean_sentence_sentiment": "mean sentiment of sentences",
    "mean_quote_sentiment": "mean sentiment of quotes (own words)",
}
"""The rows :func:`compare` shows, with a label a reader understands."""


def compare(readings: Mapping[str, Reading]) -> list[dict[str, Any]]:
    """One row per measure, one column per article: the table that sets articles side by side.

    Articles with different sides compare through measures any set of sides
    has (how many, the most quoted side's share, the share from no side);
    :func:`compare_sides` lists every side of every article.

    >>> rows = compare({"a": read_article('"We won the vote today," Ann Lee said.')})
    >>> rows[0]
    {'measure': 'words in the body', 'a': 8}
    """
    profiles = {name: r.profile() for name, r in readings.items()}
    return [{"measure": label, **{name: p[key] for name, p in profiles.items()}}
            for key, label in PROFILE_LABELS.items()]


def compare_sides(readings: Mapping[str, Reading]) -> list[dict[str, Any]]:
    """One row per side of each article (its :meth:`Reading.side_table`), with the article's name first.

    >>> rows = compare_sides({"a": read_article('"We won," Ann Lee said.', people=[Person("Ann Lee", side="UK")])})
    >>> [(r["article"], r["side"], r["quotes"]) for r in rows]
    [('a', 'UK', 1), ('a', 'unknown', 0)]
    """
    return [{"article": name, **row} for name, reading in readings.items() for row in reading.side_table()]


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

    Each claim cites the quote it came from, with the quote's words kept in
    the map (the editor's table, the saved file and the exports show them), so
    the evidence is right from the start.  The claim text is only the speaker's
    name and the quote's opening words, with the note
    :data:`~casestudy.argmap.REWRITE_NOTE`: the student replaces it with the
    claim in their own words (the note then goes) and adds relations
    (``supports``/``objects``).  The map's sides are the article's
    (``reading.sides``, in order, with their colours); a quote's side becomes
    the claim's side when it is one of them, else ``neither``.
    """
    from .argmap import REWRITE_NOTE, ArgumentMap

    amap = ArgumentMap(title=title or f"Starter map: {reading.clean.title or reading.article.source}",
                       sides=reading.sides)
    evidence = {e.id: e for e in reading.evidence}
    taken: dict[str, int] = {}
    for q in reading.quotes:
        if not q.speaker or q.kind == "continuation" or taken.get(q.speaker, 0) >= per_speaker:
            continue
        taken[q.speaker] = taken.get(q.speaker, 0) + 1
        words = q.content.split()
        gist = " ".join(words[:12]) + (" ..." if len(words) > 12 else "")
        amap.add_claim(f"{q.speaker}: {gist}", side=q.side if q.side in amap.side_names() else NEITHER,
                       evidence=[evidence.get(q.id, q.id)], note=REWRITE_NOTE)
    return amap
