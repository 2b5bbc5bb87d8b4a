#!/usr/bin/env python3
"""Builds the independent evaluation set: cases/*.json (one organisation each), municipalities/*/
(for `batch --check-only`), labels.json and structure.json.

Written from the texts in ../shared/regulations/ and from ТК РФ ст. 351.8 and 152-ФЗ ст. 9, 10.1,
without reading the rulesets or the first evaluation set (README.md says how each act was read).

  python3 bench/eval-independent/make_cases.py
"""
import copy
import json
import shutil
from pathlib import Path

HERE = Path(__file__).resolve().parent

# ---------------------------------------------------------------------------------------------
# Where each clause is (the documents as the texts number them). The scorer judges a citation
# right when its clause is in the document it names: the order itself ("act") or the Положение /
# programme it approves ("annex").
ROMAN_1552 = {"I": 5, "II": 0, "III": 6, "IV": 13, "V": 8}
STRUCTURE = {
    "127": {"act": ["1", "2", "3", "4", "5"],
            "annex": ["1", "1.1", "1.2", "2", "3", "3.1", "3.2", "3.3", "3.4", "4", "4.1", "4.1.1", "4.1.2",
                      "4.1.3", "4.1.4", "4.1.5", "4.2", "4.2.1", "4.3", "4.3.1", "4.3.2", "4.4", "4.4.1",
                      "4.4.2", "5", "5.1", "5.2"]},
    "701": {"act": ["1", "2", "3", "4"],
            "annex": ["1", "1.1", "1.2", "2", "3", "3.1", "3.2", "3.3", "3.4", "4", "4.1", "4.1.1", "4.1.2",
                      "4.1.3", "4.1.4", "4.1.5", "4.2", "4.2.1", "4.3", "4.3.1", "4.3.2", "4.4", "4.4.1",
                      "4.4.2", "5", "5/1", "5/2"]},
    "1552": {"act": ["1", "2", "3"],
             "annex": ["преамбула", "преамбула/3"] + [r for r in ROMAN_1552] +
                      ["%s/%d" % (r, i) for r, n in ROMAN_1552.items() for i in range(1, n + 1)]},
    "397-11-05": {"act": ["1", "2", "3"],
                  "annex": ["1", "1.1", "1.2", "1.3", "1.4", "2", "2.1", "2.2", "2.3", "3", "3.1", "3.2",
                            "3.2.1", "3.2.2", "3.2.3", "3.2.4", "3.2.5", "3.2.6", "3.2.7", "3.2.8", "3.3",
                            "3.3.1", "3.3.2", "3.4", "3.4.1", "3.4.2"]},
    # the model Положение annexed to the letter; the letter itself has no numbered items
    "АЗ-1128/08": {"act": [],
                   "annex": ["1", "1.1", "1.2", "1.3", "1.4", "2", "2.1", "2.2", "2.3", "3", "3.1", "3.2", "3.3",
                             "3.4", "3.5"]},
    "ТК": {"act": ["351.8"] + ["351.8/%d" % i for i in range(1, 5)], "annex": []},
    "152-ФЗ": {"act": ["9", "10.1"] + ["9/%d" % i for i in range(1, 10)] + ["10.1/%d" % i for i in range(1, 16)],
               "annex": []},
}

# ---------------------------------------------------------------------------------------------
# A complete organisation that meets every requirement this set reads in the acts.

POS = {
    "общеобразовательная": ("учитель", ["учитель математики", "учитель русского языка и литературы",
                                        "учитель начальных классов", "учитель истории", "учитель биологии",
                                        "учитель английского языка", "учитель физики", "учитель химии"],
                            "учитель – учитель", "директор", "заместитель директора по учебно-воспитательной работе",
                            "заместитель директора по научно-методической работе"),
    "дошкольная": ("воспитатель", ["воспитатель"] * 8, "воспитатель – воспитатель", "заведующий",
                   "заместитель заведующего по воспитательной и методической работе",
                   "старший воспитатель, заместитель заведующего"),
    "дополнительного образования": ("педагог", ["педагог дополнительного образования"] * 8, "педагог – педагог",
                                    "директор", "заместитель директора по учебно-воспитательной работе",
                                    "заместитель директора по методической работе"),
}

NAMES = [("Соколова", "Наталья", "Викторовна", "ж"), ("Громов", "Андрей", "Петрович", "м"),
         ("Ершова", "Марина", "Олеговна", "ж"), ("Кудрина", "Валентина", "Ивановна", "ж"),
         ("Пастухов", "Сергей", "Николаевич", "м"), ("Лебедева", "Ольга", "Юрьевна", "ж"),
         ("Зайцева", "Дарья", "Андреевна", "ж"), ("Мельников", "Артём", "Игоревич", "м"),
         ("Фролова", "Ксения", "Сергеевна", "ж"), ("Белова", "Алина", "Романовна", "ж"),
         ("Тарасова", "Елена", "Михайловна", "ж")]

PD_CONTENT = ["субъект", "оператор", "цель", "перечень данных", "действия и способы", "срок и отзыв", "подпись"]


def d(y, m, day):
    return "%04d-%02d-%02d" % (y, m, day)


def base(region="Алтайский край", municipality="Барнаул", typ="общеобразовательная", year=2025, tk=None,
         krasnoyarsk=False, buryatia=False, name="Средняя общеобразовательная школа № 17"):
    """Organisation working in academic year `year`/`year+1`. tk: include labour agreements
    (default: from 2025/2026, the first academic year under ТК РФ ст. 351.8)."""
    Y = year
    tk = (Y >= 2025) if tk is None else tk
    short_kind, positions, form, head_pos, dep1, dep2 = POS[typ]
    staff = []
    births = ["1969-04-12", "1975-06-03", "1978-10-21", "1966-01-30", "1971-09-14", "1979-12-05",
              d(Y - 24, 3, 15), d(Y - 25, 7, 2), d(Y - 23, 11, 28), d(Y - 26, 5, 9), "1984-02-17"]
    exp = ["1991-09-01", "1997-09-01", "2000-09-01", "1988-09-01", "1993-09-01", "2002-09-01",
           d(Y - 1, 9, 1), d(Y, 9, 1), d(Y, 9, 1), d(Y - 1, 9, 1), "2007-09-01"]
    pos = [head_pos, dep1, dep2] + positions
    for i, (sur, nm, pat, g) in enumerate(NAMES):
        s = {"id": "s%02d" % (i + 1), "surname": sur, "name": nm, "patronymic": pat, "gender": g,
             "birth_date": births[i], "position": pos[i], "hire_date": exp[i] if i >= 6 else "2010-08-30",
             "pedagogical_experience_start": exp[i]}
        if i in (3, 4, 5):
            s["labour_contract"] = {"date": "2010-08-30", "number": str(10 + i)}
            s["qualification_category"] = "высшая"
        if krasnoyarsk and i >= 3:
            s["individual_route"] = {"date": d(Y, 9, 15), "deficits": ["формирующее оценивание",
                                                                     "работа с обучающимися с ОВЗ"]}
        staff.append(s)
    mentors = []
    for k, sid in enumerate(["s04", "s05", "s06"]):
        m = {"person": sid, "consent_date": d(Y, 8, 25), "appointed_by": "a-nast"}
        if tk:
            m["labour_agreement"] = {"date": d(Y, 8, 30), "number": "ДС-%d" % (k + 1),
                                     "pay": {"amount": 3000, "period": "месяц"}, "end": d(Y + 1, 5, 31)}
        mentors.append(m)
    org = {
        "format": "nastavnik.organisation/2",
        "organisation": {
            "full_name": "Муниципальное бюджетное %s «%s»" % (
                {"общеобразовательная": "общеобразовательное учреждение", "дошкольная": "дошкольное образовательное учреждение",
                 "дополнительного образования": "учреждение дополнительного образования"}[typ], name),
            "short_name": "МБ%s «%s»" % ({"общеобразовательная": "ОУ", "дошкольная": "ДОУ",
                                          "дополнительного образования": "У ДО"}[typ], name),
            "type": typ, "region": region, "municipality": municipality,
            "head": "s01", "deputies": ["s02", "s03"],
            "methodological_council": "2015-09-01",
            "methodological_associations": "2015-09-01",
            "website": "https://school17.example.ru",
            "website_mentoring_section": "2022-09-15",
        },
        "staff": staff,
        "curator": {"person": "s02", "appointed_by": "a-kur"},
        "mentors": mentors,
        "pairs": [
            {"id": "p1", "mentor": "s04", "mentee": "s07", "form": form, "mentee_consent_date": d(Y, 8, 27),
             "programme": {"start": d(Y, 9, 1), "end": d(Y + 1, 5, 31), "goals": ["освоить методику урока"]},
             "appointed_by": "a-pary"},
            {"id": "p2", "mentor": "s05", "mentee": "s08", "form": form, "mentee_consent_date": d(Y, 8, 27),
             "programme": {"start": d(Y, 9, 1), "end": d(Y + 1, 5, 31), "goals": ["адаптация в коллективе"]},
             "appointed_by": "a-pary"},
        ],
        "groups": [
            {"id": "g1", "mentor": "s06", "mentees": ["s09", "s10"], "form": "наставничество в группе",
             "mentee_consents": [{"person": "s09", "date": d(Y, 8, 27)}, {"person": "s10", "date": d(Y, 8, 28)}],
             "programme": {"start": d(Y, 9, 1), "end": d(Y + 1, 5, 31), "goals": ["работа с родителями"]},
             "appointed_by": "a-pary"},
        ],
        "acts": [
            {"id": "a-pol", "kind": "положение о наставничестве", "date": "2022-08-30", "approved_by": "a-utv",
             "title": "Положение о системе наставничества педагогических работников"},
            {"id": "a-utv", "kind": "приказ об утверждении положения", "date": "2022-08-31", "number": "45-од"},
            {"id": "a-kur", "kind": "приказ о назначении куратора", "date": d(Y, 8, 26), "number": "61-од"},
            {"id": "a-nast", "kind": "приказ о назначении наставников", "date": d(Y, 8, 29), "number": "63-од"},
            {"id": "a-pary", "kind": "приказ о закреплении наставнических пар", "date": d(Y, 8, 31), "number": "64-од"},
            {"id": "a-dk", "kind": "дорожная карта", "date": d(Y, 8, 26), "approved_by": "a-kur",
             "title": "Дорожная карта по реализации Положения о системе наставничества"},
            {"id": "a-spr", "kind": "аналитическая справка", "date": d(Y, 6, 10), "number": "5"},
        ],
        "pedagogical_council": {"protocol_number": "1", "date": "2022-08-29"},
        "mentee_list_updated": d(Y, 8, 25),
        "mentoring_forms": [form, "руководитель образовательной организации – педагог", "наставничество в группе",
                            "виртуальное (дистанционное) наставничество"],
        "reporting_years": [{"year": "%d/%d" % (Y - 1, Y), "staff": 11, "mentors": 2, "mentees": 2, "pairs": 2,
                             "groups": 0, "young": 2, "young_covered": 2}],
    }
    if buryatia:
        org["acts"].append({"id": "a-prog", "kind": "программа развития наставничества", "date": "2022-08-31",
                            "approved_by": "a-utv", "title": "Программа развития системы наставничества на 2022–2025 годы"})
    if krasnoyarsk:
        org["acts"].append({"id": "a-pk", "kind": "план повышения квалификации", "date": d(Y, 8, 28),
                            "based_on_deficits": True, "title": "План повышения квалификации педагогических работников"})
    return org


def act(o, aid):
    return next(a for a in o["acts"] if a["id"] == aid)


def act_index(o, aid):
    return next(i for i, a in enumerate(o["acts"]) if a["id"] == aid)


def drop_acts(o, *ids):
    o["acts"] = [a for a in o["acts"] if a["id"] not in ids]


def staff_index(o, sid):
    return next(i for i, s in enumerate(o["staff"]) if s["id"] == sid)


# ---------------------------------------------------------------------------------------------
CASES = []


def case(cid, note, org, as_of, conclusion, expect=(), kind="organisation"):
    CASES.append({"case": cid, "kind": kind, "as_of": as_of, "conclusion": conclusion,
                  "expect": list(expect), "note": note, "org": org})


def V(subject, *cites, alt=()):
    return {"subject": subject, "force": "violation", "cites": [list(c) for c in cites], "alt_subjects": list(alt)}


def R(subject, *cites, alt=()):
    return {"subject": subject, "force": "recommendation", "cites": [list(c) for c in cites], "alt_subjects": list(alt)}


# citations
B_CUR = [("127", "annex", "3.1"), ("127", "annex", "4.1.2")]
B_CUR_DEP = [("127", "annex", "4.1.2"), ("АЗ-1128/08", "annex", "3.4")]
B_PROG = [("127", "annex", "1.2"), ("127", "annex", "4.1.3"), ("АЗ-1128/08", "annex", "1.2")]
B_LIST = [("127", "annex", "4.1.3"), ("АЗ-1128/08", "annex", "3.4")]
B_DOCS = [("127", "annex", "4.1.1")]
K_PROG = [("701", "annex", "1.2"), ("701", "annex", "4.1.3"), ("АЗ-1128/08", "annex", "1.2")]
K_CUR_DEP = [("701", "annex", "4.1.2"), ("АЗ-1128/08", "annex", "3.4")]
K_DOCS = [("701", "act", "3"), ("701", "annex", "4.1.1")]
TK = [("ТК", "act", "351.8"), ("ТК", "act", "351.8/1"), ("ТК", "act", "351.8/2")]
AZ_MENTOR = [("АЗ-1128/08", "annex", "3.2")]
AZ_PAIR = [("АЗ-1128/08", "annex", "3.3")]
AZ_CUR = [("АЗ-1128/08", "annex", "3.4")]
AZ_PROG = [("АЗ-1128/08", "annex", "1.2")]
AZ_POL = [("АЗ-1128/08", "annex", "3.1"), ("АЗ-1128/08", "annex", "3.3")]
PD10 = [("152-ФЗ", "act", "10.1")] + [("152-ФЗ", "act", "10.1/%d" % i) for i in range(1, 16)]
PD9 = [("152-ФЗ", "act", "9/4"), ("152-ФЗ", "act", "9")]
KR_COUNCIL = [("397-11-05", "annex", "3.4.1"), ("397-11-05", "annex", "3.4")]
KR_ASSOC = [("397-11-05", "annex", "3.4.2"), ("397-11-05", "annex", "3.4")]
BU_POL = [("1552", "annex", "IV/2"), ("1552", "annex", "V/2")]
BU_PROG = [("1552", "annex", "IV/4"), ("1552", "annex", "V/4")]
BU_SITE = [("1552", "annex", "IV/7"), ("1552", "annex", "V/7")]
BU_70 = [("1552", "annex", "преамбула/3"), ("1552", "annex", "преамбула")]


