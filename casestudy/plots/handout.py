"""A printable handout of an article: one self-contained HTML page for paper or a screen.

The page holds the cleaned article with every sentence numbered as in the notebooks' figures
(sentence 1 is the first sentence of the cleaned text, as in ``plot_sentences`` and the
explorer's menu), each direct quote and each piece of reported speech marked with its speaker
(and the speaker's side, when the article has sides: its people file's), a table of who is on which
side, and the article's provenance: its source, its dates, and every piece the cleaning removed, with
the reason. It needs nothing else: no scripts, fonts, images or links to load (the styles are
inside the page, with a print style sheet), so it prints the same anywhere and opens offline.

Marks never rely on colour alone: a direct quote is set in bold with a solid underline,
reported speech in italics with a dotted underline, and each carries its speaker's name in
brackets, so a black-and-white print reads the same.

>>> from casestudy.pipeline import read_article
>>> page = handout_html(read_article())
>>> page.startswith("<!DOCTYPE html>") and "<script" not in page and "http" not in page.split("<body")[0]
True
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..models import UNKNOWN, Quote, plural

if TYPE_CHECKING:  # pragma: no cover
    from ..pipeline import Reading

MADE_WITH = "Made with <code>python -m casestudy handout</code>"
"""The page's last line says how it was made; the command replaces only a file that says so."""

KIND_LABEL = {"direct": "quoted", "continuation": "quoted", "reported": "reported"}
"""How each kind of quote is named on the page."""

CSS = """
body { font-family: Georgia, "Times New Roman", serif; max-width: 46em; margin: 2em auto; padding: 0 1em;
       line-height: 1.55; color: #000; background: #fff; }
h1 { font-size: 1.4em; margin-bottom: 0.2em; }
h2 { font-size: 1.1em; margin-top: 1.6em; border-bottom: 1px solid #000; }
.dateline { font-variant: small-caps; }
.n { font-family: Arial, Helvetica, sans-serif; font-size: 0.72em; font-weight: bold; vertical-align: super;
     padding: 0 0.15em; margin-right: 0.1em; border: 1px solid #000; border-radius: 0.3em; }
.direct { font-weight: bold; text-decoration: underline solid; text-underline-offset: 0.2em; }
.reported { font-style: italic; text-decoration: underline dotted; text-underline-offset: 0.2em; }
.who { font-family: Arial, Helvetica, sans-serif; font-size: 0.72em; font-weight: normal; font-style: normal;
       white-space: nowrap; }
.legend, .meta { font-family: Arial, Helvetica, sans-serif; font-size: 0.85em; }
.legend { border: 1px solid #000; padding: 0.4em 0.8em; }
table { border-collapse: collapse; font-size: 0.85em; }
td, th { border: 1px solid #000; padding: 0.2em 0.5em; text-align: left; vertical-align: top; }
p { margin: 0.7em 0; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; }
  h2 { break-after: avoid; }
  p, tr, .legend { break-inside: avoid; }
  @page { margin: 2cm; }
}
"""


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def _label(quote: Quote, sides: Sequence[str] = ()) -> str:
    side = f" ({quote.side})" if quote.speaker and quote.side in sides else ""
    return f"[{_esc((quote.speaker or 'speaker unknown') + side)}, {KIND_LABEL.get(quote.kind, quote.kind)}]"


def marked_paragraphs(text: str, sentence_starts: Sequence[int], quotes: Sequence[Quote],
                      sides: Sequence[str] = ()) -> list[str]:
    """The text as HTML paragraphs: a number before each sentence, a marked span around each quote.

    Paragraphs are the text's blocks separated by a blank line. A quote that runs over a
    paragraph break is closed at the break and opened again in the next paragraph. A speaker
    on one of ``sides`` (the article's sides) is labelled with that side.

    >>> from casestudy.models import Quote
    >>> text = 'Ann came. "Hi," she said.'
    >>> marked_paragraphs(text, [0, 10], [Quote(10, 15, '"Hi,"', "Hi,", "Ann", "direct", "r")])
    ['<p><span class="n">1</span>Ann came. <span class="n">2</span><span class="direct">&quot;Hi,&quot;</span> <span class="who">[Ann, quoted]</span> she said.</p>']
    """
    number = {start: k for k, start in enumerate(sentence_starts, start=1)}
    spans = sorted((q for q in quotes if q.kind in KIND_LABEL), key=lambda q: q.start)
    paragraphs: list[str] = []
    position = 0
    for block in text.split("\n\n"):
        start, end = position, position + len(block)
        position = end + 2
        out: list[str] = []
        cuts = sorted({start, end, *(s for s in number if start <= s < end),
                       *(b for q in spans for b in (q.start, q.end) if start < b < end)})
        open_quote: Quote | None = None
        for a, b in zip(cuts, cuts[1:]):
            if a in number:
                if open_quote is not None:  # a sentence number never sits inside a quote's span tag
                    out.append("</span>")
                out.append(f'<span class="n">{number[a]}</span>')
                if open_quote is not None:
                    out.append(f'<span class="{"reported" if open_quote.kind == "reported" else "direct"}">')
            quote = next((q for q in spans if q.start <= a < q.end), None)
            if quote is not open_quote:
                if open_quote is not None:
                    out.append(f'</span> <span class="who">{_label(open_quote, sides)}</span>')
                if quote is not None:
                    out.append(f'<span class="{"reported" if quote.kind == "reported" else "direct"}">')
                open_quote = quote
            out.append(_esc(text[a:b]))
        if open_quote is not None:
            out.append(f'</span> <span class="who">{_label(open_quote, sides)}</span>')
        paragraphs.append("<p>" + "".join(out).replace("\n", " ") + "</p>")
    return paragraphs


