#!/usr/bin/env python3
"""Writes the rule test cases of issue 12 (rulesets/**/tests/<RULE-ID>/*.json).

Each case is written as the organisation it describes (a base with changes made in Python) and
stored as the JSON merge patch `ruleset test` applies to the base, so a reviewer reads the change
in the case file itself. Boundaries an auditor would try: exactly 3 months and a day less,
exactly a year and a day more, the deadline day and the day after, 29 February, a document dated
after the check, a value left out («not recorded») and null («known: no»), Latin look-alikes.

Usage: tools/rule_cases.py   (rewrites only the files it knows; review `git diff` before committing)
"""
import copy
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "rulesets"
NULL = "__null__"


def patch_of(base, new):
    """RFC 7386 patch turning `base` into `new`; JSON null in `new` becomes "__null__"."""
    def value(v):
        if v is None:
            return NULL
        if isinstance(v, list):
            return [value(x) for x in v]
        if isinstance(v, dict):
            return {k: value(x) for k, x in v.items()}
        return v

    if not isinstance(base, dict) or not isinstance(new, dict):
        return value(new)
    out = {}
    for k in base:
        if k not in new:
            out[k] = None  # removed
    for k, v in new.items():
        if k not in base:
            out[k] = value(v)
        elif base[k] != v:
            out[k] = patch_of(base[k], v) if isinstance(base[k], dict) and isinstance(v, dict) else value(v)
    return out


