#!/usr/bin/env python3
"""A synthetic municipality for `nastavnik batch`: municipality.json and one file per
organisation, with realistic Russian names, staff sizes by type of organisation and a
controlled share of defects. Deterministic: the same arguments give the same files.

  tools/make_municipality.py OUT_DIR --count N [--defects 0.2] [--seed 1] [--single FILE] [--history]

Defects (each defective organisation gets one, in turn):
  refused  — a mentor without written consent (FED-MNT-01, an error: binding by ч. 1 ст. 351.8 ТК
             РФ from 01.03.2025): no documents;
  warning  — the list of mentees last updated more than a year before (FED-MNL-01, a warning,
             binding by п. 4.1.3 of the municipal Положение);
  broken   — an impossible date in the data (the file is rejected, the run goes on).
Every mentor has a supplementary agreement on mentoring (ст. 351.8 ТК РФ), with its pay.
Standard library only (runs with any python3).
"""
import argparse
import json
import os
import random

SURNAMES_M = ["Иванов", "Смирнов", "Кузнецов", "Попов", "Васильев", "Петров", "Соколов", "Михайлов", "Новиков",
              "Фёдоров", "Морозов", "Волков", "Алексеев", "Лебедев", "Семёнов", "Егоров", "Павлов", "Козлов",
              "Степанов", "Николаев", "Орлов", "Андреев", "Макаров", "Никитин", "Захаров", "Зайцев", "Соловьёв",
              "Борисов", "Яковлев", "Григорьев", "Романов", "Воробьёв", "Сергеев", "Кузьмин", "Фролов",
              "Александров", "Дмитриев", "Королёв", "Гусев", "Киселёв", "Ильин", "Максимов", "Поляков", "Сорокин",
              "Виноградов", "Ковалёв", "Белов", "Медведев", "Антонов", "Тарасов", "Жуков", "Баранов", "Филиппов",
              "Комаров", "Давыдов", "Беляев", "Герасимов", "Богданов", "Осипов", "Сидоров", "Матвеев", "Титов",
              "Марков", "Миронов", "Крылов", "Куликов", "Карпов", "Власов", "Мельников", "Денисов", "Гаврилов",
              "Тихонов", "Казаков", "Афанасьев", "Данилов", "Савельев", "Тимофеев", "Фомин", "Чернов", "Абрамов",
              "Мартынов", "Ефимов", "Федотов", "Щербаков", "Назаров", "Калинин", "Исаев", "Чернышёв", "Быков",
              "Маслов", "Родионов", "Коновалов", "Лазарев", "Воронин", "Климов", "Филатов", "Пономарёв", "Голубев"]
NAMES_M = [("Александр", "Александрович"), ("Сергей", "Сергеевич"), ("Дмитрий", "Дмитриевич"),
           ("Андрей", "Андреевич"), ("Алексей", "Алексеевич"), ("Максим", "Максимович"), ("Евгений", "Евгеньевич"),
           ("Иван", "Иванович"), ("Михаил", "Михайлович"), ("Артём", "Артёмович"), ("Николай", "Николаевич"),
           ("Владимир", "Владимирович"), ("Павел", "Павлович"), ("Роман", "Романович"), ("Олег", "Олегович"),
           ("Виктор", "Викторович"), ("Юрий", "Юрьевич"), ("Игорь", "Игоревич"), ("Константин", "Константинович"),
           ("Василий", "Васильевич")]
NAMES_F = ["Анна", "Елена", "Ольга", "Наталья", "Татьяна", "Ирина", "Светлана", "Мария", "Екатерина", "Юлия",
           "Марина", "Галина", "Людмила", "Надежда", "Оксана", "Валентина", "Вера", "Любовь", "Анастасия",
           "Дарья", "Ксения", "Алина", "Виктория", "Полина", "Евгения"]
PATRONYMIC_F = {"Александрович": "Александровна", "Сергеевич": "Сергеевна", "Дмитриевич": "Дмитриевна",
                "Андреевич": "Андреевна", "Алексеевич": "Алексеевна", "Максимович": "Максимовна",
                "Евгеньевич": "Евгеньевна", "Иванович": "Ивановна", "Михайлович": "Михайловна",
                "Артёмович": "Артёмовна", "Николаевич": "Николаевна", "Владимирович": "Владимировна",
                "Павлович": "Павловна", "Романович": "Романовна", "Олегович": "Олеговна", "Викторович": "Викторовна",
                "Юрьевич": "Юрьевна", "Игоревич": "Игоревна", "Константинович": "Константиновна",
                "Васильевич": "Васильевна"}
