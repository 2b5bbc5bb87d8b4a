#include "nastavnik/rules/ruleset.hpp"

#include "nastavnik/core/error.hpp"
#include "nastavnik/text/russian_dates.hpp"
#include "nastavnik/text/typography.hpp"
#include "rules/xml_loading.hpp"

#include <algorithm>
#include <cstring>

namespace nastavnik::rules {

namespace {

// The {expr} of a message or remedy template, in order («{{» is a literal brace); `closed` false:
// a brace left open, after the expressions before it.
struct TemplateExpressions {
    std::vector<std::string> expressions;
    bool closed = true;
};

TemplateExpressions template_expressions(const std::string& text) {
    TemplateExpressions found;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '{' && i + 1 < text.size() && text[i + 1] == '{') { ++i; continue; }
        if (text[i] != '{') continue;
        const std::size_t close = text.find('}', i + 1);
        if (close == std::string::npos) {
            found.closed = false;
            break;
        }
        found.expressions.push_back(text.substr(i + 1, close - i - 1));
        i = close;
    }
    return found;
}

template <typename F>
void for_children(xmlNodePtr parent, const char* name, F f) {
    for (xmlNodePtr c = parent->children; c != nullptr; c = c->next) {
        if (named(c, name)) f(c);
    }
}

xmlNodePtr child(xmlNodePtr parent, const char* name) {
    for (xmlNodePtr c = parent->children; c != nullptr; c = c->next) {
        if (named(c, name)) return c;
    }
    return nullptr;
}

Date date_attr(xmlNodePtr n, const char* name) {
    // The XSD has already checked xs:date; a bad day would not get here.
    return Date::parse_iso(attr(n, name)).value_or(Date{});
}

Severity parse_severity(const std::string& s) {
    if (s == "предупреждение") return Severity::warning;
    if (s == "к сведению") return Severity::info;
    return Severity::error;
}

class Loader {
public:
    Loader(Ruleset& rs, DiagnosticSink& sink) : rs_(rs), sink_(sink) {}

    void load(xmlNodePtr root) {
        for_children(root, "adopt", [&](xmlNodePtr a) {
            Adoption adoption{attr(a, "rule"), {}, {}, static_cast<int>(xmlGetLineNo(a))};
            for_children(a, "cite", [&](xmlNodePtr c) {
                if (auto cit = citation(c, adoption.rule_id)) adoption.citations.push_back(*cit);
            });
            if (xmlNodePtr n = child(a, "note")) adoption.note = collapsed_text(n);
            rs_.adoptions.push_back(std::move(adoption));
        });
        for_children(root, "deadline", [&](xmlNodePtr d) {
            Deadline deadline{attr(d, "parameter"), {}, {}, {}, static_cast<int>(xmlGetLineNo(d))};
            deadline.rules = attr_list(d, "rules");
            for_children(d, "cite", [&](xmlNodePtr c) {
                if (auto cit = citation(c, "$" + deadline.parameter)) deadline.citations.push_back(*cit);
            });
            if (xmlNodePtr n = child(d, "note")) deadline.note = collapsed_text(n);
            rs_.deadlines.push_back(std::move(deadline));
        });
        rs_.id = attr(root, "id");
        rs_.version = attr(root, "version");
        const std::string layer = attr(root, "layer");
        rs_.layer = layer == "федеральный" ? Layer::federal
                  : layer == "региональный" ? Layer::regional
                  : layer == "институциональный" ? Layer::institutional
                                                  : Layer::municipal;
        for_children(root, "disable", [&](xmlNodePtr d) {
            rs_.disabled.push_back(Disable{attr(d, "rule"), collapsed_text(d), static_cast<int>(xmlGetLineNo(d))});
        });
        if (xmlNodePtr t = child(root, "title")) rs_.title = collapsed_text(t);
        if (xmlNodePtr a = child(root, "applies")) {
            rs_.region = attr(a, "region");
            rs_.municipality = attr(a, "municipality");
            rs_.founders = attr_list(a, "founders");
            rs_.founders_whom = attr(a, "whom");
            for_children(a, "cite", [&](xmlNodePtr c) {
                if (auto cit = citation(c, "applies")) rs_.founders_cites.push_back(*cit);
            });
        }
        if (xmlNodePtr v = child(root, "valid")) {
            rs_.valid_from = date_attr(v, "from");
            if (!attr(v, "to").empty()) rs_.valid_to = date_attr(v, "to");
        }
        if (xmlNodePtr acts = child(root, "acts")) {
            for_children(acts, "act", [&](xmlNodePtr a) {
                Act act;
                act.id = attr(a, "id");
                act.kind = attr(a, "kind");
                act.issuer = attr(a, "issuer");
                act.number = attr(a, "number");
                act.date = attr(a, "date");
                act.title = attr(a, "title");
                act.file = rs_.file;
                if (xmlNodePtr note = child(a, "note")) act.note = collapsed_text(note);
                rs_.acts.push_back(std::move(act));
            });
        }
        if (xmlNodePtr params = child(root, "parameters")) {
            for_children(params, "parameter", [&](xmlNodePtr p) { parameter(p); });
        }
        for_children(root, "rule", [&](xmlNodePtr r) { rule(r); });
    }

private:
    void problem(xmlNodePtr n, const std::string& rule_id, std::string message) {
        sink_.add(InputLocation{rs_.file.string(), static_cast<int>(xmlGetLineNo(n)), 0, rule_id}, std::move(message));
    }

