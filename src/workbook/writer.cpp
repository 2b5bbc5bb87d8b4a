// Writing a workbook with libxlsxwriter: the instruction, a sheet per part of the layout, and a
// hidden sheet of the drop-down lists. Blank (`workbook new`) or filled from a validated JSON
// tree (`workbook export`); the reader gives the same tree back.

#include "nastavnik/workbook/workbook.hpp"

#include "nastavnik/core/date.hpp"
#include "nastavnik/core/file_io.hpp"
#include "nastavnik/text/letter_case.hpp"
#include "workbook/labels.hpp"
#include "workbook/types.hpp"

#include <xlsxwriter.h>

#include <algorithm>
#include <cctype>
#include <functional>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <set>
#include <unistd.h>

namespace nastavnik::workbook {

namespace {

using input::JsonValue;
using K = data::Type::Kind;

constexpr lxw_row_t last_row = LXW_ROW_MAX - 1;

const data::Type& scalar_of(const data::Type& t) { return t.kind == K::array && t.item ? *t.item : t; }

std::size_t chars(std::string_view s) { return text::to_code_points(s).size(); }

const JsonValue* at_path(const JsonValue* v, const std::vector<std::string>& keys) {
    for (const auto& k : keys) {
        if (v == nullptr || v->kind != JsonValue::Kind::object) return nullptr;
        v = v->find(k);
    }
    return v;
}

// Excel's day number of a date (1900 system).
double serial(const Date& d) { return static_cast<double>(d.day_number() - Date(1899, 12, 30).day_number()); }

class Writer {
public:
    Writer(const Layout& layout, const JsonValue* data, const WriteOptions& options)
        : layout_(layout), data_(data), options_(options) {}

    void write(const std::filesystem::path& file) {
        const auto tmp_dir = std::filesystem::temp_directory_path();
        std::string tmp = (tmp_dir / "nastavnik-workbook-XXXXXX").string();
        const int fd = mkstemp(tmp.data());
        if (fd < 0) throw Error(ErrorCode::io, "не удаётся создать временный файл", InputLocation{tmp_dir.string(), 0, 0, {}});
        ::close(fd);
        struct Remove {
            std::string path;
            ~Remove() { std::remove(path.c_str()); }
        } remove{tmp};
        lxw_workbook_options wo{};
        wo.constant_memory = LXW_FALSE;
        workbook_ = workbook_new_opt(tmp.c_str(), &wo);
        if (workbook_ == nullptr) throw Error(ErrorCode::io, "не удаётся создать книгу", InputLocation{file.string(), 0, 0, {}});
        try {
            build();
        } catch (...) {
            workbook_close(workbook_);
            throw;
        }
        const lxw_error closed = workbook_close(workbook_);
        if (closed != LXW_NO_ERROR) {
            throw Error(ErrorCode::io, std::string("не удаётся записать книгу: ") + lxw_strerror(closed), InputLocation{file.string(), 0, 0, {}});
        }
        write_file_atomic(file, read_file(tmp, Limits::max_file_bytes));
    }

private:
    void build() {
        // A fixed creation time: the same data gives the same bytes (the zip entries are dated
        // 1980-01-01 by libxlsxwriter itself).
        lxw_doc_properties properties{};
        properties.title = const_cast<char*>(layout_.format.format == std::string(data::organisation_format)
                                                 ? "Сведения организации о наставничестве педагогических работников"
                                                 : "Сведения муниципалитета о наставничестве педагогических работников");
        properties.author = const_cast<char*>("nastavnik");
        properties.created = 1577836800;  // 2020-01-01T00:00:00Z
        workbook_set_properties(workbook_, &properties);
        // The version the data were written in (a file of an earlier version keeps its meaning
        // when the workbook is read back); a blank workbook is of the current version.
        std::string format = layout_.format.format;
        if (const JsonValue* declared = data_ ? data_->find("format") : nullptr;
            declared != nullptr && declared->kind == JsonValue::Kind::string && data::format_version(layout_.format, declared->scalar) != 0) {
            format = declared->scalar;
        }
        workbook_set_custom_property_string(workbook_, "nastavnik.format", format.c_str());
        make_formats();
        collect_rows();
        compute_labels();
        instruction_ = workbook_add_worksheet(workbook_, instruction_sheet);
        for (std::size_t i = 0; i < layout_.sheets.size(); ++i) {
            sheets_.push_back(omitted(i) ? nullptr : workbook_add_worksheet(workbook_, layout_.sheets[i].name.c_str()));
        }
        lists_ = workbook_add_worksheet(workbook_, lists_sheet);
        write_lists();
        for (std::size_t i = 0; i < layout_.sheets.size(); ++i) {
            const Sheet& s = layout_.sheets[i];
            if (sheets_[i] == nullptr) continue;
            if (s.kind == Sheet::Kind::table) write_table(i);
            else write_form(i);
        }
        write_instruction();
        worksheet_hide(lists_);
        worksheet_activate(instruction_);
    }

    // A list the data does not have at all («not recorded») gets no sheet: an empty sheet reads
    // as an empty list («there are none»). A blank workbook has every sheet.
    bool omitted(std::size_t index) const {
        const Sheet& s = layout_.sheets[index];
        if (data_ == nullptr || s.kind != Sheet::Kind::table) return false;
        if (s.parent >= 0) return omitted(static_cast<std::size_t>(s.parent));
        return at_path(data_, s.keys) == nullptr;
    }

