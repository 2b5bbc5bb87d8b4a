#!/usr/bin/env python3
"""Bootstraps the DOCX templates in templates/ (python-docx, Debian package python3-docx).

The DOCX files are the source of truth — a clerk edits them in Word or LibreOffice; this
script only made their first version reproducibly. Form: ГОСТ Р 7.0.97-2016 (A4, margins
30/10/20/20 mm, 14 pt serif, 1.25 cm indent, page numbers centred at the top from page 2).
Tags: docs/CONTRACTS.md §4.
"""
import datetime
import re
import sys

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

FONT = "Times New Roman"
ORG = "/data/organisation"
SHORT = "{{/data/organisation/short_name}}"
# In a гриф or an addressee block, after a position or «приказом»: not broken across lines when
# short enough for one (n:nobreak, docs/CONTRACTS.md).
SHORT_NOBREAK = "{{n:nobreak(/data/organisation/short_name)}}"
# The blanks a person fills in by hand, in one form each in every document (a clerk sends back a
# package where «20__» and «20___» stand side by side); tests/generate/blanks.hpp holds the same forms.
# The year keeps its «г.» as a written date does; a signature is the line and the name, without a
# slash (ГОСТ Р 7.0.97, requisite «подпись»).
BLANK_DATE = "«___» ____________ 20___\u00a0г."
BLANK_NUMBER = "________"
BLANK_SIGNATURE = "____________"
# A form of mentoring as the Положение lists it (4.1.5): named by the roles of a pair, it is
# quoted («педагог – педагог»); a named one is not (наставничество в группе). Every document that
# names a pair's form writes it so.
def quoted_form(form):
    return ("{{#if contains(" + form + ", ' – ') or contains(" + form + ", ' - ') or contains(" + form +
            ", ' — ')}}«{{" + form + "}}»{{else}}{{" + form + "}}{{/if}}")


IS_KG = "/data/organisation/type = 'дошкольная'"
IS_SCHOOL = "/data/organisation/type = 'общеобразовательная'"


def new_document():
    doc = Document()
    cp = doc.core_properties
    cp.author = "nastavnik"
    cp.last_modified_by = "nastavnik"
    cp.created = cp.modified = datetime.datetime(2022, 1, 1)
    cp.revision = 1
    cp.title = ""
    cp.comments = ""
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Mm(210), Mm(297)
    sec.left_margin, sec.right_margin = Mm(30), Mm(10)
    sec.top_margin, sec.bottom_margin = Mm(20), Mm(20)
    sec.header_distance = Mm(10)
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(14)
    rpr = normal.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), "ru-RU")
    lang.set(qn("w:eastAsia"), "ru-RU")
    rpr.append(lang)
    pf = normal.paragraph_format
    pf.space_before = Pt(0)
    pf.space_after = Pt(0)
    pf.line_spacing_rule = WD_LINE_SPACING.SINGLE
    pf.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    pf.first_line_indent = Cm(1.25)
    pf.widow_control = True
    page_numbers(sec)
    # Justified text is hyphenated (Word, LibreOffice and our PDF renderer read this setting);
    # document_settings.hyphenation turns it off for an organisation.
    settings = doc.settings.element
    hyphenation = OxmlElement("w:autoHyphenation")
    tab = settings.find(qn("w:defaultTabStop"))
    if tab is not None:
        tab.addnext(hyphenation)
    else:
        settings.insert(0, hyphenation)
    return doc


def page_numbers(section):
    """PAGE field centred in the header; none on the first page (ГОСТ Р 7.0.97, п. 6.5)."""
    section.different_first_page_header_footer = True
    p = section.header.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.paragraph_format.first_line_indent = Cm(0)
    # Each part of the field in a run of its own, all 12 pt (one run: LibreOffice printed the number
    # at 14 pt and added an empty line under it).
    for kind, text in (("begin", None), ("instr", " PAGE "), ("separate", None), ("text", "2"), ("end", None)):
        run = p.add_run()
        run.font.size = Pt(12)
        if kind == "instr":
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = text
        elif kind == "text":
            el = OxmlElement("w:t")
            el.text = text
        else:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        run._r.append(el)
    section.first_page_header.paragraphs[0].text = ""


_TAG = re.compile(r"(\{\{.*?\}\})", re.S)
_LETTER = "А-Яа-яЁёA-Za-z"
_TYPESET = (
    # «№ 127»: the sign never ends a line (ГОСТ Р 7.0.97).
    (re.compile("№ "), "№\u00a0"),
    # A hyphen between a number and letters inside an act's number or a word («АЗ-1128/08»,
    # «3273-р», «152-ФЗ», «1-го») does not break: U+2011, written as w:noBreakHyphen.
    (re.compile("(?<=[0-9])-(?=[А-Яа-яЁё])|(?<=[А-Яа-яЁё])-(?=[0-9])"), "\u2011"),
    # «г. Барнаул», «ул. Советская», «д. 8», «ст. 351.8», «п. 2»: the abbreviation stays with
    # what it names.
    # «2027 г. Согласие …» is a year ending a sentence, not a town: after a number or a tag's
    # value (a date) the space stays breakable.
    (re.compile(r"(?<![0-9}][ \u00a0])(?<![" + _LETTER + r"])(г|ул|пр|пер|пл|с)\. (?=[А-ЯЁA-Z«])"), "\\1.\u00a0"),
    (re.compile(r"(?<![" + _LETTER + r"])(д|ст|ч|п|пп|корп|кв|разд|гл)\. (?=[0-9])"), "\\1.\u00a0"),
    # «2022 г.», «2022–2023 гг.», «15 чел.», «15 человек».
    (re.compile(r"(?<=[0-9]) (?=(гг?\.|чел))"), "\u00a0"),
    # « — »: a line never begins with the dash.
    (re.compile(" — "), "\u00a0— "),
)


def typeset(text):
    """The typography of the templates' own text (outside tags), as n:typo gives data
    (src/text/typography.cpp): non-breaking spaces and hyphens where a line must not break."""
    parts = _TAG.split(text)
    for i in range(0, len(parts), 2):
        # After a tag the patterns see its closing braces (a value stands there).
        piece = ("}}" if i > 0 else "") + parts[i]
        for pattern, repl in _TYPESET:
            piece = pattern.sub(repl, piece)
        parts[i] = piece[2:] if i > 0 else piece
    return "".join(parts)


def set_text(run, text):
    """The run's text: w:t pieces, with w:tab, w:br and w:noBreakHyphen (Word draws the font's
    own hyphen there; a U+2011 character would fall back to another font)."""
    r = run._r
    for child in list(r):
        if child.tag != qn("w:rPr"):
            r.remove(child)
    for piece in re.split("([\t\n\u2011])", text):
        if piece == "":
            continue
        if piece in ("\t", "\n", "\u2011"):
            r.append(OxmlElement({"\t": "w:tab", "\n": "w:br", "\u2011": "w:noBreakHyphen"}[piece]))
            continue
        t = OxmlElement("w:t")
        t.set(qn("xml:space"), "preserve")
        t.text = piece
        r.append(t)


def add_run(p, text):
    run = p.add_run()
    set_text(run, typeset(text))
    return run


# What follows w:suppressAutoHyphens in w:pPr (ECMA-376 CT_PPrBase): it is inserted before them.
_AFTER_SUPPRESS_HYPHENS = ("w:kinsoku", "w:wordWrap", "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE",
                           "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind",
                           "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection",
                           "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr",
                           "w:sectPr", "w:pPrChange")


def no_hyphens(p):
    """A paragraph that automatic hyphenation leaves whole: titles and headings, and table cells
    that name people (a surname or patronymic is not broken: «Мак-симовна»). A paragraph
    property, so that Word, LibreOffice and our PDF renderer all read it."""
    ppr = p._p.get_or_add_pPr()
    if ppr.find(qn("w:suppressAutoHyphens")) is None:
        ppr.insert_element_before(OxmlElement("w:suppressAutoHyphens"), *_AFTER_SUPPRESS_HYPHENS)
    return p


def para(doc_or_cell, text="", *, bold=False, align=None, indent=True, caps=False, size=None, keep=False,
         before=0, after=0):
    """A paragraph; a centred one (a title) is not hyphenated."""
    p = doc_or_cell.add_paragraph()
    if align == WD_ALIGN_PARAGRAPH.CENTER:
        no_hyphens(p)
    if text:
        r = add_run(p, text)
        r.bold = bold
        r.font.all_caps = caps
        if size:
            r.font.size = Pt(size)
    if align is not None:
        p.alignment = align
    if not indent:
        p.paragraph_format.first_line_indent = Cm(0)
    if keep:
        p.paragraph_format.keep_with_next = True
    p.paragraph_format.space_before = Pt(before)
    p.paragraph_format.space_after = Pt(after)
    return p


def heading(doc, text):
    return para(doc, text, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False, keep=True, before=12, after=6)