    // A <cite>: format 1 names an inline act and a clause as text; format 2 a recorded
    // document and the path of a node in it, both checked here.
    std::optional<Citation> citation(xmlNodePtr c, const std::string& owner) {
        if (rs_.format == 1) {
            const std::string act_id = attr(c, "act");
            const auto act = std::find_if(rs_.acts.begin(), rs_.acts.end(), [&](const Act& a) { return a.id == act_id; });
            if (act == rs_.acts.end()) {
                problem(c, owner, "ссылка на неизвестный акт «" + act_id + "»");
                return std::nullopt;
            }
            return Citation{&*act, nullptr, nullptr, attr(c, "clause"), attr(c, "quote")};
        }
        const std::string doc_id = attr(c, "doc");
        const Document* doc = rs_.library ? rs_.library->document(doc_id) : nullptr;
        if (doc == nullptr) {
            problem(c, owner, "ссылка на документ «" + doc_id + "», которого нет среди записанных актов (rulesets/acts/)");
            return std::nullopt;
        }
        const std::string at = attr(c, "at");
        const Node* node = nullptr;
        if (!at.empty()) {
            std::string why;
            node = doc->find(at, &why);
            if (node == nullptr) {
                problem(c, owner, "в документе «" + doc_id + "» (" + (doc->is_annex() ? doc->title : doc->act->title) +
                                      ") нет «" + at + "»: " + why);
                return std::nullopt;
            }
        }
        return Citation{doc->act, doc, node, at, attr(c, "quote")};
    }

    void parameter(xmlNodePtr p) {
        Parameter param{attr(p, "id"), attr(p, "unit"), {}, attr(p, "title")};
        for_children(p, "value", [&](xmlNodePtr v) {
            ParameterValue pv{date_attr(v, "from"), std::nullopt, collapsed_text(v), attr(v, "cite")};
            if (!attr(v, "to").empty()) pv.to = date_attr(v, "to");
            param.values.push_back(std::move(pv));
        });
        std::sort(param.values.begin(), param.values.end(),
                  [](const ParameterValue& a, const ParameterValue& b) { return a.from < b.from; });
        for (std::size_t i = 1; i < param.values.size(); ++i) {
            if (param.values[i].from == param.values[i - 1].from) {
                problem(p, param.id, "у параметра две величины с одной датой начала действия " +
                                         text::date_numeric(param.values[i].from));
            }
        }
        if (std::any_of(rs_.parameters.begin(), rs_.parameters.end(),
                        [&](const Parameter& q) { return q.id == param.id; })) {
            problem(p, param.id, "параметр «" + param.id + "» определён дважды");
        }
        rs_.parameters.push_back(std::move(param));
    }

    std::optional<xpath::Expression> expression(xmlNodePtr n, const std::string& rule_id, const char* what,
                                                const std::string& text) {
        try {
            return xpath::Expression::compile(text);
        } catch (const Error& e) {
            problem(n, rule_id, std::string(what) + ": " + e.diagnostics().front().message);
            return std::nullopt;
        }
    }

