// Reading a workbook into the JSON tree of its format: sheets found by name, columns by their
// header (anywhere in the row, in any order, also under a second header row), form rows by
// their label; every cell converted by the type of its field, every problem reported with the
// sheet, the cell and the column title. References («Иванова М.П.») are resolved to ids once
// all sheets are read, since a sheet may refer to one that comes later.

#include "nastavnik/workbook/workbook.hpp"

#include "nastavnik/core/date.hpp"
#include "nastavnik/core/file_io.hpp"
#include "nastavnik/text/letter_case.hpp"
#include "workbook/labels.hpp"
#include "workbook/types.hpp"
#include "workbook/xlsx.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <map>
#include <set>
#include <unordered_map>

namespace nastavnik::workbook {

namespace {

using detail::Cell;
using detail::match_key;
using detail::trim;
using input::JsonValue;
using input::TextPosition;
using K = data::Type::Kind;

std::string in_quotes(std::string_view s) {
    return "«" + text::shorten(s, 60) + "»";
}

// Names places for messages; filled while the sheets are read.
class Places final : public input::SheetPlaces {
public:
    struct Names {
        std::string name;
        std::map<int, std::string> columns;  // table: header of a column
        std::map<int, std::string> rows;     // form: label of a row
    };
    std::vector<Names> sheets;  // by the sheet's position in the workbook

    [[nodiscard]] std::string describe(const TextPosition& p) const override {
        if (p.sheet < 1 || static_cast<std::size_t>(p.sheet) > sheets.size()) return "";
        const Names& s = sheets[static_cast<std::size_t>(p.sheet - 1)];
        std::string out = "лист «" + s.name + "»";
        if (p.line <= 0 && p.column > 0) {
            const auto it = s.columns.find(p.column);
            return out + ", столбец " + column_letters(p.column - 1) + (it != s.columns.end() ? " («" + it->second + "»)" : "");
        }
        if (p.line <= 0) return out;
        if (p.column <= 0) {
            const auto it = s.rows.find(p.line);
            return out + ", строка " + std::to_string(p.line) + (it != s.rows.end() ? " («" + it->second + "»)" : "");
        }
        out += ", ячейка " + column_letters(p.column - 1) + std::to_string(p.line);
        std::string title;
        if (const auto it = s.rows.find(p.line); it != s.rows.end() && p.column > 1) title = it->second;
        else if (const auto c = s.columns.find(p.column); c != s.columns.end()) title = c->second;
        return title.empty() ? out : out + " («" + title + "»)";
    }
};

const data::Type& scalar_of(const data::Type& t) { return t.kind == K::array && t.item ? *t.item : t; }

std::string number_text(double x) {
    char buf[40];
    if (std::fabs(x) < 1e15 && x == std::floor(x)) {
        std::snprintf(buf, sizeof buf, "%.0f", x);
        return std::string(buf) == "-0" ? "0" : buf;
    }
    for (const int precision : {15, 16, 17}) {
        std::snprintf(buf, sizeof buf, "%.*g", precision, x);
        double back = 0;
        std::from_chars(buf, buf + std::strlen(buf), back);
        if (back == x) break;
    }
    return buf;
}

// Excel's day numbers: 1900 system from 31.12.1899 with the phantom 29.02.1900 (day 60) that
// Lotus 1-2-3 had; 1904 system (old Mac workbooks) from 01.01.1904.
std::optional<Date> serial_date(double serial, bool date1904, bool& phantom) {
    phantom = false;
    if (!std::isfinite(serial) || serial < 0 || serial >= 2958466) return std::nullopt;
    const long n = static_cast<long>(std::floor(serial));
    if (date1904) return Date::from_day_number(Date(1904, 1, 1).day_number() + n);
    if (n < 1) return std::nullopt;
    if (n == 60) {
        phantom = true;
        return std::nullopt;
    }
    return Date::from_day_number(Date(1899, 12, 31).day_number() + n - (n > 60 ? 1 : 0));
}

std::string dotted(const Date& d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02d.%02d.%04d", d.day(), d.month(), d.year());
    return buf;
}

enum class DateParse { ok, no_such_day, not_a_date };

// Dates typed by hand: «01.09.2023», «1.9.23», «01/09/2023», «2023-09-01», «01.09.2023 г.».
DateParse parse_text_date(std::string_view s, Date& out) {
    std::string t(trim(s));
    for (const char* tail : {" г.", "г.", " г", "г"}) {
        if (t.size() > std::strlen(tail) && t.ends_with(tail)) {
            t.resize(t.size() - std::strlen(tail));
            t = std::string(trim(t));
            break;
        }
    }
    std::vector<std::string> parts;
    char separator = 0;
    std::string current;
    for (const char c : t) {
        if (c >= '0' && c <= '9') {
            current += c;
        } else if ((c == '.' || c == '/' || c == '-') && (separator == 0 || separator == c)) {
            separator = c;
            parts.push_back(current);
            current.clear();
        } else {
            return DateParse::not_a_date;
        }
    }
    parts.push_back(current);
    if (parts.size() != 3) return DateParse::not_a_date;
    for (const auto& p : parts) {
        if (p.empty() || p.size() > 4) return DateParse::not_a_date;
    }
    int y, m, d;
    if (parts[0].size() == 4 && separator == '-') {  // ISO
        if (parts[1].size() != 2 || parts[2].size() != 2) return DateParse::not_a_date;
        y = std::stoi(parts[0]);
        m = std::stoi(parts[1]);
        d = std::stoi(parts[2]);
    } else {
        if (parts[0].size() > 2 || parts[1].size() > 2 || (parts[2].size() != 2 && parts[2].size() != 4)) return DateParse::not_a_date;
        d = std::stoi(parts[0]);
        m = std::stoi(parts[1]);
        y = std::stoi(parts[2]);
        // Two-digit years as Excel reads them: 00–29 → 2000s, 30–99 → 1900s.
        if (parts[2].size() == 2) y += y < 30 ? 2000 : 1900;
    }
    if (m < 1 || m > 12 || d < 1 || d > Date::days_in_month(y, m)) return DateParse::no_such_day;
    out = Date(y, m, d);
    return DateParse::ok;
}

std::optional<double> parse_number(std::string_view s) {
    std::string t;
    for (const char c : trim(s)) {
        if (c == ' ') continue;
        t += c == ',' ? '.' : c;
    }
    // Non-breaking and narrow spaces between thousands.
    for (const char* space : {"\u00A0", "\u202F"}) {
        for (auto at = t.find(space); at != std::string::npos; at = t.find(space)) t.erase(at, std::strlen(space));
    }
    if (t.empty()) return std::nullopt;
    double x = 0;
    const auto [ptr, ec] = std::from_chars(t.data(), t.data() + t.size(), x);
    if (ec != std::errc() || ptr != t.data() + t.size() || !std::isfinite(x)) return std::nullopt;
    return x;
}

JsonValue string_value(std::string s, TextPosition p) {
    JsonValue v;
    v.kind = JsonValue::Kind::string;
    v.scalar = std::move(s);
    v.position = p;
    return v;
}

// Line breaks as one character: Alt+Enter in Excel is "\n"; some writers put "\r\n".
std::string normalise_breaks(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\r') {
            out += '\n';
            if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
        } else {
            out += s[i];
        }
    }
    return out;
}

