"""Whose voice is each sentence in? Direct quote, reported speech, or the reporter's narration.

A news report mixes three voices. **Direct** quotes (and their continuations) are a speaker's
own words between quotation marks; **reported** speech is the reporter's paraphrase of what a
speaker said ("Lavrov said that Moscow had no interest ..."); everything else is the reporter's
**narration**, including the frames around quotes ("..., the Russian minister said").

The attributor (:func:`casestudy.quotes.find_quotes`) already marks each quote's span and kind;
this module only reads those spans. Every character of a sentence belongs to one voice: inside
a direct or continuation quote's span it is *direct*, inside a reported quote's span *reported*,
anywhere else *narration*. A sentence takes the voice that fills most of its letters and digits
(spaces and punctuation do not count), with ties going to narration, then reported.

>>> from casestudy.models import Quote
>>> from casestudy.text.tokens import Sentence
>>> text = 'Ann arrived. "We won," she said. Bob said that they lost.'
>>> quotes = [Quote(13, 22, '"We won,"', "We won,", "Ann", "direct", "cue-after"),
...           Quote(46, 57, "they lost.", "they lost.", "Bob", "reported", "reported")]
>>> sentences = [Sentence(0, 12, "Ann arrived."), Sentence(13, 32, '"We won," she said.'),
...              Sentence(33, 57, "Bob said that they lost.")]
>>> [(v.number, v.voice, v.speakers) for v in sentence_voices(text, sentences, quotes)]
[(1, 'narration', ()), (2, 'narration', ('Ann',)), (3, 'narration', ('Bob',))]
>>> [v.shares["direct"] for v in sentence_voices(text, sentences, quotes)]
[0.0, 0.4167, 0.0]

(A short frame like "she said" can outweigh a short quote: the shares say how much of each.)
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..models import Quote
from .tokens import Sentence

DIRECT, REPORTED, NARRATION = "direct", "reported", "narration"
VOICES = (DIRECT, REPORTED, NARRATION)
"""The three voices, in the order tables show them."""

_KIND_VOICE = {"direct": DIRECT, "continuation": DIRECT, "reported": REPORTED}
_TIE_ORDER = (NARRATION, REPORTED, DIRECT)

WORDS_OF_DOUBT = ("supposed", "supposedly", "apparent", "apparently", "purported", "purportedly",
                  "alleged", "allegedly", "accused", "so-called")
"""Words that cast doubt on what they describe, from Wikipedia's *Manual of Style/Words to watch*,
section "Expressions of doubt" (MOS:DOUBT: supposed, apparent, purported, alleged, accused,
so-called), with the adverbs of the first four added. In a writer's own voice they signal a
judgement ("apparently failed"); a general style guide, not a list made for one article."""

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_WEEKDAY = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\b")
_WORD = re.compile(r"[A-Za-z]+(?:['\u2019][A-Za-z]+)*")


@dataclass(frozen=True)
class SentenceVoice:
    """One sentence, numbered from 1 as in the figures, with its voice and whose words it carries."""

    number: int
    sentence: Sentence
    voice: str
    shares: dict[str, float]
    speakers: tuple[str, ...]

    def describe(self, width: int = 70) -> str:
        """One line: number, voice, shares, speakers, the opening words."""
        shares = ", ".join(f"{v} {self.shares[v]:.0%}" for v in VOICES if self.shares[v])
        who = f" [{', '.join(self.speakers)}]" if self.speakers else ""
        text = self.sentence.text if len(self.sentence.text) <= width else self.sentence.text[: width - 3] + "..."
        return f"{self.number:>2}. {self.voice:<9} ({shares}){who} {text}"


def voice_at(quotes: Iterable[Quote]) -> dict[int, str]:
    """For each character offset inside a quote's span, its voice (direct or reported); others are narration."""
    marks: dict[int, str] = {}
    for quote in quotes:
        voice = _KIND_VOICE.get(quote.kind)
        if voice is None:
            continue
        for i in range(quote.start, quote.end):
            marks.setdefault(i, voice)
    return marks