class Folder:
    def __init__(self, ruleset_dir, base="base.json"):
        self.dir = ROOT / ruleset_dir / "tests"
        self.base_name = base
        self.base = json.loads((self.dir / base).read_text(encoding="utf-8"))

    def org(self):
        return copy.deepcopy(self.base)

    def case(self, rule, name, description, as_of, org, expect):
        """expect: [(subject, outcome[, category])] or "not_applicable"."""
        d = self.dir / rule
        d.mkdir(parents=True, exist_ok=True)
        body = {"description": description, "base": "../" + self.base_name, "as_of": as_of,
                "patch": patch_of(self.base, org)}
        if expect == "not_applicable":
            body["expect"] = "not_applicable"
        else:
            items = []
            for e in expect:
                item = {"subject": e[0], "outcome": e[1]}
                if len(e) > 2:
                    item["category"] = e[2]
                items.append(item)
            body["expect"] = items
        (d / (name + ".json")).write_text(json.dumps(body, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def act(org, aid):
    return next(a for a in org["acts"] if a["id"] == aid)


def drop_acts(org):
    """No list of documents at all («not recorded»): references to documents go too."""
    del org["acts"]
    if org.get("curator"):
        org["curator"].pop("appointed_by", None)
    for m in org.get("mentors", []):
        m.pop("appointed_by", None)
    for g in org.get("pairs", []) + org.get("groups", []):
        g.pop("appointed_by", None)
        g.get("programme", {}).pop("approved_by", None)


V, S, N = "violated", "satisfied", "not_evaluable"
VIOL, REC, PEND, INFO = "нарушение", "рекомендация", "срок не истёк", "к сведению"


# ---- federal-az-1128: the model Положение — every violation is a recommendation --------------
def federal():
    f = Folder("federal/minpros-az-1128")
    A = "2023-11-01"

    o = f.org(); o["curator"] = None
    f.case("FED-CUR-01", "violated", "известно, что куратора нет (null)", A, o, [("", V, REC)])
    o = f.org(); del o["curator"]; act(o, "kur")  # the order stays
    f.case("FED-CUR-01", "not-evaluable", "сведений о кураторе нет (поле пропущено) — не «нет куратора»", A, o, [("", N)])

    o = f.org(); del o["mentors"]
    f.case("FED-MNT-04", "not-evaluable", "перечень наставников не внесён: наставник пары не «не назначен», а неизвестен", A, o,
           [("pairs[0]", N), ("groups[0]", N)])

    o = f.org()
    f.case("FED-GRP-02", "satisfied", "оба наставляемых группы дали согласие", A, o,
           [("groups[0].mentees[0]", S), ("groups[0].mentees[1]", S)])
    o = f.org(); o["groups"][0]["mentee_consents"][1]["date"] = None
    f.case("FED-GRP-02", "violated", "у второго наставляемого согласия нет (null)", A, o,
           [("groups[0].mentees[0]", S), ("groups[0].mentees[1]", V, REC)])
    o = f.org(); o["groups"][0]["mentee_consents"] = o["groups"][0]["mentee_consents"][:1]
    f.case("FED-GRP-02", "not-evaluable", "о согласии второго наставляемого записи нет — «не внесено», а не «нет»", A, o,
           [("groups[0].mentees[0]", S), ("groups[0].mentees[1]", N)])
    o = f.org(); o["groups"][0]["mentee_consents"][0]["date"] = "2023-11-02"
    f.case("FED-GRP-02", "future-consent", "согласие датировано днём позже даты проверки — на дату проверки его нет", A, o,
           [("groups[0].mentees[0]", V, REC), ("groups[0].mentees[1]", S)])

    o = f.org(); del o["groups"][0]["mentee_consents"]
    f.case("FED-PAR-04", "not-evaluable", "у пары нет ссылки на приказ о закреплении; у группы согласия не записаны", A,
           (lambda x: (x["pairs"][0].pop("appointed_by"), x)[1])(o), [("pairs[0]", N)])

    o = f.org(); drop_acts(o)
    f.case("FED-ACT-01", "not-evaluable", "перечень документов не внесён", A, o, [("", N)])
    f.case("FED-ACT-03", "not-evaluable", "перечень документов не внесён", A, o, [("", N)])
    o = f.org(); act(o, "pol")["date"] = act(o, "utv")["date"] = "2023-11-02"
    f.case("FED-ACT-01", "future", "Положение датировано днём позже даты проверки — на эту дату его нет", A, o, [("", V, REC)])
    o = f.org(); act(o, "pol")["date"] = act(o, "utv")["date"] = "2023-11-01"
    f.case("FED-ACT-01", "same-day", "Положение утверждено в день проверки — действует", A, o, [("", S)])
    o = f.org(); act(o, "utv")["date"] = "2023-12-01"
    f.case("FED-ACT-01", "approved-later", "Положение датировано раньше, но утверждено приказом позже даты проверки", A, o,
           [("", V, REC)])

    o = f.org(); act(o, "pol")["approved_by"] = None
    f.case("FED-ACT-02", "null", "известно, что Положение не утверждено (null)", A, o, [("acts[0]", V, REC)])
    o = f.org(); act(o, "utv")["date"] = "2023-12-01"
    f.case("FED-ACT-02", "approval-after-check", "приказ об утверждении позже даты проверки: Положение на эту дату не действует, "
                                                 "и проверять его утверждение нечего", A, o, "not_applicable")

    o = f.org()
    f.case("FED-ACT-05", "satisfied", "дорожная карта утверждена приказом", A, o, [("acts[5]", S)])
    o = f.org(); act(o, "dk")["approved_by"] = None
    f.case("FED-ACT-05", "violated", "известно, что дорожная карта не утверждена (null)", A, o, [("acts[5]", V, REC)])
    o = f.org(); act(o, "dk")["approved_by"] = "pol"
    f.case("FED-ACT-05", "wrong-kind", "дорожная карта «утверждена» Положением, а не приказом", A, o, [("acts[5]", V, REC)])
    o = f.org(); del act(o, "dk")["approved_by"]
    f.case("FED-ACT-05", "not-evaluable", "сведений об утверждении дорожной карты нет", A, o, [("acts[5]", N)])

    # A year is a rolling year: the same date a year later is the last day.
    o = f.org(); o["mentee_list_updated"] = "2022-11-01"
    f.case("FED-MNL-01", "exactly-a-year", "актуализирован ровно год назад (01.11.2022 → 01.11.2023)", A, o, [("", S)])
    o = f.org(); o["mentee_list_updated"] = "2022-10-31"
    f.case("FED-MNL-01", "a-year-and-a-day", "актуализирован год и один день назад", A, o, [("", V, REC)])
    o = f.org(); o["mentee_list_updated"] = "2021-12-31"
    f.case("FED-MNL-01", "whole-year-missed", "актуализирован 31.12.2021, проверка 01.01.2023: весь 2022 год без актуализации",
           "2023-01-01", o, [("", V, REC)])
    o = f.org(); o["mentee_list_updated"] = "2024-02-29"
    f.case("FED-MNL-01", "leap-day", "актуализирован 29.02.2024: год истекает 28.02.2025", "2025-02-28", o, [("", S)])
    f.case("FED-MNL-01", "leap-day-over", "актуализирован 29.02.2024, проверка 01.03.2025", "2025-03-01", o, [("", V, REC)])
    o = f.org(); o["mentee_list_updated"] = "2023-11-02"
    f.case("FED-MNL-01", "future", "дата актуализации позже даты проверки — сведений на эту дату нет", A, o, [("", N)])

    o = f.org(); o["pairs"][0]["programme"].update(start="2023-09-01", end="2023-11-29")
    f.case("FED-PRG-01", "a-day-short", "01.09–29.11.2023: 2 мес. 29 дней", A, o, [("pairs[0]", V, REC), ("groups[0]", S)])
    o = f.org(); o["pairs"][0]["programme"].update(start="2023-01-31", end="2023-04-30")
    f.case("FED-PRG-01", "month-end", "31.01–30.04.2023: ровно 3 месяца (срок истекает в последний день месяца)", A, o,
           [("pairs[0]", S), ("groups[0]", S)])
    o = f.org(); o["pairs"][0]["programme"].update(start="2023-12-01", end="2023-09-01")
    f.case("FED-PRG-01", "end-before-start", "дата окончания раньше даты начала", A, o, [("pairs[0]", V, REC), ("groups[0]", S)])

    o = f.org(); o["pairs"][0]["programme"].update(start="2024-02-29", end="2025-02-28")
    f.case("FED-PRG-02", "leap-year", "29.02.2024–28.02.2025: ровно год", A, o, [("pairs[0]", S), ("groups[0]", S)])
    o = f.org(); o["pairs"][0]["programme"].update(start="2024-02-29", end="2025-03-01")
    f.case("FED-PRG-02", "leap-year-over", "29.02.2024–01.03.2025: год и один день", A, o, [("pairs[0]", V, REC), ("groups[0]", S)])

    o = f.org(); o["mentors"][0]["consent_date"] = "2023-11-02"
    f.case("FED-MNT-01", "future-consent", "согласие датировано позже даты проверки", A, o,
           [("mentors[0]", V, REC), ("mentors[1]", S), ("mentors[2]", S)])
    o = f.org(); o["mentors"][0]["consent_date"] = A
    f.case("FED-MNT-01", "same-day", "согласие дано в день проверки", A, o, [("mentors[0]", S), ("mentors[1]", S), ("mentors[2]", S)])

    o = f.org(); o["curator"]["appointed_by"] = "dk"
    f.case("FED-CUR-03", "wrong-kind", "куратор «назначен» дорожной картой", A, o, [("curator", V, REC)])
    o = f.org(); act(o, "kur")["date"] = "2023-11-02"
    f.case("FED-CUR-03", "future-order", "приказ о назначении куратора датирован позже даты проверки", A, o, [("curator", V, REC)])

    o = f.org(); o["pairs"][0]["form"] = "педагог – пeдагог"  # Latin «e»: a data warning, not a rule of this layer
    f.case("FED-PAR-01", "lookalike", "латинская «e» в форме пары не делает наставника наставляемым", A, o,
           [("pairs[0]", S), ("groups[0]", S)])


# ---- adoptions and deadlines of the municipal layers -------------------------------------------
def municipal(path, prefix, deadline_cases):
    f = Folder(path)
    A = "2023-11-01"
    o = f.org(); o["curator"] = None
    f.case("FED-CUR-01", "violated", "известно, что куратора нет: нарушение п. 3.1 Положения", A, o, [("", V, VIOL)])
    o = f.org(); o["curator"]["appointed_by"] = "dk"
    f.case("FED-CUR-03", "violated", "куратор «назначен» дорожной картой, а не руководителем", A, o, [("curator", V, VIOL)])
    o = f.org(); act(o, "pol")["approved_by"] = None
    f.case("FED-ACT-02", "violated", "Положение не утверждено (null): не принято", A, o, [("acts[0]", V, VIOL)])
    o = f.org(); act(o, "dk")["approved_by"] = None
    f.case("FED-ACT-05", "violated", "дорожная карта не утверждена (null)", A, o, [("acts[5]", V, VIOL)])
    o = f.org(); o["mentors"][0]["consent_date"] = None
    f.case("FED-MNT-01", "recommendation", "согласия наставника нет: Положение муниципалитета его прямо не требует — рекомендация",
           A, o, [("mentors[0]", V, REC), ("mentors[1]", S), ("mentors[2]", S)])
    if deadline_cases:
        # п. 3 of приказ № 701: implement by 31.12.2022 inclusive.
        o = f.org()
        for a in ("pol", "dk"):
            o["acts"] = [x for x in o["acts"] if x["id"] != a]
        o["curator"] = None
        for day, cat, name, what in (("2022-11-01", PEND, "before-deadline", "за два месяца до срока"),
                                     ("2022-12-31", PEND, "deadline-day", "в последний день срока"),
                                     ("2023-01-01", VIOL, "day-after", "на следующий день после срока")):
            for rule in ("FED-ACT-01", "FED-ACT-03", "FED-CUR-01"):
                f.case(rule, name, "Положения, дорожной карты и куратора нет — " + what, day, o, [("", V, cat)])
        o = f.org(); o["curator"]["appointed_by"] = "dk"
        f.case("FED-CUR-03", "before-deadline", "куратор назначен не приказом, но срок внедрения не истёк", "2022-11-01",
               o, [("curator", V, PEND)])
        o = f.org(); act(o, "pol")["approved_by"] = None
        f.case("FED-ACT-02", "before-deadline", "Положение не утверждено, срок не истёк", "2022-11-01", o, [("acts[0]", V, PEND)])
        o = f.org(); act(o, "dk")["approved_by"] = None
        f.case("FED-ACT-05", "before-deadline", "дорожная карта не утверждена, срок не истёк", "2022-11-01", o,
               [("acts[5]", V, PEND)])
        o = f.org(); act(o, "pary")["kind"] = "приказ о назначении наставников"
        f.case(prefix + "-ACT-04", "before-deadline", "приказа о закреплении пар нет, срок не истёк", "2022-11-01", o, [("", V, PEND)])
        f.case(prefix + "-ACT-04", "violated", "приказа о закреплении пар нет после срока", A, o, [("", V, VIOL)])
        o = f.org()
        f.case(prefix + "-ACT-04", "satisfied", "приказ о закреплении пар есть", A, o, [("", S)])
    for rule in ("FED-ACT-01", "FED-ACT-03", "FED-CUR-02", "FED-MNL-01", "FED-PRG-01", "FED-PRG-02"):
        d = f.dir / rule
        for case_file in sorted(d.glob("*.json")) if d.exists() else []:
            body = json.loads(case_file.read_text(encoding="utf-8"))
            if isinstance(body["expect"], list):
                changed = False
                for item in body["expect"]:
                    if item["outcome"] == V and "category" not in item:
                        item["category"] = VIOL
                        changed = True
                if changed:
                    case_file.write_text(json.dumps(body, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    o = f.org(); del o["pairs"][0]["programme"]["goals"]
    f.case(prefix + "-PRG-03", "not-evaluable", "цели программы не внесены", A, o, [("pairs[0]", N), ("groups[0]", S)])
    o = f.org(); o["pairs"][0]["programme"]["goals"] = []
    f.case(prefix + "-PRG-03", "violated", "перечень целей внесён пустым", A, o, [("pairs[0]", V, INFO), ("groups[0]", S)])
    o = f.org(); o["pairs"][0]["form"] = "педагог – молодой специалист"
    f.case(prefix + "-FRM-01", "open-list", "формы нет в перечне: перечень открытый — к сведению, не нарушение", A, o,
           [("pairs[0]", V, INFO), ("groups[0]", S)])
    o = f.org(); o["pairs"][0]["form"] = "Учитель - учитель"
    o.setdefault("mentoring_forms", ["учитель – учитель", "наставничество в группе"])
    f.case(prefix + "-FRM-01", "lookalike", "«Учитель - учитель» с дефисом и заглавной — та же форма", A, o,
           [("pairs[0]", S), ("groups[0]", S)])
    o = f.org(); o["pairs"][0]["form"] = "учитель – учитeль"  # Latin «e»
    o.setdefault("mentoring_forms", ["учитель – учитель", "наставничество в группе"])
    f.case(prefix + "-FRM-01", "latin-letter", "латинская «e» в форме: сравнивается как кириллица", A, o,
           [("pairs[0]", S), ("groups[0]", S)])


def buryatia():
    f = Folder("buryatia/buryatia-1552")
    o = f.org(); o["acts"] = [a for a in o["acts"] if a["id"] != "pol"]
    f.case("FED-ACT-01", "before-deadline", "Положения нет, 2022 год не кончился", "2022-12-31", o, [("", V, PEND)])
    f.case("FED-ACT-01", "after-deadline", "Положения нет после 2022 года: нарушение разд. IV, п. 2", "2023-01-01", o, [("", V, VIOL)])
    o = f.org(); act(o, "pol")["approved_by"] = None
    f.case("FED-ACT-02", "before-deadline", "Положение не утверждено, срок не истёк", "2022-11-01", o, [("acts[0]", V, PEND)])
    f.case("FED-ACT-02", "after-deadline", "Положение не утверждено, срок истёк", "2023-06-01", o, [("acts[0]", V, VIOL)])
    o = f.org(); o["acts"] = [a for a in o["acts"] if a["id"] != "prog"]
    f.case("BUR-PRG-01", "before-deadline", "программы нет, 2023 год не кончился", "2023-12-31", o, [("", V, PEND)])
    f.case("BUR-PRG-01", "violated", "программы нет после 2023 года", "2024-01-01", o, [("", V, VIOL)])
    o = f.org(); drop_acts(o)
    f.case("BUR-PRG-01", "not-evaluable", "перечень документов не внесён", "2024-01-01", o, [("", N)])
    o = f.org(); act(o, "pol")["date"] = act(o, "utv")["date"] = "2023-02-01"
    f.case("BUR-DOC-01", "late", "Положение принято в 2023 году", "2023-06-01", o, [("", V, VIOL)])
    o = f.org(); act(o, "pol")["date"] = "2022-12-31"; act(o, "utv")["date"] = "2022-12-31"
    f.case("BUR-DOC-01", "deadline-day", "Положение принято 31.12.2022 — в срок", "2023-06-01", o, [("", S)])
    o = f.org(); o["acts"].insert(0, {"id": "pol2", "kind": "положение о наставничестве", "date": "2023-03-01", "approved_by": "utv2"})
    o["acts"].insert(1, {"id": "utv2", "kind": "приказ об утверждении положения", "date": "2023-03-01", "number": "30"})
    f.case("BUR-DOC-01", "earliest-edition", "новая редакция 2023 года записана первой; ранняя — 2022 года, в срок", "2023-06-01", o,
           [("", S)])
    o = f.org(); o["acts"] = [a for a in o["acts"] if a["id"] != "pol"]
    f.case("BUR-DOC-01", "before-deadline", "в 2022 году правило о сроке не применяется", "2022-11-01", o, "not_applicable")
    o = f.org()
    f.case("BUR-WEB-01", "before-2023", "до 2023 года требование к организации не применяется", "2022-12-31", o, "not_applicable")
    o = f.org(); o["acts"] = [a for a in o["acts"] if a["id"] != "pol"]
    f.case("BUR-MON-01", "not-evaluable", "Положения нет — система не введена, ежегодный мониторинг не требуется", "2023-11-01", o,
           "not_applicable")
    # The monitoring is proven by its results, whatever document holds them (eval finding D12).
    o = f.org(); o["acts"] = [a for a in o["acts"] if a["id"] != "mon"]; o["format"] = "nastavnik.organisation/2"
    o["monitoring"] = [{"indicator": "programme_results", "value": 85, "point": "окончание", "date": "2023-05-28",
                        "source": "протокол методического совета"}]
    f.case("BUR-MON-01", "values-without-spravka", "справки нет, значения мониторинга от 28.05.2023 записаны", "2024-03-01", o, [("", S)])
    f.case("BUR-MON-01", "values-last-day", "значения от 28.05.2023 (2022/2023); 31.08.2024 — 2023/2024 учебный год ещё не закончился",
           "2024-08-31", o, [("", S)])
    f.case("BUR-MON-01", "values-too-old", "справки нет, значения 2022/2023 учебного года; 01.09.2024 закончился 2023/2024 без мониторинга",
           "2024-09-01", o, [("", V)])
    o2 = copy.deepcopy(o); del o2["monitoring"]
    f.case("BUR-MON-01", "nothing-recorded", "справки нет, о мониторинге сведений нет (поле не внесено) — проверить нельзя", "2024-03-01", o2,
           [("", N)])
    o2 = copy.deepcopy(o); o2["monitoring"] = []
    f.case("BUR-MON-01", "known-none", "справки нет, перечень мониторинга пуст — известно, что мониторинга не было", "2024-03-01", o2,
           [("", V)])
    o2 = f.org(); act(o2, "pol")["date"] = act(o2, "utv")["date"] = "2022-12-31"
    o2["acts"] = [a for a in o2["acts"] if a["id"] != "mon"]
    f.case("BUR-MON-01", "system-after-the-year", "Положение от 31.12.2022; 01.02.2023 — за 2021/2022 мониторинга не требуется", "2023-02-01",
           o2, "not_applicable")


def biysk_deadline():
    f = Folder("altai/biysk/biysk-701")
    for old in ("before-deadline", "violated-none"):
        (f.dir / "BSK-DL-01" / (old + ".json")).unlink(missing_ok=True)
    o = f.org(); o["acts"] = [a for a in o["acts"] if a["id"] != "pol"]
    f.case("BSK-DL-01", "no-polozhenie", "Положения нет: это предмет FED-ACT-01, правило о сроке не применяется", "2023-03-01", o,
           "not_applicable")
    o = f.org()
    f.case("BSK-DL-01", "before-deadline", "до истечения срока правило о сроке не применяется", "2022-12-31", o, "not_applicable")
    o = f.org(); act(o, "pol")["date"] = act(o, "utv")["date"] = "2022-12-31"
    f.case("BSK-DL-01", "deadline-day", "Положение утверждено 31.12.2022 — в последний день срока", "2023-03-01", o, [("", S)])
    o = f.org(); act(o, "pol")["date"] = "2022-12-20"; act(o, "utv")["date"] = "2023-01-10"
    f.case("BSK-DL-01", "approved-late", "Положение датировано 20.12.2022, но утверждено приказом 10.01.2023", "2023-03-01", o,
           [("", V, VIOL)])
    o = f.org(); act(o, "pol")["date"] = act(o, "utv")["date"] = "2023-01-20"
    o["acts"].append({"id": "pol0", "kind": "положение о наставничестве", "date": "2022-10-01", "approved_by": "utv0"})
    o["acts"].append({"id": "utv0", "kind": "приказ об утверждении положения", "date": "2022-10-01", "number": "77"})
    f.case("BSK-DL-01", "earliest-edition", "первой записана редакция 2023 года; самая ранняя — 01.10.2022, в срок", "2023-03-01",
           o, [("", S)])


def buryatia_municipal():
    f = Folder("buryatia/buryatia-1552", "municipality-base.json")
    (f.dir / "BUR-MUN-01" / "before-deadline.json").unlink(missing_ok=True)
    o = f.org(); o["municipality"]["acts"] = []
    f.case("BUR-MUN-01", "before-deadline", "в 2021 году программа ещё может разрабатываться", "2021-12-31", o, "not_applicable")
    f.case("BUR-MUN-01", "day-after", "программы нет на 01.01.2022", "2022-01-01", o, [("", V, VIOL)])

    def summaries(rows):
        o = f.org()
        for s_, (t, c, u) in zip(o["organisation_summaries"], rows):
            s_["young_teachers"], s_["young_teachers_covered"], s_["young_teachers_unknown"] = t, c, u
        return o

    for old in ("satisfied", "violated", "not-evaluable"):
        (f.dir / "BUR-MUN-05" / (old + ".json")).unlink(missing_ok=True)
    f.case("BUR-MUN-05", "satisfied", "7 из 10 учителей до 35 лет в первые три года работы вовлечены — ровно 70 %", "2023-03-01",
           summaries([(4, 3, 0), (3, 2, 0), (0, 0, 0), (3, 2, 0)]), [("", S)])
    f.case("BUR-MUN-05", "violated", "6 из 10 — 60 % при цели 70 %", "2023-03-01",
           summaries([(4, 2, 0), (3, 2, 0), (0, 0, 0), (3, 2, 0)]), [("", V, VIOL)])
    f.case("BUR-MUN-05", "not-evaluable", "у двух учителей нет даты рождения или начала стажа — показатель не вычисляется", "2023-03-01",
           summaries([(4, 3, 0), (3, 2, 2), (0, 0, 0), (3, 2, 0)]), [("", N)])
    o = f.org()
    for s_ in o["organisation_summaries"]:
        for k in ("young_teachers", "young_teachers_covered", "young_teachers_unknown"):
            s_.pop(k, None)
    f.case("BUR-MUN-05", "not-recorded", "сводки без сведений об учителях до 35 лет: охват «молодых» по стажу не подменяет показатель",
           "2023-03-01", o, [("", N)])


def krasnoyarsk():
    f = Folder("krasnoyarsk/krasnoyarsk-397-11-05")
    A = "2023-11-01"

    def full():
        o = f.org()
        o["organisation"]["methodological_associations"] = "2020-09-01"
        for p in o["staff"]:
            if p["id"] in ("y1", "y2"):
                p["individual_route"] = {"date": "2023-10-01", "deficits": ["оценивание образовательных результатов"]}
        o["acts"].append({"id": "pk", "kind": "план повышения квалификации", "date": "2023-08-30", "approved_by": "utv",
                          "based_on_deficits": True})
        return o

    o = full()
    f.case("KRS-MOB-01", "satisfied", "методические объединения действуют с 2020 года", A, o, [("organisation", S)])
    o = full(); o["organisation"]["methodological_associations"] = None
    f.case("KRS-MOB-01", "violated", "известно, что объединений нет (null)", A, o, [("organisation", V, VIOL)])
    o = full(); del o["organisation"]["methodological_associations"]
    f.case("KRS-MOB-01", "not-evaluable", "сведений об объединениях нет", A, o, [("organisation", N)])
    o = full(); o["organisation"]["methodological_associations"] = "2023-11-02"
    f.case("KRS-MOB-01", "future", "объединения созданы позже даты проверки", A, o, [("organisation", V, VIOL)])

    iy1, iy2 = [i for i, p in enumerate(f.org()["staff"]) if p["id"] in ("y1", "y2")]
    o = full()
    f.case("KRS-IOM-01", "satisfied", "маршруты построены на выявленных дефицитах", A, o,
           [("staff[%d]" % iy1, S), ("staff[%d]" % iy2, S)])
    o = full(); o["staff"][iy2]["individual_route"]["deficits"] = None
    f.case("KRS-IOM-01", "violated", "маршрут построен без диагностики (null)", A, o,
           [("staff[%d]" % iy1, S), ("staff[%d]" % iy2, V, VIOL)])
    o = full(); del o["staff"][iy2]["individual_route"]["deficits"]
    f.case("KRS-IOM-01", "not-evaluable", "на чём построен маршрут, не записано", A, o,
           [("staff[%d]" % iy1, S), ("staff[%d]" % iy2, N)])
    o = full(); o["staff"][iy2]["individual_route"] = None
    f.case("KRS-IOM-01", "no-route", "маршрута нет (null): правилу проверять нечего", A,
           (lambda x: ([p.pop("individual_route", None) for p in x["staff"] if p["id"] == "y1"], x)[1])(o), "not_applicable")

    o = full()
    f.case("KRS-PK-01", "satisfied", "план повышения квалификации принят", A, o, [("", S)])
    o = full(); o["acts"] = [a for a in o["acts"] if a["id"] != "pk"]
    f.case("KRS-PK-01", "violated", "плана нет", A, o, [("", V, VIOL)])
    o = full(); act(o, "pk")["date"] = act(o, "pk")["date"]; act(o, "pk")["approved_by"] = "utv"
    o = full()
    f.case("KRS-PK-02", "satisfied", "план составлен с учётом дефицитов", A, o, [("acts[6]", S)])
    o = full(); act(o, "pk")["based_on_deficits"] = False
    f.case("KRS-PK-02", "violated", "план составлен без учёта дефицитов", A, o, [("acts[6]", V, VIOL)])
    o = full(); del act(o, "pk")["based_on_deficits"]
    f.case("KRS-PK-02", "not-evaluable", "не записано, учтены ли дефициты", A, o, [("acts[6]", N)])
    o = full(); act(o, "pk")["date"] = "2023-11-02"
    f.case("KRS-PK-02", "future", "план датирован позже даты проверки: не действует", A, o, "not_applicable")

    m = Folder("krasnoyarsk/krasnoyarsk-397-11-05", "municipality-base.json")
    o = m.org()
    o["municipality"]["methodological_service_staff"] = [
        {"surname": "Орлова", "name": "Нина", "patronymic": "Петровна", "trained_at_cnppm": "2022-03-15"},
        {"surname": "Ким", "name": "Ирина", "trained_at_cnppm": "2023-04-10"}]
    o["municipality"]["methodological_associations"] = "2019-09-01"
    base_m = copy.deepcopy(o)
    m.case("KRS-MUN-02", "satisfied", "оба работника ММС обучены в ЦНППМ", A, o,
           [("municipality.methodological_service_staff[0]", S), ("municipality.methodological_service_staff[1]", S)])
    o = copy.deepcopy(base_m); o["municipality"]["methodological_service_staff"][1]["trained_at_cnppm"] = None
    m.case("KRS-MUN-02", "violated", "второй работник не обучен (null)", A, o,
           [("municipality.methodological_service_staff[0]", S), ("municipality.methodological_service_staff[1]", V, VIOL)])
    o = copy.deepcopy(base_m); del o["municipality"]["methodological_service_staff"][1]["trained_at_cnppm"]
    m.case("KRS-MUN-02", "not-evaluable", "об обучении второго работника сведений нет", A, o,
           [("municipality.methodological_service_staff[0]", S), ("municipality.methodological_service_staff[1]", N)])
    o = copy.deepcopy(base_m)
    m.case("KRS-MUN-03", "satisfied", "муниципальные методические объединения действуют", A, o, [("municipality", S)])
    o = copy.deepcopy(base_m); o["municipality"]["methodological_associations"] = None
    m.case("KRS-MUN-03", "violated", "известно, что объединений нет", A, o, [("municipality", V, VIOL)])
    o = copy.deepcopy(base_m); del o["municipality"]["methodological_associations"]
    m.case("KRS-MUN-03", "not-evaluable", "сведений об объединениях нет", A, o, [("municipality", N)])


def labour_code():
    """ст. 351.8 ТК РФ from 01.03.2025: the base is the federal one, a year later, with agreements."""
    src = ROOT / "federal/minpros-az-1128/tests/base.json"
    d = ROOT / "federal/tk-351-8/tests"
    d.mkdir(parents=True, exist_ok=True)
    text = src.read_text(encoding="utf-8").replace("2023-", "2024-").replace("2024-05-31", "2025-05-31")
    org = json.loads(text)
    org["format"] = "nastavnik.organisation/2"  # labour_agreement came with version 2
    for i, m in enumerate(org["mentors"]):
        m["labour_agreement"] = {"date": "2024-09-02", "number": "ДС-%d" % (i + 1),
                                 "pay": {"amount": 3000, "period": "месяц"} if i != 1 else
                                        {"percent": 10, "base": "должностного оклада"},
                                 "end": "2025-05-31"}
    (d / "base.json").write_text(json.dumps(org, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    f = Folder("federal/tk-351-8")
    A = "2025-06-01"
    all_s = [("mentors[0]", S), ("mentors[1]", S), ("mentors[2]", S)]
    f.case("TK-AGR-01", "satisfied", "с каждым наставником заключено дополнительное соглашение", A, f.org(), all_s)
    o = f.org(); o["mentors"][0]["labour_agreement"] = None
    f.case("TK-AGR-01", "violated", "известно, что соглашения нет (null)", A, o, [("mentors[0]", V, VIOL)] + all_s[1:])
    o = f.org(); del o["mentors"][0]["labour_agreement"]
    f.case("TK-AGR-01", "not-evaluable", "сведений о соглашении нет", A, o, [("mentors[0]", N)] + all_s[1:])
    o = f.org(); o["mentors"][0]["labour_agreement"]["date"] = "2025-06-02"
    f.case("TK-AGR-01", "future", "соглашение датировано позже даты проверки", A, o, [("mentors[0]", V, VIOL)] + all_s[1:])
    (f.dir / "TK-AGR-01" / "day-before.json").unlink(missing_ok=True)
    (f.dir / "_selection").mkdir(exist_ok=True)
    for day, want in (("2025-02-28", False), ("2025-03-01", True)):
        (f.dir / "_selection" / (day + ".json")).write_text(json.dumps(
            {"description": "ст. 351.8 ТК РФ действует с 01.03.2025: проверка на " + day, "base": "../base.json", "as_of": day,
             "patch": {}, "expect_ruleset_selected": want}, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    o = f.org(); o["mentors"][0]["labour_agreement"] = None
    f.case("TK-AGR-01", "first-day", "01.03.2025: статья действует", "2025-03-01", o, [("mentors[0]", V, VIOL)] + all_s[1:])
    o = f.org()
    for g in o["pairs"]:
        g["programme"]["end"] = "2025-02-28"
    o["mentors"][0]["labour_agreement"] = None
    f.case("TK-AGR-01", "ended-before", "программа наставника закончилась 28.02.2025 — до вступления статьи в силу", A, o, all_s[1:])
    o = f.org(); o["mentors"][1]["labour_agreement"]["pay"] = None
    f.case("TK-AGR-02", "violated", "выплата не установлена (null)", A, o, [("mentors[0]", S), ("mentors[1]", V, VIOL), ("mentors[2]", S)])
    o = f.org(); del o["mentors"][1]["labour_agreement"]["pay"]
    f.case("TK-AGR-02", "not-evaluable", "о выплате сведений нет", A, o, [("mentors[0]", S), ("mentors[1]", N), ("mentors[2]", S)])
    f.case("TK-AGR-02", "satisfied", "выплаты: 3000 руб. в месяц, 10 % оклада", A, f.org(), all_s)
    o = f.org(); o["mentors"][2]["labour_agreement"]["pay"] = {"amount": 0, "period": "месяц"}
    f.case("TK-AGR-02", "zero", "выплата 0 руб. — не установлена", A, o, [("mentors[0]", S), ("mentors[1]", S), ("mentors[2]", V, VIOL)])
    # ч. 1: written consent — a separate consent or the signed agreement (eval finding D8).
    (f.dir / "FED-MNT-01" / "binding.json").unlink(missing_ok=True)
    f.case("TK-CNS-01", "satisfied", "согласие и соглашение есть у каждого", A, f.org(), all_s)
    o = f.org(); o["mentors"][2]["consent_date"] = None
    f.case("TK-CNS-01", "agreement-is-consent", "согласия нет (null), но соглашение о наставничестве подписано — это письменное согласие",
           A, o, all_s)
    o = f.org(); del o["mentors"][2]["consent_date"]
    f.case("TK-CNS-01", "consent-not-recorded", "дата согласия не внесена, соглашение есть — проверка завершена", A, o, all_s)
    o = f.org(); o["mentors"][2]["consent_date"] = None; o["mentors"][2]["labour_agreement"] = None
    f.case("TK-CNS-01", "violated", "ни согласия, ни соглашения (null)", A, o, all_s[:2] + [("mentors[2]", V, VIOL)])
    o = f.org(); o["mentors"][2]["consent_date"] = None; del o["mentors"][2]["labour_agreement"]
    f.case("TK-CNS-01", "not-evaluable", "согласия нет (null), о соглашении сведений нет", A, o, all_s[:2] + [("mentors[2]", N)])
    o = f.org(); del o["mentors"][2]["consent_date"]; o["mentors"][2]["labour_agreement"] = None
    f.case("TK-CNS-01", "consent-unknown", "соглашения нет (null), о согласии сведений нет", A, o, all_s[:2] + [("mentors[2]", N)])
    o = f.org(); o["mentors"][2]["consent_date"] = "2025-06-02"; o["mentors"][2]["labour_agreement"] = None
    f.case("TK-CNS-01", "future", "согласие датировано позже даты проверки, соглашения нет", A, o, all_s[:2] + [("mentors[2]", V, VIOL)])
    # Everyone who mentors after 01.03.2025, not only the listed mentors (eval finding D6).
    B = "2025-04-01"
    both = [("pairs[0]", S), ("groups[0]", S)]
    f.case("TK-AGR-03", "satisfied", "наставники пары и группы — в перечне", B, f.org(), both)
    o = f.org(); o["mentors"] = [m for m in o["mentors"] if m["person"] != "m1"]
    f.case("TK-AGR-03", "violated", "наставника пары нет в перечне наставников", B, o, [("pairs[0]", V, VIOL), ("groups[0]", S)])
    o = f.org(); o["mentors"] = [m for m in o["mentors"] if m["person"] != "m2"]
    f.case("TK-AGR-03", "group", "наставника группы нет в перечне наставников", B, o, [("pairs[0]", S), ("groups[0]", V, VIOL)])
    o = f.org(); del o["mentors"]
    f.case("TK-AGR-03", "not-evaluable", "перечень наставников не записан", B, o, [("", N)])
    o = f.org(); o["mentors"] = [m for m in o["mentors"] if m["person"] != "m1"]
    for g in o["pairs"] + o["groups"]:
        g["programme"]["end"] = "2025-02-28"
    f.case("TK-AGR-03", "ended-before", "программы закончились 28.02.2025 — до вступления статьи в силу", B, o, "not_applicable")
    o = f.org(); o["mentors"] = [m for m in o["mentors"] if m["person"] != "m1"]
    o["pairs"][0]["programme"]["start"] = "2025-04-02"
    f.case("TK-AGR-03", "not-started", "программа пары начнётся после даты проверки", B, o, [("groups[0]", S)])
    f.case("TK-AGR-04", "satisfied", "срок соглашения — до конца программ", B, f.org(), all_s)
    o = f.org(); o["mentors"][0]["labour_agreement"]["end"] = "2025-03-31"
    f.case("TK-AGR-04", "violated", "срок соглашения истёк 31.03.2025, программа пары идёт до 31.05.2025", B, o,
           [("mentors[0]", V, VIOL)] + all_s[1:])
    o = f.org(); o["mentors"][1]["labour_agreement"]["end"] = "2025-03-31"
    f.case("TK-AGR-04", "group", "срок соглашения наставника группы истёк 31.03.2025", B, o,
           [("mentors[0]", S), ("mentors[1]", V, VIOL), ("mentors[2]", S)])
    o = f.org(); o["mentors"][0]["labour_agreement"]["end"] = "2025-04-01"
    f.case("TK-AGR-04", "last-day", "срок соглашения истекает в день проверки", B, o, all_s)
    o = f.org(); o["mentors"][0]["labour_agreement"]["end"] = "2025-04-30"
    f.case("TK-AGR-04", "later", "срок истекает после даты проверки, раньше конца программы — не нарушение", B, o, all_s)
    o = f.org(); del o["mentors"][0]["labour_agreement"]["end"]
    f.case("TK-AGR-04", "not-evaluable", "срок работы по наставничеству в соглашении не записан", B, o,
           [("mentors[0]", N)] + all_s[1:])
    o = f.org(); o["mentors"][0]["labour_agreement"]["end"] = "2025-05-30"
    f.case("TK-AGR-04", "after-programme", "проверка после конца программы: срок истёк за день до её конца", "2025-06-01", o,
           [("mentors[0]", V, VIOL)] + all_s[1:])


def personal_data():
    src = ROOT / "federal/minpros-az-1128/tests/base.json"
    d = ROOT / "federal/pd-152/tests"
    d.mkdir(parents=True, exist_ok=True)
    org = json.loads(src.read_text(encoding="utf-8"))
    org["format"] = "nastavnik.organisation/2"  # personal_data_consent came with version 2
    full = ["субъект", "оператор", "цель", "перечень данных", "действия и способы", "срок и отзыв", "подпись"]
    for p in org["staff"]:
        if p["id"] in ("m1", "m2"):
            p["personal_data_consent"] = {"date": "2023-08-29", "content": list(full), "dissemination": "2023-08-29"}
    (d / "base.json").write_text(json.dumps(org, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    f = Folder("federal/pd-152")
    A = "2023-11-01"
    i1, i2 = [i for i, p in enumerate(f.org()["staff"]) if p["id"] in ("m1", "m2")]
    c1, c2 = "staff[%d].personal_data_consent" % i1, "staff[%d].personal_data_consent" % i2
    f.case("PD-CNS-01", "satisfied", "согласия содержат всё, что требует ч. 4 ст. 9", A, f.org(), [(c1, S), (c2, S)])
    o = f.org(); o["staff"][i2]["personal_data_consent"]["content"].remove("цель")
    f.case("PD-CNS-01", "violated", "в согласии нет цели обработки", A, o, [(c1, S), (c2, V, VIOL)])
    o = f.org(); del o["staff"][i2]["personal_data_consent"]["content"]
    f.case("PD-CNS-01", "not-evaluable", "содержание согласия не записано", A, o, [(c1, S), (c2, N)])
    o = f.org(); o["staff"][i2]["personal_data_consent"]["content"] = [x.upper() if x == "цель" else x for x in full]
    f.case("PD-CNS-01", "case", "«ЦЕЛЬ» заглавными — то же сведение", A, o, [(c1, S), (c2, S)])
    o = f.org(); o["mentors"][0]["published_on_website"] = True
    f.case("PD-DIS-01", "satisfied", "сведения о наставнике на сайте, отдельное согласие есть", A, o, [("mentors[0]", S)])
    o = f.org(); o["mentors"][0]["published_on_website"] = True
    o["staff"][i1]["personal_data_consent"]["dissemination"] = None
    f.case("PD-DIS-01", "violated", "на сайте без отдельного согласия (null)", A, o, [("mentors[0]", V, VIOL)])
    o = f.org(); o["mentors"][0]["published_on_website"] = True
    del o["staff"][i1]["personal_data_consent"]["dissemination"]
    f.case("PD-DIS-01", "not-evaluable", "об отдельном согласии сведений нет", A, o, [("mentors[0]", N)])
    o = f.org(); o["mentors"][0]["published_on_website"] = True
    o["staff"][i1]["personal_data_consent"] = None
    f.case("PD-DIS-01", "no-consent", "согласия на обработку нет вовсе (null) — нет и на распространение", A, o,
           [("mentors[0]", V, VIOL)])
    o = f.org()
    f.case("PD-DIS-01", "not-published", "сведения о наставниках на сайте не размещаются", A, o, "not_applicable")


def selection():
    for path, name, region, place, want in (
            ("altai/barnaul/barnaul-127", "prefix-g", "Алтайский край", "г. Барнаул", True),
            ("altai/barnaul/barnaul-127", "trailing-space", "Алтайский край ", "Барнаул ", True),
            ("altai/barnaul/barnaul-127", "lower-case", "алтайский край", "барнаул", True),
            ("altai/biysk/biysk-701", "latin-c", "Алтайский край", "Бийcк", True),
            ("altai/biysk/biysk-701", "rubtsovsk", "Алтайский край", "Рубцовск", False)):
        f = Folder(path)
        o = f.org(); o["organisation"]["region"] = region; o["organisation"]["municipality"] = place
        d = f.dir / "_selection"
        body = {"description": "«%s», «%s»" % (region, place), "base": "../base.json", "as_of": "2023-11-01",
                "patch": patch_of(f.base, o), "expect_ruleset_selected": want}
        (d / (name + ".json")).write_text(json.dumps(body, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def main():
    federal()
    municipal("altai/barnaul/barnaul-127", "BRN", False)
    municipal("altai/biysk/biysk-701", "BSK", True)
    buryatia()
    biysk_deadline()
    buryatia_municipal()
    krasnoyarsk()
    labour_code()
    personal_data()
    selection()


if __name__ == "__main__":
    main()
