"""Дорожная карта (план мероприятий) по реализации Положения, made for the organisation's state
on the roadmap's date: what exists is not approved again (an old Положение is brought up to
date, a curator already appointed is not appointed again), no deadline falls before the
roadmap's own date nor on a day off, the steps of forming the pairs follow one another (list,
consents, agreements, the order citing them, programmes), the programme rows take the programmes' own dates, and
the rows a real plan has are there (ознакомление, заседания МО, повышение квалификации, поощрение,
дополнительные соглашения from 01.03.2025).

The academic year planned: the one starting in September of the roadmap's year if it is dated
June or later (approved over the summer for the coming year), else the current one.
"""
import re

from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm

import make_templates as mt
import order_templates
from make_templates import borderless_table, cell_para, fill_cell, grid_table, para

ORG = "/data/organisation"
SHORT = mt.SHORT
D = "$order_date"  # the roadmap's date: the recorded roadmap's, else the as-of date
# The recorded roadmap of the as-of date's academic year (dated June or later: the coming one). One
# of an earlier year is history: the document is then this year's new roadmap, dated by the as-of
# date (review 2026-12-07: Ласточка's roadmap of 2023/2024, due dates of 2023, in a package of 2026).
# generate's document variables choose the same act (current_roadmap in src/generate/generator.cpp).
ROADMAP = ("(/data/acts/act[kind = 'дорожная карта'][" + mt.plan_year("date") + " >= " + mt.plan_year("n:today()") +
           "])[last()]")
POL = "(/data/acts/act[kind = 'положение о наставничестве'])[last()]"
PAIRS_ORDER = order_templates.PAIRS_ORDER  # this academic year's
CUR = "/data/curator/person"
# A curator appointed not from among the deputies, where the deputies are recorded (FED-CUR-02):
# the справка finds it a violation; the roadmap does not give the year's work to her by name — it
# plans the appointment from among the deputies, and its rows name the curator by role (reader D,
# M5: Ласточка's старший воспитатель; the approval order charges the deputy, CUR_THEN there).
REAPPOINT = ("(" + CUR + " and " + ORG + "/deputies/deputy and not(" + CUR + " = " + ORG + "/deputies/deputy))")
ITEMS = "(/data/pairs/pair | /data/groups/group)"
Y = mt.plan_year(D)
Y1 = "(" + Y + " + 1)"
TK = "n:days(" + D + ") >= n:days('2025-03-01')"


def nominal(month_day, next_year=False):
    """An ISO date of the planned academic year: «09-01» → «2026-09-01»."""
    return "concat(" + (Y1 if next_year else Y) + ", '-" + month_day + "')"


def wd(iso):
    """A deadline falls on a working day (weekends and the holidays of ст. 112 ТК РФ move it on)."""
    return "n:working-day(" + iso + ")"


def due(iso, days=14):
    """The date, or `days` (a number or an XPath expression) after the roadmap's date if it would
    fall before (a roadmap made in November does not ask for something «до 1 сентября»), on a
    working day."""
    return wd("n:if(n:days(" + iso + ") < n:days(" + D + ") + " + str(days) + ", n:add-days(" + D + ", " +
              str(days) + "), " + iso + ")")


def after(iso, days):
    return wd("n:add-days(" + iso + ", " + str(days) + ")")


def by(iso):
    return "до {{n:date-long(" + due(iso) + ")}}"


HEAD = "{{n:capitalize(n:person(" + ORG + "/head)/position)}} {{n:initials-surname(" + ORG + "/head)}}"
# A new edition's order appoints the first deputy in her place (mt.REPLACES_CURATOR): she is named.
CURATOR = ("{{#if " + CUR + " and not(" + REAPPOINT + ")}}Куратор {{n:initials-surname(" + CUR + ")}}{{else}}"
           "{{#if " + mt.REPLACES_CURATOR + "}}Куратор {{n:initials-surname(" + mt.DEPUTY + ")}}{{else}}Куратор{{/if}}"
           "{{/if}}")
