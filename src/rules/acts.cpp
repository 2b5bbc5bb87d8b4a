#include "nastavnik/rules/acts.hpp"

#include "nastavnik/text/letter_case.hpp"

#include "nastavnik/core/file_io.hpp"
#include "nastavnik/text/russian_dates.hpp"
#include "rules/xml_loading.hpp"

#include <algorithm>
#include <cstring>
#include <regex>

namespace nastavnik::rules {

namespace {

constexpr const char* nbsp = "\u00A0";

xmlNodePtr child(xmlNodePtr parent, const char* name) {
    for (xmlNodePtr c = parent->children; c != nullptr; c = c->next) {
        if (named(c, name)) return c;
    }
    return nullptr;
}

bool is_node_element(xmlNodePtr n) {
    static const char* const kinds[] = {"preamble", "section", "article", "part", "item", "subitem", "paragraph"};
    return std::any_of(std::begin(kinds), std::end(kinds), [&](const char* k) { return named(n, k); });
}

struct KindForms {
    const char* nominative;
    const char* genitive;
    const char* dative;
    const char* instrumental;
    const char* gender;
};

// The kinds of acts the rulesets cite, in the cases a citation needs.
const KindForms* kind_forms(const std::string& kind) {
    static const KindForms forms[] = {
        {"приказ", "приказа", "приказу", "приказом", "м"},
        {"письмо", "письма", "письму", "письмом", "ср"},
        {"распоряжение", "распоряжения", "распоряжению", "распоряжением", "ср"},
        {"постановление", "постановления", "постановлению", "постановлением", "ср"},
        {"указ", "указа", "указу", "указом", "м"},
        {"федеральный закон", "Федерального закона", "Федеральному закону", "Федеральным законом", "м"},
        {"закон", "закона", "закону", "законом", "м"},
    };
    for (const auto& f : forms) {
        if (kind == f.nominative) return &f;
    }
    return nullptr;
}

enum class Case { nominative, genitive, dative, instrumental };

// «утверждённого», «утверждённой», «утверждённых», «направленным» …: agreement with the annex.
std::string participle(const std::string& stem, const std::string& gender, Case c) {
    const bool plural = gender == "мн";
    const bool feminine = gender == "ж";
    switch (c) {
        case Case::nominative:
            return stem + (plural ? "ые" : feminine ? "ая" : gender == "м" ? "ый" : "ое");
        case Case::genitive:
            return stem + (plural ? "ых" : feminine ? "ой" : "ого");
        case Case::dative:
            return stem + (plural ? "ым" : feminine ? "ой" : "ому");
        case Case::instrumental:
            return stem + (plural ? "ыми" : feminine ? "ой" : "ым");
    }
    return stem;
}

std::string requisites(const Act& a) {
    std::string s;
    if (auto d = Date::parse_iso(a.date)) s += " от " + text::date_numeric(*d);
    if (!a.number.empty()) s += std::string(" №") + nbsp + a.number;
    return s;
}

std::string act_in(const Act& a, Case c, bool with_bases = true) {
    if (c == Case::genitive && !a.name_genitive.empty()) return a.name_genitive;
    if (c == Case::nominative && !a.name_genitive.empty()) return a.title;
    const KindForms* f = kind_forms(a.kind);
    const std::string kind = f == nullptr ? a.kind
                             : c == Case::genitive     ? f->genitive
                             : c == Case::dative       ? f->dative
                             : c == Case::instrumental ? f->instrumental
                                                       : f->nominative;
    const std::string& issuer = a.issuer_genitive.empty() ? a.issuer : a.issuer_genitive;
    std::string s = kind + " " + issuer + requisites(a);
    // «…, изданного в соответствии с приказом Министерства … № 404»: the act it rests on.
    if (with_bases && !a.bases.empty()) {
        s += ", " + participle("изданн", f ? f->gender : "м", c) + " в соответствии с ";
        for (std::size_t i = 0; i < a.bases.size(); ++i) {
            s += (i == 0 ? "" : " и ") + act_in(*a.bases[i], Case::instrumental, false);
        }
    }
    return s;
}

std::string reference(const Document& d, Case c);

// How an annex hangs from the document above it: «, утверждённого приказом …»,
// «(приложение к методическим рекомендациям …, направленным письмом …)».
std::string link(const Document& d, Case c) {
    const Document& up = *d.parent;
    if (d.relation == "приложение") {
        return " (приложение" + (d.number.empty() ? std::string() : std::string(" №") + nbsp + d.number) + " к " +
               reference(up, Case::dative) + ")";
    }
    const std::string stem = d.relation == "направлено" ? "направленн" : "утверждённ";
    // Approved or sent by an act (the loader allows nothing else): the act in the instrumental.
    return ", " + participle(stem, d.gender, c) + " " + act_in(*up.act, Case::instrumental);
}

std::string reference(const Document& d, Case c) {
    if (!d.is_annex()) return act_in(*d.act, c);
    const std::string& name = c == Case::genitive ? d.genitive : c == Case::dative ? d.dative : d.title;
    return name + link(d, c);
}

void collect(const Node& n, std::vector<const Node*>& out) {
    out.push_back(&n);
    for (const auto& c : n.children) collect(*c, out);
}

// The nodes with `key` at the shallowest depth below `nodes` where any has it: «9» in a law is
// its article 9, not item 9 of a part deeper down.
void find_below(const std::vector<std::unique_ptr<Node>>& nodes, const std::string& key, std::vector<const Node*>& out) {
    std::vector<const Node*> level;
    for (const auto& n : nodes) level.push_back(n.get());
    while (!level.empty() && out.empty()) {
        std::vector<const Node*> next;
        for (const Node* n : level) {
            if (n->key() == key) out.push_back(n);
            for (const auto& c : n->children) next.push_back(c.get());
        }
        level = std::move(next);
    }
}

// Reads the nodes below `parent` (a document or a node element) into `out`.
void read_nodes(xmlNodePtr parent, const Document& doc, const Node* up, std::vector<std::unique_ptr<Node>>& out,
                const std::string& file, DiagnosticSink& sink) {
    for (xmlNodePtr c = parent->children; c != nullptr; c = c->next) {
        if (!is_node_element(c)) continue;
        auto n = std::make_unique<Node>();
        n->kind = reinterpret_cast<const char*>(c->name);
        n->number = attr(c, "n");
        n->title = attr(c, "title");
        if (const std::string s = attr(c, "since"); !s.empty()) n->since = Date::parse_iso(s);
        n->added_by = attr(c, "added-by");
        n->printed = attr(c, "printed");
        n->parent = up;
        n->document = &doc;
        n->line = static_cast<int>(xmlGetLineNo(c));
        read_nodes(c, doc, n.get(), n->children, file, sink);
        out.push_back(std::move(n));
    }
    // Two siblings with the same key could not be told apart by a citation.
    for (std::size_t i = 0; i < out.size(); ++i) {
        for (std::size_t j = i + 1; j < out.size(); ++j) {
            if (out[i]->key() == out[j]->key()) {
                sink.add(InputLocation{file, out[j]->line, 0, doc.id},
                         "«" + out[j]->key() + "» встречается в документе дважды на одном уровне");
            }
        }
    }
}

class ActLoader {
public:
    ActLoader(Act& act, DiagnosticSink& sink, std::map<std::string, const Document*>& documents)
        : act_(act), sink_(sink), documents_(documents) {}

