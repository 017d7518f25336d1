"""Taking a VADER score apart: which words the lexicon knows, and each rule that changed them.

:func:`explain` replays VADER's rules word by word and gives the same compound score as
NLTK's ``polarity_scores``.
"""

from __future__ import annotations

import html
import math
import re
from dataclasses import dataclass, field
from typing import Any

from .vader import (ALPHA, BUT_AFTER, BUT_BEFORE, EXCLAMATION_WEIGHT, QUESTION_WEIGHT, SentimentScore, analyzer,
                    checked_text, label_for)



@dataclass(frozen=True)
class Step:
    """One rule that changed a word's valence: from ``before`` to ``after``, because of ``trigger``."""

    rule: str
    trigger: str
    before: float
    after: float
    note: str = ""

    @property
    def change(self) -> float:
        return self.after - self.before


@dataclass(frozen=True)
class WordValence:
    """One token as VADER sees it, with its valence from the lexicon and after the rules.

    ``start``/``end`` are offsets of the token in the explained text.
    ``lexicon_valence`` is ``None`` when the word is not in the lexicon; such
    a word still counts for the ``neu`` share but adds nothing to ``compound``.
    """

    index: int
    word: str
    start: int
    end: int
    lexicon_valence: float | None
    valence: float
    steps: tuple[Step, ...] = ()

    @property
    def matched(self) -> bool:
        """True when the word is in the lexicon."""
        return self.lexicon_valence is not None


@dataclass(frozen=True)
class Explanation:
    """A VADER score taken apart: the rows add up to ``word_sum``; with punctuation, to ``raw_sum``.

    ``compound == round(raw_sum / sqrt(raw_sum**2 + 15), 4)`` and all four
    numbers equal NLTK's ``polarity_scores`` for the same text.
    """

    text: str
    rows: tuple[WordValence, ...]
    word_sum: float
    punctuation: float
    raw_sum: float
    compound: float
    pos: float
    neu: float
    neg: float
    notes: tuple[str, ...] = field(default=())

    def __repr__(self) -> str:  # the rows are long: show the readable summary instead
        return f"<Explanation\n{self.summary()}\n>"

    @property
    def matched(self) -> list[WordValence]:
        """Only the words found in the lexicon."""
        return [r for r in self.rows if r.matched]

    @property
    def score(self) -> SentimentScore:
        return SentimentScore(self.text, self.compound, self.pos, self.neu, self.neg)

    def table(self) -> list[dict[str, Any]]:
        """One row per word that the lexicon knows or a rule touched, ready for printing or a DataFrame.

        >>> explain("Not bad!").table()[0]
        {'word': 'bad', 'lexicon': -2.5, 'rules': "negation ('Not'): -2.5 -> 1.85", 'valence': 1.85}
        """
        rows = []
        for r in self.rows:
            if not r.matched and not r.steps:
                continue
            rules = "; ".join(f"{s.rule} ({s.trigger!r}): {s.before:.3g} -> {s.after:.3g}" for s in r.steps)
            rows.append({"word": r.word, "lexicon": r.lexicon_valence, "rules": rules,
                         "valence": round(r.valence, 4)})
        return rows

    def summary(self) -> str:
        """Plain-text version of the table, with the sums and the compound score.

        >>> print(explain("Not bad!").summary())
        Not bad!
          bad          lexicon -2.5  -> 1.85  negation ('Not'): -2.5 -> 1.85
          words +1.85, punctuation +0.292: raw sum +2.142 -> compound +0.4840
        """
        lines = [self.text]
        for row in self.table():
            lex = "?" if row["lexicon"] is None else f"{row['lexicon']:g}"
            lines.append(f"  {row['word']:<12} lexicon {lex:<5} -> {row['valence']:<5g} {row['rules']}".rstrip())
        lines.append(f"  words {self.word_sum:+.4g}, punctuation {self.punctuation:+.4g}: "
                     f"raw sum {self.raw_sum:+.4g} -> compound {self.compound:+.4f}")
        lines.extend(f"  note: {n}" for n in self.notes)
        return "\n".join(lines)

    def table_html(self) -> str:
        """The table as HTML (all text escaped), for a notebook or a widget."""
        head = "<tr><th>word</th><th>lexicon valence</th><th>rules applied</th><th>valence used</th></tr>"
        body = []
        for row in self.table():
            lex = "not in lexicon" if row["lexicon"] is None else f"{row['lexicon']:+.2f}"
            body.append(f"<tr><td>{html.escape(row['word'])}</td><td>{lex}</td>"
                        f"<td>{html.escape(row['rules']) or '&ndash;'}</td><td>{row['valence']:+.3f}</td></tr>")
        if not body:
            body.append('<tr><td colspan="4">no word of this text is in the lexicon</td></tr>')
        foot = (f'<tr><td colspan="3">sum of the words</td><td>{self.word_sum:+.3f}</td></tr>'
                f'<tr><td colspan="3">emphasis from ! and ?</td><td>{self.punctuation:+.3f}</td></tr>'
                f'<tr><td colspan="3">raw sum &rarr; compound = raw / &radic;(raw&sup2; + {ALPHA})</td>'
                f"<td><b>{self.compound:+.4f}</b></td></tr>")
        return f'<table class="casestudy-vader">{head}{"".join(body)}{foot}</table>'

    def highlighted_html(self) -> str:
        """The text with each lexicon word wrapped in a coloured, titled ``<mark>`` (text escaped).

        Positive words are underlined solid, negative ones dashed, so colour is not the only signal.

        >>> explain("Not bad & sad").highlighted_html()  # doctest: +ELLIPSIS
        '<span class="casestudy-vader-text">Not <mark ...>bad</mark> &amp; <mark ...>sad</mark></span>'
        """
        from ..palette import OKABE_ITO

        parts, pos = [], 0
        for r in self.rows:
            if not r.matched:
                continue
            parts.append(html.escape(self.text[pos:r.start]))
            positive = r.valence >= 0
            colour = OKABE_ITO["sky_blue"] if positive else OKABE_ITO["orange"]
            line = "solid" if positive else "dashed"
            title = f"lexicon {r.lexicon_valence:+g}, used {r.valence:+.3f}"
            if r.steps:
                title += ": " + "; ".join(f"{s.rule} ({s.trigger})" for s in r.steps)
            parts.append(f'<mark style="background:{colour}40;border-bottom:2px {line} {colour}" '
                         f'title="{html.escape(title)}">{html.escape(self.text[r.start:r.end])}</mark>')
            pos = r.end
        parts.append(html.escape(self.text[pos:]))
        return f'<span class="casestudy-vader-text">{"".join(parts)}</span>'

    def _repr_html_(self) -> str:
        return f"<p>{self.highlighted_html()}</p>{self.table_html()}"