    bool collection_written(const std::string& collection) const {
        for (std::size_t i = 0; i < layout_.sheets.size(); ++i) {
            if (layout_.sheets[i].kind == Sheet::Kind::table && layout_.sheets[i].collection == collection) return sheets_[i] != nullptr;
        }
        return false;
    }

    // ---- formats ----
    lxw_format* format(const std::function<void(lxw_format*)>& set) {
        lxw_format* f = workbook_add_format(workbook_);
        format_set_font_name(f, "Liberation Sans");
        format_set_font_size(f, 10);
        format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
        set(f);
        return f;
    }

    void make_formats() {
        plain_ = format([](lxw_format*) {});
        text_ = format([](lxw_format* f) { format_set_num_format(f, "@"); });
        wrap_ = format([](lxw_format* f) {
            format_set_num_format(f, "@");
            format_set_text_wrap(f);
        });
        date_ = format([](lxw_format* f) {
            format_set_num_format(f, "DD.MM.YYYY");
            format_set_align(f, LXW_ALIGN_LEFT);
        });
        header_ = format([](lxw_format* f) {
            format_set_bold(f);
            format_set_text_wrap(f);
            format_set_bg_color(f, 0xE7E6E6);
            format_set_border(f, LXW_BORDER_THIN);
            format_set_border_color(f, 0xA6A6A6);
        });
        required_header_ = format([](lxw_format* f) {
            format_set_bold(f);
            format_set_text_wrap(f);
            format_set_bg_color(f, 0xFFE699);
            format_set_border(f, LXW_BORDER_THIN);
            format_set_border_color(f, 0xA6A6A6);
        });
        section_ = format([](lxw_format* f) {
            format_set_bold(f);
            format_set_bg_color(f, 0xDDEBF7);
        });
        form_label_ = format([](lxw_format* f) { format_set_text_wrap(f); });
        form_required_ = format([](lxw_format* f) {
            format_set_text_wrap(f);
            format_set_bold(f);
        });
        title_ = format([](lxw_format* f) {
            format_set_bold(f);
            format_set_font_size(f, 14);
        });
        bold_ = format([](lxw_format* f) {
            format_set_bold(f);
            format_set_text_wrap(f);
        });
        paragraph_ = format([](lxw_format* f) { format_set_text_wrap(f); });
    }

    lxw_format* value_format(const Column& c) const {
        const data::Type& t = scalar_of(*c.type);
        if (c.type->kind == K::array) return wrap_;
        if (t.kind == K::date || t.kind == K::date_or_null) return date_;
        if (t.kind == K::number) return plain_;
        return form_text_wraps_ ? wrap_ : text_;
    }

    // ---- data ----
    struct Row {
        const JsonValue* item;
        const JsonValue* parent = nullptr;  // child tables
    };

    void collect_rows() {
        rows_.resize(layout_.sheets.size());
        if (data_ == nullptr) return;
        for (std::size_t i = 0; i < layout_.sheets.size(); ++i) {
            const Sheet& s = layout_.sheets[i];
            if (s.kind != Sheet::Kind::table || s.parent >= 0) continue;
            const JsonValue* array = at_path(data_, s.keys);
            if (array == nullptr || array->kind != JsonValue::Kind::array) continue;
            for (const auto& item : array->items) rows_[i].push_back(Row{&item});
        }
        for (std::size_t i = 0; i < layout_.sheets.size(); ++i) {
            if (layout_.sheets[i].collection != "staff") continue;
            for (const Row& r : rows_[i]) staff_[id_of(*r.item)] = r.item;
        }
        for (std::size_t i = 0; i < layout_.sheets.size(); ++i) {
            const Sheet& s = layout_.sheets[i];
            if (s.kind != Sheet::Kind::table || s.parent < 0) continue;
            for (const Row& p : rows_[static_cast<std::size_t>(s.parent)]) {
                const JsonValue* array = at_path(p.item, s.keys);
                if (array == nullptr || array->kind != JsonValue::Kind::array) continue;
                for (const auto& item : array->items) rows_[i].push_back(Row{&item, p.item});
            }
        }
    }

    static std::string id_of(const JsonValue& item) {
        const JsonValue* id = item.find("id");
        return id && id->kind == JsonValue::Kind::string ? id->scalar : "";
    }

