#include "nastavnik/batch/batch.hpp"

#include "nastavnik/data/monitoring.hpp"
#include "nastavnik/workbook/workbook.hpp"

#include "nastavnik/core/error.hpp"
#include "nastavnik/core/file_io.hpp"
#include "nastavnik/rules/jurisdiction.hpp"
#include "nastavnik/rules/report.hpp"
#include "nastavnik/xpath/evaluator.hpp"
#include "batch/municipal.hpp"

#include <openssl/evp.h>
#include <sys/stat.h>

#include <cerrno>

#include <algorithm>
#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <thread>

namespace nastavnik::batch {

namespace {

constexpr const char* organisations_dir = "организации";

// Organisations of one municipality share their rulesets: each composition is made once, with
// its parameters on the run's date, and shared by the threads. A composition that fails is not
// kept: every organisation it concerns reports the error.
class RulesetCache {
public:
    struct Entry {
        rules::Composition composition;
        xpath::Variables parameters;
    };

    explicit RulesetCache(const Date& as_of) : as_of_(as_of) {}

    const Entry& get(const std::vector<const rules::Ruleset*>& rulesets) {
        std::lock_guard lock(mutex_);
        if (const auto it = entries_.find(rulesets); it != entries_.end()) return *it->second;
        auto entry = std::make_unique<Entry>();
        entry->composition = rules::compose(rulesets);
        entry->parameters = entry->composition.parameters_at(as_of_);
        return *entries_.emplace(rulesets, std::move(entry)).first->second;
    }

private:
    Date as_of_;
    std::mutex mutex_;
    std::map<std::vector<const rules::Ruleset*>, std::unique_ptr<const Entry>> entries_;
};

struct Work {
    const MunicipalityInput& input;
    const rules::Catalog& catalog;
    RulesetCache& rulesets;
    const generate::TemplateSet* templates;  // null when check_only
    const Options& options;
    std::string municipality_name;
};

// Files of an earlier run that this run did not write again (a document kind no longer
// produced, a leftover temporary file of a killed run) would otherwise be mistaken for current.
void remove_stale(const std::filesystem::path& dir, const std::set<std::string>& keep) {
    std::error_code ec;
    for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        if (it->is_regular_file(ec) && keep.count(it->path().filename().string()) == 0) {
            std::filesystem::remove(it->path(), ec);
        }
    }
}

// An organisation whose data fail the schema is still named by what its file says it is: the
// municipality's documents name it (a file name is no name for an official document). A JSON
// file that does not parse is read up to its error (reader H, F3: the short name stood on line 5,
// the missing comma after it), a workbook from the cells that read: the name is the value at
// organisation.short_name (else its full name) in the structure read, never a «name» found
// anywhere in the text.
void name_of_unreadable(const OrganisationSource& src, OrganisationResult& r) {
    try {
        std::optional<input::JsonValue> read;
        const input::JsonValue* root = src.item.get();
        if (root == nullptr && workbook::is_workbook_file(src.file)) {
            if (auto lenient = workbook::read_workbook_leniently(src.file, data::organisation_file_format())) root = &read.emplace(std::move(*lenient));
        } else if (root == nullptr && src.file.extension() == ".json") {
            root = &read.emplace(input::parse_json_prefix(read_file(src.file, input::JsonLimits::max_file_bytes)));
        }
        const input::JsonValue* org = root != nullptr && root->is(input::JsonValue::Kind::object) ? root->find("organisation") : nullptr;
        if (org == nullptr) return;
        for (const char* key : {"short_name", "full_name"}) {
            const input::JsonValue* name = org->find(key);
            if (name != nullptr && name->kind == input::JsonValue::Kind::string && !name->scalar.empty()) {
                r.name = name->scalar;
                break;
            }
        }
        const input::JsonValue* type = org->find("type");
        if (type != nullptr && type->kind == input::JsonValue::Kind::string && r.type.empty()) r.type = type->scalar;
    } catch (const Error&) {
        // Not even readable: the documents number it in the list.
    }
}

OrganisationResult process(const OrganisationSource& src, const Work& work) {
    const Options& options = work.options;
    OrganisationResult r;
    r.label = src.label;
    r.folder = src.folder;
    const std::string rel_dir = std::string(organisations_dir) + "/" + src.folder;
    try {
        const data::DataTree tree = src.item ? data::DataTree::from_json(*src.item, src.file.string())
                                             : workbook::load_tree(src.file, data::organisation_file_format(), &r.input_warnings);
        r.name = tree.organisation_field("short_name");
        r.type = tree.organisation_field("type");
        const std::string municipality = tree.organisation_field("municipality");
        if (rules::place_key(municipality) != rules::place_key(work.municipality_name)) {
            // A file from another city's folder would be checked against the wrong rulesets
            // and counted in the wrong report.
            xpath::Evaluator ev(tree.doc(), options.as_of.iso());
            const auto field = ev.nodes(xpath::Expression::compile("/data/organisation/municipality"), tree.root());
            throw Error(ErrorCode::data_invalid,
                        "организация относится к муниципалитету «" + municipality + "», а обрабатывается в составе «" +
                            work.municipality_name + "» (municipality.json)",
                        tree.location(field.empty() ? tree.root() : field.front()));
        }
        const auto selection = rules::select_rulesets(work.catalog, tree, options.as_of);
        const auto& rulesets = selection.rulesets;
        if (rulesets.empty()) {
            throw Error(ErrorCode::data_invalid,
                        "нет набора правил, действующего на " + options.as_of.iso() + " для региона «" +
                            tree.organisation_field("region") + "» и муниципалитета «" + municipality + "»",
                        tree.location(tree.root()));
        }
        for (const auto* rs : rulesets) r.rulesets.push_back(rs->id + " " + rs->version);
        const auto& rules_in_force = work.rulesets.get(rulesets);
        auto check = rules::check(tree, rules_in_force.composition, rules_in_force.parameters, options.as_of);
        rules::describe_check(check, selection, tree);
        r.errors = check.count_violated(rules::Severity::error);
        r.warnings = check.count_violated(rules::Severity::warning);
        r.not_evaluable = check.gaps();
        r.indicators = indicators(tree, options.as_of);
        r.findings = findings_in_words(check, tree, options.as_of);
        {
            // The indicators the acts in force ask for (ruleset parameters monitoring_stage1/2);
            // exams only where there are exams.
            const std::string year = data::monitoring::year_of(options.as_of);
            for (const char* name : {"monitoring_stage1", "monitoring_stage2"}) {
                const auto it = rules_in_force.parameters.find(name);
                if (it == rules_in_force.parameters.end()) continue;
                for (std::size_t from = 0; from <= it->second.size();) {
                    const auto bar = std::min(it->second.find('|', from), it->second.size());
                    const std::string id = it->second.substr(from, bar - from);
                    from = bar + 1;
                    if (id.empty() || (id == "exam_pass_share" && r.type != "общеобразовательная")) continue;
                    if (std::find(r.monitoring_planned.begin(), r.monitoring_planned.end(), id) == r.monitoring_planned.end()) {
                        r.monitoring_planned.push_back(id);
                    }
                }
            }
            const Date from = *data::monitoring::year_start(year);
            const Date to = Date(from.year() + 1, 8, 31);
            xpath::Evaluator ev(tree.doc(), options.as_of.iso());
            for (xmlNodePtr p : ev.nodes(xpath::Expression::compile("/data/pairs/pair/programme | /data/groups/group/programme"),
                                         tree.root())) {
                const auto start = Date::parse_iso(ev.string(xpath::Expression::compile("start"), p));
                const auto end = Date::parse_iso(ev.string(xpath::Expression::compile("end"), p));
                if (start && end && !(to < *start) && !(*end < from)) ++r.programmes_this_year;
            }
            r.monitoring_now = monitoring_values(tree, year);
            const std::string previous = data::monitoring::previous_year(year);
            r.monitoring_before = monitoring_values(tree, previous);
            r.previous = recorded_year(tree, previous);
        }

        std::vector<generate::Document> files;
        std::string report = rules::report_text(check, tree);
        if (!r.input_warnings.empty()) {
            // What the workbook held and the program did not read is said where the results are.
            std::string read = "Предупреждения при чтении книги:\n";
            for (const auto& w : r.input_warnings) read += "  " + w.to_string() + "\n";
            report = read + "\n" + report;
        }
        files.push_back({nullptr, "Результат проверки.txt", std::move(report)});
        files.push_back({nullptr, "Результат проверки.json", rules::report_json(check, tree)});
        r.status = r.errors > 0            ? Status::violations
                   : r.warnings > 0        ? Status::findings
                   : r.not_evaluable > 0   ? Status::incomplete
                                           : Status::compliant;
        if (!options.check_only) {
            // Refused as `generate` refuses: not for what concerns only programmes that ended.
            auto reasons = options.force ? std::vector<Diagnostic>{} : generate::refusal_reasons(check, tree, options.as_of);
            if (!reasons.empty()) {
                r.status = Status::refused;
                r.reasons = std::move(reasons);
            } else {
                generate::Options g;
                g.as_of = options.as_of;
                if (options.date) g.order_date = options.date->iso();
                g.force = options.force;
                g.reissue = options.reissue;
                g.format = options.format;
                g.check = &check;
                g.catalog = &work.catalog;
                auto package = generate::render_package(tree, g, *work.templates);
                r.remedy_deadline = package.remedy_deadline;
                for (auto& d : package.documents) files.push_back(std::move(d));
                for (const auto& f : package.failures) {
                    r.status = Status::failed;
                    for (const auto& d : f.problems) {
                        r.reasons.push_back(Diagnostic{d.where, "«" + f.kind->title + "» не сформирован: " + d.message});
                    }
                }
            }
        }
        const auto dir = options.out_dir / organisations_dir / src.folder;
        std::error_code ec;
        // One mkdir where it can do (organisations/ exists after the first organisation);
        // create_directories looks at every parent first.
        const bool created = ::mkdir(dir.c_str(), 0777) == 0;  // then nothing of an earlier run is in it
        if (!created) {
            if (errno != EEXIST) {
                std::filesystem::create_directories(dir, ec);
            } else if (!std::filesystem::is_directory(dir, ec) && !ec) {
                ec = std::make_error_code(std::errc::not_a_directory);
            }
        }
        if (ec) {
            throw Error(ErrorCode::io,
                        ec == std::errc::not_a_directory ? std::string("не удаётся создать папку: на её месте файл")
                                                         : "не удаётся создать папку: " + ec.message(),
                        InputLocation{dir.string(), 0, 0, {}});
        }
        std::set<std::string> names;
        try {
            for (const auto& f : files) {
                write_file_atomic(dir / f.file_name, f.bytes, /*durable=*/false);  // flushed once, before the manifest
                names.insert(f.file_name);
                r.files.push_back(WrittenFile{rel_dir + "/" + f.file_name, sha256_hex(f.bytes), f.bytes.size(), src.folder,
                                              f.kind ? f.kind->id
                                                     : (f.file_name.ends_with(".json") ? "check-json" : "check-text")});
            }
        } catch (...) {
            for (const auto& n : names) std::filesystem::remove(dir / n, ec);
            r.files.clear();
            throw;
        }
        if (!created) remove_stale(dir, names);
    } catch (const Error& e) {
        r.status = Status::failed;
        r.unreadable = e.code() == ErrorCode::json_syntax || e.code() == ErrorCode::package_invalid;
        r.reasons.insert(r.reasons.end(), e.diagnostics().begin(), e.diagnostics().end());
        if (r.name.empty()) name_of_unreadable(src, r);
    } catch (const std::exception& e) {
        r.status = Status::failed;
        r.reasons.push_back(Diagnostic{InputLocation{src.file.string(), 0, 0, {}}, std::string("внутренняя ошибка: ") + e.what()});
    }
    return r;
}

// Package folders named by the organisation (reader B, 12: «организации/org-00001» is no name a
// specialist looks for): each organisation's files are written under its source's folder, and
// once every organisation is done the folders are renamed, in input order, so that the names are
// the same whatever the threads did. Two of one name: the second «… (2)». An organisation whose
// name was not read keeps the folder of its source.
void name_folders(std::vector<OrganisationResult>& orgs, const std::filesystem::path& out_dir) {
    const auto root = out_dir / organisations_dir;
    std::set<std::string> taken;
    for (const auto& r : orgs) taken.insert(r.folder);  // sources' folders not renamed yet
    std::set<std::string> named;
    for (auto& r : orgs) {
        if (r.name.empty()) {
            named.insert(r.folder);
            continue;
        }
        const std::string base = safe_file_stem(r.name, 120, "организация");
        std::string folder = base;
        for (int n = 2; named.count(folder) != 0 || (folder != r.folder && taken.count(folder) != 0); ++n) {
            folder = base + " (" + std::to_string(n) + ")";
        }
        named.insert(folder);
        if (folder == r.folder) continue;
        std::error_code ec;
        if (!r.files.empty()) {
            // The folder of an earlier run under this name is this run's now.
            std::filesystem::remove_all(root / folder, ec);
            std::filesystem::rename(root / r.folder, root / folder, ec);
            if (ec) {
                throw Error(ErrorCode::io, "не удаётся переименовать папку организации в «" + folder + "»: " + ec.message(),
                            InputLocation{(root / r.folder).string(), 0, 0, {}});
            }
            const std::string from = std::string(organisations_dir) + "/" + r.folder + "/";
            for (auto& f : r.files) {
                f.path = std::string(organisations_dir) + "/" + folder + "/" + f.path.substr(from.size());
                f.organisation = folder;
            }
        }
        taken.erase(r.folder);
        r.folder = folder;
    }
}

}  // namespace