def build():
    # ---------------- Барнаул: a complete school, kindergarten, дополнительное образование
    case("I01", "Барнаул, школа, всё выполнено", base(), "2025-11-20", "compliant")
    case("I02", "Барнаул, детский сад, всё выполнено", base(typ="дошкольная", name="Детский сад № 204"), "2025-11-20", "compliant")
    case("I03", "Барнаул, учреждение дополнительного образования, всё выполнено",
         base(typ="дополнительного образования", name="Центр детского творчества"), "2025-11-20", "compliant")
    # ---------------- names of places
    case("I04", "«г. Барнаул» — это Барнаул", base(municipality="г. Барнаул"), "2025-11-20", "compliant")
    case("I05", "«БАРНАУЛ » — регистр и пробел", base(municipality="БАРНАУЛ "), "2025-11-20", "compliant")
    o = base(municipality="Бaрнаул")  # Latin «a»
    o["curator"]["person"] = "s11"
    case("I06", "«Бaрнаул» с латинской «a»: муниципальные требования применяются; куратор — учитель, не заместитель",
         o, "2025-11-20", "violations", [V("curator", *B_CUR_DEP)])
    case("I07", "«Барнаулл» — похоже на известное, но не равно: ошибка входных данных",
         base(municipality="Барнаулл"), "2025-11-20", "input_error")
    # ---------------- curator: null vs absent vs wrong person vs future order
    o = base(); o["curator"] = None; drop_acts(o, "a-kur"); act(o, "a-dk")["approved_by"] = "a-utv"
    act(o, "a-dk")["date"] = "2022-08-31"
    case("I08", "куратор не назначен (null)", o, "2025-11-20", "violations", [V("curator", *B_CUR, alt=[""])])
    o = base(); del o["curator"]
    case("I09", "сведений о кураторе нет (поле пропущено)", o, "2025-11-20", "incomplete")
    o = base(); o["curator"]["person"] = "s11"
    case("I10", "куратор — учитель, не заместитель руководителя", o, "2025-11-20", "violations", [V("curator", *B_CUR_DEP)])
    o = base(); act(o, "a-kur")["date"] = "2025-12-01"; act(o, "a-dk")["date"] = "2025-12-01"
    case("I11", "приказ о назначении куратора (он же утверждает дорожную карту) издан после даты проверки",
         o, "2025-11-20", "violations",
         [V("curator", *B_CUR, alt=[""]), V("acts[%d]" % act_index(o, "a-dk"), *B_DOCS, alt=[""])])
    # ---------------- duration of personalised programmes (ГК ст. 190–192: a term in months ends on
    # the same date of the last month; the programme's `end` is its last day, inclusive)
    o = base(); o["pairs"][0]["programme"].update(start="2025-09-01", end="2025-11-30")
    case("I12", "программа ровно 3 месяца (01.09–30.11)", o, "2025-12-10", "compliant")
    o = base(); o["pairs"][0]["programme"].update(start="2025-09-01", end="2025-11-29")
    case("I13", "программа 3 месяца без одного дня", o, "2025-12-10", "violations", [V("pairs[0]", *B_PROG)])
    o = base(); o["pairs"][1]["programme"].update(start="2025-09-01", end="2026-08-31")
    for m in o["mentors"]:
        m["labour_agreement"]["end"] = "2026-08-31"
    case("I14", "программа ровно 1 год (01.09.2025–31.08.2026)", o, "2025-11-20", "compliant")
    o = base(); o["pairs"][1]["programme"].update(start="2025-09-01", end="2026-09-01")
    case("I15", "программа 1 год и 1 день", o, "2025-11-20", "violations", [V("pairs[1]", *B_PROG)])
    o = base(year=2023); o["pairs"][0]["programme"].update(start="2023-03-01", end="2024-02-29")
    case("I16", "високосный год: 01.03.2023–29.02.2024 — ровно год", o, "2023-11-20", "compliant")
    o = base(year=2023); o["pairs"][0]["programme"].update(start="2023-03-01", end="2024-03-01")
    case("I17", "високосный год: 01.03.2023–01.03.2024 — год и день", o, "2023-11-20", "violations", [V("pairs[0]", *B_PROG)])
    o = base(year=2023); o["pairs"][0]["programme"].update(start="2023-12-01", end="2024-02-29")
    case("I18", "високосный год: 01.12.2023–29.02.2024 — ровно 3 месяца", o, "2024-01-20", "compliant")
    o = base(year=2022); o["pairs"][0]["programme"].update(start="2022-12-01", end="2023-02-27")
    case("I19", "невисокосный год: 01.12.2022–27.02.2023 — без одного дня 3 месяца", o, "2023-01-20", "violations",
         [V("pairs[0]", *B_PROG)])
    o = base(); o["groups"][0]["programme"].update(start="2025-09-01", end="2025-10-31")
    case("I20", "программа группы — 2 месяца", o, "2025-11-20", "violations", [V("groups[0]", *B_PROG)])
    # ---------------- the list of mentees, «не реже одного раза в год» (read: no more than a year
    # between an update and the as-of date; a year from D ends on the same date a year later)
    o = base(); o["mentee_list_updated"] = "2024-11-20"
    case("I21", "список наставляемых актуализирован ровно год назад", o, "2025-11-20", "compliant")
    o = base(); o["mentee_list_updated"] = "2024-11-19"
    case("I22", "список наставляемых актуализирован год и день назад (в текущем календарном году — нет)", o,
         "2025-11-20", "violations", [V("", *B_LIST, alt=["mentee_list_updated"])])
    o = base(); o["mentee_list_updated"] = None
    case("I23", "список наставляемых не актуализировался (null — «известно: ни разу»; формат a650d5d null здесь не "
                "допускал, rules bd800a0 допускает)", o, "2025-11-20", "violations",
         [V("", *B_LIST, alt=["mentee_list_updated"])])
    o = base(); del o["mentee_list_updated"]
    case("I24", "дата актуализации списка не внесена", o, "2025-11-20", "incomplete")
    o = base(year=2023); o["mentee_list_updated"] = "2023-02-28"
    case("I25", "високосный год: список от 28.02.2023, проверка на 29.02.2024 — год и день", o, "2024-02-29",
         "violations", [V("", *B_LIST, alt=["mentee_list_updated"])])
    o = base(); o["mentee_list_updated"] = "2024-12-31"
    case("I26", "список от 31.12.2024, проверка на 01.01.2026 — за 2025 год ни разу", o, "2026-01-01", "violations",
         [V("", *B_LIST, alt=["mentee_list_updated"])])
    o = base(year=2024); o["mentee_list_updated"] = "2025-12-01"
    case("I27", "дата актуализации списка позже даты проверки: на дату проверки прежняя дата неизвестна", o,
         "2025-02-20", "incomplete")
    # ---------------- mentors: consent, ТК РФ ст. 351.8 from 01.03.2025
    o = base(year=2024); o["mentors"][0]["consent_date"] = None
    case("I28", "до 01.03.2025: наставник без письменного согласия — рекомендация письма АЗ-1128/08", o, "2025-02-20",
         "compliant", [R("mentors[0]", *AZ_MENTOR)])
    o = base(year=2024, tk=True); o["mentors"][0]["consent_date"] = None
    for m in o["mentors"]:
        m["labour_agreement"]["date"] = "2025-02-25"
    o["mentors"][0]["labour_agreement"] = None  # a signed agreement would itself be written consent
    case("I29", "с 01.03.2025: наставник без письменного согласия и без соглашения — нарушение ст. 351.8 ТК РФ", o,
         "2025-03-01",
         "violations", [V("mentors[0]", *TK), V("mentors[0]", *TK)])
    o = base(); o["mentors"][0]["labour_agreement"] = None
    case("I30", "нет дополнительного соглашения о наставничестве (null)", o, "2025-11-20", "violations", [V("mentors[0]", *TK)])
    o = base()
    for m in o["mentors"]:
        del m["labour_agreement"]
    case("I31", "сведений о соглашениях нет (поле пропущено у всех)", o, "2025-11-20", "incomplete")
    o = base(); o["mentors"][1]["labour_agreement"]["pay"] = None
    case("I32", "соглашение без доплаты (pay: null)", o, "2025-11-20", "violations", [V("mentors[1]", *TK)])
    o = base(); o["mentors"][2]["labour_agreement"]["date"] = "2025-12-05"
    case("I33", "соглашение датировано после даты проверки", o, "2025-11-20", "violations", [V("mentors[2]", *TK)])
    o = base(year=2024, tk=True); o["mentors"][0]["labour_agreement"] = None
    case("I34", "соглашения нет; 28.02.2025 — статья 351.8 ещё не действует", o, "2025-02-28", "compliant")
    o = copy.deepcopy(o)
    case("I35", "то же на 01.03.2025 — первый день действия статьи 351.8", o, "2025-03-01", "violations",
         [V("mentors[0]", *TK)])
    o = base(); del o["mentors"]
    case("I36", "перечень наставников не внесён при записанных парах", o, "2025-11-20", "incomplete")
    # ---------------- mentees' consent: the model Положение (recommendation) unless the
    # organisation's own Положение reproduces it (follows_model)
    o = base(); o["pairs"][0]["mentee_consent_date"] = None
    case("I37", "наставляемый без письменного согласия; Положение организации своё — рекомендация", o, "2025-11-20",
         "compliant", [R("pairs[0]", *AZ_PAIR)])
    o = base(); o["groups"][0]["mentee_consents"] = o["groups"][0]["mentee_consents"][:1]
    case("I38", "у группы нет записи о согласии одного наставляемого — не внесено, рекомендация", o, "2025-11-20",
         "compliant")
    o = base(); act(o, "a-pol")["follows_model"] = True; o["pairs"][0]["mentee_consent_date"] = None
    case("I39", "Положение организации воспроизводит примерное: наставляемый без согласия — нарушение", o,
         "2025-11-20", "violations", [V("pairs[0]", *AZ_PAIR)])
    o = base(); act(o, "a-pol")["follows_model"] = True; o["groups"][0]["mentee_consents"][1]["date"] = None
    case("I40", "то же для наставляемого группы (date: null)", o, "2025-11-20", "violations", [V("groups[0]", *AZ_PAIR)])
    o = base(); act(o, "a-pol")["follows_model"] = True
    o["groups"][0]["mentee_consents"] = o["groups"][0]["mentee_consents"][:1]
    case("I41", "то же, но записи о согласии нет — не внесено, проверка не завершена", o, "2025-11-20", "incomplete")
    # ---------------- documents of the organisation: Положение, roadmap; editions; dates
    o = base(); drop_acts(o, "a-pol", "a-utv"); del o["pedagogical_council"]
    case("I42", "Положения о наставничестве нет", o, "2025-11-20", "violations", [V("", *B_DOCS)])
    o = base(); act(o, "a-pol")["approved_by"] = None
    case("I43", "Положение не утверждено (approved_by: null)", o, "2025-11-20", "violations",
         [V("acts[0]", *B_DOCS, alt=[""])])
    o = base(); act(o, "a-pol")["date"] = "2025-12-01"; act(o, "a-utv")["date"] = "2025-12-01"
    o["pedagogical_council"]["date"] = "2025-11-28"
    case("I44", "единственная редакция Положения утверждена после даты проверки", o, "2025-11-20", "violations",
         [V("", *B_DOCS, alt=["acts[0]"])])
    o = base()
    o["acts"][2:2] = [{"id": "a-pol2", "kind": "положение о наставничестве", "date": "2025-12-01", "approved_by": "a-utv2",
                       "title": "Положение о системе наставничества педагогических работников (новая редакция)"},
                      {"id": "a-utv2", "kind": "приказ об утверждении положения", "date": "2025-12-01", "number": "80-од"}]
    case("I45", "две редакции Положения: новая — после даты проверки, действует прежняя", o, "2025-11-20", "compliant")
    o = base()
    act(o, "a-pol")["approved_by"] = None
    o["acts"][0:0] = [{"id": "a-pol2", "kind": "положение о наставничестве", "date": "2024-08-29", "approved_by": "a-utv2",
                       "title": "Положение о системе наставничества педагогических работников (новая редакция)"},
                      {"id": "a-utv2", "kind": "приказ об утверждении положения", "date": "2024-08-30", "number": "70-од"}]
    case("I46", "две редакции: прежняя так и не утверждена, действующая (записана первой) утверждена", o,
         "2025-11-20", "compliant")
    o = base(); drop_acts(o, "a-dk")
    case("I47", "дорожной карты (плана мероприятий) нет", o, "2025-11-20", "violations", [V("", *B_DOCS)])
    o = base(); act(o, "a-dk")["approved_by"] = None
    case("I48", "дорожная карта не утверждена", o, "2025-11-20", "violations",
         [V("acts[%d]" % act_index(o, "a-dk"), *B_DOCS, alt=[""])])
    o = base(); o["pairs"][1]["form"] = "педагог-психолог – молодой педагог"
    case("I49", "форма наставничества вне перечня — перечень открыт («и другие»)", o, "2025-11-20", "compliant")
    o = base(); o["pairs"][0]["form"] = "учитeль – учитель"  # Latin «e»
    case("I50", "форма наставничества с латинской «e» — замечание к данным, не нарушение", o, "2025-11-20", "compliant")
    o = base(year=2021); o["curator"] = None; drop_acts(o, "a-kur")
    act(o, "a-dk")["approved_by"] = "a-nast"
    case("I51", "Барнаул на 20.05.2022: приказ № 127 (с 01.06.2022) не действует; куратора нет, Положение — "
                "позже даты проверки: только рекомендации", o, "2022-05-20", "compliant",
         [R("curator", *AZ_CUR, alt=[""]), R("", *AZ_POL, alt=["acts", "acts[0]"])])
    o = base(year=2024); act(o, "a-pol")["follows_model"] = True; o["mentors"][1]["consent_date"] = None
    case("I89", "Положение по примерному, до 01.03.2025: наставник без согласия — нарушение своего Положения (п. 3.2)",
         o, "2025-02-20", "violations", [V("mentors[1]", *AZ_MENTOR)])
    o = base(); o["curator"]["appointed_by"] = "a-dk"
    case("I90", "куратор «назначен» дорожной картой — документом не того вида", o, "2025-11-20", "violations",
         [V("curator", *B_CUR, alt=[""])])
    o = base(); o["pairs"][1]["mentor"] = "s11"
    case("I91", "наставник пары не назначен наставником (нет в перечне): ни согласия, ни соглашения", o, "2025-11-20",
         "violations", [V("pairs[1]", *TK, *AZ_MENTOR, alt=["mentors"])])
    o = base(); o["mentors"][0]["labour_agreement"]["end"] = "2025-10-31"
    case("I92", "соглашение о наставничестве окончилось 31.10.2025, программа пары идёт до 31.05.2026", o,
         "2025-11-20", "violations", [V("mentors[0]", *TK, alt=["pairs[0]"])])
    o = base(); o["mentors"][0]["consent_date"] = "2025-09-05"
    case("I93", "согласие наставника дано после приказа о назначении (соглашение, подписанное им, — раньше)", o,
         "2025-11-20", "compliant", [R("mentors[0]", *AZ_MENTOR)])
    o = base(); act(o, "a-pol")["date"] = "2025-11-01"; act(o, "a-utv")["date"] = "2025-11-25"
    o["pedagogical_council"]["date"] = "2025-10-30"
    case("I109", "Положение от 01.11.2025 утверждено приказом от 25.11.2025 — на 20.11.2025 не утверждено", o,
         "2025-11-20", "violations", [V("", *B_DOCS, alt=["acts[0]"])])
    o = base(); act(o, "a-pol")["approved_by"] = "a-dk"
    case("I110", "Положение «утверждено» дорожной картой — не приказом", o, "2025-11-20", "violations",
         [V("acts[0]", *B_DOCS, alt=[""])])
    o = base(); del o["curator"]["appointed_by"]
    case("I111", "куратор есть, приказ о его назначении не внесён", o, "2025-11-20", "incomplete")
    o = base(); o["pairs"][1]["mentor"] = "s01"; o["pairs"][1]["form"] = "руководитель образовательной организации – педагог"
    o["mentors"].append({"person": "s01", "consent_date": "2025-08-25", "appointed_by": "a-nast",
                         "labour_agreement": {"date": "2025-08-30", "number": "ДС-9", "pay": {"percent": 5, "base": "должностного оклада"},
                                              "end": "2026-05-31"}})
    case("I112", "наставник пары — директор (форма «руководитель – педагог»), всё оформлено", o, "2025-11-20", "compliant")
    o = base(); o["staff"][3]["surname"] = "Кудринa"  # Latin «a»
    case("I113", "фамилия наставника со смесью алфавитов — замечание к данным", o, "2025-11-20", "compliant")
    o = base(); o["mentee_list_updated"] = "2024-12-31"
    case("I114", "список от 31.12.2024, проверка на 31.12.2025 — ровно год", o, "2025-12-31", "compliant")
    o = base(year=2023); o["pairs"][0]["programme"].update(start="2023-11-29", end="2024-02-28")
    case("I115", "високосный год: 29.11.2023–28.02.2024 — ровно 3 месяца (29.11 + 3 мес. = 29.02)", o, "2024-01-20",
         "compliant")
    o = base(year=2024, tk=False)
    for g in o["pairs"] + o["groups"]:
        g["programme"]["end"] = "2025-02-28"
    o["mentee_list_updated"] = "2025-08-25"
    o["monitoring"] = [{"programme": g["id"], "indicator": ind, "value": v, "point": "окончание", "date": "2025-02-27",
                        "source": "отчёт куратора"}
                       for g in o["pairs"] + o["groups"] for ind, v in (("programme_results", 100), ("mentee_results", 4))]
    case("I118", "программы окончились до 01.03.2025, о соглашениях сведений нет — они и не нужны", o, "2025-11-20",
         "compliant")
    o = base(); o["staff"][3]["personal_data_consent"] = {
        "date": "2025-08-25", "content": ["Субъект", "ОПЕРАТОР", "цель", "перечень  данных", "действия и способы",
                                          "СРОК И ОТЗЫВ", "подпись"], "dissemination": "2025-08-25"}
    o["mentors"][0]["published_on_website"] = True
    case("I119", "содержание согласия записано другим регистром и с двойным пробелом", o, "2025-11-20",
         "compliant")
    o = base(typ="дополнительного образования", name="Дом детского творчества"); o["curator"] = None
    drop_acts(o, "a-kur"); act(o, "a-dk")["approved_by"] = "a-nast"; act(o, "a-dk")["date"] = "2025-08-29"
    case("I124", "Барнаул, дополнительное образование: куратора нет", o, "2025-11-20", "violations",
         [V("curator", *B_CUR, alt=[""])])
    o = base(); o["pairs"][1]["form"] = "молодой педагог – опытный педагог"
    case("I125", "форма пары не названа в перечне форм самой организации (mentoring_forms) — перечень открыт", o,
         "2025-11-20", "compliant")
    o = base(); del o["mentors"][1]["labour_agreement"]["end"]
    case("I126", "в соглашении не записан срок наставничества (поле пропущено)", o, "2025-11-20", "incomplete")
    o = base(); del o["mentors"][2]["labour_agreement"]["pay"]
    case("I127", "в соглашении не записана доплата (поле пропущено)", o, "2025-11-20", "incomplete")
    o = base(); o["organisation"]["full_name"] = "Краевое государственное бюджетное общеобразовательное учреждение «Алтайский краевой педагогический лицей-интернат»"
    o["organisation"]["short_name"] = "КГБОУ «Алтайский краевой педагогический лицей-интернат»"
    o["curator"]["person"] = "s11"
    case("I130", "краевое учреждение в Барнауле: приказ № 127 — о муниципальных организациях; куратор не заместитель — "
                 "рекомендация", o, "2025-11-20", "compliant", [R("curator", *AZ_CUR)])
    o = base(); o["mentors"][0]["labour_agreement"]["pay"] = {"amount": 0, "period": "месяц"}
    case("I131", "доплата за наставничество — 0 рублей: наставничество без дополнительной оплаты", o, "2025-11-20",
         "violations", [V("mentors[0]", *TK)])
    o = base(); act(o, "a-pol")["date"] = "2025-11-20"; act(o, "a-utv")["date"] = "2025-11-20"
    o["pedagogical_council"]["date"] = "2025-11-19"
    case("I132", "единственная редакция Положения утверждена в день проверки — действует", o, "2025-11-20", "compliant")
    o = base(); act(o, "a-kur")["date"] = "2025-11-20"; act(o, "a-dk")["date"] = "2025-11-20"
    case("I133", "приказ о назначении куратора (и дорожная карта) — в день проверки", o, "2025-11-20", "compliant")
    case("I136", "«городской округ — город Барнаул Алтайского края»",
         base(municipality="городской округ — город Барнаул Алтайского края"), "2025-11-20", "compliant")
    case("I137", "«Алтайский кр.», «Барнаул»", base(region="Алтайский кр."), "2025-11-20", "compliant")
    o = base()
    o["acts"][0:0] = [{"id": "a-pol2", "kind": "положение о наставничестве", "date": "2025-09-15", "approved_by": None,
                       "title": "Положение о системе наставничества педагогических работников (проект новой редакции)"}]
    case("I138", "проект новой редакции Положения (не утверждён, записан первым); действует утверждённая редакция 2022 г.",
         o, "2025-11-20", "compliant")
    o = base(); del o["pedagogical_council"]
    case("I139", "о педагогическом совете, принявшем Положение, сведений нет; Положение утверждено приказом", o,
         "2025-11-20", "compliant")
    # ---------------- Бийск: deadline 31.12.2022 (п. 3 приказа № 701)
    case("I52", "Бийск, школа, всё выполнено", base(municipality="Бийск", name="СОШ № 40"), "2025-11-20", "compliant")
    o = base(municipality="Бийcк", name="СОШ № 41"); o["curator"]["person"] = "s11"  # Latin «c»
    case("I53", "«Бийcк» с латинской «c»; куратор — не заместитель", o, "2025-11-20", "violations",
         [V("curator", *K_CUR_DEP)])
    o = base(municipality="Бийск", year=2022, name="СОШ № 5"); drop_acts(o, "a-pol", "a-utv"); del o["pedagogical_council"]
    case("I54", "Бийск: Положения нет, 31.12.2022 — последний день срока", o, "2022-12-31", "compliant")
    o = copy.deepcopy(o)
    case("I55", "Бийск: Положения нет, 01.01.2023 — срок истёк", o, "2023-01-01", "violations", [V("", *K_DOCS)])
    o = base(municipality="Бийск", year=2022, name="СОШ № 6")
    act(o, "a-pol")["date"] = "2023-02-01"; act(o, "a-utv")["date"] = "2023-02-01"
    o["acts"].append({"id": "a-pol0", "kind": "положение о наставничестве", "date": "2022-10-03", "approved_by": "a-utv0",
                      "title": "Положение о системе наставничества педагогических работников"})
    o["acts"].append({"id": "a-utv0", "kind": "приказ об утверждении положения", "date": "2022-10-04", "number": "88"})
    o["pedagogical_council"]["date"] = "2023-01-31"
    case("I56", "Бийск: две редакции, первой записана поздняя (01.02.2023), ранняя принята в срок (04.10.2022)", o,
         "2023-03-01", "compliant")
    o = base(municipality="Бийск", year=2023, name="СОШ № 7"); o["pairs"][0]["programme"].update(end="2024-09-30")
    case("I57", "Бийск: программа 13 месяцев", o, "2023-11-20", "violations", [V("pairs[0]", *K_PROG)])
    o = base(municipality="Бийский район", name="Светлоозёрская СОШ"); o["curator"]["person"] = "s11"
    case("I58", "«Бийский район» — не Бийск: муниципальных правил нет; куратор не заместитель — рекомендация", o,
         "2025-11-20", "compliant", [R("curator", *AZ_CUR)])
    case("I59", "«город Бийск»", base(municipality="город Бийск", name="Гимназия № 11"), "2025-11-20", "compliant")
    o = base(municipality="Бийск", year=2022, name="СОШ № 8"); drop_acts(o, "a-dk")
    case("I100", "Бийск: дорожной карты нет, 31.12.2022 — последний день срока", o, "2022-12-31", "compliant")
    o = copy.deepcopy(o)
    case("I101", "Бийск: дорожной карты нет, 01.01.2023", o, "2023-01-01", "violations",
         [V("", *K_DOCS, alt=["acts"])])
    o = base(municipality="Бийск", year=2022, name="СОШ № 9"); o["curator"] = None; drop_acts(o, "a-kur")
    act(o, "a-dk")["approved_by"] = "a-nast"
    case("I102", "Бийск: куратора нет (null), 01.01.2023 — система не внедрена в срок", o, "2023-01-01", "violations",
         [V("curator", ("701", "annex", "3.1"), ("701", "act", "3"), ("701", "annex", "4.1.2"), alt=[""])])
    o = base(region="Aлтайский край", municipality="Бийск", name="СОШ № 12")  # Latin «A»
    o["curator"]["person"] = "s11"
    case("I103", "«Aлтайский край» с латинской «A»: Бийск применяется; куратор не заместитель", o, "2025-11-20",
         "violations", [V("curator", *K_CUR_DEP)])
    o = base(municipality="Бийск", year=2022, name="СОШ № 16"); o["curator"] = None; drop_acts(o, "a-kur")
    act(o, "a-dk")["approved_by"] = "a-nast"
    case("I144", "Бийск: куратора нет (null), 31.12.2022 — срок внедрения ещё идёт", o, "2022-12-31", "compliant")
    o = base(municipality="Бийск", year=2022, name="СОШ № 15")
    act(o, "a-pol")["date"] = "2022-12-30"; act(o, "a-utv")["date"] = "2022-12-31"; o["pedagogical_council"]["date"] = "2022-12-29"
    case("I117", "Бийск: Положение утверждено 31.12.2022 — в последний день срока", o, "2023-03-01", "compliant")
    o = base(municipality="Бийск", year=2022, typ="дошкольная", name="Детский сад № 38")
    drop_acts(o, "a-pol", "a-utv"); del o["pedagogical_council"]
    case("I121", "Бийск, детский сад (дошкольная программа — основная общеобразовательная): Положения нет после срока",
         o, "2023-06-01", "violations", [V("", *K_DOCS)])
    # ---------------- Алтайский край without a municipal ruleset; a region without a regional one
    o = base(municipality="Рубцовск", name="СОШ № 19"); o["curator"]["person"] = "s11"
    o["pairs"][0]["programme"].update(end="2026-10-31")
    for m in o["mentors"]:
        m["labour_agreement"]["end"] = "2026-10-31"
    case("I60", "Рубцовск (муниципального набора нет): куратор не заместитель, программа 14 месяцев — рекомендации",
         o, "2025-11-20", "compliant", [R("curator", *AZ_CUR), R("pairs[0]", *AZ_PROG)])
    o = base(municipality="Рубцовск", name="СОШ № 20"); o["mentors"][1]["labour_agreement"] = None
    case("I61", "Рубцовск: нет соглашения о наставничестве — федеральный закон действует везде", o, "2025-11-20",
         "violations", [V("mentors[1]", *TK)])
    case("I62", "Новосибирская область, всё выполнено", base(region="Новосибирская область", municipality="Новосибирск",
                                                           name="Лицей № 9"), "2025-11-20", "compliant")
    o = base(region="Новосибирская область", municipality="Бердск", name="СОШ № 2"); o["mentors"][0]["consent_date"] = None
    o["mentors"][0]["labour_agreement"] = None
    case("I63", "Новосибирская область: наставник без согласия и без соглашения после 01.03.2025", o, "2025-11-20", "violations",
         [V("mentors[0]", *TK, *AZ_MENTOR), V("mentors[0]", *TK)])
    o = base(region="г. Москва", municipality="Москва", name="Школа № 1535"); o["curator"]["person"] = "s11"
    case("I142", "«г. Москва» — субъект РФ без региональных актов; куратор не заместитель — рекомендация", o,
         "2025-11-20", "compliant", [R("curator", *AZ_CUR)])
    case("I143", "«Ханты-Мансийский автономный округ - Югра» (дефис вместо тире), Сургут",
         base(region="Ханты-Мансийский автономный округ - Югра", municipality="Сургут", name="СОШ № 10"),
         "2025-11-20", "compliant")
    o = base(region="Республика Алтай", municipality="Горно-Алтайск", name="СОШ № 1")
    o["pairs"][0]["programme"].update(end="2025-10-31")
    case("I64", "Республика Алтай (не Алтайский край): программа 2 месяца — рекомендация", o, "2025-11-20", "compliant",
         [R("pairs[0]", *AZ_PROG)])
    o = base(region="Новосибирская область", municipality="Новосибирск", name="СОШ № 3")
    act(o, "a-pol")["follows_model"] = True; o["curator"]["person"] = "s11"
    case("I65", "Новосибирская область, Положение по примерному: куратор не заместитель — нарушение своего Положения",
         o, "2025-11-20", "violations", [V("curator", *AZ_CUR)])
    # ---------------- Бурятия (приказ № 1552, программа на 2020–2024 годы)
    bur = dict(region="Республика Бурятия", municipality="Улан-Удэ", buryatia=True)
    case("I66", "Бурятия, школа, всё выполнено", base(year=2024, name="СОШ № 25", **bur), "2024-11-20", "compliant")
    o = base(year=2024, name="СОШ № 26", **dict(bur, region="Респ. Бурятия"))
    o["organisation"]["website_mentoring_section"] = None
    case("I67", "«Респ. Бурятия»: раздела о наставничестве на сайте нет (с 2023 года — 100 %)", o, "2024-11-20",
         "violations", [V("", *BU_SITE, alt=["organisation.website_mentoring_section", "organisation"])])
    o = base(year=2023, name="СОШ № 27", **bur); drop_acts(o, "a-prog")
    case("I68", "Бурятия: программы развития наставничества нет, 01.01.2024 (2023 г. — 100 %)", o, "2024-01-01",
         "violations", [V("", *BU_PROG)])
    o = copy.deepcopy(o)
    case("I69", "то же на 31.12.2023 — год ещё не кончился", o, "2023-12-31", "compliant")

    def young_teachers(o, n, covered, y):
        """Replace the young mentees by n teachers under 35 in their first three years; the first
        `covered` of them are in pairs."""
        o["groups"] = []
        o["mentors"] = o["mentors"][:2]
        o["pairs"] = []
        base_ids = []
        for k in range(n):
            sid = "y%02d" % k
            o["staff"].append({"id": sid, "surname": "Дашиев" if k % 2 else "Цыренова", "name": "Баир" if k % 2 else "Туяна",
                               "patronymic": "Олегович" if k % 2 else "Баировна", "gender": "м" if k % 2 else "ж",
                               "birth_date": d(y - 25, 4, 1 + k), "position": "учитель математики",
                               "hire_date": d(y - 1, 9, 1), "pedagogical_experience_start": d(y - 1, 9, 1)})
            base_ids.append(sid)
        for k in range(covered):
            m = o["mentors"][k % 2]["person"]
            o["pairs"].append({"id": "p%d" % (k + 1), "mentor": m, "mentee": base_ids[k], "form": "учитель – учитель",
                               "mentee_consent_date": d(y, 8, 27),
                               "programme": {"start": d(y, 9, 1), "end": d(y + 1, 5, 31), "goals": ["адаптация"]},
                               "appointed_by": "a-pary"})
        o["reporting_years"] = [{"year": "%d/%d" % (y - 1, y), "staff": len(o["staff"]), "mentors": 2,
                                 "mentees": covered, "pairs": covered, "groups": 0, "young": n, "young_covered": covered}]
        # the old mentees s07–s10 are no longer young: experienced teachers over 35
        for sid in ("s07", "s08", "s09", "s10"):
            s = o["staff"][staff_index(o, sid)]
            s["birth_date"] = "1980-01-15"; s["pedagogical_experience_start"] = "2005-09-01"
        return base_ids

    o = base(year=2024, name="СОШ № 28", **bur); young_teachers(o, 5, 2, 2024)
    case("I70", "Бурятия: учителей до 35 лет в первые три года — 5, вовлечены 2 (40 % < 70 %)", o, "2024-11-20",
         "violations", [V("", *BU_70)])
    o = base(year=2024, name="СОШ № 29", **bur); ids = young_teachers(o, 2, 2, 2024)
    for k in range(3):
        o["staff"].append({"id": "z%02d" % k, "surname": "Иванова", "name": "Светлана", "patronymic": "Петровна",
                           "gender": "ж", "birth_date": "1983-06-0%d" % (k + 1), "position": "учитель начальных классов",
                           "hire_date": "2023-09-01", "pedagogical_experience_start": "2023-09-01"})
    o["reporting_years"][0].update(young=5, young_covered=2)  # the three newcomers over 35 are young by experience
    case("I71", "Бурятия: невовлечённые новички старше 35 лет в охват «до 35» не входят (2 из 2)", o, "2024-11-20",
         "compliant")
    o = base(year=2024, name="СОШ № 30", **bur); young_teachers(o, 2, 2, 2024)
    o["staff"].append({"id": "b35", "surname": "Будаева", "name": "Сэсэг", "patronymic": "Бадмаевна", "gender": "ж",
                       "birth_date": "1989-11-20", "position": "учитель музыки", "hire_date": "2023-09-01",
                       "pedagogical_experience_start": "2023-09-01"})
    o["staff"].append({"id": "b3y", "surname": "Намжилов", "name": "Эрдэм", "patronymic": "Жаргалович", "gender": "м",
                       "birth_date": "1996-02-11", "position": "учитель физической культуры", "hire_date": "2021-11-20",
                       "pedagogical_experience_start": "2021-11-20"})
    o["reporting_years"][0].update(young=4, young_covered=2)
    case("I72", "Бурятия: в день проверки одной учительнице исполнилось 35, у другого ровно 3 года стажа — оба вне "
                "охвата; вовлечены 2 из 2", o, "2024-11-20", "compliant")
    o = base(year=2025, name="СОШ № 31", **bur); young_teachers(o, 5, 2, 2025)
    case("I73", "Бурятия, 2025/2026: программа рассчитана на 2020–2024 годы, показатель 70 % — на 2021–2024", o,
         "2025-10-01", "compliant")
    o = base(year=2022, name="СОШ № 32", **bur); drop_acts(o, "a-pol", "a-utv", "a-prog"); del o["pedagogical_council"]
    case("I74", "Бурятия: Положения нет в 2022 году — срок (2022 г.) не истёк", o, "2022-11-20", "compliant")
    o = copy.deepcopy(o)
    case("I75", "Бурятия: Положения нет, 01.02.2023 — нормативные документы ОО должны быть с 2022 года", o,
         "2023-02-01", "violations", [V("", *BU_POL)])
    o = base(year=2024, typ="дошкольная", name="Детский сад «Солнышко»",
             **dict(bur, municipality="Кяхтинский район"))
    case("I76", "Бурятия, детский сад, Кяхтинский район: всё выполнено", o, "2024-11-20", "compliant")
    o = base(year=2024, typ="дошкольная", name="Детский сад № 12", **bur)
    for k, sid in enumerate(("s07", "s08", "s09", "s10")):
        o["staff"][staff_index(o, sid)]["position"] = "воспитатель"
    o["staff"].append({"id": "v01", "surname": "Доржиева", "name": "Арюна", "patronymic": "Баировна", "gender": "ж",
                       "birth_date": "2001-05-05", "position": "воспитатель", "hire_date": "2023-09-01",
                       "pedagogical_experience_start": "2023-09-01"})
    o["staff"].append({"id": "v02", "surname": "Гармаева", "name": "Дарима", "patronymic": "Цыреновна", "gender": "ж",
                       "birth_date": "2000-03-03", "position": "воспитатель", "hire_date": "2023-09-01",
                       "pedagogical_experience_start": "2023-09-01"})
    o["reporting_years"][0].update(young=4, young_covered=2)
    case("I99", "Бурятия, детский сад: 70 % — показатель для учителей; невовлечённые молодые воспитатели его не "
                "нарушают", o, "2024-11-20", "compliant")
    o = base(year=2022, name="СОШ № 39", **bur); act(o, "a-pol")["approved_by"] = None
    case("I145", "Бурятия: Положение есть, но не утверждено; 20.11.2022 — срок (2022 г.) не истёк", o, "2022-11-20",
         "compliant")
    o = copy.deepcopy(o)
    case("I146", "то же на 01.02.2023 — срок истёк", o, "2023-02-01", "violations",
         [V("acts[0]", *BU_POL, alt=[""])])
    o = base(year=2022, typ="дошкольная", name="Детский сад № 7", **bur); drop_acts(o, "a-pol", "a-utv", "a-prog")
    del o["pedagogical_council"]
    case("I122", "Бурятия, детский сад: Положения нет, 01.02.2023", o, "2023-02-01", "violations", [V("", *BU_POL)])
    o = base(year=2022, name="СОШ № 33", **bur)
    act(o, "a-pol")["date"] = "2022-12-30"; act(o, "a-utv")["date"] = "2022-12-31"; o["pedagogical_council"]["date"] = "2022-12-29"
    act(o, "a-prog")["date"] = "2022-12-31"
    case("I116", "Бурятия: Положение утверждено 31.12.2022 — в срок", o, "2023-02-01", "compliant")
    o = base(year=2024, name="СОШ № 34", **bur); del o["organisation"]["website_mentoring_section"]
    case("I128", "Бурятия: о разделе на сайте сведений нет", o, "2024-11-20", "incomplete")
    o = base(year=2024, name="СОШ № 35", **bur); young_teachers(o, 2, 2, 2024)
    o["staff"].append({"id": "u01", "surname": "Очирова", "name": "Саяна", "patronymic": "Владимировна", "gender": "ж",
                       "position": "учитель английского языка", "hire_date": "2024-09-02",
                       "pedagogical_experience_start": "2024-09-02"})
    case("I129", "Бурятия: невовлечённая учительница-новичок без даты рождения — 2 из 2 или 2 из 3: не определить", o,
         "2024-11-20", "incomplete")
    o = base(year=2023, name="СОШ № 36", **bur); act(o, "a-prog")["date"] = "2024-01-05"
    case("I134", "Бурятия: программа развития датирована 05.01.2024, проверка на 02.01.2024 — её ещё нет", o,
         "2024-01-02", "violations", [V("", *BU_PROG, alt=["acts[%d]" % act_index(o, "a-prog")])])
    o = base(year=2024, name="СОШ № 37", **dict(bur, region="Бурятия"))
    o["organisation"]["website_mentoring_section"] = None
    case("I140", "регион записан «Бурятия»: раздела на сайте нет", o, "2024-11-20", "violations",
         [V("", *BU_SITE, alt=["organisation.website_mentoring_section", "organisation"])])
    case("I141", "«Бурятская республика» — не название субъекта: ошибка входных данных с подсказкой",
         base(year=2024, name="СОШ № 38", **dict(bur, region="Бурятская республика")), "2024-11-20", "input_error")
    # ---------------- Красноярский край (приказ 397-11-05, Положение о РСНМС)
    kr = dict(region="Красноярский край", municipality="Красноярск", krasnoyarsk=True)
    case("I77", "Красноярский край, школа, всё выполнено", base(name="СОШ № 150", **kr), "2025-11-20", "compliant")
    o = base(name="СОШ № 151", **kr); o["organisation"]["methodological_council"] = None
    case("I78", "Красноярский край: методического совета нет", o, "2025-11-20", "violations",
         [V("", *KR_COUNCIL, alt=["organisation.methodological_council", "organisation"])])
    o = base(name="СОШ № 152", **kr); o["organisation"]["methodological_associations"] = None
    case("I79", "Красноярский край: методических объединений нет", o, "2025-11-20", "violations",
         [V("", *KR_ASSOC, alt=["organisation.methodological_associations", "organisation"])])
    o = base(name="СОШ № 153", **kr); act(o, "a-pk")["based_on_deficits"] = False
    case("I80", "Красноярский край: план повышения квалификации без учёта дефицитов", o, "2025-11-20", "violations",
         [V("acts[%d]" % act_index(o, "a-pk"), *KR_COUNCIL, alt=[""])])
    o = base(name="СОШ № 154", **kr); o["staff"][6]["individual_route"]["deficits"] = None
    case("I81", "Красноярский край: индивидуальный маршрут построен без диагностики дефицитов", o, "2025-11-20",
         "violations", [V("staff[6]", *KR_COUNCIL, ("397-11-05", "annex", "1.3"))])
    o = base(name="СОШ № 155", **kr); del o["organisation"]["methodological_council"]
    case("I82", "Красноярский край: сведений о методическом совете нет", o, "2025-11-20", "incomplete")
    case("I83", "«г.Красноярск» (без пробела)", base(name="СОШ № 156", **dict(kr, municipality="г.Красноярск")),
         "2025-11-20", "compliant")
    o = base(name="СОШ № 157", **kr); o["organisation"]["methodological_council"] = None
    case("I104", "Красноярский край на 01.05.2021: приказ 397-11-05 ещё не издан — методического совета нет, "
                 "это не нарушение", o, "2021-05-01", "compliant")
    o = base(name="СОШ № 158", **kr); drop_acts(o, "a-pk")
    case("I105", "Красноярский край: плана повышения квалификации нет", o, "2025-11-20", "violations",
         [V("", *KR_COUNCIL, alt=["acts"])])
    o = base(year=2024, tk=False)
    for g in o["pairs"] + o["groups"]:
        g["programme"]["end"] = "2025-02-28"
    for m in o["mentors"]:
        m["labour_agreement"] = None
    o["mentee_list_updated"] = "2025-08-25"
    o["monitoring"] = [{"programme": g["id"], "indicator": ind, "value": v, "point": "окончание", "date": "2025-02-27",
                        "source": "отчёт куратора"}
                       for g in o["pairs"] + o["groups"] for ind, v in (("programme_results", 100), ("mentee_results", 4))]
    case("I106", "программы окончились 28.02.2025; после 01.03.2025 наставничества нет — соглашения не нужны", o,
         "2025-11-20", "compliant")
    o = base(); del o["mentors"][0]["consent_date"]
    case("I107", "дата согласия не внесена, но соглашение о наставничестве (подписанное работником) есть", o,
         "2025-11-20", "compliant", [R("mentors[0]", *AZ_MENTOR)])
    o = base(name="СОШ № 159", **kr); o["organisation"]["methodological_council"] = "2025-12-01"
    case("I120", "Красноярский край: методический совет создан после даты проверки", o, "2025-11-20", "violations",
         [V("", *KR_COUNCIL, alt=["organisation.methodological_council", "organisation"])])
    o = base(typ="дошкольная", name="Детский сад № 310", **kr); o["organisation"]["methodological_council"] = None
    case("I123", "Красноярский край, детский сад: методического совета нет", o, "2025-11-20", "violations",
         [V("", *KR_COUNCIL, alt=["organisation.methodological_council", "organisation"])])
    o = base(name="СОШ № 160", **kr); del act(o, "a-pk")["based_on_deficits"]
    case("I135", "Красноярский край: о плане повышения квалификации не записано, учтены ли дефициты", o, "2025-11-20",
         "incomplete")
    # ---------------- 152-ФЗ
    def pd(o, sid, content=PD_CONTENT, dissemination="2025-08-25"):
        o["staff"][staff_index(o, sid)]["personal_data_consent"] = {"date": "2025-08-25", "content": list(content),
                                                                    "dissemination": dissemination}
    o = base(); pd(o, "s04", dissemination=None); o["mentors"][0]["published_on_website"] = True
    case("I84", "сведения о наставнике на сайте без согласия на распространение", o, "2025-11-20", "violations",
         [V("mentors[0]", *PD10, alt=["staff[3]"])])
    o = base(); pd(o, "s04"); o["mentors"][0]["published_on_website"] = True
    case("I85", "сведения о наставнике на сайте, согласие на распространение есть", o, "2025-11-20", "compliant")
    o = base(); o["mentors"][1]["published_on_website"] = True
    case("I108", "сведения о наставнике на сайте; о согласиях на обработку сведений нет", o, "2025-11-20", "incomplete")
    o = base(); pd(o, "s05", content=[c for c in PD_CONTENT if c != "цель"])
    case("I86", "в согласии на обработку не указана цель (ч. 4 ст. 9)", o, "2025-11-20", "violations",
         [V("staff[4]", *PD9, alt=["mentors[1]"])])
    o = base(); pd(o, "s05")
    case("I87", "согласие без «представителя» и «обработчика» — их нет, и указывать их не нужно", o, "2025-11-20",
         "compliant")
    o = base(); pd(o, "s06", dissemination="2025-12-01"); o["mentors"][2]["published_on_website"] = True
    case("I88", "согласие на распространение датировано после даты проверки", o, "2025-11-20", "violations",
         [V("mentors[2]", *PD10, alt=["staff[5]"])])


