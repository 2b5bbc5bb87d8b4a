#!/usr/bin/env python3
"""Bootstraps the DOCX templates in templates/ (python-docx, Debian package python3-docx).

The DOCX files are the source of truth — a clerk edits them in Word or LibreOffice; this
script only made their first version reproducibly. Form: ГОСТ Р 7.0.97-2016 (A4, margins
30/10/20/20 mm, 14 pt serif, 1.25 cm indent, page numbers centred at the top from page 2).
Tags: docs/CONTRACTS.md §4.
"""
import datetime
import sys

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

FONT = "Liberation Serif"
ORG = "/data/organisation"
SHORT = "{{/data/organisation/short_name}}"
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
    return doc


def page_numbers(section):
    """PAGE field centred in the header; none on the first page (ГОСТ Р 7.0.97, п. 6.5)."""
    section.different_first_page_header_footer = True
    p = section.header.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.paragraph_format.first_line_indent = Cm(0)
    run = p.add_run()
    for kind, text in (("begin", None), ("instr", " PAGE "), ("separate", None), ("text", "2"), ("end", None)):
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
    run.font.size = Pt(12)
    section.first_page_header.paragraphs[0].text = ""


def typeset(text):
    """Non-breaking space after «№» (ГОСТ Р 7.0.97: the sign never ends a line)."""
    return text.replace("№ ", "№\u00a0")


def para(doc_or_cell, text="", *, bold=False, align=None, indent=True, caps=False, size=None, keep=False,
         before=0, after=0):
    p = doc_or_cell.add_paragraph()
    if text:
        r = p.add_run(typeset(text))
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
    return para(cell, text, bold=bold, align=align, indent=False, size=size)


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


def fill_cell(cell, lines, bold=False, align=WD_ALIGN_PARAGRAPH.LEFT, size=11):
    """Replaces a cell's text by `lines`, one paragraph each, without a first-line indent."""
    cell.paragraphs[0].text = ""
    for i, line in enumerate(lines):
        p = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
        run = p.add_run(typeset(line))
        run.bold = bold
        run.font.size = Pt(size)
        p.paragraph_format.first_line_indent = Cm(0)
        p.alignment = align


def save(doc, path):
    doc.save(path)
    # python-docx writes every built-in style out in full; keep only those the template uses.
    import slim_templates
    slim_templates.slim(path)
    print("written", path)


# ---------------------------------------------------------------------------------------------
def polozhenie(path):
    doc = new_document()
    # Гриф: ПРИНЯТО (left) / УТВЕРЖДЕНО (right), ГОСТ Р 7.0.97 п. 5.21.
    t = borderless_table(doc, 2, (85, 85))
    left, right = t.rows[0].cells
    cell_para(left, "{{#if /data/pedagogical_council}}", size=12)
    cell_para(left, "ПРИНЯТО", size=12)
    cell_para(left, "на заседании педагогического совета", size=12)
    cell_para(left, "протокол от {{n:date(/data/pedagogical_council/date)}} № {{/data/pedagogical_council/protocol_number}}", size=12)
    cell_para(left, "{{/if}}", size=12)
    cell_para(right, "УТВЕРЖДЕНО", size=12)
    cell_para(right, "приказом " + SHORT, size=12)
    cell_para(right, "от {{n:date($order_date)}} № {{$order_number}}", size=12)

    para(doc, "ПОЛОЖЕНИЕ", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False, before=24)
    para(doc, "о системе наставничества педагогических работников", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False)
    para(doc, "в " + SHORT, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False, after=12)

    heading(doc, "1. Общие положения")
    para(doc, "1.1. Настоящее Положение о системе наставничества педагогических работников в " + SHORT +
         " (далее — Положение, образовательная организация) определяет цели, задачи, формы и порядок осуществления "
         "наставничества педагогических работников образовательной организации.")
    para(doc, "1.2. Положение разработано в соответствии с распоряжением Правительства Российской Федерации "
         "от 31.12.2019 № 3273-р «Об утверждении основных принципов национальной системы профессионального роста "
         "педагогических работников Российской Федерации, включая национальную систему учительского роста», "
         "методическими рекомендациями по разработке и внедрению системы (целевой модели) наставничества "
         "педагогических работников в образовательных организациях (письмо Министерства просвещения Российской "
         "Федерации от 21.12.2021 № АЗ-1128/08){{#if /data/organisation/region = 'Алтайский край'}}, приказом "
         "Министерства образования и науки Алтайского края от 24.03.2022 № 404 «Об утверждении положения о системе "
         "наставничества педагогических работников в образовательных организациях Алтайского края»{{/if}}"
         "{{#if /data/organisation/municipality = 'Барнаул'}} и Положением о системе наставничества педагогических "
         "работников в муниципальных образовательных организациях города Барнаула, утверждённым приказом комитета "
         "по образованию города Барнаула от 27.07.2022 № 127{{/if}}.")
    para(doc, "1.3. Педагогическими работниками являются работники образовательной организации, замещающие "
         "должности, включённые в номенклатуру должностей педагогических работников организаций, осуществляющих "
         "образовательную деятельность, утверждённую постановлением Правительства Российской Федерации "
         "от 21.02.2022 № 225.")
    para(doc, "1.4. В Положении используются следующие понятия:")
    for term in (
        "наставничество — форма обеспечения профессионального становления, развития и адаптации к квалифицированному "
        "исполнению должностных обязанностей лиц, в отношении которых осуществляется наставничество;",
        "наставник — педагогический работник, назначаемый ответственным за профессиональную и должностную адаптацию "
        "лица, в отношении которого осуществляется наставническая деятельность;",
        "наставляемый — участник системы наставничества, который через взаимодействие с наставником и при его помощи "
        "и поддержке приобретает новый опыт, развивает необходимые навыки и компетенции;",
        "куратор — работник образовательной организации, который отвечает за реализацию персонализированных программ "
        "наставничества;",
        "форма наставничества — способ реализации системы наставничества через организацию работы наставнической "
        "пары или группы;",
        "персонализированная программа наставничества — краткосрочная программа (от 3 месяцев до 1 года), включающая "
        "описание форм и видов наставничества, участников наставнической деятельности, направления наставнической "
        "деятельности и перечень мероприятий, нацеленных на устранение выявленных профессиональных затруднений "
        "наставляемого и на поддержку его сильных сторон.",
    ):
        para(doc, "— " + term)

    heading(doc, "2. Цели, задачи и принципы системы наставничества")
    para(doc, "2.1. Цель системы наставничества — создание условий для непрерывного профессионального роста и "
         "профессионального самосовершенствования педагогических работников, их самореализации и закрепления в "
         "профессии, включая педагогов, начинающих профессиональную деятельность.")
    para(doc, "2.2. Задачи системы наставничества:")
    for task in (
        "содействовать повышению правового и социально-профессионального статуса наставников, соблюдению гарантий "
        "профессиональных прав и свобод наставляемых;",
        "оказывать методическую помощь в реализации различных форм и видов наставничества;",
        "содействовать адаптации молодых и вновь принятых педагогов к условиям работы в образовательной организации;",
        "способствовать распространению лучших практик наставничества и формированию единого научно-методического "
        "сопровождения педагогических работников.",
    ):
        para(doc, "— " + task)
    para(doc, "2.3. Система наставничества основывается на принципах добровольности, индивидуализации и "
         "персонализации, вариативности, системности и стратегической целостности.")

    heading(doc, "3. Организация системы наставничества")
    para(doc, "3.1. Наставничество организуется на основании приказа руководителя образовательной организации "
         "«Об утверждении Положения о системе наставничества педагогических работников».")
    para(doc, "3.2. Педагогический работник назначается наставником с его письменного согласия приказом "
         "руководителя образовательной организации.")
    para(doc, "3.3. Руководитель образовательной организации осуществляет общее руководство и контроль за "
         "организацией и реализацией системы наставничества, утверждает дорожную карту (план мероприятий) по "
         "реализации Положения, издаёт приказы о закреплении наставнических пар (групп) с письменного согласия их "
         "участников на возложение на них дополнительных обязанностей, связанных с наставнической деятельностью.")
    para(doc, "3.4. Куратор реализации программ наставничества назначается руководителем образовательной организации "
         "из числа заместителей руководителя. Куратор:")
    for duty in (
        "своевременно (не менее одного раза в год) актуализирует информацию о наличии в образовательной организации "
        "педагогов, которых необходимо включить в наставническую деятельность в качестве наставляемых;",
        "организует разработку персонализированных программ наставничества (от 3 месяцев до 1 года);",
        "осуществляет мониторинг эффективности и результативности системы наставничества, формирует итоговый "
        "аналитический отчёт;",
        "участвует в наполнении раздела «Наставничество» на официальном сайте образовательной организации.",
    ):
        para(doc, "— " + duty)
    para(doc, "3.5. Методическое объединение (совет) наставников объединяет на добровольной основе наставников "
         "образовательной организации, участвует в подборе и закреплении пар (групп), в разработке и апробации "
         "персонализированных программ наставничества, анализирует результаты диагностики профессиональных "
         "затруднений и вносит корректировки в программы.")

    heading(doc, "4. Формы наставничества")
    para(doc, "4.1. В образовательной организации применяются следующие формы наставничества:")
    para(doc, "{{#if /data/mentoring_forms/form}}")
    para(doc, "{{#each /data/mentoring_forms/form}}")
    para(doc, "— {{.}}{{#if position() = last()}}.{{else}};{{/if}}")
    para(doc, "{{/each}}")
    para(doc, "{{else}}")
    para(doc, "— {{#if " + IS_KG + "}}«воспитатель – воспитатель»{{else}}{{#if " + IS_SCHOOL +
         "}}«учитель – учитель»{{else}}«педагог дополнительного образования – педагог дополнительного образования»{{/if}}{{/if}};")
    para(doc, "— «руководитель образовательной организации – {{#if " + IS_KG + "}}воспитатель{{else}}педагог{{/if}}»;")
    para(doc, "— наставничество в группе (один наставник взаимодействует с группой наставляемых от двух и более человек);")
    para(doc, "— виртуальное (дистанционное) наставничество;")
    para(doc, "— ситуационное наставничество.")
    para(doc, "{{/if}}")
    para(doc, "4.2. Форма наставничества выбирается в зависимости от цели персонализированной программы "
         "наставничества, имеющихся профессиональных затруднений, запроса наставляемого и кадровых ресурсов.")

    heading(doc, "5. Права и обязанности наставника и наставляемого")
    para(doc, "5.1. Наставник обязан разрабатывать совместно с наставляемым персонализированную программу "
         "наставничества, оказывать наставляемому помощь в освоении профессиональных компетенций, контролировать "
         "выполнение программы. Наставник вправе привлекать других работников для дополнительного обучения "
         "наставляемого и вносить предложения о поощрении наставляемого.")
    para(doc, "5.2. Наставляемый обязан выполнять мероприятия персонализированной программы наставничества в "
         "установленные сроки. Наставляемый вправе обращаться к наставнику за помощью по вопросам профессиональной "
         "деятельности и участвовать в оценке реализации программы.")

    heading(doc, "6. Мониторинг и оценка результатов")
    para(doc, "6.1. Для оценки эффективности реализации Положения проводится мониторинг, состоящий из двух этапов.")
    para(doc, "6.2. Мониторинг процесса реализации персонализированной программы наставничества оценивает "
         "результативность программы и сопутствующие риски, социально-профессиональную активность наставляемого"
         "{{#if " + IS_KG + "}}, динамику развития воспитанников{{else}}, динамику успеваемости обучающихся, их "
         "участия в олимпиадах и конкурсах{{#if " + IS_SCHOOL + "}}, долю обучающихся наставляемого, успешно "
         "прошедших ВПР и ОГЭ{{/if}}{{/if}}.")
    para(doc, "6.3. Мониторинг влияния персонализированной программы наставничества на всех её участников "
         "оценивает улучшение профессиональных результатов наставляемого и наставника, качество и темпы адаптации "
         "молодого или сменившего место работы специалиста, увеличение числа педагогов, планирующих стать "
         "наставниками и наставляемыми.")

    heading(doc, "7. Заключительные положения")
    para(doc, "7.1. Положение вступает в силу со дня его утверждения приказом руководителя образовательной "
         "организации и действует до принятия нового Положения.")
    para(doc, "7.2. Изменения в Положение вносятся в том же порядке, в каком оно принимается и утверждается.")
    save(doc, path)


