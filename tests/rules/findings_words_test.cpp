// What a document says a check could not assess, in the words a clerk writes: «сведения о целях
// программы не представлены» — unknown, not «не указаны цели», a defect stated as fact under «нет
// сведений» (reader C, 3) — nor «нет сведений — цели программы»; «нет сведений о письменном
// согласии» stays; the pair by its participants in prose (review 6, §3).

#include "nastavnik/data/data_tree.hpp"
#include "nastavnik/data/schema.hpp"
#include "nastavnik/docx/template.hpp"
#include "nastavnik/input/json.hpp"
#include "nastavnik/rules/catalog.hpp"
#include "nastavnik/rules/check_document.hpp"
#include "nastavnik/rules/jurisdiction.hpp"
#include "nastavnik/rules/report.hpp"

#include <boost/test/unit_test.hpp>

#include <libxml/tree.h>

#include <fstream>
#include <iterator>

using namespace nastavnik;

namespace {

// A sample checked as the CLI checks it, on that day.
struct Checked {
    static data::DataTree load(const std::string& sample) {
        return data::DataTree::from_json(input::read_json_file(std::string(NASTAVNIK_SOURCE_DIR) + "/" + sample), sample);
    }
    static rules::CheckResult check(const data::DataTree& tree, const Date& as_of) {
        static const auto catalog = rules::Catalog::load(NASTAVNIK_SOURCE_DIR "/rulesets");
        return rules::check(tree, rules::select_rulesets(catalog, tree, as_of).rulesets, as_of);
    }
    Checked(const std::string& sample, const Date& as_of) : tree(load(sample)), result(check(tree, as_of)) {}
    Checked(data::DataTree data, const Date& as_of) : tree(std::move(data)), result(check(tree, as_of)) {}
    data::DataTree tree;
    rules::CheckResult result;
};

// Every <finding><text> (or, with `element` "title", every section's title) of the act's data, one a line.
std::string finding_texts(const std::string& sample, const Date& as_of, const char* element = "text") {
    const Checked c(sample, as_of);
    const auto doc = rules::check_data_tree(c.result, c.tree);
    std::string out;
    auto walk = [&](auto&& self, xmlNodePtr n) -> void {
        for (; n != nullptr; n = n->next) {
            if (n->type != XML_ELEMENT_NODE) continue;
            const char* parent = std::string(element) == "text" ? "finding" : "section";
            if (xmlStrEqual(n->name, BAD_CAST element) && n->parent != nullptr && xmlStrEqual(n->parent->name, BAD_CAST parent)) {
                xmlChar* t = xmlNodeGetContent(n);
                out += reinterpret_cast<const char*>(t);
                out += "\n";
                xmlFree(t);
            }
            self(self, n->children);
        }
    };
    walk(walk, xmlDocGetRootElement(doc.get()));
    return out;
}

}  // namespace

BOOST_AUTO_TEST_CASE(what_could_not_be_assessed_is_said_as_a_clerk_says_it) {
    const std::string t = finding_texts("samples/barnaul-school-42.json", Date(2026, 11, 22));
    // What a programme lacks is the programme's, not its participants' (review of 7.12.2026, B23).
    BOOST_TEST(t.find("Программа наставника Г.М.\u00A0Андреевой и наставляемой Е.С.\u00A0Кирилловой: сведения о целях "
                      "программы не представлены.\n") != std::string::npos,
               t);
    BOOST_TEST(t.find("Программа наставнической группы наставника М.В.\u00A0Ивановой: сведения о целях программы не "
                      "представлены.\n") != std::string::npos,
               t);
    BOOST_TEST(t.find("не указан") == std::string::npos, t);
    BOOST_TEST(t.find("Наставник С.А.\u00A0Козлов: нет сведений о письменном согласии наставника.\n") != std::string::npos, t);
    BOOST_TEST(t.find("нет сведений —") == std::string::npos, t);
    BOOST_TEST(t.find("Нет сведений:") == std::string::npos, t);
}

