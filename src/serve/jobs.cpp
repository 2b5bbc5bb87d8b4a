// Generation runs in a bounded pool of worker threads that take jobs from the database's
// queue, so a slow batch never holds up the pages and any instance may take any job. A
// result becomes visible only when it is whole: it is written under work/, moved into jobs/
// by rename, and only then does the job's row say «done» and point at it. A process killed
// on the way leaves a «running» row whose heartbeat stops; the next start (or another
// instance) runs it again, or marks it failed after the second try.

#include "nastavnik/batch/batch.hpp"
#include "nastavnik/core/error.hpp"
#include "nastavnik/core/file_io.hpp"
#include "nastavnik/generate/generator.hpp"
#include "nastavnik/rules/engine.hpp"
#include "nastavnik/workbook/workbook.hpp"
#include "serve/auth.hpp"
#include "serve/context.hpp"
#include "serve/submission.hpp"

#include <zip.h>

#include <chrono>
#include <set>
#include <iostream>

namespace nastavnik::serve {

namespace {

constexpr int max_attempts = 2;

// A ZIP of the documents, deterministic: entries in the package's order, fixed time stamps.
std::string zip_documents(const std::vector<generate::Document>& documents) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* src = zip_source_buffer_create(nullptr, 0, 0, &error);
    if (src == nullptr) throw Error(ErrorCode::internal, "zip: cannot create a buffer");
    zip_source_keep(src);
    zip_t* z = zip_open_from_source(src, ZIP_TRUNCATE, &error);
    if (z == nullptr) {
        zip_source_free(src);
        throw Error(ErrorCode::internal, "zip: cannot open a buffer");
    }
    for (const auto& d : documents) {
        zip_source_t* data = zip_source_buffer(z, d.bytes.data(), d.bytes.size(), 0);
        const zip_int64_t index = data ? zip_file_add(z, d.file_name.c_str(), data, ZIP_FL_ENC_UTF_8) : -1;
        if (index < 0) {
            if (data) zip_source_free(data);
            zip_discard(z);
            zip_source_free(src);
            throw Error(ErrorCode::internal, "zip: cannot add " + d.file_name);
        }
        zip_file_set_mtime(z, static_cast<zip_uint64_t>(index), 315532800, 0);  // 1980-01-01
    }
    if (zip_close(z) != 0) {
        zip_discard(z);
        zip_source_free(src);
        throw Error(ErrorCode::io, "zip: cannot write the package");
    }
    std::string out;
    zip_stat_t st;
    if (zip_source_stat(src, &st) == 0 && zip_source_open(src) == 0) {
        out.resize(st.size);
        zip_source_read(src, out.data(), st.size);
        zip_source_close(src);
    }
    zip_source_free(src);
    return out;
}

std::string diagnostics_text(const Error& e) {
    std::string out;
    for (const auto& d : e.diagnostics()) out += (out.empty() ? "" : "\n") + d.to_string();
    return out;
}

}  // namespace

void Service::Impl::recover_jobs() {
    const int n = db->recover_jobs(store::now() - opt.job_stale_seconds, max_attempts,
                                   "Формирование прервано (сервис был остановлен) и не удалось со второй попытки. "
                                   "Запустите формирование снова.");
    if (n > 0 && !opt.quiet) std::cerr << "nastavnik serve: " << n << " interrupted job(s) re-queued or failed\n";
    // Debris of killed runs: work folders of jobs no longer running here.
    std::error_code ec;
    std::vector<std::filesystem::path> stale;
    for (const auto& e : std::filesystem::directory_iterator(opt.data / "work", ec)) {
        const auto name = e.path().filename().string();
        if (!name.starts_with("job-")) continue;
        const auto id = std::strtoll(name.c_str() + 4, nullptr, 10);
        const auto j = db->job(id);
        if (!j || j->state != "running") stale.push_back(e.path());
    }
    for (const auto& p : stale) std::filesystem::remove_all(p, ec);
    // Under jobs/: what no finished job points at is a temporary file or a result whose row was
    // never updated (the job runs again and writes it anew). Older than a heartbeat: no
    // instance is still writing it.
    const auto kept = db->job_result_paths();
    const std::set<std::string> referenced(kept.begin(), kept.end());
    const auto cutoff = std::filesystem::file_time_type::clock::now() - std::chrono::seconds(opt.job_stale_seconds);
    stale.clear();
    for (const auto& e : std::filesystem::directory_iterator(opt.data / "jobs", ec)) {
        const std::string relative = "jobs/" + e.path().filename().string();
        if (referenced.count(relative) || e.last_write_time(ec) > cutoff) continue;
        stale.push_back(e.path());
    }
    for (const auto& p : stale) std::filesystem::remove_all(p, ec);
}

