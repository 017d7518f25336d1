"""The words the quote rules look for: speech verbs and the small closed word classes around them.

Everything here is a plain Python set or a regular expression built from one, so a student can
read what counts as a *speech verb* (:data:`CUE_VERBS`), a *pronoun* or a *time phrase*.  The
larger, generated word lists (first names, countries and nationalities, honorifics) live in
:mod:`casestudy.quotes.wordlists` and are read from data files the first time they are needed.

>>> "said" in CUE_VERBS, "ate" in CUE_VERBS
(True, False)
>>> trie_regex(["said", "says", "told"])
'(?:sa(?:id|ys)|told)'
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_CUE_STEMS = """
say says said saying tell tells told telling add adds added adding ask asks asked write writes
wrote explain explains explained note notes noted state states stated declare declares declared
insist insists insisted argue argues argued continue continues continued recall recalls recalled
warn warns warned reply replies replied respond responds responded remark remarks remarked
acknowledge acknowledges acknowledged admit admits admitted claim claims claimed concede
concedes conceded complain complains complained observe observes observed announce announces
announced tweet tweets tweeted post posts posted joke jokes joked quip quips quipped caution
cautions cautioned predict predicts predicted suggest suggests suggested urge urges urged
conclude concludes concluded emphasize emphasizes emphasized emphasise emphasised stress stresses
stressed recount recounts recounted boast boasts boasted counter counters countered muse muses
mused reiterate reiterates reiterated confirm confirms confirmed testify testifies testified
lament laments lamented charge charges charged contend contends contended maintain maintains
maintained exclaim exclaims exclaimed shout shouts shouted yell yells yelled whisper whispers
whispered answer answers answered agree agrees agreed promise promises promised vow vows vowed
thunder thundered scoff scoffed sigh sighed shrug shrugged laugh laughed chuckle chuckled
demand demands demanded wonder wonders wondered begin began adds opine opined explain
interject interjected retort retorted report reports reported describe describes described
told reminisce reminisced assert asserts asserted allege alleges alleged point points pointed
remember remembers remembered reason reasoned marvel marvels marveled marvelled plead pleaded implore implored hint hinted
guess guessed predicted surmised surmise announced explains writing tweeting
cry cries cried chant chants chanted read reads fume fumes fumed snap snaps snapped gush gushed
rail railed quip blast blasts blasted slam slams slammed tout touts touted proclaim proclaims
proclaimed concede mention mentions mentioned relate related pledge pledged add-on groan groaned
comment comments commented commenting
"""

CUE_VERBS = frozenset(_CUE_STEMS.split())
"""Verbs that introduce speech (all forms written out, compared in lower case)."""

_Trie = dict[str, "_Trie"]
"""A letter trie: each letter leads to the rest of the words; the key "" marks a word's end."""


def trie_regex(words: Sequence[str]) -> str:
    """One regex alternation for many words, shared prefixes factored out (much faster to match).

    >>> trie_regex(["said", "says", "told"])
    '(?:sa(?:id|ys)|told)'
    """
    trie: _Trie = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def walk(node: _Trie) -> str:
        ends = "" in node
        branches = [re.escape(ch) + walk(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        # a single continuation that is not optional needs no group
        if len(branches) == 1 and not ends:
            return branches[0]
        body = "(?:" + "|".join(branches) + ")"
        return body + "?" if ends else body

    return walk(trie) if len(trie) == 1 else "(?:" + "|".join(re.escape(ch) + walk(child) for ch, child in sorted(trie.items())) + ")"


CUE = trie_regex(sorted(CUE_VERBS)) + r"\b"
"""A regex for one speech verb of :data:`CUE_VERBS`."""
CUE_EXTRA = r"(?:went on|pointed out|shot back|put it|said in a statement|told reporters|call(?:s|ed)? for)"
"""Speech cues of more than one word."""
ADVERB = r"(?:[a-z]+ly|also|then|later|once|again|simply|just|recently|previously|further|even|still)"
"""An adverb that may stand between a speaker and the verb ("Rice later said")."""
TIME = (r"(?:(?:on |last |this |late |early )?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
        r"|today|yesterday|tonight|earlier|later|recently|this week|last week|in an interview"
        r"|in a statement|at a news conference|on Twitter|in a speech)(?: (?:morning|afternoon|evening|night))?)")
"""A time or occasion phrase right after a speech verb ("said Thursday", "said in a statement")."""

PRONOUNS = frozenset({"he", "she", "they", "we", "i", "it"})
"""Subject pronouns that may speak."""
TIME_WORDS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
                        "yesterday", "tonight", "later", "earlier", "recently", "also", "then", "once", "again",
                        "night", "morning", "afternoon", "evening", "last", "this", "week", "month", "year", "first",
                        "finally", "previously"})