def sentence_voices(text: str, sentences: Sequence[Sentence], quotes: Sequence[Quote]) -> list[SentenceVoice]:
    """Each sentence's voice (the one that fills most of its letters and digits), shares and speakers.

    ``sentences`` and ``quotes`` must have offsets into the same ``text`` (as a
    :class:`~casestudy.pipeline.Reading`'s ``clean.sentences`` and ``quotes`` do).
    """
    marks = voice_at(quotes)
    out: list[SentenceVoice] = []
    for number, sentence in enumerate(sentences, start=1):
        counts = dict.fromkeys(VOICES, 0)
        for i in range(sentence.start, sentence.end):
            if i < len(text) and text[i].isalnum():
                counts[marks.get(i, NARRATION)] += 1
        total = sum(counts.values())
        shares = {v: round(counts[v] / total, 4) if total else 0.0 for v in VOICES}
        best = max(_TIE_ORDER, key=lambda v: (counts[v], -_TIE_ORDER.index(v)))
        speakers = tuple(dict.fromkeys(
            q.speaker for q in quotes
            if q.speaker and q.kind in _KIND_VOICE and q.start < sentence.end and q.end > sentence.start))
        out.append(SentenceVoice(number, sentence, best, shares, speakers))
    return out


def reporter_words(text: str, quotes: Sequence[Quote], start: int = 0, end: int | None = None) -> list[str]:
    """The words of ``text[start:end]`` that are the reporter's: narration and reported speech, not direct quotes.

    Reported speech counts as the reporter's wording: it is their paraphrase.

    >>> from casestudy.models import Quote
    >>> reporter_words('"Fine," he said grimly.', [Quote(0, 7, '"Fine,"', "Fine,", "X", "direct", "r")])
    ['he', 'said', 'grimly']
    """
    marks = voice_at(quotes)
    stop = len(text) if end is None else end
    return [m.group() for m in _WORD.finditer(text, start, stop) if marks.get(m.start()) != DIRECT]


def reporter_uses(text: str, sentences: Sequence[Sentence], quotes: Sequence[Quote],
                  words: Iterable[str] = WORDS_OF_DOUBT) -> list[tuple[int, str]]:
    """Where the reporter's own words (outside direct quotes) use one of ``words``: (sentence number, word).

    >>> from casestudy.text.tokens import Sentence
    >>> reporter_uses("He apparently left.", [Sentence(0, 19, "He apparently left.")], [])
    [(1, 'apparently')]
    """
    marks = voice_at(quotes)
    pattern = re.compile(r"\b(" + "|".join(re.escape(w) for w in words) + r")\b", re.IGNORECASE)
    found: list[tuple[int, str]] = []
    for number, sentence in enumerate(sentences, start=1):
        for m in pattern.finditer(text, sentence.start, sentence.end):
            if marks.get(m.start()) != DIRECT:
                found.append((number, m.group()))
    return found


@dataclass(frozen=True)
class DayNamed:
    """A quote and the last weekday the text names before it (``None`` when none is named)."""

    quote: Quote
    day: str | None
    where: int | None


def days_named(text: str, quotes: Sequence[Quote]) -> list[DayNamed]:
    """For each quote, the last weekday named before its end ("Tuesday", "Thursday"), outside any direct quote.

    A report usually says once when someone spoke ("At a Tuesday news conference, Lavrov said ...")
    and lets the following quotes inherit it; this rule follows that habit and nothing more. A
    day named inside a direct quote is the speaker's, not the report's, and is skipped.

    >>> from casestudy.models import Quote
    >>> text = 'On Monday Ann spoke. "Yes," she said. Bob said Friday that "no".'
    >>> qs = [Quote(21, 27, '"Yes,"', "Yes,", "Ann", "direct", "r"), Quote(59, 63, '"no"', "no", "Bob", "direct", "r")]
    >>> [(d.quote.speaker, d.day) for d in days_named(text, qs)]
    [('Ann', 'Monday'), ('Bob', 'Friday')]
    """
    marks = voice_at(quotes)
    mentions = [(m.start(), m.group()) for m in _WEEKDAY.finditer(text) if marks.get(m.start()) != DIRECT]
    out: list[DayNamed] = []
    for quote in quotes:
        before = [(pos, day) for pos, day in mentions if pos < quote.end]
        pos, day = before[-1] if before else (None, None)
        out.append(DayNamed(quote, day, pos))
    return out
