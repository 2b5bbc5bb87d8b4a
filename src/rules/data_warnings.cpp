// Data problems a check reads past but reports: values mixing Cyrillic and Latin letters, dates
// later than the as-of date (a document or consent that does not exist yet on that day), and a
// document dated after the order that approved it (the order cannot approve what did not exist:
// one of the two dates is wrong, or the document is a later edition approved by another order).

#include "nastavnik/rules/engine.hpp"

#include "nastavnik/data/monitoring.hpp"
#include "nastavnik/data/xml_text.hpp"

#include "nastavnik/text/canonical.hpp"
#include "nastavnik/text/letter_case.hpp"
#include "nastavnik/text/russian_dates.hpp"
#include "nastavnik/xpath/evaluator.hpp"
#include "rules/subjects.hpp"

#include <algorithm>
#include <cstring>
#include <map>
#include <vector>

namespace nastavnik::rules {

namespace {

bool is(const xmlNode* n, const char* name) {
    return n != nullptr && n->type == XML_ELEMENT_NODE && std::strcmp(reinterpret_cast<const char*>(n->name), name) == 0;
}

std::string own_text(const xmlNode* n) {
    std::string s;
    for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
        if (c->type == XML_TEXT_NODE && c->content != nullptr) s += reinterpret_cast<const char*>(c->content);
    }
    return s;
}

bool has_element_children(const xmlNode* n) {
    for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
        if (c->type == XML_ELEMENT_NODE) return true;
    }
    return false;
}

// Dates that say something happened (a document, a consent, an update) — unlike the planned end
// of a programme or a birthday, they cannot be later than the day of the check.
bool dated_event(const xmlNode* n) {
    const xmlNode* p = n->parent;
    if (is(n, "date")) return !is(p, "programme");
    static const char* const events[] = {"consent_date", "mentee_consent_date", "mentee_list_updated", "dissemination",
                                         "methodological_council", "methodological_associations", "website_mentoring_section",
                                         "methodological_service"};
    for (const char* e : events) {
        if (is(n, e)) return true;
    }
    return false;
}

// The type of `child` (an element under an element of type `parent`) and the field that holds it:
// the schema says what each value is, in words.
std::pair<const data::Type*, const data::Field*> child_type(const data::Type* parent, const data::Field* holder,
                                                             const xmlNode* child) {
    if (parent == nullptr) return {nullptr, nullptr};
    if (parent->kind == data::Type::Kind::array) return {parent->item.get(), holder};
    for (const auto& f : parent->fields) {
        if (is(child, f.key.c_str())) return {&f.type, &f};
    }
    return {nullptr, nullptr};
}

// Each warning names what it is about in words first — the person, the programme by its
// participants, the document — and then the value by what the format calls it; the JSON
// location follows in the report.
using Readings = std::map<const xmlNode*, std::string>;

void walk(const data::DataTree& tree, const xmlNode* n, const data::Type* type, const data::Field* holder, const Date& as_of,
          const Readings& readings, std::vector<Diagnostic>& out) {
    for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) continue;
        const auto [ctype, cfield] = child_type(type, holder, c);
        if (has_element_children(c)) {
            walk(tree, c, ctype, cfield, as_of, readings, out);
            continue;
        }
        std::string value = own_text(c);
        if (value.empty()) continue;
        const std::string who = describe_subject(tree, c->parent);
        const std::string what = cfield != nullptr ? field_in_words(*cfield) : std::string("значение");
        // A value of a list held as listed: what was written is what the person should see.
        if (const auto r = readings.find(c); r != readings.end()) {
            const std::string listed = value;
            value = r->second;
            if (text::mixed_script_words(value).empty() && text::to_lower(value) != text::to_lower(listed)) {
                out.push_back({tree.location(c), who + ": " + what + " — записано «" + value + "», читается как «" + listed + "»"});
            }
        }
        for (const auto& m : text::mixed_script_words(value)) {
            out.push_back({tree.location(c), who + ": " + what + " — в значении «" + value + "» слово «" + m.word +
                                                 "» набрано смесью кириллицы и латиницы (латинские «" + m.latin +
                                                 "»); при проверке сравнивается как написанное кириллицей"});
        }
        if (dated_event(c)) {
            if (const auto d = Date::parse_iso(value); d && as_of < *d) {
                out.push_back({tree.location(c), who + ": " + what + " — " + text::date_numeric(*d) + ", позже даты проверки (" +
                                                     text::date_numeric(as_of) +
                                                     "); на дату проверки этого ещё нет, при проверке не учитывается"});
            }
        }
    }
}

}  // namespace