const char* status_text(Status s) {
    switch (s) {
        case Status::compliant: return "соответствует";
        case Status::findings: return "есть замечания";
        case Status::violations: return "нарушения";
        case Status::incomplete: return "проверка не завершена";
        case Status::refused: return "документы не сформированы";
        case Status::failed: return "ошибка обработки";
    }
    return "";
}

namespace {

std::size_t count_of(const std::vector<OrganisationResult>& organisations, Status s) {
    return static_cast<std::size_t>(std::count_if(organisations.begin(), organisations.end(),
                                                  [&](const OrganisationResult& o) { return o.status == s; }));
}

}  // namespace

std::size_t Result::count(Status s) const { return count_of(organisations, s); }

std::string statuses_in_words(const std::vector<OrganisationResult>& organisations) {
    const auto count = [&](Status s) { return std::to_string(count_of(organisations, s)); };
    // An organisation refused its documents has violated binding requirements: counted with the
    // violations, as the справка counts them (issue 13: «нарушения: 0» beside «допустили нарушения — 1»).
    const auto violated = count_of(organisations, Status::violations) + count_of(organisations, Status::refused);
    return "Организаций: " + std::to_string(organisations.size()) + "; соответствуют требованиям: " + count(Status::compliant) +
           "; выявлены нарушения обязательных требований: " + std::to_string(violated) +
           " (из них документы не сформированы: " + count(Status::refused) + "); выявлены замечания: " + count(Status::findings) +
           "; проверка не завершена: " + count(Status::incomplete) +
           "; сведения представлены с ошибками (ошибка обработки): " + count(Status::failed) + ".";
}

