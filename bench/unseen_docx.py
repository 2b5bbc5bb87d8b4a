#!/usr/bin/python3
"""A corpus of DOCX documents our templates never produce, for bench/compare_pdf.py --docx DIR.

Typical Russian school paperwork written the way other tools write it: python-docx (its
default template is Word's, so these look like Word documents: Calibri, theme fonts, styles
with numbering) and LibreOffice (`soffice --convert-to docx` of flat ODT and HTML written here,
and of a python-docx document re-saved: LibreOffice-written DOCX differ a lot from Word's).

usage: /usr/bin/python3 bench/unseen_docx.py OUTDIR      (standard library + python3-docx + soffice)
"""
import copy
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_LINE_SPACING, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

FIO = ["Иванова Мария Петровна", "Петров Сергей Иванович", "Сидорова Анна Викторовна", "Кузнецов Павел Андреевич",
       "Смирнова Ольга Николаевна", "Васильев Дмитрий Олегович", "Морозова Елена Сергеевна", "Новиков Игорь Павлович"]
SUBJ = ["Русский язык", "Математика", "История", "Физика", "Химия", "Биология", "География", "Литература"]
LOREM = ("Настоящий документ разработан в соответствии с Федеральным законом от 29.12.2012 № 273-ФЗ «Об образовании "
         "в Российской Федерации», распоряжением Министерства просвещения Российской Федерации и уставом "
         "образовательной организации, определяет порядок организации работы педагогических работников и "
         "обучающихся, права и обязанности участников, а также порядок контроля и подведения итогов.")


# ---------------------------------------------------------------- helpers for python-docx
def font(run, name=None, size=None, bold=None, italic=None, underline=None):
    if name:
        run.font.name = name
        rpr = run._element.get_or_add_rPr()
        rpr.rFonts.set(qn("w:eastAsia"), name)
        rpr.rFonts.set(qn("w:cs"), name)
    if size:
        run.font.size = Pt(size)
    if bold is not None:
        run.bold = bold
    if italic is not None:
        run.italic = italic
    if underline is not None:
        run.underline = underline
    return run


def base_font(doc, name, size):
    st = doc.styles["Normal"]
    st.font.name = name
    st.font.size = Pt(size)
    rpr = st.element.get_or_add_rPr()
    rpr.rFonts.set(qn("w:eastAsia"), name)
    rpr.rFonts.set(qn("w:cs"), name)


def field(paragraph, instr):
    """A complex field (fldChar begin/instrText/separate/result/end) as Word writes PAGE/NUMPAGES."""
    def r(child):
        run = paragraph.add_run()
        run._element.append(child)
        return run
    b = OxmlElement("w:fldChar"); b.set(qn("w:fldCharType"), "begin"); r(b)
    t = OxmlElement("w:instrText"); t.set(qn("xml:space"), "preserve"); t.text = " %s " % instr; r(t)
    s = OxmlElement("w:fldChar"); s.set(qn("w:fldCharType"), "separate"); r(s)
    paragraph.add_run("1")
    e = OxmlElement("w:fldChar"); e.set(qn("w:fldCharType"), "end"); r(e)


def repeat_header(row):
    trpr = row._tr.get_or_add_trPr()
    h = OxmlElement("w:tblHeader")
    h.set(qn("w:val"), "true")
    trpr.append(h)


def landscape(section):
    section.orientation = WD_ORIENT.LANDSCAPE
    w, h = section.page_width, section.page_height
    if w < h:
        section.page_width, section.page_height = h, w


def margins(section, top=2, bottom=2, left=3, right=1.5):
    section.top_margin, section.bottom_margin = Cm(top), Cm(bottom)
    section.left_margin, section.right_margin = Cm(left), Cm(right)


def multilevel_list(doc, formats, start_indent=0):
    """Adds an abstract list %1. / %1.%2. / %1.%2.%3. … to numbering.xml; returns its numId."""
    numbering = doc.part.numbering_part.element
    ids = [int(a.get(qn("w:abstractNumId"))) for a in numbering.findall(qn("w:abstractNum"))]
    nums = [int(n.get(qn("w:numId"))) for n in numbering.findall(qn("w:num"))]
    aid, nid = max(ids + [0]) + 1, max(nums + [0]) + 1
    a = OxmlElement("w:abstractNum")
    a.set(qn("w:abstractNumId"), str(aid))
    mlt = OxmlElement("w:multiLevelType"); mlt.set(qn("w:val"), "multilevel"); a.append(mlt)
    for lvl, (fmt, text) in enumerate(formats):
        l = OxmlElement("w:lvl"); l.set(qn("w:ilvl"), str(lvl))
        for tag, val in (("w:start", "1"), ("w:numFmt", fmt), ("w:lvlText", text), ("w:lvlJc", "left")):
            e = OxmlElement(tag); e.set(qn("w:val"), val); l.append(e)
        ppr = OxmlElement("w:pPr"); ind = OxmlElement("w:ind")
        ind.set(qn("w:left"), str(start_indent + 432 + 360 * lvl)); ind.set(qn("w:hanging"), str(432 + 72 * lvl))
        ppr.append(ind); l.append(ppr)
        a.append(l)
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(a)
    else:
        numbering.append(a)
    n = OxmlElement("w:num"); n.set(qn("w:numId"), str(nid))
    ref = OxmlElement("w:abstractNumId"); ref.set(qn("w:val"), str(aid)); n.append(ref)
    numbering.append(n)
    return nid