    void rule(xmlNodePtr r) {
        Rule rule;
        rule.id = attr(r, "id");
        rule.line = static_cast<int>(xmlGetLineNo(r));
        rule.severity = parse_severity(attr(r, "severity"));
        const std::string mode = attr(r, "mode");
        rule.mode = mode == "tighten" ? Mode::tighten : mode == "override" ? Mode::override_ : Mode::add;
        rule.subject = attr(r, "subject") == "муниципалитет" ? Subject::municipality : Subject::organisation;
        if (xmlNodePtr t = child(r, "title")) rule.title = collapsed_text(t);
        if (xmlNodePtr n = child(r, "note")) rule.note = collapsed_text(n);
        for_children(r, "superseded-by", [&](xmlNodePtr s) {
            rule.superseded_by.push_back(Supersession{attr(s, "rule"), collapsed_text(s), static_cast<int>(xmlGetLineNo(s))});
        });
        bool ok = true;
        if (auto e = expression(r, rule.id, "атрибут context", attr(r, "context"))) rule.context = *e; else ok = false;
        for_children(r, "requires", [&](xmlNodePtr q) {
            if (auto e = expression(q, rule.id, "requires/@test", attr(q, "test"))) {
                rule.requirements.push_back(Requirement{*e, collapsed_text(q), attr(q, "scope") == "rule"});
            } else {
                ok = false;
            }
        });
        if (xmlNodePtr a = child(r, "assert")) {
            if (auto e = expression(a, rule.id, "assert/@test", attr(a, "test"))) rule.assertion = *e; else ok = false;
        }
        for_children(r, "fact", [&](xmlNodePtr f) {
            if (auto e = expression(f, rule.id, "fact", collapsed_text(f))) rule.facts.push_back(Fact{attr(f, "label"), *e});
            else ok = false;
        });
        if (xmlNodePtr m = child(r, "message")) {
            rule.message = collapsed_text(m);
            check_template(m, rule.id, rule.message);
        }
        if (xmlNodePtr m = child(r, "remedy")) {
            rule.remedy = collapsed_text(m);
            check_template(m, rule.id, rule.remedy);
        }
        for_children(r, "cite", [&](xmlNodePtr c) {
            if (auto cit = citation(c, rule.id)) rule.citations.push_back(*cit);
            else ok = false;
        });
        for (const auto& [where, text] : rule.expressions()) {
            for (auto& v : xpath::references(text).variables) {
                if (std::find(rule.parameters_used.begin(), rule.parameters_used.end(), v) == rule.parameters_used.end()) {
                    rule.parameters_used.push_back(std::move(v));
                }
            }
        }
        if (std::any_of(rs_.rules.begin(), rs_.rules.end(), [&](const Rule& q) { return q.id == rule.id; })) {
            problem(r, rule.id, "правило с идентификатором «" + rule.id + "» уже есть в наборе");
            ok = false;
        }
        if (ok) rs_.rules.push_back(std::move(rule));
    }

    // Compiles every {expr} of a message so that a typo is a load error, not a run-time one.
    void check_template(xmlNodePtr n, const std::string& rule_id, const std::string& text) {
        const TemplateExpressions found = template_expressions(text);
        for (const auto& e : found.expressions) expression(n, rule_id, "выражение в сообщении", e);
        if (!found.closed) problem(n, rule_id, "сообщение: не закрыта фигурная скобка {");
    }

    Ruleset& rs_;
    DiagnosticSink& sink_;
};

}  // namespace

std::vector<std::pair<std::string, std::string>> Rule::expressions() const {
    std::vector<std::pair<std::string, std::string>> out;
    out.emplace_back("context", context.text());
    for (const auto& r : requirements) out.emplace_back("requires", r.test.text());
    out.emplace_back("assert", assertion.text());
    for (const auto& f : facts) out.emplace_back("fact «" + f.label + "»", f.value.text());
    for (const auto& [where, text] : {std::pair<const char*, const std::string*>{"message", &message}, {"remedy", &remedy}}) {
        for (auto& e : template_expressions(*text).expressions) out.emplace_back(where, std::move(e));
    }
    return out;
}

const char* layer_name(Layer l) {
    switch (l) {
        case Layer::federal: return "федеральный";
        case Layer::regional: return "региональный";
        case Layer::municipal: return "муниципальный";
        case Layer::institutional: return "институциональный";
    }
    return "муниципальный";
}