# ---------------------------------------------------------------------------------------------
def prikaz(path):
    doc = new_document()
    # The curator is appointed here unless the data records a separate order for it (then
    # `generate` writes that order, prikaz-o-naznachenii-kuratora, and one appointment is enough).
    APPOINTS = ("/data/curator/person and not(id(/data/curator/appointed_by)/kind = "
                "'приказ о назначении куратора')")
    para(doc, "{{/data/organisation/full_name}}", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False)
    para(doc, "ПРИКАЗ", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False, before=18, after=12, size=16)
    t = borderless_table(doc, 2, (85, 85))
    cell_para(t.rows[0].cells[0], "{{n:date($order_date)}}")
    cell_para(t.rows[0].cells[1], "№ {{$order_number}}", align=WD_ALIGN_PARAGRAPH.RIGHT)
    para(doc, "{{? /data/organisation/place}}", align=WD_ALIGN_PARAGRAPH.CENTER, indent=False, before=6, after=18)
    para(doc, "Об утверждении Положения о системе", align=WD_ALIGN_PARAGRAPH.LEFT, indent=False)
    para(doc, "наставничества педагогических работников", align=WD_ALIGN_PARAGRAPH.LEFT, indent=False, after=18)
    para(doc, "В соответствии с распоряжением Правительства Российской Федерации от 31.12.2019 № 3273-р "
         "«Об утверждении основных принципов национальной системы профессионального роста педагогических "
         "работников Российской Федерации, включая национальную систему учительского роста», методическими "
         "рекомендациями по разработке и внедрению системы (целевой модели) наставничества педагогических "
         "работников в образовательных организациях (письмо Министерства просвещения Российской Федерации "
         "от 21.12.2021 № АЗ-1128/08){{#if /data/organisation/region = 'Алтайский край'}}, приказом Министерства "
         "образования и науки Алтайского края от 24.03.2022 № 404{{/if}}{{#if /data/organisation/municipality = "
         "'Барнаул'}}, приказом комитета по образованию города Барнаула от 27.07.2022 № 127{{/if}}"
         "{{#if /data/pedagogical_council}}, на основании решения педагогического совета (протокол от "
         "{{n:date(/data/pedagogical_council/date)}} № {{/data/pedagogical_council/protocol_number}}){{/if}}")
    para(doc, "ПРИКАЗЫВАЮ:", indent=False, before=6, after=6)
    RM = approves_roadmap("приказ об утверждении положения")
    # Item numbers after the optional ones: 1 + roadmap + curator + k.
    def item(k):
        return "{{" + str(k) + " + number(" + RM + ") + number(" + APPOINTS + ")}}"
    para(doc, "1. Утвердить Положение о системе наставничества педагогических работников в " + SHORT +
         " (приложение{{#if " + RM + "}} 1{{/if}}).")
    para(doc, "{{#if " + RM + "}}")
    para(doc, "2. Утвердить " + ROADMAP_TITLE + " (приложение 2).")
    para(doc, "{{/if}}")
    para(doc, "{{#if " + APPOINTS + "}}")
    para(doc, "{{2 + number(" + RM + ")}}. Назначить куратором реализации программ наставничества "
         "{{n:position(/data/curator/person, 'вин')}} {{n:full-name(/data/curator/person, 'вин')}}.")
    para(doc, "{{/if}}")
    para(doc, item(2) + ". Ввести Положение в действие с {{n:date($order_date)}}.")
    para(doc, item(3) + ". Разместить Положение на официальном сайте образовательной организации"
         "{{#if /data/organisation/website}} ({{/data/organisation/website}}){{/if}} в течение 10 рабочих дней "
         "со дня подписания настоящего приказа.")
    para(doc, item(4) + ". Контроль за исполнением настоящего приказа оставляю за собой.")
    para(doc, "{{#if " + RM + "}}")
    # The attachment mark starts at the left margin, unjustified (ГОСТ Р 7.0.97).
    para(doc, "Приложения: 1. Положение о системе наставничества педагогических работников в 1 экз.",
         indent=False, before=18, align=WD_ALIGN_PARAGRAPH.LEFT)
    para(doc, "2. Дорожная карта (план мероприятий) по реализации Положения в 1 экз.", indent=False,
         align=WD_ALIGN_PARAGRAPH.LEFT)
    para(doc, "{{else}}")
    para(doc, "Приложение: Положение о системе наставничества педагогических работников в 1 экз.",
         indent=False, before=18, align=WD_ALIGN_PARAGRAPH.LEFT)
    para(doc, "{{/if}}")
    sig = borderless_table(doc, 2, (95, 75))
    cell_para(sig.rows[0].cells[0], "{{n:capitalize(n:person(/data/organisation/head)/position)}}")
    cell_para(sig.rows[0].cells[1], "{{n:initials-surname(/data/organisation/head)}}", align=WD_ALIGN_PARAGRAPH.RIGHT)
    sig.rows[0].cells[0].paragraphs[0].paragraph_format.space_before = Pt(36)
    sig.rows[0].cells[1].paragraphs[0].paragraph_format.space_before = Pt(36)
    save(doc, path)


