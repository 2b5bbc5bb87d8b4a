#!/usr/bin/env python3
"""The evaluation set: organisations built from the texts in ../shared/regulations/, each with
the violations an auditor would list, labelled with the clause and the document that holds it.

Written from the acts, before the rules were changed, and kept apart from the rule tests: the
rules are not tuned to it. `score.py` runs the program on every case and compares.

Labels (labels.json), one per case:
  conclusion  what the check must conclude: "compliant" (no violation of a binding act),
              "violations", "incomplete" (no violation found, but a binding requirement could not
              be checked for lack of data) or "input_error" (the file must be refused, exit 2)
  expect      the violations of binding acts ("force": "violation") and the unmet requirements
              that rest on a recommendation only ("force": "recommendation"), each with its
              subject (JSON path; "" = the organisation) and the clauses that ground it as
              [act number, document, clause path] — document "act" is the act itself, "annex"
              the Положение/programme it approves (for АЗ-1128/08: the model Положение annexed to
              the recommendations). Any one of the listed clauses identifies the finding.

Usage: make_cases.py  (writes cases/*.json, municipalities/*/ and labels.json beside itself)
"""
import copy
import json
import shutil
from pathlib import Path

HERE = Path(__file__).resolve().parent

# ---------------------------------------------------------------------------------------------
# The organisation every case starts from: a school whose mentoring system is complete for the
# academic year starting in `year`. Every date is inside that year.


def person(pid, surname, name, patronymic, gender, birth, position, exp_start):
    return {"id": pid, "surname": surname, "name": name, "patronymic": patronymic, "gender": gender,
            "birth_date": birth, "position": position, "hire_date": exp_start,
            "pedagogical_experience_start": exp_start}


def base(region, municipality, year, place=None, short="МБОУ «СОШ № 12»"):
    y, y1 = str(year), str(year + 1)
    org = {
        "format": "nastavnik.organisation/1",
        "organisation": {
            "full_name": "Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 12»",
            "short_name": short,
            "type": "общеобразовательная",
            "region": region,
            "municipality": municipality,
            "head": "h1",
            "deputies": ["d1", "d2"],
        },
        "staff": [
            person("h1", "Петрова", "Ольга", "Ивановна", "ж", "1968-04-12", "директор", "1990-08-25"),
            person("d1", "Соколова", "Марина", "Викторовна", "ж", "1978-02-03", "заместитель директора по учебно-воспитательной работе", "2001-08-27"),
            person("d2", "Кузнецов", "Андрей", "Павлович", "м", "1981-10-21", "заместитель директора по воспитательной работе", "2004-08-30"),
            person("m1", "Васильева", "Елена", "Николаевна", "ж", "1975-05-14", "учитель математики", "1998-08-28"),
            person("m2", "Николаев", "Сергей", "Петрович", "м", "1972-11-30", "учитель физики", "1995-08-25"),
            person("m3", "Орлова", "Татьяна", "Сергеевна", "ж", "1980-07-07", "учитель начальных классов", "2003-09-01"),
            person("y1", "Егорова", "Анна", "Дмитриевна", "ж", str(year - 24) + "-03-15", "учитель математики", str(year - 1) + "-09-01"),
            person("y2", "Фролов", "Максим", "Игоревич", "м", str(year - 23) + "-06-02", "учитель физики", y + "-09-01"),
            person("y3", "Белова", "Дарья", "Андреевна", "ж", str(year - 22) + "-01-19", "учитель начальных классов", y + "-09-01"),
            person("y4", "Зайцева", "Ксения", "Олеговна", "ж", str(year - 25) + "-09-09", "учитель начальных классов", str(year - 2) + "-09-01"),
            person("t1", "Морозов", "Павел", "Алексеевич", "м", "1985-12-01", "учитель химии", "2008-08-29"),
        ],
        "curator": {"person": "d1", "appointed_by": "o-kur"},
        "mentors": [
            {"person": "m1", "consent_date": y + "-08-29", "appointed_by": "o-nast", "published_on_website": False},
            {"person": "m2", "consent_date": y + "-08-29", "appointed_by": "o-nast", "published_on_website": False},
            {"person": "m3", "consent_date": y + "-08-30", "appointed_by": "o-nast", "published_on_website": False},
        ],
        "pairs": [
            {"id": "p1", "mentor": "m1", "mentee": "y1", "form": "педагог – педагог", "mentee_consent_date": y + "-09-01",
             "programme": {"start": y + "-09-05", "end": y1 + "-05-31", "goals": ["освоение методики подготовки к ОГЭ"]},
             "appointed_by": "o-pary"},
            {"id": "p2", "mentor": "m2", "mentee": "y2", "form": "учитель – учитель", "mentee_consent_date": y + "-09-01",
             "programme": {"start": y + "-09-05", "end": y1 + "-05-31", "goals": ["адаптация в коллективе"]},
             "appointed_by": "o-pary"},
        ],
        "groups": [
            {"id": "g1", "mentor": "m3", "mentees": ["y3", "y4"], "form": "наставничество в группе",
             "mentee_consents": [{"person": "y3", "date": y + "-09-01"}, {"person": "y4", "date": y + "-09-01"}],
             "programme": {"start": y + "-09-05", "end": y1 + "-05-31", "goals": ["формирование функциональной грамотности"]},
             "appointed_by": "o-pary"},
        ],
        "acts": [
            {"id": "o-pol", "kind": "положение о наставничестве", "date": y + "-08-28", "approved_by": "o-utv"},
            {"id": "o-utv", "kind": "приказ об утверждении положения", "date": y + "-08-28", "number": "101"},
            {"id": "o-kur", "kind": "приказ о назначении куратора", "date": y + "-08-28", "number": "102"},
            {"id": "o-dk", "kind": "дорожная карта", "date": y + "-08-28", "approved_by": "o-utv"},
            {"id": "o-nast", "kind": "приказ о назначении наставников", "date": y + "-09-02", "number": "110"},
            {"id": "o-pary", "kind": "приказ о закреплении наставнических пар", "date": y + "-09-02", "number": "111"},
        ],
        "pedagogical_council": {"protocol_number": "1", "date": y + "-08-27"},
        "mentee_list_updated": y + "-08-26",
    }
    if place:
        org["organisation"]["place"] = place
    return org


