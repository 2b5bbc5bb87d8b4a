// Size limits of the JSON reader (docs/LIMITS.md).

#include "nastavnik/core/error.hpp"
#include "nastavnik/input/json.hpp"

#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>

BOOST_AUTO_TEST_SUITE(json_limits)

BOOST_AUTO_TEST_CASE(a_file_over_the_size_limit_is_refused_before_it_is_read) {
    // A sparse file: its size is what counts, nothing is read.
    const auto file = std::filesystem::path(NASTAVNIK_TEST_TMP) / "huge.json";
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file) << "{";
    std::filesystem::resize_file(file, 100u << 20);
    try {
        (void)nastavnik::input::read_json_file(file);
        BOOST_ERROR("no error");
    } catch (const nastavnik::Error& e) {
        BOOST_TEST(static_cast<int>(e.code()) == static_cast<int>(nastavnik::ErrorCode::io));
        BOOST_TEST(e.diagnostics().front().message == "файл слишком большой (100\u00A0МБ; допускается не более 64\u00A0МБ)",
                   e.diagnostics().front().message);
        BOOST_TEST(e.diagnostics().front().where.file == file.string());
    }
    // Just over the limit: the sizes would read alike, so the message says «больше».
    std::filesystem::resize_file(file, nastavnik::input::JsonLimits::max_file_bytes + 1);
    try {
        (void)nastavnik::input::read_json_file(file);
        BOOST_ERROR("no error");
    } catch (const nastavnik::Error& e) {
        BOOST_TEST(e.diagnostics().front().message == "файл слишком большой (больше 64\u00A0МБ)", e.diagnostics().front().message);
    }
    std::filesystem::remove(file);
}

BOOST_AUTO_TEST_SUITE_END()
