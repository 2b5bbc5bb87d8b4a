#!/usr/bin/python3
"""Seeds for the DOCX harnesses (docx_template, docx_render), cut from the templates so that an
execution stays short: each template's body in pieces of a few paragraphs and tables (a piece
grows until the template blocks opened in it are closed, so that it still fills), each piece a
package of its own with the template's styles, numbering, headers and footers; and the
Положение whole, for what only a long document has (pages, page breaks inside lists and tables).
usage: docx.py OUTDIR TEMPLATE.docx...   (from the source root)"""
import pathlib
import re
import sys
import zipfile

from package import rewrite

TAG = re.compile(r"<(/?)([A-Za-z_][\w.:-]*)[^>]*?(/?)>")
TEXT = re.compile(r"<w:t(?:\s[^>]*)?>([^<]*)</w:t>")
PIECE = 6  # top-level elements of the body per piece, at least
WHOLE = {"polozhenie.docx"}


def top_level(body):
    """The body's top-level elements (paragraphs, tables, ...) as text spans, sectPr apart."""
    spans, depth, start = [], 0, None
    for m in TAG.finditer(body):
        closing, self_closing = m.group(1) == "/", m.group(3) == "/"
        if not closing and depth == 0:
            start = m.start()
        if closing:
            depth -= 1
        elif not self_closing:
            depth += 1
        if depth == 0 and start is not None:
            spans.append(body[start:m.end()])
            start = None
    return spans


def balance(xml):
    """Template blocks opened minus closed in a piece ({{#each}}/{{#if}} against {{/each}}/{{/if}})."""
    text = "".join(TEXT.findall(xml))
    return len(re.findall(r"\{\{\s*#(?:if|each)\b", text)) - len(re.findall(r"\{\{\s*/(?:if|each)\s*\}", text))


def write(src, dst, document):
    rewrite(src, dst, lambda name, data: document.encode("utf-8") if name == "word/document.xml" else data)


def main():
    out = pathlib.Path(sys.argv[1])
    for template in map(pathlib.Path, sys.argv[2:]):
        with zipfile.ZipFile(template) as z:
            document = z.read("word/document.xml").decode("utf-8")
        if template.name in WHOLE:
            write(template, out / template.name, document)
        open_at = document.index(">", document.index("<w:body")) + 1
        close_at = document.rindex("</w:body>")
        elements = top_level(document[open_at:close_at])
        sect = [e for e in elements if e.startswith("<w:sectPr")]
        blocks = [e for e in elements if not e.startswith("<w:sectPr")]
        pieces, piece = [], []
        for e in blocks:
            piece.append(e)
            if len(piece) >= PIECE and balance("".join(piece)) == 0:
                pieces.append(piece)
                piece = []
        if piece:
            pieces.append(piece)
        for i, p in enumerate(pieces):
            body = "".join(p + sect)
            write(template, out / f"{template.stem}-{i + 1:02}.docx", document[:open_at] + body + document[close_at:])


main()
