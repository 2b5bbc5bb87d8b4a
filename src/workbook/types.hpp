#pragma once
// Features of the schema's types that the formats are gaining (issue 12: a boolean kind, and
// null — «known to be absent» — allowed for any type, objects included), looked for at compile
// time: the workbook carries them from the day they land, and builds before that. Once they are
// in data/schema.hpp these become plain member reads.

#include "nastavnik/data/schema.hpp"

namespace nastavnik::workbook::detail {

template <class T = data::Type>
bool is_boolean(const T& t) {
    if constexpr (requires { T::Kind::boolean; }) return t.kind == T::Kind::boolean;
    else return false;
}

template <class T = data::Type>
bool nullable(const T& t) {
    if constexpr (requires { t.nullable; }) return t.nullable || t.kind == T::Kind::date_or_null;
    else return t.kind == T::Kind::date_or_null;
}

}  // namespace nastavnik::workbook::detail