const char* severity_name(Severity s) {
    switch (s) {
        case Severity::error: return "ошибка";
        case Severity::warning: return "предупреждение";
        case Severity::info: return "к сведению";
    }
    return "ошибка";
}

std::string Citation::text() const {
    if (document != nullptr) {
        if (node == nullptr) return document->nominative_reference();
        std::string s = node_text() + " " + document->genitive_reference();
        // A unit added to the act later says so, as lawyers cite amended codes.
        for (const Node* n = node; n != nullptr; n = n->parent) {
            if (n->added_by.empty()) continue;
            const bool feminine = n->kind == "article" || n->kind == "part";
            s += " (" + n->unit() + "\u00A0" + n->number + (feminine ? " введена " : " введён ") + n->added_by + ")";
            break;
        }
        return s;
    }
    std::string s;
    if (act != nullptr) {
        if (!act->issuer.empty()) s += act->issuer + ", ";
        s += act->kind;
        if (auto d = Date::parse_iso(act->date)) s += " от " + text::date_numeric(*d);
        if (!act->number.empty()) s += " №\u00A0" + act->number;
    }
    // "4.1.2" is a пункт; "разд. IV, п. 7" or "преамбула, абз. 3" already say what they are.
    const bool bare_number = !clause.empty() && clause.front() >= '0' && clause.front() <= '9';
    if (!clause.empty()) s += (s.empty() ? "" : ", ") + (bare_number ? std::string("п.\u00A0") : std::string()) + clause;
    return s;
}

std::vector<std::string> Citation::path() const {
    if (node == nullptr) return {};
    std::vector<std::string> out;
    const Node* shown = node;
    out.push_back(node->key());
    for (const Node* n = node->parent; n != nullptr; n = n->parent) {
        // «4.1.2» already says it is in 4.1 and 4: those are left out; «2» in разд. IV is not.
        if (!n->number.empty() && shown->number.rfind(n->number + ".", 0) == 0) continue;
        out.insert(out.begin(), n->key());
        shown = n;
    }
    return out;
}

std::string Citation::node_text() const {
    if (node == nullptr) return {};
    // Innermost first, as in «п. 2 разд. IV», «ч. 2 ст. 351.8», «абз. 3 преамбулы».
    std::string s;
    const Node* shown = nullptr;
    for (const Node* n = node; n != nullptr; n = n->parent) {
        if (shown != nullptr && !n->number.empty() && shown->number.rfind(n->number + ".", 0) == 0) continue;
        if (!s.empty()) s += " ";
        if (n->kind == "preamble") s += shown == nullptr ? "преамбула" : "преамбулы";
        else s += n->unit() + "\u00A0" + n->number;
        shown = n;
    }
    return s;
}

bool Citation::in_force(const Date& day) const {
    if (act != nullptr) {
        if (auto d = Date::parse_iso(act->date); d && day < *d) return false;
    }
    for (const Node* n = node; n != nullptr; n = n->parent) {
        if (n->since && day < *n->since) return false;
    }
    return true;
}

std::string ParameterValue::period() const {
    return "с " + text::date_numeric(from) + (to ? " по " + text::date_numeric(*to) : std::string{});
}

std::string ParameterValue::dated(const std::string& text) const { return text::with_remark(text, period()); }

const ParameterValue* Parameter::at(const Date& day) const {
    const ParameterValue* found = nullptr;
    for (const auto& v : values) {
        if (v.from <= day && (!v.to || day <= *v.to)) found = &v;
    }
    return found;
}

std::vector<const Act*> Ruleset::cited_acts() const {
    std::vector<const Act*> out;
    if (format == 1) {
        for (const auto& a : acts) out.push_back(&a);
        return out;
    }
    auto add = [&](const std::vector<Citation>& cs) {
        for (const auto& c : cs) {
            if (c.act != nullptr && std::find(out.begin(), out.end(), c.act) == out.end()) out.push_back(c.act);
        }
    };
    for (const auto& r : rules) add(r.citations);
    for (const auto& a : adoptions) add(a.citations);
    for (const auto& d : deadlines) add(d.citations);
    add(founders_cites);
    return out;
}

