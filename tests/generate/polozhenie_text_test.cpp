// The text of the Положение where a lawyer's reading found it wrong (reader F of 7.12.2026; reader
// D, L1): ст. 351.8 and 372 ТК РФ, the website and п. 8.2, the совет наставников, the words of the
// type of organisation, the forms it names and defines. Each organisation's Положение is generated
// as a clerk would (`generate --only polozhenie`) and read as text.

#include "e2e/cli_runner.hpp"

#include "nastavnik/docx/template.hpp"

#include <boost/test/unit_test.hpp>

#include <regex>

namespace {

const std::filesystem::path source = NASTAVNIK_SOURCE_DIR;

struct Organisation {
    std::string name, file;
    std::vector<std::pair<std::string, std::string>> fields;  // JSON string fields replaced
};

// Барнаул (school, kindergarten), Бийск (school, kindergarten, ЦДТ), an organisation of Алтайский
// край outside both (Рубцовск) and one outside the region (Бурятия).
const std::vector<Organisation> organisations = {
    {"СОШ № 42 (Барнаул)", "samples/barnaul-school-42.json", {}},
    {"Ласточка (Барнаул)", "samples/lastochka.json", {}},
    {"СОШ № 1 (Бийск)", "samples/municipality-biysk/org-00001.json", {}},
    {"ЦДТ № 2 (Бийск)", "samples/municipality-biysk/org-00002.json", {}},
    {"Детский сад № 4 (Бийск)", "samples/municipality-biysk/org-00004.json", {}},
    {"СОШ № 42 в Рубцовске", "samples/barnaul-school-42.json", {{"municipality", "Рубцовск"}}},
    {"Ласточка в Улан-Удэ", "samples/lastochka.json", {{"region", "Республика Бурятия"}, {"municipality", "Улан-Удэ"}}},
};

std::string plain(std::string text) {
    for (const auto& [from, to] : {std::pair<std::string, std::string>{"\u00A0", " "}, {"\u2011", "-"}, {"\u00AD", ""}}) {
        for (std::size_t at; (at = text.find(from)) != std::string::npos;) text.replace(at, from.size(), to);
    }
    return text;
}

std::string polozhenie(const Organisation& o) {
    std::string json = e2e::slurp(source / o.file);
    for (const auto& [key, value] : o.fields) {
        const std::regex field("\"" + key + "\": \"[^\"]*\"");
        BOOST_REQUIRE(std::regex_search(json, field));
        json = std::regex_replace(json, field, "\"" + key + "\": \"" + value + "\"", std::regex_constants::format_first_only);
    }
    const auto dir = std::filesystem::path(NASTAVNIK_TEST_TMP) / "polozhenie-text";
    std::filesystem::create_directories(dir);
    const std::string id = std::to_string(std::hash<std::string>{}(o.name));
    const auto data = dir / (id + ".json");
    std::ofstream(data, std::ios::binary) << json;
    const auto out = dir / id;
    std::filesystem::remove_all(out);
    const auto run = e2e::nastavnik({"generate", data.string(), "--as-of", "2026-12-07", "--force", "--only", "polozhenie",
                                     "--format", "docx", "--out", out.string()});
    BOOST_REQUIRE_MESSAGE(run.exit_code == 0, run.err);
    for (const auto& e : std::filesystem::directory_iterator(out)) {
        if (e.path().filename().string().starts_with("Положение")) {
            return plain(nastavnik::docx::document_text(e2e::slurp(e.path())));
        }
    }
    BOOST_FAIL("no Положение in " << out);
    return {};
}

const std::map<std::string, std::string>& texts() {
    static const auto all = [] {
        std::map<std::string, std::string> out;
        for (const auto& o : organisations) out[o.name] = polozhenie(o);
        return out;
    }();
    return all;
}

bool has(const std::string& text, const std::string& words) { return text.find(words) != std::string::npos; }

// The paragraph that starts with `start` (a line of the text).
std::string line_of(const std::string& text, const std::string& start) {
    const auto at = text.find("\n" + start);
    if (at == std::string::npos) return {};
    return text.substr(at + 1, text.find('\n', at + 1) - at - 1);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(polozhenie_text)

// ст. 351.8 ТК РФ: the mentor refuses without a reason, the mentee's initiative needs one; a mentor
// who leaves and is not replaced ends the programme. Pay is owed, and the head concludes the
// agreement. The Положение is approved with the trade union's opinion where there is one (ст. 372).
BOOST_AUTO_TEST_CASE(labour_law) {
    for (const auto& [name, text] : texts()) {
        BOOST_TEST_CONTEXT(name) {
            BOOST_TEST(!has(text, "по инициативе наставника или наставляемого при наличии уважительных причин"));
            BOOST_TEST(has(text, "— по инициативе наставляемого при наличии уважительных причин;"));
            BOOST_TEST(has(text, "его отказе от выполнения работы по наставничеству или отмене поручения о её выполнении "
                                 "(статья 351.8 Трудового кодекса Российской Федерации), если наставник не заменён в "
                                 "порядке, установленном пунктом "));
            BOOST_TEST(has(text, "Работа по наставничеству, выполняемая с письменного согласия работника, оплачивается;"));
            BOOST_TEST(has(text, "заключает с наставником дополнительное соглашение к трудовому договору, в котором "
                                 "указываются содержание, срок и форма выполнения работы по наставничеству, размер и "
                                 "условия её оплаты"));
            BOOST_TEST(has(line_of(text, "9.1. "), "с учётом мнения первичной профсоюзной организации (при её наличии) "
                                                    "в порядке, установленном статьёй 372 Трудового кодекса"));
            BOOST_TEST(has(line_of(text, "9.2. "), "с учётом мнения первичной профсоюзной организации (при её наличии)"));
        }
    }
}

// The website, the order's title, the совет, the words of a type, the nomenclature, «далее», the
// final report (reader F of 7.12.2026, 6, 7, 9–13).
BOOST_AUTO_TEST_CASE(wording) {
    for (const auto& [name, text] : texts()) {
        BOOST_TEST_CONTEXT(name) {
            BOOST_TEST(!has(text, "с использованием официального сайта"));
            BOOST_TEST(!has(text, "образовательной организации «Об утверждении"));
            if (!name.starts_with("СОШ")) BOOST_TEST(!has(text, "межшкольной"));
            BOOST_TEST(has(line_of(text, "1.1. "), " (далее — Положение) определяет"));
            BOOST_TEST(has(line_of(text, "1.1. "), "» (далее — образовательная организация)."));
            BOOST_TEST(has(text, "замещающие должности, предусмотренные разделом I номенклатуры должностей"));
            BOOST_TEST(has(text, "итоговом аналитическом отчёте (аналитической справке) по итогам учебного года"));
            BOOST_TEST(!has(text, "Руководитель совета наставников"));
            if (has(text, "4.1.4. Методическое объединение (совет) наставников")) {
                BOOST_TEST(has(line_of(text, "4.1.2. "), "утверждает состав методического объединения (совета) "
                                                         "наставников и его руководителя"));
                BOOST_TEST(has(text, "в порядке, установленном пунктом 8.2;"));
            } else {
                BOOST_TEST(has(text, "размещаются на официальном сайте образовательной организации в порядке, "
                                     "установленном пунктом 8.2;"));
                BOOST_TEST(has(text, "утверждает по представлению куратора состав методического объединения "
                                     "наставников (при его создании);"));
            }
            if (name.starts_with("Ласточка") || name.starts_with("Детский сад")) BOOST_TEST(!has(text, "учебный класс"));
        }
    }
    BOOST_TEST(has(texts().at("Детский сад № 4 (Бийск)"), "могут включать помещение (кабинет) и (или) комнату"));
    BOOST_TEST(has(texts().at("ЦДТ № 2 (Бийск)"), "межорганизационной цифровой"));
    // Reader E of 7.12.2026, 9: a ЦДТ has no «преподавание» and no classes.
    BOOST_TEST(has(texts().at("ЦДТ № 2 (Бийск)"), "образцы лучших практик педагогической деятельности"));
    BOOST_TEST(has(texts().at("ЦДТ № 2 (Бийск)"), "могут включать учебный кабинет и (или) комнату"));
}

// Every form the list names, applied or offered as «другие формы», is defined (reader D, L1), and
// without recorded `mentoring_forms` the forms applied are the pairs' and groups' (reader F, 8).
BOOST_AUTO_TEST_CASE(every_form_named_is_defined) {
    int checked = 0;
    for (const auto& [name, text] : texts()) {
        BOOST_TEST_CONTEXT(name) {
            const auto from = text.find("применяются следующие формы наставничества:");
            const auto defined = text.find("\nФормы наставничества определяются следующим образом:\n", from);
            BOOST_REQUIRE(from != std::string::npos);
            BOOST_REQUIRE(defined != std::string::npos);
            const std::string named = text.substr(from, defined - from);
            std::string definitions;
            std::istringstream lines(text.substr(text.find('\n', defined + 1) + 1));
            for (std::string line; std::getline(lines, line) && line.starts_with("— ");) definitions += line + "\n";
            for (auto a = named.find("«"); a != std::string::npos; a = named.find("«", a + 1)) {
                const auto b = named.find("»", a);
                const std::string form = named.substr(a, b + std::string("»").size() - a);
                if (form == "«один на один»") continue;  // the traditional form's own words
                BOOST_TEST(has(definitions, "— форма наставничества " + form), "named, not defined: " << form);
                ++checked;
            }
        }
    }
    BOOST_TEST(checked >= 7 * 4);
    const std::string& school = texts().at("СОШ № 42 (Барнаул)");
    BOOST_TEST(has(school, "применяются следующие формы наставничества:\n— «учитель – учитель»;\n— наставничество в "
                           "группе.\nМогут применяться и другие формы"));
}

// An organisation of Алтайский край outside Барнаул and Бийск follows приказ № 404 as both
// municipal models do: their common content, not the federal model's (reader F of 7.12.2026, 1).
// The municipal level describes the body the data do not name.
BOOST_AUTO_TEST_CASE(the_region_s_other_organisations_get_what_the_altai_models_share) {
    const std::string& text = texts().at("СОШ № 42 в Рубцовске");
    for (const char* words : {"от 24.03.2022 № 404 «Об утверждении положения о системе наставничества",
                              "индивидуальный образовательный маршрут наставляемого — долгосрочная (от 4 до 5 лет)",
                              "3. Условия и ресурсы для реализации системы наставничества",
                              "3.4.4. Настоящим Положением установлены следующие меры нематериального стимулирования",
                              "программ поддержки педагогических работников в Алтайском крае",
                              "«Наставничество — территория развития кадрового потенциала Алтая»",
                              "4.2.1. Орган местного самоуправления, осуществляющий управление в сфере образования на "
                              "территории муниципального образования, в котором находится образовательная организация",
                              "«Алтайский институт развития образования имени Адриана Митрофановича Топорова»",
                              "4.3.2. ЦНППМ.", "4.4. Внешний контур: федеральный уровень.",
                              "процент обучающихся наставляемого, успешно прошедших ВПР, ОГЭ и ЕГЭ"}) {
        BOOST_TEST(has(text, words), words);
    }
    for (const char* words : {"Барнаул", "Бийск", "«Потенциал»", "№ 127", "№ 701", "– студент»"}) {
        BOOST_TEST(!has(text, words), words);
    }
    // Outside the region: the federal model, without № 404 or the Altai contour.
    const std::string& elsewhere = texts().at("Ласточка в Улан-Удэ");
    BOOST_TEST(!has(elsewhere, "№ 404"));
    BOOST_TEST(!has(elsewhere, "ЦНППМ"));
}

BOOST_AUTO_TEST_SUITE_END()
