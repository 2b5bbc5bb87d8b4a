"""Дополнительное соглашение к трудовому договору наставника (ст. 351.8 ТК РФ, from 01.03.2025):
one per mentor (context: /data/mentors/mentor). The work of mentoring entrusted with the
mentor's written consent, its content, term and form, the pay and its conditions, early refusal
or cancellation with three working days' notice. What the data record (mentors[].labour_agreement:
date, number, pay, end; staff[].labour_contract) is filled in; what they do not is a line to
fill in when the agreement is signed. A one-page form for a pair's mentor; the reasoning for its
clauses and signature block is in docs/ru/dop-soglashenie.md.
"""
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt

import make_templates as mt
from make_templates import borderless_table, cell_para, para

ORG = "/data/organisation"
HEAD = ORG + "/head"
A = "labour_agreement[not(@nil = 'true')]"
CONTRACT = "n:person(person)/labour_contract"
ITEMS = "(/data/pairs/pair[mentor = n:current()/person] | /data/groups/group[mentor = n:current()/person])"
MENTEES = "id(" + ITEMS + "/mentee | " + ITEMS + "/mentees/mentee)"
START = "n:min-date(" + ITEMS + "/programme/start)"
END = "n:if(" + A + "/end, " + A + "/end, n:max-date(" + ITEMS + "/programme/end))"
# Made after the work began (its recorded date, else the day it is drawn), the agreement runs from
# its signing, the day it comes into force (п. 7): a term that starts months before would assign
# work, and pay, for a time no consent and no agreement covered (docs/ru/dop-soglashenie.md,
# «Срок»; reader G of 7.12.2026, 2).
LATE = "n:days(n:if(" + A + "/date, " + A + "/date, n:today())) > n:days(" + START + ")"


def blank_or(expr, blank, shown=None):
    return "{{#if " + expr + "}}" + (shown or "{{" + expr + "}}") + "{{else}}" + blank + "{{/if}}"


def pay(p):
    """«3000 рублей в месяц», «10 % должностного оклада»."""
    return ("{{#if " + p + "/amount}}{{n:plural(" + p + "/amount, 'рубль', 'рубля', 'рублей')}}{{#if " + p +
            "/period}} в {{" + p + "/period}}{{/if}}{{else}}{{" + p + "/percent}}\u00a0%{{#if " + p + "/base}} {{" + p +
            "/base}}{{/if}}{{/if}}")


