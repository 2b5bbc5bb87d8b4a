#!/usr/bin/python3
"""Bootstraps the municipality's templates (`nastavnik batch`): the order introducing mentoring
in the municipality's organisations and the consolidated analytical report with its charts.

Filled from the report tree of docs/ru/batch.md («Данные для документов муниципалитета»).
Run with Debian's python3 (python3-docx): /usr/bin/python3 tools/make_municipal_templates.py templates
"""
import sys

from docx.enum.table import WD_TABLE_ALIGNMENT  # noqa: F401  (kept for symmetry with make_templates)
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt

sys.path.insert(0, __file__.rsplit("/", 1)[0])
import make_templates as mt  # noqa: E402

M = "/report/municipality"
T = "/report/totals"
# A heading is not hyphenated (w:suppressAutoHyphens): «Адми-нистрации» in a centred name.
no_hyphens = mt.no_hyphens


# The type of an organisation as the order's annex gives it, one grammatical form for all (reader of
# 7.12.2026: «общеобразовательная / дошкольная / дополнительного образования»).
TYPE = ("{{n:if(type = 'дополнительного образования', 'организация дополнительного образования', n:if(type = "
        "'дошкольная', 'дошкольная образовательная организация', n:if(type = '—', '—', concat(type, ' организация'))))}}")


def header(doc, kind):
    no_hyphens(mt.para(doc, "{{" + M + "/committee}}", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False))
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


B = "/report/base_act"
D = "/report/document"
COORD = "n:person('coordinator')"


def dated(element):
    return "от {{n:date(" + element + "/date)}} № {{" + element + "/number}}"


def order_heading(doc, lines):
    """The heading to the text: left-aligned, under the date line, before «ПРИКАЗЫВАЮ:»."""
    for k, line in enumerate(lines):
        no_hyphens(mt.para(doc, line, align=WD_ALIGN_PARAGRAPH.LEFT, indent=False, after=18 if k + 1 == len(lines) else 0))


def item(doc, number_of, text, condition=None):
    if condition:
        mt.para(doc, "{{#if " + condition + "}}")
    mt.para(doc, "{{" + D + "/" + number_of + "}}. " + text)
    if condition:
        mt.para(doc, "{{/if}}")


def coordinator_text():
    """«МБУ «ИМЦ» г. Бийска (А.П. Гребенщиков)», «А.П. Гребенщиков» or the organisation alone."""
    return ("{{#if " + M + "/coordinator_organisation}}({{" + M + "/coordinator_organisation}}"
            "{{#if /report/staff/person[@id = 'coordinator']}}, {{n:initials-surname('coordinator')}}{{/if}})"
            "{{else}}— {{n:position('coordinator', 'дат')}} {{n:initials-surname('coordinator', 'дат')}}{{/if}}")


# Young teachers without a mentor: a mentor is assigned with the written consent of both (ст. 351.8
# ТК РФ, the Положение), so neither the справка nor the order assigns one without it.
ASSIGN = ("{{#if /report/to_assign/young_left = 1}}закрепить наставника за молодым специалистом, не охваченным "
          "наставничеством, при наличии письменного согласия наставника и наставляемого{{else}}закрепить наставников за "
          "молодыми специалистами, не охваченными наставничеством ({{#if /report/to_assign/count > 1}}всего {{/if}}"
          "{{/report/to_assign/young_left}}\u00A0чел.), при наличии письменного согласия наставников и наставляемых{{/if}}")


