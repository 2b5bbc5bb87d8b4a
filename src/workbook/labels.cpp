#include "workbook/labels.hpp"

#include "nastavnik/core/date.hpp"
#include "nastavnik/text/letter_case.hpp"

namespace nastavnik::workbook::detail {

namespace {

std::string field(const input::JsonValue& item, std::string_view key) {
    const input::JsonValue* v = item.find(key);
    return v && v->kind == input::JsonValue::Kind::string ? std::string(trim(v->scalar)) : std::string();
}

// The cell of a column of the same row: "B7".
std::string cell_of(const Sheet& sheet, std::string_view path, int row) {
    for (std::size_t i = 0; i < sheet.columns.size(); ++i) {
        if (sheet.columns[i].path == path) return column_letters(static_cast<int>(i)) + std::to_string(row);
    }
    return "";
}

}  // namespace

bool has_label(const std::string& collection) {
    return collection == "staff" || collection == "acts" || collection == "groups";
}

std::string label_title(const std::string& collection) {
    if (collection == "staff") return "Фамилия И.О. (для списков)";
    if (collection == "acts") return "Документ (для списков)";
    return "Группа (для списков)";
}

std::string label_formula(const Sheet& sheet, int row) {
    if (sheet.collection == "staff") {
        const std::string s = cell_of(sheet, "surname", row), n = cell_of(sheet, "name", row),
                          p = cell_of(sheet, "patronymic", row);
        if (s.empty() || n.empty()) return "";
        std::string f = "IF(TRIM(" + s + ")=\"\",\"\",TRIM(" + s + ")&\" \"&LEFT(TRIM(" + n + "),1)&\".\"";
        if (!p.empty()) f += "&IF(TRIM(" + p + ")=\"\",\"\",LEFT(TRIM(" + p + "),1)&\".\")";
        return "=" + f + ")";
    }
    if (sheet.collection == "acts") {
        const std::string k = cell_of(sheet, "kind", row), d = cell_of(sheet, "date", row), n = cell_of(sheet, "number", row);
        if (k.empty() || d.empty()) return "";
        // DAY/MONTH/YEAR rather than TEXT(): TEXT's format codes depend on the language of the
        // office suite («ДД.ММ.ГГГГ» in a Russian Excel, «dd.mm.yyyy» in others).
        std::string f = "IF(TRIM(" + k + ")=\"\",\"\",TRIM(" + k + ")&IF(" + d + "=\"\",\"\",\" от \"&IF(ISNUMBER(" + d +
                        "),RIGHT(\"0\"&DAY(" + d + "),2)&\".\"&RIGHT(\"0\"&MONTH(" + d + "),2)&\".\"&YEAR(" + d + "),TRIM(" + d +
                        ")))";
        if (!n.empty()) f += "&IF(TRIM(" + n + ")=\"\",\"\",\" № \"&TRIM(" + n + "))";
        return "=" + f + ")";
    }
    if (sheet.collection == "groups") {
        const std::string m = cell_of(sheet, "mentor", row);
        if (m.empty()) return "";
        return "=IF(TRIM(" + m + ")=\"\",\"\",TRIM(" + m + "))";
    }
    return "";
}

std::string_view trim(std::string_view s) {
    const auto space_at = [&](std::size_t i, bool back) -> std::size_t {
        // Returns the byte length of a space character ending (back) or starting at i, else 0.
        if (back) {
            if (i >= 1 && (s[i - 1] == ' ' || s[i - 1] == '\t' || s[i - 1] == '\n' || s[i - 1] == '\r')) return 1;
            if (i >= 2 && s[i - 2] == '\xC2' && s[i - 1] == '\xA0') return 2;
            return 0;
        }
        if (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) return 1;
        if (i + 1 < s.size() && s[i] == '\xC2' && s[i + 1] == '\xA0') return 2;
        return 0;
    };
    std::size_t b = 0, e = s.size();
    while (b < e) {
        const std::size_t n = space_at(b, false);
        if (n == 0) break;
        b += n;
    }
    while (e > b) {
        const std::size_t n = space_at(e, true);
        if (n == 0) break;
        e -= n;
    }
    return s.substr(b, e - b);
}

std::string match_key(std::string_view text) {
    std::u32string out;
    for (char32_t c : text::to_code_points(text::to_lower(trim(text)))) {
        if (c == U' ' || c == U'\u00A0' || c == U'\t' || c == U'\n' || c == U'\r' || c == U'\u202F') continue;
        if (c == U'ё') c = U'е';
        if (c == U'\u2010' || c == U'\u2011' || c == U'\u2012' || c == U'\u2013' || c == U'\u2014' || c == U'\u2212') c = U'-';
        if (c == U'«' || c == U'»' || c == U'“' || c == U'”' || c == U'„') c = U'"';
        out += c;
    }
    while (!out.empty() && out.back() == U'*') out.pop_back();
    return text::to_utf8(out);
}

std::string person_label(const input::JsonValue& person) {
    const std::string surname = field(person, "surname");
    if (surname.empty()) return "";
    std::string s = surname + " ";
    if (const std::string n = field(person, "name"); !n.empty()) s += text::first_char(n) + ".";
    if (const std::string p = field(person, "patronymic"); !p.empty()) s += text::first_char(p) + ".";
    return s;
}

std::string person_full_name(const input::JsonValue& person) {
    std::string s = field(person, "surname");
    for (const char* k : {"name", "patronymic"}) {
        if (const std::string part = field(person, k); !part.empty()) s += " " + part;
    }
    return s;
}

std::string act_label(const input::JsonValue& act) {
    std::string s = field(act, "kind");
    if (const auto d = Date::parse_iso(field(act, "date"))) {
        char buf[16];
        std::snprintf(buf, sizeof buf, "%02d.%02d.%04d", d->day(), d->month(), d->year());
        s += std::string(" от ") + buf;
    }
    if (const std::string n = field(act, "number"); !n.empty()) s += " № " + n;
    return s;
}

}  // namespace nastavnik::workbook::detail
