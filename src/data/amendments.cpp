#include "nastavnik/data/amendments.hpp"

#include "nastavnik/data/xml_text.hpp"

#include <regex>
#include <set>

namespace nastavnik::data {

namespace {

const char* const introduction_act = "приказ о внедрении системы наставничества";

// «2», «4.2.1»: numbers joined by dots, as an act numbers its items.
bool item_number(const std::string& s) {
    static const std::regex pattern("[1-9][0-9]{0,2}(\\.[1-9][0-9]{0,2}){0,4}");
    return std::regex_match(s, pattern);
}

// Inside «…» a quotation is marked „…“ (Мильчин): «МКУ «Управление …»» inside the quoted
// wording would read as the wording's end.
std::string inner_quotes(const std::string& s) {
    std::string out;
    for (std::size_t i = 0; i < s.size();) {
        if (s.compare(i, 2, "«") == 0) out += "„", i += 2;
        else if (s.compare(i, 2, "»") == 0) out += "“", i += 2;
        else out += s[i++];
    }
    return out;
}

}  // namespace

std::vector<Amendment> amendments_of(const DataTree& tree) {
    std::vector<Amendment> out;
    for (const xmlNode* n : children(child(child(tree.root(), "municipality"), "amendments"), "amendment")) {
        Amendment a;
        a.item = text_of(child(n, "item"));
        a.annex = text_of(child(n, "annex")) == "true";
        const std::string action = text_of(child(n, "action"));
        a.action = action == "дополнить" ? Amendment::Action::add
                   : action == "признать утратившим силу" ? Amendment::Action::repeal
                                                          : Amendment::Action::reword;
        a.wording = text_of(child(n, "wording"));
        a.where = tree.location(n);
        out.push_back(std::move(a));
    }
    return out;
}

// «до 15 июня»: a day and its month are not parted at a line end (the template's typography
// does not know dates written in words).
std::string day_and_month(const std::string& s) {
    static const std::regex pattern(
        "([0-9]) (января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)");
    return std::regex_replace(s, pattern, "$1\u00A0$2");
}

std::string amendment_text(const Amendment& a) {
    const std::string where = a.annex ? " приложения к приказу" : "";
    if (a.action == Amendment::Action::repeal) return "Пункт " + a.item + where + " признать утратившим силу.";
    std::string wording = day_and_month(inner_quotes(a.wording));
    while (!wording.empty() && (wording.back() == ' ' || wording.back() == '\n')) wording.pop_back();
    // The item as it will read: its number and its text ending in a full stop, then the
    // amending item's own full stop after the closing quote.
    if (!wording.empty() && std::string(".;!?").find(wording.back()) == std::string::npos) wording += '.';
    const std::string quoted = "«" + a.item + ". " + wording + "».";
    if (a.action == Amendment::Action::add) {
        return std::string("Дополнить ") + (a.annex ? "приложение к приказу" : "приказ") + " пунктом " + a.item +
               " следующего содержания: " + quoted;
    }
    return "Пункт " + a.item + where + " изложить в следующей редакции: " + quoted;
}

void validate_municipality(const DataTree& tree, DiagnosticSink& problems) {
    const xmlNode* m = child(tree.root(), "municipality");
    const xmlNode* list = child(m, "amendments");
    const auto items = children(list, "amendment");
    if (items.empty()) return;
    bool introduced = false;
    for (const xmlNode* act : children(child(m, "acts"), "act")) introduced = introduced || text_of(child(act, "kind")) == introduction_act;
    if (!introduced) {
        problems.add(tree.location(list), std::string("изменения вносятся в действующий приказ о внедрении системы наставничества, "
                                                      "а он не записан: добавьте в acts[] документ вида «") +
                                              introduction_act + "» с датой, номером и заголовком");
    }
    std::set<std::pair<std::string, bool>> seen;
    for (const xmlNode* n : items) {
        const std::string item = text_of(child(n, "item"));
        const std::string action = text_of(child(n, "action"));
        const bool annex = text_of(child(n, "annex")) == "true";
        if (!item_number(item)) {
            problems.add(tree.location(child(n, "item")),
                         "ожидается номер пункта — числа через точку, например «2» или «4.2.1», получено «" + item + "»");
        } else if (!seen.insert({item, annex}).second) {
            problems.add(tree.location(child(n, "item")), "пункт " + item + (annex ? " приложения" : "") +
                                                              " изменяется дважды: объедините изменения в одну редакцию пункта");
        }
        const xmlNode* wording = child(n, "wording");
        if (action == "признать утратившим силу" && wording != nullptr) {
            problems.add(tree.location(wording), "пункт, признаваемый утратившим силу, не получает новой редакции: уберите wording "
                                                 "или укажите action «изложить в новой редакции»");
        }
        if (action != "признать утратившим силу" && wording == nullptr) {
            problems.add(tree.location(n), "не указан текст пункта " + item + " (wording): для «" +
                                               (action.empty() ? std::string("изложить в новой редакции") : action) +
                                               "» он обязателен");
        }
    }
}

}  // namespace nastavnik::data
