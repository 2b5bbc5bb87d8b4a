#include "nastavnik/rules/ruleset_document.hpp"

#include "nastavnik/data/monitoring.hpp"
#include "nastavnik/docx/template.hpp"
#include "rules/citation_names.hpp"
#include "rules/plain_tree.hpp"
#include "nastavnik/text/letter_case.hpp"
#include "nastavnik/text/plural.hpp"
#include "nastavnik/text/russian_dates.hpp"
#include "nastavnik/xpath/evaluator.hpp"

#include <algorithm>
#include <set>

namespace nastavnik::rules {

namespace {

const char* mode_name(Mode m) {
    switch (m) {
        case Mode::add: return "add";
        case Mode::tighten: return "ужесточает правило вышестоящего уровня";
        case Mode::override_: return "заменяет правило вышестоящего уровня";
    }
    return "add";
}

// "2" месяц → «2 месяца»; "2022-12-31" → «31.12.2022»; "70" % → «70 %».
std::string value_in_words(const std::string& value, const std::string& unit) {
    if (const auto d = Date::parse_iso(value)) return text::date_numeric(*d);
    char* end = nullptr;
    const long n = std::strtol(value.c_str(), &end, 10);
    const bool whole = !value.empty() && end != nullptr && *end == '\0';
    struct Forms {
        const char* unit;
        const char *one, *few, *many;
    };
    static constexpr Forms forms[] = {{"месяц", "месяц", "месяца", "месяцев"},
                                      {"день", "день", "дня", "дней"},
                                      {"человек", "человек", "человека", "человек"},
                                      {"год", "год", "года", "лет"}};
    if (whole) {
        for (const auto& f : forms) {
            if (unit == f.unit) return text::with_noun(n, f.one, f.few, f.many);
        }
    }
    if (unit == "%") return value + "\u00A0%";
    return unit.empty() ? value : value + " " + unit;
}

// The same form under another name of the organisation: a ruleset lists every spelling the
// organisations' data may use («руководитель МОО – педагог», «руководитель образовательной
// организации – педагог»), so that the check accepts each; a reader wants each form once.
std::string form_key(std::string s) {
    static const std::pair<const char*, const char*> same[] = {
        {"руководитель МОО", "руководитель образовательной организации"},
        {"руководитель образовательного учреждения", "руководитель образовательной организации"},
    };
    for (const auto& [from, to] : same) {
        if (const auto at = s.find(from); at != std::string::npos) s.replace(at, std::string(from).size(), to);
    }
    for (const char* tail : {" МОО", " образовательного учреждения", " образовательной организации"}) {
        if (s.ends_with(tail) && s.find(" – ") != std::string::npos && s.rfind(tail) > s.find(" – ")) s.erase(s.size() - std::string(tail).size());
    }
    return s;
}

// A list value («a|b|c») as printed items: indicators by what they measure; forms once each,
// the other names the list accepts for it in brackets.
// `exams`: the assessment procedures the act names (monitoring_exams), in the exams indicator's title.
std::vector<std::string> list_items(const std::string& value, const std::vector<std::string>& exams) {
    std::vector<std::pair<std::string, std::vector<std::string>>> items;  // key → spellings in list order
    for (std::size_t from = 0;;) {
        const auto bar = value.find('|', from);
        std::string item = value.substr(from, bar == std::string::npos ? std::string::npos : bar - from);
        if (const auto* indicator = data::monitoring::find_indicator(item)) item = data::monitoring::title_of(*indicator, "", exams);
        const std::string key = form_key(item);
        const auto it = std::find_if(items.begin(), items.end(), [&](const auto& x) { return x.first == key; });
        if (it == items.end()) items.push_back({key, {item}});
        else it->second.push_back(item);
        if (bar == std::string::npos) break;
        from = bar + 1;
    }
    std::vector<std::string> out;
    for (const auto& [key, spellings] : items) {
        std::string line = spellings.front();
        for (std::size_t k = 1; k < spellings.size(); ++k) line += (k == 1 ? " (также «" : ", «") + spellings[k] + "»";
        out.push_back(spellings.size() > 1 ? line + ")" : line);
    }
    return out;
}

}  // namespace

namespace {

// A rule's level in the words of the act and the report: what its failure is there — not the
// ruleset's «ошибка», «предупреждение» (reader C, 5). A rule that cites no binding act is a
// recommendation there, whatever its severity; a municipality's own duty says whose it is.
std::string severity_in_words(const Rule& r) {
    if (r.severity == Severity::info) return "к сведению";
    const bool binding = std::any_of(r.citations.begin(), r.citations.end(), [](const Citation& c) { return c.force() == Force::binding; });
    if (!binding) return "рекомендация";
    const bool municipal = r.subject == Subject::municipality;
    if (r.severity == Severity::error) return municipal ? "нарушение (обязанность муниципалитета)" : "нарушение обязательного требования";
    return municipal ? "замечание (обязанность муниципалитета)" : "замечание";
}

bool is_ancestor(const Node* a, const Node* n) {
    for (const Node* p = n != nullptr ? n->parent : nullptr; p != nullptr; p = p->parent) {
        if (p == a) return true;
    }
    return false;
}

// A rule's bases as a lawyer lists them: a section cited with its own items is not cited again
// («разд. 5 …; п. 1 разд. 5 …; п. 2 разд. 5 …»), and items of one unit of one document share the
// document's name: «пп. 1, 2 разд. 5 Положения № 701» (review 6, RS-1).
std::string citations_of(const Rule& r, CitationNames& names) {
    std::vector<const Citation*> kept;
    for (const auto& c : r.citations) {
        const bool covered = c.node != nullptr && std::any_of(r.citations.begin(), r.citations.end(), [&](const Citation& d) {
                                 return d.document == c.document && is_ancestor(c.node, d.node);
                             });
        if (!covered) kept.push_back(&c);
    }
    std::string out;
    for (std::size_t i = 0; i < kept.size();) {
        const Citation& c = *kept[i];
        std::size_t j = i + 1;
        std::string numbers = c.node != nullptr ? c.node->number : std::string();
        // Items («п.») of one parent in one document: «п. 1 разд. 5», «п. 5.1».
        auto item = [](const Citation& x) {
            const std::string t = x.node_text(), one = "п.\u00A0" + x.node->number;
            return x.node->unit() == "п." && (t == one || t.starts_with(one + " "));
        };
        auto joins = [&](const Citation& d) {
            return c.node != nullptr && d.node != nullptr && d.document == c.document && c.node->parent != nullptr &&
                   d.node->parent == c.node->parent && item(c) && item(d);
        };
        for (; j < kept.size() && joins(*kept[j]); ++j) numbers += ", " + kept[j]->node->number;
        std::string text = names(c, c.text());
        if (j > i + 1) {
            const std::string one = "п.\u00A0" + c.node->number + " ";
            if (text.starts_with(one)) text = "пп.\u00A0" + numbers + " " + text.substr(one.size());
        }
        out += (out.empty() ? "" : ";\n") + text;
        i = j;
    }
    return out;
}

}  // namespace

std::unique_ptr<xmlDoc, XmlDocDeleter> ruleset_data_tree(const Ruleset& rs) {
    std::unique_ptr<xmlDoc, XmlDocDeleter> doc(xmlNewDoc(reinterpret_cast<const xmlChar*>("1.0")));
    xmlNodePtr root = xmlNewDocNode(doc.get(), nullptr, reinterpret_cast<const xmlChar*>("ruleset"), nullptr);
    xmlDocSetRootElement(doc.get(), root);
    add_element(root, "id", rs.id);
    add_element(root, "version", rs.version);
    // «Минпросвещения России», «Минобрнауки России»: the name of a ministry is one, not broken
    // before «России» at the end of a line (reader H, F13).
    std::string heading = rs.title;
    for (std::size_t at = heading.find(" России"); at != std::string::npos; at = heading.find(" России", at)) {
        heading.replace(at, 1, "\u00A0");
    }
    add_element(root, "title", heading);
    add_element(root, "layer", layer_name(rs.layer));
    // One naming of long acts for the whole document: the clauses saying whom the act binds come
    // first, so a long Положение is defined there and shortened in the table of rules.
    CitationNames names;
    for (const auto& c : rs.founders_cites) names.note(c);
    for (const auto& r : rs.rules) {
        for (const auto& c : r.citations) names.note(c);
    }
    add_element(root, "applies", (rs.region.empty() ? "во всех субъектах Российской Федерации"
                                                     : rs.region + (rs.municipality.empty() ? "" : ", " + rs.municipality)) +
                                     "; " + rs.bound_in_words([&](const Citation& c) { return names(c, c.text()); }, /*flat=*/true));
    add_element(root, "valid_from", rs.valid_from.iso());
    if (rs.valid_to) add_element(root, "valid_to", rs.valid_to->iso());
    // The list of acts names in full what the rest of the document shortens, where «Применяется»
    // has not: the values after it cite «примерного Положения» in their own words (reader H, F13).
    std::vector<const Document*> cited;
    for (const auto& c : rs.founders_cites) cited.push_back(c.document);
    for (const auto& r : rs.rules) {
        for (const auto& c : r.citations) cited.push_back(c.document);
    }
    xmlNodePtr acts = add_element(root, "acts");
    for (const Act* a : rs.cited_acts()) {
        std::string text;
        if (a->body) {
            text = text::capitalize(a->full_name());
        } else {
            text = a->issuer + ", " + a->kind;
            if (auto d = Date::parse_iso(a->date)) text += " от " + text::date_numeric(*d);
            if (!a->number.empty()) text += " №\u00A0" + a->number;
            text += " «" + a->title + "»";
        }
        std::vector<std::string> annexes;
        std::set<const Document*> seen;
        for (const Document* d : cited) {
            if (d == nullptr || d->act != a || !seen.insert(d).second) continue;
            const std::string definition = names.definition(d);
            if (definition.empty()) continue;
            // The act itself: its short name after its line; an annex: a line of its own.
            if (d->is_annex()) annexes.push_back(text::capitalize(definition));
            else text += definition.substr(definition.rfind(" (далее — "));
        }
        add_element(acts, "act", text);
        for (const auto& line : annexes) add_element(acts, "act", line);
    }
    // Parameters in words: a title, the value with its unit agreed with the number, dates as
    // ДД.ММ.ГГГГ, a value of several items («a|b|c») as a list — one <line> per printed line,
    // punctuation included (level 2: an item of a list).
    xmlNodePtr params = add_element(root, "parameters");
    std::vector<std::pair<int, std::string>> lines;
    const Parameter* exams = nullptr;
    std::set<const ParameterValue*> shown_exams;
    for (const auto& p : rs.parameters) {
        if (p.id == "monitoring_exams") exams = &p;
    }
    for (const auto& p : rs.parameters) {
        const std::string title = p.title.empty() ? "Параметр «" + p.id + "»" : p.title;
        std::string scalar;
        for (const auto& v : p.values) {
            // The procedures already stand in the indicator's title («…, успешно прошедших ВПР, ОГЭ и
            // ЕГЭ»): not a line of their own saying it again (reader H, F13).
            if (shown_exams.count(&v) != 0) continue;
            if (v.value.find('|') != std::string::npos) {
                // The monitoring's lists say whose words they are: «(основание: Положение г. Бийска,
                // разд. 5, п. 1 — «процент обучающихся …, успешно прошедших ВПР, ОГЭ, ЕГЭ»)».
                std::string head = v.dated(title);
                if (p.id.starts_with("monitoring_") && !v.cite.empty()) {
                    std::string cite = v.cite;
                    if (const auto colon = cite.find(": "); colon != std::string::npos) {
                        cite = cite.substr(0, colon) + " — «" + cite.substr(colon + 2) + "»";
                    }
                    // Into the brackets of the dates, if they are the last: no «) (».
                    if (head.ends_with(")")) head.insert(head.size() - 1, "; основание: " + cite);
                    else head += " (основание: " + cite + ")";
                }
                std::vector<std::string> procedures;
                const ParameterValue* e = exams != nullptr && &p != exams ? exams->at(v.from) : nullptr;
                if (e != nullptr) {
                    for (std::size_t from = 0;;) {
                        const auto bar = e->value.find('|', from);
                        procedures.push_back(e->value.substr(from, bar == std::string::npos ? std::string::npos : bar - from));
                        if (bar == std::string::npos) break;
                        from = bar + 1;
                    }
                }
                // After the colon the items go on in lower case, as the list of forms does («• результативность
                // …;», not «• Результативность …;»); «ВПР» keeps its capitals. A list of abbreviations
                // only is one line: «ВПР, ОГЭ и ЕГЭ», not three bullets (reader C, 5).
                const std::vector<std::string> items = list_items(v.value, procedures);
                if (e != nullptr && !procedures.empty() && std::any_of(items.begin(), items.end(), [&](const std::string& i) {
                        return i.find(text::enumeration(procedures)) != std::string::npos;
                    })) {
                    shown_exams.insert(e);
                }
                const bool abbreviations = std::all_of(items.begin(), items.end(), [](const std::string& i) {
                    return text::to_upper(i) == i && i.find(' ') == std::string::npos;
                });
                if (abbreviations) {
                    lines.emplace_back(1, head + ": " + text::enumeration(items));
                    continue;
                }
                lines.emplace_back(1, head);
                for (const auto& item : items) lines.emplace_back(2, text::lower_first(item));
                continue;
            }
            // A date in force from that very date says it once: «01.03.2025», not «01.03.2025 (с 01.03.2025)».
            const auto day = Date::parse_iso(v.value);
            const bool itself = day && *day == v.from && !v.to;
            scalar += (scalar.empty() ? "" : ", ") + (itself ? value_in_words(v.value, p.unit) : v.dated(value_in_words(v.value, p.unit)));
        }
        if (!scalar.empty()) lines.emplace_back(1, title + ": " + scalar);
    }
    // Each value is a sentence of its own (it begins with a capital letter) and ends with a full
    // stop; the items of its list end with «;», the last one with «.» — not «(«один-на-один»);»
    // followed by the next value (reader B, 21).
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const bool last = i + 1 == lines.size();
        const bool opens_list = !last && lines[i + 1].first > lines[i].first;
        const bool in_list = !last && lines[i].first == 2 && lines[i + 1].first == 2;
        xmlNodePtr n = add_element(params, "line", lines[i].second + (opens_list ? ":" : in_list ? ";" : "."));
        xmlNewProp(n, reinterpret_cast<const xmlChar*>("level"), reinterpret_cast<const xmlChar*>(lines[i].first == 1 ? "1" : "2"));
    }
    xmlNodePtr rules = add_element(root, "rules");
    for (const auto& r : rs.rules) {
        xmlNodePtr n = add_element(rules, "rule");
        add_element(n, "id", r.id);
        add_element(n, "mode", mode_name(r.mode));
        add_element(n, "severity", severity_in_words(r));
        add_element(n, "title", r.title);
        add_element(n, "citation", citations_of(r, names));
    }
    return doc;
}

std::string ruleset_document(const Ruleset& rs, const std::filesystem::path& template_file) {
    const auto doc = ruleset_data_tree(rs);
    const auto tpl = docx::Template::load(template_file);
    xpath::Evaluator ev(doc.get(), rs.valid_from.iso());
    return tpl.render(ev, xmlDocGetRootElement(doc.get()));
}

}  // namespace nastavnik::rules