// Whatever else a file does not hold is said the same way, the predicate closing the phrase:
// before an explanation after a colon, after a comma of the phrase's own; no field of the file
// left in brackets, not even a bare one like «(mentors)».
BOOST_AUTO_TEST_CASE(every_missing_item_is_unknown_not_a_defect) {
    const std::string t = finding_texts("bench/eval/cases/B24.json", Date(2026, 12, 7));
    BOOST_TEST(t.find("Сведения о перечне наставников не представлены: пары и группы записаны, а наставники — нет") !=
                   std::string::npos, t);
    BOOST_TEST(t.find("(mentors)") == std::string::npos, t);
    const std::string b18 = finding_texts("bench/eval/cases/B18.json", Date(2026, 12, 7));
    BOOST_TEST(b18.find(": сведения о приказе, которым утверждено Положение, не представлены.\n") != std::string::npos, b18);
    BOOST_TEST((t + b18).find("не указан") == std::string::npos, t + b18);
}

// A remark about a group whose programme ended before the academic year of the check says so and
// what is done with it: «принять меры по их устранению» cannot mean the group of 2023/2024.
BOOST_AUTO_TEST_CASE(a_remark_about_an_ended_programme_says_it_ended) {
    const std::string later = finding_texts("samples/barnaul-school-42.json", Date(2026, 11, 22));
    BOOST_TEST(later.find("Группа наставника М.В.\u00A0Ивановой состоит из одного наставляемого (А.В.\u00A0Демидова); в группу "
                          "включаются не менее двух наставляемых. Программа завершена 31.05.2024; замечание учитывается при "
                          "закреплении новых наставнических пар (групп) и составлении программ.\n") != std::string::npos,
               later);
    // In its own year the group can still be put right: no such words.
    const std::string then = finding_texts("samples/barnaul-school-42.json", Date(2023, 11, 1));
    BOOST_TEST(then.find("Группа наставника М.В.\u00A0Ивановой состоит из одного наставляемого") != std::string::npos, then);
    BOOST_TEST(then.find("Программа завершена") == std::string::npos, then);
}

// The text report says what the act says, in the same words and order: each item names the
// person or programme first, the machine forms (field, place in the file, rule) come last on
// their own line; a violation of warning severity is a «замечание» in the headings and the
// conclusion; what concerns only ended programmes is taken into account, not put right
// (review of 7.12.2026, B4, B13).
BOOST_AUTO_TEST_CASE(the_text_report_names_the_subject_first_and_one_term_for_a_remark) {
    const Checked sosh42("samples/barnaul-school-42.json", Date(2026, 11, 22));
    const std::string t = rules::report_text(sosh42.result, sosh42.tree);
    BOOST_TEST(t.find("\nЗАМЕЧАНИЯ (1)\n  1. Список наставляемых последний раз актуализирован") != std::string::npos, t);
    BOOST_TEST(t.find("  2. Программа наставника Г.М.\u00A0Андреевой и наставляемой Е.С.\u00A0Кирилловой: сведения о целях программы не "
                      "представлены.\n"
                      "     Требование: Цели программы формулируются исходя из профессиональных затруднений наставляемого.\n") !=
                   std::string::npos, t);
    BOOST_TEST(t.find("     В данных: programme.goals — pairs[2], samples/barnaul-school-42.json:") != std::string::npos, t);
    BOOST_TEST(t.find("; правило BRN-PRG-03\n") != std::string::npos, t);
    // No field of the file before the words, no «Нет данных:» line, no note meant for the JSON reader.
    BOOST_TEST(t.find("Нет данных:") == std::string::npos, t);
    BOOST_TEST(t.find("Где:") == std::string::npos, t);
    BOOST_TEST(t.find("null — согласия нет") == std::string::npos, t);
    BOOST_TEST(t.find("ПРЕДУПРЕЖДЕНИЯ") == std::string::npos, t);
    BOOST_TEST(t.find("Заключение: организация не соответствует обязательным требованиям — 1 нарушение и 1 замечание; "
                      "подлежат устранению. Учесть при закреплении новых наставнических пар (групп) и составлении программ "
                      "замечание по программам наставничества 2023/2024 учебного года, которые завершены.") != std::string::npos,
               t);
    // A recommendation about an ended programme only is counted once, with that history.
    const Checked lastochka("samples/lastochka.json", Date(2026, 12, 7));
    const std::string l = rules::report_text(lastochka.result, lastochka.tree);
    // Four of 2023/2024: О.И. Лебедева's consent, the programme too long, two pairings of two professions (FED-PAR-05).
    BOOST_TEST(l.find("не выполнено 6 (нарушений 1, замечаний 1, по завершённым программам 4, срок не истёк 0, рекомендаций и "
                      "сведений к сведению 0)") != std::string::npos, l);
    BOOST_TEST(l.find("Не выполнено рекомендаций") == std::string::npos, l);
}