"""Words between a speaker and the verb that name a time ("Priebus later Thursday told")."""
PARTICLES = frozenset({"of", "de", "da", "del", "della", "di", "du", "van", "von", "der", "den", "la", "le", "bin",
                       "ibn", "al"})
"""Lower-case words inside names ("Secretary of State", "Ursula von der Leyen")."""
AUX = frozenset({"has", "have", "had", "is", "was", "are", "were", "will", "would", "can", "could", "then", "also",
                 "who", "which", "that", "later", "recently", "once", "did", "does", "do", "in", "on", "at"})
"""Words that end a descriptive noun phrase before a verb."""
DETERMINERS = frozenset({"the", "a", "an", "one", "another", "his", "her", "its", "their", "this", "that", "our", "my"})
"""Words that open a description ("the Russian minister", "one parent")."""
OPENERS = frozenset({"in", "at", "on", "after", "before", "during", "when", "while", "as", "asked", "speaking", "since",
                     "although", "though", "if", "because", "despite", "with", "without", "for", "from", "by", "under",
                     "over", "earlier", "later", "last", "this", "responding", "referring", "pressed",
                     "addressing", "writing", "commenting", "following", "like", "unlike", "among", "back"})
"""Words that open a phrase before a sentence's subject ("In an interview, Rice said")."""
CONNECTORS = frozenset({"and", "but", "as", "so", "yet", "still", "however", "meanwhile", "then", "also", "later",
                        "instead"})
"""Words that join a sentence to the one before ("But Rice said")."""
FUNCTION_END = frozenset({"and", "or", "but", "before", "after", "while", "then", "to", "by", "in", "on", "at", "with",
                          "for", "of", "from", "when", "as", "also", "which", "again", "further", "later", "first"})
"""Words that cannot end a subject: "... and said" means the subject is earlier in the sentence."""
PARTICIPLES = frozenset({"adding", "saying", "noting", "arguing", "insisting", "stressing", "warning", "explaining",
                         "suggesting", "claiming", "telling", "asserting", "contending"})
"""Speech verbs in -ing that hang on a clause ("..., adding that ...")."""


# -- people: titles, roles, organisations --------------------------------------------------------

TITLE_WORDS = frozenset("""
president vice secretary minister prime foreign defense defence interior finance state home
general army admiral colonel lieutenant sergeant captain major marshal commander senator
representative congressman congresswoman governor mayor judge justice chief director chairman
chairwoman chair speaker leader ambassador envoy spokesman spokeswoman spokesperson press
professor reverend sir lord lady king queen prince princess pope cardinal bishop rabbi imam
attorney commissioner councilman councilwoman sheriff deputy assistant undersecretary under
former acting candidate presidential democratic republican gop democrat independent white house
senate majority minority whip chancellor premier counsel advisor adviser aide strategist pollster
manager economist analyst officer agent official officials founder ceo executive treasurer clerk
superintendent first emeritus chief-of-staff councillor councilor councilmember alderman
alderwoman assemblyman assemblywoman lawmaker delegate legislator secretary-general
director-general inspector detective trooper magistrate coach procurator fiscal mp mep administrator
""".split())
"""Words that may stand before a name as a title or role (lower case).  Honorifics ("Mr", "Dame",
"Cllr") and nationality adjectives ("German", "NATO") come from :mod:`casestudy.quotes.wordlists`."""

MODIFIERS = frozenset("""
foreign defense defence interior finance state home democratic republican gop former acting
presidential white house senate majority minority first under vice prime army press deputy
assistant executive independent democrat emeritus
""".split())
"""Title words that modify a role rather than name one ("Foreign" in "Foreign Minister")."""

SINGLE_NAME_TITLES = frozenset("""
president senator governor mayor judge professor doctor detective inspector sergeant colonel
captain lieutenant admiral chancellor ambassador councillor councilor congressman congresswoman
pope cardinal archbishop bishop rabbi imam ayatollah sheikh
""".split())
"""Full-word titles after which one capitalised word is a person's name ("President Obama"); the
courtesy and noble titles and the abbreviations of the honorifics table count too ("Mr Okafor",
"Lord Kinclaven", "Gen. Lee")."""

