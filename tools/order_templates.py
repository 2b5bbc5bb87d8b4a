"""The organisation's orders: approving the Положение, appointing the curator, fixing the pairs.

ГОСТ Р 7.0.97: the annex is referred to in the text «(приложение)» and carries its own гриф —
no letter-style «Приложение: … в 1 экз.» after the text; every item that asks for an action
names who does it and by when; sub-items are sentences. The people an order charges with
something acknowledge it under the signature. From 01.03.2025 the order fixing the pairs also
orders the supplementary agreements and the pay of ст. 351.8 ТК РФ.
"""
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt

import make_templates as mt
from make_templates import borderless_table, cell_para, fill_cell, grid_table, para

ORG = "/data/organisation"
HEAD = ORG + "/head"
SHORT = mt.SHORT
CUR = "/data/curator/person"
ALTAI = ORG + "/region = 'Алтайский край'"
BARNAUL = ALTAI + " and " + ORG + "/municipality = 'Барнаул'"
BIYSK = ALTAI + " and " + ORG + "/municipality = 'Бийск'"
APPROVAL = "(/data/acts/act[kind = 'приказ об утверждении положения'])[last()]"
# The recorded order fixing this academic year's pairs (one of an earlier year fixed that year's;
# generate's kinds table chooses the same act for $order_date: of_the_year).
PAIRS_ORDER = ("(/data/acts/act[kind = 'приказ о закреплении наставнических пар'][" + mt.plan_year("date") + " >= " +
               mt.plan_year("n:today()") + "])[last()]")
ITEMS = "(/data/pairs/pair | /data/groups/group)"
# The pairs and groups an order dated $order_date fixes: those whose programme had not ended
# before it (a programme of an earlier year is not fixed again; one that ended after the order's
# date is still in it).
NOT_ENDED = "[not(programme/end) or n:days(programme/end) >= n:days($order_date)]"


def tk(date):
    return "n:days(" + date + ") >= n:days('2025-03-01')"


def dated(act):
    """«от 31.08.2022 № 78-од» of a recorded act (a blank line for a number not recorded)."""
    return ("от {{n:date(" + act + "/date)}} № {{#if " + act + "/number}}{{" + act + "/number}}{{else}}" + mt.BLANK_NUMBER + "{{/if}}")


NEW, CITED, COUNCIL_OF_EDITION, UNION_OF_EDITION = mt.NEW, mt.CITED, mt.COUNCIL_OF_EDITION, mt.UNION_OF_EDITION
REPLACES_CURATOR, DEPUTY = mt.REPLACES_CURATOR, mt.DEPUTY
protocol = mt.protocol


def deadline(days):
    """A date `days` after the order's, on a working day: «в срок до 14.09.2026»."""
    return "в срок до {{n:date(n:working-day(n:add-days($order_date, " + str(days) + ")))}}"


def write_by(to_write, after):
    """When the personalised programmes still to be written are due: two weeks after `after` (the
    order fixing the pairs), or by the earliest start among them if that comes first. The pairs
    order and the roadmap both print this date."""
    starts = to_write + "/programme/start"
    return ("n:if(" + starts + " and n:days(n:min-date(" + starts + ")) < n:days(" + after + ") + 14, n:min-date(" +
            starts + "), n:working-day(n:add-days(" + after + ", 14)))")


def june_15():
    """15 June of the academic year the order falls in (the year's аналитическая справка)."""
    return ("15 июня {{n:year($order_date) + number(number(substring($order_date, 6, 2)) >= 7)}}\u00a0г.")


# Acts a preamble cites, titles quoted whole (D11 of the review), in the instrumental case.
ACTS_ALTAI = ("приказом Министерства образования и науки Алтайского края от 24.03.2022 № 404 «Об утверждении "
              "положения о системе наставничества педагогических работников в образовательных организациях Алтайского "
              "края, осуществляющих образовательную деятельность по реализации основных и дополнительных "
              "общеобразовательных программ и образовательных программ среднего профессионального образования»")
ACT_BARNAUL = ("приказом комитета по образованию города Барнаула от 27.07.2022 № 127 «Об утверждении Положения о системе "
               "наставничества педагогических работников в муниципальных образовательных организациях города "
               "Барнаула»")
ACT_BIYSK = ("приказом МКУ «Управление образования Администрации города Бийска» от 25.05.2022 № 701 «Об утверждении "
             "положения о системе наставничества педагогических работников в муниципальных образовательных "
             "учреждениях, осуществляющих образовательную деятельность по реализации основных и дополнительных "
             "общеобразовательных программ»")


def order_header(doc, title):
    """Requisites of an order (ГОСТ Р 7.0.97): the organisation (its short name in brackets),
    the kind, date and number on one line, the place, the heading to the text from the left
    margin, at most half the width."""
    para(doc, "{{" + ORG + "/full_name}}", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False)
    para(doc, "{{#if " + ORG + "/short_name != " + ORG + "/full_name}}({{" + ORG + "/short_name}}){{/if}}", bold=True,
         align=WD_ALIGN_PARAGRAPH.CENTER, indent=False)
    para(doc, "ПРИКАЗ", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False, before=18, after=12, size=16)
    t = borderless_table(doc, 2, (85, 85))
    cell_para(t.rows[0].cells[0], "{{n:date($order_date)}}")
    cell_para(t.rows[0].cells[1], "№ {{$order_number}}", align=WD_ALIGN_PARAGRAPH.RIGHT)
    para(doc, "{{? " + ORG + "/place}}", align=WD_ALIGN_PARAGRAPH.CENTER, indent=False, before=6, after=18)
    p = mt.no_hyphens(para(doc, title, align=WD_ALIGN_PARAGRAPH.LEFT, indent=False, after=18))
    p.paragraph_format.right_indent = Mm(70)


