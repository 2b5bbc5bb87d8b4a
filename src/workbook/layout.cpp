#include "nastavnik/workbook/layout.hpp"

#include "nastavnik/text/letter_case.hpp"
#include "workbook/titles.hpp"
#include "workbook/types.hpp"

#include <algorithm>
#include <set>
#include <stdexcept>

namespace nastavnik::workbook {

namespace {

using data::Field;
using data::Type;
using K = Type::Kind;

std::string join(const std::vector<std::string>& keys) {
    std::string s;
    for (const auto& k : keys) s += (s.empty() ? "" : ".") + k;
    return s;
}

bool is_scalar(const Type& t) { return t.kind != K::object && t.kind != K::array; }
bool is_object_array(const Type& t) { return t.kind == K::array && t.item && t.item->kind == K::object; }

// «дата письменного согласия наставника; null — согласия нет» → «Дата письменного согласия
// наставника»: the description up to its first qualification.
std::string title_from_description(const std::string& d) {
    std::size_t cut = d.size();
    for (const char* stop : {";", " (", ", например", ": ", " — "}) cut = std::min(cut, d.find(stop));
    return text::capitalize(d.substr(0, cut));
}

// The description as a person filling the workbook reads it: «null» is the word «нет» there,
// and a reference is chosen by name, not typed as an identifier.
std::string user_text(std::string d) {
    for (const char* internal : {" (идентификатор сотрудника)", " (идентификатор)"}) {
        for (auto at = d.find(internal); at != std::string::npos; at = d.find(internal)) d.erase(at, std::string(internal).size());
    }
    for (auto at = d.find("null"); at != std::string::npos; at = d.find("null", at + 1)) {
        d.replace(at, 4, std::string("«") + null_word + "»");
    }
    return text::capitalize(d);
}

const Type& scalar_of(const Type& t) { return t.kind == K::array && t.item ? *t.item : t; }

std::string collection_word(const std::string& collection) {
    if (collection == "staff") return "сотрудника с листа «Сотрудники» (Фамилия И.О.)";
    if (collection == "staff*") return "сотрудников с листа «Сотрудники» (Фамилия И.О.)";
    if (collection == "acts") return "документ с листа «Документы»";
    if (collection == "groups") return "группу с листа «Группы» (по наставнику)";
    if (collection == "programmes") return "пару или группу: код пары (группы), «наставник — наставляемый» или наставника группы";
    if (collection == "reporting_years") return "учебный год с листа «Учебные годы»";
    return "строку другого листа по её коду";
}

std::string format_hint(const Column& c, Sheet::Kind sheet) {
    const Type& t = scalar_of(*c.type);
    const bool many = c.type->kind == K::array;
    std::string hint;
    switch (t.kind) {
        case K::date: hint = "Дата в виде ДД.ММ.ГГГГ."; break;
        case K::date_or_null: hint = std::string("Дата в виде ДД.ММ.ГГГГ или «") + null_word + "», если её нет."; break;
        case K::number: hint = t.values.empty() ? "Число." : "Число из списка."; break;
        case K::enumeration: hint = "Выберите значение из списка."; break;
        case K::academic_year: hint = "Учебный год в виде ГГГГ/ГГГГ, например 2025/2026."; break;
        case K::answer: hint = "Число (балл, процент, количество) или «да»/«нет»."; break;
        case K::ref:
            // Several people in one cell of a table cannot come from a drop-down: they are typed;
            // so is a pair or a group (two sheets make no one list).
            if (t.ref_collection == "programmes") hint = "Впишите " + collection_word(t.ref_collection) + ".";
            else if (many && sheet == Sheet::Kind::table) hint = "Впишите " + collection_word(t.ref_collection + "*") + ".";
            else hint = "Выберите " + collection_word(t.ref_collection) + " из списка.";
            break;
        default: break;
    }
    if (detail::is_boolean(t)) hint = "«да» или «нет».";
    if (detail::nullable(t) && t.kind != K::date_or_null) hint += std::string(" «") + null_word + "» — известно, что этого нет.";
    if (c.null_object > 0) hint += std::string(" «") + null_word + "» в этой ячейке — известно, что всего этого нет (остальные ячейки не заполняются).";
    if (c.role == ColumnRole::id) {
        hint = "Можно не заполнять: код присваивается сам. Без пробелов, не повторяется в книге.";
    } else if (c.role == ColumnRole::parent) {
        hint = "Выберите " + collection_word(c.list_of) + " из списка.";
    }
    if (c.list == ListSource::positions) hint = "Выберите из номенклатуры должностей или впишите свою.";
    if (c.list == ListSource::forms) hint = "Выберите форму из перечня действующих правил или впишите свою.";
    if (many) {
        if (sheet == Sheet::Kind::form) {
            hint += " Несколько — в соседних ячейках справа (C, D, …).";
        } else if (t.kind == K::ref) {
            hint += " Несколько — каждого с новой строки в ячейке (Alt+Enter) или через «;».";
        } else {
            hint += " Несколько — каждое с новой строки в ячейке (Alt+Enter).";
        }
    }
    return hint;
}

class Builder {
public:
    explicit Builder(const data::FileFormat& format) : format_(format) {
        layout_.format = format;
        layout_.kind_title = format.what;
    }

