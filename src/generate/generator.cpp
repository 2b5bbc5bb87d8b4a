#include "nastavnik/generate/generator.hpp"

#include "nastavnik/core/error.hpp"
#include "nastavnik/core/file_io.hpp"
#include "nastavnik/docx/template.hpp"
#include "nastavnik/pdf/render.hpp"
#include "nastavnik/xpath/evaluator.hpp"

#include <algorithm>

namespace nastavnik::generate {

namespace {

// A registration number not yet known is left as a line to fill in by hand at registration
// (ГОСТ Р 7.0.97: the number is assigned when the document is signed), never as a tag.
constexpr const char* blank_number = "________";

void refuse_if_violated(const rules::CheckResult& check) {
    std::vector<Diagnostic> reasons;
    for (const auto& f : check.findings) {
        if (f.outcome == rules::Outcome::violated && f.rule->severity == rules::Severity::error) {
            reasons.push_back(Diagnostic{f.subject, "[" + f.rule->id + "] " + f.message});
        }
    }
    if (reasons.empty()) return;
    reasons.insert(reasons.begin(),
                   Diagnostic{{}, "документы не сформированы: данные нарушают обязательные требования (" +
                                      std::to_string(reasons.size()) +
                                      "). Исправьте данные или запустите с --force, чтобы сформировать документы всё равно:"});
    throw Error(ErrorCode::generation_refused, std::move(reasons));
}

// $order_date / $order_number: the recorded act of the document's kind (the order approving
// the Положение, the order fixing the pairs …), unless given explicitly.
xpath::Variables document_variables(const data::DataTree& tree, const Options& options, const std::string& act_kind) {
    xpath::Evaluator ev(tree.doc(), options.as_of.iso());
    const auto recorded = xpath::Expression::compile("(/data/acts/act[kind = '" + act_kind + "'])[last()]");
    const auto nodes = ev.nodes(recorded, tree.root());
    std::string date = options.as_of.iso();
    std::string number = blank_number;
    if (!nodes.empty()) {
        date = ev.string(xpath::Expression::compile("date"), nodes.front());
        const std::string n = ev.string(xpath::Expression::compile("number"), nodes.front());
        if (!n.empty()) number = n;
    }
    if (options.order_date) date = *options.order_date;
    if (options.order_number) number = *options.order_number;
    return {{"order_date", date}, {"order_number", number}};
}

// A file name made from data stays a plain name inside the output folder: no separators, no
// control characters, no leading dot, no more than 150 bytes before the extension.
std::string safe_file_name(std::string name) {
    // Non-breaking spaces belong in documents, not in file names.
    for (std::size_t pos; (pos = name.find("\u00A0")) != std::string::npos;) name.replace(pos, 2, " ");
    std::string out;
    for (char c : name) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '/' || c == '\\' || u < 0x20 || c == ':' || c == '*' || c == '?' || c == '"' || c == '<' || c == '>' || c == '|') {
            out += '_';
        } else {
            out += c;
        }
    }
    while (!out.empty() && (out.front() == '.' || out.front() == ' ')) out.erase(out.begin());
    const auto dot = out.rfind(".docx");
    std::string stem = dot == std::string::npos ? out : out.substr(0, dot);
    while (!stem.empty() && (stem.back() == '.' || stem.back() == ' ')) stem.pop_back();  // "И.О..docx"
    if (stem.size() > 150) {
        stem.resize(150);
        while (!stem.empty() && (static_cast<unsigned char>(stem.back()) & 0xC0) == 0x80) stem.pop_back();
        if (!stem.empty() && (static_cast<unsigned char>(stem.back()) & 0xC0) == 0xC0) stem.pop_back();
    }
    return (stem.empty() ? std::string("документ") : stem) + ".docx";
}

struct Rendered {
    const DocumentKind* kind;
    std::string file_name;
    std::string bytes;
    std::vector<Diagnostic> warnings = {};
};

// The PDF of each filled DOCX, dated by the as-of date so that output stays reproducible;
// nothing is written before every document has rendered (all or nothing).
void apply_format(std::vector<Rendered>& rendered, const Options& options) {
    if (options.format == OutputFormat::docx) return;
    std::vector<Rendered> out;
    for (auto& r : rendered) {
        pdf::RenderOptions ro;
        ro.file_name = r.file_name;
        ro.title = r.kind->title;
        ro.creation_date = options.as_of;
        std::string name = r.file_name.substr(0, r.file_name.size() - 5) + ".pdf";
        auto result = pdf::render_docx(r.bytes, ro);
        Rendered p{r.kind, std::move(name), std::move(result.pdf), std::move(result.warnings)};
        if (options.format == OutputFormat::both) out.push_back(std::move(r));
        out.push_back(std::move(p));
    }
    rendered = std::move(out);
}

}  // namespace

