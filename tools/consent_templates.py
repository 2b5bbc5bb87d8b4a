"""Согласие наставника and согласие наставляемого: the consent to the work (its own page) and,
where the organisation publishes on its website, the separate consent to the distribution of
personal data (ст. 10.1 Федерального закона № 152-ФЗ, form of приказ Роскомнадзора от
24.02.2021 № 18) on the next page.

No consent to the processing of personal data: the organisation processes its employees' data
for the employment relationship (mentoring included) without one — docs/ru/personal-data.md.
From 01.03.2025 (ст. 351.8 ТК РФ) the mentor's consent is to the work of mentoring, names its
content, form and term, and says that the pay is set by a supplementary agreement and that the
mentor may give it up early.
"""
import copy

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt

import make_templates as mt
from make_templates import borderless_table, cell_para, fill_cell, grid_table, para

HEAD = "/data/organisation/head"
ORG = "/data/organisation"
# Published on the website: a website is recorded and no website section is known to be absent.
PUBLISHES = ORG + "/website and not(" + ORG + "/website_mentoring_section/@nil = 'true')"


quoted_form = mt.quoted_form
QUOTED_FORM = quoted_form("form")


def tk(date):
    """ст. 351.8 ТК РФ is in force on `date` (an XPath expression giving an ISO date)."""
    return "n:days(" + date + ") >= n:days('2025-03-01')"


def addressee(doc, person, case_of):
    """«Директору … / И.О. Фамилии / от должность / Фамилии Имени Отчества» in the right half."""
    t = borderless_table(doc, 2, (70, 100))
    right = t.rows[0].cells[1]
    cell_para(right, "{{n:capitalize(n:position(" + HEAD + ", 'дат'))}} {{n:nobreak(" + ORG + "/short_name)}}")
    cell_para(right, "{{n:initials-surname(" + HEAD + ", 'дат')}}")
    cell_para(right, "от {{n:position(" + person + ", 'род')}}")
    cell_para(right, "{{n:full-name(" + person + ", 'род')}}")


def date_and_signature(doc, date, person, before=30):
    """The date of the consent (recorded, else a line to fill) and the signature."""
    sig = borderless_table(doc, 2, (85, 85))
    cell_para(sig.rows[0].cells[0], "{{#if " + date + "}}{{n:date-quoted(" + date + ")}}"
              "{{else}}" + mt.BLANK_DATE + "{{/if}}")
    cell_para(sig.rows[0].cells[1], mt.BLANK_SIGNATURE + " {{n:initials-surname(" + person + ")}}",
              align=WD_ALIGN_PARAGRAPH.RIGHT)
    for c in sig.rows[0].cells:
        c.paragraphs[0].paragraph_format.space_before = Pt(before)


def new_section(doc):
    """Ends the section so far with an empty paragraph (inside the caller's block: no block, no
    break) and numbers the pages of the rest from 1; headers and the unnumbered first page are
    the same in both."""
    body = doc.sections[0]._sectPr
    end = para(doc)
    end._p.get_or_add_pPr().append(copy.deepcopy(body))
    number = OxmlElement("w:pgNumType")
    number.set(qn("w:start"), "1")
    cols = body.find(qn("w:cols"))
    if cols is not None:
        cols.addprevious(number)
    else:
        body.append(number)