    Layout build() {
        const Type& root = *format_.schema;
        for (const Field& f : root.fields) {
            if (f.type.kind == K::constant) continue;  // "format": the workbook itself says it
            if (is_object_array(f.type)) {
                table({f.key}, f, -1);
            } else if (f.type.kind == K::object) {
                section({f.key}, f, f.required);
            } else {
                root_field(f);
            }
        }
        mark_referenced();
        finish_notes();
        return std::move(layout_);
    }

private:
    const detail::Placement* placement(const std::string& path) const {
        for (const auto& p : detail::placements(format_.format)) {
            if (p.path == path) return &p;
        }
        return nullptr;
    }

    std::string title_of(const std::string& path, const Field& f, std::vector<std::string>* aliases) const {
        for (const auto& t : detail::titles(format_.format)) {
            if (t.path == path) {
                if (aliases) for (auto a : t.aliases) aliases->emplace_back(a);
                return std::string(t.title);
            }
        }
        return title_from_description(f.description);
    }

    int sheet_index(const std::string& name, Sheet::Kind kind) {
        for (std::size_t i = 0; i < layout_.sheets.size(); ++i) {
            if (layout_.sheets[i].name == name) {
                if (layout_.sheets[i].kind != kind) throw std::logic_error("workbook layout: sheet " + name + " is both a form and a table");
                return static_cast<int>(i);
            }
        }
        Sheet s;
        s.kind = kind;
        s.name = name;
        layout_.sheets.push_back(std::move(s));
        return static_cast<int>(layout_.sheets.size() - 1);
    }

    // The form sheet things go to when no placement names one: the first form, or a new one.
    std::string default_form() const {
        for (const auto& s : layout_.sheets) {
            if (s.kind == Sheet::Kind::form) return s.name;
        }
        return "Сведения";
    }

    Column value_column(std::vector<std::string> keys, const std::string& full_path, const Field& f, bool required) {
        Column c;
        c.keys = std::move(keys);
        c.path = join(c.keys);
        c.type = &f.type;
        c.required = required;
        c.title = title_of(full_path, f, &c.aliases);
        c.note = user_text(f.description);
        const Type& t = scalar_of(f.type);
        if (f.key == "id" && f.type.kind == K::id) c.role = ColumnRole::id;
        if (t.kind == K::enumeration || (t.kind == K::number && !t.values.empty()) || detail::is_boolean(t)) {
            c.list = ListSource::values;
            if (const auto* labels = detail::value_labels(format_.format, full_path)) c.value_labels = *labels;
        } else if (t.kind == K::ref) {
            c.list = ListSource::items;
            c.list_of = t.ref_collection;
            referenced_.insert(t.ref_collection);
        }
        if (detail::is_position_field(full_path)) c.list = ListSource::positions;
        if (detail::is_form_field(full_path)) c.list = ListSource::forms;
        c.width = width_of(c);
        return c;
    }

    static double width_of(const Column& c) {
        const Type& t = scalar_of(*c.type);
        double w = 16;
        switch (t.kind) {
            case K::date:
            case K::date_or_null: w = 13; break;
            case K::number: w = 10; break;
            case K::id: w = 12; break;
            case K::string: w = 20; break;
            case K::ref: w = t.ref_collection == "staff" ? 20 : 36; break;
            case K::enumeration: {
                std::size_t longest = 4;
                for (const auto& v : t.values) longest = std::max(longest, text::to_code_points(v).size());
                for (const auto& [code, label] : c.value_labels) longest = std::max(longest, text::to_code_points(label).size());
                w = static_cast<double>(std::min<std::size_t>(longest + 3, 48));
                break;
            }
            default: w = 24;
        }
        if (c.list == ListSource::positions || c.list == ListSource::forms) w = 36;
        if (c.path == "surname" || c.path == "patronymic") w = 16;
        if (c.path == "name") w = 13;
        if (c.type->kind == K::array) w = std::max(w, 36.0);
        // A header wraps onto two lines at most: half its length is enough room.
        const double title = static_cast<double>(text::to_code_points(c.title).size());
        return std::max(w, std::min(title / 2 + 3, 30.0));
    }