def borderless_table(doc, cols, widths_mm):
    t = doc.add_table(rows=1, cols=cols)
    t.alignment = WD_TABLE_ALIGNMENT.LEFT
    t.autofit = False
    tbl_pr = t._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        e = OxmlElement("w:" + edge)
        e.set(qn("w:val"), "nil")
        borders.append(e)
    tbl_pr.append(borders)
    for i, w in enumerate(widths_mm):
        t.columns[i].width = Mm(w)
        t.rows[0].cells[i].width = Mm(w)
    for c in t.rows[0].cells:
        c.paragraphs[0]._p.getparent().remove(c.paragraphs[0]._p)
    return t


def cell_para(cell, text, align=WD_ALIGN_PARAGRAPH.LEFT, bold=False, size=None):
    """A line of a requisite in a borderless table — a гриф, an addressee, a signature, the
    parties' details: not hyphenated («приказом МБУ ДО «ЦДТ Октябрьского рай-она»» before)."""
    return no_hyphens(para(cell, text, bold=bold, align=align, indent=False, size=size))


def grid_table(doc, widths_mm, headers, rows=1):
    """A bordered table whose first row holds bold centred headers and repeats on every page."""
    table = doc.add_table(rows=1 + rows, cols=len(widths_mm))
    table.style = doc.styles["Table Grid"]
    for i, w in enumerate(widths_mm):
        table.columns[i].width = Mm(w)
        for r in table.rows:
            r.cells[i].width = Mm(w)
    for i, h in enumerate(headers):
        fill_cell(table.rows[0].cells[i], [h], bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    table.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
    return table


def fill_cell(cell, lines, bold=False, align=WD_ALIGN_PARAGRAPH.LEFT, size=11, hyphenate=True):
    """Replaces a cell's text by `lines`, one paragraph each, without a first-line indent;
    `hyphenate=False` for a cell that names people."""
    cell.paragraphs[0].text = ""
    for i, line in enumerate(lines):
        p = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
        if not hyphenate or align == WD_ALIGN_PARAGRAPH.CENTER:
            no_hyphens(p)
        run = add_run(p, line)
        run.bold = bold
        run.font.size = Pt(size)
        p.paragraph_format.first_line_indent = Cm(0)
        p.alignment = align


# Words the Russian hyphenation patterns break wrongly where they fall at a line's end, in the
# phrase that holds them: («краткосрочная пе-/рсонализированная» in § 1.5 of every Положение, in
# LibreOffice and in our PDF alike: reader of 7.12.2026, A14). A soft hyphen does not help:
# LibreOffice still offers the patterns' points in a word that has one, and a no-break space
# before the next word does not stop it hyphenating the first. The word gets a run of its own in
# no language (w:lang zxx), which neither LibreOffice, Word nor our renderer hyphenates.
# The same word in the Положение's «другие формы» paragraph, whose lines move with the forms an
# organisation applies («от цели пе-/рсонализированной», ЦДТ).
UNHYPHENATED = (("краткосрочная персонализированная", "персонализированная"),
                ("от цели персонализированной", "персонализированной"))


def keep_words_whole(doc):
    import copy
    for phrase, word in UNHYPHENATED:
        for r in doc.element.body.iter(qn("w:r")):
            t = r.find(qn("w:t"))
            if t is None or t.text is None or phrase not in t.text:
                continue
            at = t.text.index(phrase) + phrase.index(word)
            before, after = t.text[:at], t.text[at + len(word):]
            last = r
            for text, lang in ((word, True), (after, False)):
                run = copy.deepcopy(r)
                run.find(qn("w:t")).text = text
                if lang:
                    rpr = run.find(qn("w:rPr"))
                    if rpr is None:
                        rpr = OxmlElement("w:rPr")
                        run.insert(0, rpr)
                    for tag in ("w:noProof", "w:lang"):  # in the order of CT_RPr
                        e = OxmlElement(tag)
                        if tag == "w:lang":
                            e.set(qn("w:val"), "zxx")
                        rpr.append(e)
                last.addnext(run)
                last = run
            t.text = before
            t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")


def save(doc, path):
    keep_words_whole(doc)
    doc.save(path)
    # python-docx writes every built-in style out in full; keep only those the template uses.
    import slim_templates
    slim_templates.slim(path)
    print("written", path)


# ---------------------------------------------------------------------------------------------
def bottom_aligned(cell):
    """The signature's name stands level with the last line of a position that wraps (office
    practice, as in the ГОСТ Р 7.0.97 examples)."""
    tc_pr = cell._tc.get_or_add_tcPr()
    v = OxmlElement("w:vAlign")
    v.set(qn("w:val"), "bottom")
    tc_pr.append(v)


def signature_block(doc, position, name, before=0):
    """Position | a line to sign on | И.О. Фамилия, in a borderless table; the line and the name
    stand level with the last line of the position."""
    sig = borderless_table(doc, 3, (95, 35, 40))
    left, middle, right = sig.rows[0].cells
    cell_para(left, position)
    cell_para(middle, BLANK_SIGNATURE, align=WD_ALIGN_PARAGRAPH.CENTER)
    cell_para(right, name, align=WD_ALIGN_PARAGRAPH.RIGHT)
    for c in (middle, right):
        bottom_aligned(c)
    for c in sig.rows[0].cells:
        c.paragraphs[0].paragraph_format.space_before = Pt(before)
    return sig


def cant_split(row):
    """A table row that is not broken across pages (a finding is read as one piece)."""
    row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))


def placeholder_png(shade):
    """A 1×1 grey PNG. Each chart gets its own shade: python-docx stores equal images once,
    and pictures sharing one image could not be filled with different charts."""
    import struct
    import zlib

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)) +
            chunk(b"IDAT", zlib.compress(bytes([0, shade]))) + chunk(b"IEND", b""))


CHART_SHADES = {}


def chart_placeholder(doc, name, height_cm, keep=True):
    """A picture the program replaces with the chart NAME (alternative text «chart:NAME»,
    docs/CONTRACTS.md §4)."""
    import io
    CHART_SHADES.setdefault(name, 200 + len(CHART_SHADES))
    doc.add_picture(io.BytesIO(placeholder_png(CHART_SHADES[name])), width=Cm(16.5), height=Cm(height_cm))
    p = doc.paragraphs[-1]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.paragraph_format.first_line_indent = Cm(0)
    p.paragraph_format.keep_with_next = keep
    doc_pr = p._p.xpath(".//wp:docPr")[0]
    doc_pr.set("descr", "chart:" + name)
    doc_pr.set("name", "Диаграмма " + name)
    # The picture's namespaces declared once on the document: a declaration inside a
    # conditional block would keep the template engine from writing it straight into bytes.
    from lxml import etree
    etree.cleanup_namespaces(doc.element, top_nsmap={
        "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
        "pic": "http://schemas.openxmlformats.org/drawingml/2006/picture"})
    return p


def blank_or(expr, blank, fmt="{{%s}}"):
    """The value when the data has it, else a line to fill in by hand."""
    return "{{#if " + expr + "}}" + (fmt % expr) + "{{else}}" + blank + "{{/if}}"