// Inserts `key: value` into an object where the schema orders it, so that an imported file
// lists its fields as the format does.
void insert_in_order(JsonValue& object, const data::Type& type, const std::string& key, JsonValue value, TextPosition at) {
    const auto rank = [&](const std::string& k) {
        for (std::size_t i = 0; i < type.fields.size(); ++i) {
            if (type.fields[i].key == k) return i;
        }
        return type.fields.size();
    };
    const std::size_t r = rank(key);
    // Columns come in the schema's order: mostly the value goes last.
    if (object.members.empty() || rank(object.members.back().key) <= r) {
        object.members.push_back(input::JsonMember{key, at, std::move(value)});
        return;
    }
    auto it = object.members.begin();
    while (it != object.members.end() && rank(it->key) <= r) ++it;
    object.members.insert(it, input::JsonMember{key, at, std::move(value)});
}

JsonValue* member(JsonValue& object, const std::string& key) {
    for (auto& m : object.members) {
        if (m.key == key) return &m.value;
    }
    return nullptr;
}

const data::Field* field_of(const data::Type& object, const std::string& key) {
    for (const auto& f : object.fields) {
        if (f.key == key) return &f;
    }
    return nullptr;
}

// The names a sheet's columns (form rows) and sections are known by, reduced by match_key: made
// once per process, not for every cell of every workbook.
struct SheetNames {
    std::unordered_map<std::string, std::vector<const Column*>> columns;  // title, earlier titles, path
    std::vector<std::string> sections;
};

const SheetNames& names_of(const Sheet& sheet) {
    static const std::map<const Sheet*, SheetNames> all = [] {
        std::map<const Sheet*, SheetNames> m;
        for (const Layout* l : {&organisation_layout(), &municipality_layout()}) {
            for (const auto& s : l->sheets) {
                SheetNames& n = m[&s];
                for (const auto& c : s.columns) {
                    std::set<std::string> keys = {match_key(c.title), match_key(c.path)};
                    for (const auto& a : c.aliases) keys.insert(match_key(a));
                    for (const auto& k : keys) n.columns[k].push_back(&c);
                }
                for (const auto& section : s.sections) n.sections.push_back(match_key(section.title));
            }
        }
        return m;
    }();
    return all.at(&sheet);
}

class Reader {
public:
    Reader(detail::XlsxPackage& package, std::string file, const Layout& layout)
        : package_(package), file_(std::move(file)), layout_(layout), places_(std::make_shared<Places>()) {}

    // `lenient`: what the cells that read hold, whatever the others (for naming an organisation
    // whose workbook is rejected).
    ReadResult read(bool lenient = false) {
        match_sheets();
        for (std::size_t i = 0; i < package_.sheets().size(); ++i) {
            const int index = matched_[i];
            if (index < 0) continue;
            const Sheet& sheet = layout_.sheets[static_cast<std::size_t>(index)];
            if (sheet.kind == Sheet::Kind::table) read_table(i, sheet, index);
            else read_form(i, sheet, index);
        }
        ReadResult result;
        result.root = assemble();
        assign_ids(result.root);
        resolve(result.root);
        if (!lenient) sink_.throw_if_any(ErrorCode::data_invalid);
        result.places = places_;
        result.warnings = std::move(warnings_);
        result.layout = &layout_;
        return result;
    }

private:
    struct Item {
        JsonValue value;
        int row = 0;
        TextPosition parent_at;      // child tables: the cell naming the parent
        std::string parent_text;
        bool needs_id = false;
    };
    struct TableData {
        bool present = false;
        int workbook_sheet = 0;      // 1-based
        std::vector<Item> items;
    };
    struct FormValue {
        JsonValue value;
        int row = 0;
    };

    // ---- messages ----
    InputLocation at(TextPosition p) const {
        InputLocation where{file_, p.line, p.column, {}};
        where.place = places_->describe(p);
        return where;
    }
    void error(TextPosition p, std::string message) { sink_.add(at(p), std::move(message)); }
    void warn(TextPosition p, std::string message) { warnings_.push_back(Diagnostic{at(p), std::move(message)}); }

    // ---- sheets ----
    void match_sheets() {
        const auto& sheets = package_.sheets();
        matched_.assign(sheets.size(), -1);
        std::set<int> taken;
        for (std::size_t i = 0; i < sheets.size(); ++i) {
            places_->sheets.push_back(Places::Names{sheets[i].name, {}, {}});
            const std::string key = match_key(sheets[i].name);
            if (key == match_key(instruction_sheet) || key == match_key(lists_sheet)) continue;
            int found = -1;
            for (std::size_t k = 0; k < layout_.sheets.size(); ++k) {
                if (match_key(layout_.sheets[k].name) == key) found = static_cast<int>(k);
            }
            const TextPosition whole{0, 0, static_cast<int>(i + 1)};
            if (found < 0) {
                warn(whole, "лист не используется программой: такого листа в книге " + layout_.kind_title + " нет — его данные не читаются");
            } else if (!taken.insert(found).second) {
                warn(whole, "второй лист «" + layout_.sheets[static_cast<std::size_t>(found)].name + "» — читается только первый");
            } else {
                matched_[i] = found;
            }
        }
        for (std::size_t k = 0; k < layout_.sheets.size(); ++k) {
            const Sheet& s = layout_.sheets[k];
            if (taken.count(static_cast<int>(k)) != 0) continue;
            const bool required = s.kind == Sheet::Kind::form
                                      ? std::any_of(s.sections.begin(), s.sections.end(), [](const Section& x) { return x.required; })
                                      : s.parent < 0 && s.keys.size() == 1 && root_field(s.keys[0]) && root_field(s.keys[0])->required;
            if (required) {
                sink_.add(InputLocation{file_, 0, 0, {}}, "в книге нет листа «" + s.name + "» — он обязателен");
            }
        }
    }

    const data::Field* root_field(const std::string& key) const { return field_of(*layout_.format.schema, key); }

    // Which layout column a header names: by its title, an earlier title, or the field path.
    static const Column* column_named(const Sheet& sheet, const std::string& key) {
        const auto& named = names_of(sheet).columns;
        const auto it = named.find(key);
        return it == named.end() ? nullptr : it->second.front();
    }

