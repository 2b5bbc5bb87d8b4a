// One form for each blank a person fills in by hand (blanks.hpp), in the text of every template
// and of every golden document; the packages of every sample and of missing data are held to it
// in golden_test.cpp.

#include "blanks.hpp"

#include "e2e/cli_runner.hpp"

#include "nastavnik/docx/template.hpp"

#include <boost/test/unit_test.hpp>

#include <map>
#include <set>

namespace fs = std::filesystem;

namespace {

const fs::path source = NASTAVNIK_SOURCE_DIR;

}  // namespace

BOOST_AUTO_TEST_SUITE(blanks_forms)

BOOST_AUTO_TEST_CASE(the_detector_sees_each_variant) {
    for (const char* variant :
         {"от «__» ____________ 20___\u00A0г.", "«___» ____________ 20__\u00A0г.", "«___» ____________ 20___ г.",
          "«___» ________ 20___\u00A0г.", "«___» ____________ 20___", "№ ______", "№\u00A0__________",
          "А.Б.\u00A0Иванов\t________________\t«___» ____________ 20___\u00A0г.", "протокол от ____________ № ________",
          "________ А.Б. Иванов", "________________ А.Б. Иванов", "____________ / А.Б.\u00A0Иванов", "Дата: 20___ г."}) {
        BOOST_TEST(!blanks::variants(variant).empty(), variant);
    }
    for (const char* clean :
         {"«___» ____________ 20___\u00A0г.", "от «___» ____________ 20___\u00A0г. № ________", "№\u00A0________, ИНН ____________",
          "____________ А.Б.\u00A0Иванов", "____________ {{n:initials-surname(x)}}", "{{else}}____________{{/if}}",
          "А.Б. Иванов\t____________\t«___» ____________ 20___\u00A0г.",
          "________________\t____________\t«___» ____________ 20___\u00A0г.",
          "почтовый адрес: ____________________________________________", "ОГРН _______________)",
          "в размере ______ рублей", "педагогических работников ______________________________________________."}) {
        BOOST_TEST(blanks::variants(clean).empty(), clean << ": " << (blanks::variants(clean).empty() ? "" : blanks::variants(clean).front()));
    }
}

BOOST_AUTO_TEST_CASE(every_template_writes_each_blank_in_one_form) {
    std::size_t templates = 0;
    std::map<std::string, std::vector<std::string>> found;
    for (const auto& e : fs::directory_iterator(source / "templates")) {
        if (e.path().extension() != ".docx") continue;
        ++templates;
        const auto v = blanks::variants(nastavnik::docx::document_text(e2e::slurp(e.path())));
        if (!v.empty()) found[e.path().filename().string()] = v;
    }
    BOOST_TEST(templates >= 20u);
    for (const auto& [file, variants] : found) {
        for (const auto& v : variants) BOOST_TEST_ERROR(file << ": " << v);
    }
}

BOOST_AUTO_TEST_CASE(every_golden_document_writes_each_blank_in_one_form) {
    std::size_t documents = 0;
    for (const auto& e : fs::directory_iterator(source / "tests/generate/golden")) {
        ++documents;
        for (const auto& v : blanks::variants(e2e::slurp(e.path()))) BOOST_TEST_ERROR(e.path().filename() << ": " << v);
    }
    BOOST_TEST(documents > 30u);
}

BOOST_AUTO_TEST_SUITE_END()
