#pragma once

#include "nastavnik/core/date.hpp"

namespace nastavnik {

/// The day itself if it is a working day, else the next one: a Saturday, a Sunday or a public
/// holiday of ст. 112 ТК РФ moves a deadline on, as ст. 193 ГК РФ moves the end of a term. The
/// yearly transfers of days off are not known here.
[[nodiscard]] Date next_working_day(Date d);

}  // namespace nastavnik