    void load(xmlNodePtr root) {
        act_.id = attr(root, "id");
        act_.kind = attr(root, "kind");
        act_.level = attr(root, "level");
        act_.force = attr(root, "force") == "рекомендательный" ? Force::recommendation : Force::binding;
        act_.issuer = attr(root, "issuer");
        act_.issuer_genitive = attr(root, "issuer-genitive");
        act_.name_genitive = attr(root, "name-genitive");
        act_.short_name = attr(root, "short");
        act_.number = attr(root, "number");
        act_.date = attr(root, "date");
        act_.source = attr(root, "source");
        if (xmlNodePtr t = child(root, "title")) act_.title = collapsed_text(t);
        for (xmlNodePtr c = root->children; c != nullptr; c = c->next) {
            if (named(c, "note")) act_.note += (act_.note.empty() ? "" : " ") + collapsed_text(c);
            if (named(c, "basis")) act_.basis_ids.push_back(attr(c, "act"));
        }
        if (act_.name_genitive.empty() && (act_.issuer_genitive.empty() || kind_forms(act_.kind) == nullptr)) {
            problem(root, "у акта вида «" + act_.kind + "» укажите issuer-genitive (издатель в родительном падеже) и вид из "
                          "известных (приказ, письмо, распоряжение, постановление, указ, закон, федеральный закон) либо name-genitive");
        }
        act_.body = std::make_unique<Document>();
        act_.body->id = act_.id;
        act_.body->act = &act_;
        read_document(root, *act_.body);
    }

private:
    void problem(xmlNodePtr n, std::string message) {
        sink_.add(InputLocation{act_.file.string(), static_cast<int>(xmlGetLineNo(n)), 0, act_.id}, std::move(message));
    }