def spravka_o_proverke(path):
    """The auditor's act: `nastavnik check ORG --act FILE.docx [--inspection FILE]` (data:
    /act/data, /act/inspection, /act/check; src/rules/check_document.cpp). What the inspecting
    body does not give is a blank line to fill in by hand, never a placeholder."""
    doc = new_document()
    ORGN = "/act/data/organisation"
    I = "/act/inspection"
    C = "/act/check"
    HEAD = ORGN + "/head"
    DATE_BLANK = BLANK_DATE
    para(doc, "{{#if " + I + "/body}}")
    para(doc, "{{" + I + "/body}}", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False)
    para(doc, "{{/if}}")
    para(doc, "СПРАВКА", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False, before=18, after=12, size=16)
    t = borderless_table(doc, 2, (85, 85))
    cell_para(t.rows[0].cells[0], blank_or(I + "/date", "______________", "{{n:date(%s)}}"))
    cell_para(t.rows[0].cells[1], "№ " + blank_or(I + "/number", "________"), align=WD_ALIGN_PARAGRAPH.RIGHT)
    para(doc, "{{#if " + I + "/place}}{{" + I + "/place}}{{else}}{{? " + ORGN + "/place}}{{/if}}",
         align=WD_ALIGN_PARAGRAPH.CENTER, indent=False, before=6, after=18)
    para(doc, "О результатах проверки организации системы", align=WD_ALIGN_PARAGRAPH.LEFT, indent=False)
    para(doc, "наставничества педагогических работников", align=WD_ALIGN_PARAGRAPH.LEFT, indent=False)
    para(doc, "в {{" + ORGN + "/short_name}}", align=WD_ALIGN_PARAGRAPH.LEFT, indent=False, after=18)

    para(doc, "1. Основание проверки: " + blank_or(I + "/basis", "__________________________________________") + ".")
    para(doc, "2. Сроки проведения проверки: {{#if " + I + "/period/from and " + I + "/period/to}}с {{n:date(" + I +
         "/period/from)}} по {{n:date(" + I + "/period/to)}}.{{else}}с " + DATE_BLANK + " по " + DATE_BLANK +
         "{{/if}} Сведения проверены по состоянию на {{n:date(" + C + "/as_of)}}.")
    para(doc, "3. Проверку {{#if " + I + "/inspector}}{{n:if(" + I + "/inspector/gender = 'ж', 'провела', 'провёл')}} "
         "{{n:position('inspector')}} {{n:initials-surname('inspector')}}{{else}}провело должностное лицо: "
         "__________________________________________{{/if}}.")
    para(doc, "4. Проверяемая организация: {{" + ORGN + "/full_name}}{{#if " + ORGN + "/address}}, {{" + ORGN +
         "/address}}{{/if}}; руководитель — {{n:position(" + HEAD + ")}} {{n:initials-surname(" + HEAD + ")}}.")
    # The acts as a list names them (nominative): «установленных:» before it would want them in
    # the instrumental.
    para(doc, "5. Предмет проверки: соблюдение требований к организации системы наставничества педагогических "
         "работников. Акты, устанавливающие проверенные требования:", keep=True)
    para(doc, "{{#each " + C + "/acts/act}}")
    para(doc, "— {{.}}{{#if position() = last()}}.{{else}};{{/if}}")
    para(doc, "{{/each}}")
    para(doc, "Проверка проведена по сведениям, представленным организацией.")
    para(doc, "6. Результаты проверки. Проверено соблюдение {{n:plural(" + C + "/summary/rules, 'требования', "
         "'требований', 'требований')}}. {{#if " + C + "/section}}Выявлено: нарушений обязательных требований — {{" + C +
         "/summary/errors}}, замечаний — {{" + C + "/summary/warnings}}, рекомендаций — {{" + C + "/summary/info}}; "
         "не оценено из-за отсутствия сведений — {{" + C + "/summary/not_evaluable}}.{{else}}Нарушений, замечаний и "
         "рекомендаций нет; все требования оценены.{{/if}}")
    para(doc, "{{#each " + C + "/section}}")
    para(doc, "6.{{n}}. {{title}}:", indent=True, before=6, after=3, keep=True)
    table = grid_table(doc, (10, 90, 70), ("№", "{{n:if(@kind = 'not_evaluable', 'Не оценено', 'Выявлено')}}",
                                           "Требование и основание"))
    texts = ("{{#each finding}}{{position()}}", "{{text}}", None)
    cells = table.rows[1].cells
    fill_cell(cells[0], [texts[0]])
    fill_cell(cells[1], [texts[1]])
    fill_cell(cells[2], ["{{requirement}}.", "Основание: {{citation}}.{{/each}}"])
    cant_split(table.rows[1])
    para(doc, "{{/each}}")

    para(doc, "7. Выводы и предложения:", before=6, keep=True)
    para(doc, "{{#if " + C + "/section[@kind = 'error']}}")
    para(doc, "— организация системы наставничества педагогических работников не соответствует обязательным "
         "требованиям; руководителю организации устранить нарушения, указанные в подпункте "
         "6.{{" + C + "/section[@kind = 'error']/n}}, в срок до " + blank_or(I + "/deadline", DATE_BLANK, "{{n:date(%s)}}") +
         " и представить информацию об их устранении;")
    para(doc, "{{else}}")
    para(doc, "— нарушений обязательных требований к организации системы наставничества педагогических работников "
         "не выявлено;")
    para(doc, "{{/if}}")
    para(doc, "{{#if " + C + "/section[@kind = 'warning']}}")
    para(doc, "— рассмотреть замечания, указанные в подпункте 6.{{" + C + "/section[@kind = 'warning']/n}}, и "
         "принять меры по их устранению;")
    para(doc, "{{/if}}")
    para(doc, "{{#if " + C + "/section[@kind = 'info']}}")
    para(doc, "— учесть рекомендации, указанные в подпункте 6.{{" + C + "/section[@kind = 'info']/n}}, при "
         "актуализации локальных актов и персонализированных программ наставничества;")
    para(doc, "{{/if}}")
    para(doc, "{{#if " + C + "/section[@kind = 'not_evaluable']}}")
    para(doc, "— представить сведения, указанные в подпункте 6.{{" + C + "/section[@kind = 'not_evaluable']/n}}, "
         "для завершения оценки;")
    para(doc, "{{/if}}")
    para(doc, "— заключение составлено по сведениям на {{n:date(" + C + "/as_of)}}.")

    signature_block(doc, "{{#if " + I + "/inspector}}{{n:capitalize(" + I + "/inspector/position)}}{{else}}"
                    "Должностное лицо, проводившее проверку{{/if}}",
                    "{{#if " + I + "/inspector}}{{n:initials-surname('inspector')}}{{else}}______________{{/if}}", before=30)
    para(doc, "Со справкой {{n:if(n:person(" + HEAD + ")/gender = 'ж', 'ознакомлена', 'ознакомлен')}}:",
         indent=False, before=18, keep=True)
    signature_block(doc, "{{n:capitalize(n:person(" + HEAD + ")/position)}}", "{{n:initials-surname(" + HEAD + ")}}")
    # Headings, the body's name and the signatures are not hyphenated («обра-зования» in a
    # position): w:suppressAutoHyphens on their paragraphs.
    for p in doc.paragraphs[:8]:
        p.paragraph_format.element.get_or_add_pPr().append(OxmlElement("w:suppressAutoHyphens"))
    for t in doc.tables[-2:]:
        for c in t.rows[0].cells:
            c.paragraphs[0].paragraph_format.element.get_or_add_pPr().append(OxmlElement("w:suppressAutoHyphens"))
        # A signature is never split between pages («образования» alone on the next one) …
        cant_split(t.rows[0])
    # … nor left alone there: the last line of the conclusions goes with it.
    for p in doc.paragraphs:
        if p.text.startswith("— заключение составлено"):
            p.paragraph_format.keep_with_next = True
    para(doc, DATE_BLANK, indent=False, before=6)
    save(doc, path)


# The Положение's edition in the package (generate's document variables): $polozhenie_new when the
# recorded one is of an earlier academic year and the package holds a new edition, approved by an
# order of the as-of date; $polozhenie_cited_date / _number: the order approving the edition in
# force on this document's date (none recorded and none yet approved: empty).
NEW = "$polozhenie_new"
CITED = ("{{#if $polozhenie_cited_date}}, утверждённым приказом от {{n:date($polozhenie_cited_date)}} № "
         "{{$polozhenie_cited_number}}{{/if}}")


def polozhenie_on(date, order=False):
    """The Положение in force on `date` (XPath giving a recorded ISO date; none: the document is
    signed now), in the instrumental: before the package's new edition is approved, the recorded
    edition under the title it was approved with (acts[].title), not the new one's (reader of
    7.12.2026, C12: consents of 02.09.2026 citing the edition of 22.11.2026). `order`: name its
    approving order too, as the orders do (CITED), so that the two editions are told apart."""
    before = NEW + " and " + date + " and n:days(" + date + ") < n:days($polozhenie_date)"
    recorded = "{{$polozhenie_recorded_title_ins}}"
    if order:
        recorded += ("{{#if $polozhenie_approval_recorded}}, утверждённым приказом от "
                     "{{n:date($polozhenie_recorded_date)}} № {{#if $polozhenie_recorded_number}}"
                     "{{$polozhenie_recorded_number}}{{else}}" + BLANK_NUMBER + "{{/if}}{{/if}}")
    return "{{#if " + before + "}}" + recorded + "{{else}}{{$polozhenie_title_ins}}{{/if}}"


# The pedagogical council (and the trade union) whose protocol the data record adopted the recorded
# edition, not a new one: a new edition cites the new protocol, its date and number left to fill in.
COUNCIL_OF_EDITION = "not(" + NEW + ") or n:days(/data/pedagogical_council/date) > n:days($polozhenie_recorded_date)"
UNION_OF_EDITION = "not(" + NEW + ") or n:days(/data/trade_union_opinion/date) > n:days($polozhenie_recorded_date)"
PROTOCOL_BLANK = "протокол от " + BLANK_DATE + " № " + BLANK_NUMBER


def protocol(of, of_edition):
    """«протокол от 30.08.2022 № 1» of the council (or union) that adopted this edition, else blank."""
    return ("{{#if " + of_edition + "}}протокол от {{n:date(" + of + "/date)}} № {{" + of + "/protocol_number}}{{else}}" +
            PROTOCOL_BLANK + "{{/if}}")