def vader_tokens(text: str) -> list[tuple[str, int, int]]:
    """The tokens VADER scores, with their offsets in ``text``.

    VADER splits on white space, drops one-character tokens, and strips ONE
    punctuation mark from the start or end of a word: ``games.`` becomes
    ``games``, but ``play."`` (full stop plus closing quotation mark) stays as
    it is and so is not found in the lexicon.  This is NLTK's own ``SentiText``.

    >>> vader_tokens('"We do not want to play." I said')
    [('We', 1, 3), ('do', 4, 6), ('not', 7, 10), ('want', 11, 15), ('to', 16, 18), ('play."', 19, 25), ('said', 28, 32)]
    """
    from nltk.sentiment.vader import SentiText

    constants = analyzer().constants
    words = SentiText(text, constants.PUNC_LIST, constants.REGEX_REMOVE_PUNCTUATION).words_and_emoticons
    chunks = [m for m in re.finditer(r"\S+", text) if len(m.group()) > 1]
    out = []
    for word, m in zip(words, chunks):  # SentiText keeps one token per chunk, in order
        at = m.group().find(word)
        start = m.start() + max(at, 0)
        out.append((word, start, start + len(word)))
    return out


def _word_steps(words: list[str], i: int, lexicon: dict[str, float], c: Any,
                is_cap_diff: bool) -> tuple[float, list[Step]]:
    """The valence of ``words[i]`` (a lexicon word) after VADER's rules, step by step.

    Mirrors ``SentimentIntensityAnalyzer.sentiment_valence`` in NLTK 3.10, rule for rule.
    """
    steps: list[Step] = []
    item = words[i]
    valence = lexicon[item.lower()]

    def apply(rule: str, trigger: str, new: float, note: str = "") -> None:
        nonlocal valence
        if new != valence:
            steps.append(Step(rule, trigger, valence, new, note))
            valence = new

    if item.isupper() and is_cap_diff:
        apply("ALL CAPS", item, valence + c.C_INCR if valence > 0 else valence - c.C_INCR,
              "a word in capitals among lower-case words is stronger")

    for distance in range(3):  # look at up to three words before
        if i > distance and words[i - (distance + 1)].lower() not in lexicon:
            before = words[i - (distance + 1)]
            s = c.scalar_inc_dec(before, valence, is_cap_diff)
            if s:
                s *= (1.0, 0.95, 0.9)[distance]  # farther boosters count less
                kind = "booster" if (c.BOOSTER_DICT[before.lower()] > 0) else "dampener"
                apply(kind, before, valence + s, f"{distance + 1} word(s) before")
            # negation and "never so/this" (NLTK's _never_check)
            if distance == 0:
                if c.negated([words[i - 1]]):
                    apply("negation", words[i - 1], valence * c.N_SCALAR, "flips the sign and shrinks the valence")
            elif distance == 1:
                if words[i - 2] == "never" and words[i - 1] in ("so", "this"):
                    apply("never so/this", f"{words[i - 2]} {words[i - 1]}", valence * 1.5)
                elif c.negated([words[i - 2]]):
                    apply("negation", words[i - 2], valence * c.N_SCALAR, "flips the sign and shrinks the valence")
            else:
                if (words[i - 3] == "never" and words[i - 2] in ("so", "this")) or words[i - 1] in ("so", "this"):
                    trigger = words[i - 1] if words[i - 1] in ("so", "this") else f"{words[i - 3]} {words[i - 2]}"
                    apply("so/this emphasis", trigger, valence * 1.25)
                elif c.negated([words[i - 3]]):
                    apply("negation", words[i - 3], valence * c.N_SCALAR, "flips the sign and shrinks the valence")
                valence_idiom = _idiom_valence(words, i, valence, c)
                if valence_idiom is not None:
                    apply(*valence_idiom)

    # "least" (NLTK's _least_check)
    if i > 1 and words[i - 1].lower() not in lexicon and words[i - 1].lower() == "least":
        if words[i - 2].lower() not in ("at", "very"):
            apply("negation", "least", valence * c.N_SCALAR)
    elif i > 0 and words[i - 1].lower() not in lexicon and words[i - 1].lower() == "least":
        apply("negation", "least", valence * c.N_SCALAR)
    return valence, steps