def build_held_out():
    """Written after the first findings were shared with the rules helper: variations of the
    disagreeing classes with other dates, places and subjects, to see whether a fix generalises."""
    bur = dict(region="Республика Бурятия", municipality="Северобайкальск", buryatia=True)

    def teachers(o, y, specs):
        """specs: (position, covered: None | 'pair' | 'group'); all under 35 in their second year."""
        o["groups"] = []; o["pairs"] = []; o["mentors"] = o["mentors"][:3]
        for sid in ("s07", "s08", "s09", "s10"):
            st = o["staff"][staff_index(o, sid)]
            st["birth_date"] = "1979-03-03"; st["pedagogical_experience_start"] = "2004-09-01"
        group = []
        for k, (pos, cov) in enumerate(specs):
            sid = "t%02d" % k
            o["staff"].append({"id": sid, "surname": "Жамсуева", "name": "Оюна", "patronymic": "Цыреновна", "gender": "ж",
                               "birth_date": d(y - 26, 2, 1 + k), "position": pos, "hire_date": d(y - 1, 9, 1),
                               "pedagogical_experience_start": d(y - 1, 9, 1)})
            if cov == "pair":
                o["pairs"].append({"id": "p%d" % (k + 1), "mentor": ["s04", "s05"][len(o["pairs"]) % 2], "mentee": sid,
                                   "form": "учитель – учитель", "mentee_consent_date": d(y, 8, 27),
                                   "programme": {"start": d(y, 9, 1), "end": d(y + 1, 5, 31), "goals": ["адаптация"]},
                                   "appointed_by": "a-pary"})
            elif cov == "group":
                group.append(sid)
        if group:
            o["groups"].append({"id": "g1", "mentor": "s06", "mentees": group, "form": "наставничество в группе",
                                "mentee_consents": [{"person": x, "date": d(y, 8, 27)} for x in group],
                                "programme": {"start": d(y, 9, 1), "end": d(y + 1, 5, 31), "goals": ["адаптация"]},
                                "appointed_by": "a-pary"})
        young = len(specs); cov = sum(1 for _, c in specs if c)
        o["reporting_years"] = [{"year": "%d/%d" % (y - 1, y), "staff": len(o["staff"]), "mentors": 3, "mentees": cov,
                                 "pairs": len(o["pairs"]), "groups": len(o["groups"]), "young": young, "young_covered": cov}]
        o["monitoring"] = [{"indicator": "programme_results", "value": 90, "point": "окончание", "date": d(y, 5, 28),
                            "source": "отчёт куратора"}]
        return o

    o = teachers(base(year=2024, name="СОШ № 3", **bur), 2024,
                 [("Учитель начальных классов", "pair")] * 7 + [("учитель математики и информатики", None)] * 3)
    case("H01", "Бурятия: ровно 70 % (7 из 10), должности с заглавной буквы", o, "2024-11-20", "compliant")
    o = teachers(base(year=2024, name="СОШ № 4", **bur), 2024,
                 [("учитель истории", "pair")] * 2 + [("учитель физики", "group")] * 7 + [("учитель химии", None)] * 4)
    case("H02", "Бурятия: 9 из 13 (69,2 %), часть вовлечена через группу", o, "2024-11-20", "violations",
         [V("", *BU_70)])
    o = teachers(base(year=2024, name="СОШ № 5", **bur), 2024,
                 [("учитель музыки", "pair"), ("учитель ИЗО", "group"), ("учитель технологии", "group"),
                  ("учитель географии", None)])
    case("H03", "Бурятия: 3 из 4 (75 %) — вовлечены через пару и группу", o, "2024-11-20", "compliant")
    o = teachers(base(year=2024, name="СОШ № 6", **bur), 2024,
                 [("учитель биологии", "pair")] * 2 + [("учитель биологии", None)] * 3)
    case("H04", "Бурятия: 2 из 5 на 31.12.2024 — последний день 2024 года", o, "2024-12-31", "violations",
         [V("", *BU_70)])
    o = copy.deepcopy(o)
    case("H05", "то же на 01.01.2025 — период программы (2021–2024) окончен", o, "2025-01-01", "compliant")
    o = base(year=2024, name="СОШ № 7", **bur); o["acts"] = [a for a in o["acts"] if a["id"] != "a-spr"]
    o["monitoring"] = [{"indicator": "programme_results", "value": 85, "point": "окончание", "date": "2024-05-28",
                        "source": "протокол методического совета"}]
    case("H06", "Бурятия: аналитической справки нет, значения мониторинга записаны", o, "2024-11-20", "compliant")
    # the leap day inside a year, other dates
    o = base(year=2027)
    for m in o["mentors"]:
        m["labour_agreement"]["end"] = "2029-01-14"
    o["pairs"][0]["programme"].update(start="2028-01-15", end="2029-01-14")
    case("H07", "программа 15.01.2028–14.01.2029 (через 29.02.2028) — ровно год", o, "2028-03-01", "compliant")
    o = base(year=2027, municipality="Бийск", name="СОШ № 18")
    for m in o["mentors"]:
        m["labour_agreement"]["end"] = "2029-01-15"
    o["pairs"][1]["programme"].update(start="2028-01-15", end="2029-01-15")
    case("H08", "Бийск: 15.01.2028–15.01.2029 — год и день", o, "2028-03-01", "violations", [V("pairs[1]", *K_PROG)])
    o = base(year=2027, typ="дошкольная", name="Детский сад № 140")
    for m in o["mentors"]:
        m["labour_agreement"]["end"] = "2028-02-29"
    o["groups"][0]["programme"].update(start="2027-03-01", end="2028-02-29")
    case("H16", "группа детского сада: 01.03.2027–29.02.2028 — ровно год", o, "2027-11-20", "compliant")
    # editions
    o = base(municipality="Бийск", name="СОШ № 22")
    o["acts"].append({"id": "a-pol3", "kind": "положение о наставничестве", "date": "2025-10-01", "approved_by": None,
                      "title": "Положение о системе наставничества (проект изменений)"})
    case("H09", "Бийск: утверждённое Положение 2022 г. и проект изменений 2025 г.", o, "2025-11-20", "compliant")
    # follows_model on other clauses, in a region without acts
    nsk = dict(region="Новосибирская область", municipality="Искитим")
    o = base(name="СОШ № 4", **nsk); act(o, "a-pol")["follows_model"] = True; o["mentee_list_updated"] = "2024-06-01"
    case("H10", "Положение по примерному: список наставляемых не актуализировался больше года", o, "2025-11-20",
         "violations", [V("", *AZ_CUR, alt=["mentee_list_updated"])])
    o = base(name="СОШ № 5", **nsk); act(o, "a-pol")["follows_model"] = True; drop_acts(o, "a-dk")
    case("H11", "Положение по примерному: дорожной карты нет", o, "2025-11-20", "violations", [V("", *AZ_PAIR)])
    o = base(name="СОШ № 6", **nsk); o["mentee_list_updated"] = "2024-06-01"
    case("H12", "своё Положение: список не актуализировался больше года — рекомендация", o, "2025-11-20", "compliant",
         [R("", *AZ_CUR, alt=["mentee_list_updated"])])
    # follows_model belongs to an edition: only the edition in force counts
    o = base(name="СОШ № 44"); o["pairs"][0]["mentee_consent_date"] = None
    o["acts"][2:2] = [{"id": "a-pol2", "kind": "положение о наставничестве", "date": "2024-08-29", "approved_by": "a-utv2",
                       "follows_model": True, "title": "Положение о системе наставничества (новая редакция)"},
                      {"id": "a-utv2", "kind": "приказ об утверждении положения", "date": "2024-08-30", "number": "70-од"}]
    case("H17", "новая редакция Положения (2024) воспроизводит примерное, прежняя (2022) — нет: наставляемый без "
                "согласия — нарушение", o, "2025-11-20", "violations", [V("pairs[0]", *AZ_PAIR)])
    o = base(name="СОШ № 45"); o["pairs"][0]["mentee_consent_date"] = None; act(o, "a-pol")["follows_model"] = True
    o["acts"][2:2] = [{"id": "a-pol2", "kind": "положение о наставничестве", "date": "2024-08-29", "approved_by": "a-utv2",
                       "title": "Положение о системе наставничества (новая редакция)"},
                      {"id": "a-utv2", "kind": "приказ об утверждении положения", "date": "2024-08-30", "number": "70-од"}]
    case("H18", "прежняя редакция (2022) воспроизводила примерное, действующая (2024) — своя: наставляемый без "
                "согласия — рекомендация", o, "2025-11-20", "compliant", [R("pairs[0]", *AZ_PAIR)])
    o = base(name="СОШ № 46"); o["pairs"][0]["mentee_consent_date"] = None; act(o, "a-pol")["follows_model"] = True
    act(o, "a-pol")["date"] = "2025-12-01"; act(o, "a-utv")["date"] = "2025-12-01"; o["pedagogical_council"]["date"] = "2025-11-28"
    case("H19", "Положение по примерному утверждено после даты проверки: его ещё нет — Положения нет (нарушение), "
                "согласие наставляемого — рекомендация", o, "2025-11-20", "violations",
         [V("", *B_DOCS, alt=["acts[0]"]), R("pairs[0]", *AZ_PAIR)])
    # ТК: group mentors
    o = base(municipality="Рубцовск", name="СОШ № 9"); o["groups"][0]["mentor"] = "s11"
    case("H13", "наставник группы не назначен наставником (нет в перечне)", o, "2025-11-20", "violations",
         [V("groups[0]", *TK, *AZ_MENTOR, alt=["mentors"])])
    o = base(typ="дошкольная", name="Детский сад № 99"); o["mentors"][2]["labour_agreement"]["end"] = "2025-09-30"
    case("H14", "детский сад: соглашение наставника группы окончилось 30.09.2025, группа занимается до 31.05.2026", o,
         "2025-11-20", "violations", [V("mentors[2]", *TK, alt=["groups[0]"])])
    # ownership
    o = base(municipality="Бийск", name="СОШ «Лидер»")
    o["organisation"]["full_name"] = "Частное общеобразовательное учреждение «Средняя общеобразовательная школа «Лидер»"
    o["organisation"]["short_name"] = "ЧОУ «СОШ «Лидер»"
    o["curator"]["person"] = "s11"
    case("H15", "частная школа в Бийске: приказ № 701 — о муниципальных учреждениях; куратор не заместитель", o,
         "2025-11-20", "compliant", [R("curator", *AZ_CUR)])