# ---------------------------------------------------------------------------------------------
HEAD_ID = "/data/organisation/head"
APPROVAL = "(/data/acts/act[kind = 'приказ об утверждении положения'])[last()]"
# The recorded roadmap, and whether the order of kind K approved it: that order then says so
# and lists the roadmap among its attachments (ГОСТ Р 7.0.97: «(приложение 2)» in the text,
# «Приложение:» after it; the roadmap itself carries the гриф «УТВЕРЖДЕНА приказом …»).
ROADMAP = "(/data/acts/act[kind = 'дорожная карта'])[last()]"
# A curator recorded who is not one of the deputies, where deputies are recorded: the Положение
# names the curator among them (FED-CUR-02). The order approving a new edition appoints the first
# deputy in her place, and repeals the curator's order; the roadmap names that deputy as the
# curator (reader G of 7.12.2026, 3: the опись, the roadmap and the approval order answered «who is
# the curator» three ways). The approval order's WHO and the roadmap's CURATOR follow it.
CUR_OK = ("(/data/curator/person = /data/organisation/deputies/deputy or "
          "not(/data/organisation/deputies/deputy))")
REPLACES_CURATOR = ("(" + NEW + " and /data/curator/person and id(/data/curator/appointed_by) and not(" + CUR_OK +
                    "))")
DEPUTY = "/data/organisation/deputies/deputy[1]"


def approves_roadmap(order_kind):
    return "id(" + ROADMAP + "/approved_by)/kind = '" + order_kind + "'"
# The academic year (its first calendar year) a roadmap dated D plans: June or later → the coming one.
def plan_year(d):
    return "(n:year(" + d + ") - number(number(substring(" + d + ", 6, 2)) < 6))"
def roadmap_year(d):
    y = plan_year(d)
    return "{{" + y + "}}/{{" + y + " + 1}}"
# The roadmap as its own title names it (roadmap_template.py): one form for every organisation,
# naming the Положение as the organisation titles it — a recorded title «План мероприятий
# (дорожная карта) по реализации Положения на …» said not which Положение (review 2026-12-07).
ROADMAP_TITLE = ("дорожную карту (план мероприятий) по реализации {{$polozhenie_title_gen}} на " +
                 roadmap_year(ROADMAP + "/date") + " учебный год")


def signature_line(doc, text, before=0, left=None):
    """«Роль ____ И.О. Фамилия» with the signature at a right tab stop on the last line; with
    `left` (mm), at a left tab stop instead, so that the lines of several signatories start at one
    place whatever the length of their names (review 5, C7)."""
    from docx.enum.text import WD_TAB_ALIGNMENT
    p = para(doc, text, indent=False, align=WD_ALIGN_PARAGRAPH.LEFT, before=before)
    if left is None:
        p.paragraph_format.tab_stops.add_tab_stop(Mm(170), WD_TAB_ALIGNMENT.RIGHT)
    else:
        p.paragraph_format.tab_stops.add_tab_stop(Mm(left), WD_TAB_ALIGNMENT.LEFT)
    return p