    void read_document(xmlNodePtr element, Document& doc) {
        if (!documents_.emplace(doc.id, &doc).second) problem(element, "документ «" + doc.id + "» уже записан в другом акте");
        read_nodes(element, doc, nullptr, doc.nodes, act_.file.string(), sink_);
        for (xmlNodePtr c = element->children; c != nullptr; c = c->next) {
            if (!named(c, "annex")) continue;
            auto a = std::make_unique<Document>();
            a->id = attr(c, "id");
            a->act = &act_;
            a->parent = &doc;
            a->number = attr(c, "n");
            a->gender = attr(c, "gender");
            a->relation = attr(c, "relation");
            if (const std::string d = attr(c, "heading-date"); !d.empty()) a->heading_date = Date::parse_iso(d);
            a->heading_number = attr(c, "heading-number");
            a->begins = attr(c, "begins");
            a->model_of = attr(c, "model-of");
            if (xmlNodePtr t = child(c, "title")) a->title = collapsed_text(t);
            if (xmlNodePtr g = child(c, "genitive")) a->genitive = collapsed_text(g);
            if (xmlNodePtr d = child(c, "dative")) a->dative = collapsed_text(d);
            if (a->relation != "приложение" && doc.is_annex()) {
                problem(c, "приложение «" + a->id + "» может быть утверждено или направлено только самим актом; "
                           "к другому приложению оно прилагается (relation=\"приложение\")");
            }
            if (a->relation == "приложение" && doc.is_annex() && doc.dative.empty()) {
                problem(c, "у приложения «" + doc.id + "», к которому прилагается «" + a->id + "», нет формы в дательном падеже (dative)");
            }
            read_document(c, *a);
            doc.annexes.push_back(std::move(a));
        }
    }