# The pairs and groups of the planned year: a programme that ended before its September belongs
# to an earlier plan (new pairs are then formed and their programmes written).
ACTIVE = ITEMS + "[not(programme/end) or n:days(programme/end) >= n:days(" + nominal("09-01") + ")]"
# Programmes whose dates are recorded, and whether some still have to be written.
STARTS, ENDS = ACTIVE + "/programme/start", ACTIVE + "/programme/end"
TO_WRITE = ACTIVE + "[not(programme/start) or n:days(programme/start) > n:days(" + D + ")]"
WRITE = "(" + TO_WRITE + " or not(" + ACTIVE + "))"
# The Положение has yet to be written and approved (none recorded by the roadmap's date); or the
# package holds it in a new edition (the recorded one is of an earlier academic year: generate's
# $polozhenie_new), approved by the order of $polozhenie_date — the row names that order and its
# date; else it exists and the roadmap plans nothing for it (review 2026-12-07: «Изменения в
# Положение» planned with no order in the package making them).
POL_TO_COME = "not($polozhenie_new) and not(" + POL + "[n:days(date) <= n:days(" + D + ")])"
# The pairs were fixed before the roadmap: it does not plan that again.
PAIRS_DONE = "(" + PAIRS_ORDER + "[n:days(date) < n:days(" + D + ")] and " + ACTIVE + ")"
PAIRS_TO_COME = PAIRS_ORDER + "[n:days(date) >= n:days(" + D + ")]"
# The programmes' development: one deadline for all of them, $programmes_due (generate's
# document variables; docs/ru/polozhenie.md), the one the order fixing the pairs gives and each
# programme repeats — the order's date when a programme starts by then (the order approves them
# all as its annexes), else the working day before the first start. The row is planned while
# that deadline is not past: with the order to come, or made before the roadmap with programmes
# still due (reader of 7.12.2026, A5: «до 14 сентября» below «Реализация … с 8 сентября»).
DUE_KNOWN = "(" + PAIRS_ORDER + " or " + TO_WRITE + "/programme/start)"
WRITE_ROW = ("(" + PAIRS_TO_COME + " and " + ITEMS + ") or ((" + WRITE + ") and not(" + PAIRS_TO_COME + ") and not(" +
             DUE_KNOWN + " and n:days($programmes_due) < n:days(" + D + ")))")
# With no order fixing the pairs recorded, the roadmap plans the steps one after another, a week
# apart, as the curator order orders them: the list of mentees ($mentee_list_due: by 1 September,
# or two weeks after a roadmap made later — generate's roadmap_dates, which the справка's proposals
# repeat: reader D, M4), the written consents, the supplementary agreements and the order — which
# then cites the agreements signed, by date and number (review 2026-12-07: the agreements were
# planned a week after the order) — and the programmes within two weeks of it (the pairs order's
# own term, write_by).
LIST_BY = "$mentee_list_due"
CONSENTS_BY = after(LIST_BY, 7)
PAIRS_BY = after(CONSENTS_BY, 7)
AGREE_BY = PAIRS_BY
PROGRAMMES_BY = after(PAIRS_BY, 14)


# No one needs mentoring now: no young specialist and no pair or group of the planned year. The
# справка then proposes to consider the need after the list of mentees is brought up to date, and
# the roadmap plans the pairs on that condition, not unconditionally (reader D, M4: СОШ № 42).
NEED_UNKNOWN = ("not(" + ACTIVE + ") and not(/data/staff/person[pedagogical_experience_start and "
                "n:years-between(pedagogical_experience_start, n:today()) < 3])")


def if_needed(event):
    """«При выявлении потребности — получение …» when no one needs mentoring now."""
    return ("{{#if " + NEED_UNKNOWN + "}}При выявлении потребности — " + event[0].lower() + event[1:] + "{{else}}" +
            event + "{{/if}}")


def planned(expr):
    return "до {{n:date-long(" + expr + ")}}"


# What the order fixing the pairs rests on (the list of mentees, the written consents) is done by
# its date when it is planned.
def before_pairs(otherwise):
    return ("{{#if " + PAIRS_TO_COME + "}}до {{n:date-long(" + PAIRS_TO_COME + "/date)}}{{else}}" + planned(otherwise) +
            "{{/if}}")