def staff(org, pid):
    return next(p for p in org["staff"] if p["id"] == pid)


def act(org, aid):
    return next(a for a in org["acts"] if a["id"] == aid)


def drop_act(org, aid):
    org["acts"] = [a for a in org["acts"] if a["id"] != aid]


def index(org, collection, key, value):
    return next(i for i, x in enumerate(org[collection]) if x.get(key) == value)


# Regional and later-law additions to the base -------------------------------------------------

def buryatia(year):
    org = base("Республика Бурятия", "Улан-Удэ", year, place="г. Улан-Удэ")
    y = str(year)
    org["acts"] += [
        {"id": "o-prd", "kind": "программа развития наставничества", "date": "2022-06-01", "number": "45"},
        {"id": "o-spr", "kind": "аналитическая справка", "date": y + "-12-20"},
    ]
    org["organisation"]["website_mentoring_section"] = "2022-09-01"
    act(org, "o-spr")["date"] = y + "-12-20"
    if year > 2022:  # adopted in 2022, as the programme asks, and still in force
        act(org, "o-pol")["date"] = act(org, "o-utv")["date"] = "2022-08-26"
    return org


def krasnoyarsk(year):
    org = base("Красноярский край", "Ачинск", year, place="г. Ачинск")
    y = str(year)
    org["organisation"]["methodological_council"] = "2019-09-01"
    org["organisation"]["methodological_associations"] = "2019-09-01"
    for pid in ("y1", "y2", "y3", "y4"):
        staff(org, pid)["difficulties"] = ["организация работы с обучающимися с ОВЗ"]
        staff(org, pid)["individual_route"] = {"date": y + "-10-01", "deficits": ["организация работы с обучающимися с ОВЗ"]}
    org["acts"].append({"id": "o-pk", "kind": "план повышения квалификации", "date": y + "-08-28",
                        "approved_by": "o-utv", "based_on_deficits": True})
    return org


def agreement(date, number, end, amount=3000):
    # ст. 351.8 ч. 2: the agreement fixes the term of the mentoring (its last day: `end`).
    return {"date": date, "number": number, "pay": {"amount": amount, "period": "месяц"}, "end": end}


def with_agreements(org, year):
    y = str(year)
    for i, m in enumerate(org["mentors"]):
        m["labour_agreement"] = agreement(y + "-09-02", "ДС-" + str(i + 1), str(year + 1) + "-05-31")
    return org


# ---------------------------------------------------------------------------------------------
CASES = []


def case(cid, org, as_of, conclusion, expect=(), note="", kind="organisation"):
    CASES.append({"case": cid, "as_of": as_of, "conclusion": conclusion, "expect": list(expect), "note": note,
                  "kind": kind, "data": org})


def v(subject, *cites):
    return {"subject": subject, "force": "violation", "cites": [list(c) for c in cites]}


def r(subject, *cites):
    return {"subject": subject, "force": "recommendation", "cites": [list(c) for c in cites]}


BRN = ("127", "annex")
BSK = ("701", "annex")
AZ = ("АЗ-1128/08", "annex")
BUR = ("1552", "annex")
KRS = ("397-11-05", "annex")


def c(doc, clause):
    return (doc[0], doc[1], clause)


# Барнаул: Положение of приказ № 127 (binding for municipal organisations from 01.06.2022). -----
Y, AS_OF = 2023, "2023-11-01"

case("B01", base("Алтайский край", "Барнаул", Y), AS_OF, "compliant", note="complete and compliant")

o = base("Алтайский край", "Барнаул", Y)
o["pairs"][0]["programme"]["end"] = "2024-10-31"
case("B02", o, AS_OF, "violations", [v("pairs[0]", c(BRN, "1.2"), c(BRN, "4.1.3"))], "programme of 14 months")

o = base("Алтайский край", "Барнаул", Y)
o["pairs"][0]["programme"].update(start="2023-09-01", end="2023-11-30")
o["pairs"][1]["programme"].update(start="2023-09-01", end="2024-08-31")
case("B03", o, "2023-12-15", "compliant", note="exactly 3 months and exactly 12 months (end date inclusive)")