def sides_table(reading: Reading) -> str:
    """Who is on which side, as an HTML table: each side in order, then the speakers of no side ('' without sides).

    >>> from casestudy.pipeline import read_article
    >>> from casestudy.models import Person
    >>> print(sides_table(read_article('"We won," Ann Lee said.', people=[Person("Ann Lee", side="UK")])))
    <table class="meta"><tr><th>Side</th><th>Speakers quoted</th></tr><tr><td>UK</td><td>Ann Lee (1 quote)</td></tr><tr><td>no side (unknown)</td><td>none</td></tr></table>
    """
    if not reading.sides:
        return ""
    counts: dict[str, dict[str, int]] = {side: {} for side in (*reading.side_names, UNKNOWN)}
    for q in reading.quotes:
        if q.speaker:
            who = counts[q.side if q.side in counts else UNKNOWN]
            who[q.speaker] = who.get(q.speaker, 0) + 1
    rows = []
    for side, speakers in counts.items():
        named = ", ".join(f"{name} ({plural(n, 'quote')})" for name, n in speakers.items()) or "none"
        rows.append(f"<tr><td>{_esc(side if side != UNKNOWN else 'no side (unknown)')}</td><td>{_esc(named)}</td></tr>")
    return f'<table class="meta"><tr><th>Side</th><th>Speakers quoted</th></tr>{"".join(rows)}</table>'


def handout_html(reading: Reading, source_name: str | None = None, people_name: str | None = None) -> str:
    """The whole handout page for one article, as a string of HTML.

    ``people_name`` names the people file the sides come from (the bundled
    article's, for the bundled article).
    """
    article, clean = reading.article, reading.clean
    meta = article.metadata
    title = clean.title or meta.title or "Untitled article"
    source = source_name or ("the bundled article" if article.bundled else article.source)
    rows = [("Source", source)]
    if meta.publisher:
        rows.append(("Publisher", meta.publisher + (f" ({meta.extra['publisher_note']})"
                                                    if meta.extra.get("publisher_note") else "")))
    if clean.dateline is not None:
        rows.append(("Dateline", clean.dateline.text))
    if clean.published:
        how = f" ({clean.published_source})" if getattr(clean, "published_source", None) else ""
        rows.append(("Published", clean.published + how))
    if clean.page_timestamp is not None and clean.page_timestamp.iso:
        rows.append(("Page saved", f"{clean.page_timestamp.iso} (the archive page's clock, not the publication date)"))
    if meta.extra.get("archive_url_path"):
        rows.append(("Archive address", str(meta.extra["archive_url_path"])))
    if meta.copyright:
        rows.append(("Copyright", meta.copyright))
    facts = "".join(f"<tr><th>{_esc(k)}</th><td>{_esc(v)}</td></tr>" for k, v in rows)
    removed = "".join(f"<tr><td>{_esc(' '.join(r.text.split())[:90])}</td><td>{_esc(r.reason)}</td></tr>"
                      for r in clean.removed) or '<tr><td colspan="2">nothing</td></tr>'
    body = marked_paragraphs(clean.text, [s.start for s in clean.sentences], reading.quotes, reading.side_names)
    speakers = sorted({q.speaker for q in reading.quotes if q.speaker})
    cast = people_name or ("the bundled people file" if article.bundled else "the people file")
    sides = (f"<h2>Who is on which side</h2>\n<p class=\"meta\">The sides, in order, and each speaker's side come "
             f"from {_esc(cast)}; a speaker on none is under 'no side'.</p>\n{sides_table(reading)}\n"
             if reading.sides else "")
    dateline = f'<p class="dateline">{_esc(clean.dateline.text)}</p>' if clean.dateline is not None else ""
    side_note = ", with the speaker's side" if reading.sides else ""
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{_esc(title)} (handout)</title>
<style>{CSS}</style>
</head>
<body>
<h1>{_esc(title)}</h1>
{dateline}
<div class="legend">
<p><span class="n">7</span> sentence number, the same as in the notebooks' figures
({_esc(plural(len(clean.sentences), 'sentence'))}).
<span class="direct">Bold, solid underline</span>: a speaker's own words in quotation marks.
<span class="reported">Italic, dotted underline</span>: reported speech, the reporter's paraphrase.
Each is followed by its speaker in brackets, as the case study's rules attributed it{side_note}
(speakers found: {_esc(', '.join(speakers)) or 'none'}). The rules can be wrong: check them against the text.</p>
</div>
{''.join(body)}
{sides}<h2>Where this text comes from</h2>
<table class="meta">{facts}</table>
<h2>What the cleaning removed</h2>
<p class="meta">These pieces of the saved page are not part of the story; each is listed with the reason
the cleaning gave.</p>
<table class="meta"><tr><th>Removed text</th><th>Why</th></tr>{removed}</table>
<p class="meta">{MADE_WITH} from {_esc(source)}.</p>
</body>
</html>
"""