def prikaz_munitsipaliteta(path):
    doc = mt.new_document()
    header(doc, "ПРИКАЗ")
    mt.para(doc, "{{#if " + B + "}}")
    # The year's order, in pursuance of the act that introduced the system: it neither appoints
    # again whom that act appointed nor sets its deadline anew.
    # The year's итоги at its end (June to August); before that, the results as of the order's date.
    mt.para(doc, "{{#if /report/year_closed}}")
    order_heading(doc, ["Об итогах мониторинга реализации", "системы наставничества педагогических",
                        "работников в {{/report/academic_year}} учебном году"])
    mt.para(doc, "{{else}}")
    order_heading(doc, ["О результатах мониторинга реализации", "системы наставничества педагогических",
                        "работников по состоянию на {{n:date(/report/as_of)}}"])
    mt.para(doc, "{{/if}}")
    mt.para(doc, "Во исполнение приказа {{" + M + "/committee_genitive}} " + dated(B) + "{{#if " + B + "/title}} «{{" + B +
            "/title}}»{{/if}}{{#if " + B + "/amended_by}} ({{" + B + "/amended_by}}){{/if}}, по {{n:if(/report/year_closed, "
            "'итогам', 'результатам')}} мониторинга реализации системы наставничества педагогических работников в "
            "образовательных организациях {{" + M + "/name_genitive}} (аналитическая справка " + dated("/report/spravka") + ")")
    mt.para(doc, "ПРИКАЗЫВАЮ:", indent=False, before=6, after=6)
    mt.para(doc, "1. Утвердить {{n:if(/report/year_closed, 'итоги', 'результаты')}} мониторинга реализации системы наставничества педагогических работников по "
            "образовательным организациям {{" + M + "/name_genitive}} по состоянию на {{n:date(/report/as_of)}} (приложение).")
    item(doc, "item_fix", "{{n:capitalize(/report/to_fix/dative)}}{{? /report/to_fix/dative_end}} устранить {{/report/to_fix/found}}, "
         "{{/report/to_fix/found_named}} в разделе "
         "«Выводы и предложения» аналитической справки{{? /report/to_fix/with_assign}}{{#if /report/to_fix/deadline}}, в срок до "
         "{{n:date(/report/to_fix/deadline)}}{{else}}, в сроки, указанные в нём{{/if}}.", D + "/item_fix")
    item(doc, "item_heads", "Руководителям образовательных организаций, указанных в приложении{{#if " + D + "/heads_running}}, "
         "в которых реализуются программы наставничества,{{else}},{{/if}} провести мониторинг "
         "реализации персонализированных программ наставничества {{/report/academic_year}} учебного года в два этапа "
         "и представить его результаты муниципальному координатору в срок до {{n:date(/report/monitoring_deadline)}}.",
         D + "/item_heads")
    # What the справка proposes, the same day's order makes binding, in the справка's words (reader
    # D, M1): an organisation «соответствует» and still has young teachers without a mentor.
    item(doc, "item_assign", "{{n:capitalize(/report/to_assign/dative)}}{{? /report/to_assign/dative_end}} " + ASSIGN +
         ", в срок до {{n:date(/report/deadline)}}.", D + "/item_assign")
    item(doc, "item_resubmit", "{{n:capitalize(/report/to_resubmit/dative)}}{{? /report/to_resubmit/dative_end}} представить исправленные сведения для "
         "мониторинга в срок до {{n:date(/report/deadline)}}.", D + "/item_resubmit")
    item(doc, "item_coordinator_tasks", "Муниципальному координатору реализации системы наставничества "
         + coordinator_text() + "{{#if /report/to_fix}} оказать методическую помощь {{n:if(/report/to_fix/count = 1, "
         "'организации, в которой', 'организациям, в которых')}} {{/report/to_fix/found_verb}} {{/report/to_fix/found}}, "
         "в срок до {{n:date(/report/deadline)}};{{/if}} "
         "обобщить результаты мониторинга за {{/report/academic_year}} учебный год и представить аналитическую справку "
         "в срок до {{n:date(/report/summary_deadline)}}.", D + "/item_coordinator_tasks")
    mt.para(doc, "{{else}}")
    order_heading(doc, ["О внедрении системы наставничества", "педагогических работников в образовательных",
                        "организациях {{" + M + "/name_genitive}}"])
    mt.para(doc, "В соответствии с распоряжением Правительства Российской Федерации от 31.12.2019 № 3273-р "
            "«Об утверждении основных принципов национальной системы профессионального роста педагогических "
            "работников Российской Федерации, включая национальную систему учительского роста», методическими "
            "рекомендациями по разработке и внедрению системы (целевой модели) наставничества педагогических "
            "работников в образовательных организациях (письмо Министерства просвещения Российской Федерации "
            "от 21.12.2021 № АЗ-1128/08){{#each /report/regional_basis/act}}, {{.}}{{/each}}, в целях профессионального роста "
            "педагогических работников и закрепления молодых специалистов в профессии")
    mt.para(doc, "ПРИКАЗЫВАЮ:", indent=False, before=6, after=6)
    mt.para(doc, "1. Утвердить перечень образовательных организаций {{" + M + "/name_genitive}}, внедряющих "
            "систему наставничества педагогических работников (приложение).")
    item(doc, "item_coordinator_organisation", "Определить {{" + M + "/coordinator_organisation}} муниципальным "
         "координатором системы наставничества педагогических работников.", M + "/coordinator_organisation")
    item(doc, "item_coordinator", "Назначить муниципальным куратором системы наставничества "
         "{{n:position('coordinator', 'вин')}} {{n:full-name('coordinator', 'вин')}}.",
         "/report/staff/person[@id = 'coordinator']")
    item(doc, "item_heads", "Руководителям образовательных организаций, указанных в приложении, обеспечить "
         "{{#if " + M + "/implementation_deadline}}в срок до {{n:date(" + M + "/implementation_deadline)}} "
         "{{/if}}внедрение системы наставничества педагогических работников: принятие локального акта "
         "(положения) о системе наставничества, назначение куратора, закрепление наставнических пар (групп) "
         "с письменного согласия участников, утверждение персонализированных программ наставничества и "
         "дорожной карты.")
    mt.para(doc, "{{/if}}")
    item(doc, "item_publish", "{{n:capitalize(n:position('coordinator', 'дат'))}} {{n:initials-surname('coordinator', 'дат')}} "
         "в течение трёх рабочих дней со дня подписания настоящего приказа ознакомить с ним{{#if " + B + "}} и с аналитической справкой{{/if}} "
         "руководителей образовательных организаций, указанных в приложении, "
         "и разместить его на официальном сайте {{" + M +
         "/committee_genitive}}.", D + "/item_publish")
    # The signature never stands alone on a page.
    mt.para(doc, "{{" + D + "/item_control}}. Контроль за исполнением настоящего приказа оставляю за собой.", keep=True)
    signature(doc)
    acquaintance_and_executor(doc)
    mt.para(doc, "Разослать: в дело{{#if " + M + "/coordinator_organisation}}, {{" + M + "/coordinator_organisation}}{{/if}}, "
            "в образовательные организации, указанные в приложении.", indent=False, size=10, before=6)
    # The year's order lists every organisation in its annex, one whose data have errors with that
    # outcome, so its head is acquainted with the order and it is sent it as the others are; the
    # introducing order lists only those whose data were read, and is not sent to the others.
    doc.add_page_break()
    for text, after in (("Приложение", 0), ("к приказу {{" + M + "/committee_genitive}}", 0),
                        ("от {{n:date(/report/document/date)}} № {{/report/document/number}}", 12)):
        p = no_hyphens(mt.para(doc, text, align=WD_ALIGN_PARAGRAPH.LEFT, indent=False, after=after))
        p.paragraph_format.left_indent = Cm(9)
    mt.para(doc, "{{#if " + B + "}}")
    no_hyphens(mt.heading(doc, "{{#if /report/year_closed}}Итоги мониторинга реализации системы наставничества педагогических "
               "работников по образовательным организациям в {{/report/academic_year}} учебном году (по состоянию на "
               "{{n:date(/report/as_of)}}){{else}}Результаты мониторинга реализации системы наставничества педагогических "
               "работников по образовательным организациям по состоянию на {{n:date(/report/as_of)}}{{/if}}"))
    # «общеобразовательная» fits its column whole: a type is not hyphenated (review 5, C7). The
    # item on monitoring charges the heads of the organisations «в которых реализуются программы
    # наставничества»: the annex says which they are, in the item's words (issue 13).
    table = mt.grid_table(doc, (15, 48, 42, 34, 31), ("№ п/п", "Наименование организации", "Тип",
                                                       "Программы наставничества {{/report/academic_year}} учебного года",
                                                       "Итог мониторинга"))
    texts = ("{{#each /report/order_results/organisation}}{{n}}", "{{name}}", TYPE, "{{programmes}}",
             "{{status}}{{/each}}")
    tag_row(table, texts)
    for c in table.rows[1].cells[2:]:
        no_hyphens(c.paragraphs[0])
    # A row that assigns an organisation its outcome is read whole: «выявлены» on one page and
    # «замечания» on the next was misread (reader H of 8.12.2026, F6), as in the справка's tables.
    mt.cant_split(table.rows[1])
    mt.para(doc, "{{else}}")
    no_hyphens(mt.heading(doc, "Перечень образовательных организаций, внедряющих систему наставничества педагогических работников"))
    table = mt.grid_table(doc, (16, 110, 44), ("№ п/п", "Наименование организации", "Тип"))
    # Only the organisations whose data were read: one with errors in its data is not listed in an order.
    texts = ("{{#each /report/order_organisations/organisation}}{{n}}", "{{name}}", TYPE + "{{/each}}")
    tag_row(table, texts)
    no_hyphens(table.rows[1].cells[2].paragraphs[0])
    mt.cant_split(table.rows[1])
    mt.para(doc, "{{/if}}")
    mt.save(doc, path)


