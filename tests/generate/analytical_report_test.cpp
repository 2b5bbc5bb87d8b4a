// The organisation's analytical справка as a clerk signs it (issue 13): what the package itself
// draws is not stated as missing, and the history of ended programmes says which finding is which
// and names one programme as one.

#include "e2e/cli_runner.hpp"
#include "generate/analytical_report.hpp"

#include "nastavnik/data/monitoring.hpp"
#include "nastavnik/data/xml_text.hpp"
#include "nastavnik/docx/template.hpp"
#include "nastavnik/input/json.hpp"
#include "nastavnik/rules/catalog.hpp"

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

namespace {

std::string report_of(const char* sample, const char* as_of, const std::string& name, bool with_roadmap = true) {
    const auto out = std::filesystem::path(NASTAVNIK_TEST_TMP) / name;
    std::filesystem::remove_all(out);
    std::vector<std::string> args = {"generate", std::string(NASTAVNIK_SOURCE_DIR) + "/samples/" + sample, "--as-of", as_of,
                                     "--out", out.string(), "--format", "docx", "--force", "--only", "spravka"};
    if (with_roadmap) args.insert(args.end(), {"--only", "dorozhnaya-karta"});
    const auto run = e2e::nastavnik(args);
    BOOST_REQUIRE_MESSAGE(run.exit_code == 0, run.err);
    // Named after the organisation's own title of its Положение («…Положения о наставничестве.docx»).
    bool roadmap = false;
    for (const auto& e : std::filesystem::directory_iterator(out)) {
        roadmap = roadmap || e.path().filename().string().starts_with("Дорожная карта по реализации Положения");
    }
    BOOST_REQUIRE(roadmap == with_roadmap);
    return nastavnik::docx::document_text(e2e::slurp(out / "Аналитическая справка о результатах мониторинга.docx"));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(analytical_report)

// СОШ № 42 has no roadmap of 2026/2027; its package draws one: the справка proposes to approve
// it, it does not report its absence as a violation to remove.
BOOST_AUTO_TEST_CASE(the_roadmap_the_package_draws_is_not_missing) {
    const std::string text = report_of("barnaul-school-42.json", "2026-12-06", "report-school-42");
    BOOST_TEST(text.find("нет плана мероприятий") == std::string::npos, text);
    // On the roadmap's own date, from which its deadlines count (reader D, M4).
    BOOST_TEST(text.find("утвердить 06.12.2026, одновременно с Положением в новой редакции, план мероприятий (дорожную карту) по "
                         "реализации Положения о системе наставничества педагогических работников в МБОУ «СОШ\u00A0№\u00A042» на 2026/2027 учебный год (разработан и представлен на "
                         "утверждение);") != std::string::npos, text);
    // What is left to put right is the list of mentees: the action, by the person, date and item of
    // the roadmap's row, not «устранить замечание, указанное в подпункте 6.1» where 6.1 holds two
    // and the roadmap gives the list to the curator (reader G, 4).
    BOOST_TEST(text.find("\n— куратору Н.И.\u00A0Поляковой в срок до 21.12.2026 актуализировать список педагогов, которых необходимо "
                         "включить в наставническую деятельность в качестве наставляемых (дорожная карта, п.\u00A03);\n") !=
                   std::string::npos, text);
    BOOST_TEST(text.find("устранить") == std::string::npos, text);
}

// Ласточка's new edition's order appoints a deputy as curator (the roadmap's first row) and the
// roadmap plans the list: each measure names its action, the person that row makes responsible, its
// date and item (reader G, 4); this year's roadmap is approved, the one of 2023 being history.
BOOST_AUTO_TEST_CASE(each_measure_names_the_roadmaps_row) {
    const std::string text = report_of("lastochka.json", "2026-12-06", "report-lastochka-rows");
    BOOST_TEST(text.find("\n— заведующему С.Н.\u00A0Беловой назначить куратором реализации программ наставничества заместителя "
                         "заведующего по воспитательной и методической работе И.В.\u00A0Ковалёву приказом об утверждении Положения "
                         "в новой редакции (дорожная карта, п.\u00A01);\n— куратору И.В.\u00A0Ковалёвой") != std::string::npos, text);
    BOOST_TEST(text.find(" в срок до 21.12.2026 актуализировать список педагогов, которых необходимо включить в наставническую "
                         "деятельность в качестве наставляемых (дорожная карта, п.\u00A03);\n") != std::string::npos, text);
    BOOST_TEST(text.find("утвердить 06.12.2026, одновременно с Положением в новой редакции, план мероприятий (дорожную карту)") !=
                   std::string::npos, text);
    BOOST_TEST(text.find("в сроки, установленные планом мероприятий (дорожной картой),") != std::string::npos, text);
    BOOST_TEST(text.find("устранить") == std::string::npos, text);
}

// Every indicator a ruleset lists has a source the справка names when it orders it assessed: a
// questionnaire that asks it, or the records it comes from (reader G, 6: «Обучающиеся — участники
// конкурсов и соревнований» ordered assessed and asked by no form).
BOOST_AUTO_TEST_CASE(every_indicator_of_every_ruleset_has_a_source) {
    namespace mon = nastavnik::data::monitoring;
    const auto catalog = nastavnik::rules::Catalog::load(std::filesystem::path(NASTAVNIK_SOURCE_DIR) / "rulesets");
    std::size_t listed = 0;
    for (const auto& rs : catalog.all()) {
        for (const auto& p : rs->parameters) {
            if (p.id != "monitoring_stage1" && p.id != "monitoring_stage2") continue;
            for (const auto& v : p.values) {
                for (std::size_t from = 0; from < v.value.size();) {
                    const auto bar = std::min(v.value.find('|', from), v.value.size());
                    const std::string id = v.value.substr(from, bar - from);
                    from = bar + 1;
                    const mon::Indicator* i = mon::find_indicator(id);
                    BOOST_REQUIRE_MESSAGE(i != nullptr, rs->id + ": " + id);
                    ++listed;
                    for (const char* type : {"общеобразовательная", "дошкольная", "дополнительного образования"}) {
                        BOOST_TEST(!mon::source_of(*i, type).empty(), rs->id + ": " + id + " (" + type + ")");
                    }
                }
            }
        }
    }
    BOOST_TEST(listed > 20u);
    // The pupils' contests are asked of the mentee where the acts list them, in the words of the type.
    BOOST_TEST(mon::source_of(*mon::find_indicator("olympiad_participation"), "дополнительного образования") == "анкета наставляемого");
}

// A run that does not draw the roadmap (--only spravka) does not say it is drafted: the справка
// states the finding as the act does.
BOOST_AUTO_TEST_CASE(a_roadmap_not_drawn_is_not_said_drafted) {
    const std::string text = report_of("barnaul-school-42.json", "2026-12-06", "report-school-42-alone", false);
    BOOST_TEST(text.find("разработан и представлен на утверждение") == std::string::npos, text);
    BOOST_TEST(text.find("нет плана мероприятий") != std::string::npos, text);
}

// Ласточка: one programme of 04.09.2023 – 31.10.2024 is not «2023/2024 и 2024/2025 учебных годах»,
// and under a lead naming a нарушение and a рекомендация each sentence says which it is.
BOOST_AUTO_TEST_CASE(history_names_one_programme_and_labels_each_finding) {
    const std::string text = report_of("lastochka.json", "2026-12-06", "report-lastochka");
    // Three recommendations of 2023/2024 since FED-PAR-05 (two pairings of two professions).
    BOOST_TEST(text.find("учебный год нарушение по завершённой программе наставничества (04.09.2023 – 31.10.2024) и "
                         "рекомендации по программам наставничества 2023/2024 учебного года, которые завершены") !=
                   std::string::npos, text);
    BOOST_TEST(text.find("2024/2025 учебных год") == std::string::npos, text);
    BOOST_TEST(text.find("\nНарушение: программа наставника Н.В.\u00A0Сорокиной и наставляемой А.О.\u00A0Смирновой (04.09.2023 – "
                         "31.10.2024)") != std::string::npos, text);
    BOOST_TEST(text.find("\nНе выполнена рекомендация: наставник О.И.\u00A0Лебедева не давала письменного согласия") != std::string::npos, text);
}

// Ласточка as of 01.03.2024 (reader of 7.12.2026, B24): the programme the same proposals order to be
// put right (planned for 1 год 1 месяц 28 дней) is not among those to carry on, and the second
// stage of the programme ended in December is asked for by name, with its executor and deadline.
BOOST_AUTO_TEST_CASE(a_programme_to_put_right_is_not_carried_on) {
    const std::string text = report_of("lastochka.json", "2024-03-01", "report-lastochka-2024", false);
    BOOST_TEST(text.find("— куратору Е.А.\u00A0Морозовой обеспечить реализацию персонализированных программ наставничества "
                         "Т.П.\u00A0Кузнецовой\u00A0– Д.А.\u00A0Волковой, О.И.\u00A0Лебедевой\u00A0– М.Е.\u00A0Крылова и группы наставника "
                         "А.Н.\u00A0Павлова, а по их завершении, в срок до 17.06.2024, провести второй этап мониторинга;") !=
                   std::string::npos, text);
    // Each violation by the action its rule names (no roadmap drawn: the head, by the справка's date).
    BOOST_TEST(text.find("— заведующему С.Н.\u00A0Беловой в срок до 01.04.2024 назначить куратором реализации программ наставничества "
                         "заместителя руководителя;\n— заведующему С.Н.\u00A0Беловой в срок до 01.04.2024 установить срок программы "
                         "наставника Н.В.\u00A0Сорокиной и наставляемой А.О.\u00A0Смирновой не более 1 года;\n") != std::string::npos,
               text);
    const auto from = text.find("6.2. Предлагается:");
    BOOST_REQUIRE(from != std::string::npos);
    const std::string proposals = text.substr(from, text.find("Приложение к аналитической справке") - from);
    // Named where it is put right, not among those to carry on.
    const auto carry = proposals.find("обеспечить реализацию");
    BOOST_REQUIRE(carry != std::string::npos);
    BOOST_TEST(proposals.substr(carry, proposals.find('\n', carry) - carry).find("Смирнов") == std::string::npos, proposals);
    BOOST_TEST(proposals.find("— куратору Е.А.\u00A0Морозовой в срок до 01.04.2024 провести второй этап мониторинга по завершённой "
                              "программе наставничества М.С.\u00A0Гришиной\u00A0– В.П.\u00A0Орловой и внести его итоги") != std::string::npos,
               proposals);
}

// Ласточка in 2026/2027: no young specialist, no pair, and a list of mentees last updated in 2023
// (a замечание). Whether anyone needs a mentor is not known until the list is updated: the справка
// does not order pairs fixed for nobody (reader of 7.12.2026, B7, where the list was fresh).
BOOST_AUTO_TEST_CASE(no_pairs_are_ordered_before_the_need_is_known) {
    const std::string text = report_of("lastochka.json", "2026-11-23", "report-lastochka-need", false);
    BOOST_TEST(text.find("— заведующему С.Н.\u00A0Беловой в срок до 23.12.2026 по итогам актуализации списка наставляемых рассмотреть "
                         "потребность в наставничестве и при её выявлении закрепить наставнические пары (группы) и утвердить "
                         "персонализированные программы наставничества на 2026/2027 учебный год.") != std::string::npos,
               text);
}

// A справка dated after the as-of date (batch --date 2026-11-23 for a check of 22.11.2026, a
// Sunday) sets its deadlines a month from its own date, as the municipal order of the same run
// does: «в срок до 23.12.2026» in both, not 22.12.2026 in the организации's справка.
BOOST_AUTO_TEST_CASE(deadlines_run_from_the_date_the_spravka_bears) {
    using namespace nastavnik;
    const std::string file = std::string(NASTAVNIK_SOURCE_DIR) + "/samples/municipality-biysk/org-00008.json";
    const auto tree = data::DataTree::from_json(input::read_json_file(file), file);
    auto deadline = [&](const std::optional<Date>& dated) {
        const auto report = generate::analytical_report(tree, Date(2026, 11, 22), nullptr, {}, true, dated);
        const xmlNode* rep = data::child(xmlDocGetRootElement(report.doc.get()), "report");
        return data::text_of(data::child(rep, "deadline"));
    };
    BOOST_TEST(deadline(std::nullopt) == "2026-12-22");
    BOOST_TEST(deadline(Date(2026, 11, 23)) == "2026-12-23");
    BOOST_TEST(deadline(Date(2026, 11, 20)) == "2026-12-22");  // never before a month after the check
}

BOOST_AUTO_TEST_SUITE_END()