def control(doc, number):
    """The control item, the last of an order: it goes with the signature to the next page
    rather than leave the signature alone there."""
    para(doc, number + ". Контроль за исполнением настоящего приказа оставляю за собой.", keep=True)


def head_signature(doc):
    """The head's position and name; the name level with the last line of the position."""
    sig = borderless_table(doc, 2, (95, 75))
    cell_para(sig.rows[0].cells[0], "{{n:capitalize(n:person(" + HEAD + ")/position)}}")
    cell_para(sig.rows[0].cells[1], "{{n:initials-surname(" + HEAD + ")}}", align=WD_ALIGN_PARAGRAPH.RIGHT)
    mt.bottom_aligned(sig.rows[0].cells[1])
    for c in sig.rows[0].cells:
        c.paragraphs[0].paragraph_format.space_before = Pt(36)
        # The signature keeps with «С приказом ознакомлен(а, ы):» under it (which keeps with its
        # first line): the acknowledgements do not begin a page of their own.
        c.paragraphs[0].paragraph_format.keep_with_next = True


def acknowledgement(doc, people, heading=None):
    """«С приказом ознакомлен(а, ы):» and a line per person (`people`: XPath of staff persons)."""
    para(doc, "{{#if " + people + "}}", size=12)
    para(doc, heading or ("С приказом {{n:if(count(" + people + ") > 1, 'ознакомлены', n:if(" + people +
                          "/gender = 'ж', 'ознакомлена', 'ознакомлен'))}}:"), indent=False, before=18, size=12, keep=True)
    para(doc, "{{#each " + people + "}}", size=12)
    tabbed(para(doc, "{{n:initials-surname(.)}}\t" + mt.BLANK_SIGNATURE + "\t" + mt.BLANK_DATE, indent=False, size=12))
    para(doc, "{{/each}}", size=12)
    para(doc, "{{/if}}", size=12)


def tabbed(p):
    """The name, the line to sign on and the date in columns, whatever the length of the name."""
    from docx.enum.text import WD_TAB_ALIGNMENT
    for at in (50, 95):
        p.paragraph_format.tab_stops.add_tab_stop(Mm(at), WD_TAB_ALIGNMENT.LEFT)
    return p


def executor(person):
    """«Заместителю директора по … И.Л. Афанасьевой» — the dative of whoever `person` names."""
    return ("{{n:capitalize(n:position(" + person + ", 'дат'))}} {{n:initials-surname(" + person + ", 'дат')}}")