    void read_table(std::size_t workbook_index, const Sheet& sheet, int layout_index) {
        const int sheet_no = static_cast<int>(workbook_index + 1);
        TableData& data = tables_[layout_index];
        data.present = true;
        data.workbook_sheet = sheet_no;
        Places::Names& names = places_->sheets[workbook_index];
        std::vector<const Column*> by_column;  // sheet column (1-based) → layout column
        std::set<const Column*> seen;
        int header_row = 0;
        bool second_header_checked = false;
        bool header_finished = false;
        int rows_before_header = 0;
        std::map<int, std::string> header_text;  // the header row's texts, for a second header row below
        std::set<int> warned_columns;
        std::vector<Item>& items = data.items;

        // The column a header cell names: by itself, or under the title above it (a title over
        // several columns, merged: «Дата» over «рождения» and «приёма на работу»).
        const auto header_column = [&](const Cell& c, bool second) -> const Column* {
            if (c.kind != Cell::Kind::text) return nullptr;
            const std::string text(trim(c.text));
            if (const Column* col = column_named(sheet, match_key(text))) return col;
            if (!second) return nullptr;
            for (int k = c.column; k >= 1; --k) {
                if (const auto it = header_text.find(k); it != header_text.end()) {
                    return column_named(sheet, match_key(it->second + " " + text));
                }
            }
            return nullptr;
        };
        const auto map_header = [&](int row, std::vector<Cell>& cells, bool second) {
            int matched = 0;
            for (const Cell& c : cells) {
                const Column* col = header_column(c, second);
                if (col == nullptr) continue;
                ++matched;
                if (static_cast<std::size_t>(c.column) >= by_column.size()) by_column.resize(static_cast<std::size_t>(c.column) + 1, nullptr);
                if (!seen.insert(col).second) {
                    warn(TextPosition{row, c.column, sheet_no}, "столбец «" + col->title + "» уже есть левее — этот не читается");
                    continue;
                }
                by_column[static_cast<std::size_t>(c.column)] = col;
                names.columns[c.column] = std::string(trim(c.text));
            }
            return matched;
        };

        package_.read_sheet(
            package_.sheets()[workbook_index],
            [&](int row, std::vector<Cell>& cells) {
                if (header_row == 0) {
                    if (map_header(row, cells, false) == 0) {
                        if (++rows_before_header >= 20) {
                            std::string expected;
                            for (std::size_t i = 0; i < sheet.columns.size() && i < 4; ++i) {
                                expected += (i ? ", «" : "«") + sheet.columns[i].title + "»";
                            }
                            error(TextPosition{0, 0, sheet_no}, "не найдена строка заголовков (ожидаются столбцы " + expected + " …)");
                            return false;
                        }
                        return true;
                    }
                    header_row = row;
                    for (const Cell& c : cells) {
                        if (c.kind == Cell::Kind::text) header_text[c.column] = std::string(trim(c.text));
                    }
                    return true;
                }
                if (!second_header_checked) {
                    second_header_checked = true;
                    // Two header rows: group titles above, the columns' own below (merged cells).
                    const bool all_text = std::all_of(cells.begin(), cells.end(), [](const Cell& c) { return c.kind == Cell::Kind::text && !c.formula; });
                    if (row == header_row + 1 && all_text) {
                        bool any_new = false;
                        for (const Cell& c : cells) {
                            const Column* col = header_column(c, true);
                            if (col != nullptr && seen.count(col) == 0) any_new = true;
                        }
                        if (any_new) {
                            map_header(row, cells, true);
                            return true;
                        }
                    }
                }
                if (!header_finished) {
                    header_finished = true;
                    finish_header(sheet, sheet_no, by_column, seen, header_text, names);
                }
                read_table_row(sheet, sheet_no, row, cells, by_column, warned_columns, items);
                return true;
            },
            Limits::max_rows);
        if (header_row != 0 && !header_finished) finish_header(sheet, sheet_no, by_column, seen, header_text, names);
        if (!items.empty()) {
            for (const auto& c : sheet.columns) {
                if (c.required && c.role != ColumnRole::id && seen.count(&c) == 0) {
                    error(TextPosition{0, 0, sheet_no}, "нет столбца «" + c.title + "» — он обязателен");
                }
            }
        }
    }

    void finish_header(const Sheet& sheet, int sheet_no, const std::vector<const Column*>& by_column,
                       const std::set<const Column*>& seen, const std::map<int, std::string>& header_text, Places::Names& names) {
        (void)sheet;
        (void)seen;
        for (const auto& [column, text] : header_text) {
            const bool known = static_cast<std::size_t>(column) < by_column.size() && by_column[static_cast<std::size_t>(column)] != nullptr;
            if (!known && !text.empty()) {
                names.columns.emplace(column, text);
                warn(TextPosition{0, column, sheet_no}, "такого столбца программа не знает — его данные не читаются");
            }
        }
    }

    void read_table_row(const Sheet& sheet, int sheet_no, int row, std::vector<Cell>& cells,
                        const std::vector<const Column*>& by_column, std::set<int>& warned, std::vector<Item>& items) {
        // Cells of this row by layout column.
        std::vector<const Cell*> value_of(sheet.columns.size(), nullptr);
        bool any = false;
        for (const Cell& c : cells) {
            const Column* col = static_cast<std::size_t>(c.column) < by_column.size() ? by_column[static_cast<std::size_t>(c.column)] : nullptr;
            if (col == nullptr) {
                if (warned.insert(c.column).second && !places_->sheets[static_cast<std::size_t>(sheet_no - 1)].columns.count(c.column)) {
                    warn(TextPosition{row, c.column, sheet_no}, "данные в столбце без заголовка — они не читаются");
                }
                continue;
            }
            value_of[static_cast<std::size_t>(col - sheet.columns.data())] = &c;
            any = true;
        }
        if (!any) return;  // an empty row inside the table
        Item item;
        item.row = row;
        item.value.kind = JsonValue::Kind::object;
        item.value.position = TextPosition{row, 0, sheet_no};
        bool has_id = false;
        for (std::size_t i = 0; i < sheet.columns.size(); ++i) {
            const Column& col = sheet.columns[i];
            const Cell* cell = value_of[i];
            const int column_no = cell ? cell->column : column_of(by_column, &col);
            const TextPosition pos{row, column_no, sheet_no};
            if (col.null_object > 0 && cell && cell->kind == Cell::Kind::text && !cell->formula && match_key(cell->text) == null_key_) {
                // «нет» in the first column of an object that may be null: the object is known to be absent.
                const std::vector<std::string> object_keys(col.keys.begin(), col.keys.begin() + static_cast<long>(col.null_object));
                JsonValue null_value;
                null_value.position = pos;
                set_path(item.value, *sheet.item, object_keys, std::move(null_value), pos);
                continue;
            }
            std::optional<JsonValue> v = cell ? convert(col, *cell, pos) : std::nullopt;
            if (!v) {
                if (col.required && col.role != ColumnRole::id && !(cell && failed_)) {
                    if (column_no > 0) error(pos, "не заполнена обязательная ячейка");
                }
                failed_ = false;
                continue;
            }
            if (col.role == ColumnRole::parent) {
                item.parent_text = v->scalar;
                item.parent_at = pos;
                continue;
            }
            if (col.role == ColumnRole::id) has_id = true;
            if (!set_path(item.value, *sheet.item, col.keys, std::move(*v), pos)) {
                error(pos, std::string("ячейка заполнена, а левее в строке стоит «") + null_word + "» — этих сведений нет");
            }
        }
        item.needs_id = !has_id && std::any_of(sheet.columns.begin(), sheet.columns.end(),
                                               [](const Column& c) { return c.role == ColumnRole::id; });
        items.push_back(std::move(item));
    }

    static int column_of(const std::vector<const Column*>& by_column, const Column* col) {
        for (std::size_t i = 0; i < by_column.size(); ++i) {
            if (by_column[i] == col) return static_cast<int>(i);
        }
        return 0;
    }

