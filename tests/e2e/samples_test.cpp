// End to end on the bundled samples: `check` says what is true of each, `generate` writes
// documents that carry the organisation's name, no unfilled tag, and open in python-docx
// and (where installed) LibreOffice.

#include "cli_runner.hpp"

#include "nastavnik/docx/template.hpp"

#include <boost/test/unit_test.hpp>

namespace {

const char* const as_of = "2023-11-01";            // the defective samples' academic year
const char* const compliant_as_of = "2026-11-22";  // the compliant sample's (fixed: tests must not age)

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

std::filesystem::path fresh_dir(const std::string& name) {
    const std::filesystem::path dir = std::filesystem::path(NASTAVNIK_TEST_TMP) / name;
    std::filesystem::remove_all(dir);
    return dir;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(samples)

BOOST_AUTO_TEST_CASE(compliant_sample_is_compliant) {
    const auto run = e2e::nastavnik({"check", "samples/barnaul-gymnasium-compliant.json", "--as-of", compliant_as_of});
    BOOST_TEST(run.exit_code == 0, run.out << run.err);
    BOOST_TEST(contains(run.out, "Заключение: нарушений обязательных требований не выявлено."));
    // The first lines say which levels of requirements applied, and which did not.
    BOOST_TEST(contains(run.out, "Уровни требований:\n  федеральный — применён: federal-az-1128 (версия 2.0); pd-152 (версия 1.0); "
                                 "tk-351-8 (версия 1.0)\n  региональный — не применён: для региона «Алтайский край» наборов правил нет\n"),
               run.out);
    BOOST_TEST(run.err.empty());
}

BOOST_AUTO_TEST_CASE(json_report_is_deterministic_and_parsable) {
    const auto a = e2e::nastavnik({"check", "samples/lastochka.json", "--as-of", as_of, "--format", "json"});
    const auto b = e2e::nastavnik({"check", "samples/lastochka.json", "--as-of", as_of, "--format", "json"});
    BOOST_TEST(a.exit_code == 1);
    BOOST_TEST(a.out == b.out);
    BOOST_TEST(contains(a.out, "\"format\": \"nastavnik.check/2\""));
    BOOST_TEST(contains(a.out, "\"code\": \"нарушения\""));
    BOOST_TEST(contains(a.out, "\"compliant\": false"));
    const auto file = std::filesystem::path(NASTAVNIK_TEST_TMP) / "check.json";
    std::ofstream(file) << a.out;
    const auto py = e2e::shell("/usr/bin/python3 -c \"import json,sys; d=json.load(open(sys.argv[1])); "
                               "assert d['summary']['violated'] > 0; assert len(d['findings']) == d['summary']['checks']\" " +
                               e2e::quote(file.string()));
    BOOST_TEST(py.exit_code == 0, py.out);
}

BOOST_AUTO_TEST_CASE(generate_writes_both_documents_filled) {
    const auto out = fresh_dir("gen-compliant");
    const auto run = e2e::nastavnik({"generate", "--reissue", "samples/barnaul-gymnasium-compliant.json", "--as-of", compliant_as_of, "--out", out.string(),
                                     "--format", "docx"});
    BOOST_TEST(run.exit_code == 0, run.err);
    std::size_t files = 0;
    for (const auto& e : std::filesystem::directory_iterator(out)) {
        if (e.path().extension() != ".docx") continue;  // the package's index
        ++files;
        const std::string bytes = e2e::slurp(e.path());
        const std::string text = nastavnik::docx::document_text(bytes);
        BOOST_TEST(!contains(text, "{{"), e.path());
        BOOST_TEST(!contains(text, "}}"), e.path());
        BOOST_TEST((contains(text, "ПРИКАЗ") || contains(text, "ПОЛОЖЕНИЕ") || contains(text, "СОГЛАСИЕ") ||
                    contains(text, "ДОРОЖНАЯ КАРТА") || contains(text, "ПРОГРАММА НАСТАВНИЧЕСТВА") ||
                    contains(text, "АНАЛИТИЧЕСКАЯ СПРАВКА") || contains(text, "АНКЕТА") ||
                    contains(text, "ДОПОЛНИТЕЛЬНОЕ СОГЛАШЕНИЕ")), e.path());
        // The organisation, its short name bound where it must not break.
        BOOST_TEST((contains(text, "Октябрьского района") || contains(text, "Октябрьского\u00A0района")), e.path());
        // NBSP after № (ГОСТ Р 7.0.97); a questionnaire or a consent is not registered and has no number.
        if (!contains(text, "АНКЕТА") && !contains(text, "СОГЛАСИЕ")) BOOST_TEST(contains(text, "№\u00A0"), e.path());
        BOOST_TEST(!contains(text, "№ "), e.path());
        // python-docx must open it (installed by scripts/install-deps.sh).
        const auto py = e2e::shell("/usr/bin/python3 -c \"import docx,sys; d=docx.Document(sys.argv[1]); "
                                   "print(sum(len(p.text) for p in d.paragraphs))\" " + e2e::quote(e.path().string()));
        BOOST_TEST(py.exit_code == 0, py.out);
    }
    // Положение, three orders, the roadmap, a consent and a supplementary agreement (ст. 351.8 ТК
    // РФ) per each of the 4 mentors, a consent per each of the 6 mentees, a programme per each of
    // the 3 pairs and 1 group, the monitoring report; 11 questionnaires.
    BOOST_TEST(files == 35u);  // 24 documents and 11 questionnaires
    BOOST_TEST(std::filesystem::exists(out / "Состав пакета.txt"));
    // The curator is named in the accusative, with the position declined too — in the order of
    // its own, since the sample records one; the order approving the Положение does not appoint
    // the curator a second time.
    const std::string curator = nastavnik::docx::document_text(e2e::slurp(out / "Приказ о назначении куратора.docx"));
    BOOST_TEST(contains(curator, "1. Назначить куратором реализации программ наставничества педагогических работников "
                                 "заместителя директора по научно-методической работе Афанасьеву Ирину Леонидовну."),
               curator);
    BOOST_TEST(contains(curator, "№\u00A066‑од"), curator);
    const std::string order = nastavnik::docx::document_text(
        e2e::slurp(out / "Приказ об утверждении Положения о системе наставничества.docx"));
    BOOST_TEST(!contains(order, "куратором"), order);
    // The Положение of 2022 is in the package of 2026 in a new edition, which repeals it.
    BOOST_TEST(contains(order, "2. Ввести Положение в новой редакции в действие с 22.11.2026."), order);
    // Under the title it was approved with (reader of 7.12.2026, A17).
    BOOST_TEST(contains(order, "3. Признать утратившим силу с 22.11.2026 Положение о системе наставничества "
                               "педагогических работников, утверждённое приказом от 31.08.2022 №\u00A078‑од."), order);
    // What runs under the repealed edition stays in force (reader E of 7.12.2026, 4).
    BOOST_TEST(contains(order, "4. Установить, что документы, оформленные в соответствии с Положением, утверждённым "
                               "приказом от 31.08.2022 №\u00A078‑од, действуют до окончания их сроков:"), order);
    BOOST_TEST(contains(order, "6. Контроль за исполнением настоящего приказа оставляю за собой."), order);
}

BOOST_AUTO_TEST_CASE(generation_is_byte_identical_across_runs) {
    const auto a = fresh_dir("det-a");
    const auto b = fresh_dir("det-b");
    BOOST_REQUIRE(e2e::nastavnik({"generate", "samples/barnaul-gymnasium-compliant.json", "--as-of", compliant_as_of, "--out", a.string()}).exit_code == 0);
    BOOST_REQUIRE(e2e::nastavnik({"generate", "samples/barnaul-gymnasium-compliant.json", "--as-of", compliant_as_of, "--out", b.string()}).exit_code == 0);
    for (const auto& e : std::filesystem::directory_iterator(a)) {
        BOOST_TEST(e2e::slurp(e.path()) == e2e::slurp(b / e.path().filename()), e.path().filename());
    }
}

BOOST_AUTO_TEST_CASE(generation_is_refused_on_error_level_violations) {
    const auto out = fresh_dir("gen-refused");
    const auto run = e2e::nastavnik({"generate", "samples/lastochka.json", "--as-of", as_of, "--out", out.string()});
    BOOST_TEST(run.exit_code == 2);
    BOOST_TEST(contains(run.err, "документы не сформированы"));
    BOOST_TEST(contains(run.err, "--force"));
    BOOST_TEST(!std::filesystem::exists(out), "nothing may be written");
    const auto forced = e2e::nastavnik({"generate", "samples/lastochka.json", "--as-of", as_of, "--out", out.string(), "--force"});
    BOOST_TEST(forced.exit_code == 0, forced.err);
    BOOST_TEST(contains(forced.out, "Внимание"));
}

// An order is signed on a working day: a package dated by a Sunday says so, and --date sets the
// date new documents bear (review of 7.12.2026). The order approving the new edition of the
// Положение is new; the curator order of 26.08.2026 is issued and not drawn again.
BOOST_AUTO_TEST_CASE(documents_dated_by_a_day_off_are_pointed_out) {
    const auto out = fresh_dir("gen-sunday");
    const auto sunday = e2e::nastavnik({"generate", "samples/barnaul-gymnasium-compliant.json", "--as-of", "2026-12-06", "--only",
                                        "prikaz-polozhenie", "--format", "docx", "--out", out.string()});
    BOOST_TEST(sunday.exit_code == 0, sunday.err);
    BOOST_TEST(contains(sunday.out, "Внимание: новые документы датированы 06.12.2026, а это выходной или праздничный день"),
               sunday.out);
    const auto monday = e2e::nastavnik({"generate", "samples/barnaul-gymnasium-compliant.json", "--as-of", "2026-12-06", "--date",
                                        "2026-12-07", "--only", "prikaz-polozhenie", "--format", "docx", "--out", out.string()});
    BOOST_TEST(monday.exit_code == 0, monday.err);
    BOOST_TEST(!contains(monday.out, "выходной"), monday.out);
}

// Three years on, the programme of 2023/2024 that lasted too long is history: the справка and the
// act take it into account and do not ask it put right, so it refuses no package; the curator
// who is not a deputy still does (review of 7.12.2026).
BOOST_AUTO_TEST_CASE(history_refuses_no_package) {
    const auto out = fresh_dir("gen-refused-later");
    const auto run = e2e::nastavnik({"generate", "samples/lastochka.json", "--as-of", "2026-12-07", "--out", out.string()});
    BOOST_TEST(run.exit_code == 2);
    BOOST_TEST(contains(run.err, "нарушают обязательные требования (1)"), run.err);
    BOOST_TEST(contains(run.err, "FED-CUR-02"), run.err);
    BOOST_TEST(!contains(run.err, "FED-PRG-02"), run.err);
    const auto then = e2e::nastavnik({"generate", "samples/lastochka.json", "--as-of", "2024-02-01", "--out", out.string()});
    BOOST_TEST(then.exit_code == 2);
    BOOST_TEST(contains(then.err, "FED-PRG-02"), then.err);  // in its own year, it is to put right
}

BOOST_AUTO_TEST_CASE(libreoffice_reads_the_documents_back) {
    if (e2e::shell("command -v soffice").exit_code != 0) {
        BOOST_TEST_MESSAGE("soffice is not installed: LibreOffice check skipped");
        return;
    }
    const auto out = fresh_dir("gen-lo");
    BOOST_REQUIRE(e2e::nastavnik({"generate", "--reissue", "samples/barnaul-gymnasium-compliant.json", "--as-of", compliant_as_of, "--out", out.string()}).exit_code == 0);
    const auto txt = fresh_dir("gen-lo-txt");
    // UTF-8 whatever the locale: the plain "Text" filter writes the locale's charset, and where
    // LANG is unset (a fresh Debian, a minimal container) every Cyrillic letter became «?».
    const auto conv = e2e::shell("cd " + e2e::quote(out.string()) + " && soffice --headless -env:UserInstallation=file://" +
                                 std::string(NASTAVNIK_TEST_TMP) + "/lo-profile --convert-to 'txt:Text (encoded):UTF8' --outdir " +
                                 e2e::quote(txt.string()) + " *.docx");
    BOOST_REQUIRE_MESSAGE(conv.exit_code == 0, conv.out);
    std::size_t files = 0;
    for (const auto& e : std::filesystem::directory_iterator(txt)) {
        ++files;
        const std::string text = e2e::slurp(e.path());
        // The organisation, as LibreOffice reads it.
        BOOST_TEST((contains(text, "Октябрьского района") || contains(text, "Октябрьского\u00A0района")), e.path());
        BOOST_TEST(!contains(text, "{{"), e.path());
    }
    BOOST_TEST(files == 35u);  // 24 documents and 11 questionnaires
}

BOOST_AUTO_TEST_CASE(the_auditors_act_lists_violations_with_citations) {
    const auto act = std::filesystem::path(NASTAVNIK_TEST_TMP) / "act.docx";
    std::filesystem::remove(act);
    const auto run = e2e::nastavnik({"check", "samples/lastochka.json", "--as-of", as_of, "--act", act.string()});
    BOOST_TEST(run.exit_code == 1);
    const std::string text = nastavnik::docx::document_text(e2e::slurp(act));
    BOOST_TEST(contains(text, "наставничества педагогических работников\nв МКДОУ «Детский сад «Ласточка»"), text);
    BOOST_TEST(contains(text, "Сведения проверены по состоянию на 01.11.2023."), text);
    // No requisites given: lines to fill in by hand, never a placeholder.
    BOOST_TEST(contains(text, "СПРАВКА\n______________\n(дата)\n№\u00A0________"), text);
    BOOST_TEST(contains(text, "1. Основание проверки: ______"), text);
    // Errors first, then recommendations, then what could not be assessed; people named.
    const auto errors = text.find("6.1. Нарушения обязательных требований:");
    const auto advice = text.find("6.2. Рекомендации:");
    const auto unknown = text.find("6.3. Не оценивалось (нет сведений):");
    BOOST_TEST((errors != std::string::npos && errors < advice && advice < unknown && unknown != std::string::npos), text);
    BOOST_TEST(contains(text, "Куратор реализации программ наставничества Е.А.\u00A0Морозова (старший воспитатель) назначена не из числа заместителей руководителя."), text);
    // Her consent is missing (6.2 says so): no second row lacking its date (review 5, B4), and
    // item 6 counts the rows printed — it said «— 2» over a table of one row (review 6, A-1).
    BOOST_TEST(!contains(text, "Лебедева: нет сведений"), text);
    BOOST_TEST(contains(text, "не оценено из-за отсутствия сведений\u00A0— 1.\n"), text);
    BOOST_TEST(contains(text, "Требование и основание\n1\nПрограмма наставника О.И.\u00A0Лебедевой и наставляемого М.Е.\u00A0Крылова: "
                              "сведения о целях программы не представлены."), text);
    const std::string unknown_rows = text.substr(unknown, text.find("7. Выводы") - unknown);
    BOOST_TEST(!contains(unknown_rows, "\n2\n"), unknown_rows);
    // The head named, in the dative (review of 7.12.2026, B23); the blank year as in every document.
    BOOST_TEST(contains(text, "заведующему МКДОУ «Детский сад «Ласточка» С.Н.\u00A0Беловой устранить нарушения, указанные в подпункте 6.1, "
                              "в срок до «___» ____________ 20___\u00A0г."), text);
    // The violation cites the clause of the Положение that binds, as a lawyer writes it; the
    // mentor's missing consent rests on the Ministry's recommendations only: a recommendation.
    BOOST_TEST(contains(text, "Основание: п.\u00A04.1.2 Положения о системе наставничества педагогических работников в "
                              "муниципальных образовательных организациях города Барнаула, утверждённого приказом комитета"), text);
    BOOST_TEST(contains(text, "6.2. Рекомендации:\n№\nВыявлено\nТребование и основание\n1\nНаставник О.И.\u00A0Лебедева не давала"),
               text);
    // That long title once, then its short name (review 5, C1).
    const auto full = text.find("утверждённого приказом комитета по образованию города Барнаула");
    BOOST_TEST(text.find("утверждённого приказом комитета по образованию города Барнаула", full + 1) == std::string::npos, text);
    BOOST_TEST(contains(text, "(далее — Положение №\u00A0127)"), text);
    // The head signs under her organisation's name: the act is the inspecting body's, not on the
    // organisation's blank; information on the remedy goes to that body (reader H of 8.12.2026, F12).
    BOOST_TEST(contains(text, "Со справкой ознакомлена:\nЗаведующий МКДОУ «Детский сад «Ласточка»\n____________\nС.Н.\u00A0Белова"),
               text);
    BOOST_TEST(contains(text, "и представить информацию об их устранении в орган, проводивший проверку"), text);
    // The acts checked, named whole as a list names them (a law by its kind, date, number and
    // title; an order with its own title, not with the act it rests on), by force: law, the
    // Ministry's recommendations, the municipal act.
    BOOST_TEST(contains(text, "Проверено соблюдение требований и рекомендаций следующих документов:\n— Федеральный закон от 27.07.2006 №\u00A0152\u2011ФЗ «О "
                              "персональных данных»;\n— письмо Министерства просвещения Российской Федерации от 21.12.2021 "
                              "№\u00A0АЗ\u20111128/08 «О направлении методических рекомендаций"), text);
    BOOST_TEST(contains(text, "— приказ комитета по образованию города Барнаула от 27.07.2022 №\u00A0127 «Об утверждении Положения о "
                              "системе наставничества педагогических работников в муниципальных образовательных организациях "
                              "города Барнаула»."), text);
    BOOST_TEST(!contains(text, "изданный в соответствии"), text);
    // What the JSON report shows for machines stays out of the document.
    for (const char* internal : {"FED-", "BRN-", "mentors[", "curator]", "consent_date", "(а)", "{{"}) {
        BOOST_TEST(!contains(text, internal), internal);
    }
}

BOOST_AUTO_TEST_CASE(the_act_carries_the_inspecting_bodys_requisites) {
    const auto dir = std::filesystem::path(NASTAVNIK_TEST_TMP);
    const auto file = dir / "inspection.json";
    std::filesystem::remove(file);
    e2e::write(file, R"({
  "format": "nastavnik.inspection/1",
  "body": "Комитет по образованию города Барнаула",
  "number": "47-п",
  "date": "2023-11-10",
  "basis": "приказ комитета по образованию города Барнаула от 30.10.2023 № 1520 «О проведении плановой проверки»",
  "period": { "from": "2023-11-01", "to": "2023-11-08" },
  "inspector": { "surname": "Григорьева", "name": "Ольга", "patronymic": "Николаевна", "gender": "ж",
                 "position": "главный специалист отдела общего образования" }
})");
    const auto act = dir / "act-requisites.docx";
    // The file, and one of its fields given again on the command line: the command line wins.
    const auto run = e2e::nastavnik({"check", "samples/lastochka.json", "--as-of", as_of, "--act", act.string(),
                                     "--inspection", file.string(), "--inspection-deadline", "2023-12-15",
                                     "--inspection-place", "г. Барнаул"});
    BOOST_TEST(run.exit_code == 1, run.err);
    const std::string text = nastavnik::docx::document_text(e2e::slurp(act));
    BOOST_TEST(contains(text, "Комитет по образованию города Барнаула\nСПРАВКА\n10.11.2023\n№\u00A047\u2011п\nг."), text);
    BOOST_TEST(contains(text, "1. Основание проверки: приказ комитета по образованию города Барнаула от 30.10.2023 №\u00A01520 «О проведении плановой проверки»."), text);
    BOOST_TEST(contains(text, "2. Сроки проведения проверки: с 01.11.2023 по 08.11.2023."), text);
    // The inspector's body named with the position (review of 7.12.2026, B23).
    BOOST_TEST(contains(text, "3. Проверку провела главный специалист отдела общего образования комитета по образованию города "
                              "Барнаула О.Н.\u00A0Григорьева."), text);
    BOOST_TEST(contains(text, "в срок до 15.12.2023"), text);
    BOOST_TEST(contains(text, "Главный специалист отдела общего образования\n____________\nО.Н.\u00A0Григорьева"), text);

    // All of it from the command line; the gender from the patronymic.
    const auto act2 = dir / "act-requisites-cli.docx";
    const auto cli = e2e::nastavnik({"check", "samples/lastochka.json", "--as-of", as_of, "--act", act2.string(),
                                     "--inspection-body", "Комитет по образованию города Барнаула", "--inspector",
                                     "Петров Иван Сергеевич", "--inspector-position", "ведущий специалист"});
    BOOST_TEST(cli.exit_code == 1, cli.err);
    const std::string text2 = nastavnik::docx::document_text(e2e::slurp(act2));
    BOOST_TEST(contains(text2, "3. Проверку провёл ведущий специалист комитета по образованию города Барнаула И.С.\u00A0Петров."), text2);

    // A wrong date names the field; an inspector without a position is a usage error.
    const auto bad = e2e::nastavnik({"check", "samples/lastochka.json", "--as-of", as_of, "--act", act2.string(),
                                     "--inspection-date", "2023-02-30"});
    BOOST_TEST(bad.exit_code == 2);
    BOOST_TEST(contains(bad.err, "date"), bad.err);
    const auto no_position = e2e::nastavnik({"check", "samples/lastochka.json", "--as-of", as_of, "--act", act2.string(),
                                             "--inspector", "Петров Иван Сергеевич"});
    BOOST_TEST(no_position.exit_code == 2);
    BOOST_TEST(contains(no_position.err, "--inspector-position"), no_position.err);
}

// What concerns only programmes that ended before the year of the check cannot be put right:
// the act lists it apart, by its years, and asks to take it into account, as the analytical
// справка does — not «рассмотреть замечания, указанные в подпункте 6.2, и принять меры по их
// устранению» over a group of 2023/2024, nor to supply the goals of programmes of that year
// (review 6, item 7 of the act; R2, R3).
BOOST_AUTO_TEST_CASE(the_act_tells_ended_programmes_from_what_is_to_be_put_right) {
    const auto dir = fresh_dir("act-history");
    std::filesystem::create_directories(dir);
    const auto act = dir / "act.docx";
    const auto run = e2e::nastavnik({"check", "samples/barnaul-school-42.json", "--as-of", "2026-12-07", "--act", act.string(),
                                     "--inspection-deadline", "2027-01-25"});
    BOOST_TEST(run.exit_code == 1, run.err);
    const std::string text = nastavnik::docx::document_text(e2e::slurp(act));
    // Item 6 counts the rows of each table.
    BOOST_TEST(contains(text, "нарушений обязательных требований\u00A0— 1, замечаний\u00A0— 1, рекомендаций\u00A0— 0; в программах "
                              "наставничества, которые завершены, нарушений обязательных требований\u00A0— 0, замечаний\u00A0— 1; "
                              "не оценено из-за отсутствия сведений\u00A0— 5.\n"), text);
    const auto remarks = text.find("6.2. Замечания:\n");
    const auto ended = text.find("6.3. Замечания по программам наставничества 2023/2024 учебного года, которые завершены:\n");
    const auto unknown = text.find("6.4. Не оценивалось по программам наставничества 2023/2024 учебного года, которые завершены "
                                   "(нет сведений):\n");
    BOOST_TEST((remarks != std::string::npos && remarks < ended && ended != std::string::npos && ended < unknown &&
                unknown != std::string::npos), text);
    const auto group = text.find("Группа наставника М.В.\u00A0Ивановой состоит из одного наставляемого");
    BOOST_TEST((group > ended && group < unknown), text);
    BOOST_TEST(contains(text, "— директору МБОУ «СОШ №\u00A042» А.В.\u00A0Григорьеву рассмотреть замечание, указанное в подпункте 6.2, и принять меры "
                              "по его устранению в срок до 25.01.2027;\n— директору МБОУ «СОШ №\u00A042» А.В.\u00A0Григорьеву учесть при "
                              "закреплении наставнических "
                              "пар (групп) на 2026/2027 учебный год замечание по программам наставничества 2023/2024 учебного "
                              "года, которые завершены (подпункт 6.3).\n"), text);
    // A letter with methodological recommendations sets no requirement (review of 7.12.2026).
    BOOST_TEST(contains(text, "Проверено соблюдение требований и рекомендаций следующих документов:\n"), text);
    BOOST_TEST(!contains(text, "Акты, устанавливающие"), text);
    BOOST_TEST(contains(text, "устранить нарушение, указанное в подпункте 6.1, в срок до 25.01.2027 и представить информацию о его "
                              "устранении в орган, проводивший проверку;"), text);
    BOOST_TEST(!contains(text, "представить сведения"), text);  // nothing to supply for 2023/2024
    // The справка of the same day puts the same group with the history.
    const auto out = dir / "package";
    const auto gen = e2e::nastavnik({"generate", "samples/barnaul-school-42.json", "--as-of", "2026-12-07", "--force", "--only",
                                     "spravka", "--out", out.string(), "--format", "docx"});
    BOOST_TEST(gen.exit_code == 0, gen.err);
    const std::string report =
        nastavnik::docx::document_text(e2e::slurp(out / "Аналитическая справка о результатах мониторинга.docx"));
    // One group, named by its dates; the finding says what it is (issue 13).
    const auto history = report.find("по завершённой программе наставничества (04.09.2023 – 31.05.2024) выявлено:");
    const auto in_report = report.find("Замечание: группа наставника М.В.\u00A0Ивановой состоит");
    BOOST_TEST((history != std::string::npos && in_report > history), report);
}

// An act cannot state the organisation's condition on a day after it was signed (review 5, A3):
// without --as-of the data are checked on the last day of the inspection; a later --as-of, or an
// inspection that ends after the act's date, is an input error naming both fields, and no act.
BOOST_AUTO_TEST_CASE(the_act_is_never_dated_before_its_as_of_date) {
    const auto dir = fresh_dir("act-dates");
    std::filesystem::create_directories(dir);
    const auto file = dir / "inspection.json";
    e2e::write(file, R"({"format": "nastavnik.inspection/1", "number": "47-п", "date": "2023-11-10",
  "period": { "from": "2023-11-01", "to": "2023-11-08" }})");
    const auto act = dir / "act.docx";
    const auto run = e2e::nastavnik({"check", "samples/lastochka.json", "--act", act.string(), "--inspection", file.string()});
    BOOST_TEST(run.exit_code == 1, run.err);
    BOOST_TEST(contains(nastavnik::docx::document_text(e2e::slurp(act)), "Сведения проверены по состоянию на 08.11.2023."));
    std::filesystem::remove(act);

