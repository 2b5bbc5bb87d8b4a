#!/usr/bin/python3
"""Bootstraps the municipality's templates (`nastavnik batch`): the order introducing mentoring
in the municipality's organisations and the consolidated analytical report with its charts.

Filled from the report tree of docs/ru/batch.md («Данные для документов муниципалитета»).
Run with Debian's python3 (python3-docx): /usr/bin/python3 tools/make_municipal_templates.py templates
"""
import io
import struct
import sys
import zlib

from docx.enum.table import WD_TABLE_ALIGNMENT  # noqa: F401  (kept for symmetry with make_templates)
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt

sys.path.insert(0, __file__.rsplit("/", 1)[0])
import make_templates as mt  # noqa: E402

M = "/report/municipality"
T = "/report/totals"
def placeholder_png(shade):
    """A 1×1 grey PNG. Each chart gets its own shade: python-docx stores equal images once,
    and pictures sharing one image could not be filled with different charts."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)) +
            chunk(b"IDAT", zlib.compress(bytes([0, shade]))) + chunk(b"IEND", b""))


CHARTS = []


def chart(doc, name, height_cm):
    CHARTS.append(name)
    doc.add_picture(io.BytesIO(placeholder_png(200 + len(CHARTS))), width=Cm(16.5), height=Cm(height_cm))
    p = doc.paragraphs[-1]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.paragraph_format.first_line_indent = Cm(0)
    p.paragraph_format.keep_with_next = True
    doc_pr = p._p.xpath(".//wp:docPr")[0]
    doc_pr.set("descr", "chart:" + name)
    doc_pr.set("name", "Диаграмма " + name)


def header(doc, kind):
    mt.para(doc, "{{" + M + "/committee}}", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False)
    mt.para(doc, kind, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False, before=18, after=12, size=16)
    t = mt.borderless_table(doc, 2, (85, 85))
    mt.cell_para(t.rows[0].cells[0], "{{n:date(/report/document/date)}}")
    mt.cell_para(t.rows[0].cells[1], "№ {{/report/document/number}}", align=WD_ALIGN_PARAGRAPH.RIGHT)
    mt.para(doc, "{{? " + M + "/place}}", align=WD_ALIGN_PARAGRAPH.CENTER, indent=False, before=6, after=18)


def signature(doc):
    sig = mt.borderless_table(doc, 2, (95, 75))
    mt.cell_para(sig.rows[0].cells[0], "{{n:capitalize(n:person('head')/position)}}")
    mt.cell_para(sig.rows[0].cells[1], "{{n:initials-surname('head')}}", align=WD_ALIGN_PARAGRAPH.RIGHT)
    for c in sig.rows[0].cells:
        c.paragraphs[0].paragraph_format.space_before = Pt(36)


def prikaz_munitsipaliteta(path):
    doc = mt.new_document()
    header(doc, "ПРИКАЗ")
    mt.para(doc, "О внедрении системы наставничества", align=WD_ALIGN_PARAGRAPH.LEFT, indent=False)
    mt.para(doc, "педагогических работников в образовательных", align=WD_ALIGN_PARAGRAPH.LEFT, indent=False)
    mt.para(doc, "организациях {{" + M + "/name_genitive}}", align=WD_ALIGN_PARAGRAPH.LEFT, indent=False, after=18)
    mt.para(doc, "В соответствии с распоряжением Правительства Российской Федерации от 31.12.2019 № 3273-р "
            "«Об утверждении основных принципов национальной системы профессионального роста педагогических "
            "работников Российской Федерации, включая национальную систему учительского роста», методическими "
            "рекомендациями по разработке и внедрению системы (целевой модели) наставничества педагогических "
            "работников в образовательных организациях (письмо Министерства просвещения Российской Федерации "
            "от 21.12.2021 № АЗ-1128/08){{#if " + M + "/region = 'Алтайский край'}}, приказом Министерства "
            "образования и науки Алтайского края от 24.03.2022 № 404{{/if}}, в целях профессионального роста "
            "педагогических работников и закрепления молодых специалистов в профессии")
    mt.para(doc, "ПРИКАЗЫВАЮ:", indent=False, before=6, after=6)
    mt.para(doc, "1. Утвердить перечень образовательных организаций {{" + M + "/name_genitive}}, внедряющих "
            "систему наставничества педагогических работников (приложение).")
    mt.para(doc, "{{#if " + M + "/coordinator_organisation}}")
    mt.para(doc, "{{/report/document/item_coordinator_organisation}}. Определить {{" + M + "/coordinator_organisation}} муниципальным координатором "
            "системы наставничества педагогических работников.")
    mt.para(doc, "{{/if}}")
    mt.para(doc, "{{#if /report/staff/person[@id = 'coordinator']}}")
    mt.para(doc, "{{/report/document/item_coordinator}}. Назначить муниципальным куратором системы наставничества "
            "{{n:position('coordinator', 'вин')}} {{n:full-name('coordinator', 'вин')}}.")
    mt.para(doc, "{{/if}}")
    mt.para(doc, "{{/report/document/item_heads}}. Руководителям образовательных организаций, указанных в приложении, обеспечить "
            "{{#if " + M + "/implementation_deadline}}в срок до {{n:date(" + M + "/implementation_deadline)}} "
            "{{/if}}внедрение системы наставничества педагогических работников: принятие локального акта "
            "(положения) о системе наставничества, назначение куратора, закрепление наставнических пар (групп) "
            "с письменного согласия участников, утверждение персонализированных программ наставничества и "
            "дорожной карты.")
    mt.para(doc, "{{/report/document/item_control}}. Контроль за исполнением настоящего приказа оставляю за собой.")
    signature(doc)
    doc.add_page_break()
    mt.para(doc, "Приложение", align=WD_ALIGN_PARAGRAPH.LEFT, indent=False).paragraph_format.left_indent = Cm(9)
    p = mt.para(doc, "к приказу {{" + M + "/committee_short}}", align=WD_ALIGN_PARAGRAPH.LEFT, indent=False)
    p.paragraph_format.left_indent = Cm(9)
    p = mt.para(doc, "от {{n:date(/report/document/date)}} № {{/report/document/number}}",
                align=WD_ALIGN_PARAGRAPH.LEFT, indent=False, after=12)
    p.paragraph_format.left_indent = Cm(9)
    mt.heading(doc, "Перечень образовательных организаций, внедряющих систему наставничества педагогических работников")
    table = mt.grid_table(doc, (12, 118, 40), ("№ п/п", "Наименование организации", "Тип"))
    # Only the organisations whose data were read: one with errors in its data is not listed in an order.
    texts = ("{{#each /report/order_organisations/organisation}}{{n}}", "{{name}}", "{{type}}{{/each}}")
    for c, t in zip(table.rows[1].cells, texts):
        mt.fill_cell(c, [t])
    mt.save(doc, path)


def spravka_munitsipaliteta(path):
    doc = mt.new_document()
    header(doc, "АНАЛИТИЧЕСКАЯ СПРАВКА")
    mt.para(doc, "о реализации системы наставничества педагогических работников в образовательных "
            "организациях {{" + M + "/name_genitive}} по состоянию на {{n:date-long(/report/as_of)}}",
            bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False, after=12)
    mt.heading(doc, "1. Общие сведения")
    mt.para(doc, "Мониторинг охватил {{n:plural(" + T + "/organisations, 'образовательную организацию', "
            "'образовательные организации', 'образовательных организаций')}}: {{" + T + "/by_type_text}}. "
            "Сведения обработаны по {{n:plural(" + T + "/processed, 'организации', 'организациям', 'организациям')}}"
            "{{#if " + T + "/failed > 0}}; по {{n:plural(" + T + "/failed, 'организации', 'организациям', "
            "'организациям')}} сведения не удалось обработать (см. раздел 5){{/if}}.")
    mt.para(doc, "Соответствуют требованиям к системе наставничества {{n:plural(" + T + "/compliant, 'организация', "
            "'организации', 'организаций')}} ({{" + T + "/compliant_share}} организаций, сведения которых "
            "обработаны); имеют замечания — {{" + T +
            "/findings}}; не могут сформировать документы из-за нарушений обязательных требований — {{" + T +
            "/refused}}.")
    mt.para(doc, "В системе наставничества участвуют {{n:plural(" + T + "/mentors, 'наставник', 'наставника', "
            "'наставников')}} и {{n:plural(" + T + "/mentees, 'наставляемый', 'наставляемых', 'наставляемых')}}; "
            "закреплено {{n:plural(" + T + "/pairs, 'наставническая пара', 'наставнические пары', "
            "'наставнических пар')}}{{#if " + T + "/groups > 0}} и {{n:plural(" + T + "/groups, 'группа', 'группы', "
            "'групп')}}{{else}}, наставнических групп не создано{{/if}}. Наставники "
            "составляют {{" + T + "/mentors_share}} педагогических работников ({{" + T + "/staff}} чел.).")
    mt.para(doc, "Молодых педагогов (педагогический стаж менее трёх лет) — {{" + T + "/young}} чел., из них "
            "наставничеством охвачено {{" + T + "/young_covered}} чел. ({{" + T + "/young_covered_share}}).")
    mt.heading(doc, "2. Соответствие требованиям по типам организаций")
    chart(doc, "compliance-by-type", 7.5)
    mt.heading(doc, "3. Охват молодых педагогов наставничеством")
    chart(doc, "young-coverage", 7.5)
    mt.para(doc, "{{#if /report/targets/target}}")
    mt.heading(doc, "4. Целевые показатели на {{/report/year}} год")
    chart(doc, "targets", 7.5)
    table = mt.grid_table(doc, (62, 20, 20, 24, 44), ("Показатель", "Цель", "Факт", "Достигнут", "Основание"))
    texts = ("{{#each /report/targets/target}}{{title}}", "{{value}}", "{{actual}}", "{{met}}", "{{source}}{{/each}}")
    for c, t in zip(table.rows[1].cells, texts):
        mt.fill_cell(c, [t])
    mt.para(doc, "{{else}}")
    mt.heading(doc, "4. Целевые показатели")
    mt.para(doc, "Целевые показатели региона на {{/report/year}} год в сведениях о муниципалитете не указаны.")
    mt.para(doc, "{{/if}}")
    mt.heading(doc, "5. Показатели по организациям")
    table = mt.grid_table(doc, (8, 42, 28, 22, 26, 22, 22),
                          ("№", "Организация", "Состояние", "Нарушений", "Наставников", "Молодых педагогов",
                           "Из них охвачено"))
    for c, h in zip(table.rows[0].cells, ("№", "Организация", "Состояние", "Нарушений", "Наставников",
                                          "Молодых педагогов", "Из них охвачено")):
        mt.fill_cell(c, [h], bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, size=9)
    texts = ("{{#each /report/organisations/organisation}}{{n}}", "{{name}}", "{{status}}", "{{errors + warnings}}",
             "{{mentors}}", "{{young}}", "{{young_covered}}{{/each}}")
    for c, t in zip(table.rows[1].cells, texts):
        mt.fill_cell(c, [t], size=10)
    mt.para(doc, "{{#if /report/municipal_findings/finding}}")
    mt.heading(doc, "6. Выполнение обязанностей муниципалитета")
    table = mt.grid_table(doc, (55, 25, 55, 35), ("Требование", "Итог", "Подробности", "Основание"))
    texts = ("{{#each /report/municipal_findings/finding}}{{title}}", "{{outcome}}", "{{detail}}",
             "{{citation}}{{/each}}")
    for c, t in zip(table.rows[1].cells, texts):
        mt.fill_cell(c, [t], size=10)
    mt.para(doc, "{{/if}}")
    mt.para(doc, "{{#if /report/problems/organisation}}")
    mt.para(doc, "Организации, документы которых не сформированы, и причины:", indent=False, before=12, after=6,
            keep=True)
    mt.para(doc, "{{#each /report/problems/organisation}}")
    mt.para(doc, "{{position()}}) {{name}} — {{status}}: {{reason}}", size=12)
    mt.para(doc, "{{/each}}")
    mt.para(doc, "{{/if}}")
    signature(doc)
    mt.save(doc, path)


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "templates"
    prikaz_munitsipaliteta(out + "/prikaz-munitsipaliteta.docx")
    spravka_munitsipaliteta(out + "/spravka-munitsipaliteta.docx")


if __name__ == "__main__":
    main()