    // Puts a value at a path inside an item, creating the objects on the way in schema order;
    // false if an object on the way was said to be absent («нет»).
    bool set_path(JsonValue& object, const data::Type& type, const std::vector<std::string>& keys, JsonValue v, TextPosition pos) {
        JsonValue* node = &object;
        const data::Type* t = &type;
        for (std::size_t i = 0; i + 1 < keys.size(); ++i) {
            JsonValue* next = member(*node, keys[i]);
            const data::Field* f = field_of(*t, keys[i]);
            if (next != nullptr && next->kind == JsonValue::Kind::null) return false;
            if (next == nullptr) {
                JsonValue o;
                o.kind = JsonValue::Kind::object;
                o.position = pos;
                insert_in_order(*node, *t, keys[i], std::move(o), pos);
                next = member(*node, keys[i]);
            }
            node = next;
            t = &f->type;
        }
        insert_in_order(*node, *t, keys.back(), std::move(v), pos);
        return true;
    }

    // ---- cells ----
    std::optional<JsonValue> convert(const Column& col, const Cell& cell, TextPosition pos) {
        failed_ = false;
        if (cell.formula) {
            std::string shown = cell.kind == Cell::Kind::text ? std::string(trim(cell.text)) : cell.text;
            error(pos, "в ячейке формула" + (shown.empty() ? std::string() : " (её значение " + in_quotes(shown) + ")") +
                           " — программа формулы не вычисляет; введите значение (Специальная вставка → значения)");
            failed_ = true;
            return std::nullopt;
        }
        if (cell.kind == Cell::Kind::error) {
            error(pos, "в ячейке ошибка " + in_quotes(cell.text) + " — введите значение");
            failed_ = true;
            return std::nullopt;
        }
        const data::Type& type = *col.type;
        if (col.role == ColumnRole::parent) {
            const std::string s = cell_text(cell);
            if (s.empty()) return std::nullopt;
            return string_value(s, pos);
        }
        if (type.kind == K::array) {
            if (detail::nullable(type) && cell.kind == Cell::Kind::text && match_key(cell.text) == null_key_) {
                JsonValue v;
                v.position = pos;
                return v;
            }
            const data::Type& item = scalar_of(type);
            JsonValue array;
            array.kind = JsonValue::Kind::array;
            array.position = pos;
            if (cell.kind != Cell::Kind::text) {
                if (auto v = scalar(col, item, cell, cell_text(cell), pos)) array.items.push_back(std::move(*v));
            } else {
                const bool semicolons = item.kind == K::ref || item.kind == K::enumeration;
                for (const std::string& part : split(normalise_breaks(cell.text), semicolons)) {
                    if (auto v = scalar(col, item, cell, part, pos)) array.items.push_back(std::move(*v));
                }
            }
            if (array.items.empty()) return std::nullopt;
            return array;
        }
        // A number in a date or number column is taken as it is: no text to make of it.
        const bool numeric = cell.kind == Cell::Kind::number &&
                             (type.kind == K::date || type.kind == K::date_or_null || type.kind == K::number ||
                              type.kind == K::answer);
        return scalar(col, type, cell, numeric ? std::string("#") : cell_text(cell), pos);
    }

    static std::vector<std::string> split(const std::string& s, bool semicolons) {
        std::vector<std::string> parts;
        std::string current;
        for (const char c : s) {
            if (c == '\n' || (semicolons && c == ';')) {
                if (!trim(current).empty()) parts.emplace_back(trim(current));
                current.clear();
            } else {
                current += c;
            }
        }
        if (!trim(current).empty()) parts.emplace_back(trim(current));
        return parts;
    }

    // What a cell shows as text: numbers without a trailing «.0», dates as ДД.ММ.ГГГГ.
    std::string cell_text(const Cell& cell) const {
        switch (cell.kind) {
            case Cell::Kind::text: return normalise_breaks(trim(cell.text));
            case Cell::Kind::boolean: return cell.number != 0 ? "да" : "нет";
            case Cell::Kind::number:
                if (cell.date) {
                    bool phantom = false;
                    if (const auto d = detail_serial(cell.number, phantom)) return dotted(*d);
                }
                return number_text(cell.number);
            case Cell::Kind::error: return cell.text;
        }
        return cell.text;
    }

    std::optional<Date> detail_serial(double x, bool& phantom) const { return serial_date(x, package_.date1904(), phantom); }

    std::optional<JsonValue> scalar(const Column& col, const data::Type& type, const Cell& cell, const std::string& text,
                                    TextPosition pos) {
        if (text.empty()) return std::nullopt;
        // «нет» where the type allows null: known to be absent (a date is never that short a word).
        if (detail::nullable(type) && cell.kind == Cell::Kind::text && text.size() <= 8 && match_key(text) == null_key_) {
            JsonValue v;
            v.position = pos;
            return v;
        }
        if (detail::is_boolean(type)) {
            const std::string key = cell.kind == Cell::Kind::boolean ? (cell.number != 0 ? "да" : "нет") : match_key(text);
            for (const auto& [word, value] : {std::pair<const char*, const char*>{"да", "true"}, {"нет", "false"}, {"истина", "true"},
                                              {"ложь", "false"}, {"true", "true"}, {"false", "false"}, {"1", "true"}, {"0", "false"}}) {
                if (key == match_key(word)) {
                    JsonValue v;
                    v.kind = JsonValue::Kind::boolean;
                    v.scalar = value;
                    v.position = pos;
                    return v;
                }
            }
            error(pos, "ожидается «да» или «нет», в ячейке " + in_quotes(text));
            failed_ = true;
            return std::nullopt;
        }
        switch (type.kind) {
            case K::date_or_null:
            case K::date: {
                Date d;
                if (cell.kind == Cell::Kind::number) {
                    bool phantom = false;
                    const auto got = detail_serial(cell.number, phantom);
                    if (!got) {
                        error(pos, phantom ? "такой даты нет: 29.02.1900" : "число " + in_quotes(number_text(cell.number)) + " не дата");
                        failed_ = true;
                        return std::nullopt;
                    }
                    d = *got;
                } else {
                    switch (parse_text_date(text, d)) {
                        case DateParse::ok: break;
                        case DateParse::no_such_day:
                            error(pos, "такой даты нет: " + text);
                            failed_ = true;
                            return std::nullopt;
                        case DateParse::not_a_date:
                            error(pos, "ожидается дата в виде ДД.ММ.ГГГГ" +
                                           std::string(type.kind == K::date_or_null ? " или «нет»" : "") + ", в ячейке " + in_quotes(text));
                            failed_ = true;
                            return std::nullopt;
                    }
                }
                return string_value(d.iso(), pos);
            }
            case K::number: {
                std::optional<double> x = cell.kind == Cell::Kind::number ? std::optional<double>(cell.number) : parse_number(text);
                if (!x) {
                    error(pos, "ожидается число, в ячейке " + in_quotes(text));
                    failed_ = true;
                    return std::nullopt;
                }
                JsonValue v;
                v.kind = JsonValue::Kind::number;
                v.scalar = number_text(*x);
                v.position = pos;
                return v;
            }
            case K::enumeration:
            case K::constant: {
                // As the drop-down wrote it: no folding needed.
                for (const auto& value : type.values) {
                    if (value == text) return string_value(value, pos);
                }
                const std::string key = match_key(text);
                for (const auto& value : type.values) {
                    if (match_key(value) == key) return string_value(value, pos);
                }
                for (const auto& [code, label] : col.value_labels) {
                    if (match_key(label) == key) return string_value(code, pos);
                }
                std::string allowed;
                for (std::size_t i = 0; i < type.values.size(); ++i) {
                    std::string shown = type.values[i];
                    for (const auto& [code, label] : col.value_labels) {
                        if (code == shown) shown = label;
                    }
                    allowed += (i ? ", «" : "«") + shown + "»";
                }
                error(pos, "недопустимое значение " + in_quotes(text) + "; выберите из списка: " + allowed);
                failed_ = true;
                return std::nullopt;
            }
            case K::answer: {
                // A score, a percentage or a count — or «да»/«нет».
                if (cell.kind == Cell::Kind::number) {
                    JsonValue v;
                    v.kind = JsonValue::Kind::number;
                    v.scalar = number_text(cell.number);
                    v.position = pos;
                    return v;
                }
                for (const char* word : {"да", "нет"}) {
                    if (match_key(text) == match_key(word)) return string_value(word, pos);
                }
                if (cell.kind == Cell::Kind::boolean) return string_value(cell.number != 0 ? "да" : "нет", pos);
                if (const auto x = parse_number(text)) {
                    JsonValue v;
                    v.kind = JsonValue::Kind::number;
                    v.scalar = number_text(*x);
                    v.position = pos;
                    return v;
                }
                error(pos, "ожидается число или «да»/«нет», в ячейке " + in_quotes(text));
                failed_ = true;
                return std::nullopt;
            }
            case K::id:
                if (text.find_first_of(" \t\n") != std::string::npos) {
                    error(pos, "код " + in_quotes(text) + " содержит пробел — код пишется без пробелов");
                    failed_ = true;
                    return std::nullopt;
                }
                return string_value(text, pos);
            default:
                return string_value(text, pos);
        }
    }

