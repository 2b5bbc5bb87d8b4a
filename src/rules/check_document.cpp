#include "nastavnik/rules/check_document.hpp"
#include "nastavnik/text/plural.hpp"

#include "nastavnik/rules/report.hpp"

#include "nastavnik/docx/template.hpp"
#include "nastavnik/rules/report.hpp"
#include "nastavnik/text/letter_case.hpp"
#include "nastavnik/text/russian_dates.hpp"
#include "rules/citation_names.hpp"
#include "rules/ended_programmes.hpp"
#include "nastavnik/data/monitoring.hpp"
#include "rules/plain_tree.hpp"
#include "rules/subjects.hpp"
#include "nastavnik/xpath/evaluator.hpp"

#include <libxml/valid.h>

#include <algorithm>
#include <map>
#include <set>

namespace nastavnik::rules {

namespace {


bool named(const xmlNode* n, const char* name) { return xmlStrEqual(n->name, reinterpret_cast<const xmlChar*>(name)) != 0; }

// What a check lacked, as a clerk says it: «нет сведений о письменном согласии наставника»,
// «сведения о целях программы не представлены» — what the file does not hold is unknown, not a
// defect: «не указаны цели» would state as fact what the section «Не оценивалось (нет сведений)»
// files as missing data (reader C, 3). Nor «нет сведений — цели программы».
std::string not_given(const std::string& what) {
    // «сведения о согласии»: «нет сведений о согласии»; a text with its own predicate
    // («перечень «Пары» не внесён») as it is.
    if (what.starts_with("сведения о") || what.starts_with("сведения об")) return "нет сведений" + what.substr(std::string("сведения").size());
    if (what.find(" не внесён") != std::string::npos || what.starts_with("не ") || what.starts_with("нет ")) return what;
    // A count of what could not be read («сведения 1 организации (…), представленные с ошибками;
    // в 14 … требование выполнено»): said as it is, after «нет данных».
    if (what.starts_with("сведения ") && what.size() > 17 && what[17] >= '0' && what[17] <= '9') return "нет данных: " + what;
    // The predicate closes the phrase: before an explanation after a colon («перечень наставников
    // не представлены: пары и группы записаны, …»), after a phrase's own comma («…, не позже даты
    // проверки, не представлены»).
    const std::size_t colon = what.find(':');
    const std::string phrase = what.substr(0, colon);
    const std::string explained = colon == std::string::npos ? std::string() : what.substr(colon);
    const std::string predicate = phrase.find(',') != std::string::npos ? ", не представлены" : " не представлены";
    const std::string head = phrase.substr(0, phrase.find_first_of(" ,;"));
    const std::string rest = phrase.substr(head.size());
    // «сводные сведения организаций …», «данные …»: the data themselves were not given.
    if (head == "сведения" || (head.size() > std::string_view("ые").size() && head.ends_with("ые"))) {
        return phrase + predicate + explained;
    }
    // «сведения о целях программы»: the head noun in the prepositional case. The nouns the
    // rulesets' <requires> begin with; another one is said after a colon rather than misdeclined.
    static const std::map<std::string, std::string> prepositional = {
        {"цели", "целях"},       {"даты", "датах"},       {"дата", "дате"},         {"срок", "сроке"},
        {"приказ", "приказе"},   {"перечень", "перечне"}, {"дефициты", "дефицитах"}, {"документ", "документе"},
        {"наименование", "наименовании"}, {"номер", "номере"}, {"адрес", "адресе"},  {"должность", "должности"}};
    const auto it = prepositional.find(head);
    if (it == prepositional.end()) return "не представлены сведения: " + what;
    return "сведения о " + it->second + rest + predicate + explained;
}

// A finding about programmes that ended before the academic year of the check cannot be put
// right in them: the row says so and what the organisation does with it, or «принять меры по их
// устранению» (item 7) asks the impossible (review 6: a group of 2023/2024 among the remarks of
// 2026). `ended`: those programmes (EndedProgrammes::ended_of) — the pair or group itself, or
// every programme of the mentor or mentee the finding names.
std::string after_the_end(const Finding& f, const std::vector<const xmlNode*>& ended) {
    std::optional<Date> last;
    for (const xmlNode* p : ended) {
        const auto d = programme_dates(p);
        if (d.end && (!last || *last < *d.end)) last = d.end;
    }
    if (!last) return {};
    const char* what = f.category != Category::violation        ? "рекомендация"
                       : f.rule->severity == Severity::error ? "нарушение"
                                                             : "замечание";
    return std::string(ended.size() == 1 ? " Программа завершена " : " Программы завершены, последняя — ") +
           text::date_numeric(*last) + "; " + what + " учитывается при закреплении новых наставнических пар (групп) и составлении программ.";
}

// Who or what a finding is about, in words a clerk reads («Наставник С.А. Козлов»,
// «Наставническая группа наставника М.В. Ивановой»); "" for the organisation as a whole.
// The words come from the data with the same functions the templates use (cases, NBSP).
std::string subject_words(const xpath::Evaluator& ev, xmlNodePtr n) {
    static const std::map<std::string, xpath::Expression> words = [] {
        std::map<std::string, xpath::Expression> m;
        auto add = [&](const char* name, const char* expr) { m.emplace(name, xpath::Expression::compile(expr)); };
        add("organisation", "'Организация'");
        add("curator", "concat('Куратор ', n:initials-surname(person))");
        add("mentor", "concat('Наставник ', n:initials-surname(person))");
        add("pair", "concat('Наставник ', n:initials-surname(mentor), ' и ', "
                    "n:if(n:person(mentee)/gender = 'ж', 'наставляемая ', 'наставляемый '), n:initials-surname(mentee))");
        add("group", "concat('Наставническая группа наставника ', n:initials-surname(mentor, 'род'))");
        add("person", "concat(n:capitalize(position), ' ', n:initials-surname(.))");
        add("act", "concat('Документ «', n:if(title, title, kind), '» от ', n:date(date), n:if(number, concat(' № ', number), ''))");
        add("programme", "n:if(parent::group, concat('Программа наставничества группы наставника ', "
                         "n:initials-surname(../mentor, 'род')), concat('Программа наставничества ', "
                         "n:initials-surname((../mentee | ../mentees/mentee)[1], 'род')))");
        return m;
    }();
    for (; n != nullptr && n->type == XML_ELEMENT_NODE && !named(n, "data"); n = n->parent) {
        // A staff member is a "person"; so is nothing else that reaches here by its own name.
        const std::string name = reinterpret_cast<const char*>(n->name);
        if (name == "mentor" && !(n->parent != nullptr && named(n->parent, "mentors"))) continue;  // a pair's mentor field
        const auto it = words.find(name);
        if (it == words.end()) continue;
        try {
            return ev.string(it->second, n);
        } catch (const Error&) {
            continue;  // a name that cannot be formed (no such person): describe the enclosing item
        }
    }
    return {};
}

// A sentence put after a colon goes on in lower case — unless it starts with an abbreviation
// («МБОУ») or an initial («И.О. Фамилия»): its second character is then not a lower-case letter.
std::string sentence_continued(const std::string& s) {
    const std::u32string cp = text::to_code_points(s);
    if (cp.size() < 2) return s;
    const bool lower_next = (cp[1] >= U'а' && cp[1] <= U'я') || cp[1] == U'ё';
    const bool preposition = cp[1] == U' ' && (cp[0] == U'В' || cp[0] == U'С' || cp[0] == U'К' || cp[0] == U'О' || cp[0] == U'У');
    if (!lower_next && !preposition) return s;
    const std::string first = text::first_char(s);
    return text::to_lower(first) + s.substr(first.size());
}

// The acts the rulesets in force rest on, each once, in layer order: what the act names as
// the requirements checked.
// The acts whose requirements were checked, by their force as a lawyer lists them: codes and
// federal laws, then the Ministry's recommendations, then regional and municipal acts.
std::vector<std::string> acts_checked(const CheckResult& r) {
    std::vector<std::pair<int, std::string>> out;
    std::set<std::string> seen;  // the same act is cited by every ruleset that rests on it
    for (const Ruleset* rs : r.rulesets) {
        for (const Act* a : rs->cited_acts()) {
            if (!seen.insert(a->issuer + "\n" + a->number + "\n" + a->date).second) continue;
            if (a->body) {  // a recorded act, named as a lawyer names it
                const int level = a->level == "федеральный" ? 0 : a->level == "региональный" ? 10 : a->level == "муниципальный" ? 20 : 30;
                const int force = a->kind == "кодекс" ? 0 : a->force == Force::binding ? 1 : 2;
                out.emplace_back(level + force, a->full_name());
                continue;
            }
            std::string text = a->kind;
            if (!a->issuer.empty()) text = a->issuer + ", " + text;
            if (auto d = Date::parse_iso(a->date)) text += " от " + text::date_numeric(*d);
            if (!a->number.empty()) text += " №\u00A0" + a->number;
            if (!a->title.empty()) text += " «" + a->title + "»";
            out.emplace_back(40, text);
        }
    }
    std::stable_sort(out.begin(), out.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
    std::vector<std::string> names;
    for (auto& [rank, text] : out) names.push_back(std::move(text));
    return names;
}

struct Section {
    const char* kind;
    const char* title;
};

// Most serious first, what could not be assessed last. A section is the finding's category: a
// violation of a binding act is an error or a remark by its severity; what rests on the Ministry's
// recommendations only, and what only informs, is a recommendation; a requirement whose deadline
// has not passed is neither.
// What concerns only programmes that ended before the year of the check is history: it cannot be
// put right, only taken into account when the next pairs are formed, as the analytical справка
// says (review 6, R2, R3). It has sections of its own after what is to be put right; their titles
// name the years.
constexpr Section sections[] = {
    {"error", "Нарушения обязательных требований"},
    {"warning", "Замечания"},
    {"ended", ""},
    {"pending", "Срок исполнения не истёк"},
    {"info", "Рекомендации"},
    {"not_evaluable", "Не оценивалось (нет сведений)"},
    {"not_evaluable_ended", ""},
};

const char* section_of(const Finding& f) {
    if (f.outcome == Outcome::not_evaluable) return "not_evaluable";
    switch (f.category) {
        case Category::violation: return f.rule->severity == Severity::error ? "error" : "warning";
        case Category::pending: return "pending";
        case Category::recommendation:
        case Category::info: return "info";
    }
    return "info";
}

// The fields of the data a missing-data text names in brackets: «сведения о письменном согласии
// наставника (mentors[].consent_date; null — согласия нет)» → consent_date.
std::vector<std::string> missing_fields(const Finding& f) {
    std::vector<std::string> out;
    for (const auto& m : f.missing) {
        const auto open = m.rfind('(');
        if (open == std::string::npos) return {};
        const std::string path = m.substr(open + 1, m.find_first_of(";)", open) - open - 1);
        const auto dot = path.find_last_of(".]");
        out.push_back(dot == std::string::npos ? path : path.substr(dot + 1));
        if (out.back().empty() || out.back().find(' ') != std::string::npos) return {};
    }
    return out;
}

}  // namespace

bool said_before(const CheckResult& r, const Finding& f) {
    if (f.outcome != Outcome::not_evaluable) return false;
    const auto fields = missing_fields(f);
    if (fields.empty()) return false;
    auto all_in = [&](const auto& has) { return std::all_of(fields.begin(), fields.end(), has); };
    bool earlier = true;
    for (const auto& g : r.findings) {
        if (&g == &f) earlier = false;
        if (g.subject.path != f.subject.path) continue;
        if (g.outcome == Outcome::violated) {
            // The violated rule tests the very fields this one lacks: its message already states
            // the absence («не давала письменного согласия»).
            std::string tests;
            for (const auto& [where, text] : g.rule->expressions()) {
                if (where == "assert" || where == "requires") tests += text + "\n";
            }
            if (all_in([&](const std::string& x) { return tests.find(x) != std::string::npos; })) return true;
        } else if (earlier && g.outcome == Outcome::not_evaluable) {
            const auto before = missing_fields(g);
            if (all_in([&](const std::string& x) { return std::find(before.begin(), before.end(), x) != before.end(); })) return true;
        }
    }
    return false;
}

namespace {

// What the finding rests on in one line: the binding act for a violation, else its first citation.
const Citation* main_citation(const Finding& f) {
    return f.binding != nullptr ? f.binding : (f.citations.empty() ? nullptr : f.citations.front());
}

// A programme's data lacking: «Программа наставника О.И. Лебедевой и наставляемого М.Е. Крылова:
// сведения о целях программы не представлены» — the programme named, not its participants as if
// they lacked something (act item 6.3, review of 7.12.2026). Only when every missing item is the
// programme's own.
std::string programme_lacking(const xpath::Evaluator& ev, const xmlNode* subject, const std::vector<std::string>& missing) {
    if (subject == nullptr || !(named(subject, "pair") || named(subject, "group")) || missing.empty()) return {};
    const bool programmes = std::all_of(missing.begin(), missing.end(), [](const std::string& m) {
        return m.ends_with(" программы") || m.ends_with(" программы наставничества");
    });
    if (!programmes) return {};
    static const xpath::Expression pair = xpath::Expression::compile(
        "concat('Программа наставника ', n:initials-surname(mentor, 'род'), ' и ', "
        "n:if(n:person(mentee)/gender = 'ж', 'наставляемой ', 'наставляемого '), n:initials-surname(mentee, 'род'))");
    static const xpath::Expression group =
        xpath::Expression::compile("concat('Программа наставнической группы наставника ', n:initials-surname(mentor, 'род'))");
    try {
        return ev.string(named(subject, "pair") ? pair : group, const_cast<xmlNode*>(subject));
    } catch (const Error&) {
        return {};
    }
}

}  // namespace

std::vector<PrintedSection> printed_sections(const CheckResult& r, const data::DataTree& tree) {
    const SubjectIndex index(tree);
    xpath::Evaluator ev(tree.doc(), r.as_of.iso());
    const std::string year = data::monitoring::year_of(r.as_of);
    const EndedProgrammes history(tree, *data::monitoring::year_start(year));
    auto kind_of = [&](const Finding& f) -> std::string {
        // A recommendation to a mentor of an ended programme alone is history too, as the
        // справка has it (issue 13): not one to take into account in this year's acts.
        const std::string kind = section_of(f);
        if (kind == "pending") return kind;
        if (history.years_of(f, kind == "info").empty()) return kind;
        return kind == "not_evaluable" ? "not_evaluable_ended" : "ended";
    };
    // The history of ended programmes, most serious first, as the справка lists it.
    const auto rank = [](const Finding* f) {
        const std::string k = section_of(*f);
        return k == "error" ? 0 : k == "warning" ? 1 : 2;
    };
    std::vector<PrintedSection> out;
    for (const auto& s : sections) {
        PrintedSection sec;
        sec.kind = s.kind;
        sec.title = s.title;
        std::set<std::string> years;
        std::vector<const Finding*> found;
        for (const auto& f : r.findings) {
            if (f.outcome == Outcome::satisfied || kind_of(f) != s.kind || said_before(r, f)) continue;
            found.push_back(&f);
        }
        std::stable_sort(found.begin(), found.end(), [&](const Finding* a, const Finding* b) { return rank(a) < rank(b); });
        // A table of both violations and recommendations labels each row, as the справка does:
        // the title names both, a sentence alone does not say which it is (issue 13).
        const bool mixed = std::any_of(found.begin(), found.end(), [&](const Finding* f) {
            return std::string(section_of(*f)) != section_of(*found.front());
        });
        for (const Finding* fp : found) {
            const Finding& f = *fp;
            years.merge(history.years_of(f, true));
            if (section_of(f) == std::string("error")) ++sec.errors;
            if (section_of(f) == std::string("warning")) ++sec.warnings;
            if (section_of(f) == std::string("info")) ++sec.advice;
            const xmlNode* node = index.find(f.subject.path);
            const std::string who = subject_words(ev, const_cast<xmlNode*>(node));
            std::string text;
            if (f.outcome == Outcome::violated) {
                text = without_data_paths(f.message) + after_the_end(f, history.ended_of(f, true));
                // The message names the person itself in most rules; otherwise say whom it concerns.
                // A surname in another case («Смирновой» in the message, «Смирнова» in the words):
                // compared by its stem.
                std::u32string surname = text::to_code_points(who.substr(who.rfind(' ') + 1));
                if (surname.size() > 4) surname.resize(surname.size() - 2);
                if (!who.empty() && text.find(text::to_utf8(surname)) == std::string::npos) {
                    text = who + ": " + sentence_continued(text);
                }
                if (mixed) {
                    const std::string k = section_of(f);
                    text = (k == "error" ? "Нарушение: " : k == "warning" ? "Замечание: " : "Рекомендация: ") + sentence_continued(text);
                }
            } else {
                std::vector<std::string> lacking;
                for (const auto& m : f.missing) lacking.push_back(without_data_paths(m));
                std::string whose = programme_lacking(ev, node, lacking);
                if (whose.empty()) whose = who;
                std::string missing;
                for (const auto& m : lacking) missing += (missing.empty() ? "" : "; ") + not_given(m);
                text = (whose.empty() ? text::capitalize(missing) : whose + ": " + missing) + ".";
            }
            sec.items.push_back({&f, std::move(text)});
        }
        if (sec.items.empty()) continue;
        if (sec.title.empty()) {
            // «Замечания по программам наставничества 2023/2024 учебного года, которые завершены»
            const std::string of_years = "по программам наставничества " + joined_years(years) +
                                         (years.size() == 1 ? " учебного года" : " учебных годов");
            if (sec.kind == "not_evaluable_ended") {
                sec.title = "Не оценивалось " + of_years + ", которые завершены (нет сведений)";
            } else {
                // «Нарушения обязательных требований и рекомендации по программам …» for the title;
                // for the conclusions, the object of «учесть» in its number: «замечание по
                // программам наставничества 2023/2024 учебного года» (found now, not «допущенное» —
                // a remark is made, not committed); the table's figures for item 6.
                std::vector<std::string> titles, what;
                if (sec.errors > 0) {
                    titles.emplace_back("нарушения обязательных требований");
                    what.emplace_back(sec.errors == 1 ? "нарушение обязательного требования" : "нарушения обязательных требований");
                }
                if (sec.warnings > 0) {
                    titles.emplace_back("замечания");
                    what.emplace_back(sec.warnings == 1 ? "замечание" : "замечания");
                }
                if (sec.advice > 0) {
                    titles.emplace_back("рекомендации");
                    what.emplace_back(sec.advice == 1 ? "рекомендацию" : "рекомендации");
                }
                sec.title = text::capitalize(text::enumeration(titles)) + " " + of_years + ", которые завершены";
                sec.found = text::enumeration(what) + " " + of_years;
            }
        }
        out.push_back(std::move(sec));
    }
    return out;
}


std::unique_ptr<xmlDoc, XmlDocDeleter> check_data_tree(const CheckResult& r, const data::DataTree& tree,
                                                       const data::DataTree* inspection) {
    std::unique_ptr<xmlDoc, XmlDocDeleter> doc(xmlNewDoc(reinterpret_cast<const xmlChar*>("1.0")));
    xmlNodePtr root = xmlNewDocNode(doc.get(), nullptr, reinterpret_cast<const xmlChar*>("act"), nullptr);
    xmlDocSetRootElement(doc.get(), root);
    xmlNodePtr data = xmlAddChild(root, xmlDocCopyNode(tree.root(), doc.get(), 1));
    data::register_ids(doc.get(), data);
    xmlNodePtr insp = add_element(root, "inspection");
    if (inspection != nullptr) {
        for (xmlNodePtr c = inspection->root()->children; c != nullptr; c = c->next) {
            if (c->type == XML_ELEMENT_NODE) xmlAddChild(insp, xmlDocCopyNode(c, doc.get(), 1));
        }
        for (xmlNodePtr c = insp->children; c != nullptr; c = c->next) {
            if (!named(c, "inspector")) continue;
            // n:initials-surname('inspector') and friends take a staff member: a copy of the
            // inspector as /act/staff/person with that id.
            xmlNodePtr person = xmlAddChild(add_element(root, "staff"), xmlDocCopyNode(c, doc.get(), 1));
            xmlNodeSetName(person, reinterpret_cast<const xmlChar*>("person"));
            xmlAttrPtr a = xmlNewProp(person, reinterpret_cast<const xmlChar*>("id"), reinterpret_cast<const xmlChar*>("inspector"));
            xmlAddID(nullptr, doc.get(), reinterpret_cast<const xmlChar*>("inspector"), a);
        }
    }
    xmlNodePtr check = add_element(root, "check");
    add_element(check, "as_of", r.as_of.iso());
    xmlNodePtr acts = add_element(check, "acts");
    for (const auto& a : acts_checked(r)) add_element(acts, "act", a);
    xmlNodePtr summary = add_element(check, "summary");
    add_element(summary, "rules", std::to_string(r.rules));
    add_element(summary, "checks", std::to_string(r.findings.size()));
    add_element(summary, "satisfied", std::to_string(r.count(Outcome::satisfied)));
    add_element(summary, "violated", std::to_string(r.count(Outcome::violated)));
    add_element(summary, "pending", std::to_string(r.count(Category::pending)));
    add_element(summary, "not_evaluable_binding", std::to_string(r.gaps()));
    add_element(summary, "compliant", r.conclusion() == Conclusion::compliant ? "да" : "нет");
    // The conclusion as the report words it, for templates that print it whole.
    add_element(check, "conclusion", conclusion_token(r.conclusion()));
    const std::vector<PrintedSection> printed = printed_sections(r, tree);
    add_element(check, "conclusion_text", conclusion_text(r, tree, printed));

    const auto rows = [&](const char* kind) {
        for (const auto& s : printed) {
            if (s.kind == kind) return s.items.size();
        }
        return std::size_t{0};
    };
    // Item 6 counts the rows of the tables under it.
    add_element(summary, "errors", std::to_string(rows("error")));
    // The rows of «Рекомендации»: those about ended programmes are counted with them (issue 13).
    add_element(summary, "info", std::to_string(rows("info")));
    add_element(summary, "warnings", std::to_string(rows("warning")));
    add_element(summary, "not_evaluable", std::to_string(rows("not_evaluable") + rows("not_evaluable_ended")));
    const std::string year = data::monitoring::year_of(r.as_of);
    const Date year_start = *data::monitoring::year_start(year);
    // The year the next pairs are formed for: this one until June, then the next.
    const Date june(year_start.year() + 1, 6, 1);
    add_element(check, "planning_year", r.as_of < june ? year : data::monitoring::year_of(june.add_months(4)));
    CitationNames names;
    for (const auto& s : printed) {
        for (const auto& item : s.items) {
            if (const Citation* c = main_citation(*item.finding)) names.note(*c);
        }
    }
    int number = 0;
    for (const auto& s : printed) {
        xmlNodePtr sec = add_element(check, "section");
        xmlNewProp(sec, reinterpret_cast<const xmlChar*>("kind"), reinterpret_cast<const xmlChar*>(s.kind.c_str()));
        add_element(sec, "n", std::to_string(++number));
        if (s.kind == "ended") {
            add_element(sec, "found", s.found);
            xmlNewProp(sec, reinterpret_cast<const xmlChar*>("errors"), reinterpret_cast<const xmlChar*>(std::to_string(s.errors).c_str()));
            xmlNewProp(sec, reinterpret_cast<const xmlChar*>("warnings"), reinterpret_cast<const xmlChar*>(std::to_string(s.warnings).c_str()));
            xmlNewProp(sec, reinterpret_cast<const xmlChar*>("advice"), reinterpret_cast<const xmlChar*>(std::to_string(s.advice).c_str()));
        }
        add_element(sec, "title", s.title);
        for (const auto& item : s.items) {
            const Finding* f = item.finding;
            xmlNodePtr n = add_element(sec, "finding");
            add_element(n, "text", item.text);
            add_element(n, "requirement", f->rule->title);
            // What the finding rests on: the binding act for a violation, the recommendation for a
            // recommendation (every citation is in the JSON report).
            const Citation* main = main_citation(*f);
            add_element(n, "citation", main == nullptr ? std::string() : names(*main, f->binding != nullptr ? f->binding_text() : main->text()));
        }
    }
    return doc;
}

std::string check_document(const CheckResult& r, const data::DataTree& tree, const std::filesystem::path& template_file,
                           const data::DataTree* inspection) {
    const auto doc = check_data_tree(r, tree, inspection);
    const auto tpl = docx::Template::load(template_file);
    xpath::Evaluator ev(doc.get(), r.as_of.iso());
    return tpl.render(ev, xmlDocGetRootElement(doc.get()));
}

}  // namespace nastavnik::rules
