#include "nastavnik/rules/tools.hpp"

#include "nastavnik/data/data_tree.hpp"
#include "nastavnik/core/file_io.hpp"
#include "nastavnik/rules/engine.hpp"
#include "nastavnik/text/letter_case.hpp"
#include "nastavnik/text/russian_dates.hpp"
#include "nastavnik/xpath/evaluator.hpp"

#include <algorithm>
#include <regex>
#include <map>
#include <set>

namespace nastavnik::rules {

namespace {

InputLocation at(const Ruleset& rs, const Rule& rule) {
    return InputLocation{rs.file.string(), rule.line, 0, rule.id};
}

std::string citations_text(const Rule& r) {
    std::string s;
    for (const auto& c : r.citations) s += (s.empty() ? "" : "; ") + c.text();
    return s;
}

std::string condition_text(const Rule& r) {
    std::string s = "context: " + r.context.text();
    for (const auto& q : r.requirements) s += std::string("; requires") + (q.whole_rule ? " (для всего правила)" : "") + ": " + q.test.text();
    return s + "; assert: " + r.assertion.text();
}

const Rule* find_rule(const Ruleset& rs, const std::string& id) {
    for (const auto& r : rs.rules) {
        if (r.id == id) return &r;
    }
    return nullptr;
}

const Parameter* find_parameter(const Ruleset& rs, const std::string& id) {
    for (const auto& p : rs.parameters) {
        if (p.id == id) return &p;
    }
    return nullptr;
}

std::string parameter_values(const Parameter& p) {
    std::string s;
    for (const auto& v : p.values) s += (s.empty() ? "" : "; ") + v.dated(v.value);
    return s;
}

}  // namespace

namespace {

// A text as quotes are compared with it: lower case, ё as е, every kind of quotation mark as
// '"', every dash and hyphen as '-', no spaces (a converted text breaks lines and doubles
// spaces anywhere), no Markdown '*' and no list marks «- » at the start of a line (a quote
// runs the items of a list together), no soft hyphens.
std::string comparable(std::string_view in) {
    const std::string lower = text::to_lower(in);
    std::string out;
    out.reserve(lower.size());
    bool line_start = true;
    for (std::size_t i = 0; i < lower.size();) {
        const unsigned char c = static_cast<unsigned char>(lower[i]);
        const auto next = [&](std::string_view seq) { return lower.compare(i, seq.size(), seq) == 0; };
        if (c == '\n') {
            line_start = true;
            ++i;
            continue;
        }
        const std::size_t mark = c == '-' ? 1 : next("\u2022") ? 3 : 0;
        if (line_start && mark > 0 && i + mark < lower.size() && lower[i + mark] == ' ') {
            i += mark;
            continue;
        }
        if (c != ' ' && c != '\t' && c != '\r') line_start = false;
        if (c == ' ' || c == '\t' || c == '\r' || c == '*') {
            ++i;
        } else if (next("\u00A0") || next("\u00AD")) {
            i += 2;
        } else if (next("\u0451")) {  // ё
            out += "\u0435";
            i += 2;
        } else if (next("\u00AB") || next("\u00BB")) {
            out += '"';
            i += 2;
        } else if (next("\u201C") || next("\u201D") || next("\u201E")) {
            out += '"';
            i += 3;
        } else if (next("\u2010") || next("\u2011") || next("\u2012") || next("\u2013") || next("\u2014")) {
            out += '-';
            i += 3;
        } else {
            out += lower[i++];
        }
    }
    return out;
}

// The parts of a quote between its gaps («…» or «...»), comparable.
std::vector<std::string> quote_parts(const std::string& quote) {
    std::vector<std::string> parts;
    std::string rest = quote;
    for (std::size_t pos; (pos = rest.find("\u2026")) != std::string::npos || (pos = rest.find("...")) != std::string::npos;) {
        const std::size_t len = rest.compare(pos, 3, "...") == 0 ? 3 : std::string_view("\u2026").size();
        parts.push_back(comparable(rest.substr(0, pos)));
        rest = rest.substr(pos + len);
    }
    parts.push_back(comparable(rest));
    std::erase_if(parts, [](const std::string& p) { return p.empty() || p == "\"" || p == "-"; });
    return parts;
}

}  // namespace

std::vector<Diagnostic> check_quotes(const Ruleset& rs, const std::filesystem::path& texts, std::size_t* compared) {
    std::vector<Diagnostic> out;
    std::map<std::string, std::string> text_of;  // source file → comparable text
    auto check = [&](const Citation& c, const InputLocation& where) {
        if (c.quote.empty() || c.act == nullptr || c.act->source.empty()) return;
        auto it = text_of.find(c.act->source);
        if (it == text_of.end()) {
            std::error_code ec;
            const auto file = texts / c.act->source;
            std::string text;
            if (std::filesystem::is_regular_file(file, ec)) text = comparable(read_file(file, 16u << 20));
            it = text_of.emplace(c.act->source, std::move(text)).first;
        }
        if (it->second.empty()) return;
        if (compared != nullptr) ++*compared;
        std::size_t from = 0;
        for (const auto& part : quote_parts(c.quote)) {
            const std::size_t found = it->second.find(part, from);
            if (found == std::string::npos) {
                out.push_back({where, "цитата из «" + c.act->id + "» (" + c.text() + ") не найдена в тексте акта: «" +
                                          c.quote + "»" +
                                          (from > 0 ? " (не найдено продолжение после пропуска «…»)" : "")});
                return;
            }
            from = found + part.size();
        }
    };
    for (const auto& rule : rs.rules) {
        for (const auto& c : rule.citations) check(c, at(rs, rule));
    }
    for (const auto& a : rs.adoptions) {
        for (const auto& c : a.citations) check(c, InputLocation{rs.file.string(), a.line, 0, a.rule_id});
    }
    return out;
}

std::vector<Diagnostic> lint(const Ruleset& rs, const std::vector<const Ruleset*>& upper) {
    std::vector<Diagnostic> out;
    const auto ours = xpath::extension_function_names();
    std::set<std::string> used_parameters;
    for (const auto& rule : rs.rules) {
        for (const auto& [where, text] : rule.expressions()) {
            const auto refs = xpath::references(text);
            for (const auto& f : refs.functions) {
                const bool known = f.rfind("n:", 0) == 0
                                       ? std::find(ours.begin(), ours.end(), f.substr(2)) != ours.end()
                                       : f.find(':') == std::string::npos && xpath::is_core_function(f);
                if (!known) out.push_back({at(rs, rule), where + ": неизвестная функция «" + f + "»"});
            }
            for (const auto& v : refs.variables) {
                used_parameters.insert(v);
                const bool defined_above = std::any_of(upper.begin(), upper.end(), [&](const Ruleset* u) {
                    return u != &rs && find_parameter(*u, v) != nullptr;
                });
                if (v != "as_of" && find_parameter(rs, v) == nullptr && !defined_above) {
                    out.push_back({at(rs, rule), where + ": параметр «$" + v + "» не определён в наборе"});
                }
            }
        }
        for (const auto& c : rule.citations) {
            if (rs.format == 1 && c.clause.find_first_of("0123456789") == std::string::npos) {
                out.push_back({at(rs, rule), "ссылка на акт «" + c.act->id + "» без номера пункта: «" + c.clause + "»"});
            }
            if (rs.format >= 2 && c.node == nullptr) {
                out.push_back({at(rs, rule), "ссылка на документ «" + c.document->id + "» в целом: укажите пункт (атрибут at)"});
            }
        }
        if (rule.title.empty() || rule.message.empty()) out.push_back({at(rs, rule), "нет заголовка или сообщения"});
        // An expression left outside {…} is printed to the reader as it is written.
        std::string words;
        for (std::size_t i = 0, depth = 0; i < rule.message.size(); ++i) {
            const char c = rule.message[i];
            if (c == '{') ++depth;
            if (depth == 0) words += c;
            if (c == '}' && depth > 0) --depth;
        }
        static const std::regex expression_in_words(R"((n:[a-z-]+\(|\$[a-z_]+|/data/))");
        if (std::smatch m; std::regex_search(words, m, expression_in_words)) {
            out.push_back({at(rs, rule), "в тексте сообщения выражение вне фигурных скобок: «" + m.str() + "…»"});
        }
    }
    auto known_rule = [&](const std::string& id) {
        return find_rule(rs, id) != nullptr ||
               std::any_of(upper.begin(), upper.end(), [&](const Ruleset* u) { return u != &rs && find_rule(*u, id) != nullptr; });
    };
    for (const auto& a : rs.adoptions) {
        if (!known_rule(a.rule_id)) {
            out.push_back({InputLocation{rs.file.string(), a.line, 0, a.rule_id},
                           "принимается правило [" + a.rule_id + "], которого нет ни в этом наборе, ни в наборах выше"});
        }
    }
    for (const auto& rule : rs.rules) {
        for (const auto& s : rule.superseded_by) {
            const InputLocation where{rs.file.string(), s.line, 0, rule.id};
            if (s.rule_id == rule.id) {
                out.push_back({where, "правило [" + rule.id + "] вытесняется самим собой"});
            } else if (!known_rule(s.rule_id)) {
                out.push_back({where, "правило [" + rule.id + "] вытесняется правилом [" + s.rule_id +
                                          "], которого нет ни в этом наборе, ни в наборах того же и более высокого уровня"});
            }
        }
    }
    for (const auto& d : rs.deadlines) {
        for (const auto& id : d.rules) {
            if (!known_rule(id)) {
                out.push_back({InputLocation{rs.file.string(), d.line, 0, id},
                               "срок $" + d.parameter + " установлен для правила [" + id + "], которого нет ни в этом наборе, ни в наборах выше"});
            }
        }
    }
    for (const auto& a : rs.adoptions) {
        if (std::none_of(a.citations.begin(), a.citations.end(), [](const Citation& c) { return c.force() == Force::binding; })) {
            out.push_back({InputLocation{rs.file.string(), a.line, 0, a.rule_id},
                           "правило принимается ссылками только на рекомендательные акты: обязательным оно от этого не станет"});
        }
    }
    for (const auto& d : rs.deadlines) {
        used_parameters.insert(d.parameter);
        const bool defined = find_parameter(rs, d.parameter) != nullptr ||
                             std::any_of(upper.begin(), upper.end(), [&](const Ruleset* u) { return find_parameter(*u, d.parameter) != nullptr; });
        if (!defined) {
            out.push_back({InputLocation{rs.file.string(), d.line, 0, "$" + d.parameter}, "срок: параметр «$" + d.parameter + "» не определён"});
        }
    }
    for (const auto& p : rs.parameters) {
        const InputLocation where{rs.file.string(), 0, 0, "$" + p.id};
        // The monitoring lists are read by the analytical report too (generate/analytical_report.hpp).
        const bool read_by_documents = p.id == "monitoring_stage1" || p.id == "monitoring_stage2" || p.id == "monitoring_exams";
        if (used_parameters.count(p.id) == 0 && !read_by_documents) {
            out.push_back({where, "параметр не используется ни одним правилом"});
        }
        if (p.title.empty()) out.push_back({where, "у параметра нет названия (атрибут title): документ набора правил назовёт его только кодом"});
        for (const auto& v : p.values) {
            if (v.cite.empty()) out.push_back({where, "у значения «" + v.value + "» (" + v.period() + ") не указан источник (атрибут cite)"});
        }
    }
    for (const auto& a : rs.acts) {
        if (!Date::parse_iso(a.date) || a.title.empty()) {
            out.push_back({InputLocation{rs.file.string(), 0, 0, a.id}, "у акта нет даты или заголовка"});
        }
    }
    if (rs.format == 1) {
        out.push_back({InputLocation{rs.file.string(), 0, 0, rs.id},
                       "набор правил в прежнем формате 1: ссылки на пункты не проверяются по структуре актов; "
                       "переведите его на формат 2 (docs/CONTRACTS.md §5)"});
    }
    return out;
}

std::string show(const Ruleset& rs) {
    std::string s = rs.id + ", версия " + rs.version + "\n" + rs.title + "\n";
    s += "Применяется: " + (rs.region.empty() ? std::string("все регионы") : rs.region) +
         (rs.municipality.empty() ? "" : ", " + rs.municipality) + "; действует с " + text::date_numeric(rs.valid_from) +
         (rs.valid_to ? " по " + text::date_numeric(*rs.valid_to) : std::string{}) + "\n" +
         text::capitalize(rs.bound_in_words()) + "\nФайл: " + rs.file.string() + "\n";
    s += "\nАкты:\n";
    for (const Act* a : rs.cited_acts()) {
        if (a->body) {
            s += "  " + a->id + ": " + a->nominative() + " «" + a->title + "» (" +
                 (a->force == Force::binding ? "обязательный" : "рекомендательный") + ", " + a->level + " уровень)\n";
        } else {
            s += "  " + a->id + ": " + a->issuer + ", " + a->kind + (a->number.empty() ? "" : " № " + a->number) + " от " +
                 a->date + " «" + a->title + "»\n";
        }
    }
    for (const auto& a : rs.adoptions) {
        s += "Принимает правило [" + a.rule_id + "]: ";
        for (std::size_t i = 0; i < a.citations.size(); ++i) s += (i ? "; " : "") + a.citations[i].text();
        s += "\n";
    }
    for (const auto& d : rs.deadlines) {
        s += "Срок $" + d.parameter + " для правил";
        for (const auto& id : d.rules) s += " [" + id + "]";
        s += ": ";
        for (std::size_t i = 0; i < d.citations.size(); ++i) s += (i ? "; " : "") + d.citations[i].text();
        s += "\n";
    }
    s += "\nПараметры:\n";
    for (const auto& p : rs.parameters) s += "  $" + p.id + " = " + parameter_values(p) + "\n";
    s += "\nПравила (" + std::to_string(rs.rules.size()) + "):\n";
    for (const auto& r : rs.rules) {
        s += "  [" + r.id + "] " + severity_name(r.severity) +
             (r.subject == Subject::municipality ? ", субъект — муниципалитет" : "") + " — " + r.title + "\n";
        s += "      основание: " + citations_text(r) + "\n";
        for (const auto& x : r.superseded_by) {
            s += "      если для того же объекта нарушено правило [" + x.rule_id + "], сообщается только оно (со ссылками обоих): " +
                 x.reason + "\n";
        }
    }
    return s;
}

std::string diff(const Ruleset& a, const Ruleset& b) {
    std::string s;
    if (a.valid_from != b.valid_from || a.valid_to != b.valid_to) {
        s += "Срок действия: с " + text::date_numeric(a.valid_from) + " → с " + text::date_numeric(b.valid_from) + "\n";
    }
    if (const auto was = a.bound_in_words(), now = b.bound_in_words(); was != now) {
        s += "Круг организаций:\n      было: " + was + "\n      стало: " + now + "\n";
    }
    for (const auto& r : b.rules) {
        if (find_rule(a, r.id) == nullptr) s += "+ правило [" + r.id + "] " + r.title + "\n";
    }
    for (const auto& r : a.rules) {
        if (find_rule(b, r.id) == nullptr) s += "- правило [" + r.id + "] " + r.title + "\n";
    }
    for (const auto& ra : a.rules) {
        const Rule* rb = find_rule(b, ra.id);
        if (rb == nullptr) continue;
        std::string changes;
        auto compare = [&](const char* what, const std::string& x, const std::string& y) {
            if (x != y) changes += "    " + std::string(what) + ":\n      было: " + x + "\n      стало: " + y + "\n";
        };
        compare("уровень", severity_name(ra.severity), severity_name(rb->severity));
        compare("субъект", ra.subject == Subject::municipality ? "муниципалитет" : "организация",
                rb->subject == Subject::municipality ? "муниципалитет" : "организация");
        compare("заголовок", ra.title, rb->title);
        compare("условие", condition_text(ra), condition_text(*rb));
        compare("сообщение", ra.message, rb->message);
        compare("основание", citations_text(ra), citations_text(*rb));
        const auto superseding = [](const Rule& r) {
            std::string ids;
            for (const auto& x : r.superseded_by) ids += (ids.empty() ? "[" : ", [") + x.rule_id + "]";
            return ids.empty() ? std::string("нет") : ids;
        };
        compare("вытесняется правилом того же объекта", superseding(ra), superseding(*rb));
        if (!changes.empty()) s += "~ правило [" + ra.id + "] " + rb->title + "\n" + changes;
    }
    for (const auto& pb : b.parameters) {
        const Parameter* pa = find_parameter(a, pb.id);
        if (pa == nullptr) s += "+ параметр $" + pb.id + " = " + parameter_values(pb) + "\n";
        else if (parameter_values(*pa) != parameter_values(pb)) {
            s += "~ параметр $" + pb.id + "\n      было: " + parameter_values(*pa) + "\n      стало: " + parameter_values(pb) + "\n";
        }
    }
    for (const auto& pa : a.parameters) {
        if (find_parameter(b, pa.id) == nullptr) s += "- параметр $" + pa.id + "\n";
    }
    return s;
}

std::string replay(const Ruleset& a, const Ruleset& b, const std::filesystem::path& dir, const Date& as_of,
                   const std::vector<const Ruleset*>& upper) {
    auto with_upper = [&](const Ruleset* rs) {
        std::vector<const Ruleset*> chain = upper;
        chain.push_back(rs);
        return chain;
    };
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::directory_iterator(dir)) {
        if (e.is_regular_file() && e.path().extension() == ".json") files.push_back(e.path());
    }
    std::sort(files.begin(), files.end());
    std::string s;
    std::size_t changed = 0;
    for (const auto& f : files) {
        const auto tree = data::DataTree::load(f);
        auto key = [](const CheckResult& r) {
            std::map<std::pair<std::string, std::string>, std::string> m;
            for (const auto& x : r.findings) m[{x.rule->id, x.subject.path}] = outcome_token(x.outcome);
            return m;
        };
        const auto before = key(check(tree, with_upper(&a), as_of));
        const auto after = key(check(tree, with_upper(&b), as_of));
        std::string lines;
        for (const auto& [k, v] : after) {
            const auto it = before.find(k);
            const std::string was = it == before.end() ? "нет проверки" : it->second;
            if (was != v) lines += "    [" + k.first + "] " + (k.second.empty() ? "организация" : k.second) + ": " + was + " → " + v + "\n";
        }
        for (const auto& [k, v] : before) {
            if (after.find(k) == after.end()) lines += "    [" + k.first + "] " + (k.second.empty() ? "организация" : k.second) + ": " + v + " → нет проверки\n";
        }
        if (!lines.empty()) {
            ++changed;
            s += "  " + f.filename().string() + " (" + tree.organisation_field("short_name") + "):\n" + lines;
        }
    }
    return "Организаций: " + std::to_string(files.size()) + ", результаты изменились у " + std::to_string(changed) +
           " (на " + text::date_numeric(as_of) + ")\n" + s;
}

}  // namespace nastavnik::rules