bool Ruleset::in_force(const Date& day) const {
    return valid_from <= day && (!valid_to || day <= *valid_to);
}

bool Ruleset::applies_to(const std::string& r, const std::string& m) const {
    return (region.empty() || region == r) && (municipality.empty() || municipality == m);
}

bool Ruleset::binds_founder(const std::string& founder) const {
    if (founder.empty()) return true;
    if (founders.empty()) return layer != Layer::municipal || founder == "муниципальный";
    return std::find(founders.begin(), founders.end(), founder) != founders.end();
}

std::string Ruleset::bound_in_words(const std::function<std::string(const Citation&)>& cite, bool flat) const {
    if (founders.empty() && founders_whom.empty()) {
        return layer == Layer::municipal
                   ? "касается муниципальных организаций (круг организаций в акте не назван; по умолчанию — организации, "
                     "учредитель которых — муниципалитет)"
                   : "касается организаций любого учредителя (круг организаций в акте не ограничен)";
    }
    std::string s = "касается ";
    if (!founders_whom.empty()) {
        s += founders_whom;
    } else {
        s += "организаций, учредитель которых —";
        for (std::size_t i = 0; i < founders.size(); ++i) s += (i == 0 ? " " : " или ") + founders[i];
    }
    std::vector<std::string> clauses;
    for (const auto& c : founders_cites) clauses.push_back(cite ? cite(c) : c.text());
    if (clauses.empty()) return s;
    if (flat) {
        // A clause with a participial phrase («…, утверждённого приказом …») closes it with a
        // comma before «и».
        s += " согласно";
        for (std::size_t i = 0; i < clauses.size(); ++i) {
            const bool last = i + 1 == clauses.size();
            if (i > 0) s += last ? (clauses[i - 1].find(", ") != std::string::npos ? ", и" : " и") : ",";
            s += " " + clauses[i];
        }
        return s;
    }
    std::string joined;
    for (const auto& c : clauses) joined += (joined.empty() ? "" : "; ") + c;
    return s + " (" + joined + ")";
}

xpath::Variables Ruleset::parameters_at(const Date& day) const {
    xpath::Variables vars;
    for (const auto& p : parameters) {
        if (const ParameterValue* v = p.at(day)) vars[p.id] = v->value;
    }
    return vars;
}

Ruleset load_ruleset(const std::filesystem::path& file, const std::filesystem::path& schemas,
                     std::shared_ptr<const ActLibrary> library) {
    DiagnosticSink sink;
    XmlDocPtr doc = read_xml_file(file, sink);
    if (!doc) {
        sink.throw_if_any(ErrorCode::ruleset_invalid);
        throw Error(ErrorCode::ruleset_invalid, "набор правил не загружен", InputLocation{file.string(), 0, 0, {}});
    }
    xmlNodePtr root = xmlDocGetRootElement(doc.get());
    const std::string ns = root != nullptr && root->ns != nullptr ? reinterpret_cast<const char*>(root->ns->href) : "";
    const int format = ns == "urn:nastavnik:ruleset:1" ? 1 : ns == "urn:nastavnik:ruleset:2" ? 2 : 0;
    if (format == 0) {
        throw Error(ErrorCode::ruleset_invalid,
                    "неизвестный формат набора правил «" + ns + "»; ожидается urn:nastavnik:ruleset:2 (или прежний urn:nastavnik:ruleset:1)",
                    InputLocation{file.string(), root ? static_cast<int>(xmlGetLineNo(root)) : 0, 0, {}});
    }
    std::error_code ec;
    const auto dir = std::filesystem::is_directory(schemas, ec) ? schemas : schemas.parent_path();
    if (validate_with_schema(doc.get(), file, dir / ("ruleset-" + std::to_string(format) + ".xsd"), sink)) {
        Ruleset rs;
        rs.file = file;
        rs.format = format;
        rs.library = std::move(library);
        Loader(rs, sink).load(root);
        sink.throw_if_any(ErrorCode::ruleset_invalid);
        return rs;
    }
    sink.throw_if_any(ErrorCode::ruleset_invalid);
    throw Error(ErrorCode::ruleset_invalid, "набор правил не загружен", InputLocation{file.string(), 0, 0, {}});
}

}  // namespace nastavnik::rules
