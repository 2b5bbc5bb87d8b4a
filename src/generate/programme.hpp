#pragma once
// Internal: the personalised programme is filled from a copy of the organisation's tree where each
// pair and group has its plan, chosen in one table by what the mentor's work is and what the
// mentee's is (programme.cpp):
//
//   (/data/pairs/pair | /data/groups/group)/plan/
//       task/{text, method}*   the recorded goals, or, for a mentor of another profession and none
//                              recorded, the tasks in the mentor's competence; the method of work
//                              on each («консультации, …», lower case)
//       method                 the method when there is no task (the general row)
//       visit                  the row of what the mentee sees of the mentor's work

#include "nastavnik/data/data_tree.hpp"

namespace nastavnik::generate {

std::unique_ptr<xmlDoc, data::DocFree> programme_document(const data::DataTree& tree, const std::string& as_of);

}  // namespace nastavnik::generate
