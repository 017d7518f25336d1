"""From the words next to a cue to a speaker: names, pronouns and descriptions.

The cue rules (:mod:`casestudy.quotes.rules`) find *where* a speaker is named: the words right
before or after a speech verb.  :class:`Resolver` turns those words into a :class:`Speaker`:

* a **name** maps to the full name met in the text ("Lavrov" -> "Sergei Lavrov");
* a **pronoun** ("she") is resolved by the ``pronoun`` rule;
* a **description** ("the Russian minister") by the ``descriptor`` rule.

>>> from casestudy.quotes.people import find_people
>>> text = "Foreign Minister Ivo Rask spoke. Rask"
>>> r = Resolver(text, find_people(text))
>>> spk = r.subject_before(33, 37)
>>> spk.name, spk.mention, spk.how
('Ivo Rask', 'Rask', 'surname')
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Collection
from dataclasses import dataclass

from .lexicon import (AUX, CONNECTORS, CUE_VERBS, DETERMINERS, FUNCTION_END, OPENERS, PARTICLES, PRONOUNS,
                      TIME_WORDS)
from .people import NOT_NAMES, PRONOUN_GENDER, FoundPerson, NameMention, PeopleIndex, full_name_of_surname, split_title

WORD = re.compile(r"[A-Za-z0-9][\w.’'\-]*")
"""A word as the resolver reads it (with inner full stops, apostrophes and hyphens)."""


@dataclass
class Speaker:
    """Who a mention names: ``name`` (None when unresolved), the mention's span and text, and how it was resolved."""

    name: str | None
    start: int | None
    end: int | None
    mention: str | None
    how: str            # name / surname / pronoun / descriptor / clause
    person: FoundPerson | None = None


