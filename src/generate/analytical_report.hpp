#pragma once
// Internal: what the organisation's analytical report (аналитическая справка о результатах
// мониторинга) states, computed from the data — never claimed. The template
// (templates/analiticheskaya-spravka.docx) is filled from a copy of the organisation's tree
// with /data/report added:
//
//   report/{as_of, year, year_start, year_end, previous_year}
//   report/programmes[@total @ended @running @not_started @undated]/programme[@ref]/{kind, start, end, state}
//   report/earlier/{count, last_end, last_year}            programmes that ended before the year
//   report/young[@count @covered]/not_covered/person[@ref]   pedagogical experience under 3 years
//   report/stage[@n @planned @assessed @not_assessed]/indicator/{title, current, previous, assessed}
//   report/stage/sources                                   where this year's values come from
//   report/comparison[@previous_recorded]/row/{title, previous, current}
//   report/values/row/{programme, indicator, start, end, source}   per programme, the annex
//   report/findings/finding[@severity]                     what the check found, in words
//   report/not_assessed_list/indicator[@source], report/year_end_list/indicator[@source]
//                                                           indicators to assess, each with where its value comes
//                                                           from (data::monitoring::source_of)
//   report/list_and_assign                                 the list of mentees to update and young specialists
//                                                           to pair: one proposal
//   report/roadmap_drafted                                 no roadmap in force: the package draws the year's
//   report/roadmap_approval                                that roadmap's date: it is approved on it
//   report/remedies/remedy[@assign]                        a violation's measure: who (the one the roadmap's row
//                                                           names, else the head), by when, what, the roadmap's item
//   report/remedy_deadline                                 by when all of them are put right (the latest)
//   report/history[@lead @where @referred]/finding[@severity]  ended programmes' findings, each labelled
//   report/signed_by_head                                  the check found the curator's appointment wrong
//   report/conclusions/line[@sub]                          «Выводы»: what was found, each finding under its line
//   report/risks/risk                                      a proposal per programme with a recorded risk
//   report/not_evaluable                                   how many requirements could not be checked
//   report/ended_without_stage2/{programme, of}            ended this year, impact not measured (of: by mentor – mentee)
//   report/continued[@count]/programme                     running programmes to carry on, not those to put right
//                                                           (named only when some are left out); stage2_deadline after them
//   report/chart[@name]                                    charts drawn (years, scores)
//
// Which indicators a stage has comes from the rulesets in force (monitoring_stage1,
// monitoring_stage2; monitoring_exams names the exams); without them, the indicators measured.

#include "nastavnik/core/date.hpp"
#include "nastavnik/data/data_tree.hpp"
#include "nastavnik/data/monitoring.hpp"
#include "nastavnik/rules/engine.hpp"
#include "nastavnik/xpath/evaluator.hpp"

#include <libxml/tree.h>

#include <map>
#include <memory>
#include <optional>
#include <string>

namespace nastavnik::generate {

/// A monitoring value as the справка writes it: «19,6 %», «4,3 балла», «1 риск», «2 чел.» (the
/// municipality's справка writes the same values the same way).
std::string indicator_value_text(const data::monitoring::Indicator& indicator, double value);

struct AnalyticalReport {
    std::unique_ptr<xmlDoc, data::DocFree> doc;  // the organisation's data with /data/report
    Date remedy_deadline;                        // report/remedy_deadline: the municipality's order repeats it
    std::map<std::string, std::string> charts;  // chart name → PNG, for the template's chart:NAME pictures
};

/// The dates of the roadmap the package draws that the справка's proposals repeat (reader D, M4,
/// M5: «до 21 декабря» in one, «до 11.01.2027» in the other for the same list of mentees).
/// Computed once, by generate's `roadmap_dates` (src/generate/generator.cpp), for both documents.
struct RoadmapDates {
    Date approved;     // the roadmap's own date: its deadlines count from it, it is approved on it
    Date mentee_list;  // «Актуализация сведений о педагогах … (список наставляемых)»
    Date preparation;  // what prepares the list: the curator («Назначение куратора …»)
};

/// `check`: the check of the same data on the same date (its violations go into the
/// conclusions; null: none known). `parameters`: the rulesets' parameters in force.
/// `roadmap_in_package`: the run draws the year's roadmap too (a missing one is then «разработан
/// и представлен на утверждение», not a finding). `dated`: the date the справка bears when it is
/// not the as-of date (generate/batch --date): its deadlines run a month from it, as the municipal
/// order's do (a batch dated 23.11 for a check of 22.11: both «в срок до 23.12», not 22.12 in one).
/// `roadmap`: the dates of the roadmap the package draws; a violation that roadmap plans to put
/// right is asked by the roadmap's date, and the roadmap approved on its own. `roadmap_text`: that
/// roadmap as drawn (docx::document_text): a measure it plans names its item and the person its
/// row makes responsible (reader G, 4: «директору … устранить замечание» where the roadmap's row
/// names the curator).
AnalyticalReport analytical_report(const data::DataTree& tree, const Date& as_of, const rules::CheckResult* check,
                                   const xpath::Variables& parameters, bool roadmap_in_package = true,
                                   const std::optional<Date>& dated = std::nullopt,
                                   const std::optional<RoadmapDates>& roadmap = std::nullopt,
                                   const std::string& roadmap_text = {});

}  // namespace nastavnik::generate