// The text report's total of what was not assessed is the act's number, the rows printed; the
// checks lacking what a row already names come after it, «ещё 1» (reader C, 8: «6 (из них … 1 — те
// же …)» against the act's 5).
BOOST_AUTO_TEST_CASE(the_text_report_counts_what_was_not_assessed_as_the_act_does) {
    const Checked sosh42("samples/barnaul-school-42.json", Date(2026, 12, 7));
    const std::string t = rules::report_text(sosh42.result, sosh42.tree);
    BOOST_TEST(t.find("(НЕТ СВЕДЕНИЙ) (5)\n") != std::string::npos, t);
    BOOST_TEST(t.find("не оценено из-за отсутствия сведений 5 (из них по обязательным требованиям 0; ещё 1 — те же недостающие "
                      "сведения, что названы выше)") != std::string::npos,
               t);
    const auto doc = rules::check_data_tree(sosh42.result, sosh42.tree);
    std::size_t rows = 0;
    auto walk = [&](auto&& self, xmlNodePtr n) -> void {
        for (; n != nullptr; n = n->next) {
            if (n->type != XML_ELEMENT_NODE) continue;
            if (xmlStrEqual(n->name, BAD_CAST "section")) {
                xmlChar* kind = xmlGetNoNsProp(n, BAD_CAST "kind");
                const std::string k = kind == nullptr ? "" : reinterpret_cast<const char*>(kind);
                xmlFree(kind);
                if (k.starts_with("not_evaluable")) {
                    for (xmlNodePtr f = n->children; f != nullptr; f = f->next) rows += xmlStrEqual(f->name, BAD_CAST "finding") ? 1 : 0;
                }
            }
            self(self, n->children);
        }
    };
    walk(walk, xmlDocGetRootElement(doc.get()));
    BOOST_TEST(rows == 5u);
}

// An act without the inspecting body's requisites is a form filled in by hand: every blank says
// what goes into it, and the place of compilation is a blank too — not the organisation's town, the
// body may sit elsewhere (reader C, 10). Given requisites print without captions.
BOOST_AUTO_TEST_CASE(a_bare_act_captions_its_blanks_and_leaves_the_place_blank) {
    const Checked lastochka("samples/lastochka.json", Date(2023, 11, 1));
    const std::filesystem::path tpl = NASTAVNIK_SOURCE_DIR "/templates/spravka-o-proverke.docx";
    const std::string bare = docx::document_text(rules::check_document(lastochka.result, lastochka.tree, tpl));
    BOOST_TEST(bare.find("__________________________________________________\n(наименование органа, проводившего проверку)\nСПРАВКА\n"
                         "______________\n(дата)\n№\u00A0________\n______________\n(место составления)\nО результатах") !=
                   std::string::npos,
               bare);
    BOOST_TEST(bare.find("1. Основание проверки: __________________________________________.\n(документ о проведении проверки: вид, "
                         "дата, номер)\n") != std::string::npos,
               bare);
    BOOST_TEST(bare.find("3. Проверку провело должностное лицо: __________________________________________.\n(должность, фамилия "
                         "и инициалы)\n4. ") != std::string::npos,
               bare);
    BOOST_TEST(bare.find("Барнаул\nО результатах") == std::string::npos, bare);

    const auto inspection = data::DataTree::from_json(input::parse_json(R"({
  "format": "nastavnik.inspection/1", "body": "Комитет по образованию города Барнаула", "number": "47-п",
  "date": "2023-11-10", "place": "г. Барнаул",
  "basis": "приказ комитета по образованию города Барнаула от 30.10.2023 № 1520 «О проведении плановой проверки»",
  "period": { "from": "2023-11-01", "to": "2023-11-08" },
  "inspector": { "surname": "Григорьева", "name": "Ольга", "patronymic": "Николаевна", "gender": "ж",
                 "position": "главный специалист отдела общего образования" }})", "inspection.json"),
                                                      "inspection.json", data::inspection_file_format());
    const std::string full = docx::document_text(rules::check_document(lastochka.result, lastochka.tree, tpl, &inspection));
    for (const char* caption : {"(наименование органа", "(дата)", "(место составления)", "(документ о проведении", "(должность, фамилия"}) {
        BOOST_TEST(full.find(caption) == std::string::npos, caption << "\n" << full);
    }
    BOOST_TEST(full.find("СПРАВКА\n10.11.2023\n№\u00A047\u2011п\nг.\u00A0Барнаул\nО результатах") != std::string::npos, full);
}