void Service::Impl::start_workers() {
    stopping = false;
    for (unsigned i = 0; i < std::max(1u, opt.workers); ++i) {
        workers.emplace_back([this] {
            auto last_recovery = std::chrono::steady_clock::now();
            while (!stopping) {
                std::optional<store::Job> job;
                try {
                    job = db->claim_job();
                } catch (const store::Unavailable&) {
                }
                if (!job) {
                    // Idle: keep the heartbeat of what others here run, look for dead jobs now and then.
                    for (int tick = 0; tick < 5 && !stopping; ++tick) std::this_thread::sleep_for(std::chrono::milliseconds(40));
                    const auto now = std::chrono::steady_clock::now();
                    if (now - last_recovery > std::chrono::seconds(std::max(1, opt.job_stale_seconds / 2))) {
                        last_recovery = now;
                        try {
                            std::vector<Id> mine;
                            {
                                std::lock_guard lock(running_mutex);
                                mine = running;
                            }
                            for (const Id id : mine) {
                                if (const auto j = db->job(id)) db->job_progress(id, j->progress_done, j->progress_total);
                            }
                            db->recover_jobs(store::now() - opt.job_stale_seconds, max_attempts,
                                             "Формирование прервано и не удалось со второй попытки. Запустите формирование снова.");
                        } catch (const store::Unavailable&) {
                        }
                    }
                    continue;
                }
                {
                    std::lock_guard lock(running_mutex);
                    running.push_back(job->id);
                }
                run_job(*job);
                {
                    std::lock_guard lock(running_mutex);
                    running.erase(std::remove(running.begin(), running.end(), job->id), running.end());
                }
            }
        });
    }
}

void Service::Impl::stop_workers() {
    stopping = true;
    for (auto& t : workers) {
        if (t.joinable()) t.join();
    }
    workers.clear();
}

void Service::Impl::run_job(const store::Job& job) {
    try {
        if (job.kind == "package") run_package(job);
        else if (job.kind == "batch") run_batch(job);
        else db->fail_job(job.id, "Неизвестный вид задания.");
    } catch (const Error& e) {
        try {
            db->fail_job(job.id, e.code() == ErrorCode::generation_refused
                                     ? "Документы не сформированы: данные нарушают обязательные требования.\n" + diagnostics_text(e)
                                     : "Документы не сформированы.\n" + diagnostics_text(e));
        } catch (const std::exception&) {
        }
    } catch (const std::exception& e) {
        std::cerr << "nastavnik serve: job " << job.id << " failed: " << e.what() << "\n";
        try {
            db->fail_job(job.id, "Внутренняя ошибка при формировании. Сообщите администратору.");
        } catch (const std::exception&) {
        }
    }
}

void Service::Impl::run_package(const store::Job& job) {
    const auto s = db->submission(job.submission_id);
    if (!s) throw Error(ErrorCode::internal, "submission not found");
    const auto checked = check_again(*this, *s);
    const auto& tree = checked.tree;
    const auto& check = checked.result;
    const Date as_of = checked.as_of;
    // The CLI's refusal, in the page's words (no command-line options to suggest).
    std::string refused;
    for (const auto& f : check.findings) {
        if (f.outcome == rules::Outcome::violated && f.rule->severity == rules::Severity::error) refused += "\n• " + f.message;
    }
    if (!refused.empty()) {
        db->fail_job(job.id, "Документы не сформированы: сведения нарушают обязательные требования. Исправьте сведения, "
                             "загрузите их снова и повторите формирование." + refused);
        return;
    }
    generate::Options options;
    options.templates_dir = opt.home / "templates";
    options.as_of = as_of;
    options.format = generate::OutputFormat::both;
    options.check = &check;  // the analytical report states what the check found
    options.catalog = checked.catalog.get();
    db->job_progress(job.id, 0, 1);
    auto package = generate::render_package(tree, options, *document_templates());
    if (!package.failures.empty()) {
        std::vector<Diagnostic> problems;
        for (const auto& f : package.failures) problems.insert(problems.end(), f.problems.begin(), f.problems.end());
        throw Error(ErrorCode::template_invalid, std::move(problems));
    }
    const std::string zip = zip_documents(package.documents);
    const std::string sha = sha256_hex(zip);
    // One file, written under a temporary name and renamed: the job row points at it only after.
    const std::string relative = "jobs/" + std::to_string(job.id) + "-" + sha.substr(0, 12) + ".zip";
    write_file_atomic(file(relative), zip);
    std::size_t documents = 0;
    for (const auto& d : package.documents) documents += d.file_name == generate::index_file_name ? 0 : 1;
    db->finish_job(job.id, relative, sha, "Сформировано файлов: " + std::to_string(documents) + ".");
}

