#pragma once
// The profession a position belongs to: what a mentor can teach a mentee is what the mentor's own
// work is (reader G of 7.12.2026, 5: a музыкальный руководитель given a воспитатель's tasks).
// «учитель математики» and «учитель физики» are one profession, «музыкальный руководитель» and
// «воспитатель» two.

#include <string>
#include <string_view>

namespace nastavnik::text {

/// The profession of a position, in the words of the номенклатура должностей педагогических
/// работников (постановление Правительства РФ от 21.02.2022 № 225): «учитель» for every «учитель
/// …» of a subject, «учитель-логопед» for «логопед» too, «педагог дополнительного образования» for
/// its «старший». Empty for a head's, a deputy's or a methodical position (директор, заведующий,
/// заместитель …, методист, старший воспитатель …), whose work is guiding pedagogues of every
/// profession, and for a position not in the list (nothing is known of it). Compared in canonical
/// form: case, «ё» and dashes do not matter.
std::string profession_of(std::string_view position);

}  // namespace nastavnik::text
