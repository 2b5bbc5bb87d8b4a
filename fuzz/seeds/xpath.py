#!/usr/bin/python3
"""Seeds for the xpath harness: the expressions of the rulesets (attributes that read as XPath)
and of the templates' tags, one per file.
usage: xpath.py OUTDIR   (from the source root)"""
import hashlib
import pathlib
import re
import sys
import zipfile

out = pathlib.Path(sys.argv[1])
exprs = set()
for p in pathlib.Path("rulesets").rglob("*.xml"):
    text = p.read_text(encoding="utf-8")
    for m in re.finditer(r'(?:test|context|subject|requires|value|fact)="([^"]+)"', text):
        exprs.add(m.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&amp;", "&"))
for p in pathlib.Path("templates").glob("*.docx"):
    with zipfile.ZipFile(p) as z:
        text = re.sub(r"<[^>]+>", "", z.read("word/document.xml").decode("utf-8"))
    for m in re.finditer(r"\{\{[#/?]?(?:each|if)?\s*(.*?)\}\}", text):
        if m.group(1).strip():
            exprs.add(m.group(1).strip())
for e in sorted(exprs):
    (out / hashlib.sha1(e.encode()).hexdigest()[:16]).write_text(e, encoding="utf-8")