class Resolver:
    """Turns the words next to a cue into a speaker, remembering who spoke last."""

    def __init__(self, text: str, index: PeopleIndex, rules: Collection[str] = ()) -> None:
        self.text = text
        self.index = index
        self.rules = frozenset(rules)

    def _words(self, start: int, end: int) -> list[tuple[int, int, str]]:
        return [(m.start(), m.end(), m.group(0)) for m in WORD.finditer(self.text, start, end)]

    def subject_before(self, start: int, end: int) -> Speaker | None:
        """The speaker named by the words text[start:end] that come right before a cue verb."""
        words = self._words(max(start, end - 300), end)    # a name is never longer than that
        # "Priebus later Thursday told": time words between the speaker and the verb
        while len(words) > 1 and words[-1][2].lower().rstrip(".") in TIME_WORDS:
            words.pop()
        if not words:
            return None
        last = words[-1]
        lw = last[2].lower().rstrip(".")
        if lw in PRONOUNS:
            return self._pronoun(last[0], last[1])
        # the trailing run of capitalised words (with titles, "of", initials)
        i = len(words)
        while i > 0:
            w = words[i - 1][2]
            gap = self.text[words[i - 1][1]:words[i][0]] if i < len(words) else ""
            if gap.strip(" ") not in ("",) and i < len(words):
                break
            if w[0].isupper() or (w.lower() in PARTICLES and i < len(words) and i > 1):
                i -= 1
            else:
                break
        run = words[i:]
        while run and run[0][2].lower() in ("of",):
            run = run[1:]
        if run:
            return self._named(run, words[:i])
        return self._descriptor(words)

    def subject_after(self, start: int, end: int) -> Speaker | None:
        """The speaker named by the words right after an inverted cue ("said Army General Yury Baluyevsky")."""
        words = self._words(start, end)
        if not words:
            return None
        first = words[0][2].lower()
        if first in PRONOUNS:
            return self._pronoun(words[0][0], words[0][1])
        caps: list[tuple[int, int, str]] = []
        for w in words:
            if w[2][0].isupper() or (w[2].lower() in PARTICLES and caps):
                caps.append(w)
            else:
                break
        while caps and caps[-1][2].lower() in PARTICLES:
            caps.pop()
        if caps:
            return self._named(caps, [])
        return self._descriptor(words)

    def sentence_subject(self, start: int, end: int) -> Speaker | None:
        """The noun phrase a sentence text[start:end] opens with, as a speaker (or None)."""
        words = self._words(start, end)
        while words and words[0][2].lower() in CONNECTORS:
            words = words[1:]
        if words and words[0][2].lower() in OPENERS:
            # "In a Fox interview later that day, Trump went further": skip the opening phrase
            comma = self.text.find(",", words[0][1], end)
            if comma != -1:
                words = [w for w in words if w[0] > comma]
        if not words:
            return None
        first = words[0][2]
        if first.lower() in PRONOUNS:
            return self._pronoun(words[0][0], words[0][1])
        np: list[tuple[int, int, str]] = []
        if first[0].isupper() and first.lower() not in DETERMINERS:
            # "Eight years ago, he ...", "WASHINGTON (UPI) - ...": not a name, look past the comma/dash
            known = self.index.lookup([first.rstrip(".")])
            second_upper = len(words) > 1 and words[1][2][0].isupper()
            if known is None and not second_upper and not first.endswith(".") or first.isupper() and len(first) > 3:
                cuts = [k for k in (self.text.find(",", words[0][1], end), self.text.find(" - ", words[0][1], end),
                                    self.text.find(" — ", words[0][1], end)) if k != -1]
                cut = min(cuts) if cuts else -1
                alt = self.sentence_subject(cut + 2, end) if cut != -1 and len(self._words(words[0][0], cut)) <= 8 else None
                if alt is not None and alt.how != "descriptor":
                    return alt
            for w in words:
                gap = self.text[np[-1][1]:w[0]] if np else ""
                if np and gap.strip():
                    break
                if w[2][0].isupper() or (w[2].lower() in PARTICLES and np):
                    np.append(w)
                else:
                    break
            while np and np[-1][2].lower() == "of":
                np.pop()
            if np and not np[-1][2].endswith(("'s", "’s")):
                return self._named(np, [])
            return None
        if first.lower() in DETERMINERS:
            for w in words[:7]:
                lw = w[2].lower()
                if np and (lw in CUE_VERBS or lw in AUX or self.text[np[-1][1]:w[0]].strip()):
                    break
                np.append(w)
            if len(np) >= 2:
                return self._descriptor(np)
        return None

    def appositive_name(self, start: int, end: int) -> Speaker | None:
        """The speaker when text[start:end] is nothing but a name of two or three words (", Sarah Mills,")."""
        words = self._words(start, end)
        if not 2 <= len(words) <= 3 or not all(w[2][0].isupper() for w in words) or \
                self.text[start:end].strip(" ,") != self.text[words[0][0]:words[-1][1]]:
            return None
        spk = self._named(words, [])
        return spk if spk is not None and spk.name is not None else None

    def _pronoun(self, s: int, e: int) -> Speaker:
        word = self.text[s:e]
        gender = PRONOUN_GENDER.get(word.lower())
        if gender and "pronoun" in self.rules:
            m = self.index.nearest_with_gender(s, gender)
            if m is not None:
                return Speaker(m.person.name, s, e, word, "pronoun", m.person)
        return Speaker(None, s, e, word, "pronoun")

    def _named(self, run: list[tuple[int, int, str]], before: list[tuple[int, int, str]]) -> Speaker | None:
        words = [w[2].rstrip(",") for w in run]
        title, name = split_title(words)
        s, e = run[0][0], run[-1][1]
        if self.text[e - 1] == "." and len(run[-1][2]) > 2 and run[-1][2][-2].islower() and run[-1][2].lower() not in ("jr.", "sr."):
            e -= 1
        while name and name[-1].lower().rstrip(".") in NOT_NAMES:
            name.pop()
        if name and name[-1].endswith("'s") or name and name[-1].endswith("’s"):
            return Speaker(None, s, e, self.text[s:e], "descriptor")
        if not name:
            # only title words: "U.S. State Secretary" is a descriptor
            return self._descriptor(run, capitalised=True) or Speaker(None, s, e, self.text[s:e], "descriptor")
        if len(name) > 3:
            name = name[-3:]
        name = [w.rstrip(".") if len(w.rstrip(".")) > 1 else w for w in name]
        person = self.index.lookup(name)
        how = "name"
        if person is None:
            person = self.index.add(name, title, evidence="speaker of a quote")
            bisect.insort(self.index.mentions, _mention(s, e, person), key=lambda m: m.start)
        elif len(name) == 1 and person.name != name[0]:
            how = "surname"
        elif full_name_of_surname(name, person):
            person = self.index.add(name, title)        # "Aske" spoke first; "Torben Aske" is his full name
        return Speaker(person.name, s, e, self.text[s:e], how, person)

    def _descriptor(self, words: list[tuple[int, int, str]], capitalised: bool = False) -> Speaker | None:
        # the last noun phrase: from the last determiner on ("the Russian minister")
        j = None
        for k in range(len(words) - 1, -1, -1):
            if words[k][2].lower() in DETERMINERS:
                j = k
                break
        if j is None:
            j = max(0, len(words) - 4) if not capitalised else 0
        np = words[j:]
        if not np:
            return None
        s, e = np[0][0], np[-1][1]
        desc = [bare(w[2]) for w in np if w[2].lower() not in DETERMINERS]
        m = self.index.fitting(desc, s) if "descriptor" in self.rules else None
        if m is not None:
            return Speaker(m.person.name, s, e, self.text[s:e], "descriptor", m.person)
        return Speaker(None, s, e, self.text[s:e], "descriptor")