o = base("Алтайский край", "Барнаул", Y)
o["pairs"][0]["programme"].update(start="2023-09-01", end="2023-11-29")
case("B04", o, "2023-12-15", "violations", [v("pairs[0]", c(BRN, "1.2"), c(BRN, "4.1.3"))],
     "3 months less one day")

o = base("Алтайский край", "Барнаул", Y)
o["curator"]["person"] = "m3"
case("B05", o, AS_OF, "violations", [v("curator", c(BRN, "4.1.2"))], "curator is a teacher, not a deputy head")

o = base("Алтайский край", "Барнаул", Y)
del o["curator"]
drop_act(o, "o-kur")
# Label corrected after the first run: the rule of three values says an entry left out
# is «not recorded», never «no» — a check that cannot see the curator is incomplete.
case("B06", o, AS_OF, "incomplete", note="curator not recorded (the key left out)")

o = base("Алтайский край", "Барнаул", Y)
o["curator"] = None
drop_act(o, "o-kur")
case("B06b", o, AS_OF, "violations", [v("", c(BRN, "3.1"), c(BRN, "4.1.2"))], "known: no curator (null)")

o = base("Алтайский край", "Барнаул", Y)
o["mentee_list_updated"] = "2022-10-01"
case("B07", o, AS_OF, "violations", [v("", c(BRN, "4.1.3"))], "mentee list last updated 13 months ago")

o = base("Алтайский край", "Барнаул", 2022)
o["mentee_list_updated"] = "2022-11-01"
case("B08", o, "2023-11-01", "incomplete", note="mentee list updated exactly one year before; programmes ended in 2022/2023 with no monitoring recorded (label corrected, README)")

o = base("Алтайский край", "Барнаул", 2022)
o["mentee_list_updated"] = "2021-12-31"
case("B08b", o, "2023-01-01", "violations", [v("", c(BRN, "4.1.3"))],
     "updated 31.12.2021, checked 01.01.2023: a whole year (2022) passed without an update")

o = base("Алтайский край", "Барнаул", Y)
o["pairs"][0]["form"] = "педагог – молодой специалист"
case("B09", o, AS_OF, "compliant", note="form outside the list of п. 4.1.5, which is open («и другие»)")

o = base("Алтайский край", "Барнаул", Y)
o["pairs"][0]["form"] = "педагог – пeдагог"  # Latin «e»
case("B10", o, AS_OF, "compliant", note="Latin «e» inside the form: a data problem, not a violation")

o = base("Алтайский край", "Барнаул", Y)
o["mentoring_forms"] = ["педагог – педагог", "учитель – учитель", "наставничество в группе"]
o["pairs"][1]["form"] = "реверсивное наставничество"
case("B11", o, AS_OF, "compliant", note="form not among those the organisation listed: its list is open too")

o = base("Алтайский край", "Барнаул", Y)
o["groups"][0]["mentees"] = ["y3"]
o["groups"][0]["mentee_consents"] = [{"person": "y3", "date": "2023-09-01"}]
case("B12", o, AS_OF, "violations", [v("groups[0]", c(BRN, "4.1.5"))], "a «group» of one mentee")

o = base("Алтайский край", "Барнаул", Y)
o["mentors"][1]["consent_date"] = None
case("B13", o, AS_OF, "compliant", [r("mentors[1]", c(AZ, "3.2"))],
     "mentor without written consent before ТК РФ ст. 351.8: only the model Положение asks for it")

o = base("Алтайский край", "Барнаул", Y)
del o["mentors"][1]["consent_date"]
case("B14", o, AS_OF, "compliant", note="consent not recorded: a recommendation cannot be checked — not a gap of a binding check")

o = base("Алтайский край", "Барнаул", Y)
drop_act(o, "o-pol")
case("B15", o, AS_OF, "violations", [v("", c(BRN, "4.1.1"))], "no Положение")

o = base("Алтайский край", "Барнаул", Y)
drop_act(o, "o-dk")
case("B16", o, AS_OF, "violations", [v("", c(BRN, "4.1.1"))], "no roadmap (plan of measures)")

o = base("Алтайский край", "Барнаул", Y)
act(o, "o-pol")["approved_by"] = None
case("B17", o, AS_OF, "violations", [v("acts[0]", c(BRN, "4.1.1"), c(AZ, "3.1"))],
     "Положение known not approved: not adopted")
CASES[-1]["expect"][0]["alt_subjects"] = [""]

o = base("Алтайский край", "Барнаул", Y)
del act(o, "o-pol")["approved_by"]
case("B18", o, AS_OF, "incomplete", note="approval of the Положение not recorded")

o = base("Алтайский край", "Барнаул", Y)
act(o, "o-pol")["date"] = "2024-01-15"
act(o, "o-utv")["date"] = "2024-01-15"
act(o, "o-dk")["approved_by"] = "o-kur"
case("B19", o, AS_OF, "violations", [v("", c(BRN, "4.1.1"))], "the only Положение is dated after the as-of date")
CASES[-1]["expect"][0]["alt_subjects"] = ["acts[0]"]

o = base("Алтайский край", "г. Барнаул", Y)
o["pairs"][0]["programme"]["end"] = "2024-10-31"
case("B20", o, AS_OF, "violations", [v("pairs[0]", c(BRN, "1.2"), c(BRN, "4.1.3"))], "«г. Барнаул»")

