"""Who said what: :func:`find_quotes` runs the rules of :mod:`casestudy.quotes.rules` on a text.

0. **Pair the quotation marks** (:mod:`casestudy.quotes.marks`, always on);
1. for each quote, try the **cue rules** in order until one names a speaker; the **speaker
   rules** (``pronoun``, ``descriptor``) resolve a mention that is not a name;
2. a quote no cue rule explains may be a **continuation** of the previous speaker, or be
   dropped by the **filter** (scare quotes, titles);
3. **reported** speech is found last.

Every quote records the rule that decided its speaker (``quote.rule``, e.g.
``"cue-after+pronoun"``) and says why in plain words (``quote.explanation``).

>>> text = 'Sen. Jane Doe spoke. "We will win," she said. "They know it."'
>>> [(q.kind, q.speaker, q.rule) for q in find_quotes(text)]
[('direct', 'Jane Doe', 'cue-after+pronoun'), ('continuation', 'Jane Doe', 'continuation')]
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import replace

from ..errors import InputError
from ..models import Person, Quote
from .marks import pair_marks, paragraphs, sentence_end
from .people import find_people
from .reported import find_reported
from .resolution import Resolver, Speaker
from .rules import CUE_RULES, RULES, Floor, Rule, Site, continuation, explain, not_a_quote


def find_quotes(text: str, people: Sequence[Person] = (), *, rules: Collection[str] | None = None) -> list[Quote]:
    """Find direct, continuation and reported quotes in a news text, with their speakers.

    ``people`` (optional, e.g. from ``data/people.json``) adds sides and aliases
    to the people the text itself introduces.  ``rules`` (default: all of
    :data:`~casestudy.quotes.rules.RULES`) switches rules on one at a time.
    Offsets are code points into ``text``.

    >>> qs = find_quotes('"It is over," said Army General Jon Doe, the chief of staff. The general warned that it was late.')
    >>> [(q.kind, q.speaker, q.mention, q.rule) for q in qs]
    [('direct', 'Jon Doe', 'Army General Jon Doe', 'cue-after+name'), ('reported', 'Jon Doe', 'The general', 'reported+descriptor')]
    """
    if not isinstance(text, str):
        raise InputError(f"find_quotes needs the text as a str, not {type(text).__name__}: read the file first")
    on = frozenset(RULES) if rules is None else frozenset(rules)
    unknown = on - set(RULES)
    if unknown:
        raise InputError(f"unknown rule(s) {sorted(unknown)}: choose from {', '.join(RULES)}")
    cue_rules = [rule for rule in CUE_RULES if rule.name in on]
    original = text
    paras = paragraphs(text)
    if any("\n" in text[a:b] for a, b in paras):
        # hard-wrapped lines: the rules read each paragraph as one line (same length, so offsets hold)
        text = _one_line_paragraphs(text, paras)
    index = find_people(text, people)
    resolver = Resolver(text, index, on)
    raw = pair_marks(text, paras=paras)
    results: list[Quote] = []
    floor: Floor | None = None
    prev_quote_end = -1
    prev_speaker: Speaker | None = None
    for k, rq in enumerate(raw):
        site = Site(text, raw, k, resolver, paras, prev_quote_end)
        resolver.anchor = rq.start
        # a quote after another in the same sentence: that quote's speaker is the sentence's subject
        clipped = site.lo == prev_quote_end and text[site.lo:site.hs].strip() == "" and \
            not text[raw[k - 1].inner_start:raw[k - 1].inner_end].rstrip().endswith((".", "!", "?"))
        resolver.clip = (site.hs, prev_speaker) if clipped and prev_speaker is not None else None
        spk, cue, frame = _first_cue(site, cue_rules)
        kind = "direct"
        if spk is None and "continuation" in on and rq.runs_on and k + 1 < len(raw):
            # '"We will not sign. "The offer is unfair," she said.': the run-on quote's speaker
            resolver.anchor = raw[k + 1].start
            spk = _first_cue(Site(text, raw, k + 1, resolver, paras, rq.end), cue_rules)[0]
            resolver.anchor = rq.start
            if spk is not None:
                frame, kind = "continuation", "continuation"
        if spk is None and "continuation" in on:
            spk = continuation(site, floor)
            if spk is not None:
                frame, kind = "continuation", "continuation"
        if "filter" in on and not_a_quote(site, spk, frame):
            continue
        rule_name = frame if spk is None or frame in ("continuation", "none") else f"{frame}+{spk.how}"
        content = text[rq.inner_start:rq.inner_end].strip()
        results.append(Quote(
            start=rq.start, end=rq.end, text=text[rq.start:rq.end], content=content,
            speaker=spk.name if spk else None, kind=kind, rule=rule_name, cue=cue,
            mention_start=spk.start if spk else None, mention_end=spk.end if spk else None,
            mention=spk.mention if spk else None, side=spk.person.side if spk and spk.person else "unknown",
            explanation=explain(rule_name, spk, cue),
        ))
        if spk is not None:
            if kind == "direct":
                resolver.record(spk)
            after = max(rq.end, spk.end or 0)
            floor = Floor(spk, rq.para_end, sentence_end(text, after, paras[rq.para_end][1]))
        prev_quote_end = rq.end    # (dropped scare quotes do not cut the next quote's sentence)
        prev_speaker = spk
    resolver.anchor, resolver.clip = None, None
    if "reported" in on:
        results.extend(find_reported(text, resolver, paras, raw, results))
    results.sort(key=lambda q: q.start)
    if text is not original:
        results = [q if original[q.start:q.end] == q.text and
                   (q.mention_start is None or original[q.mention_start:q.mention_end] == q.mention)
                   else _in_original(q, original) for q in results]
    return results


def _first_cue(site: Site, cue_rules: Sequence[Rule]) -> tuple[Speaker | None, str | None, str]:
    """(speaker, cue, frame) from the first cue rule that finds a speaker for the quote, or (None, None, "none")."""
    for rule in cue_rules:
        assert rule.find is not None
        found = rule.find(site)
        if found is not None:
            return found
    return None, None, "none"


def _one_line_paragraphs(text: str, paras: list[tuple[int, int]]) -> str:
    """The text with the line breaks inside each paragraph turned into spaces."""
    pieces, pos = [], 0
    for a, b in paras:
        if "\n" in text[a:b]:
            pieces += [text[pos:a], text[a:b].replace("\n", " ")]
            pos = b
    return "".join(pieces) + text[pos:]


def _in_original(q: Quote, original: str) -> Quote:
    """A quote found in the one-line copy, with its texts taken from the original (line breaks kept)."""
    mention = original[q.mention_start:q.mention_end] if q.mention_start is not None else None
    return replace(q, text=original[q.start:q.end], mention=mention)