ROLE_NOUNS = frozenset("""
teacher lawyer farmer worker owner resident student parent mother father wife husband son daughter
nurse doctor officer engineer researcher scientist writer author editor reporter member veteran
voter supporter critic historian lecturer partner founder organiser organizer volunteer fisherman
fisher pastor priest lobbyist consultant attorney candidate head boss captain skipper mechanic
driver pilot soldier grandmother grandfather neighbour neighbor friend colleague expert
manager specialist professor teenager widow retiree pensioner shopkeeper baker chef surgeon
physician dentist architect artist musician singer actor actress player athlete fan citizen
landlord tenant inventor entrepreneur investor banker trader broker accountant administrator
coordinator campaigner protester demonstrator witness victim survivor spokesperson representative
prosecutor spokesman spokeswoman official politician poster blogger analyst activist
""".split()) | (TITLE_WORDS - MODIFIERS)
"""Nouns that name a person's role ("a marine biologist", "a teacher"); with the suffixes in
:data:`ROLE_SUFFIXES` they tell a person's appositive ("Nora Lind, a biologist,") from a place's."""

ROLE_SUFFIXES = ("ist", "ian", "man", "woman", "person")
"""Endings of role nouns not in :data:`ROLE_NOUNS` (biologist, historian, fisherman, chairperson)."""

NOT_ROLE_NOUNS = frozenset("human german roman ottoman woman man".split())
"""Words with a role ending that name no role, or only a person in general."""

ORG_WORDS = frozenset("""
association committee council department ministry office party union university college school
agency company corporation bank board group institute foundation court house senate assembly
church club team street avenue road bay river city county state
commission authority administration service services government parliament police army force
forces campaign center centre organisation organization network channel federation league
coalition alliance movement front council trust fund society museum hospital airline airlines
""".split())
"""Words that end an organisation's or a place's name ("Harbour Council"), never a person's."""

OUTLET_WORDS = frozenset("""
news times post journal herald tribune telegraph gazette chronicle mail express mirror observer
standard star sun globe monitor examiner inquirer courier dispatch bulletin record register review
reporter daily weekly magazine wire agency press service network channel television tv radio
broadcasting media online today independent guardian zeitung gazeta novosti izvestia pravda vedomosti
shimbun ilbo welle
""".split())
"""Last words of a news organisation's name ("Washington Post", "Fox News"): a rule, not a list of outlets."""

SENTENCE_OPENERS = frozenset("now but and so then still yet also meanwhile however later asked".split())
"""Capitalised at the start of a sentence, but never the first word of a name ("Now Ann Lee said")."""

FEMALE_ROLES = frozenset("mother wife daughter sister grandmother widow actress niece aunt girlfriend".split())
MALE_ROLES = frozenset("father husband son brother grandfather widower nephew uncle boyfriend".split())
"""Role words that tell a person's gender (with the endings -woman and -man: "fisherman")."""

NOT_NAMES = frozenset("""
the a an and or but of in on at to for from by with as this that these those it its his her
monday tuesday wednesday thursday friday saturday sunday january february march april may june
july august september october november december today yesterday tomorrow
i we you he she they in on at after before during when while since if
""".split())
"""Capitalised words that are never part of a name."""

PRONOUN_GENDER = {"he": "male", "him": "male", "his": "male", "himself": "male",
                  "she": "female", "her": "female", "hers": "female", "herself": "female"}
"""Personal pronouns and the gender they refer to."""

UPPER = "A-Z" + "".join(ch for ch in map(chr, range(0xC0, 0x250)) if ch.isupper() and ch.isalpha())
"""The capital letters a name may start with, Latin with accents included (Í, Ó, Ø, Ł)."""
LETTERS = r"[^\W\d_]"
"""One letter of any alphabet."""
NAME_TOKEN = (r"(?:(?:[A-Z]\.){2,}|(?:Mrs|Mr|Ms|Dr|Sens|Sen|Reps|Rep|Gov|Gens|Gen|Lt|Col|Sgt|Capt|Adm|Maj|Prof|Rev|Jr|Sr|St)\."
              rf"|[A-Z]\.|(?:al-|el-)?[{UPPER}](?:[’'][{UPPER}])?{LETTERS}+(?:-[{UPPER}]{LETTERS}+)*)")
"""A capitalised word of a name: Lavrov, O'Malley, McCain, Jean-Marie, Íngrid, al-Megrahi, initials (J.), Jr."""