o = base("Алтайский край", "Барнаул ", Y)
o["curator"]["person"] = "m3"
case("B21", o, AS_OF, "violations", [v("curator", c(BRN, "4.1.2"))], "trailing space in the municipality")

o = base("алтайский край", "барнаул", Y)
o["mentee_list_updated"] = "2022-09-01"
case("B22", o, AS_OF, "violations", [v("", c(BRN, "4.1.3"))], "region and municipality in lower case")

o = base("Алтайский край", "Барнаyл", Y)  # Latin «y»
o["groups"][0]["mentees"] = ["y3"]
o["groups"][0]["mentee_consents"] = [{"person": "y3", "date": "2023-09-01"}]
case("B23", o, AS_OF, "violations", [v("groups[0]", c(BRN, "4.1.5"))], "Latin «y» in the municipality")

o = base("Алтайский край", "Барнаул", Y)
del o["mentors"]
case("B24", o, AS_OF, "incomplete", note="the list of mentors is not recorded: nothing is known against the pairs, and 152-ФЗ ст. 10.1 about mentors cannot be checked (label corrected, README)")

o = base("Алтайский край", "Барнаул", Y)
o["groups"][0]["mentee_consents"] = [{"person": "y3", "date": "2023-09-01"}]
case("B25", o, AS_OF, "compliant", note="a group mentee's consent is not recorded: unknown, not «no»")

o = base("Алтайский край", "Барнаул", Y)
o["groups"][0]["mentee_consents"][1]["date"] = None
case("B26", o, AS_OF, "compliant", [r("groups[0]", c(AZ, "3.3"))], "a group mentee gave no written consent")

o = base("Алтайский край", "Барнаул", Y)
o["pairs"][1]["mentee_consent_date"] = None
case("B27", o, AS_OF, "compliant", [r("pairs[1]", c(AZ, "3.3"))], "a pair's mentee gave no written consent")

o = base("Алтайский край", "Барнаул", Y)
o["curator"]["appointed_by"] = "o-dk"
case("B28", o, AS_OF, "violations", [v("curator", c(BRN, "4.1.2"), c(AZ, "3.3"), c(AZ, "3.4"))],
     "curator «appointed» by the roadmap, not by an order of the head")

o = base("Алтайский край", "Барнаул", Y)
o["pairs"][0]["appointed_by"] = "o-kur"
case("B29", o, AS_OF, "compliant", [r("pairs[0]", c(AZ, "3.3"))], "pair fixed by the order appointing the curator")

o = base("Алтайский край", "Барнаул", Y)
act(o, "o-utv")["date"] = "2023-12-01"
act(o, "o-dk")["approved_by"] = "o-kur"
case("B30", o, AS_OF, "violations", [v("acts[0]", c(BRN, "4.1.1"), c(AZ, "3.1"))],
     "the order approving the Положение is dated after the as-of date")
CASES[-1]["expect"][0]["alt_subjects"] = [""]

# A programme begins with its pair or group, which the head's order fixes (model п. 3.3); the
# municipal Положения do not require the order: binding only where the school's own Положение
# follows the model.
o = base("Алтайский край", "Барнаул", Y)
act(o, "o-pol")["follows_model"] = True
o["pairs"][0]["programme"]["start"] = "2023-09-01"
case("B31", o, AS_OF, "violations", [v("pairs[0]", c(AZ, "3.3"))],
     "own Положение follows the model: the pair's programme starts 01.09, the order fixing it is of 02.09")

o = base("Алтайский край", "Барнаул", Y)
o["groups"][0]["programme"]["start"] = "2023-08-30"
case("B32", o, AS_OF, "compliant", [r("groups[0]", c(AZ, "3.3"))],
     "the group's programme starts before the order fixing it: a recommendation only")

o = base("Алтайский край", "Барнаул", Y)
act(o, "o-pol")["follows_model"] = True
for x in o["pairs"] + o["groups"]:
    x["programme"]["start"] = "2023-09-02"
case("B33", o, AS_OF, "compliant", note="every programme starts on the day of the order fixing its pair or group")

# Бийск: Положение of приказ № 701; п. 3 of the order: implement by 31.12.2022. ------------------
o = base("Алтайский край", "Бийск", 2022)
drop_act(o, "o-pol")
drop_act(o, "o-dk")
case("S01", o, "2022-11-01", "compliant", note="before the deadline of п. 3: not yet a violation")

o = copy.deepcopy(o)
case("S02", o, "2023-03-01", "violations",
     [v("", c(BSK, "4.1.1"), ("701", "act", "3")), v("", c(BSK, "4.1.1"), ("701", "act", "3"))],
     "after the deadline: no Положение, no roadmap")

o = base("Алтайский край", "Бийск", 2022)
act(o, "o-pol")["date"] = "2023-02-01"
act(o, "o-utv")["date"] = "2023-02-01"
act(o, "o-dk")["approved_by"] = "o-kur"
case("S03", o, "2023-03-01", "violations", [v("", ("701", "act", "3"))], "Положение adopted after the deadline")
CASES[-1]["expect"][0]["alt_subjects"] = ["acts[0]"]