# ---------------------------------------------------------------------------------------------
def programma(path):
    """Персонализированная программа наставничества, one per pair or group (context: the pair or
    group). Dates of the plan are computed inside the programme's period; tasks come from the
    recorded goals, the difficulties from the mentees' records."""
    doc = new_document()
    P = "programme/start and programme/end"
    S, E = "programme/start", "programme/end"
    MENTEES = "mentee | mentees/mentee"
    MANY = "count(" + MENTEES + ") > 1"  # a group of one mentee reads like a pair
    CUR = "/data/curator/person"
    HEAD = HEAD_ID
    # A period of whole months is also said in words («девять месяцев»), as orders state terms.
    M = "n:months-between(" + S + ", " + E + ")"
    WHOLE_MONTHS = ("{{#if " + M + " = floor(" + M + ") and " + M + " >= 1}} ({{n:plural-words(" + M +
                    ", 'месяц', 'месяца', 'месяцев')}}){{/if}}")
    # Гриф утверждения (ГОСТ Р 7.0.97 п. 5.21): by the order recorded as programme/approved_by
    # («УТВЕРЖДЕНА» agrees with «программа»), else by the head's signature.
    t = borderless_table(doc, 2, (80, 90))
    right = t.rows[0].cells[1]
    # A programme no act is recorded to approve, of an order fixing the pairs whose programmes one
    # starts by its date ($programmes_with_order), is that order's annex, approved by it as the
    # order says (docs/ru/polozhenie.md, «Срок разработки программ»).
    BY = "id(programme/approved_by)"
    STARTED_BEFORE = S + " and n:days(" + S + ") < n:days($order_date)"
    WITH_ORDER = "not(" + BY + ") and $programmes_with_order and not(" + STARTED_BEFORE + ")"
    cell_para(right, "{{#if " + BY + " or " + WITH_ORDER + "}}", size=12)
    cell_para(right, "УТВЕРЖДЕНА", size=12)
    cell_para(right, "приказом " + SHORT_NOBREAK, size=12)
    cell_para(right, "{{#if " + BY + "}}от {{n:date(" + BY + "/date)}} №\u00a0{{n:if(" + BY + "/number, " + BY + "/number, '" +
              BLANK_NUMBER + "')}}{{else}}от {{n:date($order_date)}} №\u00a0{{$order_number}}{{/if}}", size=12)
    cell_para(right, "{{else}}", size=12)
    cell_para(right, "УТВЕРЖДАЮ", size=12)
    cell_para(right, "{{n:capitalize(n:person(" + HEAD + ")/position)}} " + SHORT_NOBREAK, size=12)
    cell_para(right, BLANK_SIGNATURE + " {{n:initials-surname(" + HEAD + ")}}", size=12)
    cell_para(right, BLANK_DATE, size=12)
    cell_para(right, "{{/if}}", size=12)

    para(doc, "ПЕРСОНАЛИЗИРОВАННАЯ ПРОГРАММА НАСТАВНИЧЕСТВА", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False,
         before=24)
    para(doc, "{{#if self::pair}}{{n:position(mentee, 'род')}} {{n:full-name(mentee, 'род')}}{{else}}группы "
         "педагогических работников (наставник — {{n:initials-surname(mentor)}}){{/if}}", bold=True,
         align=WD_ALIGN_PARAGRAPH.CENTER, indent=False)
    para(doc, "{{#if " + P + "}}на период с {{n:date(" + S + ")}} по {{n:date(" + E + ")}}{{/if}}", bold=True,
         align=WD_ALIGN_PARAGRAPH.CENTER, indent=False, after=12)

    heading(doc, "1. Общие сведения")
    table = doc.add_table(rows=7, cols=2)
    table.style = doc.styles["Table Grid"]
    rows = (
        ("Наставник", ["{{n:full-name(mentor)}}, {{n:position(mentor)}}"]),
        ("{{#if " + MANY + "}}Наставляемые{{else}}{{n:if(n:person((" + MENTEES + ")[1])/gender = 'ж', 'Наставляемая', "
         "'Наставляемый')}}{{/if}}",
         ["{{#each " + MENTEES + "}}", "{{n:full-name(.)}}, {{n:position(.)}}", "{{/each}}"]),
        ("Форма наставничества", [quoted_form("form")]),
        # In the title's form («на период с 14.09.2026 по 25.12.2026»): one form of a date in a
        # document (reader of 7.12.2026, A18); a numeric date does not break.
        ("Срок реализации", ["{{#if " + P + "}}с {{n:date(" + S + ")}} по {{n:date(" + E + ")}}" + WHOLE_MONTHS +
                             "{{else}}устанавливается приказом о закреплении наставнических пар (групп){{/if}}"]),
        # «№ 171-од «О» / «закреплении»: the title's first word stays with its «О» (reader of 7.12.2026, A15).
        ("Основание", ["приказ {{n:nobreak(/data/organisation/short_name)}}{{#if id(appointed_by)}} от "
                       "{{n:date(id(appointed_by)/date)}}{{#if id(appointed_by)/number}} № {{id(appointed_by)/number}}"
                       "{{/if}}{{/if}} «О\u00a0закреплении наставнических пар (групп)»"]),
        # The deadline the order gives for writing it, the roadmap's (a programme it approves has none).
        ("{{#if not(" + BY + " or " + WITH_ORDER + " or " + STARTED_BEFORE + ")}}Срок разработки",
         ["до {{n:date($programmes_due)}}{{/if}}"]),
        ("Куратор", ["{{#if " + CUR + "}}{{n:full-name(" + CUR + ")}}, {{n:position(" + CUR + ")}}{{else}}—{{/if}}"]),
    )
    for i, w in enumerate((55, 115)):
        table.columns[i].width = Mm(w)
        for r in table.rows:
            r.cells[i].width = Mm(w)
    for r, (label, lines) in zip(table.rows, rows):
        fill_cell(r.cells[0], [label], size=12)
        fill_cell(r.cells[1], lines, size=12, hyphenate=False)  # names are not broken

    heading(doc, "2. Цель и задачи программы")
    para(doc, "2.1. Цель программы — создание условий для профессионального становления и развития "
         "{{#if " + MANY + "}}наставляемых{{else}}наставляемого{{/if}}, преодоления выявленных профессиональных "
         "затруднений и закрепления в профессии.")
    para(doc, "2.2. Выявленные профессиональные затруднения:")
    para(doc, "{{#if id(" + MENTEES + ")/difficulties/difficulty}}")
    para(doc, "{{#if self::pair}}")
    para(doc, "{{#each id(mentee)/difficulties/difficulty}}")
    para(doc, "— {{.}}{{#if position() = last()}}.{{else}};{{/if}}")
    para(doc, "{{/each}}")
    para(doc, "{{else}}")
    para(doc, "{{#each id(mentees/mentee)[difficulties/difficulty]}}")
    para(doc, "— {{n:join(difficulties/difficulty, '; ')}} ({{n:initials-surname(.)}})"
              "{{#if position() = last()}}.{{else}};{{/if}}")
    para(doc, "{{/each}}")
    para(doc, "{{/if}}")
    para(doc, "{{else}}")
    para(doc, "— определяются по результатам входной диагностики.")
    para(doc, "{{/if}}")
    para(doc, "2.3. Задачи программы:")
    # The recorded goals, or the tasks of a mentor of another profession (plan/task: programme.cpp).
    para(doc, "{{#if plan/task}}")
    para(doc, "{{#each plan/task}}")
    para(doc, "— {{text}}{{#if position() = last()}}.{{else}};{{/if}}")
    para(doc, "{{/each}}")
    para(doc, "{{else}}")
    para(doc, "— преодолеть выявленные профессиональные затруднения;")
    para(doc, "— освоить эффективные методы и приёмы организации образовательной деятельности.")
    para(doc, "{{/if}}")

    heading(doc, "3. План мероприятий")
    # «Ответственный» as the roadmap writes it: the role with a capital, then the name.
    CURATOR = "{{#if " + CUR + "}}Куратор {{n:initials-surname(" + CUR + ")}}{{else}}Куратор{{/if}}"

    def plan_dates(up=""):
        """Deadlines inside the programme's period; `up` reaches the pair from a goal's row (goal → goals → programme → pair)."""
        s, e = up + "programme/start", up + "programme/end"
        known = s + " and " + e
        # Two weeks at each end leave a middle only in a programme of six weeks or more (a
        # shorter one breaks the rules, but --force still prints it): else the whole period.
        roomy = known + " and n:days(" + e + ") - n:days(" + s + ") >= 42"

        def period(a, b, otherwise, when=known):
            return "{{#if " + when + "}}" + a + " – " + b + "{{else}}" + otherwise + "{{/if}}"
        whole = period("{{n:date(" + s + ")}}", "{{n:date(" + e + ")}}", "в течение срока программы")
        return {
            "first": period("{{n:date(" + s + ")}}", "{{n:date(n:add-days(" + s + ", 13))}}", "первые две недели", roomy),
            "whole": period("{{n:date(n:add-days(" + s + ", 14))}}", "{{n:date(n:add-days(" + e + ", -14))}}", whole, roomy),
            # The first stage's date, computed in C++ for the programme, the roadmap and the справка alike
            # (reader E, 2).
            "middle": "{{#if " + known + "}}до {{n:date(n:monitoring-stage1(" + s + ", " + e + "))}}"
                      "{{else}}середина срока программы{{/if}}",
            "last": period("{{n:date(n:add-days(" + e + ", -13))}}", "{{n:date(" + e + ")}}", "последние две недели",
                           roomy),
            # The second stage (n:monitoring-stage2): two weeks after the end, 15 June for one ending
            # with May (reader D, L7; reader E, 12: not June for one ending in December).
            "end": "{{#if " + known + "}}до {{n:date(n:monitoring-stage2(" + e + "))}}"
                   "{{else}}в течение двух недель по окончании программы{{/if}}",
        }
    d, dg = plan_dates(), plan_dates("../../")
    MENTOR = "Наставник {{n:initials-surname(mentor)}}"
    # What the plan has the mentor and the mentee do is chosen in one table, by what the mentor's work
    # is and what the mentee's (src/generate/programme.cpp: plan/task/method, plan/method, plan/visit).
    G = "(count(plan/task) + number(not(plan/task)))"  # rows before the fixed ones
    THEY = "{{#if " + MANY + "}}наставляемых{{else}}наставляемого{{/if}}"
    plan = [
        ("1", "{{#if id(" + MENTEES + ")/difficulties/difficulty}}Обсуждение выявленных профессиональных затруднений"
              "{{else}}Входная диагностика профессиональных затруднений{{/if}} " + THEY + ", знакомство с условиями работы, "
              "уточнение плана мероприятий программы", d["first"], MENTOR),
        # A row per task (table-row loop), or one general row when no task is recorded.
        ("{{#each plan/task}}{{position() + 1}}", "Работа над задачей «{{text}}»: {{method}}", dg["whole"],
         "Наставник {{n:initials-surname(../../mentor)}}{{/each}}"),
        ("{{#if not(plan/task)}}2", "{{n:capitalize(plan/method)}} по преодолению выявленных затруднений", d["whole"],
         MENTOR + "{{/if}}"),
        ("{{" + G + " + 2}}", "{{plan/visit}}", d["whole"], MENTOR),
        ("{{" + G + " + 3}}", "Промежуточный мониторинг реализации программы (первый этап мониторинга): оценка "
         "результативности и рисков, при необходимости корректировка программы", d["middle"], CURATOR),
        ("{{" + G + " + 4}}", "Итоговая диагностика: самоанализ " + THEY + ", отчёт наставника о реализации программы",
         d["last"], MENTOR),
        ("{{" + G + " + 5}}", "Мониторинг влияния программы на её участников (второй этап мониторинга)", d["end"],
         CURATOR),
    ]
    table = grid_table(doc, (10, 66, 30, 34, 30),
                       ("№", "Мероприятие", "Сроки", "Ответственный", "Отметка о выполнении"), rows=len(plan))
    for r, values in enumerate(plan, start=1):
        for i, v in enumerate(values):
            fill_cell(table.rows[r].cells[i], [v], hyphenate=i != 3)  # the responsible are named
        # A row of the plan is read as one entry: it moves to the next page whole.
        table.rows[r]._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))

    heading(doc, "4. Ожидаемые результаты")
    for result in (
        "преодоление выявленных профессиональных затруднений, успешная адаптация в образовательной организации;",
        "освоение эффективных методов и приёмов профессиональной деятельности, повышение мотивации к "
        "профессиональному саморазвитию;",
        "участие в методических мероприятиях и конкурсах профессионального мастерства.",
    ):
        para(doc, "— " + result)

    signature_line(doc, "Наставник\t" + BLANK_SIGNATURE + " {{n:initials-surname(mentor)}}", before=30, left=85)
    para(doc, "{{#each " + MENTEES + "}}")
    signature_line(doc, "{{#if position() = 1}}{{n:if(last() > 1, 'Наставляемые', n:if(n:person(.)/gender = 'ж', "
                        "'Наставляемая', 'Наставляемый'))}}{{/if}}"
                        "\t" + BLANK_SIGNATURE + " {{n:initials-surname(.)}}", before=12, left=85)
    para(doc, "{{/each}}")
    para(doc, "{{#if " + CUR + "}}")
    signature_line(doc, "Куратор\t" + BLANK_SIGNATURE + " {{n:initials-surname(" + CUR + ")}}", before=12, left=85)
    para(doc, "{{/if}}")
    save(doc, path)