KG_NAMES = ["Солнышко", "Ромашка", "Колокольчик", "Радуга", "Сказка", "Берёзка", "Теремок", "Золотой ключик",
            "Светлячок", "Журавушка", "Рябинка", "Капелька", "Незабудка", "Ласточка", "Улыбка"]
SUBJECTS = ["математики", "русского языка и литературы", "начальных классов", "истории", "физики", "химии",
            "биологии", "английского языка", "информатики", "физической культуры", "географии", "музыки"]
TYPES = [("общеобразовательная", 0.5), ("дошкольная", 0.35), ("дополнительного образования", 0.15)]


# What a young teacher finds hard and what the programme sets out to do, in the words of the type
# of organisation: a kindergarten has образовательная деятельность and воспитанники, not lessons.
DIFFICULTIES = {
    "общеобразовательная": ["планирование учебных занятий", "работа с родителями обучающихся"],
    "дошкольная": ["планирование образовательной деятельности с воспитанниками",
                   "взаимодействие с родителями (законными представителями) воспитанников"],
    "дополнительного образования": ["планирование учебных занятий", "работа с родителями обучающихся"],
}
# A task for each difficulty, in its words: the programme answers what the mentee finds hard.
GOALS = {
    "общеобразовательная": ["освоить планирование и проведение учебных занятий", "спланировать работу с родителями обучающихся"],
    "дошкольная": ["освоить планирование и организацию образовательной деятельности с воспитанниками",
                   "спланировать взаимодействие с родителями (законными представителями) воспитанников"],
    "дополнительного образования": ["освоить планирование и проведение учебных занятий",
                                    "спланировать работу с родителями обучающихся"],
}

# A mentee whose position is not a teacher's of lessons (занятия) has the difficulties and tasks
# of that position: a методист conducts no учебные занятия, a концертмейстер accompanies them
# (reader E, 6: school-teacher tasks in the programmes of a методист, a концертмейстер and a
# педагог-организатор of a ЦДТ).
BY_POSITION = {
    "методист": (["методическое сопровождение педагогов дополнительного образования",
                  "разработка и экспертиза дополнительных общеразвивающих программ"],
                 ["освоить методическое сопровождение педагогов дополнительного образования",
                  "освоить разработку и экспертизу дополнительных общеразвивающих программ"]),
    "концертмейстер": (["подбор и подготовка музыкального репертуара",
                        "аккомпанемент обучающимся на занятиях, репетициях и концертах"],
                       ["освоить подбор и подготовку музыкального репертуара для занятий и концертных выступлений",
                        "освоить аккомпанемент обучающимся на занятиях, репетициях и концертах"]),
    "педагог-организатор": (["подготовка и проведение массовых мероприятий",
                             "вовлечение обучающихся и их родителей в деятельность детских объединений"],
                            ["освоить подготовку, проведение и анализ массовых мероприятий",
                             "спланировать вовлечение обучающихся и их родителей в деятельность детских объединений"]),
    "музыкальный руководитель": (["планирование музыкальной образовательной деятельности и праздников",
                                  "взаимодействие с воспитателями и родителями (законными представителями) воспитанников"],
                                 ["освоить планирование и проведение музыкальной образовательной деятельности и праздников",
                                  "спланировать взаимодействие с воспитателями и родителями (законными представителями) "
                                  "воспитанников"]),
    "инструктор по физической культуре": (["планирование физкультурных занятий и спортивных праздников",
                                           "взаимодействие с родителями (законными представителями) воспитанников"],
                                          ["освоить планирование и проведение физкультурных занятий и спортивных праздников",
                                           "спланировать взаимодействие с родителями (законными представителями) "
                                           "воспитанников по физическому развитию"]),
    "учитель-логопед": (["диагностика речевого развития и планирование коррекционной работы",
                         "консультирование родителей (законных представителей) воспитанников"],
                        ["освоить диагностику речевого развития воспитанников и планирование коррекционно-развивающих "
                         "занятий",
                         "спланировать консультирование родителей (законных представителей) воспитанников по речевому "
                         "развитию"]),
}


