"""The ``reported`` rule: reported speech, the writer's paraphrase of what someone said.

``X said that ...``, ``reiterated that``, ``warned Washington that``, ``expressed hope that``,
``said Thursday she ...``, ``..., adding that ...``, a statement without *that* whose noun phrase is
followed by an auxiliary or modal (``said the menu would change``), and a verb sharing the
sentence's subject (``Gates, who ..., and suggested that ...``).  Each becomes a quote of kind
``reported`` whose span is the reported content, up to the end of the sentence.

>>> from casestudy.quotes import find_quotes
>>> [(q.speaker, q.content) for q in find_quotes("Mayor Ann Hollis said that the fair would open.", rules=["reported"])]
[('Ann Hollis', 'the fair would open.')]
"""

from __future__ import annotations

import bisect
import re

from ..models import Quote
from .lexicon import ADVERB, CUE, PARTICIPLES, PRONOUNS, TIME
from .marks import RawQuote, para_of, sentence_end, sentence_start
from .resolution import WORD, Resolver, Speaker
from .rules import CUE_IN_SENTENCE, explain

_REPORTED = re.compile(
    r"\b(?P<cue>" + CUE + r"|expressed (?:hope|concern|confidence|regret|doubts?|fears?)|made clear|pointed out)"
    r"(?P<obj>\s+(?:[A-Z][\w.]*|reporters|journalists|the \w+|him|her|them|us|me|CNN|Fox News)(?: (?!of\b)\w+)?)??"
    r"(?P<time>,?\s+" + TIME + r",?)?"
    r"\s+(?:that\s+(?P<content>.)|(?P<content2>(?:he|she|they|we|it|I)\s+(?:was|were|is|are|had|has|have|will|would|could|can|should|did|does|do|may|might|must|believed?|thinks?|thought|expected|hoped|wanted|\w+ed)\b)"
    r"|(?P<content3>(?:the|a|an|his|her|its|their|this|these|those|our)\s+(?:(?!(?:to|in|for|on|with|at|by|from|that|who|which)\b)[a-z][\w\-]*\s+){0,4}?"
    r"(?:would|will|was|were|is|are|had|has|could|should|can|may|might|must)\s+(?!not\b)[a-z]))")



def find_reported(text: str, resolver: Resolver, paras: list[tuple[int, int]], raw: list[RawQuote],
                  direct: list[Quote]) -> list[Quote]:
    """Reported speech: "<speaker> <cue> that <content>" and "adding that ..." (kind ``reported``)."""
    out = []
    starts = [q.start for q in raw]        # raw quotes come in text order
    direct_starts = [q.start for q in direct]
    for m in _REPORTED.finditer(text):
        cs = next(m.start(g) for g in ("content", "content2", "content3") if m.group(g) is not None)
        k = bisect.bisect_right(starts, m.start()) - 1
        if k >= 0 and raw[k].start <= m.start() < raw[k].end:
            continue    # inside a quotation
        pi = para_of(paras, m.start())
        if pi is None:
            continue
        ps, pe = paras[pi]
        ce = sentence_end(text, cs, pe)
        j = bisect.bisect_left(starts, cs)
        if j < len(raw) and raw[j].start < ce < raw[j].end:
            ce = raw[j].start     # a quotation that opens here and runs on past the sentence is not reported speech
        content_text = text[cs:ce].rstrip()
        if len(content_text.split()) < 3:
            continue
        ce = cs + len(content_text)
        cue = m.group("cue")
        ss = sentence_start(text, ps, m.start())
        before = text[ss:m.start()]
        spk = None
        frame = "reported"
        if cue.lower() in PARTICIPLES:
            # "..., he said, adding that ...": the speaker of the clause it hangs on
            spk = _clause_speaker(text, resolver, ss, m.start(), direct, direct_starts) or resolver.sentence_subject(ss, m.start())
        else:
            tail = before.rstrip()
            stripped = re.sub(r"(?:\s+" + ADVERB + r")+$", "", tail)
            if stripped.endswith((",", " and")) or not stripped.strip():
                spk = _sentence_subject(text, resolver, ss, m.start())
                frame = "reported-subject"
            else:
                cut = max(stripped.rfind(","), stripped.rfind(";"))
                spk = resolver.subject_before(ss + cut + 1, ss + len(stripped))
        if spk is None or (spk.name is None and spk.how not in ("pronoun",)):
            continue
        if spk.how == "descriptor" and spk.person is None:
            continue      # "Critics said that ...": reported speech of unnamed sources is left out
        rule = f"{frame}+{spk.how}"
        out.append(Quote(
            start=cs, end=ce, text=text[cs:ce], content=content_text, speaker=spk.name, kind="reported",
            rule=rule, cue=cue, mention_start=spk.start, mention_end=spk.end, mention=spk.mention,
            side=spk.person.side if spk.person else "unknown", explanation=explain(rule, spk, cue)))
    return out


def _clause_speaker(text: str, resolver: Resolver, ss: int, pos: int, direct: list[Quote],
                    direct_starts: list[int]) -> Speaker | None:
    for i in range(bisect.bisect_right(direct_starts, pos) - 1, -1, -1):
        q = direct[i]
        if q.start < ss - 1:
            break
        if q.kind != "reported" and q.end <= pos and q.mention_start is not None:
            person = resolver.index.lookup(q.speaker.split()) if q.speaker else None
            return Speaker(q.speaker, q.mention_start, q.mention_end, q.mention, "clause", person) if q.speaker else None
    m = CUE_IN_SENTENCE.search(text, ss, pos)
    if m:
        before = text[ss:m.start()]
        cut = max(before.rfind(","), before.rfind(";"))
        return resolver.subject_before(ss + cut + 1, m.start())
    return None


def _sentence_subject(text: str, resolver: Resolver, ss: int, pos: int) -> Speaker | None:
    """The first person named in the sentence (for "X, who ..., and suggested that ...")."""
    for m in resolver.index.after(ss):
        if m.start >= ss and m.end <= pos:
            return Speaker(m.person.known_as, m.start, m.end, text[m.start:m.end], "name", m.person)
        if m.start >= pos:
            break
    w = WORD.match(text, ss)
    if w and w.group(0).lower() in PRONOUNS:
        return resolver.pronoun(w.start(), w.end())
    return None