    // What a reference cell shows for each id: the label if no other item has it, else the full
    // name, else the code — the reader resolves each of them back to the same id.
    void compute_labels() {
        for (std::size_t i = 0; i < layout_.sheets.size(); ++i) {
            const Sheet& s = layout_.sheets[i];
            if (s.kind != Sheet::Kind::table) continue;
            std::vector<std::pair<std::string, std::vector<std::string>>> candidates;  // id → names to try
            for (const Row& r : rows_[i]) {
                const std::string id = id_of(*r.item);
                if (id.empty()) continue;
                std::vector<std::string> names;
                if (s.collection == "staff") names = {detail::person_label(*r.item), detail::person_full_name(*r.item)};
                else if (s.collection == "acts") names = {detail::act_label(*r.item)};
                else if (s.collection == "groups") names = person_names(r.item->find("mentor"));
                candidates.emplace_back(id, names);
            }
            choose_names(s.collection, candidates);
        }
        // Pairs and groups as programmes (monitoring values, questionnaires): a pair by
        // «наставник — наставляемый», a group by its mentor.
        std::vector<std::pair<std::string, std::vector<std::string>>> programmes;
        for (std::size_t i = 0; i < layout_.sheets.size(); ++i) {
            const Sheet& s = layout_.sheets[i];
            if (s.kind != Sheet::Kind::table || (s.collection != "pairs" && s.collection != "groups")) continue;
            for (const Row& r : rows_[i]) {
                const std::string id = id_of(*r.item);
                if (id.empty()) continue;
                const auto mentor = person_names(r.item->find("mentor"));
                std::vector<std::string> names;
                if (s.collection == "groups") {
                    names = mentor;
                } else if (const auto mentee = person_names(r.item->find("mentee")); mentor.size() == 2 && mentee.size() == 2) {
                    names = {mentor[0] + " — " + mentee[0], mentor[1] + " — " + mentee[1]};
                }
                programmes.emplace_back(id, names);
            }
        }
        choose_names("programmes", programmes);
    }

    // «Иванова М.П.» and «Иванова Мария Петровна» of the staff id in `ref` (none if unknown).
    std::vector<std::string> person_names(const JsonValue* ref) const {
        if (ref == nullptr || ref->kind != JsonValue::Kind::string) return {};
        const auto it = staff_.find(ref->scalar);
        if (it == staff_.end()) return {};
        return {detail::person_label(*it->second), detail::person_full_name(*it->second)};
    }

    // Each item is shown by the first of its names no other item has (nor any code), else by
    // its code: the reader resolves every one of them back to the same item.
    void choose_names(const std::string& collection, const std::vector<std::pair<std::string, std::vector<std::string>>>& candidates) {
        {
            std::map<std::string, int> count;
            for (const auto& [id, names] : candidates) {
                std::set<std::string> own;
                for (const auto& n : names) {
                    if (!n.empty() && own.insert(detail::match_key(n)).second) ++count[detail::match_key(n)];
                }
            }
            // A code that reads like another item's name would be taken for that name.
            for (const auto& [id, names] : candidates) ++count[detail::match_key(id)];
            auto& shown_names = display_[collection];
            for (const auto& [id, names] : candidates) {
                std::string chosen = id;
                for (const auto& n : names) {
                    if (!n.empty() && count[detail::match_key(n)] == 1 && n != id) {
                        chosen = n;
                        break;
                    }
                }
                shown_names[id] = chosen;
            }
        }
    }

    std::string shown(const std::string& collection, const std::string& id) const {
        const auto c = display_.find(collection);
        if (c == display_.end()) return id;
        const auto it = c->second.find(id);
        return it == c->second.end() ? id : it->second;
    }

    // ---- lists ----
    std::string list_for(const Column& c) {
        switch (c.list) {
            case ListSource::none: return "";
            case ListSource::positions: return "list_positions";
            case ListSource::forms: return "list_forms";
            case ListSource::items: return "list_" + sanitize(c.list_of);
            case ListSource::values: {
                std::vector<std::string> values;
                const data::Type& t = scalar_of(*c.type);
                if (detail::is_boolean(t)) values = {"да", "нет"};
                for (const auto& v : t.values) {
                    std::string shown_value = v;
                    for (const auto& [code, label] : c.value_labels) {
                        if (code == v) {
                            shown_value = label;
                            break;  // the current title; later ones are read only
                        }
                    }
                    values.push_back(shown_value);
                }
                const bool numbers = t.kind == K::number;
                const std::string key = std::string(numbers ? "n:" : "s:") + [&] {
                    std::string k;
                    for (const auto& v : values) k += v + "\x1f";
                    return k;
                }();
                if (const auto it = value_lists_.find(key); it != value_lists_.end()) return it->second;
                const std::string name = "list_" + sanitize(c.path.empty() ? "values" : c.path) + "_" + std::to_string(value_lists_.size() + 1);
                add_list(name, c.title, values, numbers);
                value_lists_[key] = name;
                return name;
            }
        }
        return "";
    }

    static std::string sanitize(const std::string& s) {
        std::string out;
        for (const char c : s) out += (std::isalnum(static_cast<unsigned char>(c)) ? c : '_');
        return out;
    }

    void add_list(const std::string& name, const std::string& title, const std::vector<std::string>& values, bool numbers) {
        const auto col = static_cast<lxw_col_t>(list_columns_++);
        worksheet_write_string(lists_, 0, col, title.c_str(), header_);
        std::size_t width = chars(title);
        for (std::size_t r = 0; r < values.size(); ++r) {
            if (numbers) worksheet_write_number(lists_, static_cast<lxw_row_t>(r + 1), col, std::atof(values[r].c_str()), plain_);
            else worksheet_write_string(lists_, static_cast<lxw_row_t>(r + 1), col, values[r].c_str(), text_);
            width = std::max(width, chars(values[r]));
        }
        worksheet_set_column(lists_, col, col, static_cast<double>(std::min<std::size_t>(width + 2, 60)), nullptr);
        const std::string ref = "='" + std::string(lists_sheet) + "'!$" + column_letters(static_cast<int>(col)) + "$2:$" +
                                column_letters(static_cast<int>(col)) + "$" + std::to_string(std::max<std::size_t>(values.size(), 1) + 1);
        workbook_define_name(workbook_, name.c_str(), ref.c_str());
    }

