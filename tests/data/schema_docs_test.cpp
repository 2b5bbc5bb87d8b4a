// The Russian user guide must describe every field of the input format, and each error
// example it shows must be a real, reviewed message (tests/e2e/bad-input/*.expected).

#include "nastavnik/data/schema.hpp"

#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace {

std::string slurp(const std::filesystem::path& p) {
    std::ifstream in(p);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

void check_fields(const nastavnik::data::Type& t, const std::string& doc) {
    for (const auto& f : t.fields) {
        BOOST_TEST(doc.find("`" + f.key + "`") != std::string::npos, "docs/ru/data-format.md lacks field " << f.key);
        if (f.type.kind == nastavnik::data::Type::Kind::object) check_fields(f.type, doc);
        if (f.type.kind == nastavnik::data::Type::Kind::array && f.type.item) check_fields(*f.type.item, doc);
        for (const auto& v : f.type.values) {
            if (f.type.kind == nastavnik::data::Type::Kind::enumeration) {
                BOOST_TEST(doc.find("`\"" + v + "\"`") != std::string::npos, "docs lack value " << v);
            }
        }
    }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(schema_docs)

BOOST_AUTO_TEST_CASE(every_field_and_value_is_documented) {
    check_fields(nastavnik::data::organisation_schema(), slurp(NASTAVNIK_SOURCE_DIR "/docs/ru/data-format.md"));
}

BOOST_AUTO_TEST_CASE(documented_error_examples_are_real_messages) {
    const std::string doc = slurp(NASTAVNIK_SOURCE_DIR "/docs/ru/data-format.md");
    std::size_t checked = 0;
    for (const auto& e : std::filesystem::directory_iterator(NASTAVNIK_SOURCE_DIR "/tests/e2e/bad-input")) {
        if (e.path().extension() != ".expected") continue;
        std::string message = slurp(e.path());
        // "nastavnik: ошибка: tests/e2e/bad-input/01-x.json:14:20: …" → "bad.json:14:20: …"
        const auto json = message.find(".json:");
        BOOST_REQUIRE(json != std::string::npos);
        message = "bad" + message.substr(json, message.find('\n') - json);
        BOOST_TEST(doc.find(message) != std::string::npos, "docs lack example: " << message);
        ++checked;
    }
    BOOST_TEST(checked >= 10u);
}

BOOST_AUTO_TEST_SUITE_END()
