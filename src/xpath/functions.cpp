#include "xpath/functions.hpp"

#include <vector>

#include "nastavnik/core/date.hpp"
#include "nastavnik/core/working_days.hpp"
#include "nastavnik/text/canonical.hpp"
#include "nastavnik/text/declension.hpp"
#include "nastavnik/text/letter_case.hpp"
#include "nastavnik/text/names.hpp"
#include "nastavnik/text/number_words.hpp"
#include "nastavnik/text/plural.hpp"
#include "nastavnik/text/professions.hpp"
#include "nastavnik/text/russian_dates.hpp"
#include "nastavnik/text/typography.hpp"
#include "nastavnik/xpath/evaluator.hpp"

#include <libxml/valid.h>
#include <libxml/xpathInternals.h>

#include <cmath>
#include <optional>
#include <vector>

namespace nastavnik::xpath {

namespace {

// ---- plumbing -------------------------------------------------------------------------------

CallState& call_state(xmlXPathParserContextPtr ctxt) {
    return *static_cast<CallState*>(ctxt->context->userData);
}

// Reports a Russian error for function `fn` and makes libxml2 abandon the evaluation.
void fail(xmlXPathParserContextPtr ctxt, const char* fn, const std::string& what) {
    auto& call = call_state(ctxt);
    if (call.function_error.empty()) call.function_error = std::string("функция n:") + fn + ": " + what;
    xmlXPathErr(ctxt, XPATH_EXPR_ERROR);
}

bool check_arity(xmlXPathParserContextPtr ctxt, int nargs, int min, int max, const char* fn) {
    if (nargs < min || nargs > max) {
        fail(ctxt, fn, "неверное число аргументов (" + std::to_string(nargs) + ")");
        return false;
    }
    return true;
}

std::string pop_string(xmlXPathParserContextPtr ctxt) {
    xmlChar* s = xmlXPathPopString(ctxt);
    std::string out = s ? reinterpret_cast<const char*>(s) : "";
    xmlFree(s);
    return out;
}

void push_string(xmlXPathParserContextPtr ctxt, const std::string& s) {
    valuePush(ctxt, xmlXPathNewString(reinterpret_cast<const xmlChar*>(s.c_str())));
}

std::optional<Date> pop_date(xmlXPathParserContextPtr ctxt, const char* fn) {
    const std::string s = pop_string(ctxt);
    auto d = Date::parse_iso(s);
    if (!d) {
        fail(ctxt, fn, s.empty() ? "нет даты (пустое значение)"
                                 : "ожидается дата в формате ГГГГ-ММ-ДД, получено «" + s + "»");
    }
    return d;
}

std::string child_text(xmlNodePtr node, const char* name) {
    for (xmlNodePtr c = node->children; c != nullptr; c = c->next) {
        if (c->type == XML_ELEMENT_NODE && xmlStrEqual(c->name, reinterpret_cast<const xmlChar*>(name))) {
            xmlChar* s = xmlNodeGetContent(c);
            std::string out = s ? reinterpret_cast<const char*>(s) : "";
            xmlFree(s);
            return out;
        }
    }
    return {};
}

xmlNodePtr element_by_id(xmlDocPtr doc, const std::string& id) {
    xmlAttrPtr attr = xmlGetID(doc, reinterpret_cast<const xmlChar*>(id.c_str()));
    return attr != nullptr ? attr->parent : nullptr;
}

// A staff member's element (/data/staff/person) — not a reference field that happens to be
// called "person" too (curator/person, mentors/mentor/person).
bool is_person(xmlNodePtr n) {
    return n != nullptr && n->type == XML_ELEMENT_NODE &&
           xmlStrEqual(n->name, reinterpret_cast<const xmlChar*>("person")) && n->parent != nullptr &&
           xmlStrEqual(n->parent->name, reinterpret_cast<const xmlChar*>("staff"));
}

// A person argument: a person element, or anything whose string value is a staff id.
xmlNodePtr pop_person(xmlXPathParserContextPtr ctxt, const char* fn) {
    std::string id;
    if (ctxt->value != nullptr && ctxt->value->type == XPATH_NODESET) {
        xmlNodeSetPtr set = xmlXPathPopNodeSet(ctxt);
        xmlNodePtr first = (set != nullptr && set->nodeNr > 0) ? set->nodeTab[0] : nullptr;
        if (is_person(first)) {
            xmlXPathFreeNodeSet(set);
            return first;
        }
        if (first != nullptr) {
            xmlChar* s = xmlNodeGetContent(first);
            id = s ? reinterpret_cast<const char*>(s) : "";
            xmlFree(s);
        }
        xmlXPathFreeNodeSet(set);
    } else {
        id = pop_string(ctxt);
    }
    xmlNodePtr person = id.empty() ? nullptr : element_by_id(ctxt->context->doc, id);
    if (!is_person(person)) {
        fail(ctxt, fn, id.empty() ? "нет сотрудника (пустое значение)"
                                  : "нет сотрудника с идентификатором «" + id + "»");
        return nullptr;
    }
    return person;
}

text::PersonName name_of(xmlNodePtr person) {
    return {child_text(person, "surname"), child_text(person, "name"), child_text(person, "patronymic")};
}

// ---- dates ----------------------------------------------------------------------------------

void fn_today(xmlXPathParserContextPtr ctxt, int nargs) {
    if (!check_arity(ctxt, nargs, 0, 0, "today")) return;
    push_string(ctxt, call_state(ctxt).evaluator->as_of());
}

void fn_days(xmlXPathParserContextPtr ctxt, int nargs) {
    if (!check_arity(ctxt, nargs, 1, 1, "days")) return;
    if (auto d = pop_date(ctxt, "days")) valuePush(ctxt, xmlXPathNewFloat(static_cast<double>(d->day_number())));
}

// A shift that would leave the calendar (years 1–9999) is an error of the expression, not a
// date: the number may come from data or be NaN.
constexpr double max_shift_days = 3'700'000, max_shift_months = 120'000;

bool check_shift(xmlXPathParserContextPtr ctxt, double k, double max, const char* fn) {
    if (std::isnan(k) || std::fabs(k) > max) {
        fail(ctxt, fn, "сдвиг даты должен быть числом не больше " + std::to_string(static_cast<long>(max)) +
                           " по модулю");
        return false;
    }
    return true;
}

void fn_add_days(xmlXPathParserContextPtr ctxt, int nargs) {
    if (!check_arity(ctxt, nargs, 2, 2, "add-days")) return;
    const double k = xmlXPathPopNumber(ctxt);
    if (!check_shift(ctxt, k, max_shift_days, "add-days")) return;
    if (auto d = pop_date(ctxt, "add-days")) push_string(ctxt, d->add_days(std::lround(k)).iso());
}

void fn_add_months(xmlXPathParserContextPtr ctxt, int nargs) {
    if (!check_arity(ctxt, nargs, 2, 2, "add-months")) return;
    const double k = xmlXPathPopNumber(ctxt);
    if (!check_shift(ctxt, k, max_shift_months, "add-months")) return;
    if (auto d = pop_date(ctxt, "add-months")) push_string(ctxt, d->add_months(static_cast<int>(std::lround(k))).iso());
}

// A deadline a document prints falls on a working day (next_working_day: weekends and the
// holidays of ст. 112 ТК РФ move it on).
void fn_working_day(xmlXPathParserContextPtr ctxt, int nargs) {
    if (!check_arity(ctxt, nargs, 1, 1, "working-day")) return;
    if (auto d = pop_date(ctxt, "working-day")) push_string(ctxt, next_working_day(*d).iso());
}

// The deadlines of a programme's two stages of monitoring (core/working_days.hpp): the programme,
// the roadmap and the справка compute them alike.
void fn_monitoring_stage1(xmlXPathParserContextPtr ctxt, int nargs) {
    if (!check_arity(ctxt, nargs, 2, 2, "monitoring-stage1")) return;
    auto end = pop_date(ctxt, "monitoring-stage1");
    if (!end) return;
    auto start = pop_date(ctxt, "monitoring-stage1");
    if (!start) return;
    push_string(ctxt, monitoring_stage1_due(*start, *end).iso());
}

void fn_monitoring_stage2(xmlXPathParserContextPtr ctxt, int nargs) {
    if (!check_arity(ctxt, nargs, 1, 1, "monitoring-stage2")) return;
    if (auto d = pop_date(ctxt, "monitoring-stage2")) push_string(ctxt, monitoring_stage2_due(*d).iso());
}

void fn_months_between(xmlXPathParserContextPtr ctxt, int nargs) {
    if (!check_arity(ctxt, nargs, 2, 2, "months-between")) return;
    auto end = pop_date(ctxt, "months-between");
    if (!end) return;
    auto start = pop_date(ctxt, "months-between");
    if (!start) return;
    valuePush(ctxt, xmlXPathNewFloat(months_between(*start, *end)));
}

// n:period(start, end): the exact length of the period start..end (both days included), as a
// person says it, in words an act can quote: «3 месяца», «2 месяца 29 дней», «1 год 1 месяц 27 дней»,
// «17 дней» (review 6: «1 год 1 мес. 28 дней» in an inspection act). Months are
// counted as the Civil Code counts terms (ст. 190–192 ГК РФ, Date::term_end): the period that
// starts on the 1st of September ends after three months on the 30th of November, the one that
// starts on 01.03.2023 after a year on 29.02.2024.
void fn_period(xmlXPathParserContextPtr ctxt, int nargs) {
    if (!check_arity(ctxt, nargs, 2, 2, "period")) return;
    auto end = pop_date(ctxt, "period");
    if (!end) return;
    auto start = pop_date(ctxt, "period");
    if (!start) return;
    if (*end < *start) {
        push_string(ctxt, "0 дней");
        return;
    }
    int months = 0;
    while (start->term_end(months + 1) <= *end) ++months;
    const long days = end->day_number() - (months == 0 ? start->add_days(-1) : start->term_end(months)).day_number();
    std::string out;
    if (months >= 12) out += text::with_noun(months / 12, "год", "года", "лет");
    if (months % 12 != 0) out += (out.empty() ? "" : " ") + text::with_noun(months % 12, "месяц", "месяца", "месяцев");
    if (days != 0 || out.empty()) out += (out.empty() ? "" : " ") + text::with_noun(days, "день", "дня", "дней");
    push_string(ctxt, out);
}

// n:term-end(start, months): the last day of a term of that many months beginning on `start`
// (Date::term_end) — what a programme «от 3 месяцев до 1 года» is compared with.
void fn_term_end(xmlXPathParserContextPtr ctxt, int nargs) {
    if (!check_arity(ctxt, nargs, 2, 2, "term-end")) return;
    const double k = xmlXPathPopNumber(ctxt);
    if (!check_shift(ctxt, k, max_shift_months, "term-end")) return;
    if (auto d = pop_date(ctxt, "term-end")) push_string(ctxt, d->term_end(static_cast<int>(std::lround(k))).iso());
}

// n:in-force(act): whether a document of the organisation exists on the as-of date — dated no
// later, and approved (if its approving order is recorded) by an order dated no later either.
// «Known not approved» (approved_by null) does not make a document disappear: rules about its
// approval say what is wrong.
void fn_in_force(xmlXPathParserContextPtr ctxt, int nargs) {
    if (!check_arity(ctxt, nargs, 1, 1, "in-force")) return;
    if (ctxt->value == nullptr || ctxt->value->type != XPATH_NODESET) {
        fail(ctxt, "in-force", "аргумент должен быть документом (узлом /data/acts/act)");
        return;
    }
    xmlNodeSetPtr set = xmlXPathPopNodeSet(ctxt);
    xmlNodePtr act = (set != nullptr && set->nodeNr > 0) ? set->nodeTab[0] : nullptr;
    xmlXPathFreeNodeSet(set);
    const auto as_of = Date::parse_iso(call_state(ctxt).evaluator->as_of());
    auto dated_by = [&](xmlNodePtr a) {
        const auto d = Date::parse_iso(child_text(a, "date"));
        return d && as_of && *d <= *as_of;
    };
    bool ok = act != nullptr && dated_by(act);
    if (ok) {
        const std::string approver = child_text(act, "approved_by");
        if (!approver.empty()) {
            xmlNodePtr by = element_by_id(act->doc, approver);
            ok = by != nullptr && dated_by(by);
        }
    }
    valuePush(ctxt, xmlXPathNewBoolean(ok ? 1 : 0));
}

// n:canonical(s): the text as compared — letter case, «ё», dashes, spaces and Latin letters
// that print like Cyrillic ones do not count (text::canonical_form).
void fn_canonical(xmlXPathParserContextPtr ctxt, int nargs) {
    if (!check_arity(ctxt, nargs, 1, 1, "canonical")) return;
    push_string(ctxt, text::canonical_form(pop_string(ctxt)));
}

void fn_years_between(xmlXPathParserContextPtr ctxt, int nargs) {
    if (!check_arity(ctxt, nargs, 2, 2, "years-between")) return;
    auto to = pop_date(ctxt, "years-between");
    if (!to) return;
    auto from = pop_date(ctxt, "years-between");
    if (!from) return;
    valuePush(ctxt, xmlXPathNewFloat(years_between(*from, *to)));
}

// An optional second argument is what to write when there is no date at all (an empty value):
// n:if evaluates both of its branches, so a message that prints a date only when there is one
// needs a formatter that does not fail on the other branch.
template <std::string (*Format)(const Date&)>
void date_formatter(xmlXPathParserContextPtr ctxt, int nargs, const char* fn) {
    if (!check_arity(ctxt, nargs, 1, 2, fn)) return;
    if (nargs == 2) {
        const std::string fallback = pop_string(ctxt);
        const std::string s = pop_string(ctxt);
        if (s.empty()) {
            push_string(ctxt, fallback);
            return;
        }
        push_string(ctxt, s);
    }
    if (auto d = pop_date(ctxt, fn)) push_string(ctxt, Format(*d));
}

std::string year_text(const Date& d) { return std::to_string(d.year()); }

void fn_date(xmlXPathParserContextPtr c, int n) { date_formatter<text::date_numeric>(c, n, "date"); }
void fn_date_long(xmlXPathParserContextPtr c, int n) { date_formatter<text::date_long>(c, n, "date-long"); }
void fn_date_quoted(xmlXPathParserContextPtr c, int n) { date_formatter<text::date_quoted>(c, n, "date-quoted"); }
void fn_academic_year(xmlXPathParserContextPtr c, int n) { date_formatter<text::academic_year>(c, n, "academic-year"); }
void fn_year(xmlXPathParserContextPtr c, int n) { date_formatter<year_text>(c, n, "year"); }

// ---- people ---------------------------------------------------------------------------------

// An optional last argument names the grammatical case ('род', 'дат', 'вин', 'твор', 'пред' or
// the full word); the gender comes from the data, a guess from the name only if it is absent.
std::optional<text::Case> pop_case(xmlXPathParserContextPtr ctxt, int nargs, int with_case, const char* fn) {
    if (nargs != with_case) return text::Case::nominative;
    const std::string name = pop_string(ctxt);
    auto c = text::parse_case(name);
    if (!c) fail(ctxt, fn, "неизвестный падеж «" + name + "»; ожидается им, род, дат, вин, твор или пред");
    return c;
}

text::Gender gender_of(xmlNodePtr person, const text::PersonName& name) {
    const std::string g = child_text(person, "gender");
    if (g == "ж") return text::Gender::female;
    if (g == "м") return text::Gender::male;
    return text::guess_gender(name).value_or(text::Gender::male);
}

template <std::string (*Format)(const text::PersonName&)>
void name_formatter(xmlXPathParserContextPtr ctxt, int nargs, const char* fn) {
    if (!check_arity(ctxt, nargs, 1, 2, fn)) return;
    const auto grammatical_case = pop_case(ctxt, nargs, 2, fn);
    if (!grammatical_case) return;
    if (xmlNodePtr p = pop_person(ctxt, fn)) {
        const text::PersonName name = name_of(p);
        const std::string written = Format(text::decline(name, gender_of(p, name), *grammatical_case));
        if (auto* names = call_state(ctxt).names) names->push_back(written);
        push_string(ctxt, written);
    }
}

void fn_full_name(xmlXPathParserContextPtr c, int n) { name_formatter<text::full_name>(c, n, "full-name"); }
void fn_initials_surname(xmlXPathParserContextPtr c, int n) { name_formatter<text::initials_surname>(c, n, "initials-surname"); }
void fn_surname_initials(xmlXPathParserContextPtr c, int n) { name_formatter<text::surname_initials>(c, n, "surname-initials"); }

// n:position(person [, case]): the person's position, declined.
void fn_position(xmlXPathParserContextPtr ctxt, int nargs) {
    if (!check_arity(ctxt, nargs, 1, 2, "position")) return;
    const auto grammatical_case = pop_case(ctxt, nargs, 2, "position");
    if (!grammatical_case) return;
    if (xmlNodePtr p = pop_person(ctxt, "position")) {
        push_string(ctxt, text::decline_position(child_text(p, "position"), *grammatical_case));
    }
}

// n:decline-position(text, case): any position written out.
void fn_decline_position(xmlXPathParserContextPtr ctxt, int nargs) {
    if (!check_arity(ctxt, nargs, 2, 2, "decline-position")) return;
    const auto grammatical_case = pop_case(ctxt, nargs, 2, "decline-position");
    if (!grammatical_case) return;
    push_string(ctxt, text::decline_position(pop_string(ctxt), *grammatical_case));
}

// n:profession(person): the profession of the person's position (text/professions.hpp), empty for
// a head's, a deputy's, a methodical or an unknown position.
void fn_profession(xmlXPathParserContextPtr ctxt, int nargs) {
    if (!check_arity(ctxt, nargs, 1, 1, "profession")) return;
    if (xmlNodePtr p = pop_person(ctxt, "profession")) push_string(ctxt, text::profession_of(child_text(p, "position")));
}

void fn_person(xmlXPathParserContextPtr ctxt, int nargs) {
    if (!check_arity(ctxt, nargs, 1, 1, "person")) return;
    if (xmlNodePtr p = pop_person(ctxt, "person")) valuePush(ctxt, xmlXPathNewNodeSet(p));
}

// XPath 1.0 has no way to name the outer context inside a predicate; XSLT's current() is the
// usual answer, and templates need it to count rows like the one being filled
// (count(/data/pairs/pair[form = n:current()])).
void fn_current(xmlXPathParserContextPtr ctxt, int nargs) {
    if (!check_arity(ctxt, nargs, 0, 0, "current")) return;
    valuePush(ctxt, xmlXPathNewNodeSet(call_state(ctxt).current));
}

// ---- text -----------------------------------------------------------------------------------

void fn_plural(xmlXPathParserContextPtr ctxt, int nargs) {
    if (!check_arity(ctxt, nargs, 4, 4, "plural")) return;
    const std::string many = pop_string(ctxt);
    const std::string few = pop_string(ctxt);
    const std::string one = pop_string(ctxt);
    const double k = xmlXPathPopNumber(ctxt);
    if (std::isnan(k)) {
        fail(ctxt, "plural", "первый аргумент должен быть числом");
        return;
    }
    // Printed in a document: a sum has its thousands apart («3 000 рублей»).
    const long n = std::lround(k);
    const auto form = text::plural_form(n);
    push_string(ctxt, text::grouped(n) + " " + (form == text::PluralForm::one ? one : form == text::PluralForm::few ? few : many));
}

// The optional trailing (case [, counted noun]) of the number-in-words functions, popped in
// reverse; `first_optional` is the 1-based position of the case argument.
struct WordsOptions {
    text::Case grammatical_case = text::Case::nominative;
    text::Counted counted;
};
std::optional<WordsOptions> pop_words_options(xmlXPathParserContextPtr ctxt, int nargs, int first_optional,
                                              const char* fn) {
    WordsOptions out;
    if (nargs >= first_optional + 1) {
        const std::string g = pop_string(ctxt);
        auto counted = text::parse_counted(g);
        if (!counted) {
            fail(ctxt, fn, "неизвестный род «" + g + "»; ожидается м, ж или с (для лиц — «м одуш», «ж одуш»)");
            return std::nullopt;
        }
        out.counted = *counted;
    }
    if (nargs >= first_optional) {
        const auto c = pop_case(ctxt, first_optional, first_optional, fn);
        if (!c) return std::nullopt;
        out.grammatical_case = *c;
    }
    return out;
}

std::optional<long long> pop_whole_number(xmlXPathParserContextPtr ctxt, const char* fn) {
    const double k = xmlXPathPopNumber(ctxt);
    if (std::isnan(k) || k != std::floor(k) || std::fabs(k) > static_cast<double>(text::number_words_max)) {
        fail(ctxt, fn, "ожидается целое число не больше 999 999 999 999 по модулю");
        return std::nullopt;
    }
    return static_cast<long long>(k);
}

// n:number-words(k [, case [, gender]]): «двадцать одна», «двух».
void fn_number_words(xmlXPathParserContextPtr ctxt, int nargs) {
    if (!check_arity(ctxt, nargs, 1, 3, "number-words")) return;
    const auto options = pop_words_options(ctxt, nargs, 2, "number-words");
    if (!options) return;
    if (const auto k = pop_whole_number(ctxt, "number-words")) {
        push_string(ctxt, text::number_words(*k, options->grammatical_case, options->counted));
    }
}

// n:plural-words(k, one, few, many [, case [, gender]]): «двух наставников».
void fn_plural_words(xmlXPathParserContextPtr ctxt, int nargs) {
    if (!check_arity(ctxt, nargs, 4, 6, "plural-words")) return;
    const auto options = pop_words_options(ctxt, nargs, 5, "plural-words");
    if (!options) return;
    const std::string many = pop_string(ctxt);
    const std::string few = pop_string(ctxt);
    const std::string one = pop_string(ctxt);
    if (const auto k = pop_whole_number(ctxt, "plural-words")) {
        push_string(ctxt, text::words_with_noun(*k, one, few, many, options->grammatical_case, options->counted));
    }
}

template <std::string (*Map)(std::string_view)>
void string_mapper(xmlXPathParserContextPtr ctxt, int nargs, const char* fn) {
    if (!check_arity(ctxt, nargs, 1, 1, fn)) return;
    push_string(ctxt, Map(pop_string(ctxt)));
}

void fn_capitalize(xmlXPathParserContextPtr c, int n) { string_mapper<text::capitalize>(c, n, "capitalize"); }
void fn_lower(xmlXPathParserContextPtr c, int n) { string_mapper<text::to_lower>(c, n, "lower"); }
void fn_upper(xmlXPathParserContextPtr c, int n) { string_mapper<text::to_upper>(c, n, "upper"); }
void fn_typo(xmlXPathParserContextPtr c, int n) { string_mapper<text::typography>(c, n, "typo"); }
void fn_nobreak(xmlXPathParserContextPtr c, int n) { string_mapper<text::unbreakable_short_name>(c, n, "nobreak"); }

void fn_join(xmlXPathParserContextPtr ctxt, int nargs) {
    if (!check_arity(ctxt, nargs, 2, 2, "join")) return;
    const std::string sep = pop_string(ctxt);
    if (ctxt->value == nullptr || ctxt->value->type != XPATH_NODESET) {
        fail(ctxt, "join", "первый аргумент должен быть набором узлов");
        return;
    }
    xmlNodeSetPtr set = xmlXPathPopNodeSet(ctxt);
    std::string out;
    for (int i = 0; set != nullptr && i < set->nodeNr; ++i) {
        xmlChar* s = xmlNodeGetContent(set->nodeTab[i]);
        if (i > 0) out += sep;
        out += s ? reinterpret_cast<const char*>(s) : "";
        xmlFree(s);
    }
    xmlXPathFreeNodeSet(set);
    push_string(ctxt, out);
}

// n:min-date(nodes), n:max-date(nodes): the earliest / latest ISO date among the nodes' values
// ("" for none: a period nobody recorded); a value that is not a date is an error. XPath 1.0
// has no min() or max(), and its «<» compares dates as numbers (NaN).
void extreme_date(xmlXPathParserContextPtr ctxt, int nargs, const char* fn, bool latest) {
    if (!check_arity(ctxt, nargs, 1, 1, fn)) return;
    if (ctxt->value == nullptr || ctxt->value->type != XPATH_NODESET) {
        fail(ctxt, fn, "аргумент должен быть набором узлов");
        return;
    }
    xmlNodeSetPtr set = xmlXPathPopNodeSet(ctxt);
    std::optional<Date> best;
    std::optional<std::string> bad;
    for (int i = 0; set != nullptr && i < set->nodeNr; ++i) {
        xmlChar* v = xmlNodeGetContent(set->nodeTab[i]);
        const std::string text = v ? reinterpret_cast<const char*>(v) : "";
        xmlFree(v);
        const auto d = Date::parse_iso(text);
        if (!d) {
            bad = text;
            break;
        }
        if (!best || (latest ? *best < *d : *d < *best)) best = d;
    }
    xmlXPathFreeNodeSet(set);
    if (bad) {
        fail(ctxt, fn, "ожидается дата в формате ГГГГ-ММ-ДД, получено «" + *bad + "»");
        return;
    }
    push_string(ctxt, best ? best->iso() : std::string());
}

void fn_min_date(xmlXPathParserContextPtr ctxt, int nargs) { extreme_date(ctxt, nargs, "min-date", false); }
void fn_max_date(xmlXPathParserContextPtr ctxt, int nargs) { extreme_date(ctxt, nargs, "max-date", true); }

void fn_if(xmlXPathParserContextPtr ctxt, int nargs) {
    if (!check_arity(ctxt, nargs, 3, 3, "if")) return;
    const std::string b = pop_string(ctxt);
    const std::string a = pop_string(ctxt);
    const bool cond = xmlXPathPopBoolean(ctxt) != 0;
    push_string(ctxt, cond ? a : b);
}

// libxml2 calls our functions from C: an exception must not cross its frames (it would
// terminate the program). Whatever a function throws becomes an error of the expression.
template <xmlXPathFunction F>
void guarded(xmlXPathParserContextPtr ctxt, int nargs) {
    try {
        F(ctxt, nargs);
    } catch (const std::exception&) {
        const xmlChar* name = ctxt->context->function;
        const std::string fn = name != nullptr ? reinterpret_cast<const char*>(name) : "?";
        fail(ctxt, fn.c_str(), "значение вне допустимых пределов (например, дата вне 0001–9999 годов)");
    }
}

struct Registration {
    const char* name;
    xmlXPathFunction fn;
};

constexpr Registration functions[] = {
    {"today", guarded<fn_today>},
    {"days", guarded<fn_days>},
    {"add-days", guarded<fn_add_days>},
    {"add-months", guarded<fn_add_months>},
    {"working-day", guarded<fn_working_day>},
    {"monitoring-stage1", guarded<fn_monitoring_stage1>},
    {"monitoring-stage2", guarded<fn_monitoring_stage2>},
    {"months-between", guarded<fn_months_between>},
    {"years-between", guarded<fn_years_between>},
    {"period", guarded<fn_period>},
    {"term-end", guarded<fn_term_end>},
    {"in-force", guarded<fn_in_force>},
    {"canonical", guarded<fn_canonical>},
    {"date", guarded<fn_date>},
    {"date-long", guarded<fn_date_long>},
    {"date-quoted", guarded<fn_date_quoted>},
    {"academic-year", guarded<fn_academic_year>},
    {"year", guarded<fn_year>},
    {"full-name", guarded<fn_full_name>},
    {"initials-surname", guarded<fn_initials_surname>},
    {"surname-initials", guarded<fn_surname_initials>},
    {"person", guarded<fn_person>},
    {"current", guarded<fn_current>},
    {"position", guarded<fn_position>},
    {"decline-position", guarded<fn_decline_position>},
    {"profession", guarded<fn_profession>},
    {"plural", guarded<fn_plural>},
    {"number-words", guarded<fn_number_words>},
    {"plural-words", guarded<fn_plural_words>},
    {"capitalize", guarded<fn_capitalize>},
    {"lower", guarded<fn_lower>},
    {"upper", guarded<fn_upper>},
    {"typo", guarded<fn_typo>},
    {"nobreak", guarded<fn_nobreak>},
    {"join", guarded<fn_join>},
    {"min-date", guarded<fn_min_date>},
    {"max-date", guarded<fn_max_date>},
    {"if", guarded<fn_if>},
};

}  // namespace

std::vector<std::string> extension_function_names() {
    std::vector<std::string> names;
    for (const auto& f : functions) names.emplace_back(f.name);
    return names;
}

void register_functions(xmlXPathContextPtr ctx) {
    for (const auto& f : functions) {
        xmlXPathRegisterFuncNS(ctx, reinterpret_cast<const xmlChar*>(f.name),
                               reinterpret_cast<const xmlChar*>(function_namespace), f.fn);
    }
}

}  // namespace nastavnik::xpath