# ---------------------------------------------------------------------------------------------
# Held-out batch 2 (H20…), written at 22:00 on 06.12 while the rules helper fixes D6, D7, D8, D10,
# D12, D13: each class varied another way than in I…/H01–H19, and areas not covered before (the
# справка of `check --act`, Алтай № 404 as the basis of the municipal acts, Красноярский край
# municipal obligations, programmes starting before the order fixing the pair, editions with
# follows_model, files of format /1, the wording of a conclusion with recommendations only).
# Every mentor's `published_on_website` is written (`false` unless said) so that D13 does not hide
# what a case is about — except in the D13 cases, which are about the field left out.
K_LIST = [("701", "annex", "4.1.3"), ("АЗ-1128/08", "annex", "3.4")]
BU_MON = [("1552", "annex", "IV/3"), ("1552", "annex", "IV")]
KR_MMS = [("397-11-05", "annex", "3.3.1"), ("397-11-05", "annex", "3.3")]
KR_MO = [("397-11-05", "annex", "3.3.2"), ("397-11-05", "annex", "3.3")]
# what a справка (`check --act`) and a conclusion must never say when there is no violation
NO_REMEDY = ["подлежат устранению", "устранить нарушения", "срок устранения нарушений", "устранения нарушений"]


def flags(o, value=False):
    for m in o.get("mentors") or []:
        m.setdefault("published_on_website", value)
    return o