std::vector<Diagnostic> data_warnings(const data::DataTree& tree, const Date& as_of) {
    std::vector<Diagnostic> out;
    Readings readings;
    for (const auto& r : tree.readings()) readings.emplace(r.node, r.written);
    walk(tree, tree.root(), &tree.schema(), nullptr, as_of, readings, out);
    xpath::Evaluator ev(tree.doc(), as_of.iso());
    // Compiled once per process: a batch runs this for every organisation.
    static const auto approved_earlier = xpath::Expression::compile(
        "/data/acts/act[date][not(approved_by/@nil = 'true')][id(approved_by)/date]"
        "[n:days(id(approved_by)/date) < n:days(date)]");
    static const auto approver = xpath::Expression::compile("id(approved_by)");
    for (xmlNodePtr act : ev.nodes(approved_earlier, tree.root())) {
        const auto by = ev.nodes(approver, act);
        if (by.empty()) continue;
        out.push_back({tree.location(act), describe_subject(tree, act) + ": утверждающий документ (" + describe_subject(tree, by.front()) +
                                                ") датирован раньше самого документа; проверьте даты или укажите документ, "
                                                "которым утверждена эта редакция"});
    }
    // A consent or an agreement signed before the person worked here: the employee who signs it
    // is not yet an employee (review of 7.12.2026: consents of 29.08 by teachers hired 01.09).
    struct BeforeHire {
        xpath::Expression nodes;  // the dated values signed before the signer's hire date
        xpath::Expression hired;  // the signer's hire date, from such a value
        const char* what;
    };
    static const std::vector<BeforeHire> before_hire = [] {
        auto of = [](const std::string& value, const std::string& person, const char* what) {
            return BeforeHire{xpath::Expression::compile(value + "[not(@nil = 'true')][" + person + "/hire_date][n:days(.) < n:days(" +
                                                         person + "/hire_date)]"),
                              xpath::Expression::compile(person + "/hire_date"), what};
        };
        std::vector<BeforeHire> v;
        v.push_back(of("/data/mentors/mentor/consent_date", "n:person(../person)", "письменное согласие на наставничество"));
        v.push_back(of("/data/mentors/mentor/labour_agreement/date", "n:person(../../person)", "соглашение о наставничестве"));
        v.push_back(of("/data/pairs/pair/mentee_consent_date", "n:person(../mentee)", "письменное согласие на участие в наставничестве"));
        return v;
    }();
    for (const auto& b : before_hire) {
        for (xmlNodePtr n : ev.nodes(b.nodes, tree.root())) {
            const auto signed_on = Date::parse_iso(own_text(n));
            const auto hire = Date::parse_iso(ev.string(b.hired, n));
            if (!signed_on || !hire) continue;
            const xmlNode* subject = is(n->parent, "labour_agreement") ? n->parent->parent : n->parent;
            out.push_back({tree.location(n), describe_subject(tree, subject) + ": " + b.what + " датировано " +
                                                 text::date_numeric(*signed_on) + " — раньше приёма на работу (" +
                                                 text::date_numeric(*hire) + "); проверьте даты"});
        }
    }
    // A mentor's consent or agreement names the mentees («в отношении … Д.А. Прохорова»): signed
    // before one of them worked here, it names someone who was not yet a colleague (reader of
    // 7.12.2026, C2: Кудрявцев's consent of 28.08.2026 for Прохоров, hired 01.09.2026).
    static const auto mentor_signed = xpath::Expression::compile(
        "/data/mentors/mentor/consent_date[not(@nil = 'true')] | "
        "/data/mentors/mentor/labour_agreement[not(@nil = 'true')]/date");
    static const auto named_mentees = xpath::Expression::compile(
        "n:person(/data/pairs/pair[mentor = $mentor]/mentee | /data/groups/group[mentor = $mentor]/mentees/mentee)"
        "[hire_date]");
    static const auto hire_date = xpath::Expression::compile("hire_date");
    static const auto of_whom = xpath::Expression::compile("n:initials-surname(., 'род')");
    static const auto person = xpath::Expression::compile("person");
    for (xmlNodePtr n : ev.nodes(mentor_signed, tree.root())) {
        const auto signed_on = Date::parse_iso(own_text(n));
        if (!signed_on) continue;
        const bool agreement = is(n->parent, "labour_agreement");
        xmlNodePtr mentor = agreement ? n->parent->parent : n->parent;
        xpath::Evaluator of_mentor(tree.doc(), as_of.iso(), {{"mentor", ev.string(person, mentor)}});
        for (xmlNodePtr mentee : of_mentor.nodes(named_mentees, tree.root())) {
            const auto hired = Date::parse_iso(of_mentor.string(hire_date, mentee));
            if (!hired || !(*signed_on < *hired)) continue;
            out.push_back({tree.location(n), describe_subject(tree, mentor) + ": " +
                                                 (agreement ? "соглашение о наставничестве датировано "
                                                            : "письменное согласие на наставничество датировано ") +
                                                 text::date_numeric(*signed_on) +
                                                 " — раньше приёма на работу названного в нём наставляемого " +
                                                 of_mentor.string(of_whom, mentee) + " (" + text::date_numeric(*hired) +
                                                 "); проверьте даты"});
        }
    }
    // A value «на начало» of a programme measured weeks after its start (reader E, 3: a share of
    // completed activities of 18 % «на начало» on 15.10.2026 for a programme begun on 08.09.2026):
    // the справка shows it as an interim value; the data should say so, or date it at the start.
    // Once per programme and date: a group's mentees each answer a questionnaire of the same day,
    // and a line for each said the same thing again (reader G: three lines for one group).
    for (const char* list : {"monitoring", "questionnaires"}) {
        std::vector<std::pair<std::pair<std::string, std::string>, std::vector<const xmlNode*>>> late;
        const xmlNode* l = data::child(tree.root(), list);
        for (const xmlNode* m = l != nullptr ? l->children : nullptr; m != nullptr; m = m->next) {
            if (m->type != XML_ELEMENT_NODE || data::text_of(data::child(m, "point")) != "начало") continue;
            const auto d = Date::parse_iso(data::text_of(data::child(m, "date")));
            const std::string programme = data::text_of(data::child(m, "programme"));
            if (!d || !data::monitoring::late_start_value(tree, programme, *d)) continue;
            // A value of monitoring is one indicator's: only questionnaires of a day are one value.
            std::pair<std::string, std::string> key{programme, d->iso()};
            if (std::string(list) == "monitoring") key.first += "\n" + data::text_of(data::child(m, "indicator"));
            auto same = std::find_if(late.begin(), late.end(), [&](const auto& x) { return x.first == key; });
            if (same == late.end()) late.push_back({key, {m}});
            else same->second.push_back(m);
        }
        for (const auto& [key, entries] : late) {
            std::string subject = describe_subject(tree, entries.front());
            // «анкеты (3) по программе группы наставника А.Н. Павлова», not one mentee's.
            if (const auto by = subject.find(" по программе "); entries.size() > 1 && by != std::string::npos) {
                subject = "анкеты (" + std::to_string(entries.size()) + ")" + subject.substr(by);
            }
            const xmlNode* date = data::child(entries.front(), "date");
            out.push_back({tree.location(date), subject + ": отмечено «на начало» программы, но измерено " +
                                                    text::date_numeric(*Date::parse_iso(key.second)) + " — позже чем через " +
                                                    std::to_string(data::monitoring::start_value_days) +
                                                    " дней после её начала; в справке показано как промежуточное значение, "
                                                    "снимите отметку «начало» или укажите значение, измеренное в начале программы"});
        }
    }
    return out;
}

}  // namespace nastavnik::rules