def distribution_consent(doc, person, data_rows, until, published):
    """The consent to the distribution of personal data (ст. 10.1 № 152-ФЗ; требования к
    содержанию — приказ Роскомнадзора от 24.02.2021 № 18), on a page of its own. `until`: an
    XPath expression of the last day the organisation needs the data published (the end of the
    latest programme, else the as-of date); the consent runs to the end of that academic year.
    `published`: XPath on the context, the person's data are published on the website — the consent
    is asked only of those (reader of 7.12.2026, A13): a mentor recorded «published_on_website»;
    the data record it of no mentee, so a mentee is not asked."""
    para(doc, "{{#if " + PUBLISHES + " and " + published + "}}")
    # ст. 10.1 ч. 1: this consent «оформляется отдельно от иных согласий». It is a section of its
    # own: it starts a page, its pages are numbered from 1, and its first page bears no number,
    # as any document's (review 5, C5). One file per person still holds both consents: the
    # person reads and signs them together, and the clerk files them apart.
    new_section(doc)
    para(doc, "СОГЛАСИЕ", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False)
    para(doc, "на обработку персональных данных, разрешённых субъектом персональных данных для распространения",
         bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False, after=12)
    # The operator as the form of приказ Роскомнадзора № 18 lists it (наименование, адрес, ИНН, ОГРН):
    # an organisation's full name is not declined into «оператору — …» (review 5, B5).
    para(doc, "Я, {{n:full-name(" + person + ")}}, руководствуясь статьёй 10.1 Федерального закона от 27.07.2006 № 152-ФЗ «О персональных данных», даю согласие "
              "оператору (наименование: {{" + ORG + "/full_name}}; адрес: {{#if " + ORG + "/address}}{{" + ORG + "/address}}{{else}}"
              "______________________________{{/if}}; ИНН {{#if " + ORG + "/inn}}{{" + ORG + "/inn}}{{else}}"
              "____________{{/if}}; ОГРН {{#if " + ORG + "/ogrn}}{{" + ORG + "/ogrn}}{{else}}_______________{{/if}}) "
              "на распространение моих персональных данных (предоставление доступа к ним неограниченному кругу лиц) "
              "с целью информирования о реализации системы наставничества педагогических работников посредством "
              "официального сайта организации:", keep=True)
    # The site's address, an element of the form, on a line of its own: written as it is (copied
    # from the document, it opens), it has no place to break at the end of a line of running text,
    # where LibreOffice breaks it at its hyphen (reader C of 7.12.2026, C11).
    para(doc, "{{" + ORG + "/website}}", align=WD_ALIGN_PARAGRAPH.LEFT, indent=False)
    para(doc, "Мои контактные данные (номер телефона, адрес электронной почты или почтовый адрес): "
              "____________________________________________", align=WD_ALIGN_PARAGRAPH.LEFT)
    para(doc, "Персональные данные, на распространение которых даётся согласие:", keep=True)
    table = grid_table(doc, (36, 62, 40, 32), ("Категория", "Перечень персональных данных",
                                               "Разрешаю к распространению (да/нет)", "Условия и запреты"),
                       rows=len(data_rows))
    for r, (category, items) in enumerate(data_rows, start=1):
        for i, v in enumerate((category, items, "", "")):
            # The narrow column of categories wraps at spaces («Общие персональ-/ные данные» read badly).
            fill_cell(table.rows[r].cells[i], [v], hyphenate=i != 0)
    para(doc, "Сведения о профессиональных затруднениях к распространению не предназначены.", before=6)
    para(doc, "Условия, при которых полученные персональные данные могут передаваться оператором только по его "
              "внутренней сети, обеспечивающей доступ к информации лишь для строго определённых работников, либо с "
              "использованием информационно-телекоммуникационных сетей, либо без передачи полученных персональных "
              "данных (заполняется по желанию):", keep=True)
    # The blank on a line of its own: a blank too long for the end of the line above left that
    # justified line stretched word by word (review of 7.12.2026).
    para(doc, "________________________________________________________________.", align=WD_ALIGN_PARAGRAPH.LEFT,
         indent=False)
    END = "n:if(" + until + " != '', " + until + ", n:today())"
    para(doc, "Согласие действует со дня его подписания по 31 августа {{n:year(" + END + ") + number(number(substring("
              + END + ", 6, 2)) >= 9)}}\u00a0г. Согласие может быть отозвано мной в любое время требованием в письменной "
              "форме, содержащим мои фамилию, имя, отчество, контактную информацию и перечень персональных данных, "
              "обработка которых подлежит прекращению; действие согласия прекращается с момента поступления "
              "требования оператору.", keep=True)  # the date and signature never on a page alone
    date_and_signature(doc, "false()", person, before=24)
    para(doc, "{{/if}}")


