#pragma once
// `store`: everything the service keeps — users, municipalities, organisations, uploads,
// submissions by reporting year, jobs and their results, published rulesets, sessions, the
// audit log — in one SQL database through Poco::Data. The only code of the project that speaks
// SQL: prepared statements with bound values only, portable SQL, versioned migrations
// (docs/ru/service.md «Хранилище»). SQLite (a file, WAL) by default; the same statements run on
// PostgreSQL, so several service instances can share one database: nothing that matters lives
// in a process's memory (sessions, login throttling and the job queue are rows too).

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace nastavnik::store {

using Id = std::int64_t;
/// Seconds since 1970-01-01 UTC.
using Time = std::int64_t;
Time now();

enum class Role { admin, municipal, organisation, inspector, editor };
/// "admin" / "municipal" / "organisation" / "inspector" / "editor" (stored and in the API).
const char* role_token(Role r);
std::optional<Role> role_from_token(const std::string& token);
/// «администратор», «специалист муниципалитета», «организация», «проверяющий», «редактор наборов правил».
const char* role_title(Role r);

struct User {
    Id id = 0;
    std::string login;
    std::string display_name;
    Role role = Role::organisation;
    std::string password_hash;  // libsodium crypto_pwhash_str (Argon2id)
    Id organisation_id = 0;     // role organisation
    Id municipality_id = 0;     // role municipal
    bool active = true;
    bool must_change_password = false;
};

struct Municipality {
    Id id = 0;
    std::string name;
    std::string region;
    Id data_upload = 0;  // its municipality.json (0: not uploaded yet)
};

struct Organisation {
    Id id = 0;
    Id municipality_id = 0;
    std::string name;
};

struct Upload {
    Id id = 0;
    std::string kind;  // "organisation" / "municipality" / "ruleset"
    std::string sha256;
    std::int64_t size = 0;
    std::string file_name;    // as the user named it (shown to that user only)
    std::string stored_path;  // relative to the data folder; immutable content
    Id uploaded_by = 0;
    Id organisation_id = 0;
    Id municipality_id = 0;
    Time created_at = 0;
};

/// «not submitted» is the absence of a submission; these are the outcomes of one.
/// "invalid" (the file does not read), "errors", "warnings", "compliant", "no-rulesets".
struct Submission {
    Id id = 0;
    Id organisation_id = 0;
    int year = 0;
    Id upload_id = 0;
    std::string status;
    int errors = 0, warnings = 0, not_evaluable = 0;
    std::string report_json;  // nastavnik.check/1, or "" when invalid
    std::string problems;     // invalid: the Russian input errors, one per line
    std::string as_of;        // ISO date the check was made for
    Time created_at = 0;
};

struct Job {
    Id id = 0;
    std::string kind;   // "package" / "batch"
    std::string state;  // "queued" / "running" / "done" / "failed"
    Id organisation_id = 0;
    Id municipality_id = 0;
    Id submission_id = 0;
    int year = 0;
    int progress_done = 0, progress_total = 0;
    std::string result_path;  // relative to the data folder, set only with state done
    std::string result_sha256;
    std::string message;      // Russian: why failed, or a summary when done
    int attempts = 0;
    Id created_by = 0;
    Time created_at = 0, heartbeat_at = 0, finished_at = 0;
};

struct RulesetVersion {
    Id id = 0;
    std::string ruleset_id;
    std::string version;
    std::string state;  // "draft" / "published"
    Id upload_id = 0;
    std::string report;  // lint, tests, diff and replay, Russian text (JSON object)
    Id created_by = 0;
    Time created_at = 0;
    Time published_at = 0;
};

struct AuditEntry {
    Id id = 0;
    Time at = 0;
    Id user_id = 0;
    std::string action;  // "upload", "generate", "download", "user.create" …
    std::string object;  // "organisation:12", "job:40" — ids only, never personal data
    std::string detail;  // sha256, sizes, states — never names
};

struct Session {
    Id user_id = 0;
    std::string csrf;
    Time expires_at = 0;
};

/// Thrown when the database is busy or locked beyond the waiting time, or the disk is full:
/// the service answers with a Russian error page and keeps what it had.
class Unavailable : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class Store {
public:
    /// `connector`: "sqlite" (connection: the database file) or "postgresql" (connection: a
    /// libpq connection string). Applies the migrations not yet applied, in order.
    Store(const std::string& connector, const std::string& connection);
    ~Store();
    Store(const Store&) = delete;
    Store& operator=(const Store&) = delete;

    /// The highest migration applied.
    [[nodiscard]] int schema_version();

    // users
    Id add_user(const User& u);
    std::optional<User> user(Id id);
    std::optional<User> user_by_login(const std::string& login);
    std::vector<User> users();
    void set_password(Id user, const std::string& hash, bool must_change);
    void set_user_active(Id user, bool active);

    // municipalities and organisations
    Id add_municipality(const Municipality& m);
    std::optional<Municipality> municipality(Id id);
    std::vector<Municipality> municipalities();
    void set_municipality_data(Id municipality, Id upload);
    Id add_organisation(const Organisation& o);
    std::optional<Organisation> organisation(Id id);
    std::vector<Organisation> organisations();  // all, by municipality then name
    std::vector<Organisation> organisations_of(Id municipality);
    void assign_inspector(Id user, Id organisation);
    void unassign_inspector(Id user, Id organisation);
    [[nodiscard]] bool inspector_assigned(Id user, Id organisation);
    std::vector<Id> inspector_organisations(Id user);

    // uploads and submissions
    Id add_upload(const Upload& u);
    std::optional<Upload> upload(Id id);
    Id add_submission(const Submission& s);
    std::optional<Submission> submission(Id id);
    /// Newest first.
    std::vector<Submission> submissions_of(Id organisation);
    /// The newest submission of each organisation of the municipality for the year (none: absent).
    std::vector<Submission> latest_submissions(Id municipality, int year);
    /// The newest submission of every organisation of every municipality (for ruleset replay).
    std::vector<Submission> latest_submissions_everywhere();

    // jobs: a queue in the database, so any instance may take a job
    Id add_job(const Job& j);
    std::optional<Job> job(Id id);
    std::vector<Job> jobs_of_organisation(Id organisation);
    std::vector<Job> jobs_of_municipality(Id municipality);
    /// Takes the oldest queued job (queued → running), or none. Safe between instances.
    std::optional<Job> claim_job();
    void job_progress(Id job, int done, int total);
    void finish_job(Id job, const std::string& result_path, const std::string& sha256, const std::string& message);
    void fail_job(Id job, const std::string& message);
    /// Jobs left running by a process that died (heartbeat older than `stale_before`): queued
    /// again if tried fewer than `max_attempts` times, else failed with `message`. Returns how many.
    int recover_jobs(Time stale_before, int max_attempts, const std::string& message);
    /// Every path a done job points at (the rest under jobs/ is debris of a killed process).
    std::vector<std::string> job_result_paths();

    // rulesets
    Id add_ruleset_version(const RulesetVersion& r);
    std::optional<RulesetVersion> ruleset_version(Id id);
    std::vector<RulesetVersion> ruleset_versions();
    void publish_ruleset(Id id);

    // sessions and login throttling
    void add_session(const std::string& token_hash, const Session& s);
    std::optional<Session> session(const std::string& token_hash, Time at);
    void remove_session(const std::string& token_hash);
    void remove_sessions_of(Id user);
    /// Failures counted in a window that starts at the first failure.
    int login_failures(const std::string& key, Time window_start);
    void add_login_failure(const std::string& key, Time at, Time window);
    void clear_login_failures(const std::string& key);

    // audit
    void audit(Id user, const std::string& action, const std::string& object, const std::string& detail);
    std::vector<AuditEntry> audit_log(std::size_t limit);

    /// Everything the calling thread does with the store until commit() is one transaction
    /// (one durable write instead of one per statement); rolled back if not committed.
    class Transaction {
    public:
        explicit Transaction(Store& store);
        ~Transaction();
        Transaction(const Transaction&) = delete;
        Transaction& operator=(const Transaction&) = delete;
        void commit();

    private:
        Store& store_;
        bool open_ = false;
    };

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace nastavnik::store
