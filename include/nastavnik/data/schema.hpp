#pragma once
// The organisation input format as data: every field with its type, whether it is required
// and its Russian description. The validator walks it; the docs and tests read it too.

#include <memory>
#include <string>
#include <vector>

namespace nastavnik::data {

struct Field;

struct Type {
    enum class Kind {
        string,        // non-empty text without control characters
        date,          // "YYYY-MM-DD"
        date_or_null,  // a date, or null = known to be absent
        number,        // a JSON number ≥ 0 (percentages, counts)
        boolean,       // true or false
        enumeration,   // one of `values`
        constant,      // exactly values[0]
        id,            // unique identifier; becomes an XML ID attribute
        ref,           // an id of `ref_collection`
        object,
        array,
    };
    Kind kind = Kind::string;
    std::vector<std::string> values;
    std::string ref_collection;             // "staff" | "acts"
    std::vector<Field> fields;              // object
    std::shared_ptr<const Type> item;       // array
    std::string item_name;                  // array: element name of an item in the data tree
    std::size_t min_items = 0;              // array
    /// JSON null allowed: «known to be absent» (an empty element with nil="true"), as opposed to
    /// the field left out («not recorded»).
    bool nullable = false;
};

struct Field {
    std::string key;
    bool required = false;
    Type type;
    std::string description;  // Russian
};

/// The format identifier the file must declare in "format".
inline constexpr const char* organisation_format = "nastavnik.organisation/1";

/// The root object of an organisation file.
const Type& organisation_schema();

/// The format identifier of a municipality file (docs/ru/municipality-format.md).
inline constexpr const char* municipality_format = "nastavnik.municipality/1";

/// The root object of municipality.json: the municipality, its committee, coordinator, acts
/// and the region's targets; "organisations" (the single-file form) is read by the batch
/// stage, item by item, against organisation_schema().
const Type& municipality_schema();

/// A root schema and the format its files declare.
struct FileFormat {
    const Type* schema;
    const char* format;
    const char* what;  // Russian, for messages: "организации"
};
FileFormat organisation_file_format();
FileFormat municipality_file_format();

/// Russian description of what a type expects, for messages: "дата в формате ГГГГ-ММ-ДД".
std::string expectation(const Type& t);

}  // namespace nastavnik::data