def hcase(cid, cls, note, org, as_of, conclusion, expect=(), **extra):
    """A held-out case of batch 2: `cls` is the class it varies (D6 … or an area), `extra` holds the
    checks of act_check.py (`act`: strings the справка must / must not contain; `bases`: the act
    every municipal citation must name as its basis)."""
    case(cid, note, org, as_of, conclusion, expect)
    CASES[-1]["class"] = cls
    CASES[-1].update(extra)


def order_pairs(o, aid, date, number):
    o["acts"].append({"id": aid, "kind": "приказ о закреплении наставнических пар", "date": date, "number": number})


def build_held_out_2():
    kr = dict(region="Красноярский край", krasnoyarsk=True)
    nsk = dict(region="Новосибирская область")
    # ---------------- D6: everyone who mentors is subject to ТК РФ ст. 351.8; the agreement's term
    o = flags(base(municipality="Бийск", name="СОШ № 25")); o["pairs"][1]["mentor"] = "s03"
    hcase("H20", "D6", "Бийск: пару ведёт заместитель директора, которого нет в перечне наставников (перечень полон): "
                       "ни согласия, ни соглашения — ст. 351.8 ТК РФ", o, "2025-11-20", "violations",
          [V("pairs[1]", *TK, *AZ_MENTOR, alt=["mentors"])])
    o = flags(base(municipality="Канск", name="СОШ № 2", **kr)); o["mentors"][2]["labour_agreement"]["end"] = "2025-11-19"
    hcase("H21", "D6", "Красноярский край: соглашение наставника группы окончилось накануне проверки (19.11.2025), "
                       "группа занимается до 31.05.2026", o, "2025-11-20", "violations",
          [V("mentors[2]", *TK, alt=["groups[0]"])])
    o = flags(base(municipality="Канск", name="СОШ № 3", **kr)); o["mentors"][2]["labour_agreement"]["end"] = "2025-11-20"
    hcase("H22", "D6", "то же, соглашение оканчивается в день проверки — на эту дату действует", o, "2025-11-20",
          "compliant")
    o = flags(base(name="Гимназия № 1", municipality="Бердск", **nsk)); o["groups"][0]["mentor"] = "s01"
    o["groups"][0]["form"] = "руководитель образовательной организации – педагог"
    hcase("H23", "D6", "Новосибирская область, 02.03.2026: группу ведёт директор, которого нет в перечне наставников",
          o, "2026-03-02", "violations", [V("groups[0]", *TK, *AZ_MENTOR, alt=["mentors"])])
    o = flags(base(year=2024, tk=True, name="СОШ № 64")); o["pairs"][1]["mentor"] = "s11"
    hcase("H24", "D6", "Барнаул, 28.02.2025 (ст. 351.8 ещё не действует): пару ведёт учитель, которого нет в перечне "
                       "наставников — только рекомендация п. 3.2 примерного Положения", o, "2025-02-28", "compliant",
          [R("pairs[1]", *AZ_MENTOR, alt=["mentors"])])
    o = flags(base(municipality="Бийск", name="СОШ № 26")); del o["mentors"][2]["labour_agreement"]["end"]
    hcase("H25", "D6", "Бийск: в соглашении наставника группы не записан срок (поле пропущено)", o, "2025-11-20",
          "incomplete")
    # ---------------- D8: the agreement the worker signed is his written consent
    o = flags(base(municipality="Бийск", name="СОШ № 27")); del o["mentors"][2]["consent_date"]
    hcase("H26", "D8", "Бийск: дата согласия наставника группы не внесена, соглашение о наставничестве есть", o,
          "2025-11-20", "compliant", [R("mentors[2]", *AZ_MENTOR)])
    o = flags(base(municipality="Рубцовск", name="СОШ № 10")); act(o, "a-pol")["follows_model"] = True
    del o["mentors"][0]["consent_date"]; o["mentors"][0]["labour_agreement"]["date"] = "2025-08-28"
    hcase("H27", "D8", "Рубцовск, Положение по примерному: дата согласия не внесена, соглашение подписано 28.08.2025 — "
                       "до приказа о назначении (29.08.2025), оно и есть письменное согласие (п. 3.2)", o,
          "2025-11-20", "compliant")
    o = flags(base(municipality="Бийск", name="СОШ № 28")); del o["mentors"][1]["consent_date"]
    del o["mentors"][1]["labour_agreement"]
    hcase("H28", "D8", "Бийск: у наставника не внесены ни дата согласия, ни соглашение — проверка не завершена", o,
          "2025-11-20", "incomplete")
    # ---------------- D10: municipal acts govern municipal organisations only
    o = flags(base(municipality="Бийск", name="Бийский лицей-интернат Алтайского края"))
    o["organisation"]["full_name"] = ("Краевое государственное бюджетное общеобразовательное учреждение "
                                      "«Бийский лицей-интернат Алтайского края»")
    o["organisation"]["short_name"] = "КГБОУ «Бийский лицей-интернат Алтайского края»"
    o["curator"]["person"] = "s11"
    hcase("H29", "D10", "краевое учреждение в Бийске: приказ № 701 — о муниципальных учреждениях (преамбула, п. 1.1 "
                        "Положения); куратор не заместитель — рекомендация", o, "2025-11-20", "compliant",
          [R("curator", *AZ_CUR)])
    o = flags(base(typ="дошкольная", name="Детский сад № 179"))
    o["organisation"]["full_name"] = ("Частное дошкольное образовательное учреждение «Детский сад № 179 открытого "
                                      "акционерного общества «Российские железные дороги»")
    o["organisation"]["short_name"] = "Детский сад № 179 ОАО «РЖД»"
    o["groups"][0]["programme"].update(start="2025-09-01", end="2025-10-31")
    hcase("H30", "D10", "частный детский сад в Барнауле: программа группы 2 месяца — рекомендация (п. 1.1 Положения "
                        "приказа № 127: МОО — муниципальные)", o, "2025-11-20", "compliant",
          [R("groups[0]", *AZ_PROG)])
    o = flags(base(name="Лицей № 112"))
    o["organisation"]["full_name"] = "Муниципальное автономное общеобразовательное учреждение «Лицей № 112»"
    o["organisation"]["short_name"] = "МАОУ «Лицей № 112»"
    o["curator"]["person"] = "s11"
    hcase("H31", "D10", "муниципальное автономное учреждение в Барнауле (п. 1.1: «бюджетных (автономных)»): куратор не "
                        "заместитель — нарушение п. 4.1.2", o, "2025-11-20", "violations", [V("curator", *B_CUR_DEP)],
          bases="404")
    o = flags(base(municipality="Бийск", year=2022, name="Гимназия «Альтаир»"))
    o["organisation"]["full_name"] = "Частное общеобразовательное учреждение «Гимназия «Альтаир»"
    o["organisation"]["short_name"] = "ЧОУ «Гимназия «Альтаир»"
    drop_acts(o, "a-pol", "a-utv"); del o["pedagogical_council"]
    hcase("H32", "D10", "частная гимназия в Бийске, 01.01.2023: Положения нет — срок п. 3 приказа № 701 её не касается; "
                        "рекомендация п. 3.1 примерного Положения", o, "2023-01-01", "compliant",
          [R("", *AZ_POL, alt=["acts"])])
    # ---------------- D12: the year's monitoring, shown otherwise than by a справка
    bur = dict(region="Республика Бурятия", municipality="Гусиноозёрск", buryatia=True)
    o = flags(base(year=2023, name="СОШ № 2", **bur)); drop_acts(o, "a-spr")
    o["questionnaires"] = [{"form": "наставляемый", "respondent": g["mentee"], "programme": g["id"], "date": "2024-05-20",
                            "point": "окончание", "answers": {"motivation": 4, "adaptation": 5, "satisfaction": 4}}
                           for g in o["pairs"]]
    hcase("H33", "D12", "Бурятия, 15.06.2024: справки нет, итоги 2023/2024 учебного года — анкеты наставляемых на "
                        "окончание программ (20.05.2024)", o, "2024-06-15", "compliant")
    o = flags(base(year=2024, name="СОШ № 3", **bur)); drop_acts(o, "a-spr")
    hcase("H34", "D12", "Бурятия: справки нет, о мониторинге сведений нет (monitoring не внесён) — проверка не завершена",
          o, "2024-11-20", "incomplete")
    o = flags(base(year=2024, name="СОШ № 4", **bur)); drop_acts(o, "a-spr"); o["monitoring"] = []; o["questionnaires"] = []
    hcase("H35", "D12", "Бурятия: справки нет, мониторинг и анкеты — пустые перечни («их нет»): ежегодный мониторинг "
                        "(разд. IV п. 3) не проведён", o, "2024-11-20", "violations", [V("", *BU_MON, alt=["monitoring"])])
    o = flags(base(year=2023, name="СОШ № 5", **bur))
    hcase("H36", "D12", "Бурятия, 15.06.2024: последняя справка — 10.06.2023 (2022/2023 учебный год); 2023/2024 год ещё "
                        "не закончился — «ежегодный» не нарушен (при чтении «12 месяцев» было бы нарушением)", o,
          "2024-06-15", "compliant")
    # ---------------- D13: published_on_website left out
    o = base(year=2024, tk=False, name="СОШ № 66")
    o["format"] = "nastavnik.organisation/1"
    del o["reporting_years"]; del o["organisation"]["methodological_associations"]
    for s in o["staff"]:
        s.pop("labour_contract", None)
    hcase("H37", "D13", "файл формата /1, составленный до issue 12 (флага публикации нет): 20.02.2025, всё выполнено — "
                        "прежние файлы читаются как прежде", o, "2025-02-20", "compliant",
          act={"must": [], "must_not": []})
    o = flags(base(municipality="Бийск", name="СОШ № 29"))
    hcase("H38", "D13", "Бийск: «published_on_website»: false записан у всех наставников", o, "2025-11-20", "compliant")
    o = base(municipality="Рубцовск", name="СОШ № 11"); o["organisation"]["website_mentoring_section"] = None
    del o["organisation"]["website"]
    hcase("H39", "D13", "Рубцовск: сайта не записано, раздела о наставничестве нет (null), флаг публикации не внесён — "
                        "публиковать негде", o, "2025-11-20", "compliant",
          act={"must": [], "must_not": []})
    # ---------------- D7: «known: never updated»
    o = flags(base(municipality="Бийск", name="СОШ № 30")); o["mentee_list_updated"] = None
    hcase("H40", "D7", "Бийск: список наставляемых не актуализировался (null) — нарушение п. 4.1.3 Положения приказа № 701 "
                       "(если формат допускает null; на a650d5d — ошибка входных данных, I23)", o, "2025-11-20",
          "violations", [V("", *K_LIST, alt=["mentee_list_updated"])])
    o = flags(base(name="СОШ № 7", municipality="Искитим", **nsk)); o["mentee_list_updated"] = None
    hcase("H41", "D7", "Новосибирская область, своё Положение: список не актуализировался (null) — рекомендация п. 3.4",
          o, "2025-11-20", "compliant", [R("", *AZ_CUR, alt=["mentee_list_updated"])])
    o = flags(base(municipality="Рубцовск", name="СОШ № 12")); act(o, "a-pol")["follows_model"] = True
    o["mentee_list_updated"] = None
    hcase("H42", "D7", "Рубцовск, Положение по примерному: список не актуализировался (null) — нарушение своего "
                       "Положения (п. 3.4)", o, "2025-11-20", "violations", [V("", *AZ_CUR, alt=["mentee_list_updated"])])
    # ---------------- the справка of `check --act`
    o = flags(base(name="СОШ № 70")); o["pairs"][1]["programme"].update(end="2026-09-30")
    o["pairs"][0]["mentee_consent_date"] = None
    for m in o["mentors"]:
        m["labour_agreement"]["end"] = "2026-09-30"
    hcase("H43", "act", "справка: программа пары 13 месяцев (нарушение п. 1.2 / 4.1.3 Положения приказа № 127) и "
                        "наставляемый без согласия (рекомендация)", o, "2025-11-20", "violations",
          [V("pairs[1]", *B_PROG), R("pairs[0]", *AZ_PAIR)], bases="404",
          act={"must": ["№ 127", "Положения о системе наставничества", "Рекомендации"], "must_not": []})
    o = flags(base(name="СОШ № 71")); o["pairs"][0]["mentee_consent_date"] = None
    o["groups"][0]["mentee_consents"][0]["date"] = None
    hcase("H44", "act", "справка и заключение, когда выявлены только рекомендации (двое наставляемых без согласия)", o,
          "2025-11-20", "compliant", [R("pairs[0]", *AZ_PAIR), R("groups[0]", *AZ_PAIR)],
          act={"must": ["не выявлено"], "must_not": NO_REMEDY})
    o = flags(base(municipality="Бийск", name="СОШ № 31")); del o["curator"]["appointed_by"]
    hcase("H45", "act", "справка, когда проверка не завершена (приказ о назначении куратора не внесён): без путей в "
                        "данных, без «подлежат устранению»", o, "2025-11-20", "incomplete",
          act={"must": ["Не оцен"], "must_not": NO_REMEDY})
    o = flags(base(municipality="Бийск", year=2022, name="СОШ № 32")); drop_acts(o, "a-dk")
    hcase("H46", "act", "справка, Бийск 01.01.2023: дорожной карты нет после срока п. 3 приказа № 701", o, "2023-01-01",
          "violations", [V("", *K_DOCS, alt=["acts"])], bases="404",
          act={"must": ["№ 701"], "must_not": []})
    o = flags(base(municipality="Бийск", name="СОШ № 35")); o["curator"]["person"] = "s11"
    o["staff"][0].update(surname="Соколов", name="Николай", patronymic="Викторович", gender="м")
    hcase("H58", "act", "справка с реквизитами проверки из параметров команды; руководитель — мужчина; куратор не "
                        "заместитель (нарушение п. 4.1.2 Положения приказа № 701)", o, "2025-11-20", "violations",
          [V("curator", *K_CUR_DEP)], bases="404",
          act={"args": ["--inspector", "Григорьева Ольга Николаевна", "--inspector-position", "главный специалист",
                        "--inspection-deadline", "2026-01-20"],
               "must": ["Со справкой ознакомлен:", "Григорьева", "№ 701"], "must_not": ["ознакомлена"],
               "must_re": [r"20\.01\.2026|20 января 2026"]})
    o = flags(base(typ="дошкольная", name="Детский сад № 41", municipality="Рубцовск"))
    o["groups"][0]["programme"].update(start="2025-09-01", end="2026-10-31")
    for m in o["mentors"]:
        m["labour_agreement"]["end"] = "2026-10-31"
    del o["mentee_list_updated"]
    hcase("H59", "act", "справка детского сада в Рубцовске: программа группы 14 месяцев (рекомендация), дата "
                        "актуализации списка не внесена (рекомендация, не влияет на заключение)", o, "2025-11-20",
          "compliant", [R("groups[0]", *AZ_PROG)], act={"must": ["Заведующ", "не выявлено"], "must_not": []})
    # ---------------- programme dates vs the order fixing the pair (примерное Положение, п. 3.3)
    o = flags(base(name="СОШ № 72")); o["pairs"][0]["programme"]["start"] = "2025-08-20"
    hcase("H47", "order", "Барнаул, своё Положение: программа пары начата 20.08.2025, пара закреплена приказом от "
                          "31.08.2025 — рекомендация п. 3.3", o, "2025-11-20", "compliant", [R("pairs[0]", *AZ_PAIR)])
    o = flags(base(municipality="Рубцовск", name="СОШ № 13")); act(o, "a-pol")["follows_model"] = True
    order_pairs(o, "a-grp", "2025-09-10", "66-од"); o["groups"][0]["appointed_by"] = "a-grp"
    hcase("H48", "order", "Рубцовск, Положение по примерному: программа группы начата 01.09.2025, группа закреплена "
                          "приказом от 10.09.2025 — нарушение п. 3.3 своего Положения", o, "2025-11-20", "violations",
          [V("groups[0]", *AZ_PAIR)])
    o = flags(base(name="СОШ № 8", municipality="Искитим", **nsk)); act(o, "a-pol")["follows_model"] = True
    order_pairs(o, "a-p2", "2025-12-01", "90-од"); o["pairs"][1]["appointed_by"] = "a-p2"
    hcase("H49", "order", "Новосибирская область, Положение по примерному: пара занимается с 01.09.2025, приказ о её "
                          "закреплении — от 01.12.2025, после даты проверки", o, "2025-11-20", "violations",
          [V("pairs[1]", *AZ_PAIR, alt=["acts[%d]" % act_index(o, "a-p2")])])
    # ---------------- editions with follows_model
    o = flags(base(name="СОШ № 73")); act(o, "a-pol")["follows_model"] = True; act(o, "a-pol")["approved_by"] = None
    o["pairs"][0]["mentee_consent_date"] = None
    hcase("H50", "edition", "Барнаул: единственное Положение воспроизводит примерное, но не утверждено — Положения нет "
                            "(нарушение п. 4.1.1), согласие наставляемого — рекомендация", o, "2025-11-20", "violations",
          [V("acts[0]", *B_DOCS, alt=[""]), R("pairs[0]", *AZ_PAIR)], bases="404")
    o = flags(base(municipality="Бийск", name="СОШ № 33"))
    o["acts"][2:2] = [{"id": "a-pol2", "kind": "положение о наставничестве", "date": "2025-11-18", "approved_by": "a-utv2",
                       "follows_model": True, "title": "Положение о системе наставничества (новая редакция)"},
                      {"id": "a-utv2", "kind": "приказ об утверждении положения", "date": "2025-11-20", "number": "79-од"}]
    o["groups"][0]["mentee_consents"][1]["date"] = None
    hcase("H51", "edition", "Бийск: новая редакция Положения по примерному утверждена в день проверки — действует "
                            "(прежняя, своя, — 2022 г., в срок); наставляемая группы без согласия — нарушение п. 3.3 своего "
                            "Положения", o, "2025-11-20", "violations", [V("groups[0]", *AZ_PAIR)])
    o = flags(base(name="СОШ № 74")); o["pairs"][0]["mentee_consent_date"] = None
    o["acts"][2:2] = [{"id": "a-pol2", "kind": "положение о наставничестве", "date": "2025-11-25", "approved_by": "a-utv2",
                       "follows_model": True, "title": "Положение о системе наставничества (новая редакция)"},
                      {"id": "a-utv2", "kind": "приказ об утверждении положения", "date": "2025-12-01", "number": "81-од"}]
    hcase("H52", "edition", "Барнаул: новая редакция по примерному утверждена 01.12.2025 (после проверки), действует своя "
                            "редакция 2022 г. — согласие наставляемого — рекомендация", o, "2025-11-20", "compliant",
          [R("pairs[0]", *AZ_PAIR)])
    # ---------------- old format (/1)
    o = base(year=2024, tk=False, municipality="Бийск", name="СОШ № 34")
    o["format"] = "nastavnik.organisation/1"
    del o["reporting_years"]; del o["organisation"]["methodological_associations"]
    for s in o["staff"]:
        s.pop("labour_contract", None)
    o["curator"]["person"] = "s11"
    hcase("H53", "format/1", "файл формата /1, Бийск, 20.02.2025: куратор не заместитель — нарушение п. 4.1.2", o,
          "2025-02-20", "violations", [V("curator", *K_CUR_DEP)], bases="404")