def dopolnitelnoe_soglashenie(path):
    doc = mt.new_document()
    para(doc, "ДОПОЛНИТЕЛЬНОЕ СОГЛАШЕНИЕ № " + blank_or(A + "/number", mt.BLANK_NUMBER), bold=True,
         align=WD_ALIGN_PARAGRAPH.CENTER, indent=False)
    para(doc, "к трудовому договору от " + blank_or(CONTRACT + "/date", mt.BLANK_DATE,
                                                    "{{n:date(" + CONTRACT + "/date)}}") +
         " № " + blank_or(CONTRACT + "/number", mt.BLANK_NUMBER), bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False)
    para(doc, "о выполнении работы по наставничеству", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False,
         after=6)
    t = borderless_table(doc, 2, (85, 85))
    cell_para(t.rows[0].cells[0], "{{? " + ORG + "/place}}")
    cell_para(t.rows[0].cells[1], blank_or(A + "/date", mt.BLANK_DATE,
                                           "{{n:date-quoted(" + A + "/date)}}"), align=WD_ALIGN_PARAGRAPH.RIGHT)
    para(doc, "{{" + ORG + "/full_name}} (далее — Работодатель) в лице {{n:position(" + HEAD + ", 'род')}} "
              "{{n:full-name(" + HEAD + ", 'род')}}, {{n:if(n:person(" + HEAD + ")/gender = 'ж', 'действующей', "
              "'действующего')}} на основании устава, с одной стороны, и {{n:full-name(person)}} (далее — Работник), с "
              "другой стороны, заключили настоящее дополнительное соглашение о нижеследующем.", before=6)
    para(doc, "1. Работнику с его письменного согласия поручается выполнение в течение установленной "
              "продолжительности рабочего дня наряду с работой, определённой трудовым договором, дополнительной работы "
              "по наставничеству (статья 351.8 Трудового кодекса Российской Федерации){{#if " + MENTEES + "}} в "
              "отношении {{#each " + MENTEES + "}}{{n:position(., 'род')}} {{n:full-name(., 'род')}}{{#if position() = "
              "last()}}{{else}}{{#if position() = last() - 1}} и {{else}}, {{/if}}{{/if}}{{/each}}{{/if}}.")
    # A group's mentor, or one of several pairs, works with the mentees in the plural (review 5, B6).
    MANY = "count(" + MENTEES + ") > 1"
    para(doc, "2. Содержание работы по наставничеству: разработка совместно с {{n:if(" + MANY + ", 'наставляемыми', "
              "'наставляемым')}} персонализированной программы наставничества и выполнение её мероприятий, помощь "
              "{{n:if(" + MANY + ", 'наставляемым', 'наставляемому')}} в освоении профессиональных компетенций и "
              "преодолении профессиональных затруднений, контроль выполнения программы и участие в мониторинге её "
              "реализации в соответствии с " + mt.polozhenie_on(A + "/date", order=True) + ".")
    para(doc, "3. Форма наставничества: {{#if " + ITEMS + "}}{{#each " + ITEMS + "[not(form = preceding-sibling::*"
              "[mentor = n:current()/person]/form)]}}" + mt.quoted_form("form") + "{{#if position() = last()}}{{else}}"
              "{{#if position() = last() - 1}} и {{else}}, {{/if}}{{/if}}{{/each}}{{else}}определяется "
              "приказом о закреплении наставнических пар (групп){{/if}}.")
    para(doc, "4. Срок выполнения работы по наставничеству: {{#if " + START + " != '' and " + END + " != ''}}{{#if " + LATE +
              "}}со дня подписания настоящего дополнительного соглашения{{else}}с {{n:date(" + START + ")}}{{/if}} "
              "по {{n:date(" + END + ")}}{{else}}на срок реализации персонализированных "
              "программ наставничества, установленный приказом о закреплении наставнических пар (групп){{/if}}.")
    para(doc, "5. За выполнение работы по наставничеству Работнику устанавливается выплата в размере " +
         blank_or(A + "/pay[amount or percent]", "______ рублей в месяц", pay(A + "/pay")) +
         ". Выплата производится ежемесячно в сроки выплаты заработной платы за время выполнения работы по "
         "наставничеству.")
    para(doc, "6. Работник вправе досрочно отказаться от выполнения работы по наставничеству, а Работодатель — "
              "досрочно отменить поручение о её выполнении, предупредив об этом другую сторону в письменной форме не "
              "позднее чем за три рабочих дня.")
    # The last clause keeps with the signatures: they never stand alone on a page (ТК ст. 67:
    # each copy is signed by both parties; the employee's receipt of hers is signed on the
    # employer's copy). The parties are named in the preamble and the labour contract holds their
    # requisites, so the block is only what is signed: positions, lines, names, the seal and the
    # receipt — short enough for the agreement to keep on one page (docs/ru/dop-soglashenie.md).
    para(doc, "7. Остальные условия трудового договора не изменяются. Настоящее соглашение вступает в силу со дня "
              "его подписания сторонами и составлено в двух экземплярах, имеющих одинаковую юридическую силу, по "
              "одному для каждой из сторон.", keep=True)
    sig = borderless_table(doc, 2, (85, 85))
    for _ in range(3):
        sig.add_row()
    for row in sig.rows[1:]:
        for c, w in zip(row.cells, (85, 85)):
            c.width = Mm(w)
            c.paragraphs[0]._p.getparent().remove(c.paragraphs[0]._p)  # add_row's own
    received = ("Экземпляр соглашения {{n:if(n:person(person)/gender = 'ж', 'получила', 'получил')}}:")
    columns = (("Работодатель:", ["{{n:capitalize(n:person(" + HEAD + ")/position)}}"],
                mt.BLANK_SIGNATURE + " {{n:initials-surname(" + HEAD + ")}}", ["М.П."]),
               ("Работник:", ["{{n:capitalize(n:position(person))}}"],
                mt.BLANK_SIGNATURE + " {{n:initials-surname(person)}}",
                [received, mt.BLANK_SIGNATURE + " " + mt.BLANK_DATE]))
    for col, (party, position, signature, under) in enumerate(columns):
        cells = [r.cells[col] for r in sig.rows]
        rows = ([party], position, [signature], under)
        for r, (cell, lines) in enumerate(zip(cells, rows)):
            for i, line in enumerate(lines):
                p = cell_para(cell, line, size=12)
                p.paragraph_format.keep_with_next = r < 3 or i < len(lines) - 1
                if i == 0:
                    p.paragraph_format.space_before = Pt((6, 0, 12, 6)[r])
        # The position that wraps has its last line level with the other's; so have the names.
        mt.bottom_aligned(cells[1])
    for r in sig.rows:
        mt.cant_split(r)
    mt.save(doc, path)


def main(out):
    dopolnitelnoe_soglashenie(out + "/dopolnitelnoe-soglashenie.docx")