    Act& act_;
    DiagnosticSink& sink_;
    std::map<std::string, const Document*>& documents_;
};

// The lines of a source text and where a document's span starts and ends in them.
struct Span {
    std::size_t from = 0, to = 0;
};

std::string regex_escape(const std::string& s) {
    static const std::regex special(R"([.^$|()\[\]{}*+?\\])");
    return std::regex_replace(s, special, R"(\$&)");
}

void check_document_text(const Document& doc, const std::vector<std::string>& lines, Span span, const Act& act,
                         const std::string& source, std::vector<Diagnostic>& out) {
    // Annexes take the part of the span from their own beginning on.
    std::vector<std::pair<const Document*, std::size_t>> starts;
    for (const auto& a : doc.annexes) {
        if (a->begins.empty()) continue;
        const std::regex begins(a->begins);
        std::size_t at = span.to;
        for (std::size_t i = span.from; i < span.to; ++i) {
            if (std::regex_search(lines[i], begins)) { at = i; break; }
        }
        if (at == span.to) {
            out.push_back({InputLocation{act.file.string(), 0, 0, a->id},
                           "начало приложения («" + a->begins + "») не найдено в тексте " + source});
            continue;
        }
        starts.emplace_back(a.get(), at);
    }
    const std::size_t own_end = starts.empty() ? span.to : starts.front().second;
    for (const Node* n : doc.all_nodes()) {
        if (n->number.empty() || n->kind == "paragraph") continue;
        const std::regex line("^(?:\\s|-|\u2014|\u2013|\\*)*" + regex_escape(n->printed.empty() ? n->number : n->printed) +
                              "(\\.|\\s|$)");
        bool found = false;
        for (std::size_t i = span.from; i < own_end && !found; ++i) found = std::regex_search(lines[i], line);
        if (!found) {
            out.push_back({InputLocation{act.file.string(), n->line, 0, doc.id},
                           n->unit() + nbsp + n->number + " не найден в тексте " + source +
                               (doc.is_annex() ? " (в приложении «" + doc.title + "»)" : " (в тексте самого акта)")});
        }
    }
    for (std::size_t i = 0; i < starts.size(); ++i) {
        const Span sub{starts[i].second, i + 1 < starts.size() ? starts[i + 1].second : span.to};
        check_document_text(*starts[i].first, lines, sub, act, source, out);
    }
}

}  // namespace

std::string Node::unit() const {
    if (kind == "section") return "разд.";
    if (kind == "article") return "ст.";
    if (kind == "part") return "ч.";
    if (kind == "subitem") return "подп.";
    if (kind == "paragraph") return "абз.";
    if (kind == "preamble") return "преамбула";
    return "п.";
}

std::string Node::key() const { return kind == "preamble" ? "преамбула" : number; }

std::string Document::genitive_reference() const { return reference(*this, Case::genitive); }

std::vector<const Node*> Document::all_nodes() const {
    std::vector<const Node*> out;
    for (const auto& n : nodes) collect(*n, out);
    return out;
}

const Node* Document::find(const std::string& path, std::string* why) const {
    std::vector<std::string> keys;
    for (std::size_t start = 0;;) {
        const std::size_t slash = path.find('/', start);
        keys.push_back(path.substr(start, slash == std::string::npos ? std::string::npos : slash - start));
        if (slash == std::string::npos) break;
        start = slash + 1;
    }
    const Node* at = nullptr;
    for (const auto& key : keys) {
        std::vector<const Node*> found;
        find_below(at == nullptr ? nodes : at->children, key, found);
        if (found.size() != 1) {
            if (why != nullptr) {
                *why = found.empty() ? "нет «" + key + "»" + (at ? " внутри «" + at->key() + "»" : std::string())
                                     : "«" + key + "» встречается " + std::to_string(found.size()) +
                                           " раза; уточните путь (например, «раздел/пункт»)";
            }
            return nullptr;
        }
        at = found.front();
    }
    return at;
}

std::string Act::genitive() const { return act_in(*this, Case::genitive); }
std::string Act::dative() const { return act_in(*this, Case::dative); }
std::string Act::nominative() const { return act_in(*this, Case::nominative); }

std::string Act::full_name() const {
    // A law or a code is known by its title (its genitive name given): a code by the title
    // alone, a law by its kind, date, number and title.
    if (!name_genitive.empty()) {
        if (kind == "кодекс") return title;
        return text::capitalize(kind) + requisites(*this) + (title.empty() ? "" : " «" + title + "»");
    }
    return act_in(*this, Case::nominative, false) + (title.empty() ? "" : " «" + title + "»");
}
std::string Act::full_name_instrumental() const {
    return act_in(*this, Case::instrumental, false) + (title.empty() ? "" : " «" + title + "»");
}
std::string Act::instrumental() const { return act_in(*this, Case::instrumental); }

std::string Document::nominative_reference() const { return reference(*this, Case::nominative); }

std::shared_ptr<const ActLibrary> ActLibrary::load(const std::filesystem::path& dir, const std::filesystem::path& schema) {
    auto lib = std::make_shared<ActLibrary>();
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) return lib;
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::directory_iterator(dir)) {
        if (e.is_regular_file() && e.path().extension() == ".xml") files.push_back(e.path());
    }
    std::sort(files.begin(), files.end());
    DiagnosticSink sink;
    for (const auto& f : files) {
        XmlDocPtr doc = read_xml_file(f, sink);
        if (!doc || !validate_with_schema(doc.get(), f, schema, sink)) continue;
        auto act = std::make_unique<Act>();
        act->file = f;
        ActLoader(*act, sink, lib->documents_).load(xmlDocGetRootElement(doc.get()));
        if (std::any_of(lib->acts_.begin(), lib->acts_.end(), [&](const auto& a) { return a->id == act->id; })) {
            sink.add(InputLocation{f.string(), 0, 0, act->id}, "акт «" + act->id + "» уже записан в другом файле");
        }
        lib->acts_.push_back(std::move(act));
    }
    for (auto& a : lib->acts_) {
        for (const auto& id : a->basis_ids) {
            if (const Act* b = lib->act(id)) a->bases.push_back(b);
            else sink.add(InputLocation{a->file.string(), 0, 0, a->id}, "основание «" + id + "» не записано среди актов");
        }
    }
    sink.throw_if_any(ErrorCode::ruleset_invalid);
    return lib;
}

const Act* ActLibrary::act(const std::string& id) const {
    for (const auto& a : acts_) {
        if (a->id == id) return a.get();
    }
    return nullptr;
}

const Document* ActLibrary::document(const std::string& id) const {
    const auto it = documents_.find(id);
    return it == documents_.end() ? nullptr : it->second;
}

std::vector<Diagnostic> check_against_texts(const ActLibrary& library, const std::filesystem::path& texts) {
    std::vector<Diagnostic> out;
    for (const auto& a : library.all()) {
        if (a->source.empty() || !a->body) continue;
        std::error_code ec;
        const auto file = texts / a->source;
        if (!std::filesystem::is_regular_file(file, ec)) continue;
        std::vector<std::string> lines;
        const std::string text = read_file(file, 16u << 20);
        for (std::size_t start = 0; start <= text.size();) {
            const std::size_t nl = text.find('\n', start);
            lines.push_back(text.substr(start, nl == std::string::npos ? std::string::npos : nl - start));
            if (nl == std::string::npos) break;
            start = nl + 1;
        }
        check_document_text(*a->body, lines, Span{0, lines.size()}, *a, a->source, out);
    }
    return out;
}

}  // namespace nastavnik::rules