# Mentors of the year's pairs (groups) without a supplementary agreement made by the roadmap's date.
NO_AGREEMENT = ("not(" + ACTIVE + ") or /data/mentors/mentor[person = " + ACTIVE + "/mentor][not(labour_agreement/date) "
                "or n:days(labour_agreement/date) > n:days(" + D + ")]")
# The agreements are made by the date of the order fixing the pairs when it is planned and they
# are recorded by then, else within the 7 days that order gives; with no such order, by 20 September.
AGREED_BY_ORDER = ("not(/data/mentors/mentor[person = " + ACTIVE + "/mentor][not(labour_agreement/date) or "
                   "n:days(labour_agreement/date) > n:days(" + PAIRS_TO_COME + "/date)])")
AGREEMENTS_BY = ("{{#if " + PAIRS_TO_COME + "}}до {{n:date-long(" + wd("n:add-days(" + PAIRS_TO_COME + "/date, n:if(" +
                 AGREED_BY_ORDER + ", 0, 7))") + ")}}{{else}}" + planned(AGREE_BY) + "{{/if}}")
# The list of mentees is the first step of forming the pairs (by the order fixing them when it is
# recorded to come); what prepares them — the Положение (written, or brought up to date), the
# curator, the staff's ознакомление with the Положение (the mentor's consent says «С Положением
# ознакомлен(а)») — is done by then, so that no row's deadline comes before the row above it
# (review 6: ЦДТ's «Актуализация Положения … до 9 сентября» stood above four rows «до 8
# сентября»). Both dates are generate's (roadmap_dates): the справка asks the list and the curator
# by them (reader D, M4, M5).
PREP_BY = "$preparation_due"
CUR_EXISTS = ("(" + CUR + " and not(" + REAPPOINT + ") and (not(id(/data/curator/appointed_by)/date) or "
              "n:days(id(/data/curator/appointed_by)/date) <= n:days(" + D + ")) or " + mt.REPLACES_CURATOR + ")")


# Programmes that run past 1 June of the year: the analytical справка follows their end, and the
# experience is summed up after it.
# The programmes ending last give the period and the stages of monitoring; one whose dates differ
# is named with its own (reader E, 12: Блинова's programme of 14.09–25.12 within «8 сентября –
# 31 мая», its second stage in June). The stages' dates are the programmes' own
# (n:monitoring-stage1/2, as each programme's plan and the справка give them; reader E, 2).
DATED = ACTIVE + "[programme/start and programme/end]"
LAST_END = "n:max-date(" + DATED + "/programme/end)"
MAIN = DATED + "[programme/end = " + LAST_END + "]"
STAGE1 = "n:monitoring-stage1(n:min-date(" + MAIN + "/programme/start), " + LAST_END + ")"
STAGE2 = "n:monitoring-stage2(" + LAST_END + ")"


def whose(item="."):
    """«программа А.Р. Блиновой», «программа группы наставника В.А. Носковой»."""
    return ("программа {{#if self::pair}}{{n:initials-surname(mentee, 'род')}}{{else}}группы наставника "
            "{{n:initials-surname(mentor, 'род')}}{{/if}}")


def others(where, what):
    """«; программа А.Р. Блиновой — …» for each dated programme `where` selects."""
    return "{{#each " + DATED + "[" + where + "]}}; " + whose() + " — " + what + "{{/each}}"


LATE_END = ENDS + " and n:days(n:max-date(" + ENDS + ")) > n:days(" + nominal("06-01", True) + ")"


# The new edition's row: with the preparatory ones when its order comes by then (a roadmap of the
# as-of date), else where its date falls among the year's events — only in a roadmap dated on or
# after that order: a plan approved in August does not hold a December order it could not know
# (reader of 7.12.2026; the new edition's order stands in the package on its own).
NEW_EDITION_EARLY = "$polozhenie_new and n:days($polozhenie_date) <= n:days(" + PREP_BY + ")"
NEW_EDITION_LATE = ("$polozhenie_new and n:days($polozhenie_date) > n:days(" + PREP_BY + ") and "
                    "n:days($polozhenie_date) <= n:days(" + D + ")")


