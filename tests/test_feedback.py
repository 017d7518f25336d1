"""Feedback that is true: for every exercise, typical wrong answers get the verdict and the hint they must get.

Each table row is one answer a student might give: the exercise, the answer, whether the check
must accept it, and words its message must contain. Every exercise has at least three wrong
answers. Then, for each kind of hint a check can give, a *premise* says what must be true of
the answer for that hint to be true (a format hint only for a malformed answer, a gender hint
only when the rules know the person's gender and it is not the pronoun's); every answer of the
tables, and more, is run through the checks and no hint may appear whose premise is false.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest

from casestudy import load_article
from casestudy.argmap import ArgumentMap, find_evidence, reference_map, to_aif
from casestudy.exercises import argmap as ex04
from casestudy.exercises import cleaning as ex01
from casestudy.exercises import quotes as ex02
from casestudy.exercises import sentiment as ex03
from casestudy.exercises import own_article as ex05
from casestudy.exercises import voice as ex03b
from casestudy.models import Person
from casestudy.pipeline import practice_article, read_article
from casestudy.quotes import find_quotes, voice_share
from casestudy.quotes.people import find_people
from casestudy.sentiment import explain, score
from casestudy.text.cleaning import clean_article
from casestudy.text.tokens import split_sentences
from casestudy.widgets import SidesEditor

RAW = load_article().raw
CLEAN = clean_article(load_article())
NAIVE = RAW.split(". ")
READING = read_article()
SAVED = CLEAN.page_timestamp.iso[:10]
REMOVED = sum(len(piece.text) for piece in CLEAN.removed)
BLAKE = 'Senator Mary Blake spoke. "We will fight on," she said.'
PLAYGROUND = "We are against any proposal that turns Europe into a playground for someone."
RESPECTFUL = "With all due respect, we are sincerely against any proposal that turns Europe into a playground for someone."
HAND_RAW, HAND_SCORE = explain(ex03.HAND_SENTENCE).raw_sum, score(ex03.HAND_SENTENCE).compound
OWN, PARAPHRASED = ex03b.own_and_paraphrased_words()
PRACTICE = read_article(practice_article())
REFERENCE = reference_map()
EVIDENCE = READING.evidence
_AIF = to_aif(REFERENCE)["nodes"]
RA, CA = sum(n["type"] == "RA" for n in _AIF), sum(n["type"] == "CA" for n in _AIF)


def goal_map(side: str = "Russia", words: str | None = "Baluyevsky real goal", kind: str | None = None) -> ArgumentMap:
    """Exercise 2 of 04: one claim, on ``side``, citing the quote (or ``kind``) found by ``words`` (or nothing)."""
    amap = ArgumentMap(sides=REFERENCE.sides)
    evidence = [find_evidence(EVIDENCE, words, kind=kind).id] if words else []
    amap.add_claim("The shield is really aimed at Russia's missiles.", side=side, evidence=evidence)
    return amap


def co_map(kind: str = "objects", single: bool = False, bare: bool = False, side: str = "Russia",
           target: str = "offer") -> ArgumentMap:
    """Exercise 3 of 04: Lavrov's two conditions linked to the US offer (or to Moscow's refusal)."""
    amap = ArgumentMap(sides=REFERENCE.sides)

    def cite(words: str, kind_: str | None = None) -> list[str]:
        return [] if bare else [find_evidence(EVIDENCE, words, kind=kind_).id]

    offer = amap.add_claim("The US has offered cooperation.", side="US/NATO", evidence=cite("Rice offered"))
    refusal = amap.add_claim("Moscow has no interest in joining.", side="Russia",
                             evidence=[find_evidence(EVIDENCE, "Lavrov no interest", kind="reported").id])
    start = amap.add_claim("Cooperation must start with a joint threat assessment.", side=side,
                           evidence=cite("Lavrov equal partnership", "reported"))
    lacks = amap.add_claim("The US proposal has no such assessment.", side="Russia",
                           evidence=cite("Lavrov lacks", "reported"))
    amap.add_relation(kind, start.id if single else [start.id, lacks.id], offer.id if target == "offer" else refusal.id)
    return amap
PER_100 = PRACTICE.profile()["quotes_per_100_words"]
KEY = {item["starts"]: item["speaker"] for item in ex05.PUZZLE_KEY}
WRONGLY_GIVEN = next(r.starts for r in ex05.puzzle_results() if not r.speaker_right)
RIGHTLY_GIVEN = next(r.starts for r in ex05.puzzle_results() if r.speaker_right)
MAYOR = KEY[ex05._PRONOUN_QUOTE]
OTHER = next(name for name in KEY.values() if name != MAYOR)
NO_SIDE = next(p.name for p in PRACTICE.people if p.side == "unknown" and p.name in PRACTICE.speakers)
SIDED = next(name for name in PRACTICE.speakers if name != NO_SIDE)
SIDES_EDITOR = SidesEditor()   # notebook 05 has one in its Setup (trial F3: given as the sides by mistake)

CHECKS: dict[str, Callable[..., Any]] = {
    "01.1": ex01.check_removed_characters, "01.2": ex01.check_dates, "01.3": ex01.check_naive_break,
    "01.4": ex01.check_own_dateline,
    "02.1": ex02.check_naive_speakers, "02.2": ex02.check_minister_rule, "02.3": ex02.check_louder_side,
    "02.4": ex02.check_pronoun_sentence, "02.5": ex02.check_scare_quote,
    "03.1": ex03.check_hand_score, "03.2": ex03.check_positive_words, "03.3": ex03.check_misreading,
    "03.4": ex03.check_quote_count,
    "03b.1": ex03b.check_narration_count, "03b.2": ex03b.check_lavrov_words, "03b.3": ex03b.check_lavrov_date,
    "04.1": ex04.check_role, "04.2": ex04.check_real_goal, "04.3": ex04.check_co_premises,
    "04.4": ex04.check_rebuttal_type, "04.5": ex04.check_aif_counts,
    "05.1": ex05.check_quotes_per_100_words, "05.2": ex05.check_wrong_speaker, "05.3": ex05.check_people_fix,
    "05.4": ex05.check_own_side,
}

# (exercise, answer as the check's arguments, accepted?, words the message must contain)
TABLE: list[tuple[str, tuple[Any, ...], bool, str]] = [
    # 01 · 1: characters of the removed pieces
    ("01.1", (REMOVED,), True, f"{REMOVED} characters"),
    ("01.1", (len(CLEAN.removed),), False, "the number of pieces"),
    ("01.1", (len(CLEAN.raw) - len(CLEAN.text),), False, "headline, the dateline and the spaces"),
    ("01.1", (str(REMOVED),), False, "without quotation marks"),
    ("01.1", ([len(p.text) for p in CLEAN.removed],), False, "add them up with sum"),
    ("01.1", (100,), False, "len(piece.text)"),
    # 01 · 2: publication date and page date
    ("01.2", (CLEAN.published, SAVED), True, "almost 12 years"),
    ("01.2", ("2007-04-24", SAVED), False, "publication date is not right"),
    ("01.2", (SAVED, CLEAN.published), False, "wrong way round"),
    ("01.2", ("26 April 2007", SAVED), False, "'YYYY-MM-DD'"),
    ("01.2", (CLEAN.published, "2019-01-24"), False, "page date is not right"),
    ("01.2", (20070426, SAVED), False, "as a string"),
    # 01 · 3: a naive piece cut at an abbreviation
    ("01.3", (NAIVE[16],), True, "holds 3 sentences from 3 paragraphs"),
    ("01.3", (NAIVE[3],), False, "ends at 'U.S', an abbreviation"),
    ("01.3", ("In January, the U.S",), False, "starts in the middle of a sentence"),   # trial F1: a plain ✅ before
    ("01.3", (NAIVE[0],), False, "not the story (page timestamp, site button, the headline"),   # trial F1: furniture
    ("01.3", (NAIVE[5],), False, "runs 2 sentences together, across 2 paragraphs"),   # trial F1: paragraphs joined
    ("01.3", (NAIVE[13],), False, "runs 2 sentences together, across 2 paragraphs"),
    ("01.3", (NAIVE[18],), False, "not the story (comment section footer)"),   # trial F1: only "no abbreviation"
    ("01.3", ("serious international concerns",), False, "starts in the middle of a sentence"),
    ("01.3", ("something I made up entirely",), False, "not one of the pieces"),
    ("01.3", (16,), False, "not its number"),
    # 01 · 4: a dateline of one's own
    ("01.4", ("BERLIN, May 2 (Reuters) - Ministers met again.", "Berlin"), True, "'Berlin'"),
    ("01.4", ("BERLIN, May 2 (Reuters) - Ministers met again.", "BERLIN"), True, "'Berlin'"),
    ("01.4", ("Berlin, May 2 - Ministers met again.", "Berlin"), False, "CAPITALS"),
    ("01.4", ("BERLIN, May 2 (Reuters) - Ministers met again.", "Bonn"), False, "not 'Bonn'"),
    ("01.4", ("Ministers met again in BERLIN on Friday.", "Berlin"), False, "CAPITALS"),
    ("01.4", ("S\u00c3O PAULO, May 2 (Reuters) - Ministers met again.", "S\u00e3o Paulo"), True,   # trial F1: refused
     "'S\u00e3o Paulo'"),
    ("01.4", ("BERLIN, May 2 (Reuters) - ", "Berlin"), False, "now write the story's first sentence"),   # trial F1
    ("01.4", ("BERLIN - Ministers met again.", "Berlin"), False, "give the date ('May 2') or the agency"),
    # 02 · 1: naive speakers right
    ("02.1", (3,), True, "only 3"),
    ("02.1", (9,), False, "how many passages"),
    ("02.1", ("3",), False, "without quotation marks"),
    ("02.1", (0,), False, "whose speaker is the person who really said them"),   # trial F1: no code handed over
    ("02.1", (5,), False, "section 4 lists who said each one"),
    # 02 · 2: the rule after '+'
    ("02.2", ("descriptor",), True, "descriptor"),
    ("02.2", ("cue-after+descriptor",), True, "descriptor"),
    ("02.2", ("cue-after",), False, "part before '+'"),
    ("02.2", ("continuation",), False, ".rule and .explanation"),
    ("02.2", ("pronoun",), False, ".rule and .explanation"),
    # 02 · 3: the side with the most quoted words
    ("02.3", ("US/NATO", 0.56), True, "US/NATO"),
    ("02.3", ("US/NATO", 56), False, "between 0 and 1"),
    ("02.3", ("US/NATO", 0.53), False, "not the table that includes reported speech"),
    ("02.3", ("US/NATO", 0.3), False, "Right side, but not its share"),
    ("02.3", ("Russia", 0.44), False, "not the one with the most"),
    ("02.3", ("US", 0.56), False, "exactly as the table does"),
    ("02.3", ("US/NATO", "0.56"), False, "without quotation marks"),
    # 02 · 4: a pronoun of one's own
    ("02.4", (BLAKE, "Mary Blake"), True, "resolved to 'Mary Blake'"),
    ("02.4", (BLAKE, "Blake"), False, "give the full name"),
    ("02.4", (BLAKE, "Senator Mary Blake"), False, "without the title"),
    ("02.4", (BLAKE.replace("she said", "he said"), "Mary Blake"), False, "as female"),
    ("02.4", ('Mary Blake spoke. "We will fight on," Blake said.', "Mary Blake"), False, "not by a pronoun"),
    ("02.4", ("Mary Blake spoke. We will fight on, she said.", "Mary Blake"), False, "found no quote"),
    ("02.4", (BLAKE, "John Smith"), False, "not 'John Smith'"),
    # 02 · 5: a scare quote the rules leave alone
    ("02.5", ('Critics called the plan a "vanity project" on Friday.',), True, "ignore it"),
    ("02.5", ('"We will win this vote," the senator said.',), False, "took"),
    ("02.5", ("Critics called the plan a vanity project.",), False, "between quotation marks"),
    ("02.5", ("The so-called 'peace plan' failed.",), True, "ignore it"),   # trial F1: single marks were refused
    ("02.5", ('"This plan is a total disaster for everyone involved in it and more."',), False,   # trial F1: "(none)"
     "though they found no speaker for it"),
    ("02.5", ('He said "the plan is a disaster and must be stopped now" to reporters.',), False, "took"),
    # 03 · 1: a compound score by hand
    # 03 · 1: the raw sum and the compound score, by hand (trial F1: the library's score was a plain ✅)
    ("03.1", (HAND_RAW, HAND_SCORE), True, "sees your numbers, not how you got them"),
    ("03.1", (HAND_RAW, HAND_RAW), False, "not yet the score: squash it"),
    ("03.1", (1.9, score("The plan is good.").compound), False, "'good' alone"),
    ("03.1", (HAND_RAW, round(HAND_SCORE, 2)), False, "very close"),
    ("03.1", (HAND_RAW, "0.49"), False, "without quotation marks"),   # trial F1: a string was "Very close"
    ("03.1", (HAND_SCORE, HAND_RAW), False, "wrong way round"),
    ("03.1", (2.5, 2.5 / (2.5 ** 2 + 15) ** 0.5), False, "squashed your raw sum correctly"),
    ("03.1", (0.9, 0.9), False, "booster B_INCR"),
    # 03 · 2: the positive words of Baluyevsky's accusation
    ("03.2", (["protect", "create", "exclusive", "United"],), True, "not one of them is meant kindly"),
    ("03.2", (["protect"],), False, "3 positive word(s) missing"),
    ("03.2", (["protect", "create", "exclusive", "United", "goal"],), False, "not in the lexicon or not positive: goal"),
    ("03.2", ("protect, create",), False, "a list of words"),
    # 03 · 3: Lavrov's complaint, scored positive
    ("03.3", (RESPECTFUL,), True, "complaint is word for word the same"),
    ("03.3", ("against Europe playground good good good",), False, "lacks 'we', 'are', 'any'"),   # trial F1
    ("03.3", ("We are against a great, wonderful proposal that turns Europe into a fun playground.",), False,
     "lacks 'any', 'for', 'someone'"),   # trial F1: it praises the proposal
    ("03.3", (PLAYGROUND + " We hate it but we love peace.",), False, "more than one sentence"),   # trial F1
    ("03.3", ("We are sincerely against any proposal that kindly turns Europe into a playground for someone.",),
     False, "inside or after what he is against"),
    ("03.3", ("I love you.",), False, "lacks 'we', 'are', 'against'"),
    ("03.3", ("We are not against any proposal that turns Europe into a happy playground.",), False,
     "'not' turns the complaint around"),
    ("03.3", ("We love peace, but " + PLAYGROUND[0].lower() + PLAYGROUND[1:],), False, "'but' adds a second statement"),
    ("03.3", (PLAYGROUND,), False, "not yet positive"),
    ("03.3", ("We happily oppose the plan for Europe.",), False, "lacks 'are', 'against'"),
    # 03 · 4: how many quotes Lavrov's mean rests on
    ("03.4", ("Sergei Lavrov", 3), True, "3 quote(s)"),
    ("03.4", ("Sergei Lavrov", 6), False, "reported speech too"),
    ("03.4", ("Lavrov", 3), False, "full name"),
    ("03.4", ("Condoleezza Rice", 5), False, "asks about Sergei Lavrov"),
    ("03.4", ("Sergei Lavrov", "3"), False, "without quotation marks"),
    # 03b · 1: sentences of narration
    ("03b.1", (ex03b.narration_count(),), True, "mostly the reporter's"),
    ("03b.1", (len(CLEAN.sentences),), False, "every sentence"),
    ("03b.1", (sum('"' not in s.text for s in CLEAN.sentences),), False, "no quotation mark"),
    ("03b.1", ("6",), False, "without quotation marks"),
    ("03b.1", (0,), False, "voice is 'narration'"),
    # 03b · 2: Lavrov's own and paraphrased words
    ("03b.2", (OWN, PARAPHRASED), True, "in the reporter's words"),
    ("03b.2", (PARAPHRASED, OWN), False, "wrong way round"),   # trial F1: 51, 50 was a ✅
    ("03b.2", (3, 3), False, "numbers of quotes"),
    ("03b.2", (OWN, 10), False, "paraphrased count"),
    ("03b.2", (OWN + PARAPHRASED, 0), False, "own and the paraphrased count"),
    ("03b.2", (str(OWN), str(PARAPHRASED)), False, "without quotation marks"),
    # 03b · 3: the day Lavrov spoke
    ("03b.3", ("2007-04-24",), True, "montage"),
    ("03b.3", ("2007-04-26",), False, "is the dateline"),
    ("03b.3", ("Tuesday",), False, "turn it into a date"),
    ("03b.3", ("24 April 2007",), False, "'YYYY-MM-DD'"),
    ("03b.3", ("2007-04-23",), False, "count back"),
    ("03b.3", ("2007-02-30",), False, "not a date of the calendar"),
    # 04 · 1: the role of c4 in the bike-shed map
    ("04.1", ("rebuttal",), True, "c4 is a rebuttal"),
    ("04.1", ("Rebuttal ",), True, "c4 is a rebuttal"),
    ("04.1", ("objection",), False, "it attacks an objection"),
    ("04.1", ("reason",), False, "Follow the arrow"),
    ("04.1", ("contention",), False, "Follow the arrow"),
    ("04.1", ("a rebuttal",), True, "c4 is a rebuttal"),          # trial F2: an article before the word
    ("04.1", ("It is a rebuttal.",), True, "c4 is a rebuttal"),
    ("04.1", ("an objection",), False, "it attacks an objection"),
    # 04 · 2: a claim citing Baluyevsky's "real goal"
    ("04.2", (goal_map(),), True, "whatever words you chose"),
    ("04.2", (goal_map(side="US/NATO"),), False, "wrong side"),
    ("04.2", (goal_map(words=None),), False, "cites no evidence yet"),
    ("04.2", (goal_map(words="playground"),), False, "cites other words"),
    ("04.2", (goal_map(kind="sentence"),), True, "whatever words you chose"),   # trial F2: the quote's sentence
    ("04.2", (goal_map(words="general warned monitor", kind="sentence"),), False, "cites other words"),
    ("04.2", ("my map",), False, "the map itself"),
    # 04 · 3: Lavrov's conditions as co-premises (the reference's reading, or its listed alternative)
    ("04.3", (co_map(),), True, "as the reference reads Lavrov"),
    ("04.3", (co_map(kind="supports", target="refusal"),), True, "A defensible reading"),
    ("04.3", (co_map(single=True),), False, "one of Lavrov's conditions alone"),
    ("04.3", (co_map(bare=True),), False, "cite no evidence yet"),
    ("04.3", (co_map(kind="supports"),), False, "the arrow's kind"),
    ("04.3", (co_map(side="US/NATO"),), False, "who says it?"),
    # 04 · 4: how Rice's "continue to talk" bears on Lavrov's complaint (two readings accepted)
    ("04.4", ("rebuts",), True, "Luxembourg on Tuesday"),
    ("04.4", ("objects",), True, "A defensible answer"),
    ("04.4", ("supports",), False, "more believable, or answer it"),
    ("04.4", ("rebuttal",), False, "names a role"),
    ("04.4", ("disagrees",), False, "one of the three relation types"),
    ("04.4", ("a rebuttal",), False, "names a role"),
    ("04.4", ("Rebuts.",), True, "Luxembourg on Tuesday"),
    # 04 · 5: RA and CA nodes of the reference's AIF export
    ("04.5", (RA, CA), True, f"{RA} RA and {CA} CA nodes"),
    ("04.5", (CA, RA), False, "swapped"),
    ("04.5", (RA + CA, 0), False, "Count the nodes"),
    ("04.5", (str(RA), str(CA)), False, "as numbers"),
    ("04.1", ("rebuts",), False, "link"),
    # 05 · 1: quotes per 100 words of the practice article
    ("05.1", (PER_100,), True, f"{PER_100} quotes per 100 words"),
    ("05.1", (PER_100 / 100,), False, "quotes per word"),
    ("05.1", (len(PRACTICE.quotes),), False, "the number of quotes"),
    ("05.1", (READING.profile()["quotes_per_100_words"],), False, "Oslo article's rate"),
    ("05.1", (str(PER_100),), False, "without quotation marks"),
    ("05.1", (99.0,), False, "len(practice.quotes)"),
    # 05 · 2: a quote of the puzzle the rules got wrong
    ("05.2", (WRONGLY_GIVEN[:30],), True, "but the rules"),
    ("05.2", (RIGHTLY_GIVEN[:30],), False, "got that one right"),
    ("05.2", ("The harbour will close",), False, "does not start any quote"),
    ("05.2", ("We",), False, "first few words"),
    # 05 · 3: the people the rules need
    ("05.3", ([Person(OTHER, gender="male")],), True, f"{OTHER} as male"),
    ("05.3", ([Person(MAYOR, gender="female")],), False, "rule that person out"),
    ("05.3", ([Person(MAYOR)],), False, "gives nobody's gender"),
    ("05.3", ([Person(OTHER, gender="female")],), False, "rule that person out"),
    ("05.3", ([Person(MAYOR, gender="woman")],), False, "not 'woman'"),
    ("05.3", (MAYOR,), False, "list of Person"),
    # 05 · 4: a side of her own for the speaker of no side (the sides and the speakers to move, as assign_sides takes them)
    ("05.4", ([*PRACTICE.side_names, "Scientists"], {NO_SIDE: "Scientists"}), True,
     "share of quoted words from no side falls"),
    ("05.4", (PRACTICE.assign_sides([*PRACTICE.side_names, "Scientists"], {NO_SIDE: "Scientists"}),), True,
     "share of quoted words from no side falls"),
    ("05.4", ([*PRACTICE.side_names, "Scientists"], {}), False, "nobody"),
    ("05.4", (["Scientists", *PRACTICE.side_names], {NO_SIDE: "Scientists"}), False, "in their order"),
    ("05.4", ([*PRACTICE.side_names, "Scientists"], {NO_SIDE: "Scientists", SIDED: "Scientists"}), False, "and only"),
    ("05.4", ("Scientists", {NO_SIDE: "Scientists"}), False, "list of names"),
    # (trial F3) the notebook's sides editor given as the sides, and "Scientists" left out of the sides
    ("05.4", (SIDES_EDITOR, {NO_SIDE: "Scientists"}), False, "the sides editor, a widget"),
    ("05.4", (list(PRACTICE.side_names), {NO_SIDE: "Scientists"}), False, "'Scientists' is not in new_sides yet"),
    ("05.4", ([*PRACTICE.side_names, "Scientists"], {NO_SIDE.split()[0]: "Scientists"}), False,
     "not one of the speakers the rules found"),
    ("05.4", ([*PRACTICE.side_names, "Scientists"], [NO_SIDE]), False, "dict of who moves"),
    ("05.4", ([*PRACTICE.side_names, "Scientists", "scientists"], {NO_SIDE: "Scientists"}), False, "listed twice"),
    ("05.4", (list(PRACTICE.side_names), {NO_SIDE: "unknown"}), False, "add exactly one more"),
]


@pytest.mark.parametrize("exercise, answer, accepted, words", TABLE,
                         ids=[f"{row[0]}-{k}" for k, row in enumerate(TABLE)])
def test_wrong_answer_table(exercise: str, answer: tuple[Any, ...], accepted: bool, words: str) -> None:
    """Each answer of the table gets its verdict, and a message that names what is right or wrong about it."""
    result = CHECKS[exercise](*answer)
    assert bool(result) is accepted, result.message
    assert words in result.message, result.message
    assert result.message.startswith("\u2705" if accepted else "\u274c")


def test_every_exercise_has_three_wrong_answers_and_a_right_one() -> None:
    """At least three typical wrong answers per exercise, and the right answer, in the table."""
    wrong = Counter(row[0] for row in TABLE if not row[2])
    right = {row[0] for row in TABLE if row[2]}
    assert all(wrong[e] >= 3 for e in CHECKS), {e: wrong[e] for e in CHECKS if wrong[e] < 3}
    assert right == set(CHECKS)


# --------------------------------------------------------------------------------------------
# No feedback states something false about the answer
# --------------------------------------------------------------------------------------------

_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _number(x: Any) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def _flat(text: str) -> str:
    return " ".join(str(text).split()).rstrip(".")


def _piece(answer: str) -> ex01.NaivePiece:
    """The naive piece a pasted answer names (the whole piece, or its printed tail)."""
    given = _flat(answer)
    pieces = ex01.naive_pieces()
    return next((p for p in pieces if _flat(p.text) == given),
                next(p for p in pieces if _flat(p.text).endswith(given)))


_words = ex03._words
COMPLAINT = ex03.complaint()


def _pronoun_gender_clash(text: str, speaker: str) -> bool:
    """The rules know the named person's gender and it is not the gender of the pronoun that introduces the quote."""
    quote = [q for q in find_quotes(text) if q.kind != "reported"][-1]
    wanted = "female" if (quote.mention or "").lower() in ("she", "her") else "male"
    person = next(p for p in find_people(text).people if speaker.endswith(p.name) or p.name.endswith(speaker))
    return person.gender not in (wanted, "unknown")


