// A mentor who signs her consent and agreement after her programme began (reader G of 7.12.2026,
// 2: ЦДТ № 3, В.Н. Иванова, no consent and no agreement in a pair fixed by the order of 08.09.2026).
// Her consent and agreement run from their signing, not from the programme's start; the order
// fixing her pair, issued before, set no pay for her, so the package holds the order that amends
// it, and the inventory says so. The compliant sample's Г.Ф. Лаптева is made such a mentor here.

#include "late_mentor.hpp"

#include "e2e/cli_runner.hpp"

#include "nastavnik/docx/template.hpp"

#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
#include <string>
#include <utility>
#include <vector>

namespace fs = std::filesystem;

namespace {

const fs::path source(NASTAVNIK_SOURCE_DIR);
using late_mentor::patched;
using late_mentor::without_laptevas;
const std::string amendment = "Приказ о внесении изменений в приказ о закреплении наставнических пар (групп).docx";

const std::string kudryavtsevs = "\"person\": \"c05\",\n      \"consent_date\": \"2026-09-01\",\n      \"appointed_by\": \"c-nast\",\n"
                                 "      \"labour_agreement\": {\n        \"date\": \"2026-09-03\",\n        \"number\": \"ДС-2\",\n"
                                 "        \"pay\": {\n          \"percent\": 10,\n          \"base\": \"должностного оклада\"\n"
                                 "        },\n        \"end\": \"2027-05-31\"\n      },";

fs::path package_of(const std::string& json, const std::string& name, const std::string& as_of, bool reissue = false) {
    const auto dir = fs::path(NASTAVNIK_TEST_TMP) / ("pay-amendment-" + name);
    fs::remove_all(dir);
    fs::create_directories(dir);
    const auto file = dir / "org.json";
    std::ofstream(file, std::ios::binary) << json;
    std::vector<std::string> args{"generate", file.string(), "--as-of", as_of, "--force", "--format", "docx",
                                  "--out", (dir / "out").string()};
    if (reissue) args.emplace_back("--reissue");
    const auto run = e2e::nastavnik(args);
    BOOST_REQUIRE_MESSAGE(run.exit_code == 0, run.err);
    return dir / "out";
}

std::string text_of(const fs::path& file) {
    BOOST_REQUIRE_MESSAGE(fs::exists(file), file);
    return nastavnik::docx::document_text(e2e::slurp(file));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(pay_amendment)

// Signed after the programme began (as of 22.11.2026, the programme from 08.09.2026): from the
// signing. Drawn before it began or on its first day: from that day, as before.
BOOST_AUTO_TEST_CASE(a_consent_and_an_agreement_drawn_after_the_start_run_from_their_signing) {
    const auto late = package_of(without_laptevas(), "late", "2026-11-22");
    const std::string consent = text_of(late / "Согласие наставника Лаптевой Г.Ф.docx");
    BOOST_TEST(consent.find("; срок\u00A0— со дня подписания настоящего согласия по\u00A031.05.2027.\n") != std::string::npos,
               consent);
    BOOST_TEST(consent.find("08.09.2026") == std::string::npos, consent);
    const std::string agreement = text_of(late / "Дополнительное соглашение с Лаптевой Г.Ф.docx");
    BOOST_TEST(agreement.find("\n4. Срок выполнения работы по наставничеству: со дня подписания настоящего "
                              "дополнительного соглашения по 31.05.2027.\n") != std::string::npos, agreement);
    BOOST_TEST(agreement.find("вступает в силу со дня его подписания") != std::string::npos, agreement);
    BOOST_TEST(agreement.find("08.09.2026") == std::string::npos, agreement);

    // The day before the start, and the start itself.
    for (const char* as_of : {"2026-09-07", "2026-09-08"}) {
        const auto on_time = package_of(without_laptevas(), std::string("on-time-") + as_of, as_of);
        BOOST_TEST_CONTEXT(as_of) {
            const std::string c = text_of(on_time / "Согласие наставника Лаптевой Г.Ф.docx");
            BOOST_TEST(c.find("; срок\u00A0— с\u00A008.09.2026 по\u00A031.05.2027.\n") != std::string::npos, c);
            const std::string a = text_of(on_time / "Дополнительное соглашение с Лаптевой Г.Ф.docx");
            BOOST_TEST(a.find("\n4. Срок выполнения работы по наставничеству: с 08.09.2026 по 31.05.2027.\n") !=
                           std::string::npos, a);
        }
    }
    // A consent and an agreement recorded before the start keep its date, drawn again for comparison.
    const auto reissued = package_of(without_laptevas(), "late-reissued", "2026-11-22", true);
    BOOST_TEST(text_of(reissued / "Согласие наставника Кудрявцева Р.С.docx").find("; срок\u00A0— с\u00A008.09.2026 по") !=
               std::string::npos);
    BOOST_TEST(text_of(reissued / "Дополнительное соглашение с Кудрявцевым Р.С.docx")
                   .find("\n4. Срок выполнения работы по наставничеству: с 08.09.2026 по 31.05.2027.\n") != std::string::npos);
}

// The order of 08.09.2026 № 72-од, issued, sets the pay of the mentors with an agreement by then:
// Лаптева's, made now, is added to its item on the pay by an order of the package's date.
BOOST_AUTO_TEST_CASE(the_recorded_pairs_order_is_amended_for_a_mentor_whose_agreement_comes_after_it) {
    const auto out = package_of(without_laptevas(), "order", "2026-11-22", true);
    const std::string order = text_of(out / amendment);
    BOOST_TEST(order.find("ПРИКАЗ\n22.11.2026\n№\u00A0________\n") != std::string::npos, order);
    BOOST_TEST(order.find("\nО внесении изменений в приказ от 08.09.2026 №\u00A072‑од «О закреплении наставнических пар "
                          "(групп)»\n") != std::string::npos, order);
    BOOST_TEST(order.find("В соответствии со статьёй\u00A0351.8 Трудового кодекса Российской Федерации, Положением о "
                          "системе наставничества педагогических работников") != std::string::npos, order);
    BOOST_TEST(order.find("на основании дополнительного соглашения к трудовому договору с наставником Г.Ф.\u00A0Лаптевой о "
                          "выполнении работы по наставничеству\nПРИКАЗЫВАЮ:\n") != std::string::npos, order);
    // Item 4 of that order sets the pay (item 3 orders her agreement), as its copy for comparison numbers it.
    BOOST_TEST(order.find("\n1. Дополнить пункт 4 приказа от 08.09.2026 №\u00A072‑од «О закреплении наставнических пар "
                          "(групп)» абзацем следующего содержания:\n«— Г.Ф.\u00A0Лаптевой\u00A0— ______ рублей в месяц "
                          "(дополнительное соглашение от «___» ____________ 20___\u00A0г. №\u00A0________).».\n") !=
                   std::string::npos, order);
    const std::string pairs = text_of(out / "Приказ о закреплении наставнических пар (групп).docx");
    BOOST_TEST(pairs.find("\n4. Установить наставникам на срок реализации") != std::string::npos, pairs);
    BOOST_TEST(order.find("\n2. Главному бухгалтеру производить выплату, установленную абзацем, внесённым пунктом 1 "
                          "настоящего приказа,") != std::string::npos, order);
    BOOST_TEST(order.find("\n3. Заместителю директора по научно-методической работе И.Л.\u00A0Афанасьевой") != std::string::npos, order);
    BOOST_TEST(order.find("в срок до 25.11.2026 ознакомить с настоящим приказом под подпись наставника Г.Ф.\u00A0Лаптеву и "
                          "главного бухгалтера.\n4. Контроль за исполнением настоящего приказа оставляю за собой.\n") !=
                   std::string::npos, order);
    BOOST_TEST(order.find("С приказом ознакомлены:\n") != std::string::npos, order);
    BOOST_TEST(order.find("Г.Ф.\u00A0Лаптева\t") != std::string::npos, order);
    // The chief accountant item 3 names signs too, by position (reader H of 8.12.2026, L5).
    BOOST_TEST(order.find("\nГлавный бухгалтер\t") != std::string::npos, order);
    // Nothing of the machine: no tag, no variable, no id, no ISO date.
    BOOST_TEST(order.find("{{") == std::string::npos, order);
    BOOST_TEST(order.find('$') == std::string::npos, order);
    BOOST_TEST(order.find("c04") == std::string::npos, order);
    BOOST_TEST(!std::regex_search(order, std::regex(R"(\d{4}-\d{2}-\d{2})")), order);

    // The inventory lists it after the agreements, and says the recorded order is amended.
    const std::string index = e2e::slurp(out / "Состав пакета.txt");
    BOOST_TEST(index.find(". Приказ о внесении изменений в приказ о закреплении наставнических пар (групп) — " + amendment) !=
                   std::string::npos, index);
    BOOST_TEST(index.find("Дополнительное соглашение с Лаптевой") < index.find(amendment), index);
    const auto plain = package_of(without_laptevas(), "order-index", "2026-11-22");
    const std::string plain_index = e2e::slurp(plain / "Состав пакета.txt");
    BOOST_TEST(plain_index.find("Приказ о закреплении наставнических пар (групп) от 08.09.2026 № 72-од действует; повторно не "
                                "оформляется. Выплату наставнику Г.Ф.\u00A0Лаптевой, которой в нём нет, устанавливает приказ о "
                                "внесении в него изменений, включённый в пакет.\n") != std::string::npos, plain_index);
}

// Two such mentors, one with her agreement recorded for the package's day and its pay: one order,
// a line each, the recorded amount, date and number where the data have them.
BOOST_AUTO_TEST_CASE(one_order_names_every_such_mentor_with_what_the_data_record) {
    const std::string json = patched(
        {{late_mentor::laptevas, late_mentor::laptevas_not_made},
         {kudryavtsevs, "\"person\": \"c05\",\n      \"consent_date\": \"2026-11-20\",\n      \"appointed_by\": \"c-nast\",\n"
                        "      \"labour_agreement\": {\"date\": \"2026-11-22\", \"number\": \"ДС-9\", \"pay\": {\"amount\": 2500, "
                        "\"period\": \"месяц\"}},"}});
    const auto out = package_of(json, "two", "2026-11-22", true);
    const std::string order = text_of(out / amendment);
    BOOST_TEST(order.find("на основании дополнительных соглашений к трудовым договорам с наставниками Г.Ф.\u00A0Лаптевой и "
                          "Р.С.\u00A0Кудрявцевым о выполнении") != std::string::npos, order);
    BOOST_TEST(order.find("абзацами следующего содержания:\n«— Г.Ф.\u00A0Лаптевой\u00A0— ______ рублей в месяц (дополнительное "
                          "соглашение от «___» ____________ 20___\u00A0г. №\u00A0________);\n— Р.С.\u00A0Кудрявцеву\u00A0— "
                          "2\u00A0500 рублей в месяц (дополнительное соглашение от 22.11.2026 №\u00A0ДС‑9).».\n") !=
                   std::string::npos, order);
    BOOST_TEST(order.find("под подпись наставников Г.Ф.\u00A0Лаптеву и Р.С.\u00A0Кудрявцева и главного бухгалтера") !=
                   std::string::npos, order);
    // His consent of 20.11.2026 was given after the start: from its signing (drawn again for comparison).
    BOOST_TEST(text_of(out / "Согласие наставника Кудрявцева Р.С.docx").find("со дня подписания настоящего согласия") !=
               std::string::npos);
}

// No order where none is needed: every agreement made before the pairs order (the compliant
// sample), the pairs order not yet issued (the package draws it, with the item), programmes that
// have ended (СОШ № 42, Ласточка), or before ст. 351.8 ТК РФ.
BOOST_AUTO_TEST_CASE(no_amending_order_where_the_pairs_order_sets_every_pay) {
    const auto compliant = package_of(patched({}), "compliant", "2026-11-22", true);
    BOOST_TEST(!fs::exists(compliant / amendment));
    BOOST_TEST(e2e::slurp(compliant / "Состав пакета.txt").find("изменений") == std::string::npos);
    const auto before_order = package_of(without_laptevas(), "before-order", "2026-09-07");
    BOOST_TEST(!fs::exists(before_order / amendment));
    BOOST_TEST(fs::exists(before_order / "Приказ о закреплении наставнических пар (групп).docx"));
    for (const char* sample : {"barnaul-school-42.json", "lastochka.json"}) {
        const auto out = package_of(e2e::slurp(source / "samples" / sample), std::string("ended-") + sample, "2026-12-07");
        BOOST_TEST(!fs::exists(out / amendment), sample);
        const auto then = package_of(e2e::slurp(source / "samples" / sample), std::string("then-") + sample, "2023-11-01", true);
        BOOST_TEST(!fs::exists(then / amendment), sample);
    }
}

BOOST_AUTO_TEST_SUITE_END()
