#pragma once
// Amendments to the municipality's act that introduced the system (municipality.amendments[],
// format version 3): what the amending order «О внесении изменений в приказ от … № …» states,
// item by item, in the form юридическая техника gives such items.

#include "nastavnik/core/error.hpp"
#include "nastavnik/data/data_tree.hpp"

#include <string>
#include <vector>

namespace nastavnik::data {

struct Amendment {
    enum class Action { reword, add, repeal };
    std::string item;     // «2», «4.2.1»
    bool annex = false;   // an item of the act's annex (the Положение it approved)
    Action action = Action::reword;
    std::string wording;  // without the item's number; empty for repeal
    InputLocation where;  // of the amendment in its file
};

/// The amendments a municipality file records, in file order (empty if none).
std::vector<Amendment> amendments_of(const DataTree& municipality);

/// The sub-item of the amending order, without its number: «Пункт 2 изложить в следующей
/// редакции: «2. Назначить … „Управление образования …“ …».», «Дополнить приложение к приказу
/// пунктом 4.2.4 следующего содержания: «4.2.4. …».», «Пункт 4 признать утратившим силу.»
/// Quotation marks inside the quoted wording become „лапки“.
std::string amendment_text(const Amendment& a);

/// Whole-file checks of a municipality file (FileFormat::validate): each amendment's item
/// number and wording fit its action, no item is amended twice, and an act introducing the
/// system is recorded for the amendments to be made in.
void validate_municipality(const DataTree& tree, DiagnosticSink& problems);

}  // namespace nastavnik::data
