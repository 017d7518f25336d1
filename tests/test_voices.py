"""Whose voice each sentence is in, the reporter's words, the days named, and VADER by voice."""

from __future__ import annotations

import pytest

from casestudy.models import Quote
from casestudy.pipeline import practice_article, read_article
from casestudy.sentiment.voice import by_voice
from casestudy.text.tokens import Sentence
from casestudy.text.voices import (
    DIRECT, NARRATION, REPORTED, VOICES, WORDS_OF_DOUBT, days_named, reporter_uses, reporter_words, sentence_voices,
)

OSLO = read_article()
PRACTICE = read_article(practice_article())


@pytest.mark.parametrize("reading", [OSLO, PRACTICE], ids=["oslo", "practice"])
def test_every_sentence_has_one_voice_and_shares_that_add_up(reading) -> None:
    """One voice per sentence, numbered from 1 in order; the shares of the three voices add up to 1."""
    voices = sentence_voices(reading.clean.text, reading.clean.sentences, reading.quotes)
    assert [v.number for v in voices] == list(range(1, len(reading.clean.sentences) + 1))
    assert all(v.voice in VOICES and abs(sum(v.shares.values()) - 1) < 0.001 for v in voices)
    assert all(v.shares[v.voice] == max(v.shares.values()) for v in voices)


def test_the_oslo_report_has_all_three_voices() -> None:
    """The Oslo report opens in narration, quotes Baluyevsky directly, paraphrases Lavrov."""
    voices = sentence_voices(OSLO.clean.text, OSLO.clean.sentences, OSLO.quotes)
    by_start = {v.sentence.text[:30]: v for v in voices}
    assert voices[0].voice == NARRATION
    assert next(v for k, v in by_start.items() if k.startswith('"The real goal')).voice == DIRECT
    lavrov = next(v for k, v in by_start.items() if k.startswith("At a Tuesday news conference"))
    assert lavrov.voice == REPORTED and lavrov.speakers == ("Sergei Lavrov",)


def test_a_short_frame_can_outweigh_a_short_quote() -> None:
    """Voices are weighed by letters: '"No," said the Secretary of State' is narration, with its direct share shown."""
    text = '"No," said the Secretary of State.'
    voices = sentence_voices(text, [Sentence(0, len(text), text)], [Quote(0, 5, '"No,"', "No,", "X", "direct", "r")])
    assert voices[0].voice == NARRATION and 0 < voices[0].shares[DIRECT] < 0.2


def test_reporter_words_leave_out_direct_quotes_only() -> None:
    """The reporter's words include narration and paraphrase, never the words inside a direct quote."""
    words = reporter_words(OSLO.clean.text, OSLO.quotes)
    assert "blasting" in words and "apparently" in words and "resistance" in words
    assert "playground" not in words and "games" not in words
    assert len(words) < OSLO.words


def test_words_of_doubt_in_the_reporters_words() -> None:
    """The Oslo report's one word of doubt is 'apparently', in sentence 5; a quoted one would not count."""
    assert reporter_uses(OSLO.clean.text, OSLO.clean.sentences, OSLO.quotes) == [(5, "apparently")]
    text = '"It is an alleged plan," he said.'
    quote = Quote(0, 24, '"It is an alleged plan,"', "It is an alleged plan,", "X", "direct", "r")
    assert reporter_uses(text, [Sentence(0, len(text), text)], [quote], WORDS_OF_DOUBT) == []


def test_days_named_before_each_quote() -> None:
    """Lavrov's and Baluyevsky's words follow 'Tuesday', Rice's follow 'Thursday'."""
    days = {(d.quote.speaker, d.day) for d in days_named(OSLO.clean.text, OSLO.quotes)}
    assert ("Sergei Lavrov", "Tuesday") in days and ("Condoleezza Rice", "Thursday") in days
    assert ("Yury Baluyevsky", "Tuesday") in days
    assert not any(d.day == "Thursday" for d in days_named(OSLO.clean.text, OSLO.quotes)
                   if d.quote.speaker == "Sergei Lavrov")


def test_no_day_named_gives_none() -> None:
    """A text that names no weekday gives no day, not a guess."""
    quote = Quote(0, 6, '"Yes,"', "Yes,", "Ann", "direct", "r")
    assert [d.day for d in days_named('"Yes," Ann said.', [quote])] == [None]


def test_by_voice_groups_the_figures_scores() -> None:
    """VADER by voice uses each sentence's own compound score; the counts add up to the sentences."""
    voices = sentence_voices(OSLO.clean.text, OSLO.clean.sentences, OSLO.quotes)
    groups = by_voice(OSLO.sentiment.sentences, voices)
    assert sum(a.n for a in groups.values()) == len(OSLO.clean.sentences)
    with pytest.raises(ValueError, match="for the same sentences"):
        by_voice(OSLO.sentiment.sentences[:3], voices)