o = base("Алтайский край", "Бийск", 2022)
act(o, "o-pol")["date"] = "2023-02-01"
act(o, "o-utv")["date"] = "2023-02-01"
act(o, "o-dk")["approved_by"] = "o-kur"
o["acts"].append({"id": "o-pol0", "kind": "положение о наставничестве", "date": "2022-09-01", "approved_by": "o-utv0"})
o["acts"].append({"id": "o-utv0", "kind": "приказ об утверждении положения", "date": "2022-09-01", "number": "77"})
case("S04", o, "2023-03-01", "compliant", note="new edition listed first; the earliest (01.09.2022) was in time")

o = base("Алтайский край", "Бийcк", 2022)  # Latin «c»
o["pairs"][0]["programme"].update(start="2022-09-05", end="2022-11-04")
case("S05", o, "2023-03-01", "violations", [v("pairs[0]", c(BSK, "1.2"), c(BSK, "4.1.3"))],
     "Latin «c» in Бийcк; programme of 2 months")

o = base("Алтайский край", "Бийск", 2022)
drop_act(o, "o-pol")
case("S06", o, "2022-12-31", "compliant", note="deadline day itself: still in time")

o = base("Алтайский край", "Бийск", 2022)
o["curator"]["person"] = "t1"
case("S07", o, "2023-03-01", "violations", [v("curator", c(BSK, "4.1.2"))], "curator is a teacher")

# Рубцовск (Алтайский край, no municipal act in the set) and a region with no act at all. -----
o = base("Алтайский край", "Рубцовск", Y)
o["pairs"][0]["programme"]["end"] = "2024-10-31"
case("R01", o, AS_OF, "compliant", [r("pairs[0]", c(AZ, "1.2"))], "no binding act sets the programme's length here")

case("R02", base("Алтайский край", "Рубцовск", Y), AS_OF, "compliant", note="federal level only; municipal: no act")

case("R03", base("Алтайский край", "Бийкс", Y), AS_OF, "input_error", note="«Бийкс» is close to Бийск but not it")

o = base("Тверская область", "Тверь", Y)
o["pairs"][0]["programme"].update(start="2023-09-05", end="2023-11-04")
o["curator"]["person"] = "t1"
case("T01", o, AS_OF, "compliant", [r("pairs[0]", c(AZ, "1.2")), r("curator", c(AZ, "3.4"))],
     "recommendations only")

# Kindergartens: the curator a deputy of the head (заведующий) or the старший воспитатель (review 5,
# B2). Барнаул № 127 and Бийск № 701, Положение п. 4.1.2: the curator «назначается руководителем …
# из числа заместителей руководителя» — no exception for a kindergarten or for its старший
# воспитатель (a pedagogical position, not a deputy head); elsewhere the same words are the model
# Положение's (п. 3.4), a recommendation. docs/rulesets/README.md, «Куратор».


def kindergarten(municipality, year):
    org = base("Алтайский край", municipality, year, short="МБДОУ «Детский сад № 7»")
    org["organisation"]["full_name"] = "Муниципальное бюджетное дошкольное образовательное учреждение «Детский сад № 7»"
    org["organisation"]["type"] = "дошкольная"
    staff(org, "h1")["position"] = "заведующий"
    staff(org, "d1")["position"] = "заместитель заведующего по воспитательно-методической работе"
    staff(org, "d2")["position"] = "заместитель заведующего по административно-хозяйственной работе"
    for pid in ("m1", "m2", "m3", "y1", "y2", "y3", "y4", "t1"):
        staff(org, pid)["position"] = "воспитатель"
    org["staff"].append(person("s1", "Попова", "Людмила", "Алексеевна", "ж", "1979-03-18", "старший воспитатель", "2002-08-26"))
    for g in org["pairs"] + org["groups"]:
        g["form"] = "педагог – педагог" if g["id"] != "g1" else "наставничество в группе"
    return org


case("D01", kindergarten("Барнаул", Y), AS_OF, "compliant",
     note="kindergarten of Барнаул: the curator is the deputy of the заведующий")

o = kindergarten("Барнаул", Y)
o["curator"]["person"] = "s1"
case("D02", o, AS_OF, "violations", [v("curator", c(BRN, "4.1.2"))],
     "kindergarten of Барнаул: the curator is the старший воспитатель, not a deputy head (п. 4.1.2 has no exception)")

o = kindergarten("Бийск", 2022)
o["curator"]["person"] = "s1"
case("D03", o, "2023-03-01", "violations", [v("curator", c(BSK, "4.1.2"))],
     "kindergarten of Бийск: the curator is the старший воспитатель")

o = kindergarten("Бийск", 2022)
o["curator"]["person"] = "d1"
case("D04", o, "2023-03-01", "compliant", note="kindergarten of Бийск: the curator is the deputy of the заведующий")

o = kindergarten("Рубцовск", Y)
o["curator"]["person"] = "s1"
case("D05", o, AS_OF, "compliant", [r("curator", c(AZ, "3.4"))],
     "kindergarten with no municipal act: the старший воспитатель as curator departs from a recommendation only")

# Бурятия: regional programme of приказ № 1552 (2020–2024). ------------------------------------
case("U01", buryatia(2022), "2023-06-01", "compliant", note="complete and compliant")