# ---------------------------------------------------------------------------------------------
def soglasie_nastavnika(path):
    """One per mentor (context: /data/mentors/mentor)."""
    doc = mt.new_document()
    PERSON = "person"
    DATE = "consent_date[not(@nil = 'true')]"
    ITEMS = ("(/data/pairs/pair[mentor = n:current()/person] | /data/groups/group[mentor = n:current()/person])")
    # The law of the day the consent is given (ст. 351.8 has no retroactive force): its recorded
    # date; not recorded, the day the mentor was appointed (the model Положение п. 3.2 puts the
    # consent before the order), else the first day of the mentor's programmes, else the as-of
    # date. A 2023 mentor without a consent date is not given the 2025 wording.
    APPOINTED = "id(appointed_by)/date"
    FIRST = "n:min-date(" + ITEMS + "/programme/start)"
    ON = ("n:if(" + DATE + ", " + DATE + ", n:if(" + APPOINTED + ", " + APPOINTED + ", n:if(" + ITEMS +
          "/programme/start, " + FIRST + ", n:today())))")
    TK = tk(ON)
    MENTEES = "id(" + ITEMS + "/mentee | " + ITEMS + "/mentees/mentee)"
    START, END = "n:min-date(" + ITEMS + "/programme/start)", "n:max-date(" + ITEMS + "/programme/end)"
    # Given after the work began (the recorded date, else the day it is drawn), the consent runs
    # from its signing: a consent is given before the work, not for months already past
    # (docs/ru/dop-soglashenie.md, «Срок»; reader G of 7.12.2026, 2).
    LATE = "n:days(n:if(" + DATE + ", " + DATE + ", n:today())) > n:days(" + START + ")"
    addressee(doc, PERSON, "род")
    para(doc, "СОГЛАСИЕ", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False, before=24)
    para(doc, "{{#if " + TK + "}}на выполнение работы по наставничеству{{else}}на выполнение обязанностей "
              "наставника{{/if}}", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False, after=12)
    para(doc, "Я, {{n:full-name(" + PERSON + ")}}, {{n:position(" + PERSON + ")}}, {{#if " + TK + "}}в соответствии со "
              "статьёй\u00a0351.8 Трудового кодекса Российской Федерации даю согласие на выполнение наряду с работой, "
              "определённой трудовым договором, дополнительной работы по наставничеству{{else}}даю согласие на "
              "назначение меня наставником и на выполнение дополнительных обязанностей, связанных с наставнической "
              "деятельностью,{{/if}}{{#if " + MENTEES + "}} в отношении {{#each " + MENTEES + "}}"
              "{{n:position(., 'род')}} {{n:full-name(., 'род')}}{{#if position() = last()}}{{else}}{{#if position() = last() - 1}} и {{else}}, {{/if}}{{/if}}{{/each}}"
              "{{/if}} в соответствии с " + mt.polozhenie_on(DATE, order=True) + ".")
    para(doc, "{{#if " + TK + "}}Работа по наставничеству{{else}}Наставническая деятельность{{/if}} включает разработку совместно с {{n:if(count(" + MENTEES + ") > 1, 'наставляемыми', 'наставляемым')}} "
              "персонализированной программы "
              "наставничества, выполнение её мероприятий, контроль и оценку их результатов, участие в мониторинге "
              "реализации программы{{#if " + ITEMS + "}}; форма наставничества — {{#each " + ITEMS +
              "[not(form = preceding-sibling::*[mentor = n:current()/person]/form)]}}" + QUOTED_FORM + "{{#if position() = "
              "last()}}{{else}}{{#if position() = last() - 1}} и {{else}}, {{/if}}{{/if}}{{/each}}{{/if}}{{#if " + START + " != '' and " + END + " != ''}}; срок — {{#if " + LATE + "}}со дня "
              "подписания настоящего согласия{{else}}с\u00a0{{n:date(" + START + ")}}{{/if}} по\u00a0{{n:date(" + END +
              ")}}{{/if}}.")
    para(doc, "{{#if " + TK + "}}Мне известно, что содержание, срок и форма выполнения работы по наставничеству, размер "
              "и условия её оплаты устанавливаются дополнительным соглашением к трудовому договору и что я вправе "
              "досрочно отказаться от выполнения этой работы, предупредив работодателя в письменной форме не позднее "
              "чем за три рабочих дня.{{else}}Согласие действует на срок реализации {{n:if(count(" + ITEMS + ") > 1, "
              "'персонализированных программ', 'персонализированной программы')}} наставничества и может быть отозвано "
              "мной в письменной форме.{{/if}}")
    para(doc, "С " + mt.polozhenie_on(DATE) + " {{n:if(n:person(" + PERSON + ")/gender = 'ж', 'ознакомлена', "
              "'ознакомлен')}}.")
    date_and_signature(doc, DATE, PERSON)
    distribution_consent(doc, PERSON, [
        ("Общие персональные данные", "фамилия, имя, отчество"),
        ("Общие персональные данные", "должность, квалификационная категория"),
        ("Сведения о работе", "участие в системе наставничества в качестве наставника: форма наставничества, срок "
                              "персонализированной программы наставничества"),
    ], END, "published_on_website = 'true'")
    mt.save(doc, path)


