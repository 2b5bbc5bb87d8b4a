#!/usr/bin/env python3
"""Compares the text of two DOCX files: ours and docxtemplater's output.

    doctext.py OURS.docx THEIRS.docx

Text of word/document.xml, headers and footers as Word shows it: a line per paragraph, a
line break as a new line, a tab as a tab (what docx::document_text prints for the body).
Prints "exact" if the texts are equal, "whitespace" if they are equal once runs of white
space (NBSP included) are one space and empty lines are dropped, else a diff and exits 1.
Python standard library only.
"""
import difflib
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
PARTS = re.compile(r"^word/(document|header\d*|footer\d*|footnotes|endnotes)\.xml$")


def text(file):
    out = []
    with zipfile.ZipFile(file) as z:
        for name in sorted(n for n in z.namelist() if PARTS.match(n)):
            out.append(f"=== {name}\n")
            root = ET.fromstring(z.read(name))
            for el in root.iter():
                if el.tag == W + "t":
                    out.append(el.text or "")
                elif el.tag == W + "tab" and el.get(W + "val") is None:
                    # A w:tab in a run is a tab; one with w:val is a tab stop (w:pPr/w:tabs).
                    out.append("\t")
                elif el.tag in (W + "br", W + "cr"):
                    out.append("\n")
                elif el.tag == W + "p":
                    out.append("\n")  # before the paragraph's own text: a line per paragraph
    return "".join(out)


def normalised(s):
    lines = (re.sub(r"[\s\u00a0]+", " ", line).strip() for line in s.split("\n"))
    return [line for line in lines if line]


def main():
    ours, theirs = text(sys.argv[1]), text(sys.argv[2])
    if ours == theirs:
        print("exact")
        return
    a, b = normalised(ours), normalised(theirs)
    if a == b:
        print("whitespace")
        return
    sys.stdout.writelines(difflib.unified_diff([x + "\n" for x in a], [x + "\n" for x in b], "ours", "docxtemplater", n=1))
    sys.exit(1)


if __name__ == "__main__":
    main()