// A programme's term is said by its state: an ended one «длилась», one that runs «рассчитана на»
// — not «длится» of a programme that ended two years ago. What concerns only ended programmes is
// one history, violations first, recommendations too (a mentor of 2023/2024 alone without
// consent), each row labelled and saying the programme ended, as the справка has it (issue 13).
BOOST_AUTO_TEST_CASE(the_history_of_ended_programmes_is_told_in_the_past_and_labelled) {
    const std::string later = finding_texts("samples/lastochka.json", Date(2026, 12, 7));
    BOOST_TEST(later.find("Нарушение: программа наставника Н.В.\u00A0Сорокиной и наставляемой А.О.\u00A0Смирновой (04.09.2023 – "
                          "31.10.2024) длилась 1 год 1 месяц 28 дней — больше 1 года. Программа завершена 31.10.2024; нарушение "
                          "учитывается при закреплении новых наставнических пар (групп) и составлении программ.\nРекомендация: "
                          "наставник О.И.\u00A0Лебедева не давала письменного согласия на наставничество. Программа завершена "
                          "31.05.2024; рекомендация учитывается") != std::string::npos,
               later);
    BOOST_TEST(later.find("длится") == std::string::npos, later);
    const std::string titles = finding_texts("samples/lastochka.json", Date(2026, 12, 7), "title");
    BOOST_TEST(titles.find("Нарушения обязательных требований и рекомендации по программам наставничества 2023/2024 и "
                           "2024/2025 учебных годов, которые завершены\n") != std::string::npos, titles);
    BOOST_TEST(titles.find("Рекомендации\n") == std::string::npos, titles);
    // In its own year the programme runs: it is planned too long, and nothing is history.
    const std::string then = finding_texts("samples/lastochka.json", Date(2023, 11, 1));
    BOOST_TEST(then.find("Программа наставника Н.В.\u00A0Сорокиной и наставляемой А.О.\u00A0Смирновой (04.09.2023 – 31.10.2024) "
                         "рассчитана на 1 год 1 месяц 28 дней — больше 1 года.\n") != std::string::npos, then);
    BOOST_TEST(then.find("Наставник О.И.\u00A0Лебедева не давала письменного согласия на наставничество.\n") != std::string::npos, then);
    BOOST_TEST(then.find("завершена") == std::string::npos, then);
    BOOST_TEST(then.find("Рекомендация:") == std::string::npos, then);
}

// Every proposal of the act has its executor, and one recommendation is «рекомендацию,
// указанную» (Ласточка, 2023: «— учесть рекомендации, указанные в подпункте 6.2» for one, no one
// named).
BOOST_AUTO_TEST_CASE(the_act_names_who_takes_a_recommendation_into_account) {
    // Ласточка's two instructors по физической культуре made воспитатели: no pair of two professions
    // (FED-PAR-05) is left to recommend about, only О.И. Лебедева's consent.
    std::string json;
    {
        std::ifstream in(NASTAVNIK_SOURCE_DIR "/samples/lastochka.json", std::ios::binary);
        json.assign(std::istreambuf_iterator<char>(in), {});
    }
    const std::string instructor = "\"position\": \"инструктор по физической культуре\"";
    int replaced = 0;
    for (auto at = json.find(instructor); at != std::string::npos; at = json.find(instructor, at), ++replaced) {
        json.replace(at, instructor.size(), "\"position\": \"воспитатель\"");
    }
    BOOST_REQUIRE(replaced == 2);
    const Checked lastochka(data::DataTree::from_json(input::parse_json(json, "samples/lastochka.json"), "samples/lastochka.json"),
                            Date(2023, 11, 1));
    const std::string t = docx::document_text(
        rules::check_document(lastochka.result, lastochka.tree, NASTAVNIK_SOURCE_DIR "/templates/spravka-o-proverke.docx"));
    BOOST_TEST(t.find("\n— заведующему МКДОУ «Детский сад «Ласточка» С.Н.\u00A0Беловой учесть рекомендацию, указанную в "
                      "подпункте 6.2, при актуализации локальных актов") != std::string::npos, t);
    BOOST_TEST(t.find("рекомендации, указанные") == std::string::npos, t);
}
