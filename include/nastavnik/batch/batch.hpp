#pragma once
// `batch`: every organisation of a municipality in one run — checked, its package generated,
// each in isolation and in parallel — then the municipality's own documents, a manifest and a
// summary (docs/ru/batch.md). One broken organisation never stops the others.

#include "nastavnik/core/date.hpp"
#include "nastavnik/core/error.hpp"
#include "nastavnik/data/data_tree.hpp"
#include "nastavnik/generate/generator.hpp"
#include "nastavnik/input/json.hpp"
#include "nastavnik/rules/catalog.hpp"
#include "nastavnik/rules/engine.hpp"

#include <atomic>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace nastavnik::batch {

/// Where one organisation's data comes from: a file of the folder, or an item of the single file.
struct OrganisationSource {
    std::string label;                                 // "school-42.json", "all.json: organisations[3]"
    std::filesystem::path file;                        // the file its locations name
    std::shared_ptr<const input::JsonValue> item;      // single-file form: the parsed item; else null
    std::string folder;                                // its output folder, unique in the run
};

struct MunicipalityInput {
    std::filesystem::path source;                      // the folder or the single file
    std::filesystem::path municipality_file;           // where the municipality's data is
    std::shared_ptr<const input::JsonValue> municipality_json;  // as read (without "organisations")
    std::shared_ptr<const input::SheetPlaces> municipality_places;  // municipality.xlsx: names of its cells
    std::vector<Diagnostic> warnings;                  // of reading municipality.xlsx
    std::optional<data::DataTree> municipality;        // municipality.json, validated
    // The body's short name in the genitive, for «во исполнение приказа …», «на официальном сайте
    // …»: municipality.committee_genitive, else declined from committee_short (load_municipality).
    std::string committee_genitive;
    std::vector<OrganisationSource> organisations;     // sorted by label (deterministic)
};

/// Reads a municipality folder (municipality.json or municipality.xlsx + one *.json or *.xlsx
/// per organisation, sorted by name) or one file: JSON holding "municipality" and
/// "organisations", or the municipality's workbook. Validates the municipality at once;
/// organisations are validated later, each on its own. Throws Error (io / json_syntax /
/// data_invalid / package_invalid) naming the file and the line and column or the cell.
MunicipalityInput load_municipality(const std::filesystem::path& dir_or_file);

/// Key figures of one organisation, from its data (docs/ru/batch.md «Показатели»).
struct Indicators {
    int staff = 0;           // pedagogical workers in staff
    int mentors = 0;
    int mentees = 0;         // distinct, in pairs and groups
    int pairs = 0;
    int groups = 0;
    int young = 0;           // pedagogical experience under 3 years on the as-of date
    int young_covered = 0;   // … of them, mentees
    // Бурятия № 1552 counts teachers (a position «учитель …») under 35 in their first three
    // years of work; a teacher whose birth date or start of experience is not recorded cannot
    // be counted either way.
    int young_teachers = 0;
    int young_teachers_covered = 0;
    int young_teachers_unknown = 0;
    int experience_unknown = 0;  // pedagogical workers without a recorded start of experience
    bool polozhenie = false; // the Положение is recorded among the acts
    bool programme = false;  // a programme of developing mentoring is recorded
    // The participants of the programmes that run within the academic year of the as-of date
    // (1 September – 31 August): those the year's documents count, not the pairs of 2023/2024.
    int year_mentors = 0, year_mentees = 0, year_pairs = 0, year_groups = 0;
};
Indicators indicators(const data::DataTree& tree, const Date& as_of);

/// What a closed academic year recorded of its participants (reporting_years[]), for comparing
/// the municipality's years: only the counts a year records; nullopt if it recorded none.
struct YearFigures {
    int mentors = 0, mentees = 0, pairs = 0, groups = 0, young = 0, young_covered = 0;
};
std::optional<YearFigures> recorded_year(const data::DataTree& tree, const std::string& year);

/// One organisation's monitoring in an academic year: each indicator measured, its values of
/// all programmes (and of the organisation as a whole) put together as the organisation's
/// analytical report does (averaged for shares and scores, summed for counts) — the results
/// (values at the end of programmes) apart from values taken at their start or in their
/// course: those are no result to compare with a year's.
struct MonitoringValue {
    std::optional<double> end;    // at the end of programmes
    std::optional<double> start;  // programmes not ended: the latest value, else the one at the start
    // Every value of `start` was taken at the programmes' start (point «начало»): the справки
    // say «на начало программ», as the organisation's own does, not «в ходе программ» (reader B, 11).
    bool at_start = true;
};
std::map<std::string, MonitoringValue> monitoring_values(const data::DataTree& tree, const std::string& year);

/// A violated requirement as the municipality's documents state it: in words, with its kind.
struct FindingText {
    enum class Kind { error, warning, recommendation };
    Kind kind = Kind::error;
    std::string text;
    std::string remedy;  // what puts it right, from the rule («получить письменное согласие …»); may be empty
    bool mentee_list = false;  // the list of mentees is not up to date: its remedy takes in the young left without a mentor
    // The academic years («2023/2024») of the programmes that ended before the as-of date's year
    // which alone it concerns: taken into account when pairs are next formed, not put right by a
    // deadline (rules::EndedProgrammes, as the organisation's справка and the act); "" if it lasts.
    std::string ended;
};