# ---------------------------------------------------------------------------------------------
def analiticheskaya_spravka(path):
    """Аналитическая справка о результатах мониторинга: every statement computed from the data
    (src/generate/analytical_report.cpp builds /data/report) for the academic year of the as-of
    date, both stages of monitoring with the indicators the applicable act names («не
    оценивалось» where nothing was measured), the previous year beside it, the check's findings
    in the conclusions."""
    doc = new_document()
    R = "/data/report"
    P = R + "/participants"
    PR = R + "/programmes"
    CUR = "/data/curator/person"
    YEAR = "{{" + R + "/year}}"
    para(doc, "{{/data/organisation/full_name}}", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False)
    para(doc, "АНАЛИТИЧЕСКАЯ СПРАВКА", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False, before=18,
         after=12, size=16)
    t = borderless_table(doc, 2, (85, 85))
    cell_para(t.rows[0].cells[0], "{{n:date($order_date)}}")
    cell_para(t.rows[0].cells[1], "№ {{$order_number}}", align=WD_ALIGN_PARAGRAPH.RIGHT)
    para(doc, "{{? /data/organisation/place}}", align=WD_ALIGN_PARAGRAPH.CENTER, indent=False, before=6, after=18)
    para(doc, "О результатах мониторинга реализации программ", align=WD_ALIGN_PARAGRAPH.LEFT, indent=False)
    para(doc, "наставничества педагогических работников", align=WD_ALIGN_PARAGRAPH.LEFT, indent=False)
    para(doc, "в " + YEAR + " учебном году", align=WD_ALIGN_PARAGRAPH.LEFT, indent=False, after=18)

    para(doc, "Мониторинг проведён в соответствии с Положением о системе наставничества педагогических работников" +
         CITED + "{{#if $polozhenie_cited_date}},{{/if}} по состоянию на {{n:date(" + R + "/as_of)}} по сведениям "
         "о работниках, наставнических парах (группах) и персонализированных программах наставничества"
         "{{#if " + R + "/stage/sources}}, по значениям показателей мониторинга и анкетам участников{{/if}}."
         "{{#if n:days(" + R + "/as_of) < n:days(" + R + "/year_end)}} Учебный год не завершён: показатели "
         "приводятся на дату справки.{{/if}}")

    heading(doc, "1. Участники системы наставничества")
    def agree(count, singular, plural):
        """The verb before a numeral: «назначен 1 (21) работник», «назначены 4 работника»."""
        k = "(" + count + ")"
        return "{{n:if(" + k + " mod 10 = 1 and " + k + " mod 100 != 11, '" + singular + "', '" + plural + "')}}"
    NM, NE, STAFF = P + "/mentors", P + "/mentees", P + "/staff"
    para(doc, "1.1. Численность работников — {{n:plural(" + STAFF + ", 'человек', 'человека', 'человек')}}. "
         "{{#if " + NM + " > 0}}В " + YEAR + " учебном году наставниками " + agree(NM, "является", "являются") +
         " {{n:plural(" + NM + ", 'работник', 'работника', 'работников')}}, наставляемыми — {{n:plural(" + NE +
         ", 'работник', 'работника', 'работников')}}; в наставничество вовлечено {{round(100 * (" + NM + " + " + NE +
         ") div " + STAFF + ")}}\u00a0% работников.{{else}}В " + YEAR + " учебном году наставники и наставляемые "
         "не определены.{{/if}}")
    para(doc, "1.2. {{#if " + P + "/pairs + " + P + "/groups > 0}}Закреплено наставнических пар — {{" + P + "/pairs}}, "
         "{{#if " + P + "/groups > 0}}наставнических групп — {{" + P + "/groups}}{{else}}наставнических групп нет{{/if}}."
         "{{else}}Наставнические пары и группы на " + YEAR + " учебный год не закреплены.{{/if}}")
    para(doc, "1.3. {{#if " + P + "/young > 0}}Молодых специалистов (педагогический стаж менее 3 лет) — {{" + P +
         "/young}}, из них закреплено за наставниками — {{" + P + "/young_covered}} ({{round(100 * " + P +
         "/young_covered div " + P + "/young)}}\u00a0%).{{else}}Молодых специалистов (педагогический стаж менее 3 лет) "
         "в организации нет.{{/if}}")
    para(doc, "1.4. Письменное согласие на участие в наставничестве оформлено: наставниками — "
         "{{count(/data/mentors/mentor[consent_date and not(consent_date/@nil = 'true')])}} из "
         "{{count(/data/mentors/mentor)}}, наставляемыми — "
         "{{count(/data/pairs/pair[mentee_consent_date and not(mentee_consent_date/@nil = 'true')]) + "
         "count(/data/groups/group/mentee_consents/consent[date and not(date/@nil = 'true')])}} из "
         "{{count(/data/pairs/pair) + count(/data/groups/group/mentees/mentee)}}.")

    heading(doc, "2. Персонализированные программы наставничества")
    para(doc, "{{#if " + PR + "/programme}}")
    para(doc, "2.1. Персонализированных программ наставничества в " + YEAR + " учебном году — {{" + PR + "/@total}}: "
         "завершено — {{" + PR + "/@ended}}, реализуется — {{" + PR + "/@running}}, не начато — {{" +
         PR + "/@not_started}}{{#if " + R + "/earlier}}; программ, завершённых в предыдущие учебные годы, — {{" + R +
         "/earlier/count}} (последняя — {{n:date(" + R + "/earlier/last_end)}}){{/if}}.", keep=True)
    para(doc, "Таблица 1 — Персонализированные программы наставничества в " + YEAR + " учебном году", indent=False,
         before=6, keep=True, size=12)
    table = grid_table(doc, (8, 34, 36, 34, 30, 28), ("№", "Наставник", "Наставляемый (наставляемые)", "Форма",
                                                      "Срок программы", "Состояние на дату справки"))
    for c in table.rows[0].cells:
        for p in c.paragraphs:
            for r in p.runs:
                r.font.size = Pt(10)
    ITEM = "id(@ref)"
    cells = table.rows[1].cells
    fill_cell(cells[0], ["{{#each " + PR + "/programme}}{{position()}}"], size=10)
    fill_cell(cells[1], ["{{n:surname-initials(" + ITEM + "/mentor)}}"], size=10)
    fill_cell(cells[2], ["{{#each " + ITEM + "/mentee | " + ITEM + "/mentees/mentee}}", "{{n:surname-initials(.)}}",
                         "{{/each}}"], size=10)
    fill_cell(cells[3], ["{{" + ITEM + "/form}}"], size=10)
    fill_cell(cells[4], ["{{n:date(start)}} – {{n:date(end)}}"], size=10)
    fill_cell(cells[5], ["{{state}}{{/each}}"], size=10)
    cant_split(table.rows[1])
    para(doc, "{{#if " + PR + "/@undated > 0}}")
    para(doc, "2.2. Сроки персонализированных программ не установлены у {{n:plural(" + PR + "/@undated, "
         "'наставнической пары (группы)', 'наставнических пар (групп)', 'наставнических пар (групп)')}}.")
    para(doc, "{{/if}}")
    para(doc, "{{else}}")
    para(doc, "{{#if " + PR + "/@undated > 0}}")
    para(doc, "2.1. Сроки персонализированных программ наставничества не установлены (у {{n:plural(" + PR +
         "/@undated, 'наставнической пары (группы)', 'наставнических пар (групп)', 'наставнических пар (групп)')}}), "
         "поэтому их реализация в " + YEAR + " учебном году не оценивалась.")
    para(doc, "{{else}}")
    para(doc, "2.1. В " + YEAR + " учебном году персонализированные программы наставничества не реализуются"
         "{{#if " + R + "/earlier}}; последние программы завершены {{n:date(" + R + "/earlier/last_end)}} (в {{" + R +
         "/earlier/last_year}} учебном году){{/if}}.")
    para(doc, "{{/if}}")
    para(doc, "{{/if}}")

    def stage_section(n, heading_text, intro):
        S = R + "/stage[@n = '" + n + "']"
        heading(doc, heading_text)
        para(doc, "{{#if " + S + "/indicator}}")
        para(doc, intro + " Показателей — {{" + S + "/@planned}}: оценено — {{" + S + "/@assessed}}, не оценивалось — "
             "{{" + S + "/@not_assessed}}.", keep=True)
        # Tables are numbered as they appear: the programmes' table and the first stage's may be absent.
        number = "count(" + PR + "/programme[1])" + ("" if n == "1" else " + count(" + R + "/stage[@n = '1']/indicator[1])") + " + 1"
        para(doc, "Таблица {{" + number + "}} — Показатели " + ("первого" if n == "1" else "второго") +
             " этапа мониторинга", indent=False, before=6, keep=True, size=12)
        table = grid_table(doc, (70, 50, 50), ("Показатель", "{{" + R + "/previous_year}} учебный год",
                                               YEAR + " учебный год"))
        cells = table.rows[1].cells
        fill_cell(cells[0], ["{{#each " + S + "/indicator}}{{title}}"], size=10)
        fill_cell(cells[1], ["{{previous}}"], size=10)
        fill_cell(cells[2], ["{{current}}{{/each}}"], size=10)
        cant_split(table.rows[1])
        para(doc, "{{#if " + S + "/sources}}")
        para(doc, "Источники значений " + YEAR + " учебного года: {{" + S + "/sources}}.", before=6)
        para(doc, "{{/if}}")
        para(doc, "{{else}}")
        para(doc, "Показатели " + ("первого" if n == "1" else "второго") + " этапа мониторинга не установлены и "
             "не оценивались.")
        para(doc, "{{/if}}")

    stage_section("1", "3. Первый этап мониторинга: процесс реализации программ",
                  "3.1. Первый этап оценивает процесс реализации персонализированных программ наставничества.")
    stage_section("2", "4. Второй этап мониторинга: влияние программ на участников",
                  "4.1. Второй этап оценивает влияние персонализированных программ наставничества на наставляемых и "
                  "наставников; он проводится по завершении программ.")
    para(doc, "{{#if " + R + "/ended_without_stage2/programme}}")
    para(doc, "По {{n:if(count(" + R + "/ended_without_stage2/programme) = 1, 'программе, завершённой', "
         "'программам, завершённым')}} в " + YEAR + " учебном году, второй этап мониторинга не проведён: {{#each " + R +
         "/ended_without_stage2/programme}}{{.}}{{#if position() = last()}}{{else}}, {{/if}}{{/each}}.")
    para(doc, "{{/if}}")

    heading(doc, "5. Сравнение с {{" + R + "/previous_year}} учебным годом")
    para(doc, "{{#if " + R + "/comparison/@previous_recorded = 'да'}}")
    para(doc, "Таблица {{count(" + PR + "/programme[1]) + count(" + R + "/stage/indicator[1]) + 1}} — Участники системы "
         "наставничества", indent=False, keep=True, size=12)
    table = grid_table(doc, (90, 40, 40), ("Показатель", "{{" + R + "/previous_year}} учебный год", YEAR +
                                           " учебный год"))
    cells = table.rows[1].cells
    fill_cell(cells[0], ["{{#each " + R + "/comparison/row}}{{title}}"], size=11)
    fill_cell(cells[1], ["{{previous}}"], size=11, align=WD_ALIGN_PARAGRAPH.CENTER)
    fill_cell(cells[2], ["{{current}}{{/each}}"], size=11, align=WD_ALIGN_PARAGRAPH.CENTER)
    para(doc, "{{#if " + R + "/chart[@name = 'years']}}")
    chart_placeholder(doc, "years", 8)
    para(doc, "Рисунок 1 — Участники наставничества по учебным годам", align=WD_ALIGN_PARAGRAPH.CENTER, indent=False,
         size=12, after=6)
    para(doc, "{{/if}}")
    para(doc, "{{else}}")
    para(doc, "Итоги {{" + R + "/previous_year}} учебного года не записаны; сравнение с ним не проводится.")
    para(doc, "{{/if}}")

    heading(doc, "6. Выводы и предложения")
    para(doc, "{{#if " + R + "/findings/finding[@severity != 'info']}}")
    para(doc, "— устранить нарушения требований к организации системы наставничества, выявленные при проверке:", keep=True)
    para(doc, "{{#each " + R + "/findings/finding[@severity != 'info']}}")
    p = para(doc, "{{.}}", size=13)
    p.paragraph_format.left_indent = Cm(1.25)
    p.paragraph_format.first_line_indent = Cm(0)
    para(doc, "{{/each}}")
    para(doc, "{{/if}}")
    para(doc, "{{#if " + R + "/findings/finding[@severity = 'info']}}")
    para(doc, "— учесть рекомендации:", keep=True)
    para(doc, "{{#each " + R + "/findings/finding[@severity = 'info']}}")
    p = para(doc, "{{.}}", size=13)
    p.paragraph_format.left_indent = Cm(1.25)
    p.paragraph_format.first_line_indent = Cm(0)
    para(doc, "{{/each}}")
    para(doc, "{{/if}}")
    para(doc, "{{#if " + R + "/not_evaluable > 0}}")
    para(doc, "— внести недостающие сведения: соблюдение {{n:plural(" + R + "/not_evaluable, 'требования', "
         "'требований', 'требований')}} не удалось проверить из-за их отсутствия;")
    para(doc, "{{/if}}")
    YL = R + "/young/not_covered/person"
    para(doc, "{{#if " + YL + "}}")
    para(doc, "{{#if count(" + YL + ") = 1}}"
         "— {{n:if(n:person(" + YL + "/@ref)/gender = 'ж', 'не закреплена', 'не закреплён')}} за наставником молодой "
         "специалист {{n:initials-surname(" + YL + "/@ref)}}: куратору рассмотреть вопрос о закреплении "
         "{{n:if(n:person(" + YL + "/@ref)/gender = 'ж', 'её', 'его')}} за наставником;"
         "{{else}}"
         "— не закреплены за наставниками молодые специалисты: {{#each " + YL + "}}{{n:initials-surname(@ref)}}"
         "{{#if position() = last()}}{{else}}, {{/if}}{{/each}}; куратору рассмотреть вопрос о закреплении их за "
         "наставниками;{{/if}}")
    para(doc, "{{/if}}")
    para(doc, "{{#if " + PR + "/@running + " + PR + "/@not_started > 0}}")
    para(doc, "— продолжить реализацию {{n:plural(" + PR + "/@running + " + PR + "/@not_started, 'персонализированной "
         "программы', 'персонализированных программ', 'персонализированных программ')}} наставничества, по "
         "завершении провести второй этап мониторинга;")
    para(doc, "{{/if}}")
    para(doc, "{{#if " + R + "/ended_without_stage2/programme}}")
    para(doc, "— провести второй этап мониторинга по завершённым программам и внести его итоги в сведения о "
         "мониторинге;")
    para(doc, "{{/if}}")
    para(doc, "{{#if " + R + "/not_assessed > 0}}")
    para(doc, "— организовать оценку {{n:plural(" + R + "/not_assessed, 'показателя', 'показателей', 'показателей')}} "
         "мониторинга, {{n:if(" + R + "/not_assessed = 1, 'который не оценивался', 'которые не оценивались')}};")
    para(doc, "{{/if}}")
    para(doc, "{{#if " + PR + "/@undated > 0}}")
    para(doc, "— установить сроки персонализированных программ наставничества и утвердить программы;")
    para(doc, "{{/if}}")
    para(doc, "{{#if " + PR + "/@total + " + PR + "/@undated = 0}}")
    para(doc, "— закрепить наставнические пары (группы) и утвердить персонализированные программы наставничества на "
         "{{n:if(n:days(" + R + "/as_of) < n:days(concat(substring(" + R + "/year_end, 1, 4), '-06-01')), " + R +
         "/year, concat(substring(" + R + "/year_end, 1, 4), '/', substring(" + R + "/year_end, 1, 4) + 1))}} "
         "учебный год;")
    para(doc, "{{/if}}")
    para(doc, "— обобщить опыт наставничества на официальном сайте организации.")

    signature_block(doc, "{{#if " + CUR + "}}Куратор реализации программ наставничества, {{n:position(" + CUR +
                    ")}}{{else}}{{n:capitalize(n:person(" + HEAD_ID + ")/position)}}{{/if}}",
                    "{{#if " + CUR + "}}{{n:initials-surname(" + CUR + ")}}{{else}}{{n:initials-surname(" + HEAD_ID +
                    ")}}{{/if}}", before=36)

    para(doc, "{{#if " + R + "/values/row}}")
    p = para(doc, "Приложение к аналитической справке от {{n:date($order_date)}} № {{$order_number}}",
             align=WD_ALIGN_PARAGRAPH.LEFT, indent=False, size=12)
    p.paragraph_format.left_indent = Cm(9)
    p.paragraph_format.page_break_before = True
    para(doc, "Значения показателей мониторинга по программам наставничества в " + YEAR + " учебном году",
         bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False, before=12, after=6)
    table = grid_table(doc, (30, 52, 28, 28, 32), ("Программа (наставляемый)", "Показатель", "На начало программы",
                                                   "На окончание (последнее)", "Источник"))
    for c in table.rows[0].cells:
        for p in c.paragraphs:
            for r in p.runs:
                r.font.size = Pt(10)
    cells = table.rows[1].cells
    fill_cell(cells[0], ["{{#each " + R + "/values/row}}{{programme}}"], size=10)
    fill_cell(cells[1], ["{{indicator}}"], size=10)
    fill_cell(cells[2], ["{{start}}"], size=10)
    fill_cell(cells[3], ["{{end}}"], size=10)
    fill_cell(cells[4], ["{{source}}{{/each}}"], size=10)
    cant_split(table.rows[1])
    para(doc, "{{/if}}")
    save(doc, path)


