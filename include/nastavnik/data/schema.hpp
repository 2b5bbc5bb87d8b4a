#pragma once
// The organisation input format as data: every field with its type, whether it is required
// and its Russian description. The validator walks it; the docs and tests read it too.

#include "nastavnik/core/error.hpp"

#include <memory>
#include <string>
#include <vector>

namespace nastavnik::input {
class JsonValue;
}

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
        academic_year, // "2025/2026": two consecutive years
        answer,        // a questionnaire answer: a number ≥ 0, or "да" / "нет"
    };
    Kind kind = Kind::string;
    std::vector<std::string> values;
    std::string ref_collection;             // "staff" | "acts" | "programmes" (a pair or a group)
    std::vector<Field> fields;              // object
    std::shared_ptr<const Type> item;       // array
    std::string item_name;                  // array: element name of an item in the data tree
    std::size_t min_items = 0;              // array
    std::size_t max_items = 0;              // array; 0 = no limit of its own (the file size bounds it)
    /// JSON null allowed: «known to be absent» (an empty element with nil="true"), as opposed to
    /// the field left out («not recorded»).
    bool nullable = false;
};

struct Field {
    std::string key;
    bool required = false;
    Type type;
    std::string description;  // Russian
    int since = 1;            // the version of the file format that introduced the field
    /// A field whose «left out» changed meaning: in a file of a version earlier than
    /// `three_valued_since`, the field left out is read as `left_out_was` (what the format of that
    /// version documented); from that version on, left out is «not recorded». 0: never changed.
    int three_valued_since = 0;
    std::string left_out_was = {};
};

/// The format identifier a new file declares in "format". Files of an earlier version of the
/// same format («nastavnik.organisation/1») are read as they are; a field introduced later is
/// an error in them that names the version to declare (docs/ru/data-format.md, «Версии формата»).
/// Version 2: monitoring by reporting years (reporting_years); the mentor's labour agreement
/// (ст. 351.8 ТК РФ) and publication, the teacher's individual route and consent to personal
/// data, methodological associations, a plan's basis and an act following the model.
/// Version 3: the organisation's founder (whether municipal acts reach it); the mentor's
/// `published_on_website` left out means «not recorded»
/// (in versions 1–2 it was a flag, left out = false, and is still read so).
inline constexpr const char* organisation_format = "nastavnik.organisation/3";
/// The version an organisation inside a municipality's single file is read as when it has no
/// "format" line of its own: the single-file form was defined with version 2, and what its files
/// already say must keep its meaning (a later version is declared in the item).
inline constexpr const char* organisation_format_in_municipality = "nastavnik.organisation/2";

/// The root object of an organisation file.
const Type& organisation_schema();

/// The format identifier of a municipality file (docs/ru/batch.md, «municipality.json»).
/// Version 2: the methodological service's staff, methodological associations, the young
/// teachers of the summaries (Бурятия's target).
/// Version 3: amendments to the act that introduced the system (the amending order).
inline constexpr const char* municipality_format = "nastavnik.municipality/3";

/// The root object of municipality.json: the municipality, its committee, coordinator, acts
/// and the region's targets; "organisations" (the single-file form) is read by the batch
/// stage, item by item, against organisation_schema().
const Type& municipality_schema();

/// The format identifier of an inspection's requisites (docs/ru/check-report.md, «Справка о
/// результатах проверки»): the inspecting body, number, date, place, basis, period, inspector.
inline constexpr const char* inspection_format = "nastavnik.inspection/1";
const Type& inspection_schema();

/// A root schema and the format its files declare.
class DataTree;
struct FileFormat {
    const Type* schema;
    const char* format;  // the current version: "nastavnik.organisation/2"
    const char* what;    // Russian, for messages: "организации"
    int oldest = 1;      // the earliest version still read
    /// Checks a whole built tree can only make (a questionnaire's answers fit its form …);
    /// adds every problem to the sink. Null: none.
    void (*validate)(const DataTree& tree, DiagnosticSink& problems) = nullptr;
    /// Rewrites an earlier form of the current version in place before the schema walks it;
    /// returns whether it changed anything. Null: none.
    bool (*upgrade)(input::JsonValue& root) = nullptr;
};
/// "nastavnik.organisation/2" → 2; 0 if the text is not `format`'s name with a version.
int format_version(const FileFormat& format, const std::string& text);
FileFormat organisation_file_format();
FileFormat municipality_file_format();
FileFormat inspection_file_format();
/// Whether a declared "format" is a municipality file of any version still read.
bool is_municipality_format(const std::string& declared);

/// Russian description of what a type expects, for messages: "дата в формате ГГГГ-ММ-ДД".
std::string expectation(const Type& t);

}  // namespace nastavnik::data