void Service::Impl::run_batch(const store::Job& job) {
    const auto mun = db->municipality(job.municipality_id);
    if (!mun || mun->data_upload == 0) throw Error(ErrorCode::data_invalid, "нет сведений о муниципалитете (municipality.json)");
    const auto work = opt.data / "work" / ("job-" + std::to_string(job.id));
    std::error_code ec;
    std::filesystem::remove_all(work, ec);
    const auto in = work / "in";
    const auto out = work / "out";
    std::filesystem::create_directories(in);
    // Each file keeps its kind (.json or .xlsx): the batch reads both.
    auto kind = [](const store::Upload& u) { return workbook::is_workbook_file(u.file_name) ? std::string(".xlsx") : std::string(".json"); };
    const auto municipal = db->upload(mun->data_upload);
    write_file_atomic(in / ("municipality" + kind(*municipal)), upload_bytes(*municipal), false);
    for (const auto& s : db->latest_submissions(mun->id, job.year)) {
        const auto u = db->upload(s.upload_id);
        if (!u) continue;
        // Named by the organisation's id: the batch's folders name no person.
        write_file_atomic(in / ("org-" + std::to_string(s.organisation_id) + kind(*u)), upload_bytes(*u), false);
    }
    const auto input = batch::load_municipality(in);
    batch::Options options;
    options.out_dir = out;
    options.templates_dir = opt.home / "templates";
    options.as_of = as_of();
    options.jobs = std::max(1u, std::thread::hardware_concurrency() / 2);
    options.format = generate::OutputFormat::both;
    auto last = std::chrono::steady_clock::now() - std::chrono::seconds(10);
    const Id id = job.id;
    options.progress = [this, id, &last](const batch::Progress& p) {
        const auto now = std::chrono::steady_clock::now();
        if (p.done != p.total && now - last < std::chrono::milliseconds(300)) return;
        last = now;
        try {
            db->job_progress(id, static_cast<int>(p.done), static_cast<int>(p.total));
        } catch (const store::Unavailable&) {
        }
    };
    std::atomic<bool> cancel{false};
    options.cancel = &cancel;
    const auto cat = catalog();
    const auto result = batch::run(input, *cat, options);
    sync_file_system(out);
    const std::string relative = "jobs/batch-" + std::to_string(job.id) + "-" + random_hex(4);
    std::filesystem::rename(out, file(relative));
    std::filesystem::remove_all(work, ec);
    // The Сводка's sentence (it left out the organisations with violations and those not
    // completely checked).
    const std::string message = result.statuses_in_words();
    // Why an organisation could not be processed, named as people know it (its folder in the
    // batch is its id).
    std::string reasons;
    for (const auto& o : result.organisations) {
        if (o.status != batch::Status::failed || o.reasons.empty()) continue;
        std::string name = o.name;
        if (const auto p = o.label.find("org-"); name.empty() && p != std::string::npos) {
            if (const auto org = db->organisation(std::strtoll(o.label.c_str() + p + 4, nullptr, 10))) name = org->name;
        }
        reasons += "\nОшибка обработки: " + name + " — " + o.reasons.front().message;
    }
    db->finish_job(job.id, relative, "", message + reasons);
}

}  // namespace nastavnik::serve