# ---------------------------------------------------------------------------------------------
def prikaz_pary(path):
    """Приказ о закреплении наставнических пар (групп): a table row per pair and group."""
    doc = new_document()
    APPROVAL = "(/data/acts/act[kind = 'приказ об утверждении положения'])[last()]"
    para(doc, "{{/data/organisation/full_name}}", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False)
    para(doc, "ПРИКАЗ", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False, before=18, after=12, size=16)
    t = borderless_table(doc, 2, (85, 85))
    cell_para(t.rows[0].cells[0], "{{n:date($order_date)}}")
    cell_para(t.rows[0].cells[1], "№ {{$order_number}}", align=WD_ALIGN_PARAGRAPH.RIGHT)
    para(doc, "{{? /data/organisation/place}}", align=WD_ALIGN_PARAGRAPH.CENTER, indent=False, before=6, after=18)
    para(doc, "О закреплении наставнических пар (групп)", align=WD_ALIGN_PARAGRAPH.LEFT, indent=False, after=18)
    para(doc, "В соответствии с Положением о системе наставничества педагогических работников"
         "{{#if " + APPROVAL + "}}, утверждённым приказом от {{n:date(" + APPROVAL + "/date)}} № {{" + APPROVAL +
         "/number}}{{/if}}, на основании письменного согласия наставников и наставляемых на возложение на них "
         "дополнительных обязанностей, связанных с наставнической деятельностью,")
    para(doc, "ПРИКАЗЫВАЮ:", indent=False, before=6, after=6)
    para(doc, "1. Закрепить наставнические пары (группы) и установить сроки персонализированных программ "
         "наставничества согласно таблице:", keep=True)
    table = grid_table(doc, (10, 48, 52, 35, 25),
                       ("№", "Наставник", "Наставляемый (наставляемые)", "Форма наставничества", "Срок программы"))
    texts = ("{{#each /data/pairs/pair | /data/groups/group}}{{count(preceding::pair | preceding::group) + 1}}",
             "{{n:full-name(mentor)}}, {{n:position(mentor)}}",
             None,  # one paragraph per mentee, below
             "{{form}}",
             "{{#if programme/start and programme/end}}{{n:date(programme/start)}} – {{n:date(programme/end)}}"
             "{{else}}не установлен{{/if}}{{/each}}")
    for c, text_ in zip(table.rows[1].cells, texts):
        fill_cell(c, [text_] if text_ is not None else [
            "{{#each mentee | mentees/mentee}}", "{{n:full-name(.)}}, {{n:position(.)}}", "{{/each}}"])
    # Programmes recorded as approved by this order (programme/approved_by): the order approves
    # them and lists them as attachments; each carries the гриф «УТВЕРЖДЕНА приказом …».
    ORDER = "(/data/acts/act[kind = 'приказ о закреплении наставнических пар'])[last()]"
    APPROVED = "(/data/pairs/pair | /data/groups/group)[programme/approved_by = " + ORDER + "/@id]"
    para(doc, "{{#if " + APPROVED + "}}", before=6)
    para(doc, "2. Утвердить {{n:if(count(" + APPROVED + ") > 1, 'персонализированные программы', "
         "'персонализированную программу')}} наставничества "
         "{{#each " + APPROVED + "}}{{#if self::pair}}{{n:initials-surname(mentee, 'род')}}{{else}}группы наставника "
         "{{n:initials-surname(mentor, 'род')}}{{/if}}{{#if position() = last()}}{{else}}, {{/if}}{{/each}} "
         "({{n:if(count(" + APPROVED + ") > 1, 'приложения', 'приложение')}}).")
    para(doc, "{{else}}")
    para(doc, "2. Наставникам совместно с наставляемыми разработать персонализированные программы наставничества "
         "на основе выявленных профессиональных затруднений наставляемых.", before=6)
    para(doc, "{{/if}}")
    para(doc, "{{#if /data/curator/person}}")
    para(doc, "3. Куратору реализации программ наставничества {{n:initials-surname(/data/curator/person, 'дат')}} "
         "обеспечить организационно-методическое сопровождение и мониторинг реализации программ.")
    para(doc, "{{/if}}")
    para(doc, "{{n:if(/data/curator/person, '4', '3')}}. Контроль за исполнением настоящего приказа оставляю за собой.")
    para(doc, "{{#if " + APPROVED + "}}")
    para(doc, "Приложение: {{#if count(" + APPROVED + ") > 1}}персонализированные программы наставничества "
         "({{n:plural(count(" + APPROVED + "), 'программа', 'программы', 'программ')}}), каждая в 1 экз.{{else}}"
         "персонализированная программа наставничества в 1 экз.{{/if}}", indent=False, before=18,
         align=WD_ALIGN_PARAGRAPH.LEFT)
    para(doc, "{{/if}}")
    sig = borderless_table(doc, 2, (95, 75))
    cell_para(sig.rows[0].cells[0], "{{n:capitalize(n:person(/data/organisation/head)/position)}}")
    cell_para(sig.rows[0].cells[1], "{{n:initials-surname(/data/organisation/head)}}", align=WD_ALIGN_PARAGRAPH.RIGHT)
    sig.rows[0].cells[0].paragraphs[0].paragraph_format.space_before = Pt(36)
    sig.rows[0].cells[1].paragraphs[0].paragraph_format.space_before = Pt(36)
    para(doc, "С приказом ознакомлены:", indent=False, before=18, size=12)
    para(doc, "{{#each /data/staff/person[@id = /data/pairs/pair/mentor or @id = /data/pairs/pair/mentee or "
         "@id = /data/groups/group/mentor or @id = /data/groups/group/mentees/mentee]}}", size=12)
    para(doc, "{{n:initials-surname(.)}}\t________________\t«___» ____________ 20___ г.", indent=False, size=12)
    para(doc, "{{/each}}", size=12)
    save(doc, path)