# ---------------------------------------------------------------------------------------------
def prikaz(path):
    """Приказ об утверждении Положения."""
    doc = mt.new_document()
    # The curator is appointed here unless the data records a separate order for it (then
    # `generate` writes that order, prikaz-o-naznachenii-kuratora, and one appointment is enough).
    # A new edition of the Положение does not appoint again a curator appointed by a recorded order.
    # A new edition appoints the first deputy in place of a curator who is not one (REPLACES_CURATOR).
    APPOINTS = ("(" + CUR + " and not(id(/data/curator/appointed_by)/kind = 'приказ о назначении куратора') and not(" +
                NEW + " and id(/data/curator/appointed_by)) or " + REPLACES_CURATOR + ")")
    APPOINTEE = "n:if(" + REPLACES_CURATOR + ", " + DEPUTY + ", " + CUR + ")"
    # Who acquaints the staff and posts the Положение: the curator if there is one on the order's
    # date (appointed by it or before it), else the first deputy; with neither, the head does it.
    # A curator who is not a deputy where deputies there are was appointed against the Положение
    # (FED-CUR-02; the справка of the same day says so): the deputy does it (reader D of
    # 7.12.2026, M5: Ласточка's старший воспитатель).
    CUR_THEN = ("(" + CUR + " and (" + APPOINTS + " or not(id(/data/curator/appointed_by)/date) or "
                "n:days(id(/data/curator/appointed_by)/date) <= n:days($order_date)) and (" + CUR + " = " + ORG +
                "/deputies/deputy or not(" + ORG + "/deputies/deputy)))")
    WHO = "n:if(" + CUR_THEN + ", " + CUR + ", " + ORG + "/deputies/deputy[1])"
    HAS_WHO = "(" + CUR_THEN + " or " + ORG + "/deputies/deputy)"
    # The roadmap the recorded order approved; a new edition's order approves none (that roadmap
    # planned the year of the recorded edition).
    RM = "not(" + NEW + ") and " + mt.approves_roadmap("приказ об утверждении положения")
    # The heading names all the order approves: the roadmap too when it does (review 2026-12-06, 9).
    order_header(doc, "{{#if " + NEW + "}}Об утверждении {{$polozhenie_title_gen}} в новой редакции{{else}}"
                      "{{#if " + APPROVAL + "/title}}{{" + APPROVAL + "/title}}{{else}}Об утверждении "
                      "{{$polozhenie_title_gen}}{{#if " + RM + "}} и дорожной карты (плана мероприятий){{/if}}{{/if}}"
                      "{{/if}}")
    # The Положение of a date from 01.03.2025 implements ст. 351.8 ТК РФ (its §§ 1.2, 6.1, 6.4): the
    # order approving it names the act it implements (reader of 7.12.2026, C4).
    para(doc, "В соответствии с Федеральным законом от 29.12.2012 № 273-ФЗ «Об образовании в Российской Федерации», "
              "{{#if " + tk("$order_date") + "}}Трудовым кодексом Российской Федерации (статья\u00a0351.8), {{/if}}"
              "распоряжением Правительства Российской Федерации от 31.12.2019 № 3273-р «Об утверждении основных "
              "принципов национальной системы профессионального роста педагогических работников Российской Федерации, "
              "включая национальную систему учительского роста», методическими рекомендациями по разработке и "
              "внедрению системы (целевой модели) наставничества педагогических работников в образовательных "
              "организациях (письмо Минпросвещения России от 21.12.2021 № АЗ-1128/08)"
              "{{#if " + ALTAI + "}}, " + ACTS_ALTAI + "{{/if}}{{#if " + BARNAUL + "}}, " + ACT_BARNAUL + "{{/if}}"
              "{{#if " + BIYSK + "}}, " + ACT_BIYSK + "{{/if}}"
              "{{#if /data/pedagogical_council}}, на основании решения педагогического совета (" +
              protocol("/data/pedagogical_council", COUNCIL_OF_EDITION) + "){{/if}}"
              "{{#if /data/trade_union_opinion}}, с учётом мнения первичной профсоюзной организации (" +
              protocol("/data/trade_union_opinion", UNION_OF_EDITION) + "){{/if}}")
    para(doc, "ПРИКАЗЫВАЮ:", indent=False, before=6, after=6)

    # What the organisation signed under the repealed edition and still runs: this academic year's
    # roadmap, the programmes of pairs (groups) not ended, their consents and agreements. They stay
    # in force until their terms end (reader E of 7.12.2026, 4: «must the agreements be redone?»).
    RUNNING = ITEMS + NOT_ENDED
    BEFORE = "[not(@nil = 'true')][n:days(.) < n:days($order_date)]"
    THIS_ROADMAP = ("(/data/acts/act[kind = 'дорожная карта'][" + mt.plan_year("date") + " = " +
                    mt.plan_year("$order_date") + "][n:days(date) < n:days($order_date)])[last()]")
    KEPT = [
        ("id(" + THIS_ROADMAP + "/approved_by)",
         "дорожная карта (план мероприятий) на " + mt.roadmap_year(THIS_ROADMAP + "/date") + " учебный год, "
         "утверждённая приказом " + dated("id(" + THIS_ROADMAP + "/approved_by)")),
        (RUNNING + "/programme/start" + BEFORE + " or id(" + RUNNING + "/programme/approved_by)/date" + BEFORE,
         "персонализированные программы наставничества"),
        ("/data/mentors/mentor[person = " + RUNNING + "/mentor]/consent_date" + BEFORE + " or (" + RUNNING +
         "/mentee_consent_date | " + RUNNING + "/mentee_consents/consent/date)" + BEFORE,
         "письменные согласия наставников и наставляемых"),
        ("/data/mentors/mentor[person = " + RUNNING + "/mentor]/labour_agreement[not(@nil = 'true')]/date" + BEFORE,
         "дополнительные соглашения к трудовым договорам о выполнении работы по наставничеству"),
    ]
    KEEPS = "(" + NEW + " and (" + " or ".join(c for c, _ in KEPT) + "))"

    def n(k):
        """Item k after the optional ones (the roadmap, the curator, the repeal of the recorded
        edition, the documents that stay in force)."""
        return ("{{" + str(k) + " + number(" + RM + ") + number(" + APPOINTS + ") + number(boolean(" + NEW +
                ")) + number(boolean(" + KEEPS + "))}}")
    EDITION = "{{#if " + NEW + "}} в новой редакции{{/if}}"
    para(doc, "1. Утвердить {{$polozhenie_title}}" + EDITION + " (приложение{{#if " + RM + "}} 1{{/if}}).")
    para(doc, "{{#if " + RM + "}}")
    para(doc, "2. Утвердить " + mt.ROADMAP_TITLE + " (приложение 2).")
    para(doc, "{{/if}}")
    para(doc, "{{#if " + APPOINTS + "}}")
    para(doc, "{{2 + number(" + RM + ")}}. Назначить куратором реализации программ наставничества "
              "{{n:position(" + APPOINTEE + ", 'вин')}} {{n:full-name(" + APPOINTEE + ", 'вин')}}.")
    para(doc, "{{/if}}")
    para(doc, "{{2 + number(" + RM + ") + number(" + APPOINTS + ")}}. Ввести Положение" + EDITION +
              " в действие с {{n:date($order_date)}}.")
    # The recorded edition, repealed from the day the new one comes into force.
    para(doc, "{{#if " + NEW + "}}")
    # Under the title it was approved with (acts[].title), not ours with the organisation's name
    # added (reader of 7.12.2026, A17).
    OLD = "(/data/acts/act[kind = 'положение о наставничестве'])[last()]/title"
    OLD_EDITION = ("{{#if " + OLD + "}}{{" + OLD + "}}{{else}}{{$polozhenie_title}}{{/if}}, утверждённое приказом от "
                   "{{n:date($polozhenie_recorded_date)}}{{#if $polozhenie_recorded_number}} № "
                   "{{$polozhenie_recorded_number}}{{/if}}")
    # With it, what implemented it and is not kept in force (reader G of 7.12.2026, 3 and 8): a
    # roadmap of an earlier academic year that names no year of its own, and the order appointing
    # a curator whom this order replaces.
    OLD_ROADMAP = ("(/data/acts/act[kind = 'дорожная карта'][" + mt.plan_year("date") + " < " +
                   mt.plan_year("$order_date") + "][id(approved_by)/date][not(contains(title, 'учебный год'))])[last()]")
    OLD_CURATOR = "id(/data/curator/appointed_by)[kind = 'приказ о назначении куратора']"
    MORE = "(" + OLD_ROADMAP + " or " + REPLACES_CURATOR + " and " + OLD_CURATOR + ")"
    para(doc, "{{#if " + MORE + "}}")
    para(doc, "{{3 + number(" + RM + ") + number(" + APPOINTS + ")}}. Признать утратившими силу с {{n:date($order_date)}}:",
         keep=True)
    para(doc, "— " + OLD_EDITION + ";")
    para(doc, "{{#if " + OLD_ROADMAP + "}}")
    para(doc, "— план мероприятий (дорожную карту) по реализации указанного Положения, утверждённый приказом " +
         dated("id(" + OLD_ROADMAP + "/approved_by)") + "{{n:if(" + REPLACES_CURATOR + " and " + OLD_CURATOR +
         ", ';', '.')}}")
    para(doc, "{{/if}}")
    para(doc, "{{#if " + REPLACES_CURATOR + " and " + OLD_CURATOR + "}}")
    para(doc, "— приказ " + dated(OLD_CURATOR) + "{{#if " + OLD_CURATOR + "/title}} «{{" + OLD_CURATOR + "/title}}»"
              "{{else}} о назначении куратора реализации программ наставничества{{/if}}.")
    para(doc, "{{/if}}")
    para(doc, "{{else}}")
    para(doc, "{{3 + number(" + RM + ") + number(" + APPOINTS + ")}}. Признать утратившим силу с {{n:date($order_date)}} " +
         OLD_EDITION + ".")
    para(doc, "{{/if}}")
    para(doc, "{{/if}}")
    para(doc, "{{#if " + KEEPS + "}}")
    para(doc, "{{4 + number(" + RM + ") + number(" + APPOINTS + ")}}. Установить, что документы, оформленные в "
              "соответствии с Положением, утверждённым приказом от {{n:date($polozhenie_recorded_date)}}{{#if "
              "$polozhenie_recorded_number}} № {{$polozhenie_recorded_number}}{{/if}}, действуют до окончания "
              "их сроков:", keep=True)
    for k, (cond, what) in enumerate(KEPT):
        later = [c for c, _ in KEPT[k + 1:]]
        end = ("{{n:if(" + " or ".join(later) + ", ';', '.')}}") if later else "."
        para(doc, "{{#if " + cond + "}}")
        para(doc, "— " + what + end)
        para(doc, "{{/if}}")
    para(doc, "{{/if}}")
    # One item, one paragraph, the name first: a lead-in «3. Заместителю директора по
    # учебно-воспитательной работе К.Ю. Медведевой:» on a line of its own was justified over two
    # lines, its first stretched — the name, bound to its initials, did not fit after the position
    # (review 2026-12-07).
    # The site is the organisation's official one (ст. 29 № 273-ФЗ): its address, which LibreOffice
    # would break at its hyphen at the end of a line, is not repeated in running text (reader C of
    # 7.12.2026, C11; the same in the curator's order).
    para(doc, n(3) + ". {{#if " + HAS_WHO + "}}{{n:initials-surname(" + WHO + ", 'дат')}}, {{n:position(" + WHO +
              ", 'дат')}}, ознакомить{{else}}Ознакомить{{/if}} "
              "педагогических работников с Положением" + EDITION + " под подпись " + deadline(14) + ", разместить "
              "Положение" + EDITION + " на официальном сайте образовательной организации в течение 10 рабочих дней со дня "
              "подписания настоящего приказа.")
    control(doc, n(4))
    head_signature(doc)
    para(doc, "{{#if " + HAS_WHO + "}}", size=12)
    acknowledgement(doc, "n:person(" + WHO + ")")
    para(doc, "{{/if}}", size=12)
    mt.save(doc, path)