_GOAL_QUOTE = find_evidence(EVIDENCE, "Baluyevsky real goal")
_REAL_GOAL = {_GOAL_QUOTE.id, _GOAL_QUOTE.sentence_id}
"""The general's 'real goal' quote and the sentence it stands in: citing either is citing his words."""

_US_SHARE = {row.who: row.share_of_words for row in voice_share(READING.quotes, by="side", include_reported=True)}

# For each exercise: (words that mark a hint, the premise that must hold of the answer when it appears)
PREMISES: dict[str, list[tuple[str, Callable[..., bool]]]] = {
    "01.1": [("Give a number", lambda a: isinstance(a, str)),
             ("the number of pieces", lambda a: a == len(CLEAN.removed)),
             ("one number per piece", lambda a: isinstance(a, (list, tuple)))],
    "01.2": [("'YYYY-MM-DD'", lambda p, s: not (_ISO.match(str(p)) and _ISO.match(str(s)))),
             ("wrong way round", lambda p, s: (p, s) == (SAVED, CLEAN.published)),
             ("publication date is not right", lambda p, s: p != CLEAN.published),
             ("page date is not right", lambda p, s: s != SAVED),
             ("as a string", lambda p, s: not (isinstance(p, str) and isinstance(s, str)))],
    "01.3": [("not one of the pieces", lambda a: not any(_flat(p).endswith(_flat(a)) for p in NAIVE)),
             ("abbreviation", lambda a: _piece(a).abbreviation is not None),
             ("starts in the middle of a sentence", lambda a: _piece(a).starts_inside),
             ("sentences together", lambda a: _piece(a).sentences > 1),
             ("not the story", lambda a: bool(_piece(a).page_parts))],
    "01.4": [("CAPITALS", lambda t, p: ex01.parse_dateline(t) is None
              and not t.split(",")[0].split(" - ")[0].strip().isupper()),
             ("now write the story's first sentence", lambda t, p: len(ex01.parse_dateline(t)[1].split()) < 3)],
    "02.1": [("without quotation marks", lambda a: isinstance(a, str))],
    "02.2": [("part before '+'", lambda a: a == "cue-after")],
    "02.3": [("Right side", lambda side, share: side == "US/NATO"),
             ("between 0 and 1: 50%", lambda side, share: _number(share) and share > 1),
             ("includes reported speech", lambda side, share: abs(share - _US_SHARE["US/NATO"]) < 0.02),
             ("without quotation marks", lambda side, share: isinstance(share, str))],
    "02.4": [("gender", lambda t, s: _pronoun_gender_clash(t, s)), ("as female", lambda t, s: _pronoun_gender_clash(t, s)),
             ("without the title", lambda t, s: len(s.split()) > 2),
             ("found no quote", lambda t, s: not [q for q in find_quotes(t) if q.kind != "reported"])],
    "03.1": [("raw sum is right", lambda r, h: _number(r) and abs(r - HAND_RAW) < 0.001),
             ("'good' alone", lambda r, h: _number(r) and abs(r - 1.9) < 0.001),
             ("wrong way round", lambda r, h: _number(r) and _number(h) and abs(r - HAND_SCORE) < 0.001),
             ("without quotation marks", lambda r, h: isinstance(r, str) or isinstance(h, str))],
    "03.3": [("lacks", lambda t: any(_words(t).count(w) < _words(COMPLAINT).count(w) for w in _words(COMPLAINT))),
             ("turns the complaint around", lambda t: any(w in ex03.NEGATIONS for w in _words(t))),
             ("more than one sentence", lambda t: len(split_sentences(t)) > 1)],
    "03.4": [("full name", lambda s, n: s not in READING.sentiment.speakers),
             ("reported speech too", lambda s, n: n == sum(q.speaker == s for q in READING.quotes)),
             ("without quotation marks", lambda s, n: isinstance(n, str))],
    "03b.1": [("without quotation marks", lambda a: isinstance(a, str)),
              ("every sentence", lambda a: a == len(CLEAN.sentences))],
    "03b.2": [("numbers of quotes", lambda o, p: (o, p) == (3, 3)),
              ("without quotation marks", lambda o, p: isinstance(o, str) or isinstance(p, str))],
    "03b.3": [("'YYYY-MM-DD'", lambda a: not _ISO.match(a)), ("is the dateline", lambda a: a == CLEAN.published)],
    "04.2": [("wrong side", lambda m: any(c.side != "Russia" for c in m.claims.values())),
             ("cites other words", lambda m: not {e for c in m.claims.values() for e in c.evidence} & _REAL_GOAL),
             ("cites no evidence yet", lambda m: not any(c.evidence for c in m.claims.values()))],
    "04.3": [("cite no evidence yet", lambda m: any(not c.evidence for c in m.claims.values())),
             ("who says it?", lambda m: any(c.side == "US/NATO" for c in m.claims.values()
                                            if c.text.startswith(("Cooperation must", "The US proposal"))))],
    "04.5": [("swapped", lambda ra, ca: (ra, ca) == (CA, RA)),
             ("as numbers", lambda ra, ca: isinstance(ra, str) or isinstance(ca, str))],
    "05.1": [("without quotation marks", lambda a: not _number(a)),
             ("the number of quotes", lambda a: a == len(PRACTICE.quotes)),
             ("quotes per word", lambda a: _number(a) and abs(a * 100 - PER_100) < 0.1)],
    "05.4": [("is not in new_sides yet", lambda sides, moves=None: any(v not in sides for v in moves.values())),
             ("not one of the speakers the rules found", lambda sides, moves=None: any(
                 n not in PRACTICE.speakers for n in moves)),
             ("in their order", lambda sides, moves=None: list(_sides_of(sides)[:3]) != list(PRACTICE.side_names)),
             ("The three sides are there", lambda sides, moves=None: list(_sides_of(sides)[:3]) == list(PRACTICE.side_names)
              and len(_sides_of(sides)) != 4),
             ("the sides editor", lambda sides, moves=None: isinstance(sides, SidesEditor))],
    "05.3": [("gives nobody's gender", lambda ps: all(p.gender not in ("female", "male") for p in ps)),
             (" as female", lambda ps: any(p.gender == "female" for p in ps)),
             (" as male", lambda ps: any(p.gender == "male" for p in ps))],
}