    void write_lists() {
        std::vector<std::string> forms = options_.mentoring_forms.empty() ? federal_mentoring_forms() : options_.mentoring_forms;
        // Forms the data already uses stay choosable.
        for (std::size_t i = 0; i < layout_.sheets.size(); ++i) {
            for (const auto& c : layout_.sheets[i].columns) {
                if (c.list != ListSource::forms) continue;
                for (const JsonValue* v : values_of(i, c)) {
                    if (v->kind == JsonValue::Kind::string && std::find(forms.begin(), forms.end(), v->scalar) == forms.end()) forms.push_back(v->scalar);
                }
            }
        }
        add_list("list_positions", "Должности", position_names(), false);
        add_list("list_forms", "Формы наставничества", forms, false);
        // References: the names of a table's rows, computed on this sheet row for row (or the
        // codes themselves), as far down as the table is filled.
        for (std::size_t t = 0; t < layout_.sheets.size(); ++t) {
            const Sheet& s = layout_.sheets[t];
            if (s.kind != Sheet::Kind::table || !s.referenced || sheets_[t] == nullptr) continue;
            int key_index = -1, id_index = -1;
            for (std::size_t i = 0; i < s.columns.size(); ++i) {
                if (key_index < 0 && s.columns[i].required && s.columns[i].role == ColumnRole::value) key_index = static_cast<int>(i);
                if (s.columns[i].role == ColumnRole::id) id_index = static_cast<int>(i);
            }
            const std::string formula = detail::label_formula(s);
            std::string first_cell;
            if (!formula.empty()) {
                const auto col = static_cast<lxw_col_t>(list_columns_++);
                const std::string title = detail::label_title(s.collection);
                worksheet_write_string(lists_, 0, col, title.c_str(), header_);
                const auto& rows = rows_[t];
                std::size_t width = chars(title);
                const std::size_t formula_rows = rows.size() + static_cast<std::size_t>(options_.spare_rows);
                for (std::size_t r = 0; r < formula_rows; ++r) {
                    const std::string value = r < rows.size() ? label_text(s, *rows[r].item) : "";
                    width = std::max(width, chars(value));
                    worksheet_write_formula_str(lists_, static_cast<lxw_row_t>(r + 1), col, formula.c_str(), text_, value.c_str());
                }
                worksheet_set_column(lists_, col, col, static_cast<double>(std::min<std::size_t>(width + 2, 60)), nullptr);
                first_cell = "'" + std::string(lists_sheet) + "'!$" + column_letters(static_cast<int>(col)) + "$2";
            } else if (const Column* key = detail::key_column(s)) {
                first_cell = "'" + s.name + "'!$" + column_letters(static_cast<int>(key - s.columns.data())) + "$2";
            } else {
                continue;
            }
            if (key_index < 0) key_index = id_index;
            const std::string key_letter = column_letters(key_index);
            // COUNTA over a column people fill: the list is as long as the table.
            const std::string range = "=OFFSET(" + first_cell + ",0,0,MAX(1,COUNTA('" + s.name + "'!$" + key_letter + ":$" +
                                      key_letter + ")-1),1)";
            workbook_define_name(workbook_, ("list_" + sanitize(s.collection)).c_str(), range.c_str());
        }
    }

    std::vector<const JsonValue*> values_of(std::size_t sheet_index, const Column& c) const {
        std::vector<const JsonValue*> out;
        const Sheet& s = layout_.sheets[sheet_index];
        const auto add = [&](const JsonValue* v) {
            if (v == nullptr) return;
            if (v->kind == JsonValue::Kind::array) for (const auto& i : v->items) out.push_back(&i);
            else out.push_back(v);
        };
        if (s.kind == Sheet::Kind::table) {
            for (const Row& r : rows_[sheet_index]) add(at_path(r.item, c.keys));
        } else if (data_ != nullptr) {
            auto keys = s.sections[static_cast<std::size_t>(c.section)].keys;
            keys.insert(keys.end(), c.keys.begin(), c.keys.end());
            add(at_path(data_, keys));
        }
        return out;
    }

