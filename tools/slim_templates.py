#!/usr/bin/python3
"""Removes the styles a template never uses from its word/styles.xml, and the Word 2010
copy word/stylesWithEffects.xml, which no reader needs; names nastavnik as the application in
docProps/app.xml and leaves no bootstrap date in docProps/core.xml.

python-docx's default template defines every built-in style in full (styles.xml 350 KB,
stylesWithEffects.xml 440 KB): every filled document carried them, and printing one to PDF
spent most of its time reading styles it did not use. Kept: the styles the document, headers,
footers and numbering name, what they are based on, linked to or followed by, and each type's
default style. Run with Debian's python3 (python3-lxml comes with python3-docx):

  /usr/bin/python3 tools/slim_templates.py templates/*.docx
"""
import re
import sys
import zipfile

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
Q = "{%s}" % W
USES = re.compile(rb'<w:(?:pStyle|rStyle|tblStyle|numStyleLink|styleLink) w:val="([^"]+)"')


def slim(path):
    with zipfile.ZipFile(path) as z:
        infos = z.infolist()
        data = {i.filename: z.read(i.filename) for i in infos}
    styles = etree.fromstring(data["word/styles.xml"])
    used = set()
    for name, content in data.items():
        if name.startswith("word/") and name.endswith(".xml") and name not in ("word/styles.xml", "word/stylesWithEffects.xml"):
            used.update(m.decode() for m in USES.findall(content))
    by_id = {s.get(Q + "styleId"): s for s in styles.iter(Q + "style")}
    for s in by_id.values():
        if s.get(Q + "default") in ("1", "true"):
            used.add(s.get(Q + "styleId"))
    todo = list(used)
    while todo:
        s = by_id.get(todo.pop())
        if s is None:
            continue
        for tag in ("basedOn", "link", "next"):
            e = s.find(Q + tag)
            if e is not None and e.get(Q + "val") not in used:
                used.add(e.get(Q + "val"))
                todo.append(e.get(Q + "val"))
    before = len(by_id)
    for sid, s in by_id.items():
        if sid not in used:
            styles.remove(s)
    latent = styles.find(Q + "latentStyles")
    if latent is not None:
        styles.remove(latent)
    data["word/styles.xml"] = etree.tostring(styles, xml_declaration=True, encoding="UTF-8", standalone=True)
    if "word/stylesWithEffects.xml" in data:
        del data["word/stylesWithEffects.xml"]
        data["word/_rels/document.xml.rels"] = re.sub(
            rb'<Relationship [^>]*Target="stylesWithEffects.xml"/>', b"", data["word/_rels/document.xml.rels"])
        data["[Content_Types].xml"] = re.sub(
            rb'<Override PartName="/word/stylesWithEffects.xml"[^>]*/>', b"", data["[Content_Types].xml"])
    # The properties say what made the document, not python-docx's «Microsoft Macintosh Word»
    # with its Word version, nor a creation date of the bootstrap that every output would carry
    # (review of 7.12.2026, A19).
    if "docProps/app.xml" in data:
        app = re.sub(rb"<Application>[^<]*</Application>", b"<Application>nastavnik</Application>", data["docProps/app.xml"])
        data["docProps/app.xml"] = re.sub(rb"\s*<AppVersion>[^<]*</AppVersion>", b"", app)
    if "docProps/core.xml" in data:
        data["docProps/core.xml"] = re.sub(rb"<dcterms:(created|modified)[^>]*>[^<]*</dcterms:\1>", b"", data["docProps/core.xml"])
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for i in infos:
            if i.filename in data:
                z.writestr(i, data[i.filename], compress_type=zipfile.ZIP_DEFLATED)
    print("%s: стилей %d → %d" % (path, before, len(used & set(by_id))))


if __name__ == "__main__":
    for p in sys.argv[1:]:
        slim(p)