# ---------------------------------------------------------------------------------------------
def prikaz_kurator(path):
    """Приказ о назначении куратора, with the curator's duties, each with its deadline."""
    doc = mt.new_document()
    RM = mt.approves_roadmap("приказ о назначении куратора")
    order_header(doc, "О назначении куратора реализации программ наставничества педагогических работников{{#if " + RM +
                      "}} и об утверждении дорожной карты (плана мероприятий){{/if}}")
    para(doc, "В соответствии с {{$polozhenie_cited_ins}}" + CITED + ", в целях организационно-методического "
              "сопровождения реализации "
              "персонализированных программ наставничества")
    para(doc, "ПРИКАЗЫВАЮ:", indent=False, before=6, after=6)
    para(doc, "{{#if " + CUR + "}}")
    para(doc, "1. Назначить куратором реализации программ наставничества педагогических работников "
              "{{n:position(" + CUR + ", 'вин')}} {{n:full-name(" + CUR + ", 'вин')}}.")
    # A lead-in that ends its paragraph is not justified: broken over two lines (a long name), its
    # first line would be stretched (review 2026-12-07).
    para(doc, "2. Куратору реализации программ наставничества {{n:initials-surname(" + CUR + ", 'дат')}}:",
         align=WD_ALIGN_PARAGRAPH.LEFT)
    para(doc, "{{else}}")
    para(doc, "1. Назначить куратором реализации программ наставничества педагогических работников "
              "______________________________________________.")
    para(doc, "2. Куратору реализации программ наставничества:", align=WD_ALIGN_PARAGRAPH.LEFT)
    para(doc, "{{/if}}")
    for i, duty in enumerate((
        # Dated as the roadmap the order approves (reader D, L6: «не позднее 15 сентября» and a draft
        # «до 09.09.2026» against the roadmap's «до 8 сентября» and the pairs order of 08.09.2026).
        "Ежегодно, до закрепления наставнических пар (групп) на учебный год, актуализировать сведения о "
        "педагогических работниках, которых необходимо включить в наставническую деятельность в качестве наставляемых.",
        "Организовать подбор наставников и получение письменного согласия наставников и наставляемых, подготовить "
        "проект приказа о закреплении наставнических пар (групп) {{#if " + PAIRS_ORDER + "[n:days(date) >= "
        "n:days($order_date) and n:days(date) < n:days(n:working-day(n:add-days($order_date, 14)))]}}в срок до "
        "{{n:date(" + PAIRS_ORDER + "/date)}}{{else}}" + deadline(14) + "{{/if}}.",
        # Developed before it is carried out: «в течение месяца со дня издания приказа» left a
        # programme that starts with that order to be written after it began (reader of 7.12.2026, A5).
        "Организовать разработку персонализированных программ наставничества (от 3 месяцев до 1 года) до начала их "
        "реализации, в течение их срока контролировать их реализацию.",
        "Проводить мониторинг реализации программ наставничества в два этапа (в ходе реализации программ и по их "
        "завершении) и по итогам учебного года, не позднее 15 июня, представлять аналитическую справку.",
        "Обеспечивать наполнение раздела «Наставничество» на официальном сайте образовательной организации "
        "и обновлять размещённые сведения в течение "
        "10 рабочих дней после их изменения.",
    ), start=1):
        para(doc, "2." + str(i) + ". " + duty)
    para(doc, "{{#if " + RM + "}}")
    para(doc, "3. Утвердить " + mt.ROADMAP_TITLE + " (приложение).")
    para(doc, "{{/if}}")
    control(doc, "{{3 + number(" + RM + ")}}")
    head_signature(doc)
    para(doc, "{{#if " + CUR + "}}", size=12)
    acknowledgement(doc, "n:person(" + CUR + ")")
    para(doc, "{{else}}", size=12)
    para(doc, "С приказом ознакомлен(а):", indent=False, before=18, size=12)
    tabbed(para(doc, "________________\t" + mt.BLANK_SIGNATURE + "\t" + mt.BLANK_DATE, indent=False, size=12))
    para(doc, "{{/if}}", size=12)
    mt.save(doc, path)