def difficulties_and_goals(kind, position):
    """What a mentee of this position finds hard and the programme's tasks for it; a teacher's
    (учитель, воспитатель, педагог дополнительного образования) those of the organisation's type."""
    return BY_POSITION.get(position, (DIFFICULTIES[kind], GOALS[kind]))


def pair_form(kind, mentor, mentee, forms):
    """«воспитатель – воспитатель» only when both are воспитатели; any other pair of a
    kindergarten is «педагог – педагог», the form every organisation adopts. A school pairs a
    teacher with a teacher of the same subject: «учитель – учитель»."""
    if kind == "дошкольная" and not (mentor["position"] == mentee["position"] == "воспитатель"):
        return "педагог – педагог"
    return forms[0]


class Numbers:
    """Order numbers unique across the municipality (reader of 7.12.2026: two schools' orders of
    the same day both «№ 135-од» read as data copied from one to the other). Each kind of order
    keeps its window, so that an organisation's orders of a year are numbered in the order of
    their dates; the window is widened for a large municipality so that it never runs out.
    One draw from the random generator per number, as before: the rest of the data stays as it was."""

    def __init__(self, count):
        self.scale = max(1, -(-2 * count // 30))  # every window at least twice the organisations
        self.used = set()

    def __call__(self, rng, lo, hi):
        draw = rng.randint(lo, hi)
        first, last = lo * self.scale, (hi + 1) * self.scale - 1
        n = first + (draw - lo) * self.scale
        while n in self.used:
            n = first if n == last else n + 1
        self.used.add(n)
        return "%d-од" % n


def person(rng, pid, position, young, as_of_year):
    female = rng.random() < 0.8  # педагогические коллективы в основном женские
    surname = rng.choice(SURNAMES_M)
    name, patronymic = rng.choice(NAMES_M)
    if female:
        surname = surname + "а"
        name = rng.choice(NAMES_F)
        patronymic = PATRONYMIC_F[rng.choice(NAMES_M)[1]]
    if young:
        start = as_of_year - rng.randint(0, 2)
        birth = start - rng.randint(21, 25)
    else:
        start = as_of_year - rng.randint(4, 32)
        birth = start - rng.randint(21, 26)
    # One hired for this year signs the contract before the consents of 28–29 August that name them
    # (reader of 7.12.2026: a mentee's consent dated before the mentee was hired).
    hired = "%d-08-25" % start if start == as_of_year else "%d-09-01" % max(start, as_of_year - 15)
    return {
        "id": pid, "surname": surname, "name": name, "patronymic": patronymic, "gender": "ж" if female else "м",
        "birth_date": "%d-%02d-%02d" % (birth, rng.randint(1, 12), rng.randint(1, 28)),
        "position": position,
        "hire_date": hired,
        "labour_contract": {"date": hired, "number": "ТД-" + pid[1:]},
        "pedagogical_experience_start": "%d-09-01" % start,
        "qualification_category": ("без категории" if young else rng.choice(["высшая", "первая", "высшая",
                                                                            "соответствие занимаемой должности"])),
    }


def organisation(rng, index, kind, municipality, defect, year, numbers):
    n = index + 1
    if kind == "общеобразовательная":
        full = "Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № %d» %s" % (n, municipality["genitive_city"])
        short = "МБОУ «СОШ № %d»" % n
        head_pos, deputy_pos = "директор", ["заместитель директора по учебно-воспитательной работе",
                                             "заместитель директора по научно-методической работе"]
        size = rng.randint(25, 70)
        position = lambda: "учитель " + rng.choice(SUBJECTS)  # noqa: E731
        forms = ["учитель – учитель", "педагог – педагог", "руководитель образовательной организации – педагог",
                 "наставничество в группе"]
    elif kind == "дошкольная":
        # Where two closing quotes would meet, one is written (Мильчин), as the samples' «Детский
        # сад «Ласточка».
        full = "Муниципальное бюджетное дошкольное образовательное учреждение «Детский сад № %d «%s» %s" % (
            n, rng.choice(KG_NAMES), municipality["genitive_city"])
        short = "МБДОУ «Детский сад № %d»" % n
        # The старший воспитатель is staff, not a deputy: in Барнаул and Бийск the curator is
        # appointed «из числа заместителей руководителя» (docs/rulesets/README.md, «Куратор»), so the
        # kindergarten's curator is its заместитель заведующего.
        head_pos, deputy_pos = "заведующий", ["заместитель заведующего по воспитательной и методической работе",
                                               "старший воспитатель"]
        size = rng.randint(12, 30)
        position = lambda: rng.choice(["воспитатель", "воспитатель", "воспитатель", "музыкальный руководитель",  # noqa: E731
                                       "инструктор по физической культуре", "учитель-логопед"])
        forms = ["воспитатель – воспитатель", "педагог – педагог", "наставничество в группе"]
    else:
        full = "Муниципальное бюджетное учреждение дополнительного образования «Центр детского творчества № %d» %s" % (
            n, municipality["genitive_city"])
        short = "МБУ ДО «ЦДТ № %d»" % n
        head_pos, deputy_pos = "директор", ["заместитель директора по учебно-воспитательной работе",
                                             "заместитель директора по научно-методической работе"]
        size = rng.randint(10, 35)
        position = lambda: rng.choice(["педагог дополнительного образования", "педагог дополнительного образования",  # noqa: E731
                                       "педагог-организатор", "методист", "концертмейстер"])
        forms = ["педагог – педагог", "наставничество в группе"]
    staff = [person(rng, "p1", head_pos, False, year), person(rng, "p2", deputy_pos[0], False, year),
             person(rng, "p3", deputy_pos[1], False, year)]
    for i in range(4, size + 1):
        staff.append(person(rng, "p%d" % i, position(), rng.random() < 0.12, year))
    young = [p for p in staff[3:] if p["pedagogical_experience_start"] >= "%d" % (year - 2)]
    experienced = [p for p in staff[3:] if p not in young and p["qualification_category"] in ("высшая", "первая")]
    covered = [m for m in young if rng.random() < 0.85]
    mentors, pairs = [], []
    for mentee in covered:
        # The programme is about the mentee's own work: one of the same position mentors (a teacher
        # of the same subject, a воспитатель a воспитатель, a концертмейстер a концертмейстер), the
        # one with fewest mentees. Without one the young pedagogue is left without a mentor here:
        # the organisation would find one elsewhere (сетевая форма), which these data do not
        # describe. No pair of two professions is made (a chemist and a teacher of Russian planning
        # lessons together, a музыкальный руководитель given a воспитатель: readers of 7.12.2026):
        # `check` warns of one (FED-PAR-05), and the defects of these data are the controlled ones.
        same = [p for p in experienced if p["position"] == mentee["position"]]
        if not same:
            continue
        mentor = min(same, key=lambda p: sum(1 for x in pairs if x["mentor"] == p["id"]))
        if all(m["person"] != mentor["id"] for m in mentors):
            mentors.append({"person": mentor["id"], "consent_date": "%d-08-28" % year, "appointed_by": "a-nast",
                            "labour_agreement": {"date": "%d-09-03" % year, "number": "ДС-%d" % (len(mentors) + 1),
                                                 "pay": {"amount": 3000, "period": "месяц"},
                                                 "end": "%d-05-31" % (year + 1)},
                            "published_on_website": False})
        pairs.append({
            "id": "pair-%d" % (len(pairs) + 1), "mentor": mentor["id"], "mentee": mentee["id"],
            "form": pair_form(kind, mentor, mentee, forms),
            "mentee_consent_date": "%d-08-29" % year,
            "programme": {"start": "%d-09-08" % year, "end": "%d-05-31" % (year + 1),
                          "goals": difficulties_and_goals(kind, mentee["position"])[1]},
            "appointed_by": "a-pary"})
        mentee["difficulties"] = difficulties_and_goals(kind, mentee["position"])[0]
    if defect == "refused" and mentors:
        # Mentoring without written consent (ст. 351.8 ч. 1 ТК РФ): neither a consent nor a signed
        # agreement, which would itself be the consent.
        mentors[0]["consent_date"] = None
        mentors[0]["labour_agreement"] = None
    list_updated = "%d-09-01" % year
    if defect == "warning":
        list_updated = "%d-08-30" % (year - 2)
    acts = [
        {"id": "a-pol", "kind": "положение о наставничестве", "date": "2022-08-31", "approved_by": "a-utv",
         "title": "Положение о системе наставничества педагогических работников"},
        {"id": "a-utv", "kind": "приказ об утверждении положения", "date": "2022-08-31", "number": numbers(rng, 40, 99),
         "title": "Об утверждении Положения о системе наставничества педагогических работников"},
        {"id": "a-kur", "kind": "приказ о назначении куратора", "date": "%d-08-26" % year, "number": numbers(rng, 100, 130)},
        {"id": "a-nast", "kind": "приказ о назначении наставников", "date": "%d-09-03" % year, "number": numbers(rng, 131, 160)},
        {"id": "a-pary", "kind": "приказ о закреплении наставнических пар", "date": "%d-09-08" % year,
         "number": numbers(rng, 161, 190)},
        {"id": "a-dk", "kind": "дорожная карта", "date": "%d-08-26" % year, "approved_by": "a-kur",
         "title": "План мероприятий (дорожная карта) по реализации Положения на %d/%d учебный год" % (year, year + 1)},
    ]
    if not mentors:
        # No mentor, no pair: no act appoints them (review 6, D-G1). Dropped after the list is made,
        # so that the random numbers, and every other organisation, stay as they were.
        acts = [a for a in acts if a["id"] not in ("a-nast", "a-pary")]
    if rng.random() < 0.6:
        acts.append({"id": "a-prog", "kind": "программа развития наставничества", "date": "%d-08-26" % year,
                     "approved_by": "a-kur"})
    deputies = ["p2"] if kind == "дошкольная" else ["p2", "p3"]
    data = {
        "format": "nastavnik.organisation/3",
        "organisation": {
            "full_name": full, "short_name": short, "type": kind, "region": municipality["region"],
            "municipality": municipality["name"], "place": municipality["place"],
            "address": "%s, ул. %s, д. %d" % (municipality["address"], rng.choice(["Ленина", "Советская", "Мира",
                                                                                    "Садовая", "Школьная"]), rng.randint(1, 120)),
            "head": "p1", "deputies": deputies},
        "staff": staff,
        "curator": {"person": deputies[-1], "appointed_by": "a-kur"},
        "mentors": mentors,
        "pairs": pairs,
        "groups": [],
        "acts": acts,
        "pedagogical_council": {"protocol_number": "1", "date": "2022-08-30"},
        "mentee_list_updated": list_updated,
        "mentoring_forms": forms,
    }
    if index % 3 != 0:
        # Two organisations of three recorded the trade union's opinion of their Положение (as the
        # Барнаул sample does): its гриф «УЧТЕНО» and the approval order's «с учётом мнения
        # первичной профсоюзной организации (протокол …)» print from it (reader E, 10). Not drawn
        # from rng, so that every other value stays as it was.
        data["trade_union_opinion"] = {"protocol_number": str(2 + index % 5), "date": "2022-08-29"}
    if defect == "broken":
        data["staff"][1]["birth_date"] = "1980-02-30"
    return short, data


def add_history(rng, data, year):
    """The previous academic year as closed (its participants) and monitoring of both years:
    the previous year's programmes measured at their end, this year's at their start and five
    weeks in."""
    mentors, pairs = len(data["mentors"]), len(data["pairs"])
    young = sum(1 for p in data["staff"] if p["pedagogical_experience_start"] >= "%d" % (year - 2))
    before = max(0, pairs - rng.randint(0, 2))
    data["reporting_years"] = [{"year": "%d/%d" % (year - 1, year), "staff": len(data["staff"]) - rng.randint(0, 3),
                                "mentors": min(mentors, before), "mentees": before, "pairs": before, "groups": 0,
                                "young": max(before, young - rng.randint(0, 2)), "young_covered": before}]
    source_before = "отчёт куратора о реализации программ наставничества за %d/%d учебный год" % (year - 1, year)
    monitoring = []
    if before:
        for indicator, value in (("programme_results", rng.randint(70, 100)), ("motivation", rng.randint(3, 5)),
                                 ("future_mentors", rng.randint(0, 2))):
            monitoring.append({"indicator": indicator, "value": value, "point": "окончание",
                               "date": "%d-05-25" % year, "source": source_before})
    for pair in data["pairs"]:
        # «На начало» is the programme's first day (nothing of its plan done yet); the share five
        # weeks in is an interim value, not «на начало» (reader E, 3: «на начало — 17,8 %»).
        monitoring.append({"indicator": "programme_results", "programme": pair["id"], "value": 0,
                           "point": "начало", "date": pair["programme"]["start"],
                           "source": "план мероприятий персонализированной программы наставничества"})
        monitoring.append({"indicator": "programme_results", "programme": pair["id"], "value": rng.randint(10, 30),
                           "date": "%d-10-15" % year,
                           "source": "протокол заседания методического объединения от 15.10.%d" % year})
    data["monitoring"] = monitoring


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out")
    ap.add_argument("--count", type=int, default=15)
    ap.add_argument("--defects", type=float, default=0.2, help="share of organisations with a defect")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--year", type=int, default=2026, help="academic year the data describes (starts 1 September)")
    ap.add_argument("--single", help="write one JSON file with all organisations instead of a folder")
    ap.add_argument("--history", action="store_true",
                    help="add the previous academic year (its participants) and monitoring values of both years")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    municipality = {"name": "Бийск", "region": "Алтайский край", "place": "г. Бийск", "genitive_city": "г. Бийска",
                    "address": "659300, Алтайский край, г. Бийск"}
    m = {
        "format": "nastavnik.municipality/3",
        "municipality": {
            "name": "Бийск", "name_genitive": "города Бийска", "region": "Алтайский край", "place": "г. Бийск",
            "committee": "Муниципальное казённое учреждение «Управление образования Администрации города Бийска»",
            # The short name abbreviates the form of incorporation only: the documents use both, and
            # «Управление образования г. Бийска» beside the full name read as a second body.
            "committee_short": "МКУ «Управление образования Администрации города Бийска»",
            "head": {"surname": "Носкова", "name": "Елена", "patronymic": "Викторовна", "gender": "ж",
                     "position": "начальник управления образования"},
            "coordinator": {"surname": "Гребенщиков", "name": "Алексей", "patronymic": "Петрович", "gender": "м",
                            "position": "методист информационно-методического центра", "phone": "8 (3854) 33-45-17"},
            # Order № 701 (../shared/regulations/003_…) made the ИМЦ, a unit of the МКУ, the coordinator.
            "coordinator_organisation": "информационно-методический центр МКУ «Управление образования Администрации "
                                        "города Бийска»",
            "implementation_deadline": "2022-12-31",
            "acts": [{"kind": "приказ о внедрении системы наставничества", "date": "2022-05-25", "number": "701",
                      "title": "Об утверждении положения о системе наставничества педагогических работников в "
                               "муниципальных образовательных учреждениях, осуществляющих образовательную "
                               "деятельность по реализации основных и дополнительных общеобразовательных программ"}],
            # A target prints the act that set it, and no act of Бийск sets one: not a share of young
            # teachers or of organisations with a programme (70 % and 50 % stood here, Бурятия's
            # figures: review 2026-12-06, 13), nor «100 % соответствуют» — п. 3 of № 701 sets a
            # deadline (implementation_deadline above), not a target (review of 7.12.2026, B15).
            "targets": [],
        },
    }
    defects = ["refused", "warning", "broken"]
    orgs = []
    defect_count = 0
    numbers = Numbers(args.count)
    for i in range(args.count):
        r = rng.random()
        acc, kind = 0.0, TYPES[-1][0]
        for t, share in TYPES:
            acc += share
            if r < acc:
                kind = t
                break
        defect = None
        # Spread the defects evenly: organisation i is defective when the running share falls behind.
        if defect_count < round((i + 1) * args.defects):
            defect = defects[defect_count % len(defects)]
            defect_count += 1
        orgs.append(organisation(rng, i, kind, municipality, defect, args.year, numbers))
    if args.history:
        history = random.Random(args.seed + 1000)  # the organisations stay as without --history
        for _, d in orgs:
            add_history(history, d, args.year)
    if args.single:
        # Each organisation keeps its «nastavnik.organisation/3»: without it one inside the
        # municipality's file is read as version 2, where an unrecorded published_on_website
        # means «не публикуется» rather than «не записано».
        m["organisations"] = [d for _, d in orgs]
        with open(args.single, "w", encoding="utf-8") as f:
            json.dump(m, f, ensure_ascii=False, indent=1)
            f.write("\n")
        return
    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "municipality.json"), "w", encoding="utf-8") as f:
        json.dump(m, f, ensure_ascii=False, indent=2)
        f.write("\n")
    for i, (_, d) in enumerate(orgs):
        with open(os.path.join(args.out, "org-%05d.json" % (i + 1)), "w", encoding="utf-8") as f:
            json.dump(d, f, ensure_ascii=False, indent=1)
            f.write("\n")


if __name__ == "__main__":
    main()