def acquaintance_and_executor(doc):
    """Ознакомление of the one the order charges by name (the heads are informed by the mailing),
    then the отметка об исполнителе."""
    mt.para(doc, "{{#if /report/staff/person[@id = 'coordinator']}}")
    mt.para(doc, "С приказом {{n:if(" + COORD + "/gender = 'ж', 'ознакомлена', 'ознакомлен')}}:", indent=False,
            before=18, keep=True)
    ack = mt.borderless_table(doc, 3, (80, 35, 55))
    mt.cell_para(ack.rows[0].cells[0], "{{n:capitalize(" + COORD + "/position)}}")
    mt.cell_para(ack.rows[0].cells[1], "____________", align=WD_ALIGN_PARAGRAPH.CENTER)
    mt.cell_para(ack.rows[0].cells[2], "{{n:initials-surname('coordinator')}}", align=WD_ALIGN_PARAGRAPH.RIGHT)
    for c in ack.rows[0].cells[1:]:
        mt.bottom_aligned(c)
    for c in ack.rows[0].cells:
        no_hyphens(c.paragraphs[0])
    # The position on two lines stays with its signature line: LibreOffice would break the row
    # between pages, our renderer would move it whole.
    mt.cant_split(ack.rows[0])
    # The one form of a blank date in the package (tools/make_templates.py BLANK_DATE).
    mt.para(doc, "«___» ____________ 20___\u00a0г.", indent=False, before=6)
    mt.para(doc, "{{/if}}")
    # Отметка об исполнителе and указатель рассылки (ГОСТ Р 7.0.97-2016, реквизиты 25 and the
    # distribution list), at the foot in a smaller size.
    mt.para(doc, "{{#if /report/staff/person[@id = 'coordinator']}}")
    mt.para(doc, "{{n:full-name('coordinator')}}", indent=False, size=10, before=24)
    mt.para(doc, "{{#if " + COORD + "/phone}}")
    mt.para(doc, "{{" + COORD + "/phone}}", indent=False, size=10)
    mt.para(doc, "{{/if}}")
    mt.para(doc, "{{/if}}")