# ---------------------------------------------------------------------------------------------
# Held-out batch 3 (H60…), written at 23:35 on 06.12 by the eval helper alone and scored before
# anyone else could read it: every class D1–D13 varied again (other municipalities and regions,
# groups instead of pairs, date boundaries, files of format /2 and /3, the founder recorded or
# not, agreements with and without terms), and plain compliant organisations of other types.
def v3(o, founder=None):
    """A file of format /3 (organisation.founder; a mentor's publication flag left out = «not recorded»)."""
    o["format"] = "nastavnik.organisation/3"
    if founder:
        o["organisation"]["founder"] = founder
    return flags(o)


def build_held_out_3():
    kr = dict(region="Красноярский край", krasnoyarsk=True)
    bur = dict(region="Республика Бурятия", buryatia=True)

    def pd(o, sid, content=PD_CONTENT, dissemination="2025-08-25"):
        o["staff"][staff_index(o, sid)]["personal_data_consent"] = {"date": "2025-08-25", "content": list(content),
                                                                    "dissemination": dissemination}
    # ---------------- D1: follows_model makes the model's clauses the organisation's own
    o = v3(base(municipality="Красноярск", name="СОШ № 150", **kr), "муниципальный")
    act(o, "a-pol")["follows_model"] = True; o["groups"][0]["mentee_consents"][1]["date"] = None
    hcase("H60", "D1", "Красноярск, формат /3, Положение по примерному: наставляемая группы без согласия (null) — "
                       "нарушение п. 3.3 своего Положения", o, "2025-11-20", "violations", [V("groups[0]", *AZ_PAIR)])
    o = flags(base(year=2024, municipality="Улан-Удэ", name="СОШ № 40", **bur)); act(o, "a-pol")["follows_model"] = True
    o["curator"]["person"] = "s11"
    hcase("H61", "D1", "Улан-Удэ, Положение по примерному: куратор — учитель, не заместитель — нарушение п. 3.4 своего "
                       "Положения", o, "2024-11-20", "violations", [V("curator", *AZ_CUR)])
    # ---------------- D2: terms counted as ГК РФ ст. 190–192 count them
    o = flags(base(municipality="Ачинск", name="СОШ № 5", **kr)); act(o, "a-pol")["follows_model"] = True
    o["pairs"][0]["programme"].update(start="2025-09-01", end="2026-08-31")
    o["mentors"][0]["labour_agreement"]["end"] = "2026-08-31"
    hcase("H62", "D2", "Ачинск, Положение по примерному: программа пары 01.09.2025–31.08.2026 — ровно год (п. 1.2)", o,
          "2025-11-20", "compliant")
    o = flags(base(municipality="Бийск", name="СОШ № 36"))
    o["groups"][0]["programme"].update(start="2025-12-02", end="2026-02-28")
    hcase("H63", "D2", "Бийск: программа группы 02.12.2025–28.02.2026 — на день меньше трёх месяцев (п. 1.2, 4.1.3 "
                       "Положения приказа № 701)", o, "2026-01-15", "violations", [V("groups[0]", *K_PROG)], bases="404")
    o = flags(base(typ="дошкольная", name="Детский сад № 250"))
    o["groups"][0]["programme"].update(start="2025-12-01", end="2026-02-28")
    hcase("H64", "D2", "Барнаул, детский сад: программа группы 01.12.2025–28.02.2026 — ровно три месяца", o,
          "2026-01-15", "compliant")
    # ---------------- D3: Бурятия, 70 % of teachers under 35 in their first three years
    o = flags(base(year=2023, municipality="Северобайкальск", name="СОШ № 11", **bur))
    for k in range(3):
        o["staff"].append({"id": "t%02d" % k, "surname": "Бадмаева", "name": "Сэсэг", "patronymic": "Доржиевна",
                           "gender": "ж", "birth_date": "1983-0%d-10" % (k + 2), "position": "учитель географии",
                           "hire_date": "2023-09-01", "pedagogical_experience_start": "2023-09-01"})
    hcase("H65", "D3", "Бурятия, 15.03.2024: все учителя до 35 лет в первые три года вовлечены (4 из 4); три учителя "
                       "40 лет в первый год работы не вовлечены — в показатель не входят", o, "2024-03-15", "compliant")
    o = flags(base(year=2023, municipality="Кяхтинский район", name="Кяхтинская СОШ № 4", **bur))
    for k in range(2):
        o["staff"].append({"id": "t%02d" % k, "surname": "Цыденова", "name": "Арюна", "patronymic": "Баировна",
                           "gender": "ж", "birth_date": "1999-0%d-10" % (k + 2), "position": "учитель химии",
                           "hire_date": "2023-09-01", "pedagogical_experience_start": "2023-09-01"})
    hcase("H66", "D3", "Кяхтинский район, 15.03.2024: вовлечены 4 из 6 учителей до 35 лет в первые три года (66,7 %)",
          o, "2024-03-15", "violations", [V("", *BU_70)])
    # ---------------- D4: monitoring values not recorded, справка present
    o = flags(base(year=2024, municipality="Гусиноозёрск", name="СОШ № 6", **bur))
    hcase("H67", "D4", "Бурятия: аналитическая справка за 2023/2024 год есть, значения показателей мониторинга не "
                       "записаны (поле не внесено) — ничего не нарушено", o, "2024-11-20", "compliant")
    # ---------------- D5: the deadline is met by the earliest approved edition
    o = flags(base(year=2022, municipality="Бийск", name="СОШ № 37"))
    act(o, "a-pol")["date"] = "2022-12-30"; act(o, "a-utv")["date"] = "2022-12-31"
    o["pedagogical_council"]["date"] = "2022-12-29"
    o["acts"][0:0] = [{"id": "a-pol2", "kind": "положение о наставничестве", "date": "2023-01-09", "approved_by": "a-utv2",
                       "title": "Положение о системе наставничества (новая редакция)"},
                      {"id": "a-utv2", "kind": "приказ об утверждении положения", "date": "2023-01-09", "number": "2-од"}]
    hcase("H68", "D5", "Бийск, 10.01.2023: первой в перечне записана редакция от 09.01.2023, но первая редакция "
                       "утверждена 31.12.2022 — в последний день срока п. 3 приказа № 701", o, "2023-01-10", "compliant")
    # ---------------- D6: ТК РФ ст. 351.8
    o = v3(base(municipality="Норильск", name="СОШ № 28", **kr), "муниципальный")
    o["mentors"][2]["labour_agreement"]["pay"] = None
    hcase("H69", "D6", "Норильск, формат /3: в соглашении наставника группы оплата не определена (null)", o,
          "2025-11-20", "violations", [V("mentors[2]", *TK, alt=["groups[0]"])])
    o = flags(base(year=2025, municipality="Улан-Удэ", name="СОШ № 41", **bur))
    o["mentors"][2]["labour_agreement"] = None
    hcase("H70", "D6", "Улан-Удэ: группа начала заниматься 01.09.2025, у её наставника нет дополнительного соглашения "
                       "(null)", o, "2025-11-20", "violations", [V("mentors[2]", *TK, alt=["groups[0]"])])
    o = flags(base(typ="дополнительного образования", municipality="Бийск", name="Центр детского творчества"))
    o["mentors"][0]["labour_agreement"]["date"] = "2025-11-25"
    hcase("H71", "D6", "Бийск, дополнительное образование: соглашение наставника пары подписано 25.11.2025 — после "
                       "даты проверки; на дату проверки его нет", o, "2025-11-20", "violations",
          [V("mentors[0]", *TK, alt=["pairs[0]"])])
    # ---------------- D7: the list of mentees
    o = v3(base(typ="дошкольная", name="Детский сад № 260"), "муниципальный"); o["mentee_list_updated"] = None
    hcase("H72", "D7", "Барнаул, детский сад, формат /3: список наставляемых ни разу не актуализировался (null) — "
                       "п. 4.1.3 Положения приказа № 127", o, "2025-11-20", "violations",
          [V("", *B_LIST, alt=["mentee_list_updated"])], bases="404")
    o = flags(base(municipality="Бийск", name="СОШ № 38")); o["mentee_list_updated"] = "2024-11-20"
    hcase("H73", "D7", "Бийск: список актуализирован 20.11.2024, проверка 20.11.2025 — ровно год (п. 4.1.3)", o,
          "2025-11-20", "compliant")
    o = flags(base(typ="дополнительного образования", name="Дворец творчества детей и молодёжи"))
    o["mentee_list_updated"] = "2024-11-19"
    hcase("H74", "D7", "Барнаул, дополнительное образование: список актуализирован 19.11.2024, проверка 20.11.2025 — "
                       "год и день (п. 4.1.3; при чтении «календарный год» 2025 год ещё не окончен)", o, "2025-11-20",
          "violations", [V("", *B_LIST, alt=["mentee_list_updated"])], bases="404")
    # ---------------- D8: the signed agreement is written consent
    o = flags(base(typ="дошкольная", name="Детский сад № 261")); del o["mentors"][2]["consent_date"]
    hcase("H75", "D8", "Барнаул, детский сад, 02.02.2026: дата согласия наставника группы не внесена, соглашение "
                       "подписано", o, "2026-02-02", "compliant",
          [R("mentors[2]", *AZ_MENTOR)])
    # ---------------- D10: the founder (format /3)
    o = v3(base(name="Алтайский краевой педагогический лицей-интернат"), "региональный")
    o["organisation"]["full_name"] = ("Краевое государственное бюджетное общеобразовательное учреждение "
                                      "«Алтайский краевой педагогический лицей-интернат»")
    o["organisation"]["short_name"] = "КГБОУ «Алтайский краевой педагогический лицей-интернат»"
    o["curator"]["person"] = "s11"
    hcase("H76", "D10", "Барнаул, формат /3, учредитель — субъект РФ: приказ № 127 его не касается; куратор не "
                        "заместитель — рекомендация п. 3.4 примерного Положения", o, "2025-11-20", "compliant",
          [R("curator", *AZ_CUR)])
    o = v3(base(year=2022, municipality="Бийск", name="Школа «Открытие»"), "частный")
    o["organisation"]["full_name"] = "Частное общеобразовательное учреждение «Школа «Открытие»"
    o["organisation"]["short_name"] = "ЧОУ «Школа «Открытие»"
    drop_acts(o, "a-pol", "a-utv"); del o["pedagogical_council"]
    hcase("H77", "D10", "Бийск, формат /3, частная школа, 01.01.2023: Положения нет — срок п. 3 приказа № 701 не её; "
                        "рекомендация п. 3.1 примерного Положения", o, "2023-01-01", "compliant",
          [R("", *AZ_POL, alt=["acts"])])
    o = v3(base(municipality="Бийск", name="СОШ № 39")); o["curator"]["person"] = "s11"
    hcase("H78", "D10", "Бийск, формат /3, учредитель не записан (МБОУ — считается муниципальной): куратор не "
                        "заместитель — нарушение п. 4.1.2 Положения приказа № 701", o, "2025-11-20", "violations",
          [V("curator", *K_CUR_DEP)], bases="404")
    # ---------------- D12: annual monitoring of the last closed academic year
    o = flags(base(year=2024, municipality="Гусиноозёрск", name="СОШ № 7", **bur)); drop_acts(o, "a-spr")
    o["monitoring"] = [{"indicator": "programme_results", "value": 88, "point": "окончание", "date": "2023-05-20",
                        "source": "отчёт куратора"}]
    o["questionnaires"] = []
    hcase("H79", "D12", "Бурятия, 20.11.2024: справки нет, последнее значение мониторинга — 20.05.2023 (2022/2023 год); "
                        "за 2023/2024 год мониторинга нет (разд. IV п. 3)", o, "2024-11-20", "violations",
          [V("", *BU_MON, alt=["monitoring"])])
    # ---------------- D13 / 152-ФЗ
    o = v3(base(municipality="Бийск", name="СОШ № 40"), "муниципальный"); pd(o, "s05", dissemination="2025-11-20")
    o["mentors"][1]["published_on_website"] = True
    hcase("H80", "D13", "Бийск, формат /3: сведения о наставнике на сайте, согласие на распространение дано в день "
                        "проверки — действует (ст. 10.1)", o, "2025-11-20", "compliant")
    o = v3(base(typ="дошкольная", municipality="Ачинск", name="Детский сад № 12", **kr), "муниципальный")
    pd(o, "s04", dissemination="2025-11-21"); o["mentors"][0]["published_on_website"] = True
    hcase("H81", "D13", "Ачинск, детский сад, формат /3: согласие на распространение датировано 21.11.2025 — на дату "
                        "проверки его нет (ст. 10.1)", o, "2025-11-20", "violations",
          [V("mentors[0]", *PD10, alt=["staff[3]"])])
    o = base(municipality="Рубцовск", name="СОШ № 14"); o["format"] = "nastavnik.organisation/3"
    o["mentors"][0]["published_on_website"] = False; o["mentors"][2]["published_on_website"] = False
    hcase("H82", "D13", "Рубцовск, формат /3: у наставника пары флаг публикации не внесён («не записано»), сайт с "
                        "разделом о наставничестве есть — проверка по ст. 10.1 не завершена", o, "2025-11-20",
          "incomplete")
    o = flags(base(typ="дошкольная", municipality="Улан-Удэ", name="Детский сад № 88", **bur))
    pd(o, "s05", content=[c for c in PD_CONTENT if c != "действия и способы"])
    hcase("H83", "D13", "Улан-Удэ, детский сад: в согласии наставника на обработку нет перечня действий и способов "
                        "обработки (ч. 4 ст. 9 152-ФЗ)", o, "2025-11-20", "violations",
          [V("staff[4]", *PD9, alt=["mentors[1]"])])
    # ---------------- plain compliant organisations
    o = v3(base(typ="дошкольная", name="Детский сад № 262"), "муниципальный")
    hcase("H84", "plain", "Барнаул, детский сад, формат /3, учредитель муниципальный, всё выполнено", o, "2025-11-20",
          "compliant")
    o = v3(base(year=2024, municipality="Улан-Удэ", name="СОШ № 42", **bur), "муниципальный")
    hcase("H85", "plain", "Улан-Удэ, школа, формат /3, 2024/2025 учебный год, всё выполнено", o, "2024-11-20",
          "compliant")
    o = base(typ="дополнительного образования", municipality="Красноярск", name="Центр творчества № 4", **kr)
    hcase("H86", "plain", "Красноярск, дополнительное образование, формат /2, флаг публикации не внесён (= не "
                          "размещены), всё выполнено", o, "2025-11-20", "compliant")
    o = base(typ="дополнительного образования", municipality="Бийск", name="Центр дополнительного образования «Эдельвейс»")
    hcase("H87", "plain", "Бийск, дополнительное образование, формат /2, всё выполнено", o, "2025-11-20", "compliant")