# ---------------------------------------------------------------------------------------------
# Questionnaires of monitoring (src/generate/questionnaires.hpp): the questions come from the
# data's catalogue (/data/questionnaire_forms), so that what is printed and what is read back
# agree; each answer is a value of the indicator it is keyed by (docs/ru/data-format.md).
QFORMS = "/data/questionnaire_forms/form"
DATE_LINE = BLANK_DATE


def questionnaire_header(doc, title):
    para(doc, "{{/data/organisation/full_name}}", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False)
    para(doc, title, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False, before=18, size=16)
    para(doc, "для мониторинга реализации персонализированной программы наставничества", align=WD_ALIGN_PARAGRAPH.CENTER,
         indent=False, after=12)


def questions_table(doc, form):
    """№ | Вопрос | Ответ: a scale to circle, a line to write a number on, «да / нет»."""
    table = grid_table(doc, (10, 110, 50), ("№", "Вопрос", "Ответ"))
    cells = table.rows[1].cells
    fill_cell(cells[0], ["{{#each " + QFORMS + "[@id = '" + form + "']/question}}{{n}}"], size=12)
    fill_cell(cells[1], ["{{text}}"], size=12)
    # Em spaces: room to circle a mark, and no doubled spaces in the text.
    fill_cell(cells[2], ["{{#if kind = 'scale'}}1\u20032\u20033\u20034\u20035{{else}}{{#if kind = 'yes_no'}}да\u2003/\u2003нет{{else}}"
                         "__________{{#if kind = 'percent'}} %{{/if}}{{/if}}{{/if}}{{/each}}"], size=12,
              align=WD_ALIGN_PARAGRAPH.CENTER)
    cant_split(table.rows[1])


