"""Grading the attributor: against a hand-written gold annotation, and the naive approach to beat.

* :func:`naive_quotes` - the first idea everybody has, for comparison;
* :func:`evaluate` - precision, recall and speaker accuracy against ``data/gold_quotes.json``
  (or any list of :class:`GoldQuote`);
* :func:`rule_ladder` - switch the rules on one at a time and count what each adds;
* :func:`score_set` - P, R, F1 and speaker accuracy by mention and by name, per house style, on an
  annotated set of articles from other newsrooms (:func:`load_devset`, ``data/devset``).

The gold files are read only here: no rule ever looks at them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..models import Person, Quote
from .attribution import find_quotes
from .rules import RULES


# -- the naive approach the notebook starts from ---------------------------------------------------

_NAIVE = re.compile(r'"([^"]+)"(?:,? (?:said|says) ([A-Z]\w+(?: [A-Z]\w+)*)|,? ([A-Z]\w+(?: [A-Z]\w+)*) (?:said|says))?')


def naive_quotes(text: str) -> list[Quote]:
    """The first idea everybody has: text between two straight quotation marks, speaker = a capitalised name next to "said".

    It misses curly and ``''`` quotes, pronouns ("she said"), descriptors ("the
    Russian minister said"), continuations, and it takes scare quotes for quotes.

    >>> [(q.content, q.speaker) for q in naive_quotes('"We won," said Ann Lee. "Really," she said.')]
    [('We won,', 'Ann Lee'), ('Really,', None)]
    """
    out = []
    for m in _NAIVE.finditer(text):
        name = m.group(2) or m.group(3)
        g = 2 if m.group(2) else 3
        out.append(Quote(start=m.start(), end=m.start(1) + len(m.group(1)) + 1, text=text[m.start():m.start(1) + len(m.group(1)) + 1],
                         content=m.group(1).strip(), speaker=name, kind="direct", rule="naive",
                         cue="said" if name else None, mention_start=m.start(g) if name else None,
                         mention_end=m.end(g) if name else None, mention=name))
    return out


# -- evaluation against a hand-written gold annotation ---------------------------------------------

def share(part: int, whole: int) -> float:
    """``part / whole``, or 0.0 when there is nothing to divide by (no predictions, no gold quotes).

    >>> share(3, 4), share(0, 0)
    (0.75, 0.0)
    """
    return part / whole if whole else 0.0


def harmonic_mean(precision: float, recall: float) -> float:
    """F1: the harmonic mean of precision and recall, low when either is low.

    >>> harmonic_mean(1.0, 0.5)
    0.6666666666666666
    """
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


@dataclass(frozen=True)
class GoldQuote:
    """One quoted passage of a hand-written annotation (``data/gold_quotes.json``, ``data/devset/*.json``).

    ``mention_start``/``mention_end`` are the words that attribute it ("she", "Rice"), when the
    annotation gives them; ``dont_care`` marks a doubtful case that a scorer ignores.
    """

    start: int
    end: int
    text: str
    speaker: str | None
    kind: str = "direct"
    mention_start: int | None = None
    mention_end: int | None = None
    mention: str | None = None
    dont_care: bool = False


@dataclass(frozen=True)
class Evaluation:
    """Precision, recall and speaker accuracy of predicted quotes against gold quotes.

    A prediction *matches* a gold quote when at least half of it lies inside
    that gold quote; a gold quote is *found* when a prediction matches it.
    """

    predicted: int
    gold: int
    correct: int           # predictions that match a gold quote
    found: int             # gold quotes that are matched
    right_speaker: int     # found gold quotes whose best prediction names the right speaker
    missed: tuple[GoldQuote, ...] = ()
    extra: tuple[Quote, ...] = ()
    wrong_speaker: tuple[tuple[GoldQuote, Quote], ...] = ()

    @property
    def precision(self) -> float:
        return share(self.correct, self.predicted)

    @property
    def recall(self) -> float:
        return share(self.found, self.gold)

    @property
    def f1(self) -> float:
        return harmonic_mean(self.precision, self.recall)

    @property
    def speaker_accuracy(self) -> float:
        return share(self.right_speaker, self.found)

    def summary(self) -> str:
        return (f"precision {self.precision:.2f}, recall {self.recall:.2f}, F1 {self.f1:.2f}, "
                f"speaker accuracy {self.speaker_accuracy:.2f} ({self.right_speaker} of {self.found} found quotes)")


def load_gold_quotes(path: str | None = None) -> tuple[GoldQuote, ...]:
    """The hand-written gold quotes of the bundled article (for evaluation and self-checks only).

    >>> gold = load_gold_quotes()
    >>> len(gold), gold[0].speaker
    (9, 'Yury Baluyevsky')
    """
    from ..text.loading import data_path, read_json

    raw = read_json(path or data_path("gold_quotes.json"))
    try:
        return tuple(GoldQuote(g["start"], g["end"], g["text"], g["speaker"], g["kind"]) for g in raw["quotes"])
    except (KeyError, TypeError):
        raise InputError(f"{path or 'gold_quotes.json'} is not a gold file: it needs a list 'quotes' of "
                         "objects with start, end, text, speaker and kind") from None


def _overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


def evaluate(quotes: Sequence[Quote], gold: Sequence[GoldQuote] | None = None) -> Evaluation:
    """Compare quoted passages (reported speech is left out) with the gold annotation.

    >>> from casestudy import load_article
    >>> article = load_article()
    >>> print(evaluate(find_quotes(article.raw, article.people)).summary())
    precision 1.00, recall 1.00, F1 1.00, speaker accuracy 1.00 (9 of 9 found quotes)
    >>> print(evaluate(naive_quotes(article.raw)).summary())
    precision 1.00, recall 1.00, F1 1.00, speaker accuracy 0.33 (3 of 9 found quotes)
    """
    gold = tuple(load_gold_quotes() if gold is None else gold)
    preds = [q for q in quotes if q.kind != "reported"]
    matches: dict[int, list[Quote]] = {i: [] for i in range(len(gold))}
    extra = []
    for q in preds:
        best = max(range(len(gold)), key=lambda i: _overlap(q.start, q.end, gold[i].start, gold[i].end), default=None)
        if best is not None and _overlap(q.start, q.end, gold[best].start, gold[best].end) >= 0.5 * max(1, q.end - q.start):
            matches[best].append(q)
        else:
            extra.append(q)
    found = right = 0
    missed, wrong = [], []
    for i, g in enumerate(gold):
        if not matches[i]:
            missed.append(g)
            continue
        found += 1
        closest = max(matches[i], key=lambda q: _overlap(q.start, q.end, g.start, g.end))
        if _same_person(closest.speaker, g.speaker):
            right += 1
        else:
            wrong.append((g, closest))
    return Evaluation(predicted=len(preds), gold=len(gold), correct=len(preds) - len(extra), found=found,
                      right_speaker=right, missed=tuple(missed), extra=tuple(extra), wrong_speaker=tuple(wrong))


def _same_person(predicted: str | None, gold: str | None) -> bool:
    """True when the predicted speaker is the gold speaker (a surname alone counts)."""
    if not predicted or not gold:
        return False
    return predicted == gold or predicted.split()[-1] == gold.split()[-1]


def rule_ladder(text: str, people: Sequence[Person] = (), gold: Sequence[GoldQuote] | None = None) -> list[dict[str, Any]]:
    """Switch the rules on one at a time and count what each adds (against the gold quotes).

    >>> from casestudy import load_article
    >>> article = load_article()
    >>> [(row["rule"], row["right speaker"]) for row in rule_ladder(article.raw, article.people)][:3]
    [('(marks only)', 0), ('cue-after', 3), ('verb-after', 3)]
    """
    rows: list[dict[str, Any]] = []
    for i in range(len(RULES) + 1):
        quotes = find_quotes(text, people, rules=RULES[:i])
        result = evaluate(quotes, gold)
        rows.append({"rule": RULES[i - 1] if i else "(marks only)",
                     "passages": result.predicted,
                     "with a speaker": sum(1 for q in quotes if q.kind != "reported" and q.speaker),
                     "right speaker": result.right_speaker,
                     "reported": sum(1 for q in quotes if q.kind == "reported")})
    return rows


# -- the development set: articles from other newsrooms, scored by style ---------------------------

@dataclass(frozen=True)
class GoldArticle:
    """One article of an annotated set (``data/devset``): its text, house style and gold quotes."""

    id: str
    style: str
    path: str
    raw: str
    quotes: tuple[GoldQuote, ...]


@dataclass
class Score:
    """Direct quotes found, and speakers right by mention and by name, summed over articles.

    * a prediction is **good** when at least half of it lies in one gold quote (predictions in a
      ``dont_care`` quote count neither way); precision = good / predicted;
    * a gold quote is **found** when good predictions cover at least half of it; recall = found / gold;
    * **by mention**: among found gold quotes with a mention, the prediction covering most of it points
      at the same words (its mention span overlaps the gold one: "she" for "she" counts);
    * **by name**: among found gold quotes with a speaker, the prediction names the same person or
      source as the annotation (compared without case: "Sergei Lavrov", "court officials").
    """

    articles: int = 0
    predicted: int = 0
    good: int = 0
    gold: int = 0
    found: int = 0
    with_mention: int = 0
    right_mention: int = 0
    with_speaker: int = 0
    right_name: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return share(self.good, self.predicted)

    @property
    def recall(self) -> float:
        return share(self.found, self.gold)

    @property
    def f1(self) -> float:
        return harmonic_mean(self.precision, self.recall)

    @property
    def by_mention(self) -> float:
        return share(self.right_mention, self.with_mention)

    @property
    def by_name(self) -> float:
        return share(self.right_name, self.with_speaker)

    def add(self, other: Score) -> None:
        """Add another score's counts to this one (micro-averaging over articles)."""
        for name in ("articles", "predicted", "good", "gold", "found", "with_mention", "right_mention",
                     "with_speaker", "right_name"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.problems.extend(other.problems)

    def row(self, label: str) -> dict[str, Any]:
        """The score as one row of a table (see :func:`~casestudy.quotes.as_table`)."""
        return {"style": label, "articles": self.articles, "gold": self.gold, "predicted": self.predicted,
                "P": round(self.precision, 3), "R": round(self.recall, 3), "F1": round(self.f1, 3),
                "by mention": round(self.by_mention, 3), "by name": round(self.by_name, 3)}


def _norm_speaker(name: str | None) -> str:
    return " ".join((name or "").replace("’", "'").split()).casefold()


def _join_pieces(gold: list[GoldQuote], raw: str | None) -> list[GoldQuote]:
    """One quotation over several paragraphs (the wire convention, one gold entry per paragraph) is one unit
    when only white space separates its pieces, as in PolNeAR's scorer."""
    if raw is None:
        return gold
    out: list[GoldQuote] = []
    for g in gold:
        last = out[-1] if out else None
        if last is not None and last.speaker == g.speaker and raw[last.end:g.start].strip() == "" \
                and raw[g.start:g.start + 1] in "\"“'‘«„" and "\n" in raw[last.end:g.start]:
            out[-1] = replace(last, end=g.end, text=raw[last.start:g.end])
        else:
            out.append(g)
    return out


def score_quotes(predicted: Sequence[Quote], gold: Sequence[GoldQuote], label: str = "",
                 raw: str | None = None) -> Score:
    """Score predicted quotes (offsets into the same text as the gold's) against gold quotes (see :class:`Score`).

    With the text (``raw``), the pieces of one quotation over several paragraphs are one unit.

    >>> gold = [GoldQuote(0, 9, '"We won,"', "Ann Lee", mention_start=10, mention_end=13, mention="she")]
    >>> q = Quote(start=0, end=9, text='"We won,"', content="We won,", speaker="Ann Lee", kind="direct",
    ...           rule="cue-after+pronoun", mention_start=10, mention_end=13, mention="she")
    >>> s = score_quotes([q], gold)
    >>> s.precision, s.recall, s.by_mention, s.by_name
    (1.0, 1.0, 1.0, 1.0)
    """
    scored = _join_pieces(sorted((g for g in gold if not g.dont_care), key=lambda g: g.start), raw)
    ignored = [g for g in gold if g.dont_care]
    score = Score(articles=1, gold=len(scored))
    claimed: dict[int, list[tuple[int, Quote]]] = {i: [] for i in range(len(scored))}
    for q in predicted:
        if q.kind == "reported":
            continue
        size = max(1, q.end - q.start)
        best = max(range(len(scored)), key=lambda i: _overlap(q.start, q.end, scored[i].start, scored[i].end),
                   default=None)
        ov = _overlap(q.start, q.end, scored[best].start, scored[best].end) if best is not None else 0
        if best is not None and ov >= 0.5 * size:
            score.predicted += 1
            score.good += 1
            claimed[best].append((ov, q))
        elif any(_overlap(q.start, q.end, g.start, g.end) >= 0.5 * size for g in ignored):
            continue
        else:
            score.predicted += 1
            score.problems.append(f"{label}: extra {q.text[:70]!r} ({q.speaker}, {q.rule})")
    for i, g in enumerate(scored):
        got = claimed[i]
        if sum(ov for ov, _ in got) < 0.5 * (g.end - g.start):
            score.problems.append(f"{label}: missed {g.text[:70]!r} ({g.speaker})")
            continue
        score.found += 1
        q = max(got, key=lambda x: x[0])[1]
        if g.mention_start is not None and g.mention_end is not None:
            score.with_mention += 1
            if q.mention_start is not None and q.mention_end is not None and \
                    _overlap(q.mention_start, q.mention_end, g.mention_start, g.mention_end) > 0:
                score.right_mention += 1
            else:
                score.problems.append(f"{label}: mention {q.mention!r} for {g.mention!r} in {g.text[:50]!r}")
        if g.speaker:
            score.with_speaker += 1
            if _norm_speaker(q.speaker) == _norm_speaker(g.speaker):
                score.right_name += 1
            else:
                score.problems.append(f"{label}: speaker {q.speaker!r} for {g.speaker!r} in {g.text[:50]!r}")
    return score


def load_gold_article(json_path: str | Path) -> GoldArticle:
    """One annotated article: ``NAME.json`` (the annotation) beside ``NAME.txt`` (the text)."""
    from ..text.loading import read_json, read_text

    json_path = Path(json_path)
    data = read_json(json_path)
    text_path = json_path.with_suffix(".txt")
    try:
        quotes = tuple(GoldQuote(g["start"], g["end"], g["text"], g.get("speaker"), "direct", g.get("mention_start"),
                                 g.get("mention_end"), g.get("mention"), bool(g.get("dont_care", False)))
                       for g in data["quotes"])
        style = str(data["style"])
    except (KeyError, TypeError):
        raise InputError(f"{json_path} is not an annotation file: it needs 'style' and a list 'quotes' of objects "
                         "with start, end, text and speaker (see data/devset/README.md)") from None
    return GoldArticle(str(data.get("id", json_path.stem)), style, str(text_path), read_text(text_path), quotes)


def load_devset(folder: str | Path | None = None) -> list[GoldArticle]:
    """Every annotated article of a folder (default: the bundled development set, ``data/devset``)."""
    from ..text.loading import data_dir

    folder = Path(folder) if folder is not None else data_dir() / "devset"
    files = sorted(folder.glob("*.json"))
    if not files:
        raise InputError(f"no annotated articles (NAME.json beside NAME.txt) in {folder}")
    return [load_gold_article(f) for f in files]


Attributor = Callable[[str], list[Quote]]
"""Anything that reads an article's raw text and returns quotes with offsets into that text."""


def attribute_raw(raw: str) -> list[Quote]:
    """What the ``quotes`` command does to a file: clean it, find the quotes, map their offsets back to ``raw``."""
    from ..text.cleaning import clean_article

    clean = clean_article(raw)
    out = []
    for q in find_quotes(clean.text):
        start, end = clean.offsets.span_to_raw(q.start, q.end)
        mention: dict[str, Any] = {}
        if q.mention_start is not None and q.mention_end is not None:
            ms, me = clean.offsets.span_to_raw(q.mention_start, q.mention_end)
            mention = {"mention_start": ms, "mention_end": me, "mention": raw[ms:me]}
        out.append(replace(q, start=start, end=end, text=raw[start:end], **mention))
    return out


def score_set(articles: Sequence[GoldArticle], attributor: Attributor = attribute_raw) -> dict[str, Score]:
    """Score an attributor on annotated articles: one :class:`Score` per style, and ``"all"``.

    >>> scores = score_set(load_devset())
    >>> scores["all"].articles == sum(s.articles for style, s in scores.items() if style != "all")
    True
    """
    scores: dict[str, Score] = {}
    total = Score()
    for article in articles:
        s = score_quotes(attributor(article.raw), article.quotes, article.id, article.raw)
        scores.setdefault(article.style, Score()).add(s)
        total.add(s)
    scores = dict(sorted(scores.items()))
    scores["all"] = total
    return scores


def rules_left_out(text: str, people: Sequence[Person] = (), gold: Sequence[GoldQuote] | None = None
                   ) -> list[dict[str, Any]]:
    """Switch each rule off alone and count what it adds: quotes lost, quotes whose speaker or kind changes,
    quotes added (what the filter removes).

    The first row has every rule on; in each other row one rule is off.  Quotes of every kind count
    (reported speech too).

    >>> from casestudy import load_article
    >>> article = load_article()
    >>> rows = {row["rule off"]: row for row in rules_left_out(article.raw, article.people)}
    >>> rows["(none)"]["right speaker"], rows["pronoun"]["right speaker"], rows["reported"]["lost"]
    (9, 6, 8)
    """
    def by_span(quotes: list[Quote]) -> dict[tuple[int, int], tuple[str | None, str]]:
        return {(q.start, q.end): (q.speaker, q.kind) for q in quotes}

    everything = find_quotes(text, people)
    full = by_span(everything)
    rows: list[dict[str, Any]] = []
    for name in ("(none)", *RULES):
        quotes = everything if name == "(none)" else find_quotes(text, people, rules=[r for r in RULES if r != name])
        now = by_span(quotes)
        result = evaluate(quotes, gold)
        rows.append({"rule off": name, "passages": result.predicted,
                     "right speaker": result.right_speaker,
                     "reported": sum(1 for q in quotes if q.kind == "reported"),
                     "lost": len(full.keys() - now.keys()),
                     "changed": sum(1 for k in full.keys() & now.keys() if full[k] != now[k]),
                     "added": len(now.keys() - full.keys())})
    return rows
