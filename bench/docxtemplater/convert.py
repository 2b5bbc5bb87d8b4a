#!/usr/bin/env python3
"""Turns one of our templates into docxtemplater's tag syntax (issue 6's anchor).

    convert.py TEMPLATE.docx OUT.docx MANIFEST.tsv

Only the text of the tags changes: {{expr}} and {{? expr}} → {vN}, {{#each}}…{{/each}} →
{#lN}…{/lN}, {{#if}}…{{else}}…{{/if}} → {#cN}…{/cN}{^cN}…{/cN}. Runs, paragraphs, tables and
every other part stay as they are, so both engines parse, copy and serialise the same XML.
The one structural change: an {{else}} standing alone in its paragraph becomes two paragraphs
({/cN} and {^cN}), because docxtemplater drops a block's tag paragraphs (paragraphLoop) only
when each tag stands alone — both vanish from the output, as our {{else}} paragraph does.

MANIFEST.tsv lists every tag in document order, "N<TAB>part<TAB>tag as written"; the fields
tool (bench/docxtemplater/fields.cpp) reads it to evaluate the same expressions with our
evaluator and write the data for docxtemplater. N is shared by a block's opening, else and
closing tags.

Python standard library only: the bench must not need python-docx.
"""
import html
import re
import sys
import zipfile
from xml.sax.saxutils import escape

# The parts our engine looks for tags in (src/docx: is_templated_part).
TEMPLATED = re.compile(r"^word/(document|header\d*|footer\d*|footnotes|endnotes)\.xml$")
# A paragraph: <w:p> or <w:p attrs>, not <w:pPr> and not the empty <w:p/>. Our templates
# have no text boxes, so paragraphs do not nest (checked below).
PARAGRAPH = re.compile(r"<w:p(?:\s[^>]*)?(?<!/)>.*?</w:p>", re.S)
TEXT = re.compile(r"(<w:t(?:\s[^>]*)?(?<!/)>)(.*?)(</w:t>)", re.S)
TAG = re.compile(r"\{\{.*?\}\}", re.S)


def kind_of(tag):
    """What the tag is, read as src/docx/tags.cpp classify() reads it (typographic quotes and
    NBSP inside the expression do not matter for the kind)."""
    inner = tag[2:-2].replace("\u00a0", " ").strip()
    word = inner.split(None, 1)[0] if inner.split() else ""
    if word == "#each":
        return "each"
    if word == "#if":
        return "if"
    if inner == "else":
        return "else"
    if inner == "/each":
        return "end_each"
    if inner == "/if":
        return "end_if"
    if inner.startswith("?"):
        return "value"
    if inner and not inner.startswith("#"):
        return "value"
    raise SystemExit(f"convert.py: unknown tag {tag!r}")


class Numbering:
    """Gives each tag its docxtemplater name; blocks keep theirs from opening to closing."""

    def __init__(self):
        self.next = 0
        self.stack = []  # (kind, N)
        self.manifest = []

    def name(self, tag, part):
        kind = kind_of(tag)
        if kind in ("value", "each", "if"):
            self.next += 1
            n = self.next
            if kind != "value":
                self.stack.append((kind, n))
        else:
            if not self.stack:
                raise SystemExit(f"convert.py: {tag} without an opening tag in {part}")
            opened, n = self.stack[-1]
            if kind in ("end_each", "end_if"):
                if opened != kind[4:]:
                    raise SystemExit(f"convert.py: {tag} closes {{{{#{opened}}}}} in {part}")
                self.stack.pop()
            elif opened != "if":
                raise SystemExit(f"convert.py: {{{{else}}}} inside {{{{#each}}}} in {part}")
        self.manifest.append(f"{n}\t{part}\t{tag}")
        return kind, {
            "value": f"{{v{n}}}",
            "each": f"{{#l{n}}}",
            "end_each": f"{{/l{n}}}",
            "if": f"{{#c{n}}}",
            "else": f"{{/c{n}}}{{^c{n}}}",
            "end_if": f"{{/c{n}}}",
        }[kind]


def set_texts(paragraph, pieces, new_texts):
    """The paragraph with the w:t contents replaced where they changed (others byte for byte)."""
    out, last = [], 0
    for (match, text), new in zip(pieces, new_texts):
        out.append(paragraph[last:match.start()])
        if new == text:
            out.append(match.group(0))
        else:
            opening = match.group(1)
            if new != new.strip() and "xml:space" not in opening:
                opening = opening[:-1] + ' xml:space="preserve">'
            out.append(opening + escape(new) + match.group(3))
        last = match.end()
    out.append(paragraph[last:])
    return "".join(out)


def convert_paragraph(paragraph, part, numbering):
    pieces = [(m, html.unescape(m.group(2))) for m in TEXT.finditer(paragraph)]
    text = "".join(t for _, t in pieces)
    spans = [(m.start(), m.end()) for m in TAG.finditer(text)]
    if not spans:
        return paragraph
    # Where each piece starts in the paragraph's text.
    starts, offset = [], 0
    for _, t in pieces:
        starts.append(offset)
        offset += len(t)
    replaced = [(a, b, numbering.name(text[a:b], part)) for a, b in spans]
    # An {{else}} alone in its paragraph: one paragraph per docxtemplater tag (see above).
    if len(replaced) == 1 and replaced[0][2][0] == "else" and text.strip() == text[replaced[0][0]:replaced[0][1]]:
        close, open_ = replaced[0][2][1].split("}{")
        a, b = replaced[0][0], replaced[0][1]
        return "".join(
            convert_spans(paragraph, pieces, starts, [(a, b, t)]) for t in (close + "}", "{" + open_)
        )
    return convert_spans(paragraph, pieces, starts, [(a, b, new) for a, b, (_, new) in replaced])


def convert_spans(paragraph, pieces, starts, spans):
    """Puts each span's new text where the tag starts and removes the rest of the tag from
    the pieces it was split over (Word's runs), leaving every run in place."""
    new_texts = [t for _, t in pieces]
    for a, b, new in reversed(spans):  # last first: earlier offsets stay valid
        for i, (_, t) in enumerate(pieces):
            s, e = starts[i], starts[i] + len(t)
            if e <= a or s >= b or s == e:
                continue
            lo, hi = max(a, s) - s, min(b, e) - s
            cur = new_texts[i]
            # Offsets within the original piece: pieces are only shortened at or after `a`
            # by later spans, which were processed before, so lo/hi still index `cur` here.
            insert = new if s <= a < e else ""
            new_texts[i] = cur[:lo] + insert + cur[hi:]
    return set_texts(paragraph, pieces, new_texts)


def main():
    if len(sys.argv) != 4:
        raise SystemExit(__doc__)
    src, dst, manifest = sys.argv[1:]
    numbering = Numbering()
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if TEMPLATED.match(info.filename):
                xml = data.decode("utf-8")
                if "<w:txbxContent" in xml:
                    raise SystemExit(f"convert.py: {info.filename} has text boxes (nested paragraphs)")
                xml = PARAGRAPH.sub(lambda m: convert_paragraph(m.group(0), info.filename, numbering), xml)
                data = xml.encode("utf-8")
            # Same entry order, names, time stamps and compression method as the template.
            zout.writestr(info, data, compress_type=info.compress_type)
    if numbering.stack:
        raise SystemExit(f"convert.py: unclosed blocks {numbering.stack} in {src}")
    with open(manifest, "w", encoding="utf-8") as f:
        f.write("\n".join(numbering.manifest) + "\n")


if __name__ == "__main__":
    main()