    // The scalar fields of an object as columns, nested objects flattened into them.
    void flatten(Sheet& sheet, const Type& object, std::vector<std::string> prefix, const std::string& path,
                 bool required, int sheet_index_value) {
        for (const Field& f : object.fields) {
            auto keys = prefix;
            keys.push_back(f.key);
            const std::string full = path + "." + f.key;
            if (f.type.kind == K::object) {
                const std::size_t first = sheet.columns.size();
                flatten(sheet, f.type, keys, full, required && f.required, sheet_index_value);
                // An object that may be null is said to be absent in its first column.
                if (detail::nullable(f.type) && sheet.columns.size() > first) sheet.columns[first].null_object = keys.size();
            } else if (is_object_array(f.type)) {
                children_.push_back({sheet_index_value, keys, &f, full});
            } else if (f.type.kind == K::array && f.type.item && !is_scalar(*f.type.item)) {
                throw std::logic_error("workbook layout: an array of arrays has no cells: " + full);
            } else {
                sheet.columns.push_back(value_column(keys, full, f, required && f.required));
            }
        }
    }

    void table(std::vector<std::string> keys, const Field& f, int parent, const std::string& parent_path = "") {
        const std::string path = parent_path.empty() ? join(keys) : parent_path;
        const detail::Placement* p = placement(path);
        // Excel refuses a sheet name over 31 characters; shorten() appends «…» to its 30.
        const std::string name = p ? std::string(p->sheet) : text::shorten(title_from_description(f.description), 30);
        const int index = sheet_index(name, Sheet::Kind::table);
        {
            Sheet& s = layout_.sheets[static_cast<std::size_t>(index)];
            s.keys = keys;
            s.item = f.type.item.get();
            s.parent = parent;
            s.collection = parent < 0 ? join(keys) : path;
            s.description = p ? std::string(p->heading) : user_text(f.description) + ".";
            if (parent >= 0) {
                Column c;
                c.role = ColumnRole::parent;
                c.required = true;
                c.list = ListSource::items;
                c.list_of = layout_.sheets[static_cast<std::size_t>(parent)].collection;
                c.type = &parent_type_;
                c.path = "@parent";
                Field pf{"@parent", true, {}, layout_.sheets[static_cast<std::size_t>(parent)].name};
                c.title = title_of(path + ".@parent", pf, &c.aliases);
                c.note = "К какой строке листа «" + layout_.sheets[static_cast<std::size_t>(parent)].name + "» относится строка.";
                c.width = 20;
                referenced_.insert(c.list_of);
                s.columns.push_back(std::move(c));
            }
        }
        std::vector<Child> before = std::move(children_);
        children_.clear();
        flatten(layout_.sheets[static_cast<std::size_t>(index)], *f.type.item, {}, path, true, index);
        // The code is for the program and for the rare namesake: after the columns people fill.
        auto& columns = layout_.sheets[static_cast<std::size_t>(index)].columns;
        std::stable_partition(columns.begin(), columns.end(), [](const Column& c) { return c.role != ColumnRole::id; });
        std::vector<Child> mine = std::move(children_);
        children_ = std::move(before);
        for (const auto& c : mine) table(c.keys, *c.field, c.parent, c.path);
    }