    void validate(lxw_worksheet* ws, lxw_row_t r1, lxw_col_t c1, lxw_row_t r2, lxw_col_t c2, const Column& c) {
        const data::Type& t = scalar_of(*c.type);
        lxw_data_validation v{};
        std::string formula;
        if (c.list == ListSource::items && !collection_written(c.list_of)) return;  // nothing to choose from
        if (c.list != ListSource::none && !(c.type->kind == K::array && layout_sheet_kind_ == Sheet::Kind::table)) {
            formula = "=" + list_for(c);
            v.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
            v.value_formula = formula.data();
            switch (c.list) {
                case ListSource::values:
                    v.error_type = LXW_VALIDATION_ERROR_TYPE_STOP;
                    v.error_title = const_cast<char*>("Значение не из списка");
                    v.error_message = const_cast<char*>("Выберите значение из выпадающего списка.");
                    break;
                case ListSource::items:
                    v.error_type = LXW_VALIDATION_ERROR_TYPE_WARNING;
                    v.error_title = const_cast<char*>("Нет в списке");
                    v.error_message = const_cast<char*>(
                        "Такого нет в списке. Выберите из списка, впишите полное имя или код (если двое названы одинаково).");
                    break;
                default:
                    v.error_type = LXW_VALIDATION_ERROR_TYPE_INFORMATION;
                    v.error_title = const_cast<char*>("Нет в списке");
                    v.error_message = const_cast<char*>("Этого значения нет в списке — оно будет записано так, как введено.");
            }
        } else if ((t.kind == K::date || t.kind == K::date_or_null) && c.type->kind != K::array) {
            if (t.kind == K::date_or_null) return;  // «нет» is a value too
            v.validate = LXW_VALIDATION_TYPE_DATE;
            v.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
            v.minimum_datetime = lxw_datetime{1900, 1, 1, 0, 0, 0};
            v.maximum_datetime = lxw_datetime{2100, 12, 31, 0, 0, 0};
            v.error_type = LXW_VALIDATION_ERROR_TYPE_WARNING;
            v.error_title = const_cast<char*>("Ожидается дата");
            v.error_message = const_cast<char*>("Введите дату в виде ДД.ММ.ГГГГ.");
        } else {
            return;
        }
        v.ignore_blank = LXW_VALIDATION_ON;
        v.show_error = LXW_VALIDATION_ON;
        worksheet_data_validation_range(ws, r1, c1, r2, c2, &v);
    }

    // ---- cells ----
    void cell(lxw_worksheet* ws, lxw_row_t r, lxw_col_t col, const Column& c, const JsonValue& v) {
        const data::Type& t = scalar_of(*c.type);
        if (v.kind == JsonValue::Kind::array) {
            std::string joined;
            for (const auto& item : v.items) joined += (joined.empty() ? "" : "\n") + text_of(c, t, item);
            put_string(ws, r, col, joined, wrap_);
            return;
        }
        if (v.kind == JsonValue::Kind::null) {
            put_string(ws, r, col, null_word, text_);
            return;
        }
        if ((t.kind == K::date || t.kind == K::date_or_null) && v.kind == JsonValue::Kind::string) {
            if (const auto d = Date::parse_iso(v.scalar)) {
                worksheet_write_number(ws, r, col, serial(*d), date_);
                return;
            }
        }
        if (v.kind == JsonValue::Kind::number) {  // a count, a percentage, an answer
            worksheet_write_number(ws, r, col, std::strtod(v.scalar.c_str(), nullptr), plain_);
            return;
        }
        put_string(ws, r, col, text_of(c, t, v), value_format(c));
    }

    std::string text_of(const Column& c, const data::Type& t, const JsonValue& v) const {
        if (v.kind == JsonValue::Kind::null) return null_word;
        if (v.kind == JsonValue::Kind::boolean) return v.scalar == "true" ? "да" : "нет";
        if (t.kind == K::ref) return shown(t.ref_collection, v.scalar);
        if (c.role == ColumnRole::parent) return shown(c.list_of, v.scalar);
        for (const auto& [code, label] : c.value_labels) {
            if (code == v.scalar) return label;
        }
        return v.scalar;
    }

    void put_string(lxw_worksheet* ws, lxw_row_t r, lxw_col_t col, const std::string& s, lxw_format* f) {
        if (chars(s) > Limits::max_cell_chars) {
            throw Error(ErrorCode::data_invalid, "значение длиннее " + std::to_string(Limits::max_cell_chars) +
                                                     " знаков не помещается в ячейку книги (" + text::shorten(s, 40) + ")");
        }
        if (s.empty()) return;
        worksheet_write_string(ws, r, col, s.c_str(), f);
    }

    void note(lxw_worksheet* ws, lxw_row_t r, lxw_col_t col, const std::string& text) {
        lxw_comment_options o{};
        o.width = 320;
        o.height = static_cast<uint16_t>(std::min<std::size_t>(40 + chars(text) / 45 * 16, 260));
        o.author = const_cast<char*>("nastavnik");
        worksheet_write_comment_opt(ws, r, col, text.c_str(), &o);
    }

    // Printed on A4 across, as wide as a page, the header on every page.
    static void page_setup(lxw_worksheet* ws, bool landscape, bool fit = true) {
        worksheet_set_paper(ws, 9);
        if (landscape) worksheet_set_landscape(ws);
        if (fit) worksheet_fit_to_pages(ws, 1, 0);
        worksheet_set_margins(ws, 0.4, 0.4, 0.5, 0.5);
    }