def prikaz_o_vnesenii_izmeneniy(path):
    """The amending order (municipality.amendments[]): it changes the act that introduced the
    system and does nothing else; who informs the heads and posts it, control, ознакомление,
    the executor and the mailing as the year's order has them."""
    doc = mt.new_document()
    header(doc, "ПРИКАЗ")
    order_heading(doc, ["О внесении изменений в приказ", dated(B)])
    mt.para(doc, "{{#if " + M + "/amendments_reason}}{{n:capitalize(" + M + "/amendments_reason)}}{{else}}По итогам "
            "мониторинга реализации системы наставничества педагогических работников в образовательных организациях "
            "{{" + M + "/name_genitive}} (аналитическая справка " + dated("/report/spravka") + "){{/if}}")
    mt.para(doc, "ПРИКАЗЫВАЮ:", indent=False, before=6, after=6)
    mt.para(doc, "1. Внести в приказ " + dated(B) + "{{#if " + B + "/title}} «{{" + B + "/title}}»{{/if}}"
            "{{#if " + B + "/amended_by_earlier}} ({{" + B + "/amended_by_earlier}}){{/if}} следующие изменения:")
    mt.para(doc, "{{#each /report/amendments/amendment}}")
    mt.para(doc, "{{n}}. {{text}}")
    mt.para(doc, "{{/each}}")
    item(doc, "amend_item_publish", "{{n:capitalize(n:position('coordinator', 'дат'))}} "
         "{{n:initials-surname('coordinator', 'дат')}} в течение трёх рабочих дней со дня подписания настоящего приказа "
         "ознакомить с ним руководителей муниципальных образовательных организаций {{" + M + "/name_genitive}} и "
         "разместить его на официальном сайте {{" + M + "/committee_genitive}}.", D + "/amend_item_publish")
    mt.para(doc, "{{" + D + "/amend_item_control}}. Контроль за исполнением настоящего приказа оставляю за собой.", keep=True)
    signature(doc)
    acquaintance_and_executor(doc)
    mt.para(doc, "Разослать: в дело{{#if " + M + "/coordinator_organisation}}, {{" + M + "/coordinator_organisation}}{{/if}}, "
            "в муниципальные образовательные организации {{" + M + "/name_genitive}}.", indent=False, size=10, before=6)
    mt.save(doc, path)