# ---------------------------------------------------------------------------------------------
def pay(agreement):
    """The mentor's pay as the agreement records it: «3000 рублей в месяц», «10 % должностного
    оклада»."""
    P = agreement + "/pay"
    return ("{{#if " + P + "/amount}}{{n:plural(" + P + "/amount, 'рубль', 'рубля', 'рублей')}}{{#if " + P +
            "/period}} в {{" + P + "/period}}{{/if}}{{else}}{{" + P + "/percent}}\u00a0%{{#if " + P + "/base}} {{" + P +
            "/base}}{{/if}}{{/if}}")


# Who prepares the supplementary agreements and acquaints the mentors with the orders on their pay:
# the personnel officer, else the curator, else the first deputy; with none of them recorded, the
# head's office (the item names no one).
HR = ("n:if(" + ORG + "/personnel_officer, " + ORG + "/personnel_officer, n:if(" + CUR + ", " + CUR + ", " + ORG +
      "/deputies/deputy[1]))")
HAS_HR = "(" + ORG + "/personnel_officer or " + CUR + " or " + ORG + "/deputies/deputy)"


def numbered(*optional):
    """The number of an item after the optional ones (XPath conditions; True: always there) above it."""
    return "{{" + " + ".join([str(1 + sum(1 for o in optional if o is True))] +
                             ["number(boolean(" + o + "))" for o in optional if o is not True]) + "}}"


class PairsOrder:
    """What the order fixing the pairs dated `date` (XPath of an ISO date) lists and which of its
    optional items it has, as prikaz_pary draws it: the order amending a recorded one finds its
    item on the pay by the same conditions (prikaz_pary_izmeneniya)."""

    def __init__(self, date):
        not_ended = "[not(programme/end) or n:days(programme/end) >= n:days(" + date + ")]"
        self.TK = tk(date)
        self.ITEMS = "(/data/pairs/pair" + not_ended + " | /data/groups/group" + not_ended + ")"
        self.MENTOR_RECORDS = "/data/mentors/mentor[person = " + self.ITEMS + "/mentor]"
        # The order that appointed the mentors, when the data record one (not this order itself).
        self.APPOINTING = ("(/data/acts/act[kind = 'приказ о назначении наставников' and @id = " +
                           self.MENTOR_RECORDS + "/appointed_by])[last()]")
        self.APPOINTS = "not(" + self.APPOINTING + ")"
        # Programmes recorded as approved by this order (programme/approved_by), and all those no
        # other act approves, not started before it, when one of them starts on the order's date
        # ($programmes_with_order: written before the order, docs/ru/polozhenie.md): the order
        # approves them, «(приложения)»; each carries the гриф «УТВЕРЖДЕНА приказом …».
        self.APPROVED = (self.ITEMS + "[programme/approved_by = " + PAIRS_ORDER + "/@id or ($programmes_with_order and "
                         "not(id(programme/approved_by)) and not(programme/start and n:days(programme/start) < n:days(" +
                         date + ")))]")
        self.TO_WRITE = self.ITEMS + "[not(programme/start) or n:days(programme/start) > n:days(" + date + ")]"
        self.PROG = "(" + self.APPROVED + " or " + self.TO_WRITE + ")"
        # Agreements still to be made: mentors without one recorded by the order's date.
        self.TO_MAKE = (self.MENTOR_RECORDS + "[not(labour_agreement/date) or n:days(labour_agreement/date) > n:days(" +
                        date + ")]")
        self.MAKE = "(" + self.TK + " and " + self.TO_MAKE + ")"
        # The item setting the mentors' pay (from 01.03.2025).
        self.PAY_ITEM = numbered(self.APPOINTS, True, self.PROG, self.MAKE)