def _idiom_valence(words: list[str], i: int, valence: float, c: Any) -> tuple[str, str, float] | None:
    """NLTK's ``_idioms_check``: a few idioms replace the valence; "kind of"/"sort of" dampen it."""
    w = words
    sequences = [f"{w[i - 1]} {w[i]}", f"{w[i - 2]} {w[i - 1]} {w[i]}", f"{w[i - 2]} {w[i - 1]}",
                 f"{w[i - 3]} {w[i - 2]} {w[i - 1]}", f"{w[i - 3]} {w[i - 2]}"]
    new, trigger = valence, ""
    for seq in sequences:
        if seq in c.SPECIAL_CASE_IDIOMS:
            new, trigger = c.SPECIAL_CASE_IDIOMS[seq], seq
            break
    if len(w) - 1 > i and f"{w[i]} {w[i + 1]}" in c.SPECIAL_CASE_IDIOMS:
        trigger = f"{w[i]} {w[i + 1]}"
        new = c.SPECIAL_CASE_IDIOMS[trigger]
    if len(w) - 1 > i + 1 and f"{w[i]} {w[i + 1]} {w[i + 2]}" in c.SPECIAL_CASE_IDIOMS:
        trigger = f"{w[i]} {w[i + 1]} {w[i + 2]}"
        new = c.SPECIAL_CASE_IDIOMS[trigger]
    rule = "idiom"
    for pair in (f"{w[i - 3]} {w[i - 2]}", f"{w[i - 2]} {w[i - 1]}"):
        if pair in c.BOOSTER_DICT:
            new, trigger, rule = new + c.B_DECR, (f"{trigger}, " if trigger else "") + pair, "dampener"
            break
    return (rule, trigger, new) if new != valence else None


def punctuation_emphasis(text: str) -> float:
    """What "!" and "?" add to the size of the raw sum (NLTK's ``_punctuation_emphasis``).

    >>> punctuation_emphasis("Great!!"), punctuation_emphasis("Really??"), punctuation_emphasis("Why?")
    (0.584, 0.36, 0.0)
    """
    ep = min(text.count("!"), 4) * EXCLAMATION_WEIGHT
    qm_count = text.count("?")
    qm = 0 if qm_count <= 1 else (qm_count * QUESTION_WEIGHT if qm_count <= 3 else 0.96)
    return ep + qm