    void section(std::vector<std::string> keys, const Field& f, bool required) {
        const std::string path = join(keys);
        const detail::Placement* p = placement(path);
        const std::string sheet_name = p ? std::string(p->sheet) : default_form();
        const int index = sheet_index(sheet_name, Sheet::Kind::form);
        const int section_index = static_cast<int>(layout_.sheets[static_cast<std::size_t>(index)].sections.size());
        layout_.sheets[static_cast<std::size_t>(index)].sections.push_back(
            Section{keys, p ? std::string(p->heading) : user_text(f.description), required, detail::nullable(f.type)});
        std::vector<const Field*> objects;
        for (const Field& sub : f.type.fields) {
            const std::string full = path + "." + sub.key;
            if (sub.type.kind == K::object) {
                objects.push_back(&sub);
            } else if (is_object_array(sub.type)) {
                auto child = keys;
                child.push_back(sub.key);
                deferred_tables_.push_back({-1, child, &sub, full});
            } else {
                Column c = value_column({sub.key}, full, sub, sub.required);
                c.section = section_index;
                layout_.sheets[static_cast<std::size_t>(index)].columns.push_back(std::move(c));
            }
        }
        for (const Field* sub : objects) {
            auto child = keys;
            child.push_back(sub->key);
            section(child, *sub, required && sub->required);
        }
        // Tables of the object's arrays follow the form (after its nested sections).
        if (keys.size() == 1) {
            auto tables = std::move(deferred_tables_);
            deferred_tables_.clear();
            for (const auto& t : tables) table(t.keys, *t.field, -1);
        }
    }

    void root_field(const Field& f) {
        const detail::Placement* p = placement("");
        const std::string sheet_name = p ? std::string(p->sheet) : default_form();
        const int index = sheet_index(sheet_name, Sheet::Kind::form);
        Sheet& s = layout_.sheets[static_cast<std::size_t>(index)];
        int section_index = -1;
        for (std::size_t i = 0; i < s.sections.size(); ++i) {
            if (s.sections[i].keys.empty()) section_index = static_cast<int>(i);
        }
        if (section_index < 0) {
            s.sections.push_back(Section{{}, p ? std::string(p->heading) : "Прочие сведения", false, false});
            section_index = static_cast<int>(s.sections.size() - 1);
        }
        Column c = value_column({f.key}, f.key, f, f.required);
        c.section = section_index;
        s.columns.push_back(std::move(c));
    }

    // A table whose items are referred to is offered in drop-down lists (labels on «Списки»).
    void mark_referenced() {
        for (auto& s : layout_.sheets) {
            if (s.kind == Sheet::Kind::table && referenced_.count(s.collection) != 0) s.referenced = true;
        }
    }

    void finish_notes() {
        for (auto& s : layout_.sheets) {
            for (auto& c : s.columns) {
                std::string note = c.note;
                if (!note.empty() && note.back() != '.') note += '.';
                const std::string hint = format_hint(c, s.kind);
                if (!hint.empty()) note += " " + hint;
                if (c.role != ColumnRole::id) {
                    const bool optional_section = s.kind == Sheet::Kind::form && !s.sections[static_cast<std::size_t>(c.section)].required;
                    note += c.required ? (optional_section ? " Обязательно, если раздел заполняется." : " Обязательно.") : " Необязательно.";
                }
                if (s.kind == Sheet::Kind::form && first_of_section(s, c) && s.sections[static_cast<std::size_t>(c.section)].nullable) {
                    note += std::string(" «") + null_word + "» здесь — известно, что всего этого раздела нет.";
                }
                c.note = note;
            }
        }
    }

    static bool first_of_section(const Sheet& s, const Column& c) {
        for (const auto& other : s.columns) {
            if (other.section == c.section) return &other == &c;
        }
        return false;
    }

    struct Child {
        int parent;
        std::vector<std::string> keys;
        const Field* field;
        std::string path;
    };

    const data::FileFormat& format_;
    Layout layout_;
    std::set<std::string> referenced_;
    std::vector<Child> children_;
    std::vector<Child> deferred_tables_;
    static inline const Type parent_type_{};
};

}  // namespace

const Sheet* Layout::find(const std::string& name) const {
    for (const auto& s : sheets) {
        if (s.name == name) return &s;
    }
    return nullptr;
}

const Sheet* Layout::table_of(const std::string& collection) const {
    for (const auto& s : sheets) {
        if (s.kind == Sheet::Kind::table && s.collection == collection) return &s;
    }
    return nullptr;
}

const Layout& organisation_layout() {
    static const Layout l = Builder(data::organisation_file_format()).build();
    return l;
}

const Layout& municipality_layout() {
    static const Layout l = Builder(data::municipality_file_format()).build();
    return l;
}

const Layout& layout_of(const data::FileFormat& format) {
    return std::string_view(format.format) == data::municipality_format ? municipality_layout() : organisation_layout();
}

std::string column_letters(int column) {
    std::string s;
    for (int n = column + 1; n > 0; n = (n - 1) / 26) s.insert(s.begin(), static_cast<char>('A' + (n - 1) % 26));
    return s;
}

}  // namespace nastavnik::workbook
