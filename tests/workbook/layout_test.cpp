// The workbook layout follows the schema: every field of both formats has exactly one place
// (a column of a table or a row of a form), titles are unambiguous where the reader looks them
// up, and every place has a note for the person filling it in. A field added to the schema
// fails here only if the layout cannot hold it.

#include "nastavnik/workbook/layout.hpp"

#include <boost/test/unit_test.hpp>

#include <map>
#include <set>

namespace wb = nastavnik::workbook;
using nastavnik::data::Type;

namespace {

// "staff.surname", "groups.mentee_consents.person" …: every scalar (or array of scalars) of the schema.
void schema_paths(const Type& t, const std::string& prefix, std::set<std::string>& out) {
    for (const auto& f : t.fields) {
        const std::string path = prefix.empty() ? f.key : prefix + "." + f.key;
        if (f.type.kind == Type::Kind::constant && prefix.empty()) continue;  // "format"
        if (f.type.kind == Type::Kind::object) {
            schema_paths(f.type, path, out);
        } else if (f.type.kind == Type::Kind::array && f.type.item && f.type.item->kind == Type::Kind::object) {
            schema_paths(*f.type.item, path, out);
        } else {
            out.insert(path);
        }
    }
}

std::string join(const std::vector<std::string>& keys) {
    std::string s;
    for (const auto& k : keys) s += (s.empty() ? "" : ".") + k;
    return s;
}

// Where each column of the layout puts its value, as a schema path.
std::multiset<std::string> layout_paths(const wb::Layout& layout) {
    std::multiset<std::string> out;
    for (const auto& s : layout.sheets) {
        std::string table_path;
        if (s.kind == wb::Sheet::Kind::table) {
            table_path = join(s.keys);
            for (int p = s.parent; p >= 0; p = layout.sheets[static_cast<std::size_t>(p)].parent) {
                table_path = join(layout.sheets[static_cast<std::size_t>(p)].keys) + "." + table_path;
            }
        }
        for (const auto& c : s.columns) {
            if (c.role == wb::ColumnRole::parent) continue;
            if (s.kind == wb::Sheet::Kind::table) {
                out.insert(table_path + "." + c.path);
            } else {
                const auto& section = s.sections.at(static_cast<std::size_t>(c.section)).keys;
                out.insert(section.empty() ? c.path : join(section) + "." + c.path);
            }
        }
    }
    return out;
}

void check_coverage(const wb::Layout& layout) {
    std::set<std::string> expected;
    schema_paths(*layout.format.schema, "", expected);
    const auto got = layout_paths(layout);
    for (const auto& p : expected) BOOST_TEST(got.count(p) == 1u, layout.format.format << ": " << p << " placed " << got.count(p) << " times");
    for (const auto& p : got) BOOST_TEST(expected.count(p) == 1u, layout.format.format << ": " << p << " is not in the schema");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(workbook_layout)

BOOST_AUTO_TEST_CASE(every_field_of_both_formats_has_exactly_one_place) {
    check_coverage(wb::organisation_layout());
    check_coverage(wb::municipality_layout());
}

BOOST_AUTO_TEST_CASE(the_organisation_sheets_are_those_of_the_issue) {
    std::vector<std::string> names;
    for (const auto& s : wb::organisation_layout().sheets) names.push_back(s.name);
    const std::vector<std::string> expected = {"Организация", "Сотрудники", "Наставники", "Пары", "Группы",
                                               "Согласия в группах", "Документы", "Оформление",
                                               "Учебные годы", "Мониторинг", "Анкеты"};
    BOOST_TEST(names == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(titles_are_unambiguous_and_sheet_names_are_valid) {
    for (const wb::Layout* l : {&wb::organisation_layout(), &wb::municipality_layout()}) {
        std::set<std::string> sheet_names;
        for (const auto& s : l->sheets) {
            BOOST_TEST(sheet_names.insert(s.name).second, s.name);
            BOOST_TEST(s.name.find_first_of("[]:*?/\\") == std::string::npos, s.name);
            BOOST_TEST(s.name.size() <= 31u * 2, s.name);  // ≤ 31 characters, Cyrillic takes two bytes
            std::map<std::pair<int, std::string>, int> seen;  // (section, title) — tables have one section
            for (const auto& c : s.columns) {
                BOOST_TEST(!c.title.empty());
                const std::pair<int, std::string> key(s.kind == wb::Sheet::Kind::form ? c.section : 0, c.title);
                BOOST_TEST(++seen[key] == 1, s.name << ": " << c.title);
                BOOST_TEST(c.title != wb::form_header_label);
            }
            for (const auto& section : s.sections) {
                for (const auto& c : s.columns) BOOST_TEST(c.title != section.title, s.name << ": " << c.title);
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(every_column_says_what_goes_in_and_whether_it_is_required) {
    for (const wb::Layout* l : {&wb::organisation_layout(), &wb::municipality_layout()}) {
        for (const auto& s : l->sheets) {
            for (const auto& c : s.columns) {
                BOOST_TEST(c.note.size() > 10u, s.name << ": " << c.title);
                BOOST_TEST(c.note.find("null") == std::string::npos, s.name << ": " << c.note);
                if (c.role == wb::ColumnRole::value) {
                    const bool says = c.note.find(c.required ? "Обязательно" : "Необязательно") != std::string::npos;
                    BOOST_TEST(says, s.name << ": " << c.note);
                }
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(references_choose_from_lists_of_the_sheets_they_name) {
    const auto& l = wb::organisation_layout();
    const auto* pairs = l.find("Пары");
    BOOST_REQUIRE(pairs);
    int references = 0;
    for (const auto& c : pairs->columns) {
        if (c.list == wb::ListSource::items) {
            ++references;
            BOOST_TEST(l.table_of(c.list_of) != nullptr, c.title);
        }
    }
    BOOST_TEST(references == 4);  // mentor, mentee, the orders approving the programme and fixing the pair
    const auto* staff = l.find("Сотрудники");
    BOOST_REQUIRE(staff && staff->referenced);
    BOOST_TEST(staff->columns.front().path == "surname");  // what people fill comes first, the code last
    BOOST_TEST(wb::column_letters(0) == "A");
    BOOST_TEST(wb::column_letters(25) == "Z");
    BOOST_TEST(wb::column_letters(27) == "AB");
}

BOOST_AUTO_TEST_SUITE_END()
