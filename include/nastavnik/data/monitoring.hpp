#pragma once
// Monitoring of mentoring (issue 14): what can be measured, the questionnaires that measure part
// of it, and the values of a reporting year put together per programme.
//
// The acts name two stages (Барнаул № 127 разд. 5, Бийск № 701 разд. 5): the process of a
// personalised programme (stage 1) and its impact on the participants (stage 2); Бурятия № 1552
// разд. IV adds results of its own. Each is an indicator here; which of them an act asks for is
// a ruleset parameter (monitoring_stage1, monitoring_stage2), so that the catalogue is only a
// vocabulary. Values are data (monitoring[]: value, date, source) or answers of questionnaires
// (questionnaires[]), each in the academic year of its date; reporting_years[] holds what a
// closed year recorded of its participants. Nothing is guessed.

#include "nastavnik/core/date.hpp"
#include "nastavnik/core/error.hpp"
#include "nastavnik/data/data_tree.hpp"
#include "nastavnik/data/schema.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace nastavnik::data::monitoring {

/// How a value is measured and how values of several people or programmes are put together.
enum class Unit {
    percent,  // 0–100; averaged
    score,    // 1–5 (a questionnaire scale); averaged
    count,    // a number of people, events, works; summed
};

struct Indicator {
    const char* id;      // "exam_pass_share": the key in the data, the answers and the rulesets
    int stage;           // 1: the process of a programme; 2: its impact on the participants
    Unit unit;
    // Russian, as a heading of a report line, by type of organisation (kindergarten and
    // additional education word some indicators differently; nullptr = the general title).
    const char* title;
    const char* title_kindergarten;
    const char* title_additional;
};

/// Every indicator, stage 1 first, in the order the acts list them.
const std::vector<Indicator>& indicators();
const Indicator* find_indicator(std::string_view id);
/// The title for an organisation of `type` («общеобразовательная», «дошкольная», «дополнительного образования»).
std::string title_of(const Indicator& i, std::string_view type);
/// The same with the assessment procedures an act names (a ruleset's monitoring_exams, «ВПР|ОГЭ»):
/// «Процент обучающихся наставляемого, успешно прошедших ВПР и ОГЭ»; none: the general title.
std::string title_of(const Indicator& i, std::string_view type, const std::vector<std::string>& exams);
/// «%», «балл», «чел.» …: how a value of the unit is written after the number.
std::string unit_text(Unit u, double value);

enum class AnswerKind { scale, percent, count, yes_no };

struct Question {
    const char* indicator;  // the answer is a value of this indicator
    AnswerKind kind;
    const char* text;       // Russian, as printed in the questionnaire
};

struct Form {
    const char* id;          // "наставник" | "наставляемый" | "куратор": questionnaires[].form
    const char* title;       // «Анкета наставника»
    std::vector<Question> questions;
};

/// The questionnaires: of the mentee (one per mentee), of the mentor (one per programme), of
/// the curator (one per programme).
const std::vector<Form>& forms();
const Form* find_form(std::string_view id);
/// Where a value of the indicator comes from, for an organisation of `type`: the questionnaires
/// that ask it («анкеты наставника и куратора»), else the records it is taken from; empty: none
/// known. The справка names it for each indicator it orders assessed (reader G, 6).
std::string source_of(const Indicator& i, std::string_view type);

/// The fields version 2 of the organisation format adds: reporting_years (the recorded results
/// of closed years), monitoring (indicator values), questionnaires (answers).
std::vector<Field> monitoring_fields();
/// Files written while version 2 nested everything in the year (reporting_years[] with «summary»,
/// «monitoring», «questionnaires») still read: the year's counts move into the year, its values and
/// questionnaires to the lists of the file (each keeps its date, which places it in a year, and
/// its position for messages). Returns whether anything moved.
bool flatten_nested_years(input::JsonValue& root);
/// Checks what the schema cannot: a year at most once, a questionnaire's answers are questions
/// of its form with answers of the right kind, its respondent takes part in its programme,
/// values within their scale.
void validate(const DataTree& tree, DiagnosticSink& problems);

/// "2025/2026" → 01.09.2025; nullopt if the text is not an academic year.
std::optional<Date> year_start(std::string_view year);
/// The academic year a date falls in: "2025/2026" for 20.05.2026.
std::string year_of(const Date& d);
/// The academic year before: "2024/2025" for "2025/2026".
std::string previous_year(std::string_view year);

/// A value marked «начало» counts as the programme's starting value when measured within this
/// many days of the programme's start — the month an entry diagnostic takes (Ласточка's of
/// 29.09 for programmes begun on 04.09); a later one is an interim value (a share of completed
/// activities of 18 % on 15.10 for programmes begun on 08.09 is not «на начало»: reader E, 3):
/// the справка shows it as the latest value, and the check warns of it (rules::data_warnings).
inline constexpr int start_value_days = 30;

/// Whether a value marked «начало» of the programme `programme` (a pair or a group), measured
/// on `date`, is too late to be the starting one (more than start_value_days after its start).
bool late_start_value(const DataTree& tree, const std::string& programme, const Date& date);

/// One value of an indicator for a programme (or for the organisation as a whole).
struct Value {
    double value = 0;
    std::string point;   // «начало» | «окончание» | "" (in the course of the programme)
    Date date;
    std::string source;  // «протокол МО от 25.05.2026 № 5»; for answers: «анкеты наставляемых»
};

/// What was measured of one indicator for one programme in a year: the recorded values and the
/// questionnaires' answers put together (answers of the same date and point are one value:
/// averaged for scores and percentages, summed for counts, «да» counted).
struct Measured {
    const Indicator* indicator = nullptr;
    std::optional<Value> start;   // the value with point «начало»
    std::optional<Value> end;     // the value with point «окончание», else the latest one
    std::size_t values = 0;       // how many values (and answers) went into it
};

struct ProgrammeResults {
    xmlNodePtr programme = nullptr;  // /data/pairs/pair or /data/groups/group
    std::vector<Measured> measured;  // in the order of indicators(), only those with a value
};

struct YearResults {
    std::string year;
    bool recorded = false;                       // the data hold a record of this year
    std::vector<ProgrammeResults> programmes;    // the programmes with any value, in data order
    std::vector<Measured> organisation;          // values recorded for the organisation as a whole
    const xmlNode* summary = nullptr;            // the year's reporting_years item, if recorded
};

/// The values of `year` ("2025/2026") in the organisation's data.
YearResults results(const DataTree& tree, const std::string& year);

/// The years the data hold anything of (a recorded summary, a value, a questionnaire), oldest first.
std::vector<std::string> recorded_years(const DataTree& tree);

}  // namespace nastavnik::data::monitoring