    const auto late = e2e::nastavnik({"check", "samples/lastochka.json", "--as-of", "2023-11-12", "--act", act.string(),
                                      "--inspection", file.string()});
    BOOST_TEST(late.exit_code == 2);
    BOOST_TEST(contains(late.err, "--as-of 12.11.2023 позже даты справки 10.11.2023 (поле «date» файла "), late.err);
    BOOST_TEST(!std::filesystem::exists(act));
    const auto cli = e2e::nastavnik({"check", "samples/lastochka.json", "--as-of", "2023-11-12", "--act", act.string(),
                                     "--inspection-date", "2023-11-11"});
    BOOST_TEST(cli.exit_code == 2);
    BOOST_TEST(contains(cli.err, "позже даты справки 11.11.2023 (--inspection-date)"), cli.err);
    const auto period = e2e::nastavnik({"check", "samples/lastochka.json", "--act", act.string(), "--inspection", file.string(),
                                        "--inspection-period", "2023-11-01..2023-11-14"});
    BOOST_TEST(period.exit_code == 2);
    BOOST_TEST(contains(period.err, "раньше последнего дня проверки 14.11.2023 (--inspection-period)"), period.err);
    BOOST_TEST(!std::filesystem::exists(act));
}

BOOST_AUTO_TEST_CASE(roadmap_deadlines_follow_the_academic_year) {
    const auto out = fresh_dir("gen-roadmap");
    const auto run = e2e::nastavnik({"generate", "--reissue", "samples/barnaul-gymnasium-compliant.json", "--as-of", compliant_as_of,
                                     "--only", "dorozhnaya-karta", "--out", out.string()});
    BOOST_TEST(run.exit_code == 0, run.err);
    const std::string text = nastavnik::docx::document_text(
        e2e::slurp(out / "Дорожная карта по реализации Положения о системе наставничества.docx"));
    // Approved 26.08.2026 over the summer: it plans the coming year.
    BOOST_TEST(contains(text, "на 2026/2027 учебный год"), text);
    // The гриф cites the order that approved the roadmap (approved_by: the curator's order № 66-од).
    BOOST_TEST(contains(text, "УТВЕРЖДЕНА\nприказом МБУ\u00A0ДО\u00A0«ЦДТ\u00A0Октябрьского\u00A0района»\nот 26.08.2026 №\u00A066‑од"), text);
    // The programmes' own period (they start on the day of the order fixing the pairs, FED-PRG-03).
    // The Положение of 2022 is in the package in a new edition by an order of the package's date, 22
    // November: a plan approved on 26 August does not hold that order (reader of 7.12.2026).
    BOOST_TEST(contains(text, "8\u00A0сентября\u00A02026\u00A0г.\u00A0– 31\u00A0мая\u00A02027\u00A0г."), text);
    BOOST_TEST(contains(text, "Куратор И.Л.\u00A0Афанасьева"), text);
    BOOST_TEST(!contains(text, "в новой редакции"), text);
    BOOST_TEST(!contains(text, "Актуализация Положения"), text);
    BOOST_TEST(!contains(text, "Изменения в Положение"), text);
}