def new_edition(cond, stage):
    return (cond, stage,
            "Утверждение {{$polozhenie_title_gen}} в новой редакции{{#if " + TK + " and n:days($polozhenie_recorded_date)"
            " < n:days('2025-03-01')}} (приведение в соответствие со статьёй 351.8 Трудового кодекса Российской "
            "Федерации){{/if}}{{#if " + mt.REPLACES_CURATOR + "}}, назначение куратора реализации программ "
            "наставничества из числа заместителей {{n:position(" + ORG + "/head, 'род')}}{{/if}}",
            "{{n:date-long($polozhenie_date)}}", HEAD,
            "Приказ об утверждении Положения в новой редакции")


# The agreements row stands above the order fixing the pairs when they are made by its date (or no
# such order is recorded: the roadmap plans them before it), below it when that order gives them
# its 7 days.
AGREEMENTS_NEEDED = "(" + TK + ") and (" + NO_AGREEMENT + ")"
AGREEMENTS_AFTER = PAIRS_TO_COME + " and not(" + AGREED_BY_ORDER + ")"


def agreements(cond):
    return (cond, "Формирование пар (групп)", if_needed("Заключение с наставниками дополнительных соглашений к трудовым "
            "договорам о выполнении работы по наставничеству и её оплате (статья 351.8 Трудового кодекса Российской "
            "Федерации)"), AGREEMENTS_BY, HEAD, "Дополнительные соглашения")


