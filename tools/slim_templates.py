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

Templates edited as XML get only the parts every template needs (fields in runs of their own,
no thumbnail), their other entries untouched:

  /usr/bin/python3 tools/slim_templates.py --parts templates/*.docx
"""
import re
import sys
import zipfile

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
Q = "{%s}" % W
USES = re.compile(rb'<w:(?:pStyle|rStyle|tblStyle|numStyleLink|styleLink) w:val="([^"]+)"')


# A field's characters in one run («fldChar begin / instrText PAGE / separate / t / end»): LibreOffice
# printed the page number at the paragraph mark's 14 pt, not the run's 12, and added an empty
# line under it. Each part in a run of its own with the same properties, as Word writes it.
ONE_RUN_FIELD = re.compile(
    rb'<w:r>(<w:rPr>(?:(?!</w:rPr>).)*</w:rPr>)?(<w:fldChar w:fldCharType="begin"/>)(<w:instrText[^>]*>[^<]*</w:instrText>)'
    rb'(<w:fldChar w:fldCharType="separate"/>)(<w:t(?: [^>]*)?>[^<]*</w:t>)(<w:fldChar w:fldCharType="end"/>)</w:r>', re.S)


def split_fields(xml):
    return ONE_RUN_FIELD.sub(lambda m: b"".join(b"<w:r>" + (m.group(1) or b"") + part + b"</w:r>" for part in m.groups()[1:]),
                             xml)


def parts(data):
    """What every template gets, however it is made: fields in runs of their own (headers), and
    no docProps/thumbnail.jpeg — python-docx's stock picture of another document, which a file
    manager would show for every filled document — with its relationship and content type."""
    for name in list(data):
        if re.fullmatch(r"word/(header|footer)\d*\.xml", name):
            data[name] = split_fields(data[name])
    if "docProps/thumbnail.jpeg" in data:
        del data["docProps/thumbnail.jpeg"]
        data["_rels/.rels"] = re.sub(rb'<Relationship [^>]*Target="docProps/thumbnail.jpeg"/>', b"", data["_rels/.rels"])
        if not any(n.lower().endswith((".jpeg", ".jpg")) for n in data):
            data["[Content_Types].xml"] = re.sub(rb'<Default Extension="jpeg"[^>]*/>', b"", data["[Content_Types].xml"])
    return data


def rewrite(path, infos, data):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for i in infos:
            if i.filename in data:
                z.writestr(i, data[i.filename], compress_type=zipfile.ZIP_DEFLATED)


def parts_only(path):
    """`--parts`: only `parts` on a template edited as XML, its other entries as they are."""
    with zipfile.ZipFile(path) as z:
        infos = z.infolist()
        data = {i.filename: z.read(i.filename) for i in infos}
    before = dict(data)
    parts(data)
    if data != before:
        rewrite(path, infos, data)
        print("%s: поля и эскиз" % path)


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
    parts(data)
    rewrite(path, infos, data)
    print("%s: стилей %d → %d" % (path, before, len(used & set(by_id))))


if __name__ == "__main__":
    if sys.argv[1:2] == ["--parts"]:
        for p in sys.argv[2:]:
            parts_only(p)
    else:
        for p in sys.argv[1:]:
            slim(p)