def numbered(paragraph, num_id, level):
    ppr = paragraph._p.get_or_add_pPr()
    numpr = OxmlElement("w:numPr")
    il = OxmlElement("w:ilvl"); il.set(qn("w:val"), str(level)); numpr.append(il)
    ni = OxmlElement("w:numId"); ni.set(qn("w:val"), str(num_id)); numpr.append(ni)
    ppr.insert(0, numpr) if ppr.find(qn("w:pStyle")) is None else ppr.find(qn("w:pStyle")).addnext(numpr)
    return paragraph


def png(width, height):
    """A small PNG (a school crest-like picture: coloured bands and a frame), no PIL needed."""
    rows = []
    for y in range(height):
        row = bytearray([0])
        for x in range(width):
            frame = x < 4 or y < 4 or x >= width - 4 or y >= height - 4
            if frame:
                row += bytes((20, 40, 120))
            elif y < height // 3:
                row += bytes((255, 255, 255))
            elif y < 2 * height // 3:
                row += bytes((40, 90, 200))
            else:
                row += bytes((210, 40, 40))
        rows.append(bytes(row))
    def chunk(kind, data):
        c = kind + data
        return struct.pack(">I", len(data)) + c + struct.pack(">I", zlib.crc32(c) & 0xffffffff)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)) +
            chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + chunk(b"IEND", b""))


def signature(doc, position, name, size=14):
    p = doc.add_paragraph()
    p.paragraph_format.tab_stops.add_tab_stop(Cm(16.5), WD_TAB_ALIGNMENT.RIGHT)
    p.paragraph_format.space_before = Pt(24)
    font(p.add_run(position + "\t" + name), size=size)
    return p


def header_block(doc, org, size=14):
    for text, bold in ((org, True), ("(МБОУ «СОШ № 42»)", False)):
        p = doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.paragraph_format.space_after = Pt(0)
        font(p.add_run(text), size=size, bold=bold)


# ---------------------------------------------------------------- python-docx documents
def order_tabs(path):
    """Приказ: Times New Roman 14, header block, date and number on one line by a right tab,
    1.5 line spacing, first-line indents, «List Number» items, signature with tabs and an
    underlined blank."""
    doc = Document()
    base_font(doc, "Times New Roman", 14)
    margins(doc.sections[0])
    header_block(doc, "Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 42»")
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.paragraph_format.space_before = Pt(18)
    font(p.add_run("ПРИКАЗ"), bold=True, size=16)
    p = doc.add_paragraph()
    p.paragraph_format.tab_stops.add_tab_stop(Cm(16.5), WD_TAB_ALIGNMENT.RIGHT)
    font(p.add_run("«15» сентября 2026 г.\t№ 123-о"))
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    font(p.add_run("г. Барнаул"), italic=True)
    p = doc.add_paragraph()
    p.paragraph_format.right_indent = Cm(8)
    font(p.add_run("Об организации наставничества в 2026/2027 учебном году"), bold=True)
    for _ in range(2):
        p = doc.add_paragraph(LOREM)
        p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        p.paragraph_format.first_line_indent = Cm(1.25)
        p.paragraph_format.line_spacing = 1.5
    p = doc.add_paragraph()
    font(p.add_run("ПРИКАЗЫВАЮ:"), bold=True)
    for i, who in enumerate(FIO[:5]):
        p = doc.add_paragraph(style="List Number")
        p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        p.paragraph_format.line_spacing = 1.5
        p.add_run("Назначить ")
        font(p.add_run(who), bold=True)
        p.add_run(" наставником по предмету «%s» с " % SUBJ[i])
        font(p.add_run("01.10.2026"), underline=True)
        p.add_run(".")
    p = doc.add_paragraph(style="List Number")
    p.add_run("Контроль за исполнением приказа ")
    font(p.add_run("оставляю за собой"), italic=True, underline=True)
    p.add_run(".")
    signature(doc, "Директор", "И.И. Иванов")
    p = doc.add_paragraph()
    p.paragraph_format.space_before = Pt(18)
    p.paragraph_format.tab_stops.add_tab_stop(Cm(9), WD_TAB_ALIGNMENT.LEFT)
    p.paragraph_format.tab_stops.add_tab_stop(Cm(13), WD_TAB_ALIGNMENT.LEFT)
    font(p.add_run("С приказом ознакомлены:"))
    for who in FIO[:5]:
        p = doc.add_paragraph()
        p.paragraph_format.tab_stops.add_tab_stop(Cm(9), WD_TAB_ALIGNMENT.LEFT)
        p.paragraph_format.tab_stops.add_tab_stop(Cm(13), WD_TAB_ALIGNMENT.LEFT)
        p.paragraph_format.tab_stops.add_tab_stop(Cm(16.5), WD_TAB_ALIGNMENT.RIGHT)
        p.paragraph_format.space_after = Pt(0)
        font(p.add_run(who + "\t"))
        font(p.add_run("\t"), underline=True)
        font(p.add_run("\t«__» ________ 2026"))
    doc.save(path)


