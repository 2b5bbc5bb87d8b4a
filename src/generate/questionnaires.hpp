#pragma once
// Internal: the questionnaires of monitoring (анкеты наставляемого, наставника, куратора) are
// filled from a copy of the organisation's tree with the questions of each form added, so that
// the printed questions and the answers' keys come from one catalogue (data/monitoring.hpp):
//
//   /data/questionnaire_forms/form[@id = 'наставляемый' | 'наставляемый-ж' | 'наставник' | 'наставник-группа' |
//                                      'наставник-ж' | 'куратор' | 'куратор-группа' | 'куратор-ж']/
//       ('…-группа': the same questions of all the group's mentees — «наставляемых»; '…-ж': of a
//        woman in a pair, or answered by one — «наставляемой»)
//       {title, question/{n, text, kind: scale | percent | count | yes_no}}
//   /data/questionnaire_forms/programme[@ref]      the pairs and groups of the year, in data order

#include "nastavnik/data/data_tree.hpp"

#include <string>
#include <vector>

namespace nastavnik::generate {

/// `planned`: the indicators the acts in force list (monitoring_stage1/2); a question of an
/// indicator only some acts have (the pupils' contests) is asked where they list it. Null: every question.
std::unique_ptr<xmlDoc, data::DocFree> questionnaire_document(const data::DataTree& tree, const std::string& as_of,
                                                             const std::vector<std::string>* planned = nullptr);

/// The pairs and groups whose programme runs in the academic year of the as-of date (or has no
/// dates yet), as an XPath predicate on a pair or a group: who gets a questionnaire.
inline constexpr const char* programme_of_the_year =
    "[not(programme/start and programme/end) or "
    "(n:days(programme/start) <= n:days(concat(substring-after(n:academic-year(n:today()), '/'), '-08-31')) and "
    "n:days(programme/end) >= n:days(concat(substring-before(n:academic-year(n:today()), '/'), '-09-01')))]";

}  // namespace nastavnik::generate