/// The check's violations and recommendations in words, each message once.
std::vector<FindingText> findings_in_words(const rules::CheckResult& check, const data::DataTree& tree, const Date& as_of);

// The order is the order of the columns of the compliance chart.
enum class Status {
    compliant,   // no violation of a binding act; package written
    findings,    // violations of warning level only; package written
    violations,  // error-level violations, with --check-only or --force (package written with --force)
    incomplete,  // no violation found, but binding requirements could not be checked for lack of data
    refused,     // error-level violations: package not generated, the check explains why
    failed,      // data unreadable or invalid, no ruleset, or a document could not be filled
};
/// "соответствует" / "есть замечания" / "нарушения" / "проверка не завершена" /
/// "документы не сформированы" / "ошибка обработки".
const char* status_text(Status s);

/// A file the run wrote, relative to the output folder.
struct WrittenFile {
    std::string path;    // "организации/school-42/Положение….docx" (generic separators)
    std::string sha256;  // hex
    std::size_t size = 0;
    std::string organisation;  // folder of the organisation; "" for the municipality's files
    std::string kind;          // document kind id, or "check-text" / "check-json" / "manifest" …
};

struct OrganisationResult {
    std::string label;
    std::string folder;
    std::string name;        // short name from the data ("" if unreadable)
    std::string type;        // общеобразовательная / дошкольная / дополнительного образования
    Status status = Status::failed;
    std::size_t errors = 0, warnings = 0, not_evaluable = 0;
    std::vector<std::string> rulesets;  // "federal-az-1128 1.0"
    std::vector<Diagnostic> reasons;    // why refused / failed, in Russian, with locations
    bool unreadable = false;            // failed: the file itself is not JSON / not a workbook
    std::vector<Diagnostic> input_warnings;  // of reading its workbook (columns it does not know, …)
    std::optional<Indicators> indicators;
    std::vector<FindingText> findings;   // violations and recommendations of the check, in words
    std::optional<Date> remedy_deadline;  // by when its справка asks them put right (generate::Package)
    // Monitoring (issue 14): the indicators the acts in force ask of this organisation, what it
    // measured in the academic year of the as-of date and in the previous one, and the
    // participants the previous year recorded when it closed.
    std::vector<std::string> monitoring_planned;
    int programmes_this_year = 0;  // pairs' and groups' programmes running within the academic year
    std::map<std::string, MonitoringValue> monitoring_now, monitoring_before;
    std::optional<YearFigures> previous;
    std::vector<WrittenFile> files;
};

struct Progress {
    std::size_t done = 0, total = 0, failed = 0, with_findings = 0;
    double seconds = 0;
};

struct Options {
    std::filesystem::path out_dir;
    std::filesystem::path templates_dir;
    Date as_of;
    // The date of the documents (--date), as `generate --date`: the organisations' new documents
    // and the municipality's; the check stays as of `as_of`. Default: the as-of date.
    std::optional<Date> date;
    std::vector<std::string> only;  // document kinds; empty = all
    bool force = false;
    bool reissue = false;           // also what each organisation issued before as_of (generate --reissue)
    unsigned jobs = 0;              // 0 = all cores
    bool check_only = false;        // no documents: check and indicators only
    generate::OutputFormat format = generate::OutputFormat::both;  // every document as DOCX, PDF or both
    std::function<void(const Progress&)> progress;  // called from the worker threads, serialised
    const std::atomic<bool>* cancel = nullptr;      // set (e.g. by SIGINT) to stop taking new organisations
};

struct Result {
    std::vector<OrganisationResult> organisations;  // in input order
    std::vector<WrittenFile> municipal_files;       // summary, table, order, report, manifest
    bool cancelled = false;
    // The municipality's own obligations (rules with subject «муниципалитет»), checked on
    // municipality.json with the summaries of its organisations.
    std::size_t municipal_errors = 0, municipal_warnings = 0, municipal_not_evaluable = 0;
    [[nodiscard]] std::size_t count(Status s) const;
    /// The organisations by what was found, in the Сводка's words — the terminal and the service
    /// say the same: «Организаций: 15; соответствуют требованиям: 12; выявлены нарушения
    /// обязательных требований: 1 (из них документы не сформированы: 1); …».
    [[nodiscard]] std::string statuses_in_words() const;
};

/// That sentence for any list of results (the Сводка's, before the Result is assembled).
std::string statuses_in_words(const std::vector<OrganisationResult>& organisations);

/// Processes every organisation (in parallel, each in isolation) and writes the municipal
/// documents, the summary and, last, manifest.json. Throws only for what stops the whole run
/// (output folder not writable, a template invalid for every organisation).
Result run(const MunicipalityInput& input, const rules::Catalog& catalog, const Options& options);

/// Hex SHA-256 of bytes (OpenSSL).
std::string sha256_hex(std::string_view bytes);

}  // namespace nastavnik::batch