def rows():
    """(condition or None, stage, event, deadline, responsible, result)."""
    return [
        (POL_TO_COME, "Подготовительный",
         "Разработка и утверждение {{$polozhenie_title_gen}}",
         planned(PREP_BY), HEAD, "Приказ, Положение"),
        new_edition(NEW_EDITION_EARLY, "Подготовительный"),
        ("not(" + CUR_EXISTS + ")", "Подготовительный",
         "Назначение куратора реализации программ наставничества из числа заместителей {{n:position(" + ORG +
         "/head, 'род')}}",
         planned(PREP_BY), HEAD, "Приказ о назначении куратора"),
        (None, "Подготовительный", "Ознакомление педагогических работников, в том числе вновь принятых, с Положением "
         "под подпись", planned(LIST_BY), CURATOR, "Лист ознакомления"),
        (None, "Формирование пар (групп)", "Актуализация сведений о педагогах, которых необходимо включить в "
         "наставническую деятельность в качестве наставляемых (не реже одного раза в год)", planned(LIST_BY),
         CURATOR, "Список наставляемых"),
        ("not(" + PAIRS_DONE + ")", "Формирование пар (групп)",
         if_needed("Получение письменного согласия наставников и наставляемых"), before_pairs(CONSENTS_BY), CURATOR,
         "Согласия участников"),
        agreements(AGREEMENTS_NEEDED + " and not(" + AGREEMENTS_AFTER + ")"),
        ("not(" + PAIRS_DONE + ")", "Формирование пар (групп)",
         if_needed("Закрепление наставнических пар (групп) приказом руководителя"),
         "{{#if " + PAIRS_TO_COME + "}}{{n:date-long(" + PAIRS_TO_COME + "/date)}}{{else}}" + planned(PAIRS_BY) +
         "{{/if}}",
         HEAD, "Приказ о закреплении пар (групп)"),
        agreements(AGREEMENTS_NEEDED + " and " + AGREEMENTS_AFTER),
        (WRITE_ROW, "Реализация",
         # Written after the order that fixes the pairs, as that order bids («разработать … и
         # представить на утверждение в срок до …»): the head approves them then (reader H of
         # 8.12.2026, M1: «the order of 11.01 approves programmes written by 25.01»).
         if_needed("Разработка персонализированных программ наставничества (от 3 месяцев до 1 года) на "
                   "основе выявленных профессиональных затруднений наставляемых{{#if $programmes_with_order}}{{else}} "
                   "и представление их на утверждение руководителю{{/if}}"),
         "{{#if " + DUE_KNOWN + "}}до {{n:date-long($programmes_due)}}{{else}}" + planned(PROGRAMMES_BY) + "{{/if}}",
         "Наставники, " + CURATOR.replace("Куратор", "куратор"),
         "{{#if $programmes_with_order}}Персонализированные программы, утверждённые приказом"
         "{{else}}Персонализированные программы, утверждённые руководителем{{/if}}"),
        (None, "Реализация", if_needed("Реализация персонализированных программ наставничества"),
         "{{#if " + DATED + "}}{{n:date-long(n:min-date(" + MAIN + "/programme/start))}} – "
         "{{n:date-long(" + LAST_END + ")}}" + others("programme/end != " + LAST_END, "{{n:date-long(programme/start)}} – "
                                                     "{{n:date-long(programme/end)}}") +
         "{{else}}{{#if " + STARTS + " and " + ENDS + "}}{{n:date-long(n:min-date(" + STARTS + "))}} – "
         # With no dates recorded, the programmes start the working day after the day they are due
         # (they started on it: «до 25 января» and «25 января – 31 мая»).
         "{{n:date-long(n:max-date(" + ENDS + "))}}{{else}}{{n:date-long(n:if(" + DUE_KNOWN + ", " +
         after("$programmes_due", 1) + ", " + after(PROGRAMMES_BY, 1) + "))}} – {{n:date-long(" +
         nominal("05-31", True) + ")}}{{/if}}{{/if}}",
         "Наставники", "Выполнение мероприятий программ"),
        (None, "Реализация", "Заседания методического объединения (совета) наставников: подбор пар (групп), анализ "
         "затруднений наставляемых, корректировка программ", "не реже одного раза в квартал", CURATOR,
         "Протоколы заседаний"),
        # In the middle of the programmes: above the rows due by the year's end (the rows keep the
        # order of their dates).
        (None, "Мониторинг", "Мониторинг процесса реализации персонализированных программ (первый этап)",
         "{{#if " + DATED + "}}до {{n:date-long(" + STAGE1 + ")}}" +
         others("n:monitoring-stage1(programme/start, programme/end) != " + STAGE1,
                "до {{n:date-long(n:monitoring-stage1(programme/start, programme/end))}}") +
         "{{else}}в середине срока каждой программы{{/if}}", CURATOR, "Результаты мониторинга"),
        new_edition(NEW_EDITION_LATE, "Развитие наставничества"),
        (None, "Развитие наставничества", "Повышение квалификации наставников по вопросам наставничества{{#if " + ORG +
         "/region = 'Алтайский край'}} (КАУ ДПО «Алтайский институт развития образования имени Адриана Митрофановича "
         "Топорова», ЦНППМ Алтайского края){{/if}}", "в течение учебного года", CURATOR,
         "Документы о повышении квалификации"),
        (None, "Развитие наставничества", "Поощрение наставников: участие в конкурсах профессионального мастерства, "
         "представление лучших наставников к награждению нагрудным знаком «Почётный наставник», знаком отличия «За "
         "наставничество»", by(nominal("05-31", True)), HEAD, "Приказ о поощрении, представления"),
        (None, "Мониторинг", "Мониторинг влияния программ на всех участников (второй этап); аналитическая справка",
         "{{#if " + DATED + "}}до {{n:date-long(" + STAGE2 + ")}}" +
         others("n:monitoring-stage2(programme/end) != " + STAGE2, "до {{n:date-long(n:monitoring-stage2(programme/end))}}") +
         "{{else}}{{#if " + LATE_END + "}}до "
         "{{n:date-long(" + after("n:max-date(" + ENDS + ")", 14) + ")}}{{else}}" + by(nominal("06-15", True)) +
         "{{/if}}{{/if}}",
         CURATOR, "Аналитическая справка"),
        (None, "Обобщение опыта", "Обобщение и распространение опыта наставничества, обновление раздела "
         "«Наставничество» на официальном сайте", "{{#if " + LATE_END + "}}до {{n:date-long(" +
         after("n:max-date(" + ENDS + ")", 21) + ")}}{{else}}" + by(nominal("06-30", True)) + "{{/if}}", CURATOR,
         "Материалы на сайте"),
    ]