    // ---- tables ----
    void write_table(std::size_t index) {
        const Sheet& s = layout_.sheets[index];
        lxw_worksheet* ws = sheets_[index];
        layout_sheet_kind_ = Sheet::Kind::table;
        const auto& rows = rows_[index];
        std::size_t header_lines = 1;
        for (std::size_t i = 0; i < s.columns.size(); ++i) {
            const Column& c = s.columns[i];
            const auto col = static_cast<lxw_col_t>(i);
            double width = c.width;
            for (const Row& r : rows) {
                const JsonValue* v = c.role == ColumnRole::parent ? r.parent : at_path(r.item, c.keys);
                if (v == nullptr) continue;
                std::string shown_text;
                if (c.role == ColumnRole::parent) shown_text = parent_text(s, *v);
                else if (v->kind == JsonValue::Kind::array) {
                    for (const auto& item : v->items) width = std::max(width, std::min(60.0, static_cast<double>(chars(text_of(c, scalar_of(*c.type), item)) + 2)));
                    continue;
                } else shown_text = text_of(c, scalar_of(*c.type), *v);
                width = std::max(width, std::min(60.0, static_cast<double>(chars(shown_text) + 2)));
            }
            header_lines = std::max<std::size_t>(header_lines, (chars(c.title) + static_cast<std::size_t>(width) - 1) / static_cast<std::size_t>(width));
            worksheet_set_column(ws, col, col, width, value_format(c));
            lxw_format* hf = c.required && c.role != ColumnRole::id ? required_header_ : header_;
            worksheet_write_string(ws, 0, col, c.title.c_str(), hf);
            note(ws, 0, col, c.note);
            validate(ws, 1, col, last_row, col, c);
        }
        worksheet_set_row(ws, 0, 13.0 * static_cast<double>(std::min<std::size_t>(header_lines, 4)) + 4, nullptr);
        worksheet_freeze_panes(ws, 1, 0);
        for (std::size_t r = 0; r < rows.size(); ++r) {
            const auto row = static_cast<lxw_row_t>(r + 1);
            // A row with several lines in a cell is as high as they need: office suites keep the
            // height a file gives (libxlsxwriter gives the default one line).
            std::size_t lines = 1;
            for (const auto& c : s.columns) {
                const JsonValue* v = c.role == ColumnRole::value ? at_path(rows[r].item, c.keys) : nullptr;
                if (v && v->kind == JsonValue::Kind::array) lines = std::max(lines, v->items.size());
            }
            if (lines > 1) worksheet_set_row(ws, row, 13.0 * static_cast<double>(std::min<std::size_t>(lines, 20)), nullptr);
            for (std::size_t i = 0; i < s.columns.size(); ++i) {
                const Column& c = s.columns[i];
                const auto col = static_cast<lxw_col_t>(i);
                if (c.role == ColumnRole::parent) {
                    put_string(ws, row, col, parent_text(s, *rows[r].parent), text_);
                    continue;
                }
                if (const JsonValue* v = at_path(rows[r].item, c.keys)) {
                    cell(ws, row, col, c, *v);
                } else if (c.null_object > 0) {
                    // The object this column begins, known to be absent: «нет» here.
                    const std::vector<std::string> object(c.keys.begin(), c.keys.begin() + static_cast<long>(c.null_object));
                    if (const JsonValue* o = at_path(rows[r].item, object); o && o->kind == JsonValue::Kind::null) {
                        put_string(ws, row, col, null_word, text_);
                    }
                }
            }
        }
        if (!s.columns.empty()) {
            const auto last_data = static_cast<lxw_row_t>(std::max<std::size_t>(rows.size(), 1));
            const auto last_col = static_cast<lxw_col_t>(s.columns.size() - 1);
            worksheet_autofilter(ws, 0, 0, last_data, last_col);
            // The spare rows hold formulas only: not printed.
            worksheet_print_area(ws, 0, 0, last_data, last_col);
        }
        page_setup(ws, true);
        worksheet_repeat_rows(ws, 0, 0);
    }

    // How a child table's row names its parent: by what the parent is shown as, or, for items
    // without a code, by their key (a reporting year by its year).
    std::string parent_text(const Sheet& child, const JsonValue& parent) const {
        const Sheet& p = layout_.sheets[static_cast<std::size_t>(child.parent)];
        if (const std::string id = id_of(parent); !id.empty()) return shown(p.collection, id);
        const Column* key = detail::key_column(p);
        const JsonValue* v = key ? at_path(&parent, key->keys) : nullptr;
        return v ? v->scalar : "";
    }

    // The name of a row as its formula on «Списки» computes it (the office suite recomputes it on load).
    std::string label_text(const Sheet& s, const JsonValue& item) const {
        if (s.collection == "staff") return detail::person_label(item);
        if (s.collection == "acts") return detail::act_label(item);
        if (s.collection == "groups") {
            if (const JsonValue* m = item.find("mentor"); m && m->kind == JsonValue::Kind::string) return shown("staff", m->scalar);
        }
        return "";
    }

