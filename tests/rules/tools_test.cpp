// Tools for legal staff: lint finds what loading cannot; diff shows changed rules and dated
// parameters; replay shows whose findings change.

#include "nastavnik/core/error.hpp"
#include "nastavnik/rules/acts.hpp"
#include "nastavnik/rules/catalog.hpp"
#include "nastavnik/rules/report.hpp"
#include "nastavnik/rules/ruleset_document.hpp"
#include "nastavnik/rules/tools.hpp"

#include <boost/test/unit_test.hpp>

#include <fstream>
#include <map>
#include <set>
#include <sstream>

using namespace nastavnik::rules;

namespace {

const std::filesystem::path shipped = NASTAVNIK_SOURCE_DIR "/rulesets/altai/barnaul/barnaul-127/2.0.xml";
const std::filesystem::path federal = NASTAVNIK_SOURCE_DIR "/rulesets/federal/minpros-az-1128/2.0.xml";
const std::filesystem::path schema = NASTAVNIK_SOURCE_DIR "/rulesets/schema";

// The recorded acts the shipped rulesets cite.
std::shared_ptr<const ActLibrary> acts() {
    static const auto library = ActLibrary::load(NASTAVNIK_SOURCE_DIR "/rulesets/acts", schema / "act-1.xsd");
    return library;
}

std::string slurp(const std::filesystem::path& p) {
    std::ifstream in(p);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// A copy of the shipped ruleset with text replaced: a draft of the next version.
std::filesystem::path variant(const std::filesystem::path& original, const std::string& name,
                              const std::vector<std::pair<std::string, std::string>>& edits) {
    std::string xml = slurp(original);
    for (const auto& [from, to] : edits) {
        const auto pos = xml.find(from);
        BOOST_REQUIRE_MESSAGE(pos != std::string::npos, "fixture text not found: " << from);
        xml.replace(pos, from.size(), to);
    }
    const std::filesystem::path dir = NASTAVNIK_TEST_TMP "/rulesets-tools";
    std::filesystem::create_directories(dir);
    std::ofstream(dir / name) << xml;
    return dir / name;
}

bool has(const std::string& s, const std::string& sub) { return s.find(sub) != std::string::npos; }

// The rows of a ruleset document's table of rules (in force on 07.12.2026): each rule's fields by name.
std::vector<std::map<std::string, std::string>> rules_of(const std::string& id) {
    static const auto catalog = Catalog::load(NASTAVNIK_SOURCE_DIR "/rulesets");
    const Ruleset* rs = catalog.find(id, nastavnik::Date(2026, 12, 7));
    BOOST_REQUIRE(rs != nullptr);
    const auto tree = ruleset_data_tree(*rs);
    std::vector<std::map<std::string, std::string>> out;
    for (xmlNodePtr n = xmlDocGetRootElement(tree.get())->children; n != nullptr; n = n->next) {
        if (n->type != XML_ELEMENT_NODE || std::string(reinterpret_cast<const char*>(n->name)) != "rules") continue;
        for (xmlNodePtr rule = n->children; rule != nullptr; rule = rule->next) {
            auto& fields = out.emplace_back();
            for (xmlNodePtr f = rule->children; f != nullptr; f = f->next) {
                xmlChar* raw = xmlNodeGetContent(f);
                fields[reinterpret_cast<const char*>(f->name)] = raw == nullptr ? "" : reinterpret_cast<const char*>(raw);
                xmlFree(raw);
            }
        }
    }
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(ruleset_tools)

// A parameter's title that ends with brackets took its dates in a second pair right after them:
// «… (процесс реализации персонализированной программы) (с 01.06.2022)».
BOOST_AUTO_TEST_CASE(the_ruleset_document_never_prints_two_brackets_in_a_row) {
    const auto catalog = Catalog::load(NASTAVNIK_SOURCE_DIR "/rulesets");
    std::size_t dated_titles = 0;
    for (const auto& rs : catalog.all()) {
        const auto tree = ruleset_data_tree(*rs);
        for (xmlNodePtr n = xmlDocGetRootElement(tree.get())->children; n != nullptr; n = n->next) {
            if (n->type != XML_ELEMENT_NODE || std::string(reinterpret_cast<const char*>(n->name)) != "parameters") continue;
            for (xmlNodePtr line = n->children; line != nullptr; line = line->next) {
                xmlChar* raw = xmlNodeGetContent(line);
                const std::string text = raw == nullptr ? "" : reinterpret_cast<const char*>(raw);
                xmlFree(raw);
                BOOST_TEST(!has(text, ") ("), rs->id << ": " << text);
                if (has(text, "), с ")) ++dated_titles;
            }
        }
    }
    BOOST_TEST(dated_titles > 0);  // the monitoring indicators' titles end with brackets
}

// The monitoring's indicators in the act's words, with the clause (review 6, B12): Бийск № 701
// разд. 5 п. 1 says «процент обучающихся наставляемого, успешно прошедших ВПР, ОГЭ, ЕГЭ» and
// «динамику успеваемости обучающихся» — not «ВПР и ГИА», not «успевающих на «4» и «5»».
BOOST_AUTO_TEST_CASE(the_ruleset_document_names_indicators_in_the_acts_words) {
    const auto catalog = Catalog::load(NASTAVNIK_SOURCE_DIR "/rulesets");
    const Ruleset* rs = catalog.find("altai-biysk-701", nastavnik::Date(2026, 12, 7));
    BOOST_REQUIRE(rs != nullptr);
    const auto tree = ruleset_data_tree(*rs);
    std::string lines;
    for (xmlNodePtr n = xmlDocGetRootElement(tree.get())->children; n != nullptr; n = n->next) {
        if (n->type != XML_ELEMENT_NODE || std::string(reinterpret_cast<const char*>(n->name)) != "parameters") continue;
        for (xmlNodePtr line = n->children; line != nullptr; line = line->next) {
            xmlChar* raw = xmlNodeGetContent(line);
            lines += std::string(raw == nullptr ? "" : reinterpret_cast<const char*>(raw)) + "\n";
            xmlFree(raw);
        }
    }
    // Cited as the table of rules cites (reader B, 21): not «Положение г. Бийска, разд. 5, п. 1».
    BOOST_TEST(has(lines, "(процесс реализации персонализированной программы), с 25.05.2022 (основание: п. 1 разд. 5 "
                          "Положения № 701):\n"), lines);
    // A list ends with a full stop, and so does each value (reader B, 21).
    BOOST_TEST(has(lines, "традиционная форма наставничества («один-на-один»).\n"), lines);
    BOOST_TEST(has(lines, "Наименьшая численность наставляемых в наставнической группе: 2 человека (с 25.05.2022).\n"), lines);
    // After a colon the items go on in lower case; a list of abbreviations is one line (reader C, 5).
    BOOST_TEST(has(lines, "\nпроцент обучающихся наставляемого, успешно прошедших ВПР, ОГЭ и ЕГЭ;\n"), lines);
    BOOST_TEST(has(lines, "\nдинамика успеваемости обучающихся наставляемого (доля успевающих);\n"), lines);
    BOOST_TEST(has(lines, "\nрезультативность реализации персонализированной программы (доля выполненных мероприятий);\n"), lines);
    // The procedures stand in the indicator's title: not a value of their own saying it again (reader H, F13).
    BOOST_TEST(!has(lines, "Оценочные процедуры"), lines);
    BOOST_TEST(!has(lines, "): ВПР, ОГЭ и ЕГЭ.\n"), lines);
    BOOST_TEST(!has(lines, "\nВПР;"), lines);
    BOOST_TEST(!has(lines, "ГИА"), lines);
    BOOST_TEST(!has(lines, "«4»"), lines);
}

// A rule's level in the act's words (reader C, 5): what its failure is called in the act and the
// report — not the ruleset file's «ошибка», «предупреждение»; a rule citing no binding act is a
// recommendation there.
BOOST_AUTO_TEST_CASE(the_ruleset_document_says_the_level_as_the_act_does) {
    std::map<std::string, std::set<std::string>> levels;
    for (const char* id : {"altai-biysk-701", "federal-az-1128"}) {
        for (auto& rule : rules_of(id)) levels[id].insert(rule["severity"]);
    }
    const std::set<std::string> biysk = {"нарушение обязательного требования", "замечание", "к сведению",
                                         "нарушение (обязанность муниципалитета)"};
    BOOST_TEST((levels["altai-biysk-701"] == biysk));
    BOOST_TEST((levels["federal-az-1128"] == std::set<std::string>{"рекомендация"}));
}

// A rule's bases as a lawyer lists them: «разд. 5 Положения № 701; п. 1 разд. 5 Положения № 701;
// п. 2 разд. 5 Положения № 701» in one cell was the section and its two items, the act named three
// times (review 6, RS-1).
BOOST_AUTO_TEST_CASE(the_ruleset_document_cites_items_of_one_unit_once) {
    std::map<std::string, std::string> cited;
    for (const char* id : {"altai-biysk-701", "altai-barnaul-127"}) {
        for (auto& rule : rules_of(id)) cited[rule["id"]] = rule["citation"];
    }
    BOOST_TEST(cited["BSK-MON-01"] == "пп.\u00A01, 2 разд.\u00A05 Положения №\u00A0701", cited["BSK-MON-01"]);
    BOOST_TEST(cited["BRN-MON-01"] == "пп.\u00A05.1, 5.2 Положения №\u00A0127", cited["BRN-MON-01"]);
}

// The federal model is named one way: defined as «примерное Положение» and cited as «примерного
// Положения», as the rulesets, the Положение's notes and the acts write it — not «(далее —
// Примерное положение)» from the letter's title (review 6 §5).
BOOST_AUTO_TEST_CASE(the_ruleset_document_names_the_model_one_way) {
    const auto catalog = Catalog::load(NASTAVNIK_SOURCE_DIR "/rulesets");
    const Ruleset* rs = catalog.find("federal-az-1128", nastavnik::Date(2026, 12, 7));
    BOOST_REQUIRE(rs != nullptr);
    const auto tree = ruleset_data_tree(*rs);
    xmlChar* raw = xmlNodeGetContent(xmlDocGetRootElement(tree.get()));
    const std::string text = reinterpret_cast<const char*>(raw);
    xmlFree(raw);
    BOOST_TEST(text.find("(далее — примерное Положение)") != std::string::npos, text);
    BOOST_TEST(text.find("Примерное положение") == std::string::npos, text);
    BOOST_TEST(text.find("п.\u00A03.2 примерного Положения") != std::string::npos, text);
}

BOOST_AUTO_TEST_CASE(the_shipped_rulesets_are_lint_clean) {
    const auto catalog = Catalog::load(NASTAVNIK_SOURCE_DIR "/rulesets");
    for (const auto& rs : catalog.all()) {
        for (const auto& d : lint(*rs, catalog.uppers_of(*rs))) BOOST_ERROR(d.to_string());
    }
}

BOOST_AUTO_TEST_CASE(lint_finds_unknown_functions_undefined_and_unused_parameters) {
    const auto file = variant(shipped, "lint.xml", {
        {"<assert test=\"count(mentees/mentee) &gt;= $group_min_mentees\"/>",
         "<assert test=\"n:frobnicate(mentees) and exsl:node-set(.) and $no_such &gt; 1 and $programme_min_months\"/>"},
        {"<value from=\"2022-06-01\" cite=\"п. 4.1.5 Положения № 127: от двух и более человек\">2</value>",
         "<value from=\"2022-06-01\">2</value>"},
        {"<adopt rule=\"FED-CUR-02\">", "<adopt rule=\"FED-CUR-99\">"},
    });
    const Ruleset upper = load_ruleset(federal, schema, acts());
    const auto problems = lint(load_ruleset(file, schema, acts()), {&upper});
    std::string all;
    for (const auto& d : problems) all += d.to_string() + "\n";
    BOOST_TEST(has(all, "BRN-GRP-01: assert: неизвестная функция «n:frobnicate»"), all);
    BOOST_TEST(!has(all, "$programme_min_months»"), all);  // defined by the federal layer
    BOOST_TEST(has(all, "неизвестная функция «exsl:node-set»"), all);
    BOOST_TEST(has(all, "параметр «$no_such» не определён в наборе"), all);
    BOOST_TEST(has(all, "$group_min_mentees: у значения «2» (с 01.06.2022) не указан источник"), all);
    BOOST_TEST(!has(all, "неизвестная функция «count»"), all);
    BOOST_TEST(!has(all, "«n:months-between»"), all);
    BOOST_TEST(has(all, "принимается правило [FED-CUR-99], которого нет"), all);
}

// «за n:academic-year(n:add-months($as_of, -12)) учебный год» reached a report as written: an
// expression outside {…} in a message is a lint finding (the message itself loads).
BOOST_AUTO_TEST_CASE(lint_finds_an_expression_left_outside_braces_in_a_message) {
    const auto file = variant(shipped, "braces.xml", {
        {"<message>Группа наставника {n:initials-surname(mentor, 'род')} состоит из",
         "<message>За n:academic-year($as_of) учебный год группа наставника {n:initials-surname(mentor, 'род')} состоит из"},
    });
    const Ruleset upper = load_ruleset(federal, schema, acts());
    std::string all;
    for (const auto& d : lint(load_ruleset(file, schema, acts()), {&upper})) all += d.to_string() + "\n";
    BOOST_TEST(has(all, "в тексте сообщения выражение вне фигурных скобок: «n:academic-year(…»"), all);
    for (const auto& d : lint(load_ruleset(shipped, schema, acts()), {&upper})) {
        BOOST_TEST(!has(d.to_string(), "вне фигурных скобок"), d.to_string());
    }
}

BOOST_AUTO_TEST_CASE(a_citation_of_a_clause_the_act_does_not_have_is_a_load_error) {
    // п. 4.1.2 belongs to the Положение, not to the order (which has пп. 1–5): citing it as the
    // order's is refused when the ruleset loads, naming what the order has not.
    const auto file = variant(shipped, "wrong-node.xml", {
        {"<adopt rule=\"FED-CUR-02\"><cite doc=\"barnaul-127-polozhenie\" at=\"4.1.2\"", "<adopt rule=\"FED-CUR-02\"><cite doc=\"barnaul-127\" at=\"4.1.2\""},
    });
    try {
        load_ruleset(file, schema, acts());
        BOOST_ERROR("loaded");
    } catch (const nastavnik::Error& e) {
        BOOST_TEST(has(e.diagnostics().front().to_string(), "в документе «barnaul-127»"), e.diagnostics().front().to_string());
        BOOST_TEST(has(e.diagnostics().front().to_string(), "нет «4.1.2»"));
    }
}

BOOST_AUTO_TEST_CASE(the_old_format_still_loads_checks_and_lints) {
    // A draft written in ruleset format 1 (acts inline, clauses as text) keeps working: it loads,
    // composes, and lint says it is in the old format.
    const Ruleset draft = load_ruleset(NASTAVNIK_SOURCE_DIR "/samples/ruleset-drafts/federal-az-1128-1.1-draft.xml", schema, acts());
    BOOST_TEST(draft.format == 1);
    BOOST_TEST(!draft.rules.empty());
    BOOST_TEST(draft.rules.front().citations.front().text().find(", письмо от 21.12.2021 №") != std::string::npos);
    std::string all;
    for (const auto& d : lint(draft)) all += d.to_string() + "\n";
    BOOST_TEST(has(all, "набор правил в прежнем формате 1"), all);
}

BOOST_AUTO_TEST_CASE(recorded_structures_are_compared_with_their_texts) {
    // The act file says where each clause is; a text in which one is missing is reported.
    const std::filesystem::path dir = NASTAVNIK_TEST_TMP "/texts";
    std::filesystem::create_directories(dir);
    std::ofstream(dir / "000_63ac2d6164da8da9.txt")
        << "ПРИКАЗ\n№ 127\n1. Утвердить Положение.\n2. Провести.\n3. Вступает.\n4. Опубликовать.\n5. Контроль.\n"
           "Приложение к приказу\n1. Общие положения\n1.1. Предмет.\n1.2. Определения.\n2. Цели\n3. Условия\n3.1. Кадры.\n";
    const auto problems = check_against_texts(*acts(), dir);
    std::string all;
    for (const auto& d : problems) all += d.to_string() + "\n";
    BOOST_TEST(!has(all, "п.\u00A01.2 не найден"), all);          // it is there
    BOOST_TEST(has(all, "п.\u00A04.1.2 не найден в тексте 000_63ac2d6164da8da9.txt (в приложении «Положение о системе наставничества"),
               all);
    BOOST_TEST(!has(all, "biysk"), all);  // acts whose texts are not in the folder are skipped
}

BOOST_AUTO_TEST_CASE(quotes_are_compared_with_the_texts_of_their_acts) {
    // Found by hand in biysk-701: BSK-MUN-02 quoted order п. 3 with words the order does not
    // have. A text holding every quote of the ruleset as a converted text writes them (lines
    // broken anywhere, straight quotation marks, a list with its marks, other case) passes;
    // the old misquote is reported with its rule and act.
    const std::filesystem::path biysk = NASTAVNIK_SOURCE_DIR "/rulesets/altai/biysk/biysk-701/2.0.xml";
    const Ruleset shipped_biysk = load_ruleset(biysk, schema, acts());
    std::string text = "ПРИКАЗ\n";
    std::size_t ours = 0;
    auto add = [&](const Citation& c) {
        if (c.act == nullptr || c.act->id != "biysk-701" || c.quote.empty()) return;
        ++ours;
        std::string q = c.quote;
        for (std::size_t pos; (pos = q.find("\u2026")) != std::string::npos;) q.replace(pos, 3, "\n- и другие слова;\n");
        for (const std::string guillemet : {"\u00AB", "\u00BB"}) {
            for (std::size_t pos; (pos = q.find(guillemet)) != std::string::npos;) q.replace(pos, guillemet.size(), "\"");
        }
        for (std::size_t pos = 0, spaces = 0; (pos = q.find(' ', pos)) != std::string::npos; ++pos) {
            if (++spaces % 4 == 0) q[pos] = '\n';
        }
        text += "- " + q + "\n\n";
    };
    for (const auto& rule : shipped_biysk.rules) {
        for (const auto& c : rule.citations) add(c);
    }
    for (const auto& a : shipped_biysk.adoptions) {
        for (const auto& c : a.citations) add(c);
    }
    BOOST_TEST_REQUIRE(ours > 5u);
    const std::filesystem::path dir = NASTAVNIK_TEST_TMP "/quote-texts";
    std::filesystem::create_directories(dir);
    std::ofstream(dir / "003_9b7126b71a2097b5.txt") << text;
    std::size_t compared = 0;
    const auto none = check_quotes(shipped_biysk, dir, &compared);
    BOOST_TEST(none.empty(), (none.empty() ? std::string() : none.front().to_string()));
    BOOST_TEST(compared == ours);  // only the act whose text is in the folder

    const auto misquoted = variant(biysk, "misquote.xml", {{
        "<title>Система наставничества внедрена во всех организациях в установленный срок (Положение принято)</title>\n"
        "    <cite doc=\"biysk-701\" at=\"3\" quote=\"Руководителям образовательных учреждений обеспечить внедрение "
        "системы наставничества до 31.12.2022 года\"/>",
        "<title>Система наставничества внедрена во всех организациях в установленный срок (Положение принято)</title>\n"
        "    <cite doc=\"biysk-701\" at=\"3\" quote=\"Руководителям муниципальных образовательных учреждений обеспечить "
        "внедрение системы наставничества педагогических работников до 31.12.2022\"/>"}});
    const auto found = check_quotes(load_ruleset(misquoted, schema, acts()), dir);
    BOOST_TEST_REQUIRE(found.size() == 1u);
    const std::string d = found.front().to_string();
    BOOST_TEST(has(d, "BSK-MUN-02"), d);
    BOOST_TEST(has(d, "цитата из «biysk-701» (п.\u00A03 приказа"), d);
    BOOST_TEST(has(d, "не найдена в тексте акта: «Руководителям муниципальных образовательных учреждений"), d);
}

BOOST_AUTO_TEST_CASE(diff_shows_rules_and_dated_parameters) {
    const auto next = variant(federal, "next.xml", {
        {"version=\"2.0\"", "version=\"2.1\""},
        {"<value from=\"2021-12-21\" cite=\"примерное Положение, п. 1.2: до 1 года\">12</value>",
         "<value from=\"2021-12-21\" to=\"2024-08-31\" cite=\"примерное Положение, п. 1.2: до 1 года\">12</value><value from=\"2024-09-01\" cite=\"проект\">9</value>"},
        {"<rule id=\"FED-MNL-01\" severity=\"предупреждение\"", "<rule id=\"FED-MNL-01\" severity=\"ошибка\""},
    });
    const Ruleset a = load_ruleset(federal, schema, acts());
    const Ruleset b = load_ruleset(next, schema, acts());
    const std::string d = diff(a, b);
    BOOST_TEST(has(d, "~ параметр $programme_max_months\n      было: 12 (с 21.12.2021)\n      стало: 12 (с 21.12.2021 по 31.08.2024); 9 (с 01.09.2024)"), d);
    BOOST_TEST(has(d, "~ правило [FED-MNL-01]"), d);
    BOOST_TEST(has(d, "было: предупреждение"), d);
    BOOST_TEST(diff(a, a).empty());

    // Replay: school № 42's 10-month programme (pair-2) breaks the new limit from 01.09.2024,
    // and is fine before it.
    const std::filesystem::path samples = NASTAVNIK_SOURCE_DIR "/samples";
    const std::string after = replay(a, b, samples, nastavnik::Date(2026, 11, 22));
    BOOST_TEST(has(after, "Организаций: 3"), after);
    BOOST_TEST(has(after, "barnaul-school-42.json (МБОУ «СОШ № 42»):\n    [FED-PRG-02] pairs[1]: satisfied → violated"), after);
    BOOST_TEST(has(after, "результаты изменились у 1"), after);
    const std::string before = replay(a, b, samples, nastavnik::Date(2024, 8, 1));
    BOOST_TEST(!has(before, "[FED-PRG-02]"), before);
}

BOOST_AUTO_TEST_CASE(diff_shows_a_requirement_turned_into_one_for_the_whole_rule) {
    // The same test, evaluated once for the rule instead of per subject, changes what a check
    // says (one «нет данных» instead of one per subject): the diff must show it.
    const auto next = variant(federal, "scope.xml", {
        {"<requires scope=\"rule\" test=\"/data/mentors or not(/data/pairs/pair | /data/groups/group)\">перечень наставников (mentors): пары и группы записаны, а наставники — нет (пустой перечень [] — наставников нет)</requires>\n    <assert test=\"mentor = /data/mentors/mentor/person\"/>",
         "<requires test=\"/data/mentors or not(/data/pairs/pair | /data/groups/group)\">перечень наставников (mentors)</requires>\n    <assert test=\"mentor = /data/mentors/mentor/person\"/>"},
    });
    const std::string d = diff(load_ruleset(federal, schema, acts()), load_ruleset(next, schema, acts()));
    BOOST_TEST(has(d, "~ правило [FED-MNT-04]"), d);
    BOOST_TEST(has(d, "requires (для всего правила): /data/mentors"), d);
}

BOOST_AUTO_TEST_CASE(show_lists_every_rule_with_its_citation) {
    const Ruleset rs = load_ruleset(federal, schema, acts());
    const std::string s = show(rs);
    for (const auto& r : rs.rules) BOOST_TEST(has(s, "[" + r.id + "]"), r.id);
    BOOST_TEST(has(s, "$programme_min_months = 3 (с 21.12.2021)"));
}

// Whom a ruleset binds, with the clauses that say so, in show, in diff when it changes, and in
// the ruleset document (whose long acts it names first).
const std::filesystem::path buryatia = NASTAVNIK_SOURCE_DIR "/rulesets/buryatia/buryatia-1552/2.0.xml";

BOOST_AUTO_TEST_CASE(show_diff_and_the_document_say_whom_a_ruleset_binds) {
    const Ruleset bur = load_ruleset(buryatia, schema, acts());
    const std::string s = show(bur);
    BOOST_TEST(has(s, "\nКасается образовательных организаций, подведомственных Минобрнауки Республики Бурятия, и муниципальных "
                      "образовательных организаций (п.\u00A02 приказа"), s);
    BOOST_TEST(has(s, "; п.\u00A01 разд.\u00A0IV"), s);
    // An act that names no one: every organisation of its place.
    const Ruleset fed = load_ruleset(federal, schema, acts());
    BOOST_TEST(has(show(fed), "\nКасается организаций любого учредителя (круг организаций в акте не ограничен)\n"), show(fed));

    const auto narrower = variant(shipped, "whom.xml", {
        {"founders=\"муниципальный\" whom=\"муниципальных образовательных организаций г. Барнаула\"",
         "founders=\"муниципальный частный\" whom=\"муниципальных и частных образовательных организаций г. Барнаула\""},
    });
    const Ruleset a = load_ruleset(shipped, schema, acts());
    const std::string d = diff(a, load_ruleset(narrower, schema, acts()));
    BOOST_TEST(has(d, "Круг организаций:\n      было: касается муниципальных образовательных организаций г. Барнаула (п.\u00A01.1 "), d);
    BOOST_TEST(has(d, "      стало: касается муниципальных и частных образовательных организаций г. Барнаула (п.\u00A01.1 "), d);
    BOOST_TEST(!has(diff(a, a), "Круг организаций"));

    const auto tree = ruleset_data_tree(a);
    std::string applies;
    for (xmlNodePtr n = xmlDocGetRootElement(tree.get())->children; n != nullptr; n = n->next) {
        if (n->type == XML_ELEMENT_NODE && std::string(reinterpret_cast<const char*>(n->name)) == "applies") {
            xmlChar* raw = xmlNodeGetContent(n);
            applies = reinterpret_cast<const char*>(raw);
            xmlFree(raw);
        }
    }
    BOOST_TEST(has(applies, "Алтайский край, Барнаул; касается муниципальных образовательных организаций г. Барнаула согласно "
                            "п.\u00A01.1 "),
               applies);
}

// A short name is defined where it is first used, whom a ruleset binds is said without brackets
// inside brackets, and «Минпросвещения России» is not broken (reader H, F13): the federal
// document cited «п. 3.4 примерного Положения» in its values a page before the table defined it;
// Бийск's «Применяется» nested «(далее — …)» inside the brackets of its clauses.
BOOST_AUTO_TEST_CASE(the_ruleset_document_defines_a_short_name_before_using_it) {
    const auto catalog = Catalog::load(NASTAVNIK_SOURCE_DIR "/rulesets");
    auto text_of = [&](const std::string& id, const char* element) {
        const Ruleset* rs = catalog.find(id, nastavnik::Date(2026, 12, 7));
        BOOST_REQUIRE(rs != nullptr);
        const auto tree = ruleset_data_tree(*rs);
        std::string out;
        for (xmlNodePtr n = xmlDocGetRootElement(tree.get())->children; n != nullptr; n = n->next) {
            if (n->type != XML_ELEMENT_NODE) continue;
            if (element != nullptr && std::string(reinterpret_cast<const char*>(n->name)) != element) continue;
            xmlChar* raw = xmlNodeGetContent(n);
            out += std::string(raw == nullptr ? "" : reinterpret_cast<const char*>(raw)) + "\n";
            xmlFree(raw);
        }
        return out;
    };
    const std::string federal = text_of("federal-az-1128", nullptr);
    const auto defined = federal.find("(далее — примерное Положение)");
    BOOST_TEST_REQUIRE(defined != std::string::npos, federal);
    BOOST_TEST(defined < federal.find("примерного Положения"), federal);
    BOOST_TEST(has(text_of("federal-az-1128", "acts"), "Примерное Положение о системе наставничества педагогических работников"),
               federal);
    BOOST_TEST(has(text_of("federal-az-1128", "title"), "Минпросвещения\u00A0России"));

    const std::string applies = text_of("altai-biysk-701", "applies");
    int depth = 0, deepest = 0;
    for (char c : applies) {
        if (c == '(') deepest = std::max(deepest, ++depth);
        if (c == ')') --depth;
    }
    BOOST_TEST(deepest == 1, applies);
    BOOST_TEST(has(applies, "(далее — Положение №\u00A0701), и п.\u00A01 приказа"), applies);
}

// What a document shows of a finding: the data fields named for the JSON report go, words stay.
BOOST_AUTO_TEST_CASE(data_paths_are_left_out_of_a_findings_text) {
    BOOST_TEST(without_data_paths("Нет сведений о письменном согласии наставника (mentors[].consent_date; null — согласия нет).") ==
               "Нет сведений о письменном согласии наставника.");
    BOOST_TEST(without_data_paths("сведения о согласии (mentors[].consent_date)") == "сведения о согласии");
    BOOST_TEST(without_data_paths("размещены ли сведения о наставнике на сайте (mentors[].published_on_website: true или false)") ==
               "размещены ли сведения о наставнике на сайте");
    BOOST_TEST(without_data_paths("цели программы (programme.goals), сроки (с 01.09.2023)") == "цели программы, сроки (с 01.09.2023)");
    BOOST_TEST(without_data_paths("ВПР (по школе; ОГЭ)") == "ВПР (по школе; ОГЭ)");
}

BOOST_AUTO_TEST_SUITE_END()