    // ---- forms ----
    void read_form(std::size_t workbook_index, const Sheet& sheet, int layout_index) {
        (void)layout_index;
        const int sheet_no = static_cast<int>(workbook_index + 1);
        Places::Names& names = places_->sheets[workbook_index];
        int section = 0;
        std::set<const Column*> seen;
        package_.read_sheet(
            package_.sheets()[workbook_index],
            [&](int row, std::vector<Cell>& cells) {
                const Cell* label = cells.front().column == 1 ? &cells.front() : nullptr;
                const std::string label_text = label ? std::string(trim(label->kind == Cell::Kind::text ? label->text : cell_text(*label))) : "";
                const std::string key = match_key(label_text);
                if (key == match_key(form_header_label)) return true;  // the header row of the form
                std::vector<const Cell*> values;
                for (const Cell& c : cells) {
                    if (c.column >= 2) values.push_back(&c);
                }
                const SheetNames& known = names_of(sheet);
                for (std::size_t s = 0; s < sheet.sections.size(); ++s) {
                    if (!key.empty() && known.sections[s] == key) {
                        section = static_cast<int>(s);
                        section_rows_[&sheet.sections[s]] = TextPosition{row, 0, sheet_no};
                        names.rows[row] = label_text;
                        return true;
                    }
                }
                const Column* col = nullptr;
                const Column* elsewhere = nullptr;
                int candidates = 0;
                if (const auto named = known.columns.find(key); !key.empty() && named != known.columns.end()) {
                    for (const Column* c : named->second) {
                        if (c->section == section) col = c;
                        elsewhere = c;
                        ++candidates;
                    }
                }
                if (col == nullptr && candidates == 1) col = elsewhere;
                if (col == nullptr) {
                    if (!values.empty() && !label_text.empty()) {
                        names.rows[row] = label_text;
                        warn(TextPosition{row, 0, sheet_no}, "такой строки программа не знает — её данные не читаются");
                    } else if (!values.empty()) {
                        warn(TextPosition{row, values.front()->column, sheet_no}, "значение в строке без названия — оно не читается");
                    }
                    return true;
                }
                names.rows[row] = label_text;
                section = col->section;
                if (!seen.insert(col).second) {
                    warn(TextPosition{row, 0, sheet_no}, "строка «" + col->title + "» уже есть выше — эта не читается");
                    return true;
                }
                form_rows_[col] = row;
                read_form_value(sheet, sheet_no, row, *col, values);
                return true;
            },
            Limits::max_rows);
        form_sheets_[&sheet] = sheet_no;
    }

    void read_form_value(const Sheet& sheet, int sheet_no, int row, const Column& col, const std::vector<const Cell*>& values) {
        if (values.empty()) return;
        const TextPosition first{row, values.front()->column, sheet_no};
        const Section& section = sheet.sections[static_cast<std::size_t>(col.section)];
        if (section.nullable && &col == first_of(sheet, col.section) && values.front()->kind == Cell::Kind::text &&
            match_key(values.front()->text) == null_key_) {
            // «нет» in the first row of a section that may be null: the whole object is known to be absent.
            null_sections_[section.keys] = first;
            return;
        }
        if (col.type->kind == K::array) {
            if (values.size() == 1) {
                if (auto v = convert(col, *values.front(), first); v && v->kind == JsonValue::Kind::null) {
                    form_values_[&col] = FormValue{std::move(*v), row};  // a list known to be absent
                    return;
                }
            }
            JsonValue array;
            array.kind = JsonValue::Kind::array;
            array.position = first;
            for (const Cell* c : values) {
                const TextPosition pos{row, c->column, sheet_no};
                if (auto v = convert(col, *c, pos)) {
                    for (auto& item : v->items) array.items.push_back(std::move(item));
                } else if (failed_) {
                    failed_columns_.insert(&col);
                }
            }
            if (!array.items.empty()) form_values_[&col] = FormValue{std::move(array), row};
            return;
        }
        if (values.size() > 1) {
            warn(TextPosition{row, values[1]->column, sheet_no}, "лишнее значение — читается только первое, в ячейке " +
                                                                     column_letters(values.front()->column - 1) + std::to_string(row));
        }
        if (auto v = convert(col, *values.front(), first)) form_values_[&col] = FormValue{std::move(*v), row};
        else if (failed_) failed_columns_.insert(&col);
    }

    static const Column* first_of(const Sheet& sheet, int section) {
        for (const auto& c : sheet.columns) {
            if (c.section == section) return &c;
        }
        return nullptr;
    }

    // ---- the tree ----
    JsonValue assemble() {
        JsonValue root;
        root.kind = JsonValue::Kind::object;
        // A workbook made for an earlier version of the format keeps that version's meaning
        // (what a cell left empty says); one without the property is read as the current one.
        const std::string& declared = package_.declared_format();
        JsonValue format = string_value(data::format_version(layout_.format, declared) != 0 ? declared : std::string(layout_.format.format), {});
        root.members.push_back(input::JsonMember{"format", {}, std::move(format)});
        fill_object(root, *layout_.format.schema, {}, true);
        // Required fields of the sections that are there.
        for (const auto& sheet : layout_.sheets) {
            if (sheet.kind != Sheet::Kind::form) continue;
            const auto sheet_it = form_sheets_.find(&sheet);
            for (std::size_t s = 0; s < sheet.sections.size(); ++s) {
                const Section& section = sheet.sections[s];
                if (null_sections_.count(section.keys) != 0) continue;
                if (!section.required && !section_filled(sheet, static_cast<int>(s))) continue;
                for (const auto& c : sheet.columns) {
                    if (c.section != static_cast<int>(s) || !c.required || form_values_.count(&c) != 0 || failed_columns_.count(&c) != 0) continue;
                    if (sheet_it == form_sheets_.end()) continue;  // the missing sheet is reported already
                    const auto row = form_rows_.find(&c);
                    if (row != form_rows_.end()) {
                        error(TextPosition{row->second, 2, sheet_it->second}, "не заполнена обязательная ячейка");
                    } else {
                        error(TextPosition{0, 0, sheet_it->second}, "нет строки «" + c.title + "» (раздел «" + section.title + "») — она обязательна");
                    }
                }
            }
        }
        return root;
    }