def unbroken_dates(text):
    """A date of the table is never broken across lines, nor a range before its dash, nor «до» from
    its date (review 2026-12-07: «25 января 2027 г. – 31 / мая 2027 г.»); a range may break after
    the dash. The column «Срок» holds «до 25 сентября 2027 г.» on one line."""
    text = re.sub(r"\{\{n:date-long\((.*?)\)\}\}", r"{{n:nobreak(n:date-long(\1))}}", text)
    return text.replace(" г.", "\u00a0г.").replace("}} – {{", "}}\u00a0– {{").replace("до {{", "до\u00a0{{")


def dorozhnaya_karta(path):
    doc = mt.new_document()
    sec = doc.sections[0]
    sec.orientation = WD_ORIENT.LANDSCAPE
    sec.page_width, sec.page_height = Mm(297), Mm(210)
    para(doc, "{{" + ORG + "/full_name}}", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False, after=12)
    # Гриф: the order that approved the recorded roadmap (approved_by), else the head's signature.
    APPROVED = ROADMAP + "/approved_by"
    t = borderless_table(doc, 2, (160, 95))
    right = t.rows[0].cells[1]
    cell_para(right, "{{#if " + APPROVED + "}}", size=12)
    cell_para(right, "УТВЕРЖДЕНА", size=12)
    cell_para(right, "приказом " + mt.SHORT_NOBREAK, size=12)
    cell_para(right, "от {{n:date($approved_date)}} № {{$approved_number}}", size=12)
    cell_para(right, "{{else}}", size=12)
    cell_para(right, "УТВЕРЖДАЮ", size=12)
    cell_para(right, "{{n:capitalize(n:person(" + ORG + "/head)/position)}} " + mt.SHORT_NOBREAK, size=12)
    cell_para(right, mt.BLANK_SIGNATURE + " {{n:initials-surname(" + ORG + "/head)}}", size=12)
    # A new roadmap is approved on its own date, from which its deadlines count; the справка asks it
    # so («утвердить 07.12.2026 … план мероприятий»: reader D, M4 — «в срок до 11.01.2027» for a plan
    # whose rows fell due from 21.12.2026).
    cell_para(right, "{{n:date-quoted($order_date)}}", size=12)
    cell_para(right, "{{/if}}", size=12)
    # One title for every organisation, naming the Положение as the organisation titles it
    # ($polozhenie_title_gen): a recorded title «План мероприятий (дорожная карта) по реализации
    # Положения на 2026/2027 учебный год» said neither which Положение nor where, and disagreed
    # with the гриф «УТВЕРЖДЕНА» (review 2026-12-07). The act's kind is «дорожная карта»: the
    # title names it first, and the гриф agrees with it. The short name is not broken («МБОУ /
    # «СОШ № 42»»): _bound.
    para(doc, "ДОРОЖНАЯ КАРТА", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False, before=12)
    para(doc, "(план мероприятий) по реализации {{$polozhenie_title_gen_bound}} на {{" + Y + "}}/{{" + Y1 + "}} учебный год",
         bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False, after=12)
    table_rows = rows()
    table = grid_table(doc, (10, 38, 84, 46, 42, 42), ("№", "Этап", "Мероприятие", "Срок", "Ответственный", "Результат"),
                       rows=len(table_rows))
    before = []  # the conditions of the rows above: a row's number counts those that are kept
    for r, (cond, *values) in enumerate(table_rows, start=1):
        number = "{{" + " + ".join(["1"] + ["number(boolean(" + c + "))" for c in before] +
                                   [str(r - 1 - len(before))]) + "}}"
        cells = [number] + values
        if cond is not None:
            cells[0] = "{{#if " + cond + "}}" + cells[0]
            cells[-1] = cells[-1] + "{{/if}}"
            before.append(cond)
        for i, v in enumerate(cells):
            # Only the events' wide column is hyphenated: the narrow ones hold a few words each
            # («Аналитическая справ-/ка», «Развитие наставни-/чества» read badly) and names.
            fill_cell(table.rows[r].cells[i], [unbroken_dates(v)], hyphenate=i == 2)
        mt.cant_split(table.rows[r])
    mt.save(doc, path)


def main(out):
    dorozhnaya_karta(out + "/dorozhnaya-karta.docx")
