#include "nastavnik/generate/generator.hpp"

#include "nastavnik/core/error.hpp"
#include "nastavnik/core/file_io.hpp"
#include "nastavnik/docx/template.hpp"
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

}  // namespace

const std::vector<DocumentKind>& document_kinds() {
    static const std::vector<DocumentKind> kinds = {
        {"polozhenie", "Положение о системе наставничества педагогических работников", "polozhenie.docx",
         "Положение о системе наставничества.docx", "приказ об утверждении положения"},
        {"prikaz-polozhenie", "Приказ об утверждении Положения о системе наставничества",
         "prikaz-ob-utverzhdenii-polozheniya.docx", "Приказ об утверждении Положения о системе наставничества.docx",
         "приказ об утверждении положения"},
        {"prikaz-pary", "Приказ о закреплении наставнических пар (групп)", "prikaz-o-zakreplenii-par.docx",
         "Приказ о закреплении наставнических пар (групп).docx", "приказ о закреплении наставнических пар"},
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
    std::vector<std::pair<const DocumentKind*, std::string>> rendered;
    std::vector<Diagnostic> problems;
    for (const auto& kind : document_kinds()) {
        if (!options.only.empty() && std::find(options.only.begin(), options.only.end(), kind.id) == options.only.end()) continue;
        try {
            xpath::Evaluator ev(tree.doc(), options.as_of.iso(), document_variables(tree, options, kind.act_kind));
            const auto tpl = docx::Template::load(options.templates_dir / kind.template_file);
            rendered.emplace_back(&kind, tpl.render(ev, tree.root()));
        } catch (const Error& e) {
            problems.insert(problems.end(), e.diagnostics().begin(), e.diagnostics().end());
        }
    }
    if (!problems.empty()) throw Error(ErrorCode::template_invalid, std::move(problems));

    std::error_code ec;
    std::filesystem::create_directories(options.out_dir, ec);
    if (ec) {
        throw Error(ErrorCode::io, "не удаётся создать папку для документов: " + ec.message(),
                    InputLocation{options.out_dir.string(), 0, 0, {}});
    }
    std::vector<Written> written;
    try {
        for (const auto& [kind, bytes] : rendered) {
            const auto file = options.out_dir / kind->output_name;
            write_file_atomic(file, bytes);
            written.push_back(Written{kind->id, file, bytes.size()});
        }
    } catch (...) {
        // All or nothing: take back what this run has already written.
        for (const auto& w : written) std::filesystem::remove(w.file, ec);
        throw;
    }
    return written;
}

}  // namespace nastavnik::generate