    bool section_filled(const Sheet& sheet, int section) const {
        for (const auto& c : sheet.columns) {
            if (c.section == section && form_values_.count(&c) != 0) return true;
        }
        return false;
    }

    // Fills an object of the schema at `path` from the forms and tables read.
    void fill_object(JsonValue& object, const data::Type& type, const std::vector<std::string>& path, bool root) {
        for (const auto& f : type.fields) {
            if (root && f.type.kind == K::constant) continue;
            auto keys = path;
            keys.push_back(f.key);
            if (const auto null_section = null_sections_.find(keys); null_section != null_sections_.end() && f.type.kind == K::object) {
                JsonValue null_value;
                null_value.position = null_section->second;
                object.members.push_back(input::JsonMember{f.key, null_section->second, std::move(null_value)});
            } else if (f.type.kind == K::object) {
                JsonValue sub;
                sub.kind = JsonValue::Kind::object;
                sub.position = section_position(keys);
                fill_object(sub, f.type, keys, false);
                if (!sub.members.empty()) object.members.push_back(input::JsonMember{f.key, sub.position, std::move(sub)});
            } else if (f.type.kind == K::array && f.type.item && f.type.item->kind == K::object) {
                if (auto array = table_array(keys)) object.members.push_back(input::JsonMember{f.key, array->position, std::move(*array)});
            } else if (const FormValue* v = form_value(keys)) {
                object.members.push_back(input::JsonMember{f.key, v->value.position, v->value});
            }
        }
    }

    TextPosition section_position(const std::vector<std::string>& keys) const {
        for (const auto& [section, pos] : section_rows_) {
            if (section->keys == keys) return pos;
        }
        for (const auto& sheet : layout_.sheets) {
            for (std::size_t s = 0; s < sheet.sections.size(); ++s) {
                if (sheet.sections[s].keys != keys) continue;
                const auto it = form_sheets_.find(&sheet);
                if (it == form_sheets_.end()) continue;
                for (const auto& c : sheet.columns) {
                    if (c.section == static_cast<int>(s)) {
                        if (const auto r = form_rows_.find(&c); r != form_rows_.end()) return TextPosition{r->second, 0, it->second};
                    }
                }
                return TextPosition{0, 0, it->second};
            }
        }
        return {};
    }

    const FormValue* form_value(const std::vector<std::string>& keys) const {
        for (const auto& [col, value] : form_values_) {
            const Sheet* sheet = sheet_of(col);
            if (sheet == nullptr) continue;
            auto full = sheet->sections[static_cast<std::size_t>(col->section)].keys;
            full.insert(full.end(), col->keys.begin(), col->keys.end());
            if (full == keys) return &value;
        }
        return nullptr;
    }

    const Sheet* sheet_of(const Column* col) const {
        for (const auto& s : layout_.sheets) {
            if (!s.columns.empty() && col >= s.columns.data() && col < s.columns.data() + s.columns.size()) return &s;
        }
        return nullptr;
    }

    std::optional<JsonValue> table_array(const std::vector<std::string>& keys) {
        for (std::size_t k = 0; k < layout_.sheets.size(); ++k) {
            const Sheet& s = layout_.sheets[k];
            if (s.kind != Sheet::Kind::table || s.parent >= 0 || s.keys != keys) continue;
            auto it = tables_.find(static_cast<int>(k));
            if (it == tables_.end() || !it->second.present) return std::nullopt;
            JsonValue array;
            array.kind = JsonValue::Kind::array;
            array.position = TextPosition{0, 0, it->second.workbook_sheet};
            for (std::size_t i = 0; i < it->second.items.size(); ++i) {
                Item& item = it->second.items[i];
                item_rows_[{static_cast<int>(k), i}] = item.row;
                if (item.needs_id) ids_needed_.insert({static_cast<int>(k), i});
                array.items.push_back(std::move(item.value));
            }
            // The items stay addressable through the array for ids, references and child rows.
            arrays_[static_cast<int>(k)] = keys;
            if (array.items.empty() && field_of(*layout_.format.schema, keys.front()) &&
                keys.size() == 1 && field_of(*layout_.format.schema, keys.front())->type.min_items > 0) {
                error(array.position, "на листе нет ни одной строки с данными — нужна хотя бы одна");
            }
            return array;
        }
        return std::nullopt;
    }

    // The array of a top-level table inside the assembled root.
    JsonValue* array_in(JsonValue& root, const std::vector<std::string>& keys) {
        JsonValue* node = &root;
        for (const auto& k : keys) {
            node = member(*node, k);
            if (node == nullptr) return nullptr;
        }
        return node;
    }

    // ---- ids, references, child rows ----
    void assign_ids(JsonValue& root) {
        std::set<std::string> used;
        collect_ids(root, *layout_.format.schema, used);
        for (const auto& [index, keys] : arrays_) {
            const Sheet& sheet = layout_.sheets[static_cast<std::size_t>(index)];
            JsonValue* array = array_in(root, keys);
            if (array == nullptr) continue;
            for (std::size_t i = 0; i < array->items.size(); ++i) {
                if (!needs_id(index, i)) continue;
                const int row = row_of(index, i);
                std::string id = sheet.collection + "-" + std::to_string(row);
                for (int n = 2; used.count(id) != 0; ++n) id = sheet.collection + "-" + std::to_string(row) + "-" + std::to_string(n);
                used.insert(id);
                insert_in_order(array->items[i], *sheet.item, "id", string_value(id, array->items[i].position), array->items[i].position);
            }
        }
    }

    bool needs_id(int index, std::size_t i) const { return ids_needed_.count({index, i}) != 0; }
    int row_of(int index, std::size_t i) const {
        const auto it = item_rows_.find({index, i});
        return it == item_rows_.end() ? 0 : it->second;
    }

    // The codes given in the workbook; a code given twice is reported at both cells.
    void collect_ids(const JsonValue& v, const data::Type& t, std::set<std::string>& used) {
        if (t.kind == K::object && v.kind == JsonValue::Kind::object) {
            for (const auto& m : v.members) {
                const data::Field* f = field_of(t, m.key);
                if (!f) continue;
                if (f->type.kind == K::id && m.value.kind == JsonValue::Kind::string) {
                    const auto [at, fresh] = first_code_.emplace(m.value.scalar, m.value.position);
                    if (!fresh) {
                        error(m.value.position, "код " + in_quotes(m.value.scalar) + " уже есть: " + places_->describe(at->second) +
                                                    " — код не повторяется в книге");
                    }
                    used.insert(m.value.scalar);
                }
                collect_ids(m.value, f->type, used);
            }
        } else if (t.kind == K::array && t.item && v.kind == JsonValue::Kind::array) {
            for (const auto& item : v.items) collect_ids(item, *t.item, used);
        }
    }