def build_municipalities_2():
    """Красноярский край, municipal level (п. 3.3 Положения о РСНМС), as held-out cases H…."""
    def krs(name, gen, service="2019-09-01", staff=("2022-04-15", "2023-03-10"), associations="2019-09-01"):
        m = {"name": name, "name_genitive": gen, "region": "Красноярский край", "place": "г. " + name,
             "committee": "Управление образования администрации города " + gen.split()[-1],
             "committee_short": "Управление образования г. " + name,
             "head": {"surname": "Рябова", "name": "Татьяна", "patronymic": "Алексеевна", "gender": "ж",
                      "position": "начальник управления образования"},
             "methodological_service": service, "methodological_associations": associations}
        if staff is not None:
            m["methodological_service_staff"] = [
                {"surname": "Кириллова", "name": "Анна", "patronymic": "Сергеевна", "trained_at_cnppm": staff[0]},
                {"surname": "Рыбаков", "name": "Павел", "patronymic": "Ильич", "trained_at_cnppm": staff[1]}]
        return {"format": "nastavnik.municipality/2", "municipality": m}

    def orgs(mun):
        return [flags(base(name="СОШ № %d" % n, region="Красноярский край", municipality=mun, krasnoyarsk=True))
                for n in (1, 2)]

    def mcase(cid, note, mun, conclusion, expect):
        municipality_case(cid, note, orgs(mun["municipality"]["name"]), "2025-11-20", conclusion, expect, mun=mun)
        CASES[-1]["class"] = "krs-mun"

    alt = ["municipality", "municipality.methodological_service", "municipality.methodological_service_staff",
           "methodological_service_staff", "municipality.methodological_associations"]
    mcase("H54", "Канск: муниципальной методической службы нет (null) — п. 3.3.1", krs("Канск", "города Канска", service=None),
          "violations", [V("", *KR_MMS, alt=alt)])
    mcase("H55", "Норильск: работник ММС обучен на базе ЦНППМ 01.12.2025 — после даты проверки (п. 3.3.1)",
          krs("Норильск", "города Норильска", staff=("2022-04-15", "2025-12-01")), "violations",
          [V("", *KR_MMS, alt=alt + ["municipality.methodological_service_staff[1]"])])
    mcase("H56", "Канск: о работниках ММС сведений нет (поле не внесено) — проверка не завершена",
          krs("Канск", "города Канска", staff=None), "incomplete", [])
    mcase("H57", "Минусинск: муниципальные методические объединения — с 10.01.2026, после даты проверки (п. 3.3.2)",
          krs("Минусинск", "города Минусинска", associations="2026-01-10"), "violations", [V("", *KR_MO, alt=alt)])