def _sides_of(answer: Any) -> tuple[str, ...]:
    """The side names of exercise 4's answer: a list of names, or a reading's sides."""
    return tuple(answer.side_names) if hasattr(answer, "side_names") else tuple(answer)


# More answers than the table, to try the premises on: well-formed dates, names, numbers of every kind.
EXTRA: list[tuple[str, tuple[Any, ...]]] = [
    *[("01.2", (p, s)) for p in ("2007-04-26", "2007-04-24", "2019-01-23", "2007-4-26", "April 26")
      for s in ("2019-01-23", "2007-04-26", "2019-1-23", "2018-12-31")],
    *[("01.1", (a,)) for a in (0, 7, 319.0, -1, "seven", (1, 2))],
    *[("01.3", (piece,)) for piece in NAIVE],
    *[("02.3", (side, share)) for side in ("US/NATO", "Russia", "NATO") for share in (0.56, 0.53, 56, 5.6, 0.1)],
    *[("02.4", (text, who)) for text in (BLAKE, BLAKE.replace("she", "he"), BLAKE.replace("Mary", "John"),
                                         'Mr. Tom Hale arrived. "It is done," he said.')
      for who in ("Mary Blake", "Blake", "John Blake", "Tom Hale", "Senator Mary Blake", "Mr. Tom Hale")],
    *[("03.1", (r, v)) for r in (HAND_RAW, 1.9, 0.4927, 2.0) for v in (0.0, 0.44, 0.49, HAND_SCORE, HAND_RAW, 1.9)],
    *[("03.3", (t,)) for t in (RESPECTFUL.replace("sincerely", "never"), "We are no longer against it.",
                                "Sincerely, " + PLAYGROUND, PLAYGROUND + " Thanks!")],
    *[("03.4", (s, n)) for s in ("Sergei Lavrov", "Condoleezza Rice", "Yury Baluyevsky", "Rice") for n in (1, 3, 5, 6, 9)],
    *[("03b.3", (d,)) for d in ("2007-04-22", "2007-04-25", "2007-04-26", "26/04/2007", "Thursday")],
    *[("05.4", (sides, moves)) for sides in ([*PRACTICE.side_names, "Scientists"], ["Scientists"], ["Scientists", "EU"],
                                             list(PRACTICE.side_names), [*PRACTICE.side_names[:2], "Scientists"])
      for moves in ({NO_SIDE: "Scientists"}, {SIDED: "Scientists"}, {"Nobody Here": "Scientists"},
                    {NO_SIDE: "unknown"}, {NO_SIDE.lower(): "Scientists"})],
]