const std::vector<DocumentKind>& document_kinds() {
    static const std::vector<DocumentKind> kinds = {
        {"polozhenie", "Положение о системе наставничества педагогических работников", "polozhenie.docx",
         "Положение о системе наставничества.docx", "приказ об утверждении положения", ""},
        {"prikaz-polozhenie", "Приказ об утверждении Положения о системе наставничества",
         "prikaz-ob-utverzhdenii-polozheniya.docx", "Приказ об утверждении Положения о системе наставничества.docx",
         "приказ об утверждении положения", ""},
        {"prikaz-pary", "Приказ о закреплении наставнических пар (групп)", "prikaz-o-zakreplenii-par.docx",
         "Приказ о закреплении наставнических пар (групп).docx", "приказ о закреплении наставнических пар", ""},
        {"dorozhnaya-karta", "Дорожная карта (план мероприятий) по реализации Положения", "dorozhnaya-karta.docx",
         "Дорожная карта по реализации Положения о системе наставничества.docx", "дорожная карта", ""},
        {"soglasie-nastavnika", "Согласие наставника", "soglasie-nastavnika.docx",
         "Согласие наставника {n:surname-initials(person)}.docx", "приказ о назначении наставников",
         "/data/mentors/mentor"},
    };
    return kinds;
}

std::vector<Written> generate(const data::DataTree& tree, const rules::CheckResult& check, const Options& options) {
    if (!options.force) refuse_if_violated(check);

    for (const auto& id : options.only) {
        const auto& kinds = document_kinds();
        if (std::none_of(kinds.begin(), kinds.end(), [&](const DocumentKind& k) { return k.id == id; })) {
            std::string known;
            for (const auto& k : kinds) known += (known.empty() ? "" : ", ") + k.id;
            throw Error(ErrorCode::usage, "--only: нет вида документа «" + id + "»; есть: " + known);
        }
    }
    std::vector<Rendered> rendered;
    std::vector<Diagnostic> problems;
    for (const auto& kind : document_kinds()) {
        if (!options.only.empty() && std::find(options.only.begin(), options.only.end(), kind.id) == options.only.end()) continue;
        try {
            xpath::Evaluator ev(tree.doc(), options.as_of.iso(), document_variables(tree, options, kind.act_kind));
            const auto tpl = docx::Template::load(options.templates_dir / kind.template_file);
            std::vector<xmlNodePtr> items{tree.root()};
            if (!kind.each.empty()) items = ev.nodes(xpath::Expression::compile(kind.each), tree.root());
            for (xmlNodePtr item : items) {
                const std::string base = safe_file_name(ev.interpolate(kind.output_name, item));
                std::string name = base;
                // Two mentors with the same surname and initials must not overwrite each other.
                auto taken = [&](const std::string& n) {
                    return std::any_of(rendered.begin(), rendered.end(), [&](const Rendered& r) { return r.file_name == n; });
                };
                for (int n = 2; taken(name); ++n) name = base.substr(0, base.size() - 5) + " (" + std::to_string(n) + ").docx";
                rendered.push_back(Rendered{&kind, name, tpl.render(ev, item)});
            }
        } catch (const Error& e) {
            problems.insert(problems.end(), e.diagnostics().begin(), e.diagnostics().end());
        }
    }
    if (!problems.empty()) throw Error(ErrorCode::template_invalid, std::move(problems));
    apply_format(rendered, options);

    std::error_code ec;
    std::filesystem::create_directories(options.out_dir, ec);
    if (ec) {
        throw Error(ErrorCode::io, "не удаётся создать папку для документов: " + ec.message(),
                    InputLocation{options.out_dir.string(), 0, 0, {}});
    }
    std::vector<Written> written;
    try {
        for (const auto& r : rendered) {
            const auto file = options.out_dir / r.file_name;
            write_file_atomic(file, r.bytes);
            written.push_back(Written{r.kind->id, file, r.bytes.size(), r.warnings});
        }
    } catch (...) {
        // All or nothing: take back what this run has already written.
        for (const auto& w : written) std::filesystem::remove(w.file, ec);
        throw;
    }
    return written;
}

}  // namespace nastavnik::generate