o = buryatia(2022)
drop_act(o, "o-pol")
case("U02", o, "2023-06-01", "violations", [v("", c(BUR, "IV/2"))], "no Положение after 2022")

o = buryatia(2021)
drop_act(o, "o-pol")
act(o, "o-prd")["date"] = "2021-06-01"
o["organisation"]["website_mentoring_section"] = None
case("U03", o, "2022-06-01", "compliant", note="no Положение yet, 2022 not over; website section due only from 2023")

o = buryatia(2022)
o["organisation"]["website_mentoring_section"] = None
case("U04", o, "2023-06-01", "violations", [v("organisation", c(BUR, "IV/7"))], "no mentoring section on the website")

o = buryatia(2023)
drop_act(o, "o-prd")
case("U05", o, "2024-03-01", "violations", [v("", c(BUR, "IV/4"))], "no programme of development after 2023")

o = buryatia(2022)
o["pairs"][0]["programme"]["end"] = "2023-11-30"
case("U06", o, "2023-06-01", "compliant", [r("pairs[0]", c(AZ, "1.2"))], "programme of 15 months: recommendation only")

o = buryatia(2022)
act(o, "o-pol")["date"] = "2023-02-01"
act(o, "o-utv")["date"] = "2023-02-01"
act(o, "o-dk")["approved_by"] = "o-kur"
case("U07", o, "2023-06-01", "violations", [v("", c(BUR, "IV/2"))], "Положение adopted in 2023, not in 2022")
CASES[-1]["expect"][0]["alt_subjects"] = ["acts[0]"]

# Whom № 1552 binds: п. 2 of the order charges the ministry's departments, БРИОП and the
# municipal education authorities; разд. IV п. 1 names the programmes of the municipal
# organisations and of those the ministry founded. A federal or private school is not bound.
o = buryatia(2023)
drop_act(o, "o-prd")
o["organisation"]["founder"] = "федеральный"
o["organisation"]["full_name"] = "Федеральное государственное бюджетное общеобразовательное учреждение «Школа № 12»"
case("U08", o, "2024-03-01", "compliant", note="federal school in Бурятия without a programme of development: № 1552 does not bind it")

o = buryatia(2023)
drop_act(o, "o-prd")
o["organisation"]["founder"] = "региональный"
o["organisation"]["full_name"] = "Государственное бюджетное общеобразовательное учреждение «Республиканский лицей № 12»"
case("U09", o, "2024-03-01", "violations", [v("", c(BUR, "IV/4"))],
     "school founded by the republic's ministry without a programme of development after 2023")

o = buryatia(2022)
o["organisation"]["founder"] = "частный"
o["organisation"]["website_mentoring_section"] = None
case("U10", o, "2023-06-01", "compliant", note="private school in Бурятия without a mentoring section: № 1552 does not bind it")

# Красноярский край: Положение on the РСНМС of приказ 397-11-05. ---------------------------------
case("K01", krasnoyarsk(2023), AS_OF, "compliant", note="complete and compliant")

o = krasnoyarsk(2023)
o["organisation"]["methodological_council"] = None
case("K02", o, AS_OF, "violations", [v("organisation", c(KRS, "3.4.1"))], "no methodological council")

o = krasnoyarsk(2023)
o["organisation"]["methodological_associations"] = None
case("K03", o, AS_OF, "violations", [v("organisation", c(KRS, "3.4.2"))], "no methodological associations")

o = krasnoyarsk(2023)
staff(o, "y2")["individual_route"]["deficits"] = None
case("K04", o, AS_OF, "violations", [v("staff[7]", c(KRS, "3.4.1"), c(KRS, "2.2"))],
     "an individual route not built on diagnosed deficits")

o = krasnoyarsk(2023)
o["acts"][-1]["based_on_deficits"] = False
case("K05", o, AS_OF, "violations", [v("acts[6]", c(KRS, "3.4.1"))],
     "professional development planned without the diagnosed deficits")

o = krasnoyarsk(2023)
o["pairs"][1]["programme"]["end"] = "2024-12-20"
case("K06", o, AS_OF, "compliant", [r("pairs[1]", c(AZ, "1.2"))], "programme of 15 months: recommendation only")

o = krasnoyarsk(2023)
o["organisation"]["region"] = "Красноярский  край"
o["organisation"]["methodological_council"] = None
case("K07", o, AS_OF, "violations", [v("organisation", c(KRS, "3.4.1"))], "double space in the region")

# 397-11-05 does not distinguish founders (п. 1.1: «система образования Красноярского края»).
o = krasnoyarsk(2023)
o["organisation"]["founder"] = "федеральный"
o["organisation"]["methodological_council"] = None
case("K08", o, AS_OF, "violations", [v("organisation", c(KRS, "3.4.1"))],
     "federal school in the region without a methodological council: the act names no founders")

# ТК РФ ст. 351.8 (Федеральный закон от 09.11.2024 № 381-ФЗ, в силе с 01.03.2025). ---------------
TK1, TK2 = ("ТК", "act", "351.8/1"), ("ТК", "act", "351.8/2")

case("L01", with_agreements(base("Алтайский край", "Барнаул", 2024), 2024), "2025-06-01", "compliant",
     note="every mentor has a supplementary agreement")