def prikaz_pary(path):
    """Приказ о закреплении наставнических пар (групп): appoints the mentors unless a recorded
    order did, fixes a table row per pair and group, the programmes, and from 01.03.2025 the
    supplementary agreements and the pay (ст. 351.8 ТК РФ)."""
    doc = mt.new_document()
    o = PairsOrder("$order_date")
    TK, ITEMS, MENTOR_RECORDS, APPOINTING, APPOINTS = o.TK, o.ITEMS, o.MENTOR_RECORDS, o.APPOINTING, o.APPOINTS
    MENTORS = "/data/staff/person[@id = " + ITEMS + "/mentor]"
    AGREEMENTS = MENTOR_RECORDS + "[labour_agreement/pay[amount or percent]]"
    order_header(doc, "О закреплении наставнических пар (групп)")
    para(doc, "В соответствии с {{$polozhenie_cited_ins}}" + CITED + "{{#if " + APPOINTING + "}}, приказом " + dated(APPOINTING) + "{{#if " +
              APPOINTING + "/title}} «{{" + APPOINTING + "/title}}»{{else}} о назначении наставников{{/if}}{{/if}}"
              "{{#if " + TK + "}}, статьёй 351.8 Трудового кодекса Российской Федерации{{/if}}, на основании "
              "письменного согласия наставников на {{#if " + TK + "}}выполнение работы по наставничеству{{else}}"
              "возложение на них дополнительных обязанностей, связанных с наставнической деятельностью{{/if}} и "
              "письменного согласия наставляемых на участие в персонализированных программах наставничества")
    para(doc, "ПРИКАЗЫВАЮ:", indent=False, before=6, after=6)

    TO_MAKE, MAKE = o.TO_MAKE, o.MAKE
    n = numbered
    para(doc, "{{#if " + APPOINTS + "}}")
    para(doc, "1. Назначить наставниками с их письменного согласия:", keep=True)
    para(doc, "{{#each " + MENTORS + "}}")
    para(doc, "— {{n:position(., 'вин')}} {{n:full-name(., 'вин')}}{{#if position() = last()}}.{{else}};{{/if}}")
    para(doc, "{{/each}}")
    para(doc, "{{/if}}")
    para(doc, n(APPOINTS) + ". Закрепить наставнические пары (группы) и установить сроки персонализированных программ "
              "наставничества согласно таблице:", keep=True)
    table = grid_table(doc, (10, 48, 52, 35, 25),
                       ("№", "Наставник", "Наставляемый (наставляемые)", "Форма наставничества", "Срок программы"))
    texts = ("{{#each " + ITEMS + "}}{{count((preceding::pair | preceding::group)" + NOT_ENDED + ") + 1}}",
             "{{n:full-name(mentor)}}, {{n:position(mentor)}}",
             None,  # one paragraph per mentee, below
             mt.quoted_form("form"),
             "{{#if programme/start and programme/end}}{{n:date(programme/start)}} – {{n:date(programme/end)}}"
             "{{else}}не установлен{{/if}}{{/each}}")
    for k, (c, text_) in enumerate(zip(table.rows[1].cells, texts)):
        fill_cell(c, [text_] if text_ is not None else [
            "{{#each mentee | mentees/mentee}}", "{{n:full-name(.)}}, {{n:position(.)}}", "{{/each}}"],
            hyphenate=k not in (1, 2, 3))  # names and forms («педагог – педагог») are not broken
    APPROVED, TO_WRITE, PROG = o.APPROVED, o.TO_WRITE, o.PROG
    para(doc, "{{#if " + APPROVED + "}}", before=6)
    para(doc, n(APPOINTS, True) + ". Утвердить {{n:if(count(" + APPROVED + ") > 1, 'персонализированные программы', "
              "'персонализированную программу')}} наставничества {{#each " + APPROVED + "}}{{#if self::pair}}"
              "{{n:initials-surname(mentee, 'род')}}{{else}}группы наставника {{n:initials-surname(mentor, 'род')}}"
              "{{/if}}{{#if position() = last()}}{{else}}, {{/if}}{{/each}} ({{n:if(count(" + APPROVED + ") > 1, "
              "'приложения', 'приложение')}}).", before=6)
    para(doc, "{{else}}")
    # The programmes still to be written: those of pairs (groups) that start after this order.
    # Due by $programmes_due — the working day before the first of them starts, at most two weeks
    # after the order — the date the roadmap and each programme give.
    para(doc, "{{#if " + TO_WRITE + "}}")
    ALL = "count(" + TO_WRITE + ") = count(" + ITEMS + ")"
    ONE = "count(" + TO_WRITE + ") = 1"
    ONE_PAIR = "(" + ONE + " and " + TO_WRITE + "[self::pair])"
    SHE = "n:person(" + TO_WRITE + "/mentee)/gender = 'ж'"
    para(doc, n(APPOINTS, True) + ". {{#if " + ALL + " and not(" + ONE + ")}}Наставникам совместно с наставляемыми "
              "разработать персонализированные программы наставничества{{else}}{{n:if(" + ONE + ", concat('Наставнику ', "
              "n:initials-surname(" + TO_WRITE + "/mentor, 'дат')), 'Наставникам')}} совместно с {{n:if(" + ONE_PAIR + ", n:if(" + SHE + ", 'наставляемой', 'наставляемым'), "
              "'наставляемыми')}} разработать {{n:if(" + ONE + ", 'персонализированную "
              "программу', 'персонализированные программы')}} наставничества {{#each " + TO_WRITE + "}}{{#if "
              "self::pair}}{{n:initials-surname(mentee, 'род')}}{{else}}группы наставника {{n:initials-surname(mentor, "
              "'род')}}{{/if}}{{#if position() = last()}}{{else}}, {{/if}}{{/each}}{{/if}} на основе выявленных "
              "профессиональных затруднений {{n:if(" + ONE_PAIR + ", n:if(" + SHE + ", 'наставляемой', 'наставляемого'), "
              "'наставляемых')}} и представить {{n:if(" + ONE + ", 'её', 'их')}} на "
              "утверждение в срок до {{n:date($programmes_due)}}.", before=6)
    para(doc, "{{/if}}")
    para(doc, "{{/if}}")
    # ст. 351.8 ТК РФ: the agreements not yet made, and the pay.
    # «с наставниками» — and who they are when only some still need an agreement.
    ONE = "count(" + TO_MAKE + ") = 1"
    WITH = ("{{#if " + ONE + " or count(" + TO_MAKE + ") < count(" + MENTOR_RECORDS + ")}} с {{n:if(" + ONE + ", "
            "'наставником', 'наставниками')}} {{#each " + TO_MAKE + "}}{{n:initials-surname(person, 'твор')}}"
            "{{#if position() = last()}}{{else}}, {{/if}}{{/each}}{{else}} с наставниками{{/if}}")
    AGREEMENT = ("{{n:if(" + ONE + ", 'дополнительное соглашение к трудовому договору', 'дополнительные соглашения к "
                 "трудовым договорам')}}")
    para(doc, "{{#if " + MAKE + "}}")
    para(doc, "{{#if " + HAS_HR + "}}")
    para(doc, n(APPOINTS, True, PROG) + ". " + executor(HR) + " " + deadline(7) + " подготовить " + AGREEMENT + WITH +
              " о выполнении работы по наставничеству с указанием её содержания, срока, формы и размера оплаты и "
              "представить {{n:if(" + ONE + ", 'его', 'их')}} на подпись.")
    para(doc, "{{else}}")
    para(doc, n(APPOINTS, True, PROG) + ". Заключить " + deadline(7) + " " + AGREEMENT + WITH + " о выполнении работы по наставничеству с указанием её содержания, срока, формы и "
              "размера оплаты.")
    para(doc, "{{/if}}")
    para(doc, "{{/if}}")
    para(doc, "{{#if " + TK + "}}")
    para(doc, o.PAY_ITEM + ". Установить наставникам на срок реализации персонализированных "
              "программ наставничества выплату за выполнение работы по наставничеству в размере и на условиях, "
              "определённых дополнительными соглашениями к трудовым договорам{{#if " + AGREEMENTS + "}}:{{else}}."
              "{{/if}}", keep=True)
    para(doc, "{{#each " + AGREEMENTS + "}}")
    para(doc, "— {{n:initials-surname(person, 'дат')}} — " + pay("labour_agreement") + "{{#if labour_agreement/date and "
              "n:days(labour_agreement/date) <= n:days($order_date)}} (дополнительное соглашение от "
              "{{n:date(labour_agreement/date)}}{{#if labour_agreement/number}} № {{labour_agreement/number}}{{/if}})"
              "{{/if}}{{#if position() = last()}}.{{else}};{{/if}}")
    para(doc, "{{/each}}")
    # Who pays, and when: every item that orders an action names its executor and term (reader
    # of 7.12.2026, A9). The data record no accountant: the position, as orders name it.
    para(doc, n(APPOINTS, True, PROG, MAKE, TK) + ". Главному бухгалтеру производить выплату, установленную пунктом " +
              o.PAY_ITEM + " настоящего приказа, ежемесячно в сроки выплаты заработной платы в "
              "течение срока персонализированной программы наставничества каждого наставника.")
    para(doc, "{{/if}}")
    para(doc, "{{#if " + CUR + "}}")
    para(doc, n(APPOINTS, True, PROG, MAKE, TK, TK) + ". Куратору реализации программ наставничества "
              "{{n:initials-surname(" + CUR + ", 'дат')}} обеспечить организационно-методическое сопровождение и "
              "мониторинг реализации персонализированных программ наставничества в сроки, установленные дорожной "
              "картой, итоги мониторинга представить в аналитической справке не позднее " + june_15())
    para(doc, "{{/if}}")
    control(doc, n(APPOINTS, True, PROG, MAKE, TK, TK, CUR))
    head_signature(doc)
    # Everyone the order names: mentors, mentees, the curator and whoever prepares the agreements.
    NAMED = ("/data/staff/person[@id = " + ITEMS + "/mentor or @id = " + ITEMS + "/mentee or @id = " + ITEMS +
             "/mentees/mentee or @id = " + CUR + " or (" + TK + " and " + HAS_HR + " and @id = " + HR + " and " +
             TO_MAKE + ")]")
    # In the order of the text (reader E of 7.12.2026, 7: the staff list's order is none a reader
    # can follow): the curator, then each row of the table — its mentor unless named above, its
    # mentees — then whoever prepares the agreements, unless named above.
    para(doc, "{{#if " + NAMED + "}}", size=12)
    para(doc, "С приказом ознакомлены:", indent=False, before=18, size=12, keep=True)
    line = "{{n:initials-surname(.)}}\t" + mt.BLANK_SIGNATURE + "\t" + mt.BLANK_DATE
    EARLIER = "(n:current()/preceding::pair | n:current()/preceding::group)" + NOT_ENDED
    ABOVE = "(" + CUR + " | " + EARLIER + "/mentor)"
    for each in ("/data/staff/person[@id = " + CUR + "]", "{{#each " + ITEMS + "}}",
                 "n:person(mentor)[not(@id = " + ABOVE + ")]", "(mentee | mentees/mentee)[not(. = " + EARLIER + "/mentee or . = " + EARLIER + "/mentees/mentee)]", "{{/each}}",
                 "/data/staff/person[@id = " + HR + "][" + TK + " and " + HAS_HR + " and " + TO_MAKE + " and not(@id = " + CUR +
                 " or @id = " + ITEMS + "/mentor or @id = " + ITEMS + "/mentee or @id = " + ITEMS + "/mentees/mentee)]"):
        if each.startswith("{{"):
            para(doc, each, size=12)
            continue
        para(doc, "{{#each " + each + "}}", size=12)
        tabbed(para(doc, line, indent=False, size=12))
        para(doc, "{{/each}}", size=12)
    para(doc, "{{/if}}", size=12)
    mt.save(doc, path)