std::string Result::statuses_in_words() const { return batch::statuses_in_words(organisations); }

std::string sha256_hex(std::string_view bytes) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (EVP_Digest(bytes.data(), bytes.size(), digest, &length, EVP_sha256(), nullptr) != 1) {
        throw Error(ErrorCode::internal, "SHA-256 не вычислен (OpenSSL)");
    }
    static constexpr char hex[] = "0123456789abcdef";
    std::string out;
    out.reserve(length * 2);
    for (unsigned int i = 0; i < length; ++i) {
        out += hex[digest[i] >> 4];
        out += hex[digest[i] & 0xF];
    }
    return out;
}

Result run(const MunicipalityInput& input, const rules::Catalog& catalog, const Options& options) {
    std::error_code ec;
    std::filesystem::create_directories(options.out_dir, ec);
    if (ec) {
        throw Error(ErrorCode::io, "не удаётся создать папку результатов: " + ec.message(),
                    InputLocation{options.out_dir.string(), 0, 0, {}});
    }
    // The manifest is written last: until it is there again, the folder is visibly incomplete.
    std::filesystem::remove(options.out_dir / "manifest.json", ec);

    // The amending order is a document: a check alone does not need the act it amends.
    if (!options.check_only) check_amendments(input, options.as_of);
    std::optional<generate::TemplateSet> templates;
    if (!options.check_only) templates.emplace(options.templates_dir, options.only);
    RulesetCache rulesets(options.as_of);
    const Work work{input, catalog, rulesets, templates ? &*templates : nullptr, options,
                    input.municipality->field("municipality", "name")};

    Result result;
    result.organisations.resize(input.organisations.size());
    std::atomic<std::size_t> next{0};
    std::mutex progress_mutex;
    Progress progress;
    progress.total = input.organisations.size();
    const auto started = std::chrono::steady_clock::now();

    auto worker = [&] {
        for (;;) {
            if (options.cancel != nullptr && options.cancel->load()) return;
            const std::size_t i = next.fetch_add(1);
            if (i >= input.organisations.size()) return;
            result.organisations[i] = process(input.organisations[i], work);
            const auto& r = result.organisations[i];
            std::lock_guard lock(progress_mutex);
            ++progress.done;
            if (r.status == Status::failed) ++progress.failed;
            if (r.status == Status::findings || r.status == Status::violations || r.status == Status::refused) {
                ++progress.with_findings;
            }
            progress.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
            if (options.progress) options.progress(progress);
        }
    };
    unsigned jobs = options.jobs != 0 ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
    jobs = static_cast<unsigned>(std::min<std::size_t>(jobs, input.organisations.size()));
    {
        std::vector<std::jthread> threads;
        for (unsigned t = 1; t < jobs; ++t) threads.emplace_back(worker);
        worker();
    }
    if (progress.done < input.organisations.size()) {
        result.cancelled = true;  // no municipal documents and no manifest from a partial run
        return result;
    }
    name_folders(result.organisations, options.out_dir);
    result.municipal_files = write_municipal(input, result.organisations, catalog, options, result);
    return result;
}

}  // namespace nastavnik::batch