@pytest.mark.parametrize("exercise, answer", [(row[0], row[1]) for row in TABLE] + EXTRA,
                         ids=lambda value: value if isinstance(value, str) else "")
def test_no_hint_is_false_about_the_answer(exercise: str, answer: tuple[Any, ...]) -> None:
    """Every hint a check gives is true of the answer it is given (checked by the hint's premise)."""
    message = CHECKS[exercise](*answer).message
    for marker, premise in PREMISES.get(exercise, []):
        if marker in message:
            assert premise(*answer), f"{exercise} {answer!r}: the hint {marker!r} is not true here: {message}"


def test_checks_never_raise_on_odd_answers() -> None:
    """None, numbers for text, text for numbers, empty lists: every check answers with a verdict, never an error."""
    odd = [None, 0, -1, 1.5, "", "x", [], {}, object(), True]
    for exercise, check in CHECKS.items():
        arity = check.__code__.co_argcount
        for value in odd:
            result = check(*([value] * arity))
            assert isinstance(result.message, str) and result.message


# --------------------------------------------------------------------------------------------
# No hint hands over the solution's code
# --------------------------------------------------------------------------------------------

_CHAPTERS = {"01": "01_cleaning", "02": "02_quote_attribution", "03": "03_sentiment", "03b": "03b_reporters_voice"}