# ---------------------------------------------------------------------------------------------
def prikaz_pary_izmeneniya(path):
    """Приказ о внесении изменений в приказ о закреплении наставнических пар (групп). This year's
    recorded order, issued before the package, set the pay of the mentors who had an agreement by
    its date (its item on the pay lists them); a mentor of its pairs whose agreement the package
    issues now is not in that item, and without an order naming her the accountant does not pay
    her (reader G of 7.12.2026, 2). This order adds her to the item, as the pairs order words its
    lines. `generate` writes it exactly then: $pay_amended holds those mentors' person ids, found
    once in src/generate/generator.cpp (pay_amended_mentors), which names the order in the
    inventory's line on the recorded one too."""
    doc = mt.new_document()
    ORDER = PAIRS_ORDER
    recorded = PairsOrder(ORDER + "/date")
    MENTORS = "/data/mentors/mentor[contains(concat(' ', $pay_amended, ' '), concat(' ', person, ' '))]"
    ONE = "count(" + MENTORS + ") = 1"
    A = "labour_agreement[not(@nil = 'true')]"

    def listed(case):
        return ("{{#each " + MENTORS + "}}{{n:initials-surname(person, '" + case + "')}}{{#if position() = last()}}"
                "{{else}}{{#if position() = last() - 1}} и {{else}}, {{/if}}{{/if}}{{/each}}")
    # The order amended, as ГОСТ Р 7.0.97 names an act in a heading: date, number and title.
    CITED_ORDER = ("приказ " + dated(ORDER) + " «{{#if " + ORDER + "/title}}{{" + ORDER + "/title}}{{else}}О закреплении "
                   "наставнических пар (групп){{/if}}»")
    order_header(doc, "О внесении изменений в " + CITED_ORDER)
    para(doc, "В соответствии со статьёй\u00a0351.8 Трудового кодекса Российской Федерации, {{$polozhenie_cited_ins}}" +
         CITED + ", на основании {{n:if(" + ONE + ", 'дополнительного соглашения к трудовому договору', 'дополнительных "
         "соглашений к трудовым договорам')}} с {{n:if(" + ONE + ", 'наставником', 'наставниками')}} " + listed("твор") +
         " о выполнении работы по наставничеству")
    para(doc, "ПРИКАЗЫВАЮ:", indent=False, before=6, after=6)
    # The item on the pay as the recorded order numbers it (prikaz_pary, on its own date).
    para(doc, "1. Дополнить пункт " + recorded.PAY_ITEM + " " + CITED_ORDER.replace("приказ ", "приказа ", 1) +
         " {{n:if(" + ONE + ", 'абзацем', 'абзацами')}} следующего содержания:", keep=True)
    # A line as the pairs order writes one; what the data do not record, a blank to fill in when the
    # agreement is signed (it is made before this order).
    para(doc, "{{#each " + MENTORS + "}}")
    para(doc, "{{#if position() = 1}}«{{/if}}— {{n:initials-surname(person, 'дат')}} — {{#if " + A + "/pay[amount or "
              "percent]}}" + pay(A) + "{{else}}______ рублей в месяц{{/if}} (дополнительное соглашение от {{#if " + A +
              "/date}}{{n:date(" + A + "/date)}}{{else}}" + mt.BLANK_DATE + "{{/if}} № {{#if " + A + "/number}}{{" + A +
              "/number}}{{else}}" + mt.BLANK_NUMBER + "{{/if}}){{#if position() = last()}}.».{{else}};{{/if}}")
    para(doc, "{{/each}}")
    # The recorded order pays «в течение срока персонализированной программы»; an agreement made
    # after the programme began runs from its signing (docs/ru/dop-soglashenie.md, «Срок»).
    para(doc, "2. Главному бухгалтеру производить выплату, установленную {{n:if(" + ONE + ", 'абзацем, внесённым', "
              "'абзацами, внесёнными')}} пунктом 1 настоящего приказа, ежемесячно в сроки выплаты заработной платы в "
              "течение срока выполнения работы по наставничеству, установленного {{n:if(" + ONE + ", 'дополнительным "
              "соглашением', 'дополнительными соглашениями')}}.")
    WHOM = "{{n:if(" + ONE + ", 'наставника', 'наставников')}} " + listed("вин") + " и главного бухгалтера"
    para(doc, "{{#if " + HAS_HR + "}}")
    para(doc, "3. " + executor(HR) + " " + deadline(3) + " ознакомить с настоящим приказом под подпись " + WHOM + ".")
    para(doc, "{{else}}")
    para(doc, "3. Ознакомить с настоящим приказом под подпись " + WHOM + " " + deadline(3) + ".")
    para(doc, "{{/if}}")
    control(doc, "4")
    head_signature(doc)
    # In the order of the text: whoever acquaints them (unless one of them), then the mentors.
    EXECUTOR = "/data/staff/person[" + HAS_HR + "][@id = " + HR + "][not(@id = " + MENTORS + "/person)]"
    # The chief accountant item 3 names acknowledges too: by position, the data holding no name
    # (reader H of 8.12.2026, L5).
    para(doc, "С приказом ознакомлены:", indent=False, before=18, size=12, keep=True)
    line = mt.BLANK_SIGNATURE + "\t" + mt.BLANK_DATE
    for each, name in ((EXECUTOR, "{{n:initials-surname(.)}}"), (MENTORS, "{{n:initials-surname(person)}}")):
        para(doc, "{{#each " + each + "}}", size=12)
        tabbed(para(doc, name + "\t" + line, indent=False, size=12))
        para(doc, "{{/each}}", size=12)
    tabbed(para(doc, "Главный бухгалтер\t" + line, indent=False, size=12))
    mt.save(doc, path)


def main(out):
    prikaz(out + "/prikaz-ob-utverzhdenii-polozheniya.docx")
    prikaz_kurator(out + "/prikaz-o-naznachenii-kuratora.docx")
    prikaz_pary(out + "/prikaz-o-zakreplenii-par.docx")
    prikaz_pary_izmeneniya(out + "/prikaz-o-vnesenii-izmeneniy-v-prikaz-o-parah.docx")