def polozhenie_multilevel(path):
    """Положение of 10+ pages: multi-level numbering 1. / 1.1. / 1.1.1. from numbering.xml,
    headings in bold, footer with PAGE of NUMPAGES, a different (empty) first page footer,
    header text from the second page on, PT Astra Serif 12 (a font usually not installed)."""
    doc = Document()
    base_font(doc, "PT Astra Serif", 12)
    sec = doc.sections[0]
    margins(sec)
    sec.different_first_page_header_footer = True
    hp = sec.header.paragraphs[0]
    hp.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    font(hp.add_run("Положение о системе наставничества"), italic=True, size=10)
    fp = sec.footer.paragraphs[0]
    fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    fp.add_run("Страница ")
    field(fp, "PAGE")
    fp.add_run(" из ")
    field(fp, "NUMPAGES")
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    font(p.add_run("УТВЕРЖДЕНО\nприказом директора\nот 15.09.2026 № 123-о"))
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.paragraph_format.space_before = Pt(24)
    font(p.add_run("ПОЛОЖЕНИЕ\nо системе наставничества педагогических работников"), bold=True, size=14)
    nid = multilevel_list(doc, [("decimal", "%1."), ("decimal", "%1.%2."), ("decimal", "%1.%2.%3.")])
    chapters = ["Общие положения", "Цели и задачи наставничества", "Организация наставничества",
                "Права и обязанности наставника", "Права и обязанности наставляемого", "Формы наставничества",
                "Мониторинг и оценка результатов", "Заключительные положения"]
    for ci, ch in enumerate(chapters):
        p = numbered(doc.add_paragraph(), nid, 0)
        p.paragraph_format.space_before = Pt(12)
        p.paragraph_format.keep_with_next = True
        font(p.add_run(ch), bold=True)
        for k in range(4 + ci % 3):
            p = numbered(doc.add_paragraph(LOREM if k % 2 == 0 else LOREM[:140] + "."), nid, 1)
            p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
            if k == 1:
                for j in range(3):
                    q = numbered(doc.add_paragraph("подпункт о %s;" % SUBJ[j].lower()), nid, 2)
                    q.paragraph_format.space_after = Pt(0)
        p = doc.add_paragraph(style="List Bullet")
        p.add_run("участие в методических объединениях, ")
        font(p.add_run("обязательное"), bold=True, italic=True)
        p.add_run(" для молодых специалистов;")
        p = doc.add_paragraph(style="List Bullet")
        p.add_run("открытые уроки и взаимопосещение.")
    doc.save(path)