    // ---- forms ----
    void write_form(std::size_t index) {
        const Sheet& s = layout_.sheets[index];
        lxw_worksheet* ws = sheets_[index];
        layout_sheet_kind_ = Sheet::Kind::form;
        double label_width = 20;
        for (const auto& c : s.columns) label_width = std::max(label_width, std::min(48.0, static_cast<double>(chars(c.title)) + 2));
        double value_width = 40;
        int array_cells = 1;
        for (const auto& c : s.columns) {
            for (const JsonValue* v : values_of(index, c)) value_width = std::max(value_width, std::min(60.0, static_cast<double>(chars(text_of(c, scalar_of(*c.type), *v))) + 2));
            if (c.type->kind == K::array) array_cells = std::max(array_cells, 8);
        }
        worksheet_set_column(ws, 0, 0, label_width, form_label_);
        worksheet_set_column(ws, 1, 1, value_width, nullptr);
        if (array_cells > 1) worksheet_set_column(ws, 2, static_cast<lxw_col_t>(array_cells), 30, nullptr);
        worksheet_write_string(ws, 0, 0, form_header_label, header_);
        worksheet_write_string(ws, 0, 1, form_header_value, header_);
        note(ws, 0, 0, "Заполняйте столбец «Значение». Жирным выделены обязательные строки; подсказка — в примечании к названию строки.");
        worksheet_freeze_panes(ws, 1, 0);
        // Not fitted to the width: the values of a list spread to the right would shrink the
        // form to an unreadable size; titles and first values print at full size.
        page_setup(ws, true, false);
        form_text_wraps_ = true;
        lxw_row_t row = 1;
        for (std::size_t si = 0; si < s.sections.size(); ++si) {
            const Section& section = s.sections[si];
            if (si > 0) ++row;  // a blank line between sections
            worksheet_merge_range(ws, row, 0, row, 1, section.title.c_str(), section_);
            ++row;
            std::vector<std::string> prefix = section.keys;
            bool first_in_section = true;
            for (const auto& c : s.columns) {
                if (c.section != static_cast<int>(si)) continue;
                worksheet_write_string(ws, row, 0, c.title.c_str(), c.required ? form_required_ : form_label_);
                note(ws, row, 0, c.note);
                const bool many = c.type->kind == K::array;
                const lxw_col_t last = many ? static_cast<lxw_col_t>(array_cells) : 1;
                validate(ws, row, 1, row, last, c);
                std::string prefilled;
                auto keys = prefix;
                keys.insert(keys.end(), c.keys.begin(), c.keys.end());
                std::string path;
                for (const auto& k : keys) path += (path.empty() ? "" : ".") + k;
                for (const auto& [p, value] : options_.prefill) {
                    if (p == path) prefilled = value;
                }
                const JsonValue* v = data_ ? at_path(data_, keys) : nullptr;
                const JsonValue* object = data_ && section.nullable ? at_path(data_, section.keys) : nullptr;
                if (object && object->kind == JsonValue::Kind::null && first_in_section) {
                    put_string(ws, row, 1, null_word, text_);  // the whole section known to be absent
                } else if (v && many && v->kind == JsonValue::Kind::array) {
                    const std::size_t n = v->items.size(), prepared = static_cast<std::size_t>(last);
                    Column single = c;
                    single.type = &scalar_of(*c.type);
                    for (std::size_t k = 0; k < n; ++k) {
                        const auto col = static_cast<lxw_col_t>(k + 1);
                        if (k + 1 == prepared && n > prepared) {
                            // More values than prepared cells: the rest in the last one, a line each.
                            std::string rest;
                            for (std::size_t j = k; j < n; ++j) rest += (rest.empty() ? "" : "\n") + text_of(c, *single.type, v->items[j]);
                            put_string(ws, row, col, rest, wrap_);
                            break;
                        }
                        cell(ws, row, col, single, v->items[k]);
                    }
                } else if (v) {
                    cell(ws, row, 1, c, *v);
                    // A long value wraps within the column: as many lines as it takes.
                    const auto lines = (chars(text_of(c, scalar_of(*c.type), *v)) + static_cast<std::size_t>(value_width) - 3) /
                                       static_cast<std::size_t>(value_width - 2);
                    if (lines > 1) worksheet_set_row(ws, row, 13.0 * static_cast<double>(std::min<std::size_t>(lines, 10)), nullptr);
                } else if (!prefilled.empty()) {
                    put_string(ws, row, 1, prefilled, value_format(c));
                } else {
                    worksheet_write_blank(ws, row, 1, value_format(c));
                }
                first_in_section = false;
                ++row;
            }
        }
        form_text_wraps_ = false;
    }

