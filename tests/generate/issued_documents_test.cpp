// What the organisation has already issued is not drawn again (reader of 7.12.2026, A1): the ЦДТ
// of the compliant sample signed its curator order and roadmap on 26.08.2026, its pairs order on
// 08.09.2026, its consents, agreements and programmes in September. Its package of December holds
// only what is to be signed now and names the rest; --reissue draws the rest too, saying why;
// --date dates what the package issues, never a recorded act.

#include "e2e/cli_runner.hpp"

#include "nastavnik/docx/template.hpp"

#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <set>

namespace fs = std::filesystem;

namespace {

const std::string compliant = std::string(NASTAVNIK_SOURCE_DIR) + "/samples/barnaul-gymnasium-compliant.json";

fs::path fresh(const std::string& name) {
    const auto dir = fs::path(NASTAVNIK_TEST_TMP) / ("issued-" + name);
    fs::remove_all(dir);
    return dir;
}

std::set<std::string> files_of(const fs::path& dir) {
    std::set<std::string> files;
    for (const auto& e : fs::directory_iterator(dir)) files.insert(e.path().filename().string());
    return files;
}

bool contains(const std::string& text, const std::string& what) { return text.find(what) != std::string::npos; }

std::string text_of(const fs::path& docx) { return nastavnik::docx::document_text(e2e::slurp(docx)); }

// The inventory binds a surname to its initials with a no-break space; the notes below are typed plain.
std::string plain(std::string text) {
    for (std::size_t at; (at = text.find("\u00A0")) != std::string::npos;) text.replace(at, 2, " ");
    return text;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(issued_documents)

BOOST_AUTO_TEST_CASE(issued_documents_are_not_drawn_again) {
    const auto out = fresh("december");
    const auto run = e2e::nastavnik({"generate", compliant, "--as-of", "2026-12-07", "--format", "docx", "--out", out.string()});
    BOOST_REQUIRE_MESSAGE(run.exit_code == 0, run.err);
    const auto files = files_of(out);
    for (const char* issued : {"Приказ о назначении куратора.docx", "Приказ о закреплении наставнических пар (групп).docx",
                               "Согласие наставника Баранова В.П.docx", "Согласие наставляемого Блиновой А.Р.docx",
                               "Дополнительное соглашение с Барановым В.П.docx",
                               "Программа наставничества Блиновой А.Р.docx"}) {
        BOOST_TEST(!files.count(issued), issued);
    }
    BOOST_TEST(std::none_of(files.begin(), files.end(), [](const std::string& f) { return f.starts_with("Дорожная карта"); }));
    // The Положение of 2022 is renewed: a new document of the day, with its order.
    BOOST_TEST(files.count("Положение о системе наставничества.docx"));
    BOOST_TEST(files.count("Приказ об утверждении Положения о системе наставничества.docx"));
    BOOST_TEST(files.count("Аналитическая справка о результатах мониторинга.docx"));
    const std::string index = plain(e2e::slurp(out / "Состав пакета.txt"));
    for (const char* note :
         {"Приказ о назначении куратора от 26.08.2026 № 66-од действует; повторно не оформляется.",
          "Приказ о закреплении наставнических пар (групп) от 08.09.2026 № 72-од действует; повторно не оформляется.",
          "Дорожная карта (план мероприятий), утверждённая приказом от 26.08.2026 № 66-од, действует; повторно не оформляется.",
          "Приказ о назначении наставников от 03.09.2026 № 71-од действует.",
          "Согласия наставников Лаптевой Г.Ф., Кудрявцева Р.С., Носковой В.А. и Баранова В.П., оформленные до 07.12.2026, "
          "повторно не оформляются.",
          "Дополнительные соглашения к трудовым договорам с Лаптевой Г.Ф., Кудрявцевым Р.С., Носковой В.А. и Барановым "
          "В.П., заключённые до 07.12.2026, повторно не оформляются.",
          "Персонализированные программы наставничества Савельевой К.О., Прохорова Д.А., Блиновой А.Р. и группы наставника "
          "Носковой В.А., утверждённые или начатые до 07.12.2026, повторно не оформляются."}) {
        BOOST_TEST(contains(index, note), note << "\n" << index);
    }
    BOOST_TEST(!contains(index, "сформированы повторно"), index);
}

// Dated on the as-of day itself, a document is issued now: drawn. The consents of 02.09.2026 as
// of that day are in the package; the pairs order of 08.09.2026 is still to come.
BOOST_AUTO_TEST_CASE(a_document_of_the_day_is_drawn) {
    const auto out = fresh("september");
    const auto run = e2e::nastavnik({"generate", compliant, "--as-of", "2026-09-02", "--format", "docx", "--force", "--out", out.string(),
                                     "--only", "soglasie-nastavnika", "--only", "prikaz-pary"});
    BOOST_REQUIRE_MESSAGE(run.exit_code == 0, run.err);
    const auto files = files_of(out);
    BOOST_TEST(files.count("Согласие наставника Баранова В.П.docx"));
    BOOST_TEST(files.count("Приказ о закреплении наставнических пар (групп).docx"));
    const std::string order = text_of(out / "Приказ о закреплении наставнических пар (групп).docx");
    BOOST_TEST(contains(order, "08.09.2026"), order);
}

BOOST_AUTO_TEST_CASE(asking_for_an_issued_kind_says_what_stands) {
    const auto out = fresh("only");
    const auto run = e2e::nastavnik({"generate", compliant, "--as-of", "2026-12-07", "--only", "prikaz-pary", "--out", out.string()});
    BOOST_TEST(run.exit_code == 2);
    BOOST_TEST(contains(run.err, "запрошенное уже оформлено до 07.12.2026"), run.err);
    BOOST_TEST(contains(run.err, "--reissue"), run.err);
    BOOST_TEST(contains(run.err, "Приказ о закреплении наставнических пар (групп) от 08.09.2026 № 72-од действует"), run.err);
    BOOST_TEST(!contains(run.err, "(ы)"), run.err);
    BOOST_TEST(!fs::exists(out), "nothing may be written");
}

BOOST_AUTO_TEST_CASE(reissue_draws_them_and_says_so) {
    const auto out = fresh("reissue");
    const auto run = e2e::nastavnik({"generate", compliant, "--as-of", "2026-12-07", "--format", "docx", "--reissue",
                                     "--out", out.string()});
    BOOST_REQUIRE_MESSAGE(run.exit_code == 0, run.err);
    const auto files = files_of(out);
    BOOST_TEST(files.count("Приказ о назначении куратора.docx"));
    BOOST_TEST(files.count("Согласие наставника Баранова В.П.docx"));
    const std::string order = text_of(out / "Приказ о закреплении наставнических пар (групп).docx");
    BOOST_TEST(contains(order, "08.09.2026"), order);
    // Each document drawn again says so in every page header (the first page's and the others'),
    // so that a copy is not taken for the original; what is new is not marked.
    const auto headers = [&](const std::string& file) {
        return e2e::shell("unzip -p " + e2e::quote((out / file).string()) + " word/header1.xml word/header2.xml").out;
    };
    const std::string mark = "Экземпляр для сверки: составлен по данным на 07.12.2026, не подписывается";
    for (const char* issued : {"Приказ о закреплении наставнических пар (групп).docx", "Согласие наставника Баранова В.П.docx",
                               "Дополнительное соглашение с Барановым В.П.docx", "Программа наставничества Блиновой А.Р.docx"}) {
        const std::string h = headers(issued);
        const auto first = h.find(mark);
        BOOST_TEST((first != std::string::npos && h.find(mark, first + 1) != std::string::npos), issued << "\n" << h);
    }
    BOOST_TEST(!contains(headers("Приказ об утверждении Положения о системе наставничества.docx"), "Экземпляр для сверки"));
    const std::string index = e2e::slurp(out / "Состав пакета.txt");
    BOOST_TEST(contains(index, "сформированы повторно по запросу для сверки с подписанными"), index);
    BOOST_TEST(!contains(index, "повторно не оформляется"), index);
}

// --date dates what the package issues (the new edition's order), not the pairs order the data
// record: before, `--date` printed 72-од under the new date.
BOOST_AUTO_TEST_CASE(date_does_not_redate_a_recorded_act) {
    const auto out = fresh("date");
    const auto run = e2e::nastavnik({"generate", compliant, "--as-of", "2026-12-05", "--date", "2026-12-07", "--reissue",
                                     "--format", "docx", "--only", "prikaz-pary", "--only", "prikaz-polozhenie",
                                     "--out", out.string()});
    BOOST_REQUIRE_MESSAGE(run.exit_code == 0, run.err);
    const std::string pairs = text_of(out / "Приказ о закреплении наставнических пар (групп).docx");
    BOOST_TEST(contains(pairs, "08.09.2026"), pairs);
    BOOST_TEST(!contains(pairs, "07.12.2026"), pairs);
    const std::string approval = text_of(out / "Приказ об утверждении Положения о системе наставничества.docx");
    BOOST_TEST(contains(approval, "07.12.2026"), approval);
}

// The new edition repeals the Положение the running documents were made under: the order says
// they stay in force (reader E of 7.12.2026, 4), and lists only those the data hold.
BOOST_AUTO_TEST_CASE(the_new_edition_keeps_in_force_what_runs_under_the_old) {
    const auto out = fresh("kept");
    const auto run = e2e::nastavnik({"generate", compliant, "--as-of", "2026-12-07", "--only", "prikaz-polozhenie",
                                     "--format", "docx", "--out", out.string()});
    BOOST_REQUIRE_MESSAGE(run.exit_code == 0, run.err);
    const std::string order = plain(text_of(out / "Приказ об утверждении Положения о системе наставничества.docx"));
    BOOST_TEST(contains(order, "4. Установить, что документы, оформленные в соответствии с Положением, утверждённым "
                               "приказом от 31.08.2022 № 78‑од, действуют до окончания их сроков:\n"
                               "— дорожная карта (план мероприятий) на 2026/2027 учебный год, утверждённая приказом от "
                               "26.08.2026 № 66‑од;\n— персонализированные программы наставничества;\n— письменные "
                               "согласия наставников и наставляемых;\n— дополнительные соглашения к трудовым договорам о "
                               "выполнении работы по наставничеству.\n5. "),
               order);
    // СОШ № 42 runs no programme and has no roadmap: nothing to keep, no item.
    const auto none = fresh("kept-none");
    const auto run42 = e2e::nastavnik({"generate", std::string(NASTAVNIK_SOURCE_DIR) + "/samples/barnaul-school-42.json",
                                       "--as-of", "2026-12-07", "--only", "prikaz-polozhenie", "--force", "--format",
                                       "docx", "--out", none.string()});
    BOOST_REQUIRE_MESSAGE(run42.exit_code == 0, run42.err);
    const std::string order42 = text_of(none / "Приказ об утверждении Положения о системе наставничества.docx");
    BOOST_TEST(contains(order42, "Признать утратившим силу"), order42);
    BOOST_TEST(!contains(order42, "действуют до окончания"), order42);
}

// The pairs order's acknowledgements follow its text: the curator, then each row of the table,
// its mentor (once) and its mentees (reader E of 7.12.2026, 7: the staff list's order was none);
// the order appointing the mentors is cited by what it did when its title is not recorded (8).
BOOST_AUTO_TEST_CASE(the_pairs_order_lists_its_people_as_its_table) {
    const auto out = fresh("pairs");
    const auto run = e2e::nastavnik({"generate", compliant, "--as-of", "2026-12-07", "--only", "prikaz-pary",
                                     "--reissue", "--format", "docx", "--out", out.string()});
    BOOST_REQUIRE_MESSAGE(run.exit_code == 0, run.err);
    const std::string order = plain(text_of(out / "Приказ о закреплении наставнических пар (групп).docx"));
    BOOST_TEST(contains(order, "приказом от 03.09.2026 № 71‑од о назначении наставников, статьёй 351.8"), order);
    const auto signed_at = order.find("С приказом ознакомлены:");
    BOOST_REQUIRE(signed_at != std::string::npos);
    std::size_t at = signed_at;
    for (const char* name : {"И.Л. Афанасьева", "Г.Ф. Лаптева", "К.О. Савельева", "Р.С. Кудрявцев", "Д.А. Прохоров",
                             "В.П. Баранов", "А.Р. Блинова", "В.А. Носкова", "В.М. Лукина", "У.Д. Комарова",
                             "Т.А. Жуков"}) {
        const auto next = order.find(std::string(name) + "\t", at);
        BOOST_TEST(next != std::string::npos, name << " after the one before it\n" << order.substr(signed_at));
        if (next != std::string::npos) at = next;
    }
    BOOST_TEST(order.find("\t", at + 1) != std::string::npos);
}

// A curator appointed against the Положение (not a deputy, though the organisation has one) is not
// charged with the new edition: the deputy is (reader D of 7.12.2026, M5).
BOOST_AUTO_TEST_CASE(a_curator_appointed_against_the_polozhenie_is_not_charged) {
    const auto out = fresh("lastochka");
    const auto run = e2e::nastavnik({"generate", std::string(NASTAVNIK_SOURCE_DIR) + "/samples/lastochka.json",
                                     "--as-of", "2026-12-07", "--only", "prikaz-polozhenie", "--force", "--format",
                                     "docx", "--out", out.string()});
    BOOST_REQUIRE_MESSAGE(run.exit_code == 0, run.err);
    const std::string order = plain(text_of(out / "Приказ об утверждении Положения о наставничестве.docx"));
    BOOST_TEST(contains(order, "И.В. Ковалёвой, заместителю заведующего по воспитательной и методической работе, "
                               "ознакомить педагогических работников"), order);
    BOOST_TEST(!contains(order, "Морозов"), order);
    // The approval order appoints the deputy in her place and repeals her order; the inventory says so (reader G, 3).
    const auto all = fresh("lastochka-all");
    const auto run_all = e2e::nastavnik({"generate", std::string(NASTAVNIK_SOURCE_DIR) + "/samples/lastochka.json",
                                         "--as-of", "2026-12-07", "--force", "--format", "docx", "--out", all.string()});
    BOOST_REQUIRE_MESSAGE(run_all.exit_code == 0, run_all.err);
    const std::string index = plain(e2e::slurp(all / "Состав пакета.txt"));
    BOOST_TEST(contains(index, "Приказ о назначении куратора от 25.08.2023 № 46-о признаётся утратившим силу приказом об "
                               "утверждении Положения в новой редакции, которым куратором назначается заместитель "
                               "заведующего по воспитательной и методической работе И.В. Ковалёва."),
               index);
}

BOOST_AUTO_TEST_SUITE_END()
