"""VADER by voice: the reporter's narration next to the speakers' quotes and the reported speech.

Each sentence counts for the voice that fills most of it (see :mod:`casestudy.text.voices`), and
is scored whole, with the same compound score as in the sentence figure of notebook 03, so the
numbers can be checked against that figure.

>>> from casestudy.sentiment.vader import score_sentences
>>> from casestudy.text.tokens import Sentence
>>> from casestudy.text.voices import sentence_voices
>>> text = "The talks failed badly. Ann said that all was really great."
>>> sentences = [Sentence(0, 23, "The talks failed badly."), Sentence(24, 59, "Ann said that all was really great.")]
>>> from casestudy.models import Quote
>>> said = "all was really great."
>>> voices = sentence_voices(text, sentences, [Quote(38, 59, said, said, "Ann", "reported", "r")])
>>> {v: a.describe() for v, a in by_voice(score_sentences(sentences), voices).items()}
{'direct': 'no items', 'reported': 'mean +0.66 (n=1: no spread from a single item)', 'narration': 'mean -0.75 (n=1: no spread from a single item)'}
"""

from __future__ import annotations

from collections.abc import Sequence

from ..text.voices import VOICES, SentenceVoice
from .aggregate import Aggregate, aggregate
from .vader import SentenceScore


def by_voice(scores: Sequence[SentenceScore], voices: Sequence[SentenceVoice]) -> dict[str, Aggregate]:
    """Mean, sd and n of the sentences' compound scores, grouped by each sentence's voice.

    ``scores`` and ``voices`` describe the same sentences in the same order.
    """
    if len(scores) != len(voices):
        raise ValueError(f"{len(scores)} scores for {len(voices)} sentences: give both for the same sentences")
    return {voice: aggregate([s.compound for s, v in zip(scores, voices) if v.voice == voice]) for voice in VOICES}