def _solution_calls(chapter: str) -> dict[str, list[str]]:
    """For each exercise of a chapter ("01.3"), the calls of its solution code long enough to be the answer."""
    import ast
    from pathlib import Path

    import nbformat

    from casestudy.exercises.solutions import find_exercises

    path = Path(__file__).resolve().parent.parent / "notebooks" / f"{_CHAPTERS[chapter]}.ipynb"
    out = {}
    for number, exercise in enumerate(find_exercises(nbformat.read(path, as_version=4), path.name), start=1):
        code = exercise.solution
        calls = [ast.get_source_segment(code, node) or "" for node in ast.walk(ast.parse(code))
                 if isinstance(node, ast.Call)]
        out[f"{chapter}.{number}"] = [" ".join(c.split()) for c in calls if len(c) >= 25]
    return out


_SOLUTION_CALLS = {key: calls for chapter in _CHAPTERS for key, calls in _solution_calls(chapter).items()}


@pytest.mark.parametrize("exercise, answer", [(row[0], row[1]) for row in TABLE if not row[2] and row[0] in _SOLUTION_CALLS],
                         ids=lambda value: value if isinstance(value, str) else "")
def test_no_hint_hands_over_the_solution(exercise: str, answer: tuple[Any, ...]) -> None:
    """A hint says where to look or what went wrong; it never spells out the solution's own code (00's promise)."""
    message = CHECKS[exercise](*answer).message.replace("'", '"')
    assert not [call for call in _SOLUTION_CALLS[exercise] if call.replace("'", '"') in message], message