o = with_agreements(base("Алтайский край", "Барнаул", 2024), 2024)
o["mentors"][0]["labour_agreement"] = None
case("L02", o, "2025-06-01", "violations", [v("mentors[0]", TK2)], "no supplementary agreement")

o = with_agreements(base("Алтайский край", "Барнаул", 2024), 2024)
o["mentors"][2]["consent_date"] = None
o["mentors"][2]["labour_agreement"] = None
case("L03", o, "2025-06-01", "violations", [v("mentors[2]", TK1, c(AZ, "3.2")), v("mentors[2]", TK2)],
     "mentoring without written consent: neither a consent nor a signed agreement")

o = with_agreements(base("Алтайский край", "Барнаул", 2024), 2024)
o["mentors"][2]["consent_date"] = None
case("L03b", o, "2025-06-01", "compliant", note="no separate consent, but the agreement signed on the day of the "
     "order appointing the mentor is his written consent (ст. 351.8 ч. 1; model Положение п. 3.2: appointed with it)")

o = with_agreements(base("Алтайский край", "Барнаул", 2024), 2024)
o["mentors"][1]["labour_agreement"]["end"] = "2025-03-31"
case("L03c", o, "2025-06-01", "violations", [v("mentors[1]", TK2)],
     "the agreement's term ended on 31.03.2025, the mentor's programme ran to 31.05.2025")

o = with_agreements(base("Алтайский край", "Барнаул", 2024), 2024)
o["mentors"][1]["labour_agreement"]["pay"] = None
case("L04", o, "2025-06-01", "violations", [v("mentors[1]", TK2)], "agreement that fixes no pay")

o = with_agreements(base("Алтайский край", "Барнаул", 2024), 2024)
o["mentors"][0]["labour_agreement"] = None
o["mentors"][1]["consent_date"] = None
case("L05", o, "2025-02-28", "compliant", note="the day before ст. 351.8 took effect: no agreement needed yet; a "
     "mentor without a separate consent signed his agreement on the day of the order appointing him — that is "
     "his written consent, given in time (model Положение п. 3.2)")

o = with_agreements(base("Алтайский край", "Барнаул", 2024), 2024)
o["mentors"][1]["consent_date"] = None
o["mentors"][1]["labour_agreement"] = None
case("L05b", o, "2025-02-28", "compliant", [r("mentors[1]", c(AZ, "3.2"))],
     "the day before ст. 351.8 took effect: a mentor with neither a consent nor an agreement — the model "
     "Положение's written consent is a recommendation only")

o = with_agreements(base("Алтайский край", "Барнаул", 2024), 2024)
o["mentors"][2]["labour_agreement"]["date"] = "2025-07-01"
case("L06", o, "2025-06-01", "violations", [v("mentors[2]", TK2)], "agreement dated after the as-of date")

o = with_agreements(base("Алтайский край", "Барнаул", 2024), 2024)
del o["mentors"][2]["labour_agreement"]
case("L07", o, "2025-06-01", "incomplete", note="agreement not recorded")

o = base("Алтайский край", "Барнаул", 2024)
for g in o["pairs"] + o["groups"]:
    g["programme"]["end"] = "2025-01-31"
for m in o["mentors"]:
    m["labour_agreement"] = None
o["mentee_list_updated"] = "2025-01-20"
case("L08", o, "2025-06-01", "compliant", note="all mentoring ended before 01.03.2025: ст. 351.8 does not reach back")

# 152-ФЗ: consent to processing (ст. 9 ч. 4) and to dissemination (ст. 10.1). -----------------
FULL = ["субъект", "оператор", "цель", "перечень данных", "действия и способы", "срок и отзыв", "подпись"]


def with_pd(org, year):
    y = str(year)
    for m in org["mentors"]:
        staff(org, m["person"])["personal_data_consent"] = {"date": y + "-08-29", "content": list(FULL)}
    return org


o = with_pd(base("Алтайский край", "Барнаул", Y), Y)
staff(o, "m2")["personal_data_consent"]["content"].remove("цель")
case("P01", o, AS_OF, "violations", [v("staff[4]", ("152-ФЗ", "act", "9/4"))], "consent without the purpose")

o = with_pd(base("Алтайский край", "Барнаул", Y), Y)
o["mentors"][0]["published_on_website"] = True
staff(o, "m1")["personal_data_consent"]["dissemination"] = None
case("P02", o, AS_OF, "violations", [v("mentors[0]", ("152-ФЗ", "act", "10.1"), ("152-ФЗ", "act", "10.1/1"))],
     "mentor published on the website without a separate consent")
CASES[-1]["expect"][0]["alt_subjects"] = ["staff[3]"]

o = with_pd(base("Алтайский край", "Барнаул", Y), Y)
o["mentors"][0]["published_on_website"] = True
staff(o, "m1")["personal_data_consent"]["dissemination"] = "2023-08-29"
case("P03", o, AS_OF, "compliant", note="published with a separate consent")