def bare(word: str) -> str:
    """A word in lower case without a sentence's full stop (but "u.s." keeps its dots)."""
    w = word.lower().rstrip(",")
    return w.rstrip(".") if w.count(".") == 1 else w


def _mention(s: int, e: int, person: FoundPerson) -> NameMention:
    return NameMention(s, e, person)




def head_subject(text: str, resolver: Resolver, hs: int, cue_start: int) -> Speaker | None:
    """The speaker of a cue verb at ``cue_start``, in a sentence starting at ``hs``.

    The words between the last comma and the verb name the speaker ("..., he added");
    when they cannot ("..., who said", "... shook her head and said", ", said"), the
    subject is earlier: the antecedent of "who", or the subject of the whole sentence.
    """
    cut = max(text.rfind(",", hs, cue_start), text.rfind("(", hs, cue_start), text.rfind(";", hs, cue_start))
    seg = cut + 1 if cut != -1 else hs
    words = WORD.findall(text, seg, cue_start)
    cue_word = text[cue_start:cue_start + 12].split()[0].lower() if text[cue_start:cue_start + 12].split() else ""
    if cue_word.endswith("ing") and words:
        # 'she released a statement saying, "..."': a participle's speaker is its clause's subject
        return resolver.sentence_subject(seg, cue_start) or resolver.sentence_subject(hs, cue_start)
    if not words:
        if cut != -1 and text[cut] == ",":
            # 'One parent, Sarah Mills, said: "..."': the name between the last two commas
            prev_cut = text.rfind(",", hs, cut)
            if prev_cut != -1:
                spk = resolver.appositive_name(prev_cut + 1, cut)
                if spk is not None:
                    return spk
        return resolver.sentence_subject(hs, cue_start)
    last = words[-1].lower()
    if last == "who" and cut != -1:
        prev_cut = max(text.rfind(",", hs, cut), text.rfind("(", hs, cut))
        return resolver.subject_before(prev_cut + 1 if prev_cut != -1 else hs, cut)
    if last in PRONOUNS:
        return resolver.subject_before(seg, cue_start)      # "..., in which he declares"
    if last in FUNCTION_END or not_a_subject(text, seg, cue_start) and not words[-1][0].isupper():
        return resolver.sentence_subject(hs, cue_start)
    return resolver.subject_before(seg, cue_start)


def not_a_subject(text: str, start: int, end: int) -> bool:
    """True when text[start:end] cannot be the subject of the cue after it ("interjected to", "and")."""
    words = WORD.findall(text, start, end)
    if not words:
        return True
    first = words[0]
    return first[0].islower() and first.lower() not in DETERMINERS | PRONOUNS


