#include "workbook/labels.hpp"

#include "nastavnik/core/date.hpp"
#include "nastavnik/text/letter_case.hpp"

namespace nastavnik::workbook::detail {

namespace {

std::string field(const input::JsonValue& item, std::string_view key) {
    const input::JsonValue* v = item.find(key);
    return v && v->kind == input::JsonValue::Kind::string ? std::string(trim(v->scalar)) : std::string();
}

// The cell of a table's column in the row the formula stands in: INDEX over the whole column
// with ROW(), so that sorting, inserting or deleting rows of the table never breaks it.
std::string cell_of(const Sheet& sheet, std::string_view path) {
    for (std::size_t i = 0; i < sheet.columns.size(); ++i) {
        if (sheet.columns[i].path == path) {
            const std::string col = column_letters(static_cast<int>(i));
            return "INDEX('" + sheet.name + "'!$" + col + ":$" + col + ",ROW())";
        }
    }
    return "";
}

}  // namespace

bool has_label(const std::string& collection) {
    return collection == "staff" || collection == "acts" || collection == "groups";
}

std::string label_title(const std::string& collection) {
    if (collection == "staff") return "Сотрудники (Фамилия И.О.)";
    if (collection == "acts") return "Документы";
    return "Группы (по наставнику)";
}

std::string label_formula(const Sheet& sheet) {
    if (sheet.collection == "staff") {
        const std::string s = cell_of(sheet, "surname"), n = cell_of(sheet, "name"), p = cell_of(sheet, "patronymic");
        if (s.empty() || n.empty()) return "";
        std::string f = "IF(TRIM(" + s + ")=\"\",\"\",TRIM(" + s + ")&\" \"&LEFT(TRIM(" + n + "),1)&\".\"";
        if (!p.empty()) f += "&IF(TRIM(" + p + ")=\"\",\"\",LEFT(TRIM(" + p + "),1)&\".\")";
        return "=" + f + ")";
    }
    if (sheet.collection == "acts") {
        const std::string k = cell_of(sheet, "kind"), d = cell_of(sheet, "date"), n = cell_of(sheet, "number");
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
        const std::string m = cell_of(sheet, "mentor");
        if (m.empty()) return "";
        return "=IF(TRIM(" + m + ")=\"\",\"\",TRIM(" + m + "))";
    }
    return "";
}

const Column* key_column(const Sheet& table) {
    for (const auto& c : table.columns) {
        if (c.role == ColumnRole::id) return &c;
    }
    for (const auto& c : table.columns) {
        if (c.role == ColumnRole::value && c.required && c.keys.size() == 1 && c.type->kind != data::Type::Kind::array) return &c;
    }
    return nullptr;
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
    // One pass over the UTF-8 text (called for every reference and every label of a large
    // staff list): ASCII and Cyrillic letters lowered, «ё» as «е», spaces dropped, dashes
    // and quotes of every kind as one.
    std::string out;
    out.reserve(text.size());
    const auto put = [&out](char32_t c) {
        if (c < 0x80) {
            out += static_cast<char>(c);
        } else if (c < 0x800) {
            out += static_cast<char>(0xC0 | (c >> 6));
            out += static_cast<char>(0x80 | (c & 0x3F));
        } else {
            out += static_cast<char>(0xE0 | (c >> 12));
            out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (c & 0x3F));
        }
    };
    for (std::size_t i = 0; i < text.size();) {
        const auto b = static_cast<unsigned char>(text[i]);
        char32_t c = b;
        std::size_t n = 1;
        if (b >= 0xF0 && i + 3 < text.size()) {
            out.append(text.substr(i, 4));  // beyond the BMP: as it is
            i += 4;
            continue;
        }
        if (b >= 0xE0 && i + 2 < text.size()) {
            c = ((b & 0x0F) << 12) | ((static_cast<unsigned char>(text[i + 1]) & 0x3F) << 6) | (static_cast<unsigned char>(text[i + 2]) & 0x3F);
            n = 3;
        } else if (b >= 0xC0 && i + 1 < text.size()) {
            c = ((b & 0x1F) << 6) | (static_cast<unsigned char>(text[i + 1]) & 0x3F);
            n = 2;
        }
        i += n;
        if (c == U' ' || c == U'\u00A0' || c == U'\t' || c == U'\n' || c == U'\r' || c == U'\u202F') continue;
        if (c >= U'A' && c <= U'Z') c += 0x20;
        else if (c >= U'А' && c <= U'Я') c += 0x20;
        if (c == U'Ё' || c == U'ё') c = U'е';
        if (c == U'\u2010' || c == U'\u2011' || c == U'\u2012' || c == U'\u2013' || c == U'\u2014' || c == U'\u2212') c = U'-';
        if (c == U'«' || c == U'»' || c == U'“' || c == U'”' || c == U'„') c = U'"';
        put(c);
    }
    while (!out.empty() && out.back() == '*') out.pop_back();
    return out;
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
