#pragma once
// A JSON document that remembers where each value stands in its file (line and column), so
// that every validation error can point at the exact place. Parsed with RapidJSON's SAX
// reader (Poco's and nlohmann's parsers do not expose value positions).

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace nastavnik::input {

struct TextPosition {
    int line = 0;    // 1-based; in a workbook, the row
    int column = 0;  // 1-based, in characters; in a workbook, the column (0: the whole row)
    int sheet = 0;   // 0: a text file; k > 0: the k-th sheet of a workbook (SheetPlaces names it)
};

/// Names places of a workbook for messages («лист «Сотрудники», ячейка D7 («Дата рождения»)»):
/// a tree read from a workbook carries sheet positions, and whoever reports on it asks this.
class SheetPlaces {
public:
    virtual ~SheetPlaces() = default;
    [[nodiscard]] virtual std::string describe(const TextPosition& p) const = 0;
};

struct JsonMember;

class JsonValue {
public:
    enum class Kind { null, boolean, number, string, array, object };

    Kind kind = Kind::null;
    std::string scalar;                // string value, number as written, "true"/"false"
    std::vector<JsonMember> members;   // object, in file order
    std::vector<JsonValue> items;      // array
    TextPosition position;

    [[nodiscard]] const JsonValue* find(std::string_view key) const;
    [[nodiscard]] JsonValue* find(std::string_view key);
    [[nodiscard]] bool is(Kind k) const noexcept { return kind == k; }
};

struct JsonMember {
    std::string key;
    TextPosition key_position;
    JsonValue value;
};

/// Russian name of a JSON kind for messages: "строка", "объект" …
const char* kind_name(JsonValue::Kind k);

/// Named limits on hostile input, with their reason.
struct JsonLimits {
    static constexpr std::size_t max_file_bytes = 64u << 20;  // a city of 300 schools is ~30 MB
    static constexpr int max_depth = 64;                      // our formats nest less than 8 deep
};

/// Throws Error(json_syntax) naming file, line and column.
JsonValue parse_json(std::string_view text, const std::string& file_name);
/// What a text that is not valid JSON holds before its first syntax error: the values read up
/// to it, in the containers they stand in (an object whose closing brace never came holds the
/// members before the error). Never throws: a text that is not JSON at all gives a null value.
/// For naming what an unreadable file is about, never for reading its data.
JsonValue parse_json_prefix(std::string_view text);
/// Throws Error(io) if the file cannot be read, Error(json_syntax) if it is not JSON.
JsonValue read_json_file(const std::filesystem::path& file);

/// The value as JSON text, indented by two spaces (as Python's json.dumps(indent=2,
/// ensure_ascii=False) writes it), with a final newline.
std::string to_json_text(const JsonValue& value);

/// Where two values differ as data ("" if they do not): key order of objects does not count,
/// numbers compare by value (14 = 14.0). Says the JSON path and both values.
std::string first_difference(const JsonValue& a, const JsonValue& b);

/// RFC 7386 merge patch: objects merge, everything else replaces, null removes the key.
/// The string "__null__" in the patch stands for an explicit JSON null in the result.
void merge_patch(JsonValue& target, const JsonValue& patch);

}  // namespace nastavnik::input
