// The municipality's limit on organisations (docs/LIMITS.md).

#include "nastavnik/batch/batch.hpp"
#include "nastavnik/core/error.hpp"

#include <boost/test/unit_test.hpp>

#include <fstream>
#include <iterator>

BOOST_AUTO_TEST_SUITE(batch_limits)

BOOST_AUTO_TEST_CASE(too_many_organisations_in_one_file_are_refused) {
    const auto file = std::filesystem::path(NASTAVNIK_TEST_TMP) / "too-many.json";
    std::filesystem::create_directories(file.parent_path());
    std::ifstream in(std::string(NASTAVNIK_SOURCE_DIR) + "/samples/municipality-biysk/municipality.json");
    std::string json((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::string orgs = "\n  \"organisations\": [";
    for (int i = 0; i < 20001; ++i) orgs += i == 0 ? "{}" : ",{}";
    json.insert(json.find('{') + 1, orgs + "],");
    std::ofstream(file) << json;
    try {
        (void)nastavnik::batch::load_municipality(file);
        BOOST_ERROR("no error");
    } catch (const nastavnik::Error& e) {
        bool said = false;
        for (const auto& d : e.diagnostics()) said = said || d.message == "слишком много организаций (20001); допускается не более 20000";
        BOOST_TEST(said, e.what());
    }
}

BOOST_AUTO_TEST_SUITE_END()
