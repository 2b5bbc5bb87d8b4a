#include "nastavnik/core/error.hpp"
#include "nastavnik/input/json.hpp"

#include <boost/test/unit_test.hpp>

using nastavnik::Error;
using nastavnik::ErrorCode;
using nastavnik::input::JsonValue;
using nastavnik::input::parse_json;

namespace {

// Parses text that must fail; returns the single diagnostic.
nastavnik::Diagnostic syntax_error(const std::string& text) {
    try {
        parse_json(text, "org.json");
    } catch (const Error& e) {
        BOOST_TEST(static_cast<int>(e.code()) == static_cast<int>(ErrorCode::json_syntax));
        BOOST_REQUIRE_EQUAL(e.diagnostics().size(), 1u);
        return e.diagnostics().front();
    }
    BOOST_FAIL("no error for: " + text);
    return {};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(json)

BOOST_AUTO_TEST_CASE(positions_of_values_and_keys) {
    const auto v = parse_json("{\n  \"a\": 1,\n  \"фамилия\": \"Иванова\",\n  \"b\": [true, null]\n}", "f.json");
    BOOST_REQUIRE(v.is(JsonValue::Kind::object));
    BOOST_TEST(v.position.line == 1);
    BOOST_TEST(v.position.column == 1);
    BOOST_REQUIRE_EQUAL(v.members.size(), 3u);
    BOOST_TEST(v.members[0].key_position.line == 2);
    BOOST_TEST(v.members[0].key_position.column == 3);
    BOOST_TEST(v.members[0].value.position.column == 8);
    BOOST_TEST(v.members[0].value.scalar == "1");
    // Columns count characters, not bytes: "фамилия" is 7 letters of 2 bytes each.
    BOOST_TEST(v.members[1].value.position.line == 3);
    BOOST_TEST(v.members[1].value.position.column == 14);
    BOOST_TEST(v.members[1].value.scalar == "Иванова");
    const JsonValue& arr = v.members[2].value;
    BOOST_TEST(arr.items.size() == 2u);
    BOOST_TEST(arr.items[1].position.column == 15);
    BOOST_TEST(arr.items[1].is(JsonValue::Kind::null));
}

BOOST_AUTO_TEST_CASE(positions_on_one_long_line) {
    // Minified JSON: everything on line 1. Columns count on from the previous value (the index
    // answers in order) and still count characters; an error after them is placed exactly.
    std::string text = "{\"ф\": [";
    for (int i = 0; i < 20000; ++i) text += (i ? ",\"Ж\"" : "\"Ж\"");
    text += "], \"b\": 7}";
    const auto v = parse_json(text, "min.json");
    const JsonValue& arr = v.members[0].value;
    BOOST_REQUIRE_EQUAL(arr.items.size(), 20000u);
    BOOST_TEST(arr.items[0].position.column == 8);
    BOOST_TEST(arr.items[19999].position.column == 8 + 4 * 19999);
    BOOST_TEST(v.members[1].key_position.line == 1);
    BOOST_TEST(v.members[1].key_position.column == 8 + 4 * 20000 + 2);
    BOOST_TEST(v.members[1].value.position.column == 8 + 4 * 20000 + 7);
    const auto d = syntax_error(text.substr(0, text.size() - 1) + " ?}");
    BOOST_TEST(d.where.line == 1);
    BOOST_TEST(d.where.column == 8 + 4 * 20000 + 9);  // the «?»
}

// What a broken file says before its error (reader H, F3): the organisation's name stood on the
// line before a missing comma; a file cut short keeps every member it has.
BOOST_AUTO_TEST_CASE(a_broken_text_is_read_up_to_its_error) {
    using nastavnik::input::parse_json_prefix;
    const JsonValue missing_comma = parse_json_prefix(
        "{\"format\": \"x\", \"organisation\": {\"head\": {\"short_name\": \"не то\"}, \"short_name\": \"МБДОУ «Детский сад № 17»\"\n"
        "  \"type\": \"дошкольная\"}}");
    const JsonValue* org = missing_comma.find("organisation");
    BOOST_REQUIRE(org != nullptr);
    BOOST_REQUIRE(org->find("short_name") != nullptr);
    BOOST_TEST(org->find("short_name")->scalar == "МБДОУ «Детский сад № 17»");
    BOOST_TEST(org->find("type") == nullptr);  // after the error
    BOOST_TEST(org->find("head")->find("short_name")->scalar == "не то");  // nested: where it stands
    const JsonValue cut = parse_json_prefix("{\"organisation\": {\"short_name\": \"СОШ\"}, \"staff\": [{\"id\": \"p1\"}");
    BOOST_TEST(cut.find("staff")->items.size() == 1u);
    BOOST_TEST(cut.find("organisation")->find("short_name")->scalar == "СОШ");
    BOOST_TEST(parse_json_prefix("не JSON").is(JsonValue::Kind::null));
    BOOST_TEST(parse_json_prefix(std::string("{\"a\": \"b\"\0, \"c\": 1}", 17)).find("a")->scalar == "b");
}

BOOST_AUTO_TEST_CASE(numbers_are_kept_as_written) {
    const auto v = parse_json("[1.50, -0, 1e3]", "f.json");
    BOOST_TEST(v.items[0].scalar == "1.50");
    BOOST_TEST(v.items[2].scalar == "1e3");
}

BOOST_AUTO_TEST_CASE(bom_is_skipped) {
    const auto v = parse_json("\xEF\xBB\xBF{\"a\": \"b\"}", "f.json");
    BOOST_TEST(v.find("a")->scalar == "b");
}

BOOST_AUTO_TEST_CASE(missing_comma_is_located) {
    const auto d = syntax_error("{\n  \"a\": 1\n  \"b\": 2\n}");
    BOOST_TEST(d.where.file == "org.json");
    BOOST_TEST(d.where.line == 3);
    BOOST_TEST(d.message.find("запятая") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(unterminated_string) {
    const auto d = syntax_error("{\"a\": \"abc");
    BOOST_TEST(d.where.line == 1);
    BOOST_TEST(d.message.find("кавычк") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(empty_file) {
    const auto d = syntax_error("   ");
    BOOST_TEST(d.message.find("пуст") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(trailing_garbage) {
    const auto d = syntax_error("{} x");
    BOOST_TEST(d.message.find("лишний текст") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(invalid_utf8) {
    const auto d = syntax_error("{\"a\": \"\xC3\x28\"}");
    BOOST_TEST(d.message.find("UTF-8") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(ill_formed_utf8_in_strings_is_refused_with_its_position) {
    // Well-formed text skips RapidJSON's per-character validation (json.cpp): every ill-formed
    // kind must still reach it — overlong forms, surrogates, beyond U+10FFFF, truncated, stray.
    for (const char* bad : {"\xC0\x80", "\xC1\xBF", "\xE0\x80\x80", "\xED\xA0\x80", "\xF0\x8F\xBF\xBF", "\xF4\x90\x80\x80",
                            "\xF5\x80\x80\x80", "\xE2\x82", "\x80", "\xFF"}) {
        BOOST_TEST_CONTEXT(bad) {
            const auto d = syntax_error("{\n  \"a\": \"ok " + std::string(bad) + "\"}");
            BOOST_TEST(d.message.find("UTF-8") != std::string::npos);
            BOOST_TEST(d.where.line == 2);
        }
    }
    // The largest of each length parse.
    const JsonValue v = parse_json("{\"a\": \"\x7F\xDF\xBF\xED\x9F\xBF\xEF\xBF\xBF\xF4\x8F\xBF\xBF\"}", "org.json");
    BOOST_TEST(v.find("a")->scalar == "\x7F\xDF\xBF\xED\x9F\xBF\xEF\xBF\xBF\xF4\x8F\xBF\xBF");
}

BOOST_AUTO_TEST_CASE(a_file_ending_inside_a_character_is_refused_at_its_place) {
    // The file ends inside a string, in the middle of a multi-byte character. The stream stops
    // at the end of the text (it read up to two bytes past it: found by fuzzing, input in
    // tests/fuzz/regressions/json_organisation/); the error is the encoding, where it stands.
    for (const char* cut : {"\xD0", "\xE2", "\xE2\x82", "\xF0", "\xF0\x9F", "\xF0\x9F\x98"}) {
        BOOST_TEST_CONTEXT(cut) {
            const auto d = syntax_error("{\"format\": \"" + std::string(cut));
            BOOST_TEST(d.message.find("UTF-8") != std::string::npos, d.message);
            BOOST_TEST(d.where.line == 1);
            BOOST_TEST(d.where.column == 13);
        }
    }
}

BOOST_AUTO_TEST_CASE(nul_byte_is_refused) {
    const auto d = syntax_error(std::string("{\"a\": 1}\0", 9));
    BOOST_TEST(d.message.find("нулевой байт") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(deep_nesting_is_bounded) {
    const std::string deep = std::string(100000, '[') + std::string(100000, ']');
    const auto d = syntax_error(deep);
    BOOST_TEST(d.message.find("вложенность") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(merge_patch_rfc7386) {
    auto target = parse_json(R"({"a": {"b": 1, "c": 2}, "d": [1, 2], "e": "x"})", "t.json");
    const auto patch = parse_json(R"({"a": {"b": 9, "c": null}, "d": [3], "f": "__null__", "e": null})", "p.json");
    nastavnik::input::merge_patch(target, patch);
    BOOST_TEST(target.find("a")->find("b")->scalar == "9");
    BOOST_TEST(target.find("a")->find("c") == nullptr);
    BOOST_TEST(target.find("d")->items.size() == 1u);
    BOOST_TEST(target.find("e") == nullptr);
    BOOST_REQUIRE(target.find("f") != nullptr);
    BOOST_TEST(target.find("f")->is(JsonValue::Kind::null));
}

BOOST_AUTO_TEST_SUITE_END()