def explain(text: str) -> Explanation:
    """Take VADER's score of ``text`` apart, word by word and rule by rule.

    The rules are NLTK's (``nltk.sentiment.vader``, with its named constants
    ``B_INCR``, ``C_INCR``, ``N_SCALAR``), replayed here so that every change
    is recorded; a test checks that the numbers equal NLTK's ``polarity_scores``.

    >>> from casestudy.sentiment import score
    >>> e = explain("The food is good, but the service is VERY bad!")
    >>> [(r.word, round(r.valence, 3), [s.rule for s in r.steps]) for r in e.matched]
    [('good', 0.95, ['but']), ('bad', -5.289, ['booster', 'but'])]
    >>> e.compound == score("The food is good, but the service is VERY bad!").compound
    True
    """
    from nltk.sentiment.vader import SentiText

    text = checked_text(text, "explain")
    sia = analyzer()
    c, lexicon = sia.constants, sia.lexicon
    sentitext = SentiText(text, c.PUNC_LIST, c.REGEX_REMOVE_PUNCTUATION)
    words = sentitext.words_and_emoticons
    is_cap_diff = sentitext.is_cap_diff
    spans = vader_tokens(text)
    notes: list[str] = []

    first_index: dict[str, int] = {}
    for idx, token in enumerate(words):
        first_index.setdefault(token, idx)

    valences: list[float] = []
    steps: list[list[Step]] = []
    lexicon_valences: list[float | None] = []
    for j, item in enumerate(words):
        i = first_index[item]  # NLTK looks up each word's context at its FIRST occurrence
        is_kind_of = i < len(words) - 1 and item.lower() == "kind" and words[i + 1].lower() == "of"
        in_lexicon = item.lower() in lexicon and item.lower() not in c.BOOSTER_DICT
        lexicon_valences.append(lexicon[item.lower()] if in_lexicon and not (
            j < len(words) - 1 and item.lower() == "kind" and words[j + 1].lower() == "of") else None)
        if is_kind_of or not in_lexicon:
            valences.append(0.0)
            skipped = lexicon_valences[-1]
            steps.append([] if skipped is None else [Step(
                "first occurrence", f"{words[i]} {words[i + 1]}", skipped, 0.0,
                "NLTK scores every copy of a word as its first occurrence, here a hedge worth 0")])
            if skipped is not None:
                notes.append(f"{item!r} appears more than once: NLTK applies the rules of its first occurrence to each copy")
            continue
        v, s = _word_steps(words, i, lexicon, c, is_cap_diff)
        if j != i and s:
            notes.append(f"{item!r} appears more than once: NLTK applies the rules of its first occurrence to each copy")
        valences.append(v)
        steps.append(list(s))

    lowered = [w.lower() for w in words]
    if "but" in lowered:  # NLTK's _but_check, on the first "but"
        bi = lowered.index("but")
        for k, v in enumerate(valences):
            if k == bi or not v:
                continue
            factor = BUT_BEFORE if k < bi else BUT_AFTER
            steps[k].append(Step("but", words[bi], v, v * factor,
                                 "before 'but' counts half" if k < bi else "after 'but' counts 1.5 times"))
            valences[k] = v * factor

    rows = tuple(WordValence(k, w, spans[k][1], spans[k][2], lexicon_valences[k], valences[k], tuple(steps[k]))
                 for k, w in enumerate(words))

    # NLTK's score_valence
    word_sum = float(sum(valences))
    amp = punctuation_emphasis(text) if words else 0.0
    punctuation = amp if word_sum > 0 else (-amp if word_sum < 0 and amp else 0.0)
    raw_sum = word_sum + punctuation
    if words:
        compound = c.normalize(raw_sum)
        pos_sum = sum(v + 1 for v in valences if v > 0)
        neg_sum = sum(v - 1 for v in valences if v < 0)
        neu_count = sum(1 for v in valences if v == 0)
        if pos_sum > abs(neg_sum):
            pos_sum += amp
        elif pos_sum < abs(neg_sum):
            neg_sum -= amp
        total = pos_sum + abs(neg_sum) + neu_count
        pos, neg, neu = abs(pos_sum / total), abs(neg_sum / total), abs(neu_count / total)
    else:
        compound = pos = neg = neu = 0.0
    return Explanation(text, rows, word_sum, punctuation, raw_sum, round(compound, 4),
                       round(pos, 3), round(neu, 3), round(neg, 3), tuple(dict.fromkeys(notes)))


def normalise(raw_sum: float) -> float:
    """VADER's squashing of a raw sum into -1..+1: ``x / sqrt(x*x + 15)``.

    >>> round(normalise(1.9), 4), round(normalise(-20), 4)
    (0.4404, -0.9818)
    """
    return raw_sum / math.sqrt(raw_sum * raw_sum + ALPHA)