# ---------------------------------------------------------------------------------------------
def soglasie_nastavnika(path):
    """Согласие наставника (one per mentor; context: /data/mentors/mentor) with consent to the
    processing of personal data (Федеральный закон от 27.07.2006 № 152-ФЗ)."""
    doc = new_document()
    HEAD = "/data/organisation/head"
    t = borderless_table(doc, 2, (70, 100))
    right = t.rows[0].cells[1]
    cell_para(right, "{{n:capitalize(n:position(" + HEAD + ", 'дат'))}} {{/data/organisation/short_name}}")
    cell_para(right, "{{n:initials-surname(" + HEAD + ", 'дат')}}")
    cell_para(right, "от {{n:position(person, 'род')}}")
    cell_para(right, "{{n:full-name(person, 'род')}}")
    para(doc, "СОГЛАСИЕ", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False, before=24)
    para(doc, "на выполнение обязанностей наставника и на обработку персональных данных", bold=True,
         align=WD_ALIGN_PARAGRAPH.CENTER, indent=False, after=12)
    para(doc, "Я, {{n:full-name(person)}}, {{n:position(person)}}, даю согласие на назначение меня наставником "
         "педагогических работников в соответствии с Положением о системе наставничества педагогических работников "
         "в {{/data/organisation/short_name}} и на выполнение дополнительных обязанностей, связанных с "
         "наставнической деятельностью, в том числе на разработку и реализацию персонализированных программ "
         "наставничества.")
    para(doc, "В соответствии с Федеральным законом от 27.07.2006 № 152-ФЗ «О персональных данных» даю согласие "
         "{{/data/organisation/short_name}}{{#if /data/organisation/address}} ({{/data/organisation/address}}){{/if}} "
         "на обработку моих персональных данных (фамилия, имя, отчество, должность, сведения о квалификационной "
         "категории и педагогическом стаже) в целях организации наставничества, подготовки локальных актов, "
         "отчётов и размещения сведений о наставничестве на официальном сайте организации.")
    para(doc, "Согласие действует до окончания наставнической деятельности и может быть отозвано мной в письменной форме.")
    sig = borderless_table(doc, 2, (85, 85))
    cell_para(sig.rows[0].cells[0], "{{#if consent_date[not(@nil = 'true')]}}{{n:date-quoted(consent_date)}}"
              "{{else}}«___» ____________ 20___ г.{{/if}}")
    cell_para(sig.rows[0].cells[1], "____________ / {{n:initials-surname(person)}}", align=WD_ALIGN_PARAGRAPH.RIGHT)
    for c in sig.rows[0].cells:
        c.paragraphs[0].paragraph_format.space_before = Pt(30)
    save(doc, path)


# ---------------------------------------------------------------------------------------------
def dorozhnaya_karta(path):
    """Дорожная карта (план мероприятий) по реализации Положения: deadlines in the academic year
    the roadmap plans — the one starting in September of its year if it is dated June or later
    (approved over the summer for the coming year), else the current one."""
    doc = new_document()
    sec = doc.sections[0]
    from docx.enum.section import WD_ORIENT
    sec.orientation = WD_ORIENT.LANDSCAPE
    sec.page_width, sec.page_height = Mm(297), Mm(210)
    Y = "(n:year($order_date) - number(number(substring($order_date, 6, 2)) &lt; 6))".replace("&lt;", "<")
    Y1 = "(" + Y + " + 1)"
    CUR = "{{#if /data/curator/person}}куратор {{n:initials-surname(/data/curator/person)}}{{else}}куратор{{/if}}"
    HEAD = "{{n:capitalize(n:person(/data/organisation/head)/position)}} {{n:initials-surname(/data/organisation/head)}}"
    t = borderless_table(doc, 2, (160, 95))
    # The гриф cites the order that approved the roadmap ($approved_*), not the roadmap's own date.
    cell_para(t.rows[0].cells[1], "УТВЕРЖДЕНА", size=12)
    cell_para(t.rows[0].cells[1], "приказом " + SHORT, size=12)
    cell_para(t.rows[0].cells[1], "от {{n:date($approved_date)}} № {{$approved_number}}", size=12)
    para(doc, "ДОРОЖНАЯ КАРТА", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False, before=12)
    para(doc, "(план мероприятий) по реализации Положения о системе наставничества педагогических работников",
         bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False)
    para(doc, "в " + SHORT + " на {{" + Y + "}}/{{" + Y1 + "}} учебный год", bold=True,
         align=WD_ALIGN_PARAGRAPH.CENTER, indent=False, after=12)
    rows = [
        ("Подготовительный", "Утверждение Положения о системе наставничества педагогических работников и дорожной карты",
         "до 1 сентября {{" + Y + "}} г.", HEAD, "Приказ, Положение, дорожная карта"),
        ("Подготовительный", "Назначение куратора реализации программ наставничества из числа заместителей руководителя",
         "до 1 сентября {{" + Y + "}} г.", HEAD, "Приказ о назначении куратора"),
        ("Формирование пар (групп)", "Актуализация сведений о педагогах, которых необходимо включить в наставническую "
         "деятельность в качестве наставляемых (не реже одного раза в год)", "сентябрь {{" + Y + "}} г.", CUR,
         "Список наставляемых"),
        ("Формирование пар (групп)", "Получение письменного согласия наставников и наставляемых",
         "сентябрь {{" + Y + "}} г.", CUR, "Согласия участников"),
        ("Формирование пар (групп)", "Закрепление наставнических пар (групп) приказом руководителя",
         "сентябрь {{" + Y + "}} г.", HEAD, "Приказ о закреплении пар (групп)"),
        ("Реализация", "Разработка персонализированных программ наставничества (от 3 месяцев до 1 года) на основе "
         "выявленных профессиональных затруднений наставляемых", "до 1 октября {{" + Y + "}} г.",
         "Наставники, " + CUR, "Персонализированные программы"),
        ("Реализация", "Реализация персонализированных программ наставничества",
         "октябрь {{" + Y + "}} г. – май {{" + Y1 + "}} г.", "Наставники", "Выполнение мероприятий программ"),
        ("Мониторинг", "Мониторинг процесса реализации персонализированных программ (первый этап)",
         "декабрь {{" + Y + "}} г., март {{" + Y1 + "}} г.", CUR, "Результаты мониторинга"),
        ("Мониторинг", "Мониторинг влияния программ на всех участников (второй этап); аналитическая справка",
         "май {{" + Y1 + "}} г.", CUR, "Аналитическая справка"),
        ("Обобщение опыта", "Обобщение и распространение опыта наставничества, обновление раздела «Наставничество» "
         "на официальном сайте", "июнь {{" + Y1 + "}} г.", CUR, "Материалы на сайте"),
    ]
    # «2026 г.»: the year and its abbreviation stay on one line, as n:date-long writes them.
    rows = [tuple(v.replace(" г.", "\u00a0г.") for v in row) for row in rows]
    table = grid_table(doc, (10, 38, 90, 40, 42, 42), ("№", "Этап", "Мероприятие", "Срок", "Ответственный", "Результат"),
                       rows=len(rows))
    for r, values in enumerate(rows, start=1):
        for i, v in enumerate((str(r),) + values):
            fill_cell(table.rows[r].cells[i], [v])
    save(doc, path)


# ---------------------------------------------------------------------------------------------
def spravka_o_proverke(path):
    """The auditor's act: `nastavnik check ORG --act FILE.docx` (data: /act/data and /act/check)."""
    doc = new_document()
    ORGN = "/act/data/organisation"
    para(doc, "СПРАВКА", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False)
    para(doc, "о результатах проверки организации системы наставничества педагогических работников",
         bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False)
    para(doc, "в {{" + ORGN + "/short_name}}", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False, after=12)
    para(doc, "1. Объект проверки: {{" + ORGN + "/full_name}}{{#if " + ORGN + "/address}}, {{" + ORGN +
         "/address}}{{/if}}.")
    para(doc, "2. Проверка проведена по состоянию на {{n:date-long(/act/check/as_of)}} на основании сведений, "
         "представленных организацией, по наборам правил:")
    para(doc, "{{#each /act/check/rulesets/ruleset}}")
    para(doc, "— {{.}};")
    para(doc, "{{/each}}")
    para(doc, "3. Проверено требований: {{/act/check/summary/rules}}, проверок объектов: {{/act/check/summary/checks}}; "
         "выполнено: {{/act/check/summary/satisfied}}; нарушений обязательных требований: "
         "{{/act/check/summary/errors + /act/check/summary/warnings}} (из них уровня «ошибка» — {{/act/check/summary/errors}}, "
         "«предупреждение» — {{/act/check/summary/warnings}}); срок исполнения не истёк: {{/act/check/summary/pending}}; "
         "не выполнено рекомендаций: {{/act/check/summary/recommendations}}; к сведению: {{/act/check/summary/info}}; "
         "не удалось проверить из-за отсутствия сведений: {{/act/check/summary/not_evaluable}} (из них обязательных требований — "
         "{{/act/check/summary/not_evaluable_binding}}).")
    para(doc, "{{#if /act/check/finding}}")
    para(doc, "4. Выявленные нарушения, рекомендации и недостающие сведения:", keep=True)
    # «Уровень» holds «рекомендация» and «срок не истёк» too: wide enough not to break the word.
    table = grid_table(doc, (10, 34, 52, 52, 32), ("№", "Требование", "Выявлено", "Основание", "Уровень"))
    texts = ("{{#each /act/check/finding}}{{count(preceding-sibling::finding) + 1}}",
             "{{title}} ({{rule}})",
             "{{#if @outcome = 'violated'}}{{message}}{{else}}Недостаточно сведений: {{missing}}{{/if}} "
             "[{{where}}]",
             "{{citation}}",
             "{{#if @outcome = 'violated'}}{{severity}}{{else}}нет сведений{{/if}}{{/each}}")
    for c, text_ in zip(table.rows[1].cells, texts):
        fill_cell(c, [text_])
    para(doc, "{{/if}}")
    # The conclusion as the check words it: never «нарушения подлежат устранению» about
    # recommendations, and «проверка не завершена» when binding requirements were left unchecked.
    para(doc, "{{n:if(/act/check/finding, '5', '4')}}. {{/act/check/conclusion_text}}", before=6)
    sig = borderless_table(doc, 2, (95, 75))
    cell_para(sig.rows[0].cells[0], "Проверку провёл(а)")
    cell_para(sig.rows[0].cells[1], "____________ / ______________", align=WD_ALIGN_PARAGRAPH.RIGHT)
    cell_para(sig.rows[0].cells[0], "С результатами ознакомлен(а)")
    cell_para(sig.rows[0].cells[1], "____________ / {{n:initials-surname(/act/data/organisation/head)}}",
              align=WD_ALIGN_PARAGRAPH.RIGHT)
    for c in sig.rows[0].cells:
        c.paragraphs[0].paragraph_format.space_before = Pt(30)
    save(doc, path)