def table_merged(path):
    """План мероприятий: Arial 10, a table of 60 rows with two header rows repeated on every
    page (tblHeader), gridSpan in the header, vMerge of the «Ответственный» column over
    groups of rows, Table Grid style, centre-aligned table."""
    doc = Document()
    base_font(doc, "Arial", 10)
    margins(doc.sections[0], 2, 2, 2, 1)
    h = doc.add_heading("План мероприятий по реализации программы наставничества", level=1)
    doc.add_paragraph("на 2026/2027 учебный год")
    t = doc.add_table(rows=2, cols=5)
    t.style = "Table Grid"
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    widths = [Cm(1.2), Cm(7), Cm(3), Cm(3.5), Cm(3)]
    for r in t.rows:
        for c, w in zip(r.cells, widths):
            c.width = w
    t.cell(0, 0).merge(t.cell(1, 0)).text = "№ п/п"
    t.cell(0, 1).merge(t.cell(1, 1)).text = "Мероприятие"
    t.cell(0, 2).merge(t.cell(0, 3)).text = "Сроки и участники"
    t.cell(1, 2).text = "Срок"
    t.cell(1, 3).text = "Участники"
    t.cell(0, 4).merge(t.cell(1, 4)).text = "Ответственный"
    for r in t.rows[:2]:
        repeat_header(r)
        for c in r.cells:
            for run in c.paragraphs[0].runs:
                run.bold = True
            c.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    start = len(t.rows)
    for i in range(60):
        cells = t.add_row().cells
        cells[0].text = "%d." % (i + 1)
        cells[1].text = "Мероприятие %d: %s" % (i + 1, ["консультация", "открытый урок по предмету «%s»" % SUBJ[i % 8],
                                                       "анализ результатов диагностики и составление плана развития",
                                                       "семинар"][i % 4])
        cells[2].text = ["сентябрь", "октябрь", "ноябрь", "в течение года"][i % 4]
        cells[3].text = "наставник, наставляемый"
    for g in range(0, 60, 5):
        a, b = t.cell(start + g, 4), t.cell(start + g + 4, 4)
        a.merge(b).text = FIO[(g // 5) % 8]
    doc.add_paragraph()
    doc.add_paragraph("Заместитель директора по УВР\t\t\tА.В. Сидорова")
    doc.save(path)


def landscape_sections(path):
    """Отчёт: a portrait section, a landscape section with a wide table (8 columns, shaded
    header, cell text rotated none), then portrait again; Calibri from the default template,
    headings with theme colours, exact line spacing in the landscape part."""
    doc = Document()
    doc.add_heading("Отчёт о результатах мониторинга", 0)
    for i in range(4):
        p = doc.add_paragraph(LOREM)
        p.paragraph_format.first_line_indent = Cm(1)
    sec = doc.add_section(WD_SECTION.NEW_PAGE)
    landscape(sec)
    doc.add_heading("Приложение 1. Сводная таблица", 1)
    cols = ["№", "ФИО наставника", "Предмет", "Стаж", "Категория", "Наставляемые", "Мероприятия", "Оценка"]
    t = doc.add_table(rows=1, cols=len(cols))
    t.style = "Light Grid Accent 1"
    for c, name in zip(t.rows[0].cells, cols):
        c.text = name
    repeat_header(t.rows[0])
    for i in range(22):
        cells = t.add_row().cells
        for j, v in enumerate([str(i + 1), FIO[i % 8], SUBJ[i % 8], str(5 + i), ["высшая", "первая", "без категории"][i % 3],
                               FIO[(i + 3) % 8], str(3 + i % 5), ["отлично", "хорошо"][i % 2]]):
            cells[j].text = v
    p = doc.add_paragraph("Примечание: данные на 01.06.2027, строка с точным межстрочным интервалом 12 пт.")
    p.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    p.paragraph_format.line_spacing = Pt(12)
    sec = doc.add_section(WD_SECTION.NEW_PAGE)
    sec.orientation = WD_ORIENT.PORTRAIT
    sec.page_width, sec.page_height = sec.page_height, sec.page_width
    doc.add_heading("Выводы", 1)
    for i in range(3):
        doc.add_paragraph(LOREM, style="List Bullet")
    doc.save(path)


def fonts_spacing(path):
    """Справка: mixes of fonts (Times New Roman, Arial, Calibri, PT Astra Serif, Courier New),
    bold/italic/underline (double, dotted), line spacing 1.0/1.15/1.5/2.0/exact/at least,
    left/right/hanging indents, space before/after, explicit page and line breaks, coloured
    text, small caps, superscript."""
    doc = Document()
    base_font(doc, "Times New Roman", 12)
    for name in ["Times New Roman", "Arial", "Calibri", "PT Astra Serif", "Courier New", "Cambria"]:
        p = doc.add_paragraph()
        font(p.add_run(name + ": "), name=name, bold=True)
        font(p.add_run("Съешь же ещё этих мягких французских булок, да выпей чаю. "), name=name)
        font(p.add_run("Курсив, "), name=name, italic=True)
        font(p.add_run("полужирный курсив, "), name=name, bold=True, italic=True)
        font(p.add_run("подчёркнутый."), name=name, underline=True)
    for rule, val, label in [(None, 1.0, "одинарный"), (None, 1.15, "1,15"), (None, 1.5, "полуторный"), (None, 2.0, "двойной"),
                             (WD_LINE_SPACING.EXACTLY, Pt(14), "точно 14 пт"), (WD_LINE_SPACING.AT_LEAST, Pt(20), "минимум 20 пт")]:
        p = doc.add_paragraph()
        if rule is not None:
            p.paragraph_format.line_spacing_rule = rule
        p.paragraph_format.line_spacing = val
        p.paragraph_format.space_after = Pt(6)
        font(p.add_run("Интервал %s. " % label), bold=True)
        p.add_run(LOREM)
    p = doc.add_paragraph(LOREM)
    p.paragraph_format.left_indent = Cm(2)
    p.paragraph_format.right_indent = Cm(2)
    p = doc.add_paragraph("Висячая строка: " + LOREM)
    p.paragraph_format.left_indent = Cm(2)
    p.paragraph_format.first_line_indent = Cm(-1)
    p = doc.add_paragraph()
    r = p.add_run("Разрыв строки здесь")
    r.add_break(WD_BREAK.LINE)
    p.add_run("и продолжение абзаца, ")
    r = p.add_run("красный текст")
    r.font.color.rgb = RGBColor(0xC0, 0, 0)
    p.add_run(", ")
    r = p.add_run("малые прописные")
    r.font.small_caps = True
    p.add_run(", м")
    r = p.add_run("2")
    r.font.superscript = True
    p.add_run(", H")
    r = p.add_run("2")
    r.font.subscript = True
    p.add_run("O, ")
    r = p.add_run("двойное подчёркивание")
    r.font.underline = 3  # double
    p.add_run(".")
    p = doc.add_paragraph()
    p.add_run("Текст до разрыва страницы.")
    p.add_run().add_break(WD_BREAK.PAGE)
    p.add_run("Текст после разрыва страницы.")
    p = doc.add_paragraph("Абзац с разрывом страницы перед ним.")
    p.paragraph_format.page_break_before = True
    doc.save(path)


def with_image(path, tmp):
    """Характеристика: an inline picture (PNG) centred, a picture inside a table cell, a caption."""
    img = os.path.join(tmp, "crest.png")
    with open(img, "wb") as f:
        f.write(png(160, 120))
    doc = Document()
    base_font(doc, "Times New Roman", 12)
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.add_run().add_picture(img, width=Cm(4))
    p = doc.add_paragraph("Рис. 1. Эмблема школы")
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    doc.add_heading("Характеристика наставника", 1)
    t = doc.add_table(rows=1, cols=2)
    t.style = "Table Grid"
    t.cell(0, 0).paragraphs[0].add_run().add_picture(img, width=Cm(3))
    t.cell(0, 1).text = "ФИО: Иванова Мария Петровна\nДолжность: учитель математики\nСтаж: 25 лет"
    for i in range(3):
        doc.add_paragraph(LOREM)
    doc.save(path)


def long_report(path):
    """Аналитическая справка of ~12 pages: Heading 1/2 (theme fonts and colours), Normal with
    space after 8 pt and 1.08 line spacing (Word's defaults), bullet and number lists from
    the template's styles, a table every few sections."""
    doc = Document()
    doc.add_heading("Аналитическая справка по итогам года", 0)
    for s in range(10):
        doc.add_heading("%d. Раздел о работе с %s" % (s + 1, ["молодыми специалистами", "обучающимися", "родителями"][s % 3]), 1)
        for k in range(3):
            doc.add_heading("%d.%d. Подраздел" % (s + 1, k + 1), 2)
            doc.add_paragraph(LOREM + " " + LOREM[:200])
            if k == 1:
                for j in range(3):
                    doc.add_paragraph("пункт списка %d: %s" % (j + 1, SUBJ[(s + j) % 8]), style="List Bullet")
            if k == 2 and s % 3 == 0:
                t = doc.add_table(rows=4, cols=3)
                t.style = "Table Grid"
                for r in range(4):
                    for c in range(3):
                        t.cell(r, c).text = ["Показатель", "2025", "2026"][c] if r == 0 else "%d,%d" % (r * 7 + c, s)
        for j in range(2):
            doc.add_paragraph("Вывод %d по разделу." % (j + 1), style="List Number")
    doc.save(path)


def familiarisation_continuous(path):
    """Приказ with a «лист ознакомления»: continuous section breaks (Word's «на текущей
    странице») around a part set in two columns, then a section starting on an odd page."""
    doc = Document()
    base_font(doc, "Times New Roman", 12)
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    font(p.add_run("ПРИКАЗ № 7 от 01.09.2026"), bold=True)
    for _ in range(3):
        doc.add_paragraph(LOREM).paragraph_format.first_line_indent = Cm(1.25)
    signature(doc, "Директор", "И.И. Иванов", size=12)
    sec = doc.add_section(WD_SECTION.CONTINUOUS)
    doc.add_paragraph("С приказом ознакомлены:")
    sec = doc.add_section(WD_SECTION.CONTINUOUS)
    cols = sec._sectPr.xpath("./w:cols")
    c = cols[0] if cols else OxmlElement("w:cols")
    c.set(qn("w:num"), "2")
    c.set(qn("w:space"), "708")
    if not cols:
        sec._sectPr.append(c)
    for who in FIO * 2:
        doc.add_paragraph(who + " ________").paragraph_format.space_after = Pt(2)
    sec = doc.add_section(WD_SECTION.CONTINUOUS)
    for c in sec._sectPr.xpath("./w:cols"):
        c.set(qn("w:num"), "1")
    doc.add_paragraph("Приказ вступает в силу со дня подписания.")
    doc.add_section(WD_SECTION.ODD_PAGE)
    doc.add_paragraph("Приложение 1 (с нечётной страницы)")
    doc.save(path)


# ---------------------------------------------------------------- LibreOffice-written documents
FODT_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls>
 <style:font-face style:name="Times New Roman" svg:font-family="'Times New Roman'" style:font-family-generic="roman"/>
 <style:font-face style:name="Arial" svg:font-family="Arial" style:font-family-generic="swiss"/>
 <style:font-face style:name="PT Astra Serif" svg:font-family="'PT Astra Serif'" style:font-family-generic="roman"/>
</office:font-face-decls>
"""


def fodt_order(path):
    """Приказ in LibreOffice: first-page master without header, «Default» pages with a header
    and a footer with the page number and count, Times New Roman 14 justified with 1.5 line
    spacing, a numbered outline list, a signature line with a right tab and leader dots."""
    items = "".join('<text:list-item><text:p text:style-name="Item">%s назначить наставником по предмету «%s»; '
                    'обеспечить проведение не менее двух открытых занятий в каждом полугодии.</text:p></text:list-item>' % (w, s)
                    for w, s in zip(FIO, SUBJ))
    body = ('<text:p text:style-name="Center"><text:span text:style-name="B">МУНИЦИПАЛЬНОЕ БЮДЖЕТНОЕ '
            'ОБЩЕОБРАЗОВАТЕЛЬНОЕ УЧРЕЖДЕНИЕ «ГИМНАЗИЯ № 5»</text:span></text:p>'
            '<text:p text:style-name="Center"><text:span text:style-name="B">ПРИКАЗ</text:span></text:p>'
            '<text:p text:style-name="DateNo">15.09.2026<text:tab/>№ 45</text:p>'
            + ''.join('<text:p text:style-name="Body">%s</text:p>' % LOREM for _ in range(3))
            + '<text:p text:style-name="Body"><text:span text:style-name="B">ПРИКАЗЫВАЮ:</text:span></text:p>'
            '<text:list text:style-name="Num">' + items + items + '</text:list>'
            '<text:p text:style-name="Sign">Директор гимназии<text:tab/>Н.Н. Петрова</text:p>'
            + ''.join('<text:p text:style-name="Body">%s</text:p>' % LOREM for _ in range(4)))
    doc = FODT_HEAD + """<office:styles>
 <style:default-style style:family="paragraph"><style:paragraph-properties fo:hyphenation-ladder-count="no-limit"/>
  <style:text-properties style:font-name="Times New Roman" fo:font-size="14pt" fo:language="ru" fo:country="RU"/></style:default-style>
 <style:style style:name="Standard" style:family="paragraph"/>
 <style:style style:name="Center" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="center" fo:margin-bottom="0.2cm"/></style:style>
 <style:style style:name="DateNo" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:margin-top="0.5cm" fo:margin-bottom="0.5cm">
  <style:tab-stops><style:tab-stop style:position="16.5cm" style:type="right"/></style:tab-stops></style:paragraph-properties></style:style>
 <style:style style:name="Body" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="justify" fo:text-indent="1.25cm" fo:line-height="150%"/></style:style>
 <style:style style:name="Item" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="justify" fo:line-height="150%"/></style:style>
 <style:style style:name="Sign" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:margin-top="1cm">
  <style:tab-stops><style:tab-stop style:position="16.5cm" style:type="right" style:leader-style="dotted" style:leader-text="."/></style:tab-stops></style:paragraph-properties></style:style>
 <style:style style:name="HF" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-size="10pt"/></style:style>
 <style:style style:name="B" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
 <text:list-style style:name="Num">
  <text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="1"><style:list-level-properties text:list-level-position-and-space-mode="label-alignment">
   <style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="1.27cm" fo:text-indent="-0.635cm" fo:margin-left="1.27cm"/></style:list-level-properties></text:list-level-style-number>
 </text:list-style>
</office:styles>
<office:automatic-styles>
 <style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="1.5cm" fo:margin-bottom="1.5cm" fo:margin-left="3cm" fo:margin-right="1.5cm"/>
  <style:header-style><style:header-footer-properties fo:min-height="0cm" fo:margin-bottom="0.3cm"/></style:header-style>
  <style:footer-style><style:header-footer-properties fo:min-height="0cm" fo:margin-top="0.3cm"/></style:footer-style></style:page-layout>
</office:automatic-styles>
<office:master-styles>
 <style:master-page style:name="First_20_Page" style:display-name="First Page" style:page-layout-name="pm1" style:next-style-name="Standard"/>
 <style:master-page style:name="Standard" style:page-layout-name="pm1">
  <style:header><text:p text:style-name="HF">Приказ № 45 от 15.09.2026</text:p></style:header>
  <style:footer><text:p text:style-name="HF">Страница <text:page-number text:select-page="current">1</text:page-number> из <text:page-count>1</text:page-count></text:p></style:footer>
 </style:master-page>
</office:master-styles>
<office:body><office:text>""" + body.replace('<text:p text:style-name="Center">', '<text:p text:style-name="FirstCenter">', 1) + """</office:text></office:body></office:document>"""
    doc = doc.replace("</office:automatic-styles>", '<style:style style:name="FirstCenter" style:family="paragraph" style:parent-style-name="Center" '
                      'style:master-page-name="First_20_Page"/></office:automatic-styles>')
    with open(path, "w", encoding="utf-8") as f:
        f.write(doc)


def fodt_table_outline(path):
    """Положение in LibreOffice: a three-level outline list (1. / 1.1. / 1.1.1.) and a table
    with column and row spans and a repeated header row that runs over two pages, PT Astra
    Serif 12, then a landscape page (a second master page) with a wide table."""
    def lst(level, text):
        inner = '<text:list-item><text:p text:style-name="L">%s</text:p></text:list-item>' % text
        for _ in range(level):
            inner = '<text:list-item><text:list>' + inner + '</text:list></text:list-item>'
        return '<text:list text:style-name="Outline" text:continue-numbering="true">' + inner + '</text:list>'
    body = '<text:p text:style-name="Title">ПОЛОЖЕНИЕ о наставничестве</text:p>'
    for ch in range(4):
        body += lst(0, ["Общие положения", "Цели и задачи", "Порядок организации", "Заключительные положения"][ch])
        for k in range(3):
            body += lst(1, LOREM[: 120 + 40 * k])
            if k == 0:
                for j in range(2):
                    body += lst(2, "подпункт %s" % SUBJ[j + ch])
    rows = ""
    for i in range(45):
        span = '<table:table-cell table:number-rows-spanned="3"><text:p>%s</text:p></table:table-cell>' % FIO[(i // 3) % 8] if i % 3 == 0 else '<table:covered-table-cell/>'
        rows += ('<table:table-row><table:table-cell><text:p>%d</text:p></table:table-cell><table:table-cell><text:p>%s</text:p></table:table-cell>'
                 '<table:table-cell><text:p>%s</text:p></table:table-cell>%s</table:table-row>' % (i + 1, SUBJ[i % 8], ["сентябрь", "декабрь", "май"][i % 3], span))
    body += ('<text:p text:style-name="L">Таблица 1. Закрепление пар</text:p><table:table table:name="T1" table:style-name="T1">'
             '<table:table-column table:number-columns-repeated="4"/>'
             '<table:table-header-rows><table:table-row><table:table-cell table:number-columns-spanned="2"><text:p text:style-name="TH">Предмет</text:p></table:table-cell>'
             '<table:covered-table-cell/><table:table-cell><text:p text:style-name="TH">Срок</text:p></table:table-cell>'
             '<table:table-cell><text:p text:style-name="TH">Наставник</text:p></table:table-cell></table:table-row></table:table-header-rows>'
             + rows + '</table:table>')
    body += '<text:p text:style-name="Land">Приложение. Альбомная страница</text:p>'
    body += ('<table:table table:name="T2" table:style-name="T1"><table:table-column table:number-columns-repeated="7"/>'
             + "".join('<table:table-row>' + "".join('<table:table-cell><text:p>%s</text:p></table:table-cell>' % (FIO[(r + c) % 8] if c == 1 else "%d,%d" % (r, c))
                                                        for c in range(7)) + '</table:table-row>' for r in range(10))
             + '</table:table><text:p text:style-name="L">Конец приложения.</text:p>')
    doc = FODT_HEAD + """<office:styles>
 <style:default-style style:family="paragraph"><style:text-properties style:font-name="PT Astra Serif" fo:font-size="12pt" fo:language="ru" fo:country="RU"/></style:default-style>
 <style:style style:name="Standard" style:family="paragraph"/>
 <style:style style:name="Title" style:family="paragraph"><style:paragraph-properties fo:text-align="center" fo:margin-bottom="0.4cm"/><style:text-properties fo:font-size="16pt" fo:font-weight="bold"/></style:style>
 <style:style style:name="L" style:family="paragraph"><style:paragraph-properties fo:text-align="justify" fo:margin-bottom="0.2cm"/></style:style>
 <style:style style:name="TH" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-weight="bold"/></style:style>
 <text:list-style style:name="Outline">
  <text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="1"><style:list-level-properties text:list-level-position-and-space-mode="label-alignment">
   <style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="0.76cm" fo:text-indent="-0.76cm" fo:margin-left="0.76cm"/></style:list-level-properties></text:list-level-style-number>
  <text:list-level-style-number text:level="2" style:num-suffix="." style:num-format="1" text:display-levels="2"><style:list-level-properties text:list-level-position-and-space-mode="label-alignment">
   <style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="1.78cm" fo:text-indent="-1.02cm" fo:margin-left="1.78cm"/></style:list-level-properties></text:list-level-style-number>
  <text:list-level-style-number text:level="3" style:num-suffix="." style:num-format="1" text:display-levels="3"><style:list-level-properties text:list-level-position-and-space-mode="label-alignment">
   <style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="3.05cm" fo:text-indent="-1.27cm" fo:margin-left="3.05cm"/></style:list-level-properties></text:list-level-style-number>
 </text:list-style>
</office:styles>
<office:automatic-styles>
 <style:style style:name="T1" style:family="table"><style:table-properties style:width="17cm" table:align="margins"/></style:style>
 <style:style style:name="Land" style:family="paragraph" style:parent-style-name="L" style:master-page-name="Landscape"/>
 <style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="2cm" fo:margin-bottom="2cm" fo:margin-left="2.5cm" fo:margin-right="1.5cm"/></style:page-layout>
 <style:page-layout style:name="pm2"><style:page-layout-properties fo:page-width="29.7cm" fo:page-height="21cm" style:print-orientation="landscape" fo:margin-top="1.5cm" fo:margin-bottom="1.5cm" fo:margin-left="2cm" fo:margin-right="2cm"/></style:page-layout>
</office:automatic-styles>
<office:master-styles>
 <style:master-page style:name="Standard" style:page-layout-name="pm1"><style:footer><text:p text:style-name="TH"><text:page-number text:select-page="current">1</text:page-number></text:p></style:footer></style:master-page>
 <style:master-page style:name="Landscape" style:page-layout-name="pm2"/>
</office:master-styles>
<office:body><office:text>""" + body + """</office:text></office:body></office:document>"""
    # cell borders: every cell of T1/T2 gets a bordered automatic style
    doc = doc.replace("</office:automatic-styles>", '<style:style style:name="C" style:family="table-cell"><style:table-cell-properties fo:padding="0.1cm" fo:border="0.5pt solid #000000"/></style:style></office:automatic-styles>')
    doc = doc.replace("<table:table-cell>", '<table:table-cell table:style-name="C">').replace("<table:table-cell table:number", '<table:table-cell table:style-name="C" table:number')
    with open(path, "w", encoding="utf-8") as f:
        f.write(doc)


HTML = """<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"><title>Протокол</title>
<style>body{font-family:'Times New Roman';font-size:12pt} td,th{border:1px solid black;padding:3px} table{border-collapse:collapse}</style></head><body>
<h1>Протокол заседания методического совета № 3</h1>
<p>от 20 октября 2026 г. <b>Присутствовали:</b> 14 человек. <i>Отсутствовали:</i> 2 человека.</p>
<h2>Повестка дня</h2>
<ol><li>Об итогах <b>стартовой диагностики</b> молодых специалистов.
<ol><li>Результаты анкетирования.</li><li>Результаты посещения уроков.</li></ol></li>
<li>Об утверждении плана наставничества.</li><li>Разное.</li></ol>
<h2>Слушали</h2><p>%s</p>
<ul><li>обучение на курсах повышения квалификации;</li><li>участие в конкурсах <u>профессионального мастерства</u>;
<ul><li>муниципальный этап;</li><li>региональный этап.</li></ul></li><li>самообразование.</li></ul>
<table><thead><tr><th rowspan="2">№</th><th rowspan="2">ФИО</th><th colspan="2">Результаты</th></tr><tr><th>сентябрь</th><th>октябрь</th></tr></thead>
<tbody>%s</tbody></table>
<h2>Постановили</h2><ol><li>Принять к сведению.</li><li>Утвердить план.</li></ol>
<p>Председатель ____________ И.И. Иванов</p><p>Секретарь ____________ О.Н. Смирнова</p></body></html>"""


def html_protocol(path):
    rows = "".join("<tr><td>%d</td><td>%s</td><td>%d%%</td><td>%d%%</td></tr>" % (i + 1, FIO[i % 8], 60 + i, 65 + i) for i in range(14))
    with open(path, "w", encoding="utf-8") as f:
        f.write(HTML % (LOREM + " " + LOREM, rows))


def soffice(src, outdir, tmp, infilter=None):
    cmd = ["soffice", "--headless", "-env:UserInstallation=file://" + os.path.join(tmp, "lo-profile")]
    if infilter:
        cmd += ["--infilter=" + infilter]
    cmd += ["--convert-to", 'docx:MS Word 2007 XML', "--outdir", outdir, src]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    tmp = tempfile.mkdtemp(prefix="unseen-docx-")
    try:
        order_tabs(os.path.join(out, "01-pd-prikaz-tabs.docx"))
        polozhenie_multilevel(os.path.join(out, "02-pd-polozhenie-multilevel.docx"))
        table_merged(os.path.join(out, "03-pd-plan-table-merged.docx"))
        landscape_sections(os.path.join(out, "04-pd-otchet-landscape.docx"))
        fonts_spacing(os.path.join(out, "05-pd-spravka-fonts-spacing.docx"))
        with_image(os.path.join(out, "06-pd-harakteristika-image.docx"), tmp)
        long_report(os.path.join(out, "07-pd-long-report.docx"))
        familiarisation_continuous(os.path.join(out, "11-pd-oznakomlenie-continuous.docx"))
        src = os.path.join(tmp, "src")
        os.makedirs(src)
        fodt_order(os.path.join(src, "08-lo-prikaz-header-footer.fodt"))
        fodt_table_outline(os.path.join(src, "09-lo-polozhenie-outline-table.fodt"))
        html_protocol(os.path.join(src, "10-lo-protokol-html.html"))
        for name in ("08-lo-prikaz-header-footer.fodt", "09-lo-polozhenie-outline-table.fodt"):
            soffice(os.path.join(src, name), out, tmp)
        soffice(os.path.join(src, "10-lo-protokol-html.html"), out, tmp, infilter="HTML (StarWriter)")
        # python-docx (Word-like) documents re-saved by LibreOffice: same content, LibreOffice's DOCX
        for name in ("02-pd-polozhenie-multilevel", "03-pd-plan-table-merged", "04-pd-otchet-landscape"):
            shutil.copy(os.path.join(out, name + ".docx"), os.path.join(src, name.replace("-pd-", "-lo-resaved-") + ".docx"))
        resaved = os.path.join(tmp, "resaved")
        for name in ("02-lo-resaved-polozhenie-multilevel", "03-lo-resaved-plan-table-merged", "04-lo-resaved-otchet-landscape"):
            soffice(os.path.join(src, name + ".docx"), resaved, tmp)
            shutil.move(os.path.join(resaved, name + ".docx"), os.path.join(out, "1" + name[1:] + ".docx"))
    finally:
        shutil.rmtree(tmp)
    for f in sorted(os.listdir(out)):
        print(os.path.join(out, f))


if __name__ == "__main__":
    main()
