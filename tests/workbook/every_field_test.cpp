// Every field of both formats goes through a workbook and comes back: an organisation and a
// municipality are made from the schema itself, with every optional field filled (objects,
// lists, nested lists, references, closed sets, numbers, «known to be absent»), written and
// read back. A field added to the schema is covered the day it is added — and if the workbook
// cannot carry its kind, this test says which field.

#include "workbook_fixture.hpp"

#include "nastavnik/data/data_tree.hpp"

#include <boost/test/unit_test.hpp>

#include <map>

using namespace wb_test;
namespace input = nastavnik::input;
using nastavnik::data::Type;
using K = Type::Kind;

namespace {

// Features of the schema that appear as the formats grow, looked for at compile time: a
// boolean kind, and null allowed for any type.
template <class T = Type>
bool boolean_kind(const T& t) {
    if constexpr (requires { T::Kind::boolean; }) return t.kind == T::Kind::boolean;
    else return false;
}
template <class T = Type>
bool nullable(const T& t) {
    if constexpr (requires { t.nullable; }) return t.nullable;
    else return false;
}

input::JsonValue scalar(input::JsonValue::Kind kind, std::string text) {
    input::JsonValue v;
    v.kind = kind;
    v.scalar = std::move(text);
    return v;
}

class Maker {
public:
    explicit Maker(const Type& root) {
        // Ids first: references are made to items that exist.
        for (const auto& f : root.fields) {
            if (f.type.kind == K::array && f.type.item && f.type.item->kind == K::object) {
                for (const auto& g : f.type.item->fields) {
                    if (g.type.kind == K::id) {
                        for (int i = 1; i <= 3; ++i) ids_[f.key].push_back(f.key.substr(0, 3) + std::to_string(i));
                    }
                }
            }
        }
    }

    input::JsonValue object(const Type& t, const std::string& path, int variant, bool root = false) {
        input::JsonValue o;
        o.kind = input::JsonValue::Kind::object;
        for (const auto& f : t.fields) {
            const std::string p = path.empty() ? f.key : path + "." + f.key;
            if (f.type.kind == K::constant) {
                o.members.push_back({f.key, {}, scalar(input::JsonValue::Kind::string, f.type.values.at(0))});
                continue;
            }
            o.members.push_back({f.key, {}, value(f.type, p, variant, root ? f.key : "")});
        }
        return o;
    }

private:
    input::JsonValue value(const Type& t, const std::string& path, int variant, const std::string& collection) {
        // Every third optional value «known to be absent», where the type allows it.
        if (nullable(t) && (variant + static_cast<int>(path.size())) % 3 == 2) return input::JsonValue{};
        switch (t.kind) {
            case K::object: return object(t, path, variant);
            case K::array: {
                input::JsonValue a;
                a.kind = input::JsonValue::Kind::array;
                const int n = t.item->kind == K::object ? 3 : 2;
                for (int i = 0; i < n; ++i) {
                    if (t.item->kind == K::object) {
                        current_[collection] = i;
                        a.items.push_back(object(*t.item, path, variant + i));
                    } else {
                        a.items.push_back(value(*t.item, path, variant + i, collection));
                    }
                }
                return a;
            }
            case K::string: return scalar(input::JsonValue::Kind::string, "Значение " + path + " " + std::to_string(variant));
            case K::date:
                return scalar(input::JsonValue::Kind::string, std::to_string(2015 + variant % 10) + "-0" + std::to_string(1 + variant % 9) + "-1" +
                                                                  std::to_string(variant % 9));
            case K::date_or_null:
                if (variant % 3 == 1) return input::JsonValue{};
                return value(date_type(), path, variant, collection);
            case K::number:
                if (!t.values.empty()) return scalar(input::JsonValue::Kind::number, t.values[static_cast<std::size_t>(variant) % t.values.size()]);
                return scalar(input::JsonValue::Kind::number, std::to_string(variant + 1) + (variant % 2 ? ".5" : ""));
            case K::enumeration: return scalar(input::JsonValue::Kind::string, t.values[static_cast<std::size_t>(variant) % t.values.size()]);
            case K::id: {
                const std::string top = path.substr(0, path.find('.'));
                return scalar(input::JsonValue::Kind::string, ids_.at(top).at(static_cast<std::size_t>(current_[top])));
            }
            case K::ref: {
                if (t.ref_collection == "programmes") {  // a pair or a group
                    const auto& ids = ids_.at(variant % 2 ? "pairs" : "groups");
                    return scalar(input::JsonValue::Kind::string, ids[static_cast<std::size_t>(variant) % ids.size()]);
                }
                const auto& ids = ids_.at(t.ref_collection);
                return scalar(input::JsonValue::Kind::string, ids[static_cast<std::size_t>(variant) % ids.size()]);
            }
            case K::academic_year:
                return scalar(input::JsonValue::Kind::string, std::to_string(2020 + variant % 5) + "/" + std::to_string(2021 + variant % 5));
            case K::answer:
                return variant % 3 == 0 ? scalar(input::JsonValue::Kind::string, variant % 2 ? "да" : "нет")
                                        : scalar(input::JsonValue::Kind::number, std::to_string(1 + variant % 5));
            default:
                if (boolean_kind(t)) return scalar(input::JsonValue::Kind::boolean, variant % 2 ? "true" : "false");
                BOOST_FAIL("the test cannot make a value of the kind of " + path);
                return {};
        }
    }

    static const Type& date_type() {
        static const Type t = [] {
            Type d;
            d.kind = K::date;
            return d;
        }();
        return t;
    }

    std::map<std::string, std::vector<std::string>> ids_;
    std::map<std::string, int> current_;
};

void round_trip(const nastavnik::data::FileFormat& format, const std::string& name) {
    Maker maker(*format.schema);
    const input::JsonValue root = maker.object(*format.schema, "", 0, true);
    // (The values fill every field by its type; whether they make sense together — a score
    // in its scale, an answer its form asks — is the data stage's business, not the workbook's.)
    const auto xlsx = scratch(name + ".xlsx");
    wb::write_workbook(xlsx, wb::layout_of(format), &root, {});
    const auto back = wb::read_workbook_file(xlsx);
    BOOST_TEST(input::first_difference(root, back.root) == "", name);
    std::string warnings;
    for (const auto& w : back.warnings) warnings += w.to_string() + "\n";
    BOOST_TEST(warnings.empty(), warnings);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(workbook_every_field)

BOOST_AUTO_TEST_CASE(an_organisation_with_every_field_filled) { round_trip(nastavnik::data::organisation_file_format(), "every-field-organisation"); }

BOOST_AUTO_TEST_CASE(a_municipality_with_every_field_filled) { round_trip(nastavnik::data::municipality_file_format(), "every-field-municipality"); }

BOOST_AUTO_TEST_SUITE_END()