# ---------------------------------------------------------------------------------------------
HEAD_ID = "/data/organisation/head"
APPROVAL = "(/data/acts/act[kind = 'приказ об утверждении положения'])[last()]"
# The recorded roadmap, and whether the order of kind K approved it: that order then says so
# and lists the roadmap among its attachments (ГОСТ Р 7.0.97: «(приложение 2)» in the text,
# «Приложение:» after it; the roadmap itself carries the гриф «УТВЕРЖДЕНА приказом …»).
ROADMAP = "(/data/acts/act[kind = 'дорожная карта'])[last()]"
def approves_roadmap(order_kind):
    return "id(" + ROADMAP + "/approved_by)/kind = '" + order_kind + "'"
# The academic year a roadmap dated D plans: June or later → the coming one.
def roadmap_year(d):
    y = "(n:year(" + d + ") - number(number(substring(" + d + ", 6, 2)) < 6))"
    return "{{" + y + "}}/{{" + y + " + 1}}"
ROADMAP_TITLE = ("дорожную карту (план мероприятий) по реализации Положения о системе наставничества педагогических "
                 "работников на " + roadmap_year(ROADMAP + "/date") + " учебный год")


def order_header(doc, title_lines):
    """Requisites of an order (ГОСТ Р 7.0.97): organisation, kind, date and number on one line,
    place, title from the left margin."""
    para(doc, "{{/data/organisation/full_name}}", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False)
    para(doc, "ПРИКАЗ", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False, before=18, after=12, size=16)
    t = borderless_table(doc, 2, (85, 85))
    cell_para(t.rows[0].cells[0], "{{n:date($order_date)}}")
    cell_para(t.rows[0].cells[1], "№ {{$order_number}}", align=WD_ALIGN_PARAGRAPH.RIGHT)
    para(doc, "{{? /data/organisation/place}}", align=WD_ALIGN_PARAGRAPH.CENTER, indent=False, before=6, after=18)
    for i, line in enumerate(title_lines):
        para(doc, line, align=WD_ALIGN_PARAGRAPH.LEFT, indent=False, after=18 if i == len(title_lines) - 1 else 0)


def head_signature(doc):
    sig = borderless_table(doc, 2, (95, 75))
    cell_para(sig.rows[0].cells[0], "{{n:capitalize(n:person(" + HEAD_ID + ")/position)}}")
    cell_para(sig.rows[0].cells[1], "{{n:initials-surname(" + HEAD_ID + ")}}", align=WD_ALIGN_PARAGRAPH.RIGHT)
    for c in sig.rows[0].cells:
        c.paragraphs[0].paragraph_format.space_before = Pt(36)


def signature_line(doc, text, before=0):
    """«Роль ____ / И.О. Фамилия» with the signature at a right tab stop on the last line."""
    from docx.enum.text import WD_TAB_ALIGNMENT
    p = para(doc, text, indent=False, align=WD_ALIGN_PARAGRAPH.LEFT, before=before)
    p.paragraph_format.tab_stops.add_tab_stop(Mm(170), WD_TAB_ALIGNMENT.RIGHT)
    return p