    // ---- the instruction ----
    void write_instruction() {
        lxw_worksheet* ws = instruction_;
        page_setup(ws, true);
        worksheet_set_column(ws, 0, 0, 34, paragraph_);
        worksheet_set_column(ws, 1, 1, 16, paragraph_);
        worksheet_set_column(ws, 2, 2, 90, paragraph_);
        const bool organisation = layout_.format.format == std::string(data::organisation_format);
        lxw_row_t r = 0;
        worksheet_write_string(ws, r++, 0,
                               organisation ? "Сведения организации о системе наставничества педагогических работников"
                                            : "Сведения муниципалитета о системе наставничества педагогических работников",
                               title_);
        ++r;
        std::vector<std::string> paragraphs = {
            "Эта книга — данные для программы nastavnik: по ним она проверяет систему наставничества и формирует документы "
            "(Положение, приказы, дорожную карту, программы, согласия, справку). Заполните листы и сохраните книгу в формате "
            ".xlsx (Excel или LibreOffice Calc).",
            "Заголовки столбцов и названия строк не меняйте: по ним программа находит данные. Столбцы можно переставлять, "
            "добавлять свои (программа их не читает и предупреждает об этом), строки — сортировать и скрывать.",
            "Обязательные столбцы выделены жёлтым, обязательные строки форм — жирным. Что вписывать — в примечании к "
            "заголовку (наведите на него указатель) и в таблице ниже.",
            "Даты — в виде ДД.ММ.ГГГГ (например, 01.09.2023). В датах согласий и других датах, которых может не быть, "
            "слово «нет» означает «известно, что нет» (например, согласие не дано); пустая ячейка — «сведений нет».",
            "Людей и документы выбирайте из выпадающих списков: они составляются по листам «Сотрудники» и «Документы» и "
            "растут вместе с ними. Если два сотрудника названы одинаково (Иванова М.П.), впишите полное имя или код из "
            "столбца «Код сотрудника». Несколько наставляемых группы — каждый с новой строки в ячейке (Alt+Enter).",
            "Лист без строк означает «таких сведений нет» (например, групп нет); удалённый лист — «сведения не собирались».",
        };
        if (organisation) {
            paragraphs.push_back("Проверка: nastavnik check КНИГА.xlsx. Документы: nastavnik generate КНИГА.xlsx --out ПАПКА. "
                                 "Ошибки программа называет по листу, ячейке и столбцу.");
        } else {
            paragraphs.push_back("Положите книгу муниципалитета (municipality.xlsx) в папку с книгами и файлами организаций и "
                                 "выполните nastavnik batch ПАПКА --out ПАПКА.");
        }
        for (const auto& p : paragraphs) {
            worksheet_merge_range(ws, r, 0, r, 2, p.c_str(), paragraph_);
            worksheet_set_row(ws, r, 13.0 * static_cast<double>((chars(p) + 139) / 140) + 3, nullptr);
            ++r;
        }
        for (std::size_t si = 0; si < layout_.sheets.size(); ++si) {
            const Sheet& s = layout_.sheets[si];
            ++r;
            worksheet_write_string(ws, r, 0, ("Лист «" + s.name + "»").c_str(), bold_);
            if (sheets_[si] == nullptr) {
                worksheet_merge_range(ws, r, 1, r, 2, (s.description + " Сведений нет, поэтому листа в книге нет; чтобы "
                                                       "добавить их, создайте лист с этим названием и заголовками ниже.").c_str(),
                                      paragraph_);
            } else if (s.kind == Sheet::Kind::table) {
                worksheet_merge_range(ws, r, 1, r, 2, s.description.c_str(), paragraph_);
            } else {
                worksheet_merge_range(ws, r, 1, r, 2, "Форма: в столбце «Значение» против названия строки.", paragraph_);
            }
            ++r;
            worksheet_write_string(ws, r, 0, s.kind == Sheet::Kind::table ? "Столбец" : "Строка", header_);
            worksheet_write_string(ws, r, 1, "Обязательно", header_);
            worksheet_write_string(ws, r, 2, "Что вписывать", header_);
            ++r;
            int section = -1;
            for (const auto& c : s.columns) {
                if (s.kind == Sheet::Kind::form && c.section != section) {
                    section = c.section;
                    worksheet_merge_range(ws, r, 0, r, 2, s.sections[static_cast<std::size_t>(section)].title.c_str(), section_);
                    ++r;
                }
                worksheet_write_string(ws, r, 0, c.title.c_str(), paragraph_);
                const bool optional_section = s.kind == Sheet::Kind::form && !s.sections[static_cast<std::size_t>(c.section)].required;
                const char* required = c.role == ColumnRole::id ? "—"
                                       : c.required ? (optional_section ? "если раздел заполняется" : "да")
                                                    : "нет";
                worksheet_write_string(ws, r, 1, required, paragraph_);
                worksheet_write_string(ws, r, 2, c.note.c_str(), paragraph_);
                worksheet_set_row(ws, r, 13.0 * static_cast<double>((chars(c.note) + 99) / 100) + 3, nullptr);
                ++r;
            }
        }
    }

    const Layout& layout_;
    const JsonValue* data_;
    const WriteOptions& options_;
    lxw_workbook* workbook_ = nullptr;
    lxw_worksheet* instruction_ = nullptr;
    lxw_worksheet* lists_ = nullptr;
    std::vector<lxw_worksheet*> sheets_;
    std::vector<std::vector<Row>> rows_;
    std::map<std::string, std::map<std::string, std::string>> display_;  // collection → id → what cells show
    std::map<std::string, const JsonValue*> staff_;                        // staff id → the person
    std::map<std::string, std::string> value_lists_;                      // values → defined name
    int list_columns_ = 0;
    Sheet::Kind layout_sheet_kind_ = Sheet::Kind::table;
    bool form_text_wraps_ = false;  // text of a form's values wraps within its column
    lxw_format *plain_ = nullptr, *text_ = nullptr, *wrap_ = nullptr, *date_ = nullptr, *header_ = nullptr,
               *required_header_ = nullptr, *section_ = nullptr,
               *form_label_ = nullptr, *form_required_ = nullptr, *title_ = nullptr, *bold_ = nullptr, *paragraph_ = nullptr;
};

}  // namespace

void write_workbook(const std::filesystem::path& file, const Layout& layout, const input::JsonValue* data,
                    const WriteOptions& options) {
    Writer(layout, data, options).write(file);
}

}  // namespace nastavnik::workbook