def figure(doc, name, caption):
    """A chart kept with its caption under it («Рисунок N — …»); the caption is not kept with
    what follows, so that a chart never drags the next section onto its page (the page left
    60 % blank of the review)."""
    mt.chart_placeholder(doc, name, 7.5, keep=True)
    no_hyphens(mt.para(doc, caption, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False, after=6, size=12))


def heading(doc, text):
    return no_hyphens(mt.heading(doc, text))


def tag_row(table, tags, **style):
    """The table's one body row: a tag per cell (the first opens {{#each}}, the last closes it)."""
    for c, t in zip(table.rows[1].cells, tags):
        mt.fill_cell(c, [t], **style)


def small_header(table):
    for c in table.rows[0].cells:
        for p in c.paragraphs:
            for r in p.runs:
                r.font.size = Pt(10)


def spravka_munitsipaliteta(path):
    # Every row of its tables is read as one piece: not «МБДОУ «Детский сад» on one page and «№ 7»»
    # on the next (reader B, 17).
    doc = mt.new_document()
    header(doc, "АНАЛИТИЧЕСКАЯ СПРАВКА")
    no_hyphens(mt.para(doc, "О реализации системы наставничества педагогических работников в образовательных "
                       "организациях {{" + M + "/name_genitive}} по состоянию на {{translate(n:date-long(/report/as_of), ' ', '\u00a0')}}",
                       bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False, after=12))
    heading(doc, "1. Общие сведения")
    mt.para(doc, "Мониторинг охватил {{n:plural(" + T + "/organisations, 'образовательную организацию', "
            "'образовательные организации', 'образовательных организаций')}}: {{" + T + "/by_type_text}}. "
            "Сведения обработаны по {{n:plural(" + T + "/processed, 'организации', 'организациям', 'организациям')}}"
            "{{#if " + T + "/failed > 0}}; сведения {{n:plural(" + T + "/failed, 'организации', 'организаций', "
            "'организаций')}} представлены с ошибками и в свод не включены{{/if}}. Доли организаций в справке "
            "исчислены от числа организаций, сведения которых обработаны.")
    mt.para(doc, "Соответствуют требованиям к системе наставничества {{n:plural(" + T + "/compliant, 'организация', "
            "'организации', 'организаций')}} ({{" + T + "/compliant_share}}); {{#if " + T + "/findings > 0}}имеют только "
            "замечания\u00a0— {{" + T + "/findings}}{{else}}организаций, имеющих только замечания, нет{{/if}}; "
            "{{#if " + T + "/refused + " + T + "/violations > 0}}допустили нарушения обязательных требований\u00a0— {{" + T +
            "/refused + " + T + "/violations}}{{else}}нарушений обязательных требований не выявлено{{/if}}"
            "{{#if " + T + "/incomplete > 0}}; не представили сведений, необходимых для проверки,\u00a0— {{" + T +
            "/incomplete}}{{/if}}.")
    mt.para(doc, "В {{/report/academic_year}} учебном году в наставничестве участвуют {{n:plural(" + T + "/mentors, 'наставник', 'наставника', "
            "'наставников')}} и {{n:plural(" + T + "/mentees, 'наставляемый', 'наставляемых', 'наставляемых')}}; "
            "закреплено {{n:plural(" + T + "/pairs, 'наставническая пара', 'наставнические пары', "
            "'наставнических пар')}}{{#if " + T + "/groups > 0}} и {{n:plural(" + T + "/groups, 'группа', 'группы', "
            "'групп')}}{{else}}, наставнических групп не создано{{/if}}. Наставники "
            "составляют {{" + T + "/mentors_share}} руководящих и педагогических работников ({{" + T + "/staff}} чел.)"
            "{{#if " + T + "/idle}}; {{" + T + "/idle}} программы наставничества в {{/report/academic_year}} учебном году "
            "не реализуются{{/if}}.")
    mt.para(doc, "Молодых специалистов (педагогический стаж менее трёх лет)\u00a0— {{" + T + "/young}} чел., из них "
            "наставничеством охвачено {{" + T + "/young_covered}} чел. ({{" + T + "/young_covered_share}}).")
    heading(doc, "2. Соответствие требованиям по типам организаций")
    figure(doc, "compliance-by-type", "Рисунок 1 — Итоги проверки организаций по типам, число организаций{{#if " + T +
           "/failed > 0}} (включая те, сведения которых представлены с ошибками){{/if}}")
    heading(doc, "3. Охват молодых специалистов наставничеством")
    figure(doc, "young-coverage", "Рисунок 2 — Доля молодых специалистов, охваченных наставничеством, %")
    mt.para(doc, "{{#if /report/targets/target}}")
    heading(doc, "4. Целевые показатели на {{/report/year}} год")
    # The table first, introduced by the text, and the chart of its values after it: a table
    # right under a figure's caption read as part of the figure (review 5, C7).
    mt.para(doc, "Фактические значения целевых показателей исчислены по организациям, сведения которых "
            "обработаны; они приведены в таблице и на рисунке 3.", keep=True)
    table = mt.grid_table(doc, (50, 15, 15, 22, 26, 42),
                          ("Показатель", "Цель", "Факт", "Достигнут", "Нет сведений, организаций", "Основание"))
    small_header(table)
    texts = ("{{#each /report/targets/target}}{{title}}", "{{value}}", "{{actual}}", "{{met}}", "{{no_data}}",
             "{{source}}{{/each}}")
    tag_row(table, texts, size=10)
    mt.cant_split(table.rows[1])
    figure(doc, "targets", "Рисунок 3 — Целевые и фактические значения показателей, %")
    mt.para(doc, "{{else}}")
    heading(doc, "4. Целевые показатели")
    mt.para(doc, "Целевые показатели реализации системы наставничества на {{/report/academic_year}} учебный год "
            "муниципальными актами не установлены.")
    mt.para(doc, "{{/if}}")

    heading(doc, "5. Мониторинг реализации программ наставничества в {{/report/academic_year}} учебном году")
    mt.para(doc, "{{#if /report/monitoring/indicator[any = 'да']}}")
    mt.para(doc, "Показатели первого (процесс реализации программы) и второго (влияние программы на участников) этапов "
            "мониторинга — те, которые установлены для организаций действующими актами. Значение показателя — "
            "среднее по организациям, оценившим его (для количественных показателей — сумма), по окончании программ; "
            "значения, измеренные в начале или в ходе программ, указаны отдельно и с итогами года не сравниваются. "
            "Графы «Оценили» и «Не оценили» — число организаций, в которых реализуются программы наставничества "
            "(всего {{/report/monitoring/@running}}) и которым показатель установлен; за {{/report/previous_year}} учебный "
            "год в скобках — число организаций, оценивших показатель.", keep=True)
    # «Оценили, орг.» whole in its column, not «Оцени|ли» (reader B, 18).
    table = mt.grid_table(doc, (13, 39, 20, 20, 27, 25, 26),
                          ("Этап", "Показатель", "Оценили, орг.", "Не оценили, орг.",
                           "{{/report/academic_year}}", "{{/report/previous_year}}", "Изменение"))
    small_header(table)
    texts = ("{{#each /report/monitoring/indicator[any = 'да']}}{{stage}}", "{{title}}", "{{measured}}", "{{no_data}}",
             "{{current}}", "{{previous}}", "{{change}}{{/each}}")
    tag_row(table, texts, size=10)
    mt.cant_split(table.rows[1])
    mt.para(doc, "{{#if /report/monitoring/unmeasured}}")
    # Of the organisations the table counts (reader B, 10: «ни одной из 38» under a table of 33).
    mt.para(doc, "Ни одна из {{n:plural(/report/monitoring/@running, 'организации', 'организаций', 'организаций')}}, "
            "в которых реализуются программы наставничества, не оценивала ни в {{/report/academic_year}}, ни в "
            "{{/report/previous_year}} учебном году показатели: {{/report/monitoring/unmeasured}}.", before=6)
    mt.para(doc, "{{/if}}")
    mt.para(doc, "{{else}}")
    mt.para(doc, "{{#if /report/monitoring/indicator}}")
    mt.para(doc, "Ни одна из {{n:plural(/report/monitoring/@organisations, 'организации', 'организаций', 'организаций')}}, "
            "сведения которых обработаны, не представила значений показателей мониторинга ни за "
            "{{/report/academic_year}}, ни за {{/report/previous_year}} учебный год: {{/report/monitoring/established}}, "
            "не оценивались.")
    mt.para(doc, "{{else}}")
    mt.para(doc, "Показатели мониторинга актами, действующими для организаций, не установлены, и значения показателей "
            "организациями не представлены: мониторинг не оценивался.")
    mt.para(doc, "{{/if}}")
    mt.para(doc, "{{/if}}")

    # The second stage before the programmes end: not «не оценили» (reader H, F9).
    mt.para(doc, "{{#if /report/monitoring/pending}}")
    mt.para(doc, "Показатели второго этапа ({{/report/monitoring/pending}}) оцениваются по завершении программ "
            "наставничества, в срок до {{n:date(/report/monitoring/pending_due)}}.")
    mt.para(doc, "{{/if}}")
    heading(doc, "6. Сравнение с {{/report/previous_year}} учебным годом")
    mt.para(doc, "{{#if /report/comparison/@organisations > 0}}")
    mt.para(doc, "Сравнение проведено по {{n:plural(/report/comparison/@organisations, 'организации', 'организациям', "
            "'организациям')}}, у которых зафиксированы итоги {{/report/previous_year}} учебного года"
            "{{#if /report/comparison/@without > 0}}; по {{n:plural(/report/comparison/@without, 'организации', "
            "'организациям', 'организациям')}} ({{/report/comparison/without_names}}) итоги "
            "{{/report/previous_year}} учебного года не зафиксированы, и их показатели не сравнивались{{/if}}.")
    table = mt.grid_table(doc, (70, 30, 30, 40), ("Показатель", "{{/report/previous_year}}",
                                                  "{{/report/academic_year}}", "Изменение"))
    texts = ("{{#each /report/comparison/row}}{{title}}", "{{previous}}", "{{current}}", "{{change}}{{/each}}")
    tag_row(table, texts)
    mt.cant_split(table.rows[1])
    # Numbered in order: figure 3 (the targets) is drawn only when targets are recorded.
    figure(doc, "years", "Рисунок {{n:if(/report/targets/target, 4, 3)}} — Участники наставничества в {{/report/previous_year}} и "
           "{{/report/academic_year}} учебных годах")
    mt.para(doc, "{{else}}")
    mt.para(doc, "Итоги {{/report/previous_year}} учебного года не зафиксированы ни одной организацией, сведения которой "
            "обработаны: сравнение с предыдущим годом не проводилось.")
    mt.para(doc, "{{/if}}")

    heading(doc, "7. Показатели по организациям")
    # «специалистов» and «Наставников» in 9 pt bold need 26 and 25 mm: in 22 they broke («специалисто / в»).
    table = mt.grid_table(doc, (8, 37, 28, 22, 25, 26, 24),
                          ("№", "Организация", "Состояние", "Нарушений и замечаний", "Наставников", "Молодых специалистов",
                           "Из них охвачено"))
    for c, h in zip(table.rows[0].cells, ("№", "Организация", "Состояние", "Нарушений и замечаний", "Наставников",
                                          "Молодых специалистов", "Из них охвачено")):
        mt.fill_cell(c, [h], bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, size=9)
    texts = ("{{#each /report/organisations/organisation}}{{n}}", "{{name}}", "{{status}}", "{{violations}}",
             "{{mentors}}", "{{young}}", "{{young_covered}}{{/each}}")
    tag_row(table, texts, size=10)
    mt.cant_split(table.rows[1])
    mt.para(doc, "{{#if /report/municipal_findings/finding}}")
    heading(doc, "8. Выполнение обязанностей муниципалитета")
    table = mt.grid_table(doc, (50, 22, 38, 60), ("Требование", "Итог", "Подробности", "Основание"))
    texts = ("{{#each /report/municipal_findings/finding}}{{title}}", "{{outcome}}", "{{detail}}",
             "{{citation}}{{/each}}")
    tag_row(table, texts, size=10)
    mt.cant_split(table.rows[1])
    mt.para(doc, "{{/if}}")

    heading(doc, "{{n:if(/report/municipal_findings/finding, 9, 8)}}. Выводы и предложения")
    mt.para(doc, "1. Соответствуют требованиям к системе наставничества {{" + T + "/compliant}} из {{n:plural(" + T +
            "/processed, 'организации', 'организаций', 'организаций')}}, сведения которых обработаны"
            "{{#if " + T + "/failed > 0}}; сведения {{n:plural(" + T + "/failed, 'организации', 'организаций', "
            "'организаций')}} представлены с ошибками и в свод не включены{{/if}}.")
    mt.para(doc, "{{#if /report/targets_missed/target}}")
    mt.para(doc, "2. {{n:if(count(/report/targets_missed/target) = 1, 'Не достигнут целевой показатель', "
            "'Не достигнуты целевые показатели')}}:", keep=True)
    mt.para(doc, "{{#each /report/targets_missed/target}}")
    mt.para(doc, "{{.}}{{n:if(position() = last(), '.', ';')}}")
    mt.para(doc, "{{/each}}")
    mt.para(doc, "{{/if}}")
    mt.para(doc, "{{n:if(/report/targets_missed/target, 3, 2)}}. Предлагается:", keep=True)
    mt.para(doc, "{{#each /report/measures/organisation}}")
    # Without a deadline beside what has none (programmes that ended, recommendations): each
    # measure then carries its own.
    mt.para(doc, "{{position()}}) руководителю {{name}}{{#if deadline}} в срок до {{n:date(deadline)}}{{/if}}:", keep=True)
    mt.para(doc, "{{#each item}}")
    mt.para(doc, "— {{.}};")
    mt.para(doc, "{{/each}}")
    # What programmes that ended concern, by no deadline, each finding on a line of its own.
    mt.para(doc, "{{#if history}}")
    mt.para(doc, "— {{history/lead}}:", keep=True)
    mt.para(doc, "{{#each history/finding}}")
    mt.para(doc, "{{.}};")
    mt.para(doc, "{{/each}}")
    mt.para(doc, "{{/if}}")
    mt.para(doc, "{{/each}}")
    mt.para(doc, "{{#if /report/to_measure}}")
    # The справка names the organisations however many they are (reader B, 1): the order refers
    # to its annex.
    mt.para(doc, "{{count(/report/measures/organisation) + 1}}) {{/report/to_measure/named_dative}}: провести мониторинг "
            "реализации программ наставничества в два этапа (показатели, установленные актами, не оценивались)"
            "{{#if /report/monitoring_deadline}} — в срок до {{n:date(/report/monitoring_deadline)}}{{/if}};")
    mt.para(doc, "{{/if}}")
    mt.para(doc, "{{#if /report/to_assign}}")
    mt.para(doc, "{{count(/report/measures/organisation) + count(/report/to_measure) + 1}}) {{/report/to_assign/named_dative}}: " +
            ASSIGN + " — в срок до {{n:date(/report/deadline)}};")
    mt.para(doc, "{{/if}}")
    mt.para(doc, "{{count(/report/measures/organisation) + count(/report/to_measure) + count(/report/to_assign) + 1}}) "
            "муниципальному координатору{{#if " + M + "/coordinator_organisation}} ({{" + M + "/coordinator_organisation}})"
            "{{/if}}: {{#if /report/to_fix}}оказать методическую помощь {{/report/to_fix/named_dative}} в устранении "
            "{{/report/to_fix/found_genitive}} "
            "— в срок до {{n:date(/report/deadline)}}; {{/if}}обобщить результаты мониторинга за "
            "{{/report/academic_year}} учебный год — в срок до {{n:date(/report/summary_deadline)}}.")
    signature(doc)
    mt.save(doc, path)


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "templates"
    prikaz_munitsipaliteta(out + "/prikaz-munitsipaliteta.docx")
    prikaz_o_vnesenii_izmeneniy(out + "/prikaz-o-vnesenii-izmeneniy.docx")
    spravka_munitsipaliteta(out + "/spravka-munitsipaliteta.docx")


if __name__ == "__main__":
    main()