BOOST_AUTO_TEST_CASE(a_consent_per_mentor_in_the_right_cases) {
    const auto out = fresh_dir("gen-consents");
    const auto run = e2e::nastavnik({"generate", "--reissue", "samples/lastochka.json", "--as-of", as_of, "--force",
                                     "--only", "soglasie-nastavnika", "--out", out.string(), "--format", "docx"});
    BOOST_TEST(run.exit_code == 0, run.err);
    const std::string signed_ = nastavnik::docx::document_text(e2e::slurp(out / "Согласие наставника Кузнецовой Т.П.docx"));
    BOOST_TEST(contains(signed_, "Заведующему МКДОУ\u00A0«Детский\u00A0сад\u00A0«Ласточка»\nС.Н.\u00A0Беловой\nот воспитателя\nКузнецовой Татьяны Петровны"), signed_);
    BOOST_TEST(contains(signed_, "Я, Кузнецова Татьяна Петровна, воспитатель, даю согласие"), signed_);
    BOOST_TEST(contains(signed_, "«30» августа 2023\u00A0г."), signed_);
    // No consent recorded (null): a blank form to sign, not an invented date.
    const std::string blank = nastavnik::docx::document_text(e2e::slurp(out / "Согласие наставника Лебедевой О.И.docx"));
    BOOST_TEST(contains(blank, "«___» ____________ 20___\u00A0г."), blank);
    std::size_t files = 0;
    for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(out)) ++files;
    BOOST_TEST(files == 6u);  // 5 consents and the index
}

