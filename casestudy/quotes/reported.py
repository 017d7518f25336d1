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
from .people import ORGANISATION
from .resolution import WORD, Resolver, Speaker
from .rules import CUE_IN_SENTENCE, explain

_AUX = r"(?:would|will|was|were|is|are|had|has|could|should|can|may|might|must)"
_NOT_IN_SUBJECT = (r"to|in|into|for|on|with|at|by|from|through|against|without|between|among|that|who|which|whom"
                   r"|whose|how|what|when|where|why|whether|if|as|because|while|he|she|they|we|it|I|you|him|her|them|us|me")
_NP_WORD = r"(?!(?:" + _NOT_IN_SUBJECT + r")\b)[a-z][\w\-]*(?:['’]s)?"
"""A lower-case word of the reported clause's subject ("the company's compensation offer"), not a pronoun,
a preposition or a conjunction (those start a clause of their own: "told the story of how he ...")."""
_NP_WORD_STRICT = r"(?!(?:" + _NOT_IN_SUBJECT + r"|and|or|but)\b)[a-z][\w\-]*(?:['’]s)?"
"""The same without "and" and "or" (before a verb in -ed they join two verbs: "reiterated those feelings and stressed")."""
_POSSESSIVE_NAME = r"(?:the\s+)?(?:[A-Z][\w\-]*\s+){0,3}[A-Z][\w\-]*['’]s"
"""A name in the possessive that opens the subject ("Mercia Water's own report", "the Democratic Party's delegates")."""
_NOT_PAST = r"(?:bed|red|need|seed|feed|speed|greed|breed|shed|hundred|sacred|naked|wicked|rugged|ragged|beloved|kindred)"
_PAST_VERB = (r"(?!" + _NOT_PAST + r"\b)[a-z]{2,}ed(?=[.,;:!?]|\s+(?:the|a|an|his|her|its|their|this|these|those|our|my"
              r"|that|to|in|on|at|for|with|from|of|into|about|over|up|out|down|off|back|more|less|no|not|all|every|some|any"
              r"|because|and|but|as|after|before|when|while|if|it|him|them|us|me|he|she|they|we|[a-z]+ly|[A-Z0-9‘'\"“«])\b)")
"""A verb in the past tense in -ed ("showed", "failed"), followed by what may follow a verb (an object's first
word, a preposition, "that", an adverb, a name, a quotation): not a word in -ed before a noun, which is an
adjective ("a signed statement", "the largely unsubstantiated tale"), nor one that is no verb ("hundred")."""
_NEXT_WORD = r"(?:[a-z]|[‘'\"“«]\w)"
"""What an auxiliary is followed by: a word, or quoted words ("was 'an insult ...'")."""
_DETERMINER = r"(?:the|a|an|his|her|its|their|this|these|those|our)"

CLAUSE_VERBS = frozenset("""
say says said saying add adds added adding argue argues argued insist insists insisted claim claims claimed
warn warns warned note notes noted explain explains explained state states stated suggest suggests suggested
contend contends contended assert asserts asserted maintain maintains maintained agree agrees agreed complain
complains complained concede concedes conceded admit admits admitted confirm confirms confirmed predict
predicts predicted reiterate reiterates reiterated write writes wrote
""".split())
"""Speech verbs whose object is the statement itself ("said Russia's plan failed"); other speech verbs often
take a noun ("described the audience", "posted a photograph"), and "told" takes the listener first ("told the
crowd ..."), so only these (and "told" with its listener) report speech without "that" when its subject is a
name in the possessive or its verb is a past tense in -ed."""
_TELL = frozenset({"tell", "tells", "told", "telling"})

_REPORTED = re.compile(
    r"\b(?P<cue>" + CUE + r"|expressed (?:hope|concern|confidence|regret|doubts?|fears?)|made clear|pointed out)"
    r"(?P<obj>\s+(?:[A-Z][\w.]*|reporters|journalists|the \w+|him|her|them|us|me|CNN|Fox News)"
    r"(?: (?!(?:of|at|in|on|during|after|before|for|with|from|between|about|against|over|under|into|among)\b)\w+)?)??"
    r"(?P<time>,?\s+" + TIME + r",?)?"
    r"\s+(?:that\s+(?P<content>.)|(?P<content2>(?:he|she|they|we|it|I)\s+(?:was|were|is|are|had|has|have|will|would|could|can|should|did|does|do|may|might|must|believed?|thinks?|thought|expected|hoped|wanted|\w+ed)\b)"
    r"|(?P<content3>" + _DETERMINER + r"\s+(?:" + _NP_WORD + r"\s+){0,4}?" + _AUX + r"\s+(?!not\b)" + _NEXT_WORD + r")"
    r"|(?P<content4>" + _POSSESSIVE_NAME + r"\s+(?:" + _NP_WORD + r"\s+){0,4}?" + _AUX + r"\s+(?!not\b)" + _NEXT_WORD
    + "|" + _POSSESSIVE_NAME + r"\s+(?:" + _NP_WORD_STRICT + r"\s+){0,4}?" + _PAST_VERB
    + "|" + _DETERMINER + r"\s+(?:" + _NP_WORD_STRICT + r"\s+){1,4}?" + _PAST_VERB + r"))")
"""Reported speech: the cue, perhaps whom it was told and when, then the statement: after "that" (``content``),
a pronoun and a verb (``content2``), a noun phrase and an auxiliary (``content3``), or (after one of
:data:`CLAUSE_VERBS`) a name in the possessive and its noun, or a noun phrase and a past tense in -ed
(``content4``)."""


def find_reported(text: str, resolver: Resolver, paras: list[tuple[int, int]], raw: list[RawQuote],
                  direct: list[Quote]) -> list[Quote]:
    """Reported speech: "<speaker> <cue> that <content>" and "adding that ..." (kind ``reported``)."""
    out = []
    starts = [q.start for q in raw]        # raw quotes come in text order
    direct_starts = [q.start for q in direct]
    for m in _REPORTED.finditer(text):
        cs = next(m.start(g) for g in ("content", "content2", "content3", "content4") if m.group(g) is not None)
        if m.group("content4") is not None and m.group("cue").lower() not in CLAUSE_VERBS and \
                not (m.group("cue").lower() in _TELL and m.group("obj")):
            continue
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
    """The first person named in the sentence (for "X, who ..., and suggested that ..."), or the organisation
    it opens with ("The Lakes Water Agency, which ..., said that ...")."""
    for m in resolver.index.after(ss):
        if m.start >= ss and m.end <= pos:
            return Speaker(m.person.known_as, m.start, m.end, text[m.start:m.end], "name", m.person)
        if m.start >= pos:
            break
    w = WORD.match(text, ss)
    if w and w.group(0).lower() in PRONOUNS:
        return resolver.pronoun(w.start(), w.end())
    # "The Lakes Water Agency, which ..., said that": an organisation is no person the index names
    spk = resolver.sentence_subject(ss, pos)
    return spk if spk is not None and spk.person is not None and spk.person.evidence == ORGANISATION else None