def questionnaire_intro(doc):
    para(doc, "Дата заполнения: " + DATE_LINE + " Анкета заполняется: \u25a1\u00a0в начале программы,\u2003\u25a1\u00a0по "
         "её окончании.", before=6)
    para(doc, "В вопросах с оценкой обведите балл: 1 — «совсем нет», 5 — «полностью». Ответы используются в обобщённом "
         "виде для мониторинга реализации программ наставничества и аналитической справки.", after=6)


PROGRAMME_LINE = ("{{#if programme/start and programme/end}}с {{n:date(programme/start)}} по {{n:date(programme/end)}}"
                  "{{else}}сроки не установлены{{/if}}; форма наставничества — «{{form}}»")


def anketa_nastavlyaemogo(path):
    """One per mentee of a programme of the year; the item is the pair's mentee or a group's mentee."""
    doc = new_document()
    P = "(ancestor::pair | ancestor::group)"
    questionnaire_header(doc, "АНКЕТА НАСТАВЛЯЕМОГО")
    HE_SHE = "{{n:if(n:person(.)/gender = 'ж', 'Наставляемая', 'Наставляемый')}}"
    para(doc, HE_SHE + ": {{n:full-name(.)}}, {{n:position(.)}}.", indent=False, align=WD_ALIGN_PARAGRAPH.LEFT)
    para(doc, "Наставник: {{n:full-name(" + P + "/mentor)}}, {{n:position(" + P + "/mentor)}}.", indent=False,
         align=WD_ALIGN_PARAGRAPH.LEFT)
    para(doc, "Персонализированная программа наставничества: {{#if " + P + "/programme/start and " + P +
         "/programme/end}}с {{n:date(" + P + "/programme/start)}} по {{n:date(" + P + "/programme/end)}}{{else}}сроки не "
         "установлены{{/if}}; форма наставничества — «{{" + P + "/form}}».", indent=False, align=WD_ALIGN_PARAGRAPH.LEFT)
    questionnaire_intro(doc)
    questions_table(doc, "наставляемый")
    signature_block(doc, HE_SHE, "{{n:initials-surname(.)}}", before=30)
    save(doc, path)


def anketa_nastavnika(path):
    """One per programme of the year (a pair or a group), filled by its mentor."""
    doc = new_document()
    questionnaire_header(doc, "АНКЕТА НАСТАВНИКА")
    para(doc, "Наставник: {{n:full-name(mentor)}}, {{n:position(mentor)}}.", indent=False, align=WD_ALIGN_PARAGRAPH.LEFT)
    para(doc, "{{n:if(self::group, 'Наставляемые', 'Наставляемый')}}: {{#each mentee | mentees/mentee}}"
         "{{n:full-name(.)}}, {{n:position(.)}}{{#if position() = last()}}{{else}}; {{/if}}{{/each}}.", indent=False,
         align=WD_ALIGN_PARAGRAPH.LEFT)
    para(doc, "Персонализированная программа наставничества: " + PROGRAMME_LINE + ".", indent=False,
         align=WD_ALIGN_PARAGRAPH.LEFT)
    questionnaire_intro(doc)
    questions_table(doc, "наставник")
    signature_block(doc, "Наставник", "{{n:initials-surname(mentor)}}", before=30)
    save(doc, path)


def anketa_kuratora(path):
    """One for the curator: the same questions for every programme of the year."""
    doc = new_document()
    CUR = "/data/curator/person"
    questionnaire_header(doc, "АНКЕТА КУРАТОРА")
    para(doc, "Куратор реализации программ наставничества: {{#if " + CUR + "}}{{n:full-name(" + CUR + ")}}, "
         "{{n:position(" + CUR + ")}}{{else}}______________________________{{/if}}.", indent=False,
         align=WD_ALIGN_PARAGRAPH.LEFT)
    questionnaire_intro(doc)
    para(doc, "{{#each id(/data/questionnaire_forms/programme/@ref)}}")
    para(doc, "{{position()}}. Программа наставника {{n:initials-surname(mentor, 'род')}}: {{n:if(self::group, "
         "'наставляемые', n:if(id(mentee)/gender = 'ж', 'наставляемая', 'наставляемый'))}} {{#each mentee | mentees/mentee}}{{n:initials-surname(.)}}{{#if position() = "
         "last()}}{{else}}, {{/if}}{{/each}}; " + PROGRAMME_LINE + ".", indent=False, bold=True, before=12, after=6,
         keep=True)
    questions_table(doc, "куратор")
    para(doc, "{{/each}}")
    signature_block(doc, "Куратор", "{{#if " + CUR + "}}{{n:initials-surname(" + CUR + ")}}{{else}}______________{{/if}}",
                    before=30)
    save(doc, path)


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "templates"
    import polozhenie_templates
    polozhenie_templates.main(out)
    import order_templates
    order_templates.main(out)
    ruleset_doc(out + "/ruleset.docx")
    import consent_templates
    consent_templates.main(out)
    import agreement_template
    agreement_template.main(out)
    import roadmap_template
    roadmap_template.main(out)
    spravka_o_proverke(out + "/spravka-o-proverke.docx")
    programma(out + "/programma-nastavnichestva.docx")
    analiticheskaya_spravka(out + "/analiticheskaya-spravka.docx")
    anketa_nastavlyaemogo(out + "/anketa-nastavlyaemogo.docx")
    anketa_nastavnika(out + "/anketa-nastavnika.docx")
    anketa_kuratora(out + "/anketa-kuratora.docx")


# ---------------------------------------------------------------------------------------------
def ruleset_doc(path):
    """`nastavnik ruleset doc`: a ruleset as a readable Russian document, one row per rule."""
    doc = new_document()
    sec = doc.sections[0]
    from docx.enum.section import WD_ORIENT
    sec.orientation = WD_ORIENT.LANDSCAPE
    sec.page_width, sec.page_height = Mm(297), Mm(210)
    para(doc, "НАБОР ПРАВИЛ ПРОВЕРКИ", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False)
    para(doc, "{{/ruleset/title}}", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False)
    para(doc, "Уровень: {{/ruleset/layer}}. Применяется: {{/ruleset/applies}}. Действует с {{n:date(/ruleset/valid_from)}}"
         "{{#if /ruleset/valid_to}} по {{n:date(/ruleset/valid_to)}}{{/if}}. Версия {{/ruleset/version}}.", indent=False,
         before=12, size=12)
    para(doc, "Акты, на которые ссылаются правила:", indent=False, before=6, size=12, keep=True)
    para(doc, "{{#each /ruleset/acts/act}}", size=12)
    para(doc, "— {{.}}{{#if position() = last()}}.{{else}};{{/if}}", size=12, indent=False)
    para(doc, "{{/each}}", size=12)
    para(doc, "{{#if /ruleset/parameters/line}}", size=12)
    para(doc, "Значения, установленные актами (с датами их действия):", indent=False, before=6, size=12, keep=True)
    para(doc, "{{#each /ruleset/parameters/line}}", size=12)
    para(doc, "{{#if @level = '1'}}", size=12)
    para(doc, "— {{.}}", size=12, indent=False)
    para(doc, "{{else}}", size=12)
    p = para(doc, "• {{.}}", size=12, indent=False)
    p.paragraph_format.left_indent = Cm(1)
    para(doc, "{{/if}}", size=12)
    para(doc, "{{/each}}", size=12)
    para(doc, "{{/if}}", size=12)
    # No rule codes in a document (reader B, 21: they are for `ruleset show` and the JSON report);
    # the table has its caption, and a rule is never split between pages.
    para(doc, "Таблица 1 — Правила проверки", indent=False, before=12, after=6, size=12, keep=True)
    table = grid_table(doc, (12, 100, 110, 35), ("№", "Требование", "Основание", "Уровень"))
    texts = ("{{#each /ruleset/rules/rule}}{{count(preceding-sibling::rule) + 1}}",
             "{{title}}{{#if mode != 'add'}} ({{mode}}){{/if}}", "{{citation}}", "{{severity}}{{/each}}")
    for c, t in zip(table.rows[1].cells, texts):
        fill_cell(c, [t])
    cant_split(table.rows[1])
    para(doc, "Всего правил: {{count(/ruleset/rules/rule)}}.", indent=False, before=12, size=12)
    save(doc, path)


if __name__ == "__main__":
    main()