# Municipalities (batch --check-only): Бурятия's 70 % of teachers under 35 in their first three
# years. Three schools; young teachers by age and by years of work. ---------------------------
def municipality(name, region):
    return {"format": "nastavnik.municipality/1",
            "municipality": {"name": name, "name_genitive": "города " + name, "region": region,
                             "committee": "Комитет по образованию", "committee_short": "Комитет по образованию",
                             "head": {"surname": "Иванов", "name": "Иван", "patronymic": "Иванович", "gender": "м",
                                      "position": "председатель комитета"},
                             "acts": [{"kind": "муниципальная программа наставничества", "date": "2021-06-01"},
                                      {"kind": "положение о муниципальной системе наставничества", "date": "2021-06-01"}],
                             "website_mentoring_section": "2021-03-01"}}


def school(n, young_under35_covered, young_under35_free, young_over35_covered, young_over35_free):
    """A Бурятия school (2023/2024) with teachers in their first three years: under 35 and not."""
    org = buryatia(2023)
    org["organisation"]["short_name"] = "МБОУ «СОШ № %d»" % n
    org["organisation"]["full_name"] = org["organisation"]["full_name"].replace("№ 12", "№ %d" % n)
    # The base's mentees are under 35 and in their first three years: replaced by the mix below.
    for p in org["staff"]:
        if p["id"] in ("y1", "y2", "y3", "y4"):
            p["birth_date"] = "1960-01-01"
            p["pedagogical_experience_start"] = p["hire_date"] = "1990-09-01"
    k = 0

    def add(under35, covered):
        nonlocal k
        k += 1
        pid = "n%d" % k
        org["staff"].append(person(pid, "Новикова", "Мария", "Ивановна", "ж", "1999-05-05" if under35 else "1980-05-05",
                                   "учитель русского языка", "2022-09-01"))
        if covered:
            org["pairs"].append({"id": "np%d" % k, "mentor": "m1", "mentee": pid, "form": "учитель – учитель",
                                 "mentee_consent_date": "2023-09-01",
                                 "programme": {"start": "2023-09-05", "end": "2024-05-31", "goals": ["адаптация"]},
                                 "appointed_by": "o-pary"})

    for _ in range(young_under35_covered): add(True, True)
    for _ in range(young_under35_free): add(True, False)
    for _ in range(young_over35_covered): add(False, True)
    for _ in range(young_over35_free): add(False, False)
    return org


MUNICIPALITIES = []


def municipal_case(cid, schools, as_of, conclusion, expect=(), note=""):
    MUNICIPALITIES.append({"case": cid, "as_of": as_of, "conclusion": conclusion, "expect": list(expect),
                           "note": note, "kind": "municipality", "schools": schools})


BUR_70 = ("1552", "annex", "преамбула/3")
# Under 35: 5 of 6 covered (83 %); counting every teacher in the first three years instead, 5 of
# 12 (42 %).
municipal_case("UM01", [school(1, 3, 1, 0, 3), school(2, 2, 0, 0, 3)], "2024-05-15", "compliant",
               note="83 % of the young teachers under 35 covered; the over-35 newcomers are outside the criterion")
# Under 35: 2 of 6 covered (33 %); counting everyone in the first three years: 10 of 14 (71 %) —
# only the criterion «under 35» shows the target missed.
municipal_case("UM02", [school(1, 1, 2, 4, 0), school(2, 1, 2, 4, 0)], "2024-05-15", "violations",
               [v("", BUR_70)], note="33 % under 35 covered")


# Fields that version 2 of the organisation format introduced: a case that uses any of them
# declares «nastavnik.organisation/2» (an older file with them is refused, as it should be);
# the others stay version 1 files, read as they always were.
VERSION_2 = ("labour_agreement", "personal_data_consent", "published_on_website", "methodological_associations",
             "individual_route", "based_on_deficits", "follows_model", "план повышения квалификации")


def declared(data):
    text = json.dumps(data, ensure_ascii=False)
    if "founder" in data.get("organisation", {}):  # version 3 introduced it
        data = dict(data, format="nastavnik.organisation/3")
    elif any(f in text for f in VERSION_2):
        data = dict(data, format="nastavnik.organisation/2")
    return data


def main():
    out = HERE / "cases"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir()
    labels = []
    for c_ in CASES:
        f = out / (c_["case"] + ".json")
        f.write_text(json.dumps(declared(c_["data"]), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        labels.append({k: c_[k] for k in ("case", "kind", "as_of", "conclusion", "expect", "note")} |
                      {"file": "cases/" + f.name})
    mdir = HERE / "municipalities"
    shutil.rmtree(mdir, ignore_errors=True)
    for m in MUNICIPALITIES:
        d = mdir / m["case"]
        d.mkdir(parents=True)
        (d / "municipality.json").write_text(json.dumps(municipality("Улан-Удэ", "Республика Бурятия"), ensure_ascii=False,
                                                        indent=1) + "\n", encoding="utf-8")
        for i, s in enumerate(m["schools"]):
            (d / ("org-%02d.json" % (i + 1))).write_text(json.dumps(declared(s), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        labels.append({k: m[k] for k in ("case", "kind", "as_of", "conclusion", "expect", "note")} |
                      {"file": "municipalities/" + m["case"]})
    (HERE / "labels.json").write_text(json.dumps(labels, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print("cases:", len(CASES), "municipalities:", len(MUNICIPALITIES),
          "labels:", sum(len(x["expect"]) for x in labels))


if __name__ == "__main__":
    main()
