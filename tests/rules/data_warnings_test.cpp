// Data problems a check reads past but reports: a document dated after the order that approved
// it, dates later than the day of the check, words mixing Cyrillic and Latin letters.

#include "nastavnik/data/data_tree.hpp"
#include "nastavnik/input/json.hpp"
#include "nastavnik/rules/engine.hpp"
#include "nastavnik/text/russian_dates.hpp"

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <string>
#include <vector>

using namespace nastavnik;

namespace {

// The sample school with the date of one of its acts (acts[index].date) set to `date`.
std::string warnings_with_act_date(std::size_t index, const std::string& date, const Date& as_of) {
    auto root = input::read_json_file(NASTAVNIK_SOURCE_DIR "/samples/barnaul-school-42.json");
    input::JsonValue* acts = root.find("acts");
    BOOST_REQUIRE(acts != nullptr && acts->items.size() > index);
    input::JsonValue* d = acts->items[index].find("date");
    BOOST_REQUIRE(d != nullptr);
    d->scalar = date;
    const auto tree = data::DataTree::from_json(root, "school.json");
    std::string out;
    for (const auto& w : rules::data_warnings(tree, as_of)) out += w.message + "\n";
    return out;
}

// The sample school with the date of its first monitoring value (programme_results «на начало»
// of pair-1, whose programme began on 04.09.2023) set to `date`.
std::string warnings_with_start_value_on(const std::string& date) {
    auto root = input::read_json_file(NASTAVNIK_SOURCE_DIR "/samples/barnaul-school-42.json");
    input::JsonValue* values = root.find("monitoring");
    BOOST_REQUIRE(values != nullptr && !values->items.empty());
    BOOST_REQUIRE(values->items[0].find("point")->scalar == "начало");
    values->items[0].find("date")->scalar = date;
    const auto tree = data::DataTree::from_json(root, "school.json");
    std::string out;
    for (const auto& w : rules::data_warnings(tree, Date(2024, 6, 20))) out += w.message + "\n";
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(data_warnings)

// A value «на начало» measured more than 30 days after the programme began is an interim one
// (reader E, 3: 18 % of the plan done «на начало», measured five weeks in); the entry
// diagnostic of the first month is not.
BOOST_AUTO_TEST_CASE(a_value_at_the_start_measured_weeks_later) {
    const std::string late = warnings_with_start_value_on("2023-10-15");
    BOOST_TEST(late.find("«Результативность реализации персонализированной программы (доля выполненных мероприятий)» по "
                         "программе наставника") != std::string::npos, late);
    BOOST_TEST(late.find(": отмечено «на начало» программы, но измерено 15.10.2023 — позже чем через 30 дней после её начала; "
                         "в справке показано как промежуточное значение") != std::string::npos, late);
    BOOST_TEST(warnings_with_start_value_on("2023-10-04").find("измерено 04.10.2023") == std::string::npos);
}

// A group's three mentees answer one questionnaire each: the value «на начало» measured late is
// one value of one programme, said once (reader G: three identical lines for ЦДТ № 3).
BOOST_AUTO_TEST_CASE(a_late_start_value_of_a_group_is_said_once) {
    auto root = input::read_json_file(NASTAVNIK_SOURCE_DIR "/samples/lastochka.json");
    input::JsonValue* forms = root.find("questionnaires");
    BOOST_REQUIRE(forms != nullptr && forms->items.size() == 7);
    for (auto& q : forms->items) q.find("date")->scalar = "2023-11-01";  // programmes begun 04.09.2023
    const auto tree = data::DataTree::from_json(root, "lastochka.json");
    std::vector<std::string> late;
    for (const auto& w : rules::data_warnings(tree, Date(2024, 6, 20))) {
        if (w.message.find("отмечено «на начало»") != std::string::npos) late.push_back(w.message);
    }
    std::string all;
    for (const auto& m : late) all += m + "\n";
    // Five programmes (four pairs and the group), each once.
    BOOST_TEST(late.size() == 5u, all);
    std::sort(late.begin(), late.end());
    BOOST_TEST((std::adjacent_find(late.begin(), late.end()) == late.end()), all);
    BOOST_TEST(all.find("анкеты (3) по программе группы наставника А.Н.\u00A0Павлова: отмечено «на начало» программы, но измерено "
                        "01.11.2023") != std::string::npos,
               all);
}

BOOST_AUTO_TEST_CASE(a_document_dated_after_the_order_that_approved_it) {
    // acts[0] is the Положение, acts[1] the order (№ 112) approving it, both 30.08.2022.
    const std::string same_day = warnings_with_act_date(1, "2022-08-30", Date(2023, 11, 1));
    BOOST_TEST(same_day.find("утверждающий документ") == std::string::npos, same_day);
    const std::string earlier = warnings_with_act_date(1, "2022-08-01", Date(2023, 11, 1));
    BOOST_TEST(earlier.find("Положение о наставничестве от 30.08.2022: утверждающий документ (приказ об утверждении положения от "
                            "01.08.2022 №\u00A0112) датирован раньше самого документа; проверьте даты или укажите документ, "
                            "которым утверждена эта редакция") != std::string::npos,
               earlier);
}

BOOST_AUTO_TEST_CASE(a_date_after_the_day_of_the_check) {
    const std::string w = warnings_with_act_date(2, "2023-11-02", Date(2023, 11, 1));
    // The document in words first, then what the date is, as the format names it.
    BOOST_TEST(w.find("приказ о назначении куратора от 02.11.2023 №\u00A095: дата документа — 02.11.2023, позже даты проверки "
                      "(01.11.2023); на дату проверки этого ещё нет") != std::string::npos,
               w);
    // The day of the check itself is not later (the sample's monitoring has later dates of its own).
    BOOST_TEST(warnings_with_act_date(2, "2023-11-01", Date(2023, 11, 1)).find("01.11.2023, позже даты проверки") ==
               std::string::npos);
}

// A warning begins with the thing it is about in words — never with a field name of the file
// («monitoring: дата …»): a value of monitoring names its indicator and the programme by its
// participants.
BOOST_AUTO_TEST_CASE(a_warning_names_the_thing_in_words_first) {
    const std::string w = warnings_with_act_date(2, "2023-11-01", Date(2023, 11, 1));
    BOOST_TEST(w.find("monitoring") == std::string::npos, w);
    BOOST_TEST(w.find("questionnaires") == std::string::npos, w);
    BOOST_TEST(w.find("значение показателя мониторинга «Результативность реализации персонализированной программы (доля выполненных "
                      "мероприятий)» по программе наставника ") != std::string::npos,
               w);
    BOOST_TEST(w.find("Чернышёвой: дата измерения — 24.05.2024, позже даты проверки (01.11.2023)") != std::string::npos, w);
    // A questionnaire by its respondent and the programme by its participants, in prose (review 6:
    // «(пара: наставник … — наставляемая …)» was a machine form), declined and agreed in gender.
    BOOST_TEST(w.find("анкета наставляемой В.Д.\u00A0Чернышёвой по программе наставника Л.Г.\u00A0Васильевой и наставляемой "
                      "В.Д.\u00A0Чернышёвой: дата анкетирования — 22.05.2024") != std::string::npos,
               w);
    BOOST_TEST(w.find("по программе группы наставника М.В.\u00A0Ивановой: дата") != std::string::npos, w);
    BOOST_TEST(w.find("пара:") == std::string::npos, w);
    BOOST_TEST(w.find("группа:") == std::string::npos, w);
    for (std::size_t from = 0, end; (end = w.find('\n', from)) != std::string::npos; from = end + 1) {
        const std::string line = w.substr(from, end - from);
        // The subject in words: Cyrillic from the first letter (a JSON field name would be Latin).
        BOOST_TEST(static_cast<unsigned char>(line[0]) >= 0xC0, line);
    }
}

// A kind of document written otherwise than listed is read as listed (the rules find the
// Положение), and the report says how it was read — except for letter case alone.
BOOST_AUTO_TEST_CASE(a_kind_written_otherwise_is_read_as_listed_and_said_so) {
    auto root = input::read_json_file(NASTAVNIK_SOURCE_DIR "/samples/barnaul-school-42.json");
    input::JsonValue* acts = root.find("acts");
    BOOST_REQUIRE(acts != nullptr && acts->items.size() >= 3);
    acts->items[0].find("kind")->scalar = "Пoложение о наставничестве";     // a Latin «o»
    acts->items[1].find("kind")->scalar = "приказ об  утверждении положения";  // two spaces
    acts->items[2].find("kind")->scalar = "ПРИКАЗ О НАЗНАЧЕНИИ КУРАТОРА";       // letter case only
    const auto tree = data::DataTree::from_json(root, "school.json");
    std::string out;
    for (const auto& w : rules::data_warnings(tree, Date(2023, 11, 1))) out += w.message + "\n";
    BOOST_TEST(out.find("вид документа — в значении «Пoложение о наставничестве» слово «Пoложение» набрано смесью кириллицы и "
                        "латиницы (латинские «o»)") != std::string::npos,
               out);
    BOOST_TEST(out.find("вид документа — записано «приказ об  утверждении положения», читается как «приказ об утверждении положения»") !=
                   std::string::npos,
               out);
    BOOST_TEST(out.find("КУРАТОРА") == std::string::npos, out);
}

BOOST_AUTO_TEST_SUITE_END()

// A consent signed before the person was hired: the employee who signs it is not yet one
// (review of 7.12.2026: consents of 29.08 by teachers hired 01.09). The day of hiring is fine.
BOOST_AUTO_TEST_CASE(a_consent_dated_before_the_person_was_hired) {
    // The mentee of the first pair hired `days` after the day of their consent.
    auto warnings_with_hire = [](long days) {
        auto root = input::read_json_file(NASTAVNIK_SOURCE_DIR "/samples/municipality-biysk/org-00001.json");
        const input::JsonValue* pairs = root.find("pairs");
        BOOST_REQUIRE(pairs != nullptr && !pairs->items.empty());
        const input::JsonValue* mentee = pairs->items[0].find("mentee");
        const input::JsonValue* consent = pairs->items[0].find("mentee_consent_date");
        BOOST_REQUIRE(mentee != nullptr && consent != nullptr);
        const auto signed_on = Date::parse_iso(consent->scalar);
        BOOST_REQUIRE(signed_on.has_value());
        const Date hired = signed_on->add_days(days);
        input::JsonValue* staff = root.find("staff");
        BOOST_REQUIRE(staff != nullptr);
        for (auto& person : staff->items) {
            if (const auto* id = person.find("id"); id != nullptr && id->scalar == mentee->scalar) {
                if (auto* h = person.find("hire_date")) h->scalar = hired.iso();
            }
        }
        const auto tree = data::DataTree::from_json(root, "school.json");
        std::string out;
        for (const auto& w : rules::data_warnings(tree, Date(2026, 11, 22))) out += w.message + "\n";
        return std::make_pair(out, text::date_numeric(hired));
    };
    const auto [late, hired] = warnings_with_hire(3);
    BOOST_TEST(late.find(": письменное согласие на участие в наставничестве датировано ") != std::string::npos, late);
    BOOST_TEST(late.find("— раньше приёма на работу (" + hired + "); проверьте даты") != std::string::npos, late);
    // The pair in words first.
    const auto line = late.rfind('\n', late.find("(" + hired + ")"));
    const std::string pair = "пара наставника ";
    BOOST_TEST(late.compare(line == std::string::npos ? 0 : line + 1, pair.size(), pair) == 0, late);
    const auto [same_day, hired_that_day] = warnings_with_hire(0);
    BOOST_TEST(same_day.find("раньше приёма на работу (" + hired_that_day + ")") == std::string::npos, same_day);
}

// A mentor's consent names the mentees: signed before one of them was hired, it names someone who
// was not yet a colleague (reader of 7.12.2026, C2: Кудрявцев's consent of 28.08.2026 for Прохоров,
// hired 01.09.2026). On the mentee's first day it is fine.
BOOST_AUTO_TEST_CASE(a_mentor_consent_dated_before_its_mentee_was_hired) {
    auto warnings_with_hire = [](const char* hired) {
        auto root = input::read_json_file(NASTAVNIK_SOURCE_DIR "/samples/barnaul-gymnasium-compliant.json");
        input::JsonValue* staff = root.find("staff");
        BOOST_REQUIRE(staff != nullptr);
        bool found = false;
        for (auto& person : staff->items) {
            if (const auto* id = person.find("id"); id != nullptr && id->scalar == "c12") {
                if (auto* h = person.find("hire_date")) h->scalar = hired, found = true;
            }
        }
        BOOST_REQUIRE(found);
        const auto tree = data::DataTree::from_json(root, "cdt.json");
        std::string out;
        for (const auto& w : rules::data_warnings(tree, Date(2026, 11, 22))) out += w.message + "\n";
        return out;
    };
    const std::string late = warnings_with_hire("2026-09-02");
    BOOST_TEST(late.find("наставник Р.С.\u00A0Кудрявцев: письменное согласие на наставничество датировано 01.09.2026 — раньше "
                         "приёма на работу названного в нём наставляемого Д.А.\u00A0Прохорова (02.09.2026); проверьте даты") !=
                   std::string::npos,
               late);
    BOOST_TEST(late.find("соглашение о наставничестве датировано") == std::string::npos, late);  // of 03.09: after
    BOOST_TEST(warnings_with_hire("2026-09-01").find("названного в нём") == std::string::npos);
}