def soglasie_nastavlyaemogo(path):
    """One per mentee (context: the mentee's staff/person). The mentor and the form come from the
    mentee's pair or group; the date from the recorded consent."""
    doc = mt.new_document()
    PAIR = "(/data/pairs/pair[mentee = n:current()/@id] | /data/groups/group[mentees/mentee = n:current()/@id])"
    DATE = ("(/data/pairs/pair[mentee = n:current()/@id]/mentee_consent_date | /data/groups/group/mentee_consents/"
            "consent[person = n:current()/@id]/date)[not(@nil = 'true')]")
    START, END = "n:min-date(" + PAIR + "/programme/start)", "n:max-date(" + PAIR + "/programme/end)"
    addressee(doc, ".", "род")
    para(doc, "СОГЛАСИЕ", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False, before=24)
    para(doc, "на участие в персонализированной программе наставничества", bold=True,
         align=WD_ALIGN_PARAGRAPH.CENTER, indent=False, after=12)
    para(doc, "Я, {{n:full-name(.)}}, {{n:position(.)}}, даю согласие на участие в персонализированной программе "
              "наставничества в качестве {{n:if(gender = 'ж', 'наставляемой', 'наставляемого')}}{{#if " + PAIR + "}} (наставник — {{n:full-name(" + PAIR +
              "[1]/mentor)}}, {{n:position(" + PAIR + "[1]/mentor)}}; форма наставничества — " + quoted_form(PAIR + "[1]/form") + "{{#if " + START + " != '' and " + END + " != ''}}; срок программы — с\u00a0{{n:date(" + START +
              ")}} по\u00a0{{n:date(" + END + ")}}{{/if}}){{/if}} и на выполнение связанных с ней обязанностей: участие в "
              "разработке персонализированной программы наставничества, выполнение её мероприятий в установленные "
              "сроки, участие в мониторинге её реализации.")
    para(doc, "Согласие действует на срок реализации персонализированной программы наставничества и может быть "
              "отозвано мной в письменной форме.")
    para(doc, "С " + mt.polozhenie_on(DATE) + " {{n:if(gender = 'ж', 'ознакомлена', 'ознакомлен')}}.")
    date_and_signature(doc, DATE, ".")
    distribution_consent(doc, ".", [
        ("Общие персональные данные", "фамилия, имя, отчество"),
        ("Общие персональные данные", "должность"),
        ("Сведения о работе", "участие в системе наставничества в качестве {{n:if(gender = 'ж', 'наставляемой', "
                              "'наставляемого')}}: форма наставничества, срок персонализированной программы наставничества"),
    ], END, "false()")
    mt.save(doc, path)


def main(out):
    soglasie_nastavnika(out + "/soglasie-nastavnika.docx")
    soglasie_nastavlyaemogo(out + "/soglasie-nastavlyaemogo.docx")
