"""From the words next to a cue to a speaker: names, descriptions and pronouns.

The cue rules (:mod:`casestudy.quotes.rules`) find *where* a speaker is named: the words right
before or after a speech verb.  :class:`Resolver` turns those words into a :class:`Speaker`:

* a **name** maps to the person's full name as the text first introduced it ("Lavrov" -> "Sergei
  Lavrov", "Mr Okafor" -> "Peter Okafor"), an acronym to the organisation it stands for ("KCNA");
* a **description** of an unnamed source keeps its words ("a spokesman for the European
  Commission"); the ``descriptor`` rule may resolve it to a person named earlier;
* a **pronoun** ("she") is resolved by the ``pronoun`` rule (:meth:`Resolver.pronoun`).

>>> from casestudy.quotes.people import find_people
>>> text = "Foreign Minister Ivo Rask spoke. Rask"
>>> r = Resolver(text, find_people(text))
>>> spk = r.subject_before(33, 37)
>>> spk.name, spk.mention, spk.how
('Ivo Rask', 'Rask', 'surname')
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass

from .lexicon import (AUX, CONNECTORS, CUE_VERBS, DETERMINERS, FUNCTION_END, NOT_NAMES, OPENERS, ORG_WORDS, PARTICLES,
                      PRONOUN_GENDER, PRONOUNS, TIME_WORDS)
from .marks import last_char_before, sentence_start
from .names import is_organisation, is_role_noun, is_title_word, name_gender, name_words, split_title
from .people import ORGANISATION, FoundPerson, NameMention, PeopleIndex, full_name_of_surname

WORD = re.compile(r"[^\W_][\w.’'\-]*")
"""A word as the resolver reads it (with inner full stops, apostrophes and hyphens)."""

PREPOSITIONS = frozenset("of for at from with in on to".split())
DOCUMENTS = frozenset("statement letter report tweet post message website account office spokesman spokeswoman "
                      "spokesperson blog column resolution".split())
"""What speaks for its owner: "Cornyn's statement added", "the minister's spokesman said"."""
"""Words that join a description to what it is of ("a spokesman for the Commission")."""

Word = tuple[int, int, str]

_AGE = re.compile(r"\d+-year-old")
_APPOSITION = re.compile(r"(?:[\w\s]{0,40}?)(?:\s*\([^()]{1,60}\))?,\s+(?P<n>[A-Z][\w’'\-]*(?:\s+[A-Z][\w’'\-]*){1,2}),")
"""A name between commas after a description ("The head of the council, Ann Lee, said")."""


def _is_name_word(w: str) -> bool:
    return w[:1].isupper() or w.startswith(("al-", "el-"))


@dataclass
class Speaker:
    """Who a mention names.

    ``name`` is the person's full name, an organisation's name, or the description of an unnamed
    source ("a spokesman for the Commission"); None when the mention could not be resolved (a
    pronoun nobody fits).  ``how`` says how the mention was read: name / surname / pronoun /
    descriptor / clause.
    """

    name: str | None
    start: int | None
    end: int | None
    mention: str | None
    how: str
    person: FoundPerson | None = None
    gender: str = "unknown"      # of an unnamed source ("a spokesman": male); a person's is person.gender

    @property
    def sex(self) -> str:
        """The gender a pronoun must agree with: the person's, or the description's."""
        return self.person.gender if self.person is not None else self.gender


class Resolver:
    """Turns the words next to a cue into a speaker, remembering who spoke and in which sentence."""

    def __init__(self, text: str, index: PeopleIndex, rules: Collection[str] = ()) -> None:
        self.text = text
        self.index = index
        self.rules = frozenset(rules)
        self.anchor: int | None = None          # the start of the quote being attributed
        self._peek = False                      # True while looking for an antecedent: add nobody new
        self.clip: tuple[int, Speaker] | None = None   # the previous quote's speaker, where its sentence goes on
        self._history: list[tuple[int, int, Speaker]] = []   # (position, order, speaker) of each attribution
        self._descriptions: list[tuple[int, str, Speaker]] = []  # (position, head noun, speaker)

    def _words(self, start: int, end: int) -> list[Word]:
        return [(m.start(), m.end(), m.group(0)) for m in WORD.finditer(self.text, start, end)]

    def record(self, speaker: Speaker) -> None:
        """Remember an attribution, so that a later "he said" can refer to its speaker."""
        if speaker.start is not None and (speaker.name or speaker.person):
            bisect.insort(self._history, (speaker.start, len(self._history), speaker))

    # -- where the speaker is named ----------------------------------------------------------
    def subject_before(self, start: int, end: int) -> Speaker | None:
        """The speaker named by the words text[start:end] that come right before a cue verb."""
        words = self._words(max(start, end - 300), end)    # a name is never longer than that
        # "Priebus later Thursday told": time words between the speaker and the verb
        while len(words) > 1 and words[-1][2].lower().rstrip(".") in TIME_WORDS:
            words.pop()
        if not words:
            return None
        last = words[-1]
        if last[2].lower().rstrip(".") in PRONOUNS:
            return self.pronoun(last[0], last[1])
        if len(words) >= 2 and words[-1][2].lower() in DOCUMENTS and words[-2][2].endswith(("'s", "’s")) \
                and _is_name_word(words[-2][2]):
            # "Cornyn's statement added": the statement speaks for its owner
            j = self._run_start(words[:-1])
            owner = [w if w is not words[-2] else (w[0], w[1] - 2, w[2][:-2]) for w in words[j:-1]]
            spk = self._named(owner, [])
            if spk is not None and spk.person is not None:
                return Speaker(spk.name, owner[0][0], words[-1][1], self.text[owner[0][0]:words[-1][1]], "name",
                               spk.person)
        # "Lynn Boylan of the Sinn Féin party tweeted": a name, then what it is of
        lead = self._leading_name(words)
        if lead is not None:
            return lead
        i = self._run_start(words)
        run = words[i:]
        while run and run[0][2].lower() in ("of",):
            run = run[1:]
        if not run:
            return self._descriptor(words)
        # "A spokesman for the European Commission said": a description of someone, not the Commission
        k = i - 1
        if k >= 0 and words[k][2].lower() == "the":
            k -= 1
        if k >= 1 and words[k][2].lower() in PREPOSITIONS and not self._gap(words[k], words[k + 1]) \
                and is_organisation([w[2] for w in run]):
            if _is_name_word(words[k - 1][2]):
                # "Muhammad Alwi of the Indonesian Transportation Ministry said": the name before "of"
                j = self._run_start(words[:k])
                if j < k:
                    spk = self._named(words[j:k], self._roles(words[:j]))
                    if spk is not None and spk.person is not None and spk.person.evidence != ORGANISATION:
                        return spk
            elif words[k - 1][2].lower() not in DETERMINERS:
                return self._descriptor(words)
        return self._named(run, self._roles(words[:i]))

    def _leading_name(self, words: list[Word]) -> Speaker | None:
        """The name a clause opens with when a preposition follows it ("Muhammad Alwi of the ministry")."""
        while words and words[0][2].lower() in CONNECTORS:
            words = words[1:]
        j = 0
        while j < len(words) and (_is_name_word(words[j][2]) or (j and words[j][2].lower() in PARTICLES
                                                                 and j + 1 < len(words)
                                                                 and _is_name_word(words[j + 1][2]))):
            if j and self._gap(words[j - 1], words[j]):
                break
            j += 1
        if not j or j >= len(words) - 1 or words[j][2].lower() not in PREPOSITIONS:
            return None
        if self._gap(words[j - 1], words[j]):
            return None
        names = [w[2] for w in words[:j]]
        _, name = split_title(names)
        known = self.index.lookup(name) if name else None
        if not name or is_organisation(names) or (len(name) < 2 and known is None):
            return None
        return self._named(words[:j], [])

    def _run_start(self, words: list[Word]) -> int:
        """Where the trailing run of capitalised words (with titles, particles, initials) starts."""
        i = len(words)
        while i > 0:
            w = words[i - 1][2]
            if i < len(words) and self._gap(words[i - 1], words[i]):
                break
            if _is_name_word(w) or (w.lower() in PARTICLES and 1 < i < len(words)):
                i -= 1
            else:
                break
        return i

    def _gap(self, a: Word, b: Word) -> bool:
        """True when something other than spaces separates two words (a comma, a dash, a bracket)."""
        return self.text[a[1]:b[0]].strip() != ""

    def _roles(self, words: list[Word]) -> list[str]:
        """The lower-case role words right before a name ("government spokesman" in "government spokesman X")."""
        out: list[str] = []
        for w in reversed(words[-3:]):
            if w[2][:1].isupper() or not (is_role_noun(w[2]) or is_title_word(w[2])):
                break
            out.insert(0, w[2])
        return out

    def subject_after(self, start: int, end: int) -> Speaker | None:
        """The speaker named by the words right after an inverted cue ("said Army General Yury Baluyevsky")."""
        words = self._words(start, end)
        if not words:
            return None
        if words[0][2].lower() in PRONOUNS:
            return self.pronoun(words[0][0], words[0][1])
        roles: list[str] = []
        while len(words) > 1 and not _is_name_word(words[0][2]) and len(roles) < 3 and \
                (is_role_noun(words[0][2]) or is_title_word(words[0][2])) and not self._gap(words[0], words[1]):
            roles.append(words[0][2])       # "said reporter Franck Berruyer"
            words = words[1:]
        if roles and not _is_name_word(words[0][2]):
            return self._descriptor(self._words(start, end))
        caps: list[Word] = []
        for w in words:
            if _is_name_word(w[2]) or (w[2].lower() in PARTICLES and caps):
                caps.append(w)
            else:
                break
        while caps and caps[-1][2].lower() in PARTICLES:
            caps.pop()
        if caps:
            return self._named(caps, roles)
        return self._descriptor(words)

    def sentence_subject(self, start: int, end: int, depth: int = 0) -> Speaker | None:
        """The noun phrase a sentence text[start:end] opens with, as a speaker (or None).

        Roles before a name belong to it ("Senior researcher Mu Li", "Venezuelan president Hugo Chavez").
        """
        if self.clip is not None and start == self.clip[0]:
            # '"So much hate" and later added, "..."': the sentence's subject spoke the quote before
            spk = self.clip[1]
            return Speaker(spk.name, spk.start, spk.end, spk.mention, "clause", spk.person, spk.gender)
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
            return self.pronoun(words[0][0], words[0][1], depth=depth)
        if _is_name_word(first) and first.lower() not in DETERMINERS:
            # "Eight years ago, he ...", "WASHINGTON (UPI) - ...": not a name, look past the comma/dash
            known = self.index.lookup([first.rstrip(".")])
            second_upper = len(words) > 1 and _is_name_word(words[1][2])
            second_role = len(words) > 1 and (is_role_noun(words[1][2]) or is_title_word(words[1][2]))
            if (known is None and not second_upper and not second_role and not first.endswith(".")) or \
                    (first.isupper() and len(first) > 3):
                cuts = [k for k in (self.text.find(",", words[0][1], end), self.text.find(" - ", words[0][1], end),
                                    self.text.find(" — ", words[0][1], end)) if k != -1]
                cut = min(cuts) if cuts else -1
                alt = self.sentence_subject(cut + 2, end, depth) \
                    if cut != -1 and len(self._words(words[0][0], cut)) <= 8 else None
                if alt is not None and alt.how != "descriptor":
                    return alt
            np = self._name_phrase(words)
            if np and not np[-1][2].endswith(("'s", "’s")):
                j = self._run_start(np)
                return self._named(np[j:], self._roles(np[:j]))
            return None
        if first.lower() in DETERMINERS:
            np = []
            for w in words[:7]:
                lw = w[2].lower()
                if np and (lw in CUE_VERBS or lw in AUX or self._gap(np[-1], w)):
                    break
                np.append(w)
            caps = [w for w in np[1:] if _is_name_word(w[2]) or w[2].lower() in PARTICLES]
            if len(caps) == len(np) - 1 and caps and is_organisation([w[2] for w in caps]):
                return self._named(caps, [])        # "The Korean Central News Agency reported"
            named = self._name_phrase(np[1:]) if len(np) > 2 and not _is_name_word(np[1][2]) else []
            j = self._run_start(named)
            if 0 < j < len(named):                  # "His brother Mohammed al-Megrahi"
                return self._named(named[j:], self._roles(named[:j]))
            if len(np) >= 2:
                ap = _APPOSITION.match(self.text, np[-1][1], end)
                if ap:       # "The secretary general of CEI (...), Nunzio Galantino, has called"
                    in_apposition = self.appositive_name(ap.start("n"), ap.end("n"))
                    if in_apposition is not None:
                        return in_apposition
                return self._descriptor(np)
        return None

    def _name_phrase(self, words: list[Word]) -> list[Word]:
        """The capitalised words a sentence opens with, and the name after lower-case role words
        ("Senior researcher Mu Li", "North of Scotland procurator fiscal Liam Murphy")."""
        i = 0
        while i < len(words):
            if i and self._gap(words[i - 1], words[i]):
                break
            w = words[i][2]
            if _is_name_word(w) or (w.lower() in PARTICLES and i):
                i += 1
                continue
            j = i     # up to three lower-case words ending in a role, then a name ("25-year-old Netta" too)
            while j < len(words) and j - i < 3 and (words[j][2][:1].islower() or _AGE.fullmatch(words[j][2])) \
                    and not (j and self._gap(words[j - 1], words[j])):
                j += 1
            if j < len(words) and j > i and _is_name_word(words[j][2]) and not self._gap(words[j - 1], words[j]) \
                    and (is_role_noun(words[j - 1][2]) or is_title_word(words[j - 1][2]) or _AGE.fullmatch(words[j - 1][2])
                         or words[j - 1][2].lower() in ORG_WORDS):     # "Swedish political party Vänsterpartiet"
                i = j
                continue
            break
        np = words[:i]
        while np and np[-1][2].lower() in ("of",):
            np.pop()
        return np

    def appositive_name(self, start: int, end: int) -> Speaker | None:
        """The speaker when text[start:end] is nothing but a name of two or three words (", Sarah Mills,")."""
        words = self._words(start, end)
        if not 2 <= len(words) <= 3 or not all(_is_name_word(w[2]) for w in words) or \
                self.text[start:end].strip(" ,") != self.text[words[0][0]:words[-1][1]]:
            return None
        spk = self._named(words, [])
        return spk if spk is not None and spk.person is not None else None

    # -- names ----------------------------------------------------------------------------------
    def _named(self, run: list[Word], roles: Sequence[str] = ()) -> Speaker | None:
        words = [w[2].rstrip(",") for w in run]
        title, name = split_title(words)
        s, e = run[0][0], run[-1][1]
        if self.text[e - 1] == "." and len(run[-1][2]) > 2 and run[-1][2][-2].islower() \
                and run[-1][2].lower() not in ("jr.", "sr."):
            e -= 1
        while name and name[-1].lower().rstrip(".") in NOT_NAMES:
            name.pop()
        if name and name[-1].endswith(("'s", "’s")):
            nxt = self._words(e, min(len(self.text), e + 30))
            if nxt and nxt[0][2].lower() in DOCUMENTS and not self._peek:
                # "Cornyn's statement added": the statement speaks for Cornyn
                owner = [(w[0], w[1] - 2, w[2][:-2]) if w is run[-1] else w for w in run]
                spk = self._named(owner, roles)
                if spk is not None and spk.person is not None:
                    return Speaker(spk.name, s, nxt[0][1], self.text[s:nxt[0][1]], "name", spk.person)
            return self._descriptor(run, capitalised=True)
        if not name:
            # only title words: "U.S. State Secretary" is a descriptor
            return self._descriptor(run, capitalised=True)
        mention = self.text[s:e]
        rest = words[len(title):]
        if is_organisation(rest):
            org = " ".join(w for w in words if w.lower() not in DETERMINERS).rstrip(".")
            found = self.index.lookup([org])
            if found is None and self._peek:       # looking back: counts, but is not added
                found = FoundPerson(org, evidence=ORGANISATION)
            return Speaker(org, s, e, mention, "name", found or self._person([org], [], ORGANISATION))
        name = [w.rstrip(".") if len(w.rstrip(".")) > 1 else w for w in name_words(name)]
        title = list(roles) + title
        person = self.index.lookup(name)
        how = "name"
        if person is None and len(name) == 1:
            expanded = self.index.organisation_for(name[0]) if name[0].isupper() and 2 <= len(name[0]) <= 6 else None
            if expanded is not None:          # "KCNA" after "the Korean Central News Agency"
                full = " ".join(expanded)
                return Speaker(full, s, e, mention, "surname", self._person([full], [], ORGANISATION))
            earlier = self.index.full_name_before(name[0], s) if not self._peek else None
            if earlier is not None:           # "Hawass said" after "archaeologist Zahi Hawass": one person
                person = self.index.add(earlier[1], earlier[0] + title, evidence="named in full earlier")
                how = "surname"
        if person is None and self._peek:
            if len(name) < 2:
                return None       # looking back for an antecedent: a capitalised name counts, nobody is added
            return Speaker(" ".join(name), s, e, mention, "name",
                           FoundPerson(" ".join(name), gender=name_gender(name[0], title)))
        if person is None:
            person = self._person(name, title, "speaker of a quote")
            bisect.insort(self.index.mentions, NameMention(s, e, person), key=lambda m: m.start)
        elif len(name) == 1 and person.name != name[0]:
            how = "surname"
        elif full_name_of_surname(name, person):
            person = self.index.add(name, title)        # "Aske" spoke first; "Torben Aske" is his full name
        if title and person.gender == "unknown":
            person.gender = name_gender("", title)
        return Speaker(person.known_as, s, e, mention, how, person)

    def _person(self, name: list[str], title: list[str], evidence: str) -> FoundPerson:
        return self.index.lookup(name) or self.index.add(name, title, evidence=evidence)

    # -- descriptions ------------------------------------------------------------------------------
    def _descriptor(self, words: list[Word], capitalised: bool = False) -> Speaker | None:
        # the last noun phrase: from the last determiner on ("the Russian minister")
        j = None
        for k in range(len(words) - 1, -1, -1):
            if words[k][2].lower() in DETERMINERS and not (k and words[k - 1][2].lower() in PREPOSITIONS):
                j = k          # (not "the" in "a spokesman for the Commission": the description goes on)
                break
            if k < len(words) - 1 and self._gap(words[k], words[k + 1]):
                break
        if j is None:
            j = max(0, len(words) - 4) if not capitalised else 0
            while j < len(words) - 1 and (self._gap(words[j], words[j + 1]) or words[j][2].lower() in FUNCTION_END):
                j += 1
        np = words[j:]
        if not np:
            return None
        s, e = np[0][0], np[-1][1]
        if self.text[e - 1] == "." and np[-1][2].count(".") == 1:
            e -= 1
        mention = self.text[s:e]
        desc = [bare(w[2]) for w in np if w[2].lower() not in DETERMINERS]
        gender = name_gender("", desc)
        if "descriptor" in self.rules:
            m = self.index.fitting(desc, s)
            if m is not None:
                return Speaker(m.person.known_as, s, e, mention, "descriptor", m.person)
            head = _head_noun(desc)
            for pos, noun, spk in reversed(self._descriptions):
                if pos < s and noun == head:   # "the spokesman" after "a spokesman for the Commission"
                    return Speaker(spk.name, s, e, mention, "descriptor", None, spk.gender)
            if head in DOCUMENTS and np[0][2].lower() == "the":
                # "The statement said": the source whose statement it is, the latest speaker nearby
                source = self._latest_speaker(s)
                if source is not None:
                    return Speaker(source.name, s, e, mention, "descriptor", source.person, source.gender)
        spk = Speaker(mention, s, e, mention, "descriptor", None, gender)
        head = _head_noun(desc)
        if head and not self._peek and (is_role_noun(head) or head.endswith("s")):
            self._descriptions.append((s, head, spk))
        return spk

    def _latest_speaker(self, pos: int) -> Speaker | None:
        """The speaker of the latest attribution before ``pos`` in this or the paragraph before."""
        para = _previous_paragraph_start(self.text, pos)
        k = bisect.bisect_left(self._history, (pos, -1))
        if k and self._history[k - 1][0] >= para:
            return self._history[k - 1][2]
        return None

    # -- pronouns ----------------------------------------------------------------------------------
    def pronoun(self, s: int, e: int, depth: int = 0) -> Speaker:
        """The ``pronoun`` rule: "he" or "she" refers to

        1. the subject of the sentence before (before the quote's sentence, when the pronoun attributes a
           quote; sentences that are only a quotation are passed over), unless its gender is known to differ;
        2. else the first, in this order, whose gender is known to be the pronoun's: the speakers of the
           latest attributions in this or the paragraph before, the people named before (nearest first);
        3. else the first of those whose gender is unknown;

        never a person (or an unnamed source) whose gender is known to differ.  "It" and "they" refer to
        the subject of the sentence before or the latest speaker when that is an organisation or an
        unnamed source ("the agency", "critics").
        """
        word = self.text[s:e]
        gender = PRONOUN_GENDER.get(word.lower(), "none" if word.lower() in ("it", "they") else "")
        if not gender or "pronoun" not in self.rules:
            return Speaker(None, s, e, word, "pronoun")
        anchor = min(s, self.anchor) if self.anchor is not None else s
        found = self._antecedent(anchor, gender, depth)
        if found is None:
            return Speaker(None, s, e, word, "pronoun")
        return Speaker(found.name, s, e, word, "pronoun", found.person, found.sex)

    def _antecedent(self, anchor: int, gender: str, depth: int) -> Speaker | None:
        """``gender`` is "male" or "female" for he/she, "none" for it/they (an organisation or an unnamed source).

        The candidates, in order: the subject of the sentence before, the latest speakers of this and the
        previous paragraph, the people named before (nearest first).  The subject of the sentence before
        wins unless its gender is known to differ; after it, the first candidate whose gender is known to be
        the pronoun's, and failing that the first whose gender is unknown.
        """
        if gender == "none":
            for _, spk in self._candidates(anchor, depth, people=False):
                if spk.person is None or spk.person.evidence == ORGANISATION:
                    return spk
            return None
        unknown = None
        for where, spk in self._candidates(anchor, depth, people=True):
            if spk.person is not None and spk.person.evidence == ORGANISATION:
                continue
            if spk.sex == gender:
                return spk
            if spk.sex == "unknown" and spk.person is not None:
                if where == "subject":
                    return spk      # the sentence before is about this person: gender unknown is no objection
                unknown = unknown or spk
        return unknown

    def _candidates(self, anchor: int, depth: int, people: bool) -> Iterator[tuple[str, Speaker]]:
        lo = max(0, anchor - 1500)
        ss = sentence_start(self.text, lo, anchor)
        for _ in range(3 if depth < 2 else 0):
            # the sentence before; one that is nothing but a quotation is passed over
            if ss <= lo:
                break
            prev_end = last_char_before(self.text, lo, ss)
            pss = sentence_start(self.text, lo, prev_end)
            if pss >= ss:
                break
            if self.text[pss:pss + 1] in "\"“'‘«":
                ss = pss
                continue
            saved = self.anchor, self._peek
            self.anchor, self._peek = None, True
            subject = self.sentence_subject(pss, prev_end + 1, depth + 1)
            self.anchor, self._peek = saved
            if subject is not None and subject.name is not None:
                yield "subject", subject
            break
        para = _previous_paragraph_start(self.text, anchor)
        k = bisect.bisect_left(self._history, (anchor, -1))
        for pos, _, spk in reversed(self._history[max(0, k - 3):k]):
            if pos >= para:
                yield "speaker", spk
        if people:
            for m in itertools.islice(self.index.before(anchor), 30):
                yield "named", Speaker(m.person.known_as, m.start, m.end, self.text[m.start:m.end], "name", m.person)


def _previous_paragraph_start(text: str, pos: int) -> int:
    """The start of the paragraph before the one holding ``pos`` (0 at the top of the text)."""
    k = text.rfind("\n", 0, pos)          # the end of the line before this paragraph
    if k < 0:
        return 0
    while k > 0 and text[k - 1].isspace():
        k -= 1                            # back over blank lines to the end of the paragraph before
    return text.rfind("\n", 0, k) + 1


def _head_noun(desc: list[str]) -> str:
    """The head of a description: the last word before "of", "for", ... ("spokesman" in "spokesman for the Commission")."""
    words = [w for w in desc if w]
    for i, w in enumerate(words):
        if w in PREPOSITIONS and i:
            return words[i - 1]
    return words[-1] if words else ""


def bare(word: str) -> str:
    """A word in lower case without a sentence's full stop (but "u.s." keeps its dots)."""
    w = word.lower().rstrip(",")
    return w.rstrip(".") if w.count(".") == 1 else w


def head_subject(text: str, resolver: Resolver, hs: int, cue_start: int) -> Speaker | None:
    """The speaker of a cue verb at ``cue_start``, in a sentence starting at ``hs``.

    The words between the last comma and the verb name the speaker ("..., he added");
    when they cannot ("..., who said", "... shook her head and said", ", said"), the
    subject is earlier: the antecedent of "who" (past an appositive: "X, an expert at Y, who
    said"), or the subject of the whole sentence.
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
        between = WORD.findall(text, prev_cut + 1, cut) if prev_cut != -1 else []
        if between and between[0].lower() in DETERMINERS and prev_cut > hs:
            # "Terence Fan, an air industry expert from ..., who said": the name before the appositive
            cut2 = max(text.rfind(",", hs, prev_cut), text.rfind("(", hs, prev_cut))
            spk = resolver.subject_before(cut2 + 1 if cut2 != -1 else hs, prev_cut)
            if spk is not None and spk.person is not None:
                return spk
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