BOOST_AUTO_TEST_CASE(order_on_pairs_has_a_row_per_pair_and_group) {
    const auto out = fresh_dir("gen-pairs");
    const auto run = e2e::nastavnik({"generate", "--reissue", "samples/barnaul-gymnasium-compliant.json", "--as-of", compliant_as_of,
                                     "--only", "prikaz-pary", "--out", out.string(), "--format", "docx"});
    BOOST_TEST(run.exit_code == 0, run.err);
    std::size_t files = 0;
    for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(out)) ++files;
    BOOST_TEST(files == 2u);  // the order and the index
    const std::string text = nastavnik::docx::document_text(e2e::slurp(out / "Приказ о закреплении наставнических пар (групп).docx"));
    BOOST_TEST(contains(text, "№\u00A072‑од"), text);  // the recorded order fixing the pairs
    BOOST_TEST(contains(text, "Лаптева Галина Фёдоровна, педагог дополнительного образования"), text);
    BOOST_TEST(contains(text, "08.09.2026 – 31.05.2027"), text);
    // The group's three mentees, one paragraph each, in the fourth row.
    BOOST_TEST(contains(text, "Лукина Валерия Максимовна, педагог-организатор\nКомарова Ульяна Дмитриевна"), text);
    BOOST_TEST(contains(text, "Куратору реализации программ наставничества И.Л.\u00A0Афанасьевой"), text);
    const auto bad = e2e::nastavnik({"generate", "samples/barnaul-gymnasium-compliant.json", "--only", "prikaz-xyz", "--out", out.string()});
    BOOST_TEST(bad.exit_code == 2);
    BOOST_TEST(contains(bad.err, "--only: нет вида документа «prikaz-xyz»"));
}

BOOST_AUTO_TEST_SUITE_END()