    struct Index {
        std::unordered_map<std::string, std::string> ids;               // exact id → id
        std::unordered_map<std::string, std::vector<std::string>> keys; // match key → ids (several: ambiguous)
        std::unordered_map<std::string, int> rows;                      // id → row on its sheet
        std::string sheet;                                              // where the items are
        int sheet_no = 0;
    };

    void add_key(Index& index, const std::string& key, const std::string& id) {
        if (key.empty()) return;
        auto& ids = index.keys[key];
        if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
    }

    void build_indexes(JsonValue& root) {
        for (const auto& [layout_index, keys] : arrays_) {
            const Sheet& sheet = layout_.sheets[static_cast<std::size_t>(layout_index)];
            JsonValue* array = array_in(root, keys);
            if (array == nullptr) continue;
            Index& index = indexes_[sheet.collection];
            index.sheet = sheet.name;
            index.sheet_no = tables_[layout_index].workbook_sheet;
            for (std::size_t i = 0; i < array->items.size(); ++i) {
                const JsonValue& item = array->items[i];
                const JsonValue* id = item.find("id");
                if (id == nullptr || id->kind != JsonValue::Kind::string) continue;
                index.ids[id->scalar] = id->scalar;
                index.rows[id->scalar] = row_of(layout_index, i);
                if (sheet.collection == "staff") {
                    add_key(index, match_key(detail::person_label(item)), id->scalar);
                    add_key(index, match_key(detail::person_full_name(item)), id->scalar);
                } else if (sheet.collection == "acts") {
                    add_key(index, match_key(detail::act_label(item)), id->scalar);
                }
            }
        }
        // Acts are also named by their number alone when no other act has it.
        if (auto it = indexes_.find("acts"); it != indexes_.end()) {
            if (JsonValue* acts = array_in(root, {"acts"})) {
                std::map<std::string, std::vector<std::string>> by_number;
                for (const auto& act : acts->items) {
                    const JsonValue* id = act.find("id");
                    const JsonValue* number = act.find("number");
                    if (id && number && number->kind == JsonValue::Kind::string) by_number[match_key(number->scalar)].push_back(id->scalar);
                }
                for (const auto& [number, ids] : by_number) {
                    if (ids.size() == 1) {
                        add_key(it->second, number, ids.front());
                        add_key(it->second, match_key("№" + number), ids.front());
                    }
                }
            }
        }
    }

    // People and documents first; then pairs and groups can be named by their people
    // (programmes: «Носкова В.А. — Савельева К.О.», a group by its mentor); rows of child
    // tables last, once their parents are known.
    void resolve(JsonValue& root) {
        build_indexes(root);
        resolve_value(root, *layout_.format.schema, Pass::people_and_documents);
        index_programmes(root);
        resolve_value(root, *layout_.format.schema, Pass::programmes);
        attach_children(root);
    }

    enum class Pass { people_and_documents, programmes, all };

    void resolve_value(JsonValue& v, const data::Type& t, Pass pass = Pass::all) {
        if (t.kind == K::object && v.kind == JsonValue::Kind::object) {
            for (auto& m : v.members) {
                if (const data::Field* f = field_of(t, m.key)) resolve_value(m.value, f->type, pass);
            }
        } else if (t.kind == K::array && t.item && v.kind == JsonValue::Kind::array) {
            for (auto& item : v.items) resolve_value(item, *t.item, pass);
        } else if (t.kind == K::ref && v.kind == JsonValue::Kind::string) {
            const bool programme = t.ref_collection == programmes;
            if (pass == Pass::people_and_documents && programme) return;
            if (pass == Pass::programmes && !programme) return;
            if (auto id = programme ? lookup_programme(v.scalar, v.position) : lookup(t.ref_collection, v.scalar, v.position)) {
                v.scalar = *id;
            }
        }
    }

    // The collection a reference to «a pair or a group» names (data/monitoring).
    static constexpr const char* programmes = "programmes";

    void index_programmes(JsonValue& root) {
        for (const char* collection : {"pairs", "groups"}) {
            JsonValue* items = array_in(root, {collection});
            if (items == nullptr) continue;
            Index& index = indexes_[collection];
            for (const auto& item : items->items) {
                const JsonValue* id = item.find("id");
                const JsonValue* mentor = item.find("mentor");
                if (!id || !mentor) continue;
                const JsonValue* m = staff_item(root, mentor->scalar);
                if (!m) continue;
                if (std::string(collection) == "groups") {
                    add_key(index, match_key(detail::person_label(*m)), id->scalar);
                    add_key(index, match_key(detail::person_full_name(*m)), id->scalar);
                } else if (const JsonValue* mentee = item.find("mentee")) {
                    if (const JsonValue* e = staff_item(root, mentee->scalar)) {
                        add_key(index, match_key(detail::person_label(*m) + "—" + detail::person_label(*e)), id->scalar);
                        add_key(index, match_key(detail::person_full_name(*m) + "—" + detail::person_full_name(*e)), id->scalar);
                    }
                }
            }
        }
    }

    // A pair or a group: by its code, «наставник — наставляемый» for a pair, the mentor for a group.
    std::optional<std::string> lookup_programme(const std::string& text, TextPosition pos) {
        std::vector<std::string> found;
        for (const char* collection : {"pairs", "groups"}) {
            const auto it = indexes_.find(collection);
            if (it == indexes_.end()) continue;
            if (const auto exact = it->second.ids.find(text); exact != it->second.ids.end()) return exact->second;
            if (const auto k = it->second.keys.find(match_key(text)); k != it->second.keys.end()) {
                found.insert(found.end(), k->second.begin(), k->second.end());
            }
        }
        if (found.size() == 1) return found.front();
        error(pos, found.empty() ? "нет наставнической пары или группы " + in_quotes(text) +
                                       " на листах «Пары» и «Группы»: укажите код пары (группы) или «наставник — наставляемый»"
                                 : in_quotes(text) + " — так названы несколько пар и групп; укажите код из столбца «Код пары» "
                                                     "или «Код группы»");
        return std::nullopt;
    }

    static std::string what_of(const std::string& collection) {
        if (collection == "staff") return "сотрудника";
        if (collection == "acts") return "документа";
        if (collection == "groups") return "группы";
        return "строки";
    }

    std::optional<std::string> lookup(const std::string& collection, const std::string& text, TextPosition pos) {
        const auto it = indexes_.find(collection);
        const Sheet* table = layout_.table_of(collection);
        const std::string sheet_name = table ? table->name : collection;
        if (it == indexes_.end()) {
            error(pos, "нет " + what_of(collection) + " " + in_quotes(text) + ": в книге нет листа «" + sheet_name + "»");
            return std::nullopt;
        }
        const Index& index = it->second;
        if (const auto exact = index.ids.find(text); exact != index.ids.end()) return exact->second;
        if (const auto k = index.keys.find(match_key(text)); k != index.keys.end()) {
            if (k->second.size() == 1) return k->second.front();
            std::string rows;
            for (std::size_t i = 0; i < k->second.size() && i < 5; ++i) {
                rows += (i ? ", " : "") + std::to_string(index.rows.at(k->second[i]));
            }
            error(pos, in_quotes(text) + " — так на листе «" + index.sheet + "» названы несколько строк (" + rows +
                           "); укажите полное имя или код из столбца «Код»");
            return std::nullopt;
        }
        // An id of another collection: a document where a person is expected, or the reverse.
        for (const auto& [other, other_index] : indexes_) {
            if (other != collection && other_index.ids.count(text) != 0) {
                error(pos, in_quotes(text) + " — это код " + what_of(other) + " с листа «" + other_index.sheet + "», а нужен код " +
                               what_of(collection) + " с листа «" + index.sheet + "»");
                return std::nullopt;
            }
        }
        error(pos, "нет " + what_of(collection) + " " + in_quotes(text) + " на листе «" + index.sheet + "» — выберите из списка");
        return std::nullopt;
    }