def municipality_case(cid, note, orgs, as_of, conclusion, expect, mun=None):
    folder = HERE / "municipalities" / cid
    folder.mkdir(parents=True)
    mun = mun or {"format": "nastavnik.municipality/1",
           "municipality": {"name": "Бийск", "name_genitive": "города Бийска", "region": "Алтайский край",
                            "place": "г. Бийск",
                            "committee": "Муниципальное казённое учреждение «Управление образования Администрации города Бийска»",
                            "committee_short": "МКУ «Управление образования г. Бийска»",
                            "head": {"surname": "Кравцова", "name": "Ирина", "patronymic": "Николаевна", "gender": "ж",
                                     "position": "начальник управления образования"},
                            "coordinator_organisation": "информационно-методический центр",
                            "implementation_deadline": "2022-12-31",
                            "acts": [{"kind": "приказ о внедрении системы наставничества", "date": "2022-05-25",
                                      "number": "701"}]}}
    (folder / "municipality.json").write_text(json.dumps(mun, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    for i, o in enumerate(orgs):
        (folder / ("org-%02d.json" % (i + 1))).write_text(json.dumps(o, ensure_ascii=False, indent=1) + "\n",
                                                         encoding="utf-8")
    CASES.append({"case": cid, "kind": "municipality", "as_of": as_of, "conclusion": conclusion, "expect": expect,
                  "note": note, "dir": "municipalities/" + cid})


def build_municipalities():
    ok = [base(municipality="Бийск", year=2022, name="СОШ № %d" % n) for n in (1, 3)]
    ok.append(base(municipality="Бийск", year=2022, typ="дошкольная", name="Детский сад № 45"))
    municipality_case("M01", "Бийск: три учреждения, у всех Положение до срока", ok, "2023-03-01", "compliant", [])
    bad = copy.deepcopy(ok)
    drop_acts(bad[1], "a-pol", "a-utv"); del bad[1]["pedagogical_council"]
    municipality_case("M02", "Бийск: в одном из трёх учреждений Положения нет после 31.12.2022", bad, "2023-03-01",
                      "violations", [V("", *K_DOCS, alt=["organisation_summaries", "organisations"])])

    kr = dict(region="Красноярский край", municipality="Ачинск", krasnoyarsk=True)
    orgs = [base(name="СОШ № %d" % n, **kr) for n in (3, 4)]

    def krs(staff_trained, service="2019-09-01", associations="2019-09-01"):
        return {"format": "nastavnik.municipality/2",  # docs/ru/batch.md says /1; these fields need /2
                "municipality": {"name": "Ачинск", "name_genitive": "города Ачинска", "region": "Красноярский край",
                                 "place": "г. Ачинск", "committee": "Управление образования администрации города Ачинска",
                                 "committee_short": "Управление образования г. Ачинска",
                                 "head": {"surname": "Сидоренко", "name": "Олег", "patronymic": "Викторович", "gender": "м",
                                          "position": "начальник управления образования"},
                                 "methodological_service": service,
                                 "methodological_service_staff": [
                                     {"surname": "Кириллова", "name": "Анна", "patronymic": "Сергеевна",
                                      "trained_at_cnppm": "2022-04-15"},
                                     {"surname": "Рыбаков", "name": "Павел", "patronymic": "Ильич",
                                      "trained_at_cnppm": staff_trained}],
                                 "methodological_associations": associations}}
    municipality_case("M03", "Ачинск (Красноярский край): ММС есть, работники обучены в ЦНППМ, МО есть", orgs,
                      "2025-11-20", "compliant", [], mun=krs("2023-03-10"))
    municipality_case("M04", "Ачинск: один работник ММС не проходил обучение на базе ЦНППМ (п. 3.3.1)", orgs,
                      "2025-11-20", "violations",
                      [V("", ("397-11-05", "annex", "3.3.1"), ("397-11-05", "annex", "3.3"),
                         alt=["municipality.methodological_service_staff[1]", "methodological_service_staff[1]",
                              "municipality.methodological_service_staff", "municipality"])],
                      mun=krs(None))
    municipality_case("M05", "Ачинск: муниципальных методических объединений нет (п. 3.3.2)", orgs, "2025-11-20",
                      "violations", [V("", ("397-11-05", "annex", "3.3.2"), ("397-11-05", "annex", "3.3"),
                                       alt=["municipality.methodological_associations", "municipality"])],
                      mun=krs("2023-03-10", associations=None))

    bur = [base(year=2024, name="СОШ № %d" % n, region="Республика Бурятия", municipality="Улан-Удэ", buryatia=True)
           for n in (40, 41)]

    def uu(site):
        return {"format": "nastavnik.municipality/2",  # website_mentoring_section: not in docs/ru/batch.md
                "municipality": {"name": "Улан-Удэ", "name_genitive": "города Улан-Удэ", "region": "Республика Бурятия",
                                 "committee": "Комитет по образованию Администрации г. Улан-Удэ",
                                 "committee_short": "Комитет по образованию г. Улан-Удэ",
                                 "head": {"surname": "Аюшеева", "name": "Туяна", "patronymic": "Баировна", "gender": "ж",
                                          "position": "председатель комитета"},
                                 "website_mentoring_section": site,
                                 "acts": [{"kind": "муниципальная программа наставничества", "date": "2021-06-01",
                                           "number": "512"},
                                          {"kind": "положение о муниципальной системе наставничества",
                                           "date": "2021-05-01", "number": "430"}]}}
    municipality_case("M06", "Улан-Удэ: программа и положение 2021 года, раздел на сайте с 2021 года, организации с "
                             "программами, молодые учителя вовлечены", bur, "2024-11-20", "compliant", [], mun=uu("2021-10-01"))
    municipality_case("M07", "Улан-Удэ: раздела «Развитие наставничества» на сайте комитета нет (2021–2022 гг.)", bur,
                      "2024-11-20", "violations",
                      [V("", *BU_SITE, alt=["municipality", "municipality.website_mentoring_section"])], mun=uu(None))


def main():
    for sub in ("cases", "municipalities"):
        shutil.rmtree(HERE / sub, ignore_errors=True)
    (HERE / "cases").mkdir()
    build()
    build_held_out()
    build_municipalities()
    build_held_out_2()
    build_municipalities_2()
    build_held_out_3()
    labels = []
    for c in CASES:
        if c["kind"] == "organisation":
            f = "cases/%s.json" % c["case"]
            (HERE / f).write_text(json.dumps(c["org"], ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        else:
            f = c["dir"]
        label = {"case": c["case"], "kind": c["kind"], "as_of": c["as_of"], "conclusion": c["conclusion"],
                 "expect": c["expect"], "note": c["note"], "file": f}
        label.update({k: c[k] for k in ("class", "act", "bases") if k in c})
        labels.append(label)
    (HERE / "labels.json").write_text(json.dumps(labels, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    (HERE / "structure.json").write_text(json.dumps(STRUCTURE, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print("%d cases" % len(labels))


if __name__ == "__main__":
    main()
