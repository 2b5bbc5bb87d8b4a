// The curator's questionnaire as pages: one table of six questions per programme, never broken
// across a page. Before, the sample СОШ № 1 of Бийск (three programmes) printed the last
// question of its first table alone at the top of page 2, under a repeated header row.

#include "nastavnik/batch/batch.hpp"
#include "docx/package.hpp"
#include "nastavnik/docx/template.hpp"

#include <boost/test/unit_test.hpp>

#include <cstdlib>
#include <fstream>
#include <regex>
#include <sstream>

namespace fs = std::filesystem;
using namespace nastavnik;

namespace {

const fs::path source = NASTAVNIK_SOURCE_DIR;

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(questionnaires)

BOOST_AUTO_TEST_CASE(a_programme_table_of_the_curator_questionnaire_stays_on_one_page) {
    const fs::path in = fs::path(NASTAVNIK_TEST_TMP) / "batch" / "anketa-in";
    const fs::path out = fs::path(NASTAVNIK_TEST_TMP) / "batch" / "anketa";
    fs::remove_all(in);
    fs::remove_all(out);
    fs::create_directories(in);
    for (const char* f : {"municipality.json", "org-00001.json", "org-00010.json"}) {
        fs::copy_file(source / "samples" / "municipality-biysk" / f, in / f);
    }
    batch::Options o;
    o.out_dir = out;
    o.templates_dir = source / "templates";
    o.as_of = *Date::parse_iso("2026-12-06");
    o.only = {"anketa-kuratora"};
    const rules::Catalog catalog = rules::Catalog::load(source / "rulesets");
    batch::run(batch::load_municipality(in), catalog, o);

    for (const char* org : {"МБОУ «СОШ № 1»", "МБОУ «СОШ № 10»"}) {
        const fs::path docx = out / "организации" / org / "Анкета куратора.docx";
        BOOST_REQUIRE(fs::exists(docx));
        // Every question but the last of a table keeps with the next row; the last does not, so
        // that a table never drags the next programme onto its page — but the last of the last
        // table keeps with the signature, which never stands alone on a page (reader of 7.12.2026).
        const std::string xml = docx::Package(slurp(docx), docx.filename().string()).read("word/document.xml");
        std::size_t rows = 0, keeping = 0;
        for (std::size_t at = xml.find("<w:tr>"); at != std::string::npos; at = xml.find("<w:tr>", at + 1)) {
            const std::string row = xml.substr(at, xml.find("</w:tr>", at) - at);
            if (row.find("<w:tblHeader/>") != std::string::npos || row.find("Куратор") != std::string::npos) continue;
            ++rows;
            keeping += row.find("<w:keepNext/>") != std::string::npos ? 1 : 0;
        }
        BOOST_TEST(rows % 6 == 0u, org << ": " << rows << " question rows");
        BOOST_TEST(keeping == rows / 6 * 5 + 1, org << ": " << keeping << " of " << rows << " rows keep with the next");

        // And as pages of our PDF: no page after the first starts inside a table, under its
        // repeated header row.
        if (std::system("command -v pdftotext >/dev/null 2>&1") != 0) {
            BOOST_TEST_MESSAGE("pdftotext is not installed: the pages are not read");
            continue;
        }
        const fs::path pdf = out / "организации" / org / "Анкета куратора.pdf";
        const fs::path txt = out / (std::string(org) + ".txt");
        BOOST_REQUIRE(std::system(("pdftotext -layout '" + pdf.string() + "' '" + txt.string() + "'").c_str()) == 0);
        const std::string text = slurp(txt);
        int page = 1;
        for (std::size_t at = text.find('\f'); at != std::string::npos && at + 1 < text.size(); at = text.find('\f', at + 1)) {
            ++page;
            // The page number, then the first line of the page's body.
            std::istringstream lines(text.substr(at + 1));
            std::string line, first;
            while (std::getline(lines, line)) {
                if (std::regex_match(line, std::regex("\\s*\\d*\\s*"))) continue;
                first = line;
                break;
            }
            BOOST_TEST(!std::regex_search(first, std::regex("^\\s*№\\s+Вопрос")), org << ", page " << page << ": " << first);
        }
        BOOST_TEST(page > 1, org << ": the questionnaire of several programmes has more than one page");
    }
}

// A tick box stays with its words: «□ в / начале программы» split across lines before (reader of
// 7.12.2026). Each option is bound by no-break spaces, on a line of its own under the date, and the
// date blank is the one form of the package (tools/make_templates.py BLANK_DATE).
BOOST_AUTO_TEST_CASE(a_tick_box_keeps_its_words_in_every_questionnaire) {
    for (const char* name : {"anketa-kuratora.docx", "anketa-nastavnika.docx", "anketa-nastavlyaemogo.docx"}) {
        const std::string xml = docx::Package(slurp(source / "templates" / name), name).read("word/document.xml");
        BOOST_TEST(xml.find(">Дата заполнения: «___» ____________ 20___\u00A0г.</w:t>") != std::string::npos, name);
        // In the course of the programme too: the first stage of monitoring (reader E, 1).
        BOOST_TEST(xml.find(">Анкета заполняется: □\u00A0в\u00A0начале\u00A0программы,\u2003□\u00A0в\u00A0ходе реализации "
                            "программы (промежуточный мониторинг),\u2003□\u00A0по\u00A0её\u00A0окончании.</w:t>") !=
                       std::string::npos,
                   name);
        BOOST_TEST(xml.find("□ ") == std::string::npos, name);
        BOOST_TEST(xml.find("20__ ") == std::string::npos, name);
    }
}

// A kindergarten's mentor is asked of «воспитанниками», not «обучающимися (воспитанниками)», and a
// woman continues «в качестве наставляемой» (reader of 7.12.2026); the mentor and the curator ask
// of a woman in a pair «наставляемой», «с наставляемой» (reader C, 7).
BOOST_AUTO_TEST_CASE(a_questionnaire_speaks_of_the_organisations_children_and_of_the_womans_role) {
    const fs::path in = fs::path(NASTAVNIK_TEST_TMP) / "batch" / "anketa-kg-in";
    const fs::path out = fs::path(NASTAVNIK_TEST_TMP) / "batch" / "anketa-kg";
    fs::remove_all(in);
    fs::remove_all(out);
    fs::create_directories(in);
    for (const char* f : {"municipality.json", "org-00004.json"}) fs::copy_file(source / "samples" / "municipality-biysk" / f, in / f);
    batch::Options o;
    o.out_dir = out;
    o.templates_dir = source / "templates";
    o.as_of = *Date::parse_iso("2026-12-06");
    o.only = {"anketa-nastavnika", "anketa-nastavlyaemogo", "anketa-kuratora"};
    o.format = generate::OutputFormat::docx;
    const rules::Catalog catalog = rules::Catalog::load(source / "rulesets");
    batch::run(batch::load_municipality(in), catalog, o);
    std::size_t mentors = 0, women = 0, of_women = 0;
    for (const auto& e : fs::directory_iterator(out / "организации" / "МБДОУ «Детский сад № 4»")) {
        const std::string name = e.path().filename().string();
        if (e.path().extension() != ".docx") continue;
        const std::string text = docx::document_text(slurp(e.path()));
        if (name.starts_with("Анкета наставника")) {
            ++mentors;
            const bool woman = text.find("Наставляемая:") != std::string::npos;
            const std::string of = woman ? "наставляемой" : "наставляемого";
            BOOST_TEST(text.find("конфликтов " + of + " с коллегами, воспитанниками и их родителями (законными представителями)") !=
                           std::string::npos, name);
            BOOST_TEST(text.find("обучающимися") == std::string::npos, name);
            // What the first stage assesses is answered in the programme's course too, what the
            // second at its end (reader E, 1).
            BOOST_TEST(text.find("Сколько рисков (затруднений) в реализации программы выявлено? (заполняется в ходе реализации "
                                 "и по окончании программы)") != std::string::npos, name);
            BOOST_TEST(text.find("реализовано совместно с " + std::string(woman ? "наставляемой" : "наставляемым") +
                                 "? (заполняется в ходе реализации и по окончании программы)") != std::string::npos, name);
            BOOST_TEST(text.find("за время программы. (заполняется") == std::string::npos, name);
            BOOST_TEST(text.find("Оцените профессиональный рост " + of + " за время программы (заполняется по окончании "
                                 "программы).") != std::string::npos, name);
            if (woman) {
                ++of_women;
                BOOST_TEST(text.find("реализовано совместно с наставляемой?") != std::string::npos, name);
                BOOST_TEST(text.find("Оцените профессиональный рост наставляемой") != std::string::npos, name);
                BOOST_TEST(text.find("наставляемого") == std::string::npos, name);
                BOOST_TEST(text.find("наставляемым") == std::string::npos, name);
            }
        }
        if (name.starts_with("Анкета куратора")) {
            // Every programme of the kindergarten is a pair with a woman (Чернова, Тарасова, …).
            BOOST_TEST(text.find("Оцените профессиональные результаты наставляемой (") != std::string::npos, text);
            BOOST_TEST(text.find("наставляемого") == std::string::npos, text);
        }
        if (name.starts_with("Анкета наставляемого")) {
            BOOST_TEST(text.find("Сколько открытых занятий, выступлений, конкурсов с Вашим участием было за время программы? "
                                 "(заполняется в ходе реализации и по окончании программы)") != std::string::npos, name);
            BOOST_TEST(text.find("за время программы? (заполняется по окончании программы)") != std::string::npos, name);
        }
        if (name.starts_with("Анкета наставляемого") && text.find("Наставляемая:") != std::string::npos) {
            ++women;
            BOOST_TEST(text.find("в качестве наставляемой?") != std::string::npos, name);
            BOOST_TEST(text.find("в качестве наставляемого") == std::string::npos, name);
        }
    }
    BOOST_TEST(mentors > 0u);
    BOOST_TEST(women > 0u);
    BOOST_TEST(of_women > 0u);
    BOOST_TEST(fs::exists(out / "организации" / "МБДОУ «Детский сад № 4»" / "Анкета куратора.docx"));
}

BOOST_AUTO_TEST_SUITE_END()