def prikaz_kurator(path):
    """Приказ о назначении куратора (Распоряжение/рекомендации АЗ-1128/08: the curator is
    appointed by a separate order of the head), with the curator's duties and acknowledgement."""
    doc = new_document()
    CUR = "/data/curator/person"
    order_header(doc, ["О назначении куратора реализации программ", "наставничества педагогических работников"])
    para(doc, "В соответствии с Положением о системе наставничества педагогических работников в " + SHORT +
         "{{#if " + APPROVAL + "}}, утверждённым приказом от {{n:date(" + APPROVAL + "/date)}}{{#if " + APPROVAL +
         "/number}} № {{" + APPROVAL + "/number}}{{/if}}{{/if}}, в целях организационно-методического сопровождения "
         "реализации персонализированных программ наставничества")
    para(doc, "ПРИКАЗЫВАЮ:", indent=False, before=6, after=6)
    para(doc, "{{#if " + CUR + "}}")
    para(doc, "1. Назначить куратором реализации программ наставничества педагогических работников "
         "{{n:position(" + CUR + ", 'вин')}} {{n:full-name(" + CUR + ", 'вин')}}.")
    para(doc, "2. Куратору реализации программ наставничества {{n:initials-surname(" + CUR + ", 'дат')}}:")
    para(doc, "{{else}}")
    para(doc, "1. Назначить куратором реализации программ наставничества педагогических работников "
         "______________________________________________.")
    para(doc, "2. Куратору реализации программ наставничества:")
    para(doc, "{{/if}}")
    for i, duty in enumerate((
        "не реже одного раза в год актуализировать сведения о педагогических работниках, которых необходимо "
        "включить в наставническую деятельность в качестве наставляемых;",
        "организовать подбор наставников, получение письменного согласия наставников и наставляемых и подготовку "
        "проекта приказа о закреплении наставнических пар (групп);",
        "организовать разработку персонализированных программ наставничества (от 3 месяцев до 1 года) и "
        "контролировать их реализацию;",
        "осуществлять мониторинг реализации программ наставничества в два этапа и по итогам учебного года "
        "представлять аналитическую справку;",
        "обеспечить наполнение раздела «Наставничество» на официальном сайте образовательной организации"
        "{{#if /data/organisation/website}} ({{/data/organisation/website}}){{/if}}.",
    ), start=1):
        para(doc, "2." + str(i) + ". " + duty)
    RM = approves_roadmap("приказ о назначении куратора")
    para(doc, "{{#if " + RM + "}}")
    para(doc, "3. Утвердить " + ROADMAP_TITLE + " (приложение).")
    para(doc, "{{/if}}")
    para(doc, "{{3 + number(" + RM + ")}}. Контроль за исполнением настоящего приказа оставляю за собой.")
    para(doc, "{{#if " + RM + "}}")
    para(doc, "Приложение: дорожная карта (план мероприятий) по реализации Положения в 1 экз.", indent=False, before=18,
         align=WD_ALIGN_PARAGRAPH.LEFT)
    para(doc, "{{/if}}")
    head_signature(doc)
    para(doc, "{{#if " + CUR + "}}", size=12)
    para(doc, "С приказом {{n:if(n:person(" + CUR + ")/gender = 'ж', 'ознакомлена', 'ознакомлен')}}:",
         indent=False, before=18, size=12)
    para(doc, "{{n:initials-surname(" + CUR + ")}}\t________________\t«___» ____________ 20___ г.", indent=False, size=12)
    para(doc, "{{else}}", size=12)
    para(doc, "С приказом ознакомлен(а):", indent=False, before=18, size=12)
    para(doc, "________________\t________________\t«___» ____________ 20___ г.", indent=False, size=12)
    para(doc, "{{/if}}", size=12)
    save(doc, path)


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
    BY = "id(programme/approved_by)"
    cell_para(right, "{{#if " + BY + "}}", size=12)
    cell_para(right, "УТВЕРЖДЕНА", size=12)
    cell_para(right, "приказом {{/data/organisation/short_name}}", size=12)
    cell_para(right, "от {{n:date(" + BY + "/date)}} № {{n:if(" + BY + "/number, " + BY + "/number, '________')}}",
              size=12)
    cell_para(right, "{{else}}", size=12)
    cell_para(right, "УТВЕРЖДАЮ", size=12)
    cell_para(right, "{{n:capitalize(n:person(" + HEAD + ")/position)}} {{/data/organisation/short_name}}", size=12)
    cell_para(right, "____________ {{n:initials-surname(" + HEAD + ")}}", size=12)
    cell_para(right, "«___» ____________ 20___ г.", size=12)
    cell_para(right, "{{/if}}", size=12)

    para(doc, "ПЕРСОНАЛИЗИРОВАННАЯ ПРОГРАММА НАСТАВНИЧЕСТВА", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False,
         before=24)
    para(doc, "{{#if self::pair}}{{n:position(mentee, 'род')}} {{n:full-name(mentee, 'род')}}{{else}}группы "
         "педагогических работников (наставник — {{n:initials-surname(mentor)}}){{/if}}", bold=True,
         align=WD_ALIGN_PARAGRAPH.CENTER, indent=False)
    para(doc, "{{#if " + P + "}}на период с {{n:date(" + S + ")}} по {{n:date(" + E + ")}}{{/if}}", bold=True,
         align=WD_ALIGN_PARAGRAPH.CENTER, indent=False, after=12)

    heading(doc, "1. Общие сведения")
    table = doc.add_table(rows=6, cols=2)
    table.style = doc.styles["Table Grid"]
    rows = (
        ("Наставник", ["{{n:full-name(mentor)}}, {{n:position(mentor)}}"]),
        ("{{#if " + MANY + "}}Наставляемые{{else}}Наставляемый{{/if}}",
         ["{{#each " + MENTEES + "}}", "{{n:full-name(.)}}, {{n:position(.)}}", "{{/each}}"]),
        ("Форма наставничества", ["{{form}}"]),
        ("Срок реализации", ["{{#if " + P + "}}с {{n:date-long(" + S + ")}} по {{n:date-long(" + E +
                             ")}}" + WHOLE_MONTHS + "{{else}}устанавливается приказом о закреплении наставнических пар (групп){{/if}}"]),
        ("Основание", ["приказ {{/data/organisation/short_name}} «О закреплении наставнических пар (групп)»"
                       "{{#if id(appointed_by)}} от {{n:date(id(appointed_by)/date)}}{{#if id(appointed_by)/number}} "
                       "№ {{id(appointed_by)/number}}{{/if}}{{/if}}"]),
        ("Куратор", ["{{#if " + CUR + "}}{{n:full-name(" + CUR + ")}}, {{n:position(" + CUR + ")}}{{else}}—{{/if}}"]),
    )
    for i, w in enumerate((55, 115)):
        table.columns[i].width = Mm(w)
        for r in table.rows:
            r.cells[i].width = Mm(w)
    for r, (label, lines) in zip(table.rows, rows):
        fill_cell(r.cells[0], [label], size=12)
        fill_cell(r.cells[1], lines, size=12)

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
    para(doc, "— {{n:initials-surname(.)}}: {{n:join(difficulties/difficulty, '; ')}}"
              "{{#if position() = last()}}.{{else}};{{/if}}")
    para(doc, "{{/each}}")
    para(doc, "{{/if}}")
    para(doc, "{{else}}")
    para(doc, "— определяются по результатам входной диагностики.")
    para(doc, "{{/if}}")
    para(doc, "2.3. Задачи программы:")
    para(doc, "{{#if programme/goals/goal}}")
    para(doc, "{{#each programme/goals/goal}}")
    para(doc, "— {{.}}{{#if position() = last()}}.{{else}};{{/if}}")
    para(doc, "{{/each}}")
    para(doc, "{{else}}")
    para(doc, "— преодолеть выявленные профессиональные затруднения;")
    para(doc, "— освоить эффективные методы и приёмы организации образовательной деятельности.")
    para(doc, "{{/if}}")

    heading(doc, "3. План мероприятий")
    CURATOR = "{{#if " + CUR + "}}куратор {{n:initials-surname(" + CUR + ")}}{{else}}куратор{{/if}}"

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
            "middle": "{{#if " + known + "}}до {{n:date(n:add-days(" + s + ", floor((n:days(" + e + ") - n:days(" + s +
                      ")) div 2)))}}{{else}}середина срока программы{{/if}}",
            "last": period("{{n:date(n:add-days(" + e + ", -13))}}", "{{n:date(" + e + ")}}", "последние две недели",
                           roomy),
            "end": "{{#if " + known + "}}до {{n:date(" + e + ")}}{{else}}по окончании программы{{/if}}",
        }
    d, dg = plan_dates(), plan_dates("../../../")
    MENTOR = "наставник {{n:initials-surname(mentor)}}"
    LESSONS = "{{#if " + IS_SCHOOL + "}}уроков{{else}}занятий{{/if}}"  # a school's lessons are уроки
    G = "(count(programme/goals/goal) + number(not(programme/goals/goal)))"  # rows before the fixed ones
    THEY = "{{#if " + MANY + "}}наставляемых{{else}}наставляемого{{/if}}"
    plan = [
        ("1", "Входная диагностика профессиональных затруднений " + THEY + ", знакомство с условиями работы, "
              "согласование программы", d["first"], MENTOR),
        # A row per task (table-row loop), or one general row when no task is recorded.
        ("{{#each programme/goals/goal}}{{position() + 1}}",
         "Работа над задачей «{{.}}»: консультации, совместная подготовка и анализ " + LESSONS, dg["whole"],
         "наставник {{n:initials-surname(../../../mentor)}}{{/each}}"),
        ("{{#if not(programme/goals/goal)}}2", "Консультации, совместная подготовка и анализ " + LESSONS + " по "
         "преодолению выявленных затруднений", d["whole"], MENTOR + "{{/if}}"),
        ("{{" + G + " + 2}}", "Посещение открытых " + LESSONS + " наставника и других педагогов, взаимопосещение " + LESSONS,
         d["whole"], MENTOR),
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
            fill_cell(table.rows[r].cells[i], [v])
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

    signature_line(doc, "Наставник\t____________ / {{n:initials-surname(mentor)}}", before=30)
    para(doc, "{{#each " + MENTEES + "}}")
    signature_line(doc, "{{#if position() = 1}}{{n:if(last() > 1, 'Наставляемые', 'Наставляемый')}}{{/if}}"
                        "\t____________ / {{n:initials-surname(.)}}", before=12)
    para(doc, "{{/each}}")
    para(doc, "{{#if " + CUR + "}}")
    signature_line(doc, "Куратор\t____________ / {{n:initials-surname(" + CUR + ")}}", before=12)
    para(doc, "{{/if}}")
    save(doc, path)


# ---------------------------------------------------------------------------------------------
def soglasie_nastavlyaemogo(path):
    """Согласие наставляемого (one per mentee; context: the mentee's staff/person), with consent
    to the processing of personal data (Федеральный закон от 27.07.2006 № 152-ФЗ). The mentor and
    the form come from the mentee's pair or group; the date from the recorded consent."""
    doc = new_document()
    HEAD = HEAD_ID
    PAIR = "(/data/pairs/pair[mentee = n:current()/@id] | /data/groups/group[mentees/mentee = n:current()/@id])"
    DATE = ("(/data/pairs/pair[mentee = n:current()/@id]/mentee_consent_date | /data/groups/group/mentee_consents/"
            "consent[person = n:current()/@id]/date)[not(@nil = 'true')]")
    t = borderless_table(doc, 2, (70, 100))
    right = t.rows[0].cells[1]
    cell_para(right, "{{n:capitalize(n:position(" + HEAD + ", 'дат'))}} {{/data/organisation/short_name}}")
    cell_para(right, "{{n:initials-surname(" + HEAD + ", 'дат')}}")
    cell_para(right, "от {{n:position(., 'род')}}")
    cell_para(right, "{{n:full-name(., 'род')}}")
    para(doc, "СОГЛАСИЕ", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False, before=24)
    para(doc, "на участие в персонализированной программе наставничества и на обработку персональных данных",
         bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False, after=12)
    para(doc, "Я, {{n:full-name(.)}}, {{n:position(.)}}, даю согласие на участие в персонализированной программе "
         "наставничества в качестве наставляемого{{#if " + PAIR + "}} (наставник — {{n:full-name(" + PAIR +
         "[1]/mentor)}}, {{n:position(" + PAIR + "[1]/mentor)}}; форма наставничества — «{{" + PAIR +
         "[1]/form}}»){{/if}} и на выполнение дополнительных обязанностей, связанных с наставнической "
         "деятельностью: участие в разработке персонализированной программы наставничества, выполнение её "
         "мероприятий в установленные сроки, участие в мониторинге её реализации.")
    para(doc, "С Положением о системе наставничества педагогических работников в {{/data/organisation/short_name}} "
         "{{n:if(gender = 'ж', 'ознакомлена', 'ознакомлен')}}.")
    para(doc, "В соответствии с Федеральным законом от 27.07.2006 № 152-ФЗ «О персональных данных» даю согласие "
         "{{/data/organisation/short_name}}{{#if /data/organisation/address}} ({{/data/organisation/address}}){{/if}} "
         "на обработку моих персональных данных (фамилия, имя, отчество, должность, сведения о квалификационной "
         "категории, педагогическом стаже и профессиональных затруднениях) в целях организации наставничества, "
         "подготовки локальных актов, отчётов и размещения сведений о наставничестве на официальном сайте "
         "организации.")
    para(doc, "Согласие действует до окончания срока персонализированной программы наставничества и может быть "
         "отозвано мной в письменной форме.")
    sig = borderless_table(doc, 2, (85, 85))
    cell_para(sig.rows[0].cells[0], "{{#if " + DATE + "}}{{n:date-quoted(" + DATE + ")}}"
              "{{else}}«___» ____________ 20___ г.{{/if}}")
    cell_para(sig.rows[0].cells[1], "____________ / {{n:initials-surname(.)}}", align=WD_ALIGN_PARAGRAPH.RIGHT)
    for c in sig.rows[0].cells:
        c.paragraphs[0].paragraph_format.space_before = Pt(30)
    save(doc, path)


# ---------------------------------------------------------------------------------------------
def analiticheskaya_spravka(path):
    """Аналитическая справка о результатах мониторинга: indicators computed from the data on the
    as-of date, the two stages of monitoring named in the Положение (Барнаул № 127, разд. 5),
    a table by form of mentoring and one of the programmes."""
    doc = new_document()
    PAIRS = "(/data/pairs/pair | /data/groups/group)"
    MENTEES = "/data/staff/person[@id = /data/pairs/pair/mentee or @id = /data/groups/group/mentees/mentee]"
    MENTORS = "/data/staff/person[@id = /data/pairs/pair/mentor or @id = /data/groups/group/mentor or " \
              "@id = /data/mentors/mentor/person]"
    STAFF = "count(/data/staff/person)"
    YOUNG = "/data/staff/person[pedagogical_experience_start and " \
            "n:years-between(pedagogical_experience_start, n:today()) < 3]"
    YOUNG_COVERED = YOUNG[:-1] + " and (@id = /data/pairs/pair/mentee or @id = /data/groups/group/mentees/mentee)]"
    YOUNG_LEFT = YOUNG[:-1] + " and not(@id = /data/pairs/pair/mentee or @id = /data/groups/group/mentees/mentee)]"
    CUR = "/data/curator/person"
    YEAR = "n:academic-year($order_date)"
    para(doc, "{{/data/organisation/full_name}}", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False)
    para(doc, "АНАЛИТИЧЕСКАЯ СПРАВКА", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False, before=18,
         after=12, size=16)
    t = borderless_table(doc, 2, (85, 85))
    cell_para(t.rows[0].cells[0], "{{n:date($order_date)}}")
    cell_para(t.rows[0].cells[1], "№ {{$order_number}}", align=WD_ALIGN_PARAGRAPH.RIGHT)
    para(doc, "{{? /data/organisation/place}}", align=WD_ALIGN_PARAGRAPH.CENTER, indent=False, before=6, after=18)
    para(doc, "О результатах мониторинга реализации программ", align=WD_ALIGN_PARAGRAPH.LEFT, indent=False)
    para(doc, "наставничества педагогических работников", align=WD_ALIGN_PARAGRAPH.LEFT, indent=False)
    para(doc, "в {{" + YEAR + "}} учебном году", align=WD_ALIGN_PARAGRAPH.LEFT, indent=False, after=18)

    para(doc, "Мониторинг проведён в соответствии с Положением о системе наставничества педагогических работников"
         "{{#if " + APPROVAL + "}}, утверждённым приказом от {{n:date(" + APPROVAL + "/date)}}{{#if " + APPROVAL +
         "/number}} № {{" + APPROVAL + "/number}}{{/if}}{{/if}}, по состоянию на {{n:date-long(n:today())}} "
         "по сведениям о работниках, наставниках, наставнических парах (группах) и персонализированных программах "
         "наставничества.")
    heading(doc, "1. Участники системы наставничества")
    def agree(count, singular, plural):
        """The verb before a numeral: «назначен 1 (21) работник», «назначены 4 работника»."""
        k = "(" + count + ")"
        return "{{n:if(" + k + " mod 10 = 1 and " + k + " mod 100 != 11, '" + singular + "', '" + plural + "')}}"
    NM, NE = "count(" + MENTORS + ")", "count(" + MENTEES + ")"
    para(doc, "1.1. Численность работников — {{n:plural(" + STAFF + ", 'человек', 'человека', 'человек')}}. "
         "Наставниками " + agree(NM, "назначен", "назначены") + " {{n:plural(" + NM + ", 'работник', 'работника', "
         "'работников')}}, наставляемыми " + agree(NE, "является", "являются") + " {{n:plural(" + NE + ", 'работник', "
         "'работника', 'работников')}}; в наставничество вовлечено {{round(100 * (" + NM + " + " + NE + ") div " +
         STAFF + ")}}\u00a0% работников.")
    para(doc, "1.2. Закреплено наставнических пар — {{count(/data/pairs/pair)}}, наставнических групп — "
         "{{count(/data/groups/group)}}{{#if /data/groups/group}} (в них "
         "{{n:plural(count(/data/groups/group/mentees/mentee), 'наставляемый', 'наставляемых', 'наставляемых')}})"
         "{{/if}}.")
    para(doc, "1.3. Молодых специалистов (педагогический стаж менее 3 лет) — {{count(" + YOUNG + ")}}"
         "{{#if " + YOUNG + "}}, из них закреплено за наставниками — {{count(" + YOUNG_COVERED + ")}} "
         "({{round(100 * count(" + YOUNG_COVERED + ") div count(" + YOUNG + "))}}\u00a0%){{/if}}.")
    para(doc, "1.4. Письменное согласие на участие в наставничестве оформлено: наставниками — "
         "{{count(/data/mentors/mentor[consent_date and not(consent_date/@nil = 'true')])}} из "
         "{{count(/data/mentors/mentor)}}, наставляемыми — "
         "{{count(/data/pairs/pair[mentee_consent_date and not(mentee_consent_date/@nil = 'true')]) + "
         "count(/data/groups/group/mentee_consents/consent[date and not(date/@nil = 'true')])}} из "
         "{{count(/data/pairs/pair) + count(/data/groups/group/mentees/mentee)}}.")
    para(doc, "{{#if " + PAIRS + "}}")
    para(doc, "Таблица 1 — Наставнические пары и группы по формам наставничества", indent=False, before=6, keep=True,
         size=12)
    table = grid_table(doc, (10, 84, 20, 20, 36), ("№", "Форма наставничества", "Пар", "Групп", "Наставляемых"))
    FIRST_OF_FORM = ("/data/pairs/pair[not(form = preceding-sibling::pair/form)] | /data/groups/group"
                     "[not(form = preceding-sibling::group/form) and not(form = /data/pairs/pair/form)]")
    SAME = "[form = n:current()/form]"
    texts = ("{{#each " + FIRST_OF_FORM + "}}{{position()}}", "{{form}}",
             "{{count(/data/pairs/pair" + SAME + ")}}", "{{count(/data/groups/group" + SAME + ")}}",
             "{{count(/data/pairs/pair" + SAME + ") + count(/data/groups/group" + SAME + "/mentees/mentee)}}{{/each}}")
    for c, text_ in zip(table.rows[1].cells, texts):
        fill_cell(c, [text_])
    row = table.add_row()
    for c, text_ in zip(row.cells, ("", "Всего", "{{count(/data/pairs/pair)}}", "{{count(/data/groups/group)}}",
                                    "{{count(/data/pairs/pair) + count(/data/groups/group/mentees/mentee)}}")):
        fill_cell(c, [text_], bold=bool(text_))
    para(doc, "{{/if}}")

    heading(doc, "2. Первый этап мониторинга: процесс реализации программ")
    para(doc, "2.1. На первом этапе оценивались результативность реализации персонализированных программ "
         "наставничества и сопутствующие риски, социально-профессиональная активность наставляемых"
         "{{#if /data/organisation/type = 'дошкольная'}}, динамика развития воспитанников{{else}}, динамика "
         "образовательных результатов обучающихся и их участия в олимпиадах и конкурсах{{/if}}.")
    para(doc, "{{#if " + PAIRS + "}}")
    para(doc, "2.2. Для {{n:plural-words(count(" + PAIRS + "), 'наставнической пары (группы)', 'наставнических пар "
         "(групп)', 'наставнических пар (групп)', 'род', 'ж')}} разработано персонализированных программ наставничества — "
         "{{count(" + PAIRS + "[programme])}}, из них завершено — {{count(" + PAIRS + "[programme/end and n:days(programme/end) < "
         "n:days(n:today())])}}, реализуется — {{count(" + PAIRS + "[programme/start and programme/end and "
         "n:days(programme/start) <= n:days(n:today()) and n:days(programme/end) >= n:days(n:today())])}}, "
         "не начато — {{count(" + PAIRS + "[programme/start and n:days(programme/start) > n:days(n:today())])}}.")
    para(doc, "Таблица 2 — Персонализированные программы наставничества", indent=False, before=6, keep=True, size=12)
    table = grid_table(doc, (10, 42, 48, 40, 30), ("№", "Наставник", "Наставляемый (наставляемые)",
                                                   "Срок программы", "Состояние"))
    texts = ("{{#each " + PAIRS + "}}{{position()}}", "{{n:surname-initials(mentor)}}", None,
             "{{#if programme/start and programme/end}}{{n:date(programme/start)}} – {{n:date(programme/end)}}"
             "{{else}}не установлен{{/if}}",
             "{{#if not(programme/start and programme/end)}}нет сведений{{else}}{{#if n:days(programme/end) &lt; "
             "n:days(n:today())}}завершена{{else}}{{#if n:days(programme/start) &gt; n:days(n:today())}}не начата"
             "{{else}}реализуется{{/if}}{{/if}}{{/if}}{{/each}}")
    for c, text_ in zip(table.rows[1].cells, texts):
        fill_cell(c, [text_.replace("&lt;", "<").replace("&gt;", ">")] if text_ is not None else
                  ["{{#each mentee | mentees/mentee}}", "{{n:surname-initials(.)}}", "{{/each}}"])
    para(doc, "{{/if}}")

    heading(doc, "3. Второй этап мониторинга: влияние программ на участников")
    para(doc, "3.1. На втором этапе оцениваются улучшение профессиональных результатов наставляемых и наставников, "
         "качество и темпы адаптации молодых и сменивших место работы специалистов, рост числа педагогов, "
         "планирующих стать наставниками и наставляемыми. Этап проводится по завершении персонализированных "
         "программ; итоговые показатели вносятся в справку по окончании {{" + YEAR + "}} учебного года.")
    heading(doc, "4. Выводы")
    para(doc, "{{#if " + YOUNG_LEFT + "}}")
    para(doc, "4.1. Не закреплены за наставниками молодые специалисты: {{#each " + YOUNG_LEFT + "}}"
         "{{n:initials-surname(.)}}{{#if position() = last()}}{{else}}, {{/if}}{{/each}}. Куратору "
         "рассмотреть вопрос о закреплении их за наставниками.")
    para(doc, "{{else}}")
    para(doc, "4.1. Все молодые специалисты организации закреплены за наставниками.")
    para(doc, "{{/if}}")
    para(doc, "4.2. Продолжить реализацию персонализированных программ наставничества, по их завершении провести "
         "второй этап мониторинга и обобщить опыт наставничества на официальном сайте организации.")
    sig = borderless_table(doc, 2, (110, 60))
    cell_para(sig.rows[0].cells[0], "{{#if " + CUR + "}}Куратор реализации программ наставничества, "
              "{{n:position(" + CUR + ")}}{{else}}{{n:capitalize(n:person(" + HEAD_ID + ")/position)}}{{/if}}")
    cell_para(sig.rows[0].cells[1], "{{#if " + CUR + "}}{{n:initials-surname(" + CUR + ")}}{{else}}"
              "{{n:initials-surname(" + HEAD_ID + ")}}{{/if}}", align=WD_ALIGN_PARAGRAPH.RIGHT)
    for c in sig.rows[0].cells:
        c.paragraphs[0].paragraph_format.space_before = Pt(36)
    save(doc, path)


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "templates"
    polozhenie(out + "/polozhenie.docx")
    prikaz(out + "/prikaz-ob-utverzhdenii-polozheniya.docx")
    ruleset_doc(out + "/ruleset.docx")
    prikaz_pary(out + "/prikaz-o-zakreplenii-par.docx")
    soglasie_nastavnika(out + "/soglasie-nastavnika.docx")
    dorozhnaya_karta(out + "/dorozhnaya-karta.docx")
    spravka_o_proverke(out + "/spravka-o-proverke.docx")
    prikaz_kurator(out + "/prikaz-o-naznachenii-kuratora.docx")
    programma(out + "/programma-nastavnichestva.docx")
    soglasie_nastavlyaemogo(out + "/soglasie-nastavlyaemogo.docx")
    analiticheskaya_spravka(out + "/analiticheskaya-spravka.docx")


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
    para(doc, "Идентификатор: {{/ruleset/id}}, версия {{/ruleset/version}}; уровень: {{/ruleset/layer}}; "
         "применяется: {{/ruleset/applies}}; действует с {{n:date(/ruleset/valid_from)}}"
         "{{#if /ruleset/valid_to}} по {{n:date(/ruleset/valid_to)}}{{/if}}.", indent=False, before=12, size=12)
    para(doc, "Акты, на которые ссылаются правила:", indent=False, before=6, size=12)
    para(doc, "{{#each /ruleset/acts/act}}", size=12)
    para(doc, "— {{.}};", size=12, indent=False)
    para(doc, "{{/each}}", size=12)
    para(doc, "{{#if /ruleset/parameters/parameter}}", size=12)
    para(doc, "Параметры (значения с датами действия):", indent=False, before=6, size=12)
    para(doc, "{{#each /ruleset/parameters/parameter}}", size=12)
    para(doc, "— ${{id}} = {{values}};", size=12, indent=False)
    para(doc, "{{/each}}", size=12)
    para(doc, "{{/if}}", size=12)
    table = grid_table(doc, (12, 33, 100, 77, 35), ("№", "Правило", "Требование", "Основание", "Уровень"))
    texts = ("{{#each /ruleset/rules/rule}}{{count(preceding-sibling::rule) + 1}}", "{{id}}",
             "{{title}}{{#if mode != 'add'}} ({{mode}}){{/if}}", "{{citation}}", "{{severity}}{{/each}}")
    for c, t in zip(table.rows[1].cells, texts):
        fill_cell(c, [t])
    para(doc, "Всего правил: {{count(/ruleset/rules/rule)}}.", indent=False, before=12, size=12)
    save(doc, path)


if __name__ == "__main__":
    main()