    void attach_children(JsonValue& root) {
        for (std::size_t k = 0; k < layout_.sheets.size(); ++k) {
            const Sheet& child = layout_.sheets[k];
            if (child.parent < 0) continue;
            auto data = tables_.find(static_cast<int>(k));
            if (data == tables_.end() || !data->second.present) continue;
            const Sheet& parent = layout_.sheets[static_cast<std::size_t>(child.parent)];
            JsonValue* parents = nullptr;
            if (const auto a = arrays_.find(child.parent); a != arrays_.end()) parents = array_in(root, a->second);
            if (parents == nullptr && !data->second.items.empty()) {
                error(data->second.items.front().parent_at, "в книге нет листа «" + parent.name + "», к строкам которого относится эта");
                continue;
            }
            if (parents == nullptr) continue;
            // A parent is named by its code (a group also by its mentor), or, when its items
            // have no code, by their key (a reporting year by the year).
            Index& index = indexes_[parent.collection];
            index.sheet = parent.name;
            const Column* key = detail::key_column(parent);
            const auto internal = [&](const JsonValue& item, std::size_t i) {
                const JsonValue* id = item.find("id");
                return id ? id->scalar : "#" + std::to_string(i);
            };
            for (std::size_t i = 0; i < parents->items.size(); ++i) {
                const JsonValue& item = parents->items[i];
                const std::string id = internal(item, i);
                index.rows[id] = row_of(child.parent, i);
                if (item.find("id") != nullptr) {
                    index.ids[id] = id;
                } else if (key != nullptr) {
                    const JsonValue* value = item.find(key->keys.front());
                    if (value && !value->scalar.empty()) {
                        index.ids[value->scalar] = id;
                        add_key(index, match_key(value->scalar), id);
                    }
                }
                if (const JsonValue* mentor = item.find("mentor"); mentor && mentor->kind == JsonValue::Kind::string) {
                    if (const JsonValue* person = staff_item(root, mentor->scalar)) {
                        add_key(index, match_key(detail::person_label(*person)), id);
                        add_key(index, match_key(detail::person_full_name(*person)), id);
                    }
                }
            }
            for (auto& row : data->second.items) {
                if (row.parent_text.empty()) continue;
                const auto parent_id = lookup(parent.collection, row.parent_text, row.parent_at);
                if (!parent_id) continue;
                resolve_value(row.value, *child.item);
                for (std::size_t i = 0; i < parents->items.size(); ++i) {
                    JsonValue& p = parents->items[i];
                    if (internal(p, i) != *parent_id) continue;
                    JsonValue* target = &p;
                    const data::Type* type = parent.item;
                    for (std::size_t d = 0; d + 1 < child.keys.size(); ++d) {
                        JsonValue* next = member(*target, child.keys[d]);
                        const data::Field* f = field_of(*type, child.keys[d]);
                        if (!next || !f) break;
                        target = next;
                        type = &f->type;
                    }
                    JsonValue* array = member(*target, child.keys.back());
                    if (array == nullptr) {
                        JsonValue a;
                        a.kind = JsonValue::Kind::array;
                        a.position = row.value.position;
                        insert_in_order(*target, *type, child.keys.back(), std::move(a), row.value.position);
                        array = member(*target, child.keys.back());
                    }
                    array->items.push_back(std::move(row.value));
                    break;
                }
            }
        }
    }

    const JsonValue* staff_item(JsonValue& root, const std::string& id) {
        JsonValue* staff = array_in(root, {"staff"});
        if (!staff) return nullptr;
        for (const auto& p : staff->items) {
            const JsonValue* pid = p.find("id");
            if (pid && pid->scalar == id) return &p;
        }
        return nullptr;
    }

private:
    detail::XlsxPackage& package_;
    std::string file_;
    const Layout& layout_;
    std::shared_ptr<Places> places_;
    DiagnosticSink sink_;
    std::vector<Diagnostic> warnings_;
    std::vector<int> matched_;                       // workbook sheet → layout sheet (-1: not ours)
    std::map<int, TableData> tables_;                // by layout sheet
    std::map<int, std::vector<std::string>> arrays_; // top-level tables: layout sheet → path of the array
    std::map<const Column*, FormValue> form_values_;
    std::map<const Column*, int> form_rows_;
    std::set<const Column*> failed_columns_;
    std::map<std::vector<std::string>, TextPosition> null_sections_;  // form objects said to be absent («нет»)
    std::map<const Section*, TextPosition> section_rows_;
    std::map<const Sheet*, int> form_sheets_;
    std::map<std::pair<int, std::size_t>, int> item_rows_;
    std::set<std::pair<int, std::size_t>> ids_needed_;
    std::map<std::string, Index> indexes_;
    std::map<std::string, TextPosition> first_code_;  // where each code was first given
    bool failed_ = false;  // the last conversion reported an error (no second «empty» error)
    const std::string null_key_ = match_key(null_word);
};

const Layout* recognise(const detail::XlsxPackage& package) {
    for (const Layout* l : {&organisation_layout(), &municipality_layout()}) {
        const Sheet& first = l->sheets.front();
        for (const auto& s : package.sheets()) {
            if (match_key(s.name) == match_key(first.name)) return l;
        }
    }
    return nullptr;
}

}  // namespace

ReadResult read_workbook(std::string_view bytes, const std::string& file_name, const data::FileFormat* expected) {
    detail::XlsxPackage package(bytes, file_name);
    const Layout* layout = expected ? &layout_of(*expected) : recognise(package);
    if (layout == nullptr) {
        throw Error(ErrorCode::data_invalid,
                    "в книге нет листа «" + organisation_layout().sheets.front().name + "» (книга организации) или «" +
                        municipality_layout().sheets.front().name + "» (книга муниципалитета); создайте книгу командой "
                        "nastavnik workbook new",
                    InputLocation{file_name, 0, 0, {}});
    }
    Reader reader(package, file_name, *layout);
    return reader.read();
}

std::optional<input::JsonValue> read_workbook_leniently(const std::filesystem::path& file, const data::FileFormat& expected) {
    try {
        const std::string bytes = read_file(file, Limits::max_file_bytes);
        detail::XlsxPackage package(bytes, file.string());
        Reader reader(package, file.string(), layout_of(expected));
        return reader.read(/*lenient=*/true).root;
    } catch (const Error&) {
        return std::nullopt;
    }
}

ReadResult read_workbook_file(const std::filesystem::path& file, const data::FileFormat* expected) {
    const std::string bytes = read_file(file, Limits::max_file_bytes);
    return read_workbook(bytes, file.string(), expected);
}

}  // namespace nastavnik::workbook
