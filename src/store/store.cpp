#include "nastavnik/store/store.hpp"

#include "store/migrations.hpp"

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/SQLite/SQLiteException.h>
#include <Poco/Data/Session.h>
#include <Poco/Data/SessionPool.h>
#include <Poco/Data/Statement.h>
#ifdef NASTAVNIK_POSTGRESQL
#include <Poco/Data/PostgreSQL/Connector.h>
#endif

#include <chrono>
#include <mutex>

namespace nastavnik::store {

using Poco::Dynamic::Var;
using Poco::Data::Keywords::bind;
using Row = std::vector<Var>;

Time now() {
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

const char* role_token(Role r) {
    switch (r) {
        case Role::admin: return "admin";
        case Role::municipal: return "municipal";
        case Role::organisation: return "organisation";
        case Role::inspector: return "inspector";
        case Role::editor: return "editor";
    }
    return "organisation";
}

std::optional<Role> role_from_token(const std::string& t) {
    for (Role r : {Role::admin, Role::municipal, Role::organisation, Role::inspector, Role::editor}) {
        if (t == role_token(r)) return r;
    }
    return std::nullopt;
}

const char* role_title(Role r) {
    switch (r) {
        case Role::admin: return "администратор";
        case Role::municipal: return "специалист муниципалитета";
        case Role::organisation: return "организация";
        case Role::inspector: return "проверяющий";
        case Role::editor: return "редактор наборов правил";
    }
    return "";
}

namespace {

// SQLite waits this long for a writer before it answers «locked» (then: Unavailable).
constexpr int busy_timeout_ms = 5000;

class SqlitePool : public Poco::Data::SessionPool {
public:
    SqlitePool(const std::string& file) : SessionPool("SQLite", file, 1, 32, 60) {}

protected:
    void customizeSession(Poco::Data::Session& s) override {
        s << "PRAGMA busy_timeout = " + std::to_string(busy_timeout_ms), Poco::Data::Keywords::now;
        s << "PRAGMA foreign_keys = ON", Poco::Data::Keywords::now;
        // FULL: a transaction the service reported done survives a power cut too.
        s << "PRAGMA synchronous = FULL", Poco::Data::Keywords::now;
    }
};

std::string text(const Var& v) { return v.isEmpty() ? std::string{} : v.convert<std::string>(); }
Id integer(const Var& v) { return v.isEmpty() ? 0 : v.convert<Poco::Int64>(); }

// Whatever the database says when it cannot serve now (locked, busy, disk full, read-only):
// the caller shows a «try later» page; nothing already stored is touched.
[[noreturn]] void rethrow_unavailable(const Poco::Exception& e) {
    throw Unavailable(e.displayText());
}

}  // namespace

// The session of the calling thread's open transaction, if any (Store::Transaction).
thread_local Poco::Data::Session* transaction_session = nullptr;

struct Store::Impl {
    bool postgres = false;
    std::unique_ptr<Poco::Data::SessionPool> pool;

    // Inside a transaction every statement goes to its session; else any session of the pool.
    Poco::Data::Session session() { return transaction_session != nullptr ? *transaction_session : pool->get(); }

    // '?' placeholders are written once; PostgreSQL's connector numbers them.
    std::string dialect(const std::string& sql) const {
        if (!postgres) return sql;
        std::string out;
        int n = 0;
        for (char c : sql) {
            if (c == '?') out += "$" + std::to_string(++n);
            else out += c;
        }
        return out;
    }

    template <class... A>
    std::vector<Row> query(const std::string& sql, const A&... args) {
        try {
            Poco::Data::Session s = session();
            Poco::Data::Statement st(s);
            st << dialect(sql);
            ((st, bind(args)), ...);
            st.execute();
            Poco::Data::RecordSet rs(st);
            std::vector<Row> rows;
            rows.reserve(rs.rowCount());
            for (std::size_t r = 0; r < rs.rowCount(); ++r) {
                Row row;
                for (std::size_t c = 0; c < rs.columnCount(); ++c) row.push_back(rs.value(c, r));
                rows.push_back(std::move(row));
            }
            return rows;
        } catch (const Poco::Data::DataException& e) {
            rethrow_unavailable(e);
        } catch (const Poco::IOException& e) {
            rethrow_unavailable(e);
        }
    }

    template <class... A>
    std::size_t execute(const std::string& sql, const A&... args) {
        try {
            Poco::Data::Session s = session();
            Poco::Data::Statement st(s);
            st << dialect(sql);
            ((st, bind(args)), ...);
            return st.execute();
        } catch (const Poco::Data::DataException& e) {
            rethrow_unavailable(e);
        } catch (const Poco::IOException& e) {
            rethrow_unavailable(e);
        }
    }

    // INSERT … RETURNING id: the same text in SQLite ≥ 3.35 and PostgreSQL.
    template <class... A>
    Id insert(const std::string& sql, const A&... args) {
        const auto rows = query(sql + " RETURNING id", args...);
        if (rows.empty()) throw Unavailable("INSERT returned no id");
        return integer(rows.front().front());
    }

    void migrate() {
        execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)");
        int current = 0;
        for (const auto& r : query("SELECT MAX(version) FROM schema_migrations")) current = static_cast<int>(integer(r[0]));
        for (const Migration& m : migrations()) {
            if (m.version <= current) continue;
            Poco::Data::Session s = pool->get();
            s.begin();
            try {
                for (const std::string& statement : m.statements) {
                    std::string sql = statement;
                    const std::string token = "{serial}";
                    for (std::size_t p; (p = sql.find(token)) != std::string::npos;) {
                        sql.replace(p, token.size(), postgres ? "BIGSERIAL PRIMARY KEY" : "INTEGER PRIMARY KEY AUTOINCREMENT");
                    }
                    s << sql, Poco::Data::Keywords::now;
                }
                const Time t = now();
                int v = m.version;
                s << dialect("INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)"), bind(v), bind(t),
                    Poco::Data::Keywords::now;
                s.commit();
            } catch (...) {
                s.rollback();
                throw;
            }
        }
    }
};

Store::Store(const std::string& connector, const std::string& connection) : impl_(std::make_unique<Impl>()) {
    try {
        if (connector == "sqlite") {
            static std::once_flag registered;
            std::call_once(registered, [] { Poco::Data::SQLite::Connector::registerConnector(); });
            {
                // WAL is a property of the file: readers never wait for the writer.
                Poco::Data::Session s("SQLite", connection);
                s << "PRAGMA journal_mode = WAL", Poco::Data::Keywords::now;
            }
            impl_->pool = std::make_unique<SqlitePool>(connection);
        } else if (connector == "postgresql") {
#ifdef NASTAVNIK_POSTGRESQL
            static std::once_flag registered;
            std::call_once(registered, [] { Poco::Data::PostgreSQL::Connector::registerConnector(); });
#else
            throw Unavailable("this build has no PostgreSQL connector (configure with -DNASTAVNIK_POSTGRESQL=ON)");
#endif
            impl_->postgres = true;
            impl_->pool = std::make_unique<Poco::Data::SessionPool>("postgresql", connection, 1, 32, 60);
        } else {
            throw Unavailable("unknown database connector: " + connector);
        }
        impl_->migrate();
    } catch (const Poco::Exception& e) {
        rethrow_unavailable(e);
    }
}

Store::~Store() = default;

Store::Transaction::Transaction(Store& store) : store_(store) {
    if (transaction_session != nullptr) return;  // nested: part of the outer one
    try {
        transaction_session = new Poco::Data::Session(store_.impl_->pool->get());
        // SQLite: take the write lock at once (IMMEDIATE), so that two writers queue on the busy
        // timeout instead of one failing when its read lock would have to become a write lock.
        if (store_.impl_->postgres) transaction_session->begin();
        else *transaction_session << "BEGIN IMMEDIATE", Poco::Data::Keywords::now;
        open_ = true;
    } catch (const Poco::Exception& e) {
        delete transaction_session;
        transaction_session = nullptr;
        rethrow_unavailable(e);
    }
}

Store::Transaction::~Transaction() {
    if (!open_) return;
    try {
        if (store_.impl_->postgres) transaction_session->rollback();
        else *transaction_session << "ROLLBACK", Poco::Data::Keywords::now;
    } catch (...) {
    }
    delete transaction_session;
    transaction_session = nullptr;
}

void Store::Transaction::commit() {
    if (!open_) return;
    try {
        if (store_.impl_->postgres) transaction_session->commit();
        else *transaction_session << "COMMIT", Poco::Data::Keywords::now;
    } catch (const Poco::Exception& e) {
        rethrow_unavailable(e);
    }
    open_ = false;
    delete transaction_session;
    transaction_session = nullptr;
}

int Store::schema_version() {
    const auto rows = impl_->query("SELECT MAX(version) FROM schema_migrations");
    return rows.empty() ? 0 : static_cast<int>(integer(rows.front()[0]));
}

// ---- users

namespace {

constexpr const char* user_columns =
    "id, login, display_name, role, password_hash, organisation_id, municipality_id, active, must_change_password";

User user_row(const Row& r) {
    User u;
    u.id = integer(r[0]);
    u.login = text(r[1]);
    u.display_name = text(r[2]);
    u.role = role_from_token(text(r[3])).value_or(Role::organisation);
    u.password_hash = text(r[4]);
    u.organisation_id = integer(r[5]);
    u.municipality_id = integer(r[6]);
    u.active = integer(r[7]) != 0;
    u.must_change_password = integer(r[8]) != 0;
    return u;
}

}  // namespace

Id Store::add_user(const User& u) {
    return impl_->insert(
        "INSERT INTO users (login, display_name, role, password_hash, organisation_id, municipality_id, active, "
        "must_change_password, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        u.login, u.display_name, std::string(role_token(u.role)), u.password_hash, u.organisation_id, u.municipality_id,
        Id{u.active ? 1 : 0}, Id{u.must_change_password ? 1 : 0}, now());
}

std::optional<User> Store::user(Id id) {
    const auto rows = impl_->query(std::string("SELECT ") + user_columns + " FROM users WHERE id = ?", id);
    if (rows.empty()) return std::nullopt;
    return user_row(rows.front());
}

std::optional<User> Store::user_by_login(const std::string& login) {
    const auto rows = impl_->query(std::string("SELECT ") + user_columns + " FROM users WHERE login = ?", login);
    if (rows.empty()) return std::nullopt;
    return user_row(rows.front());
}

std::vector<User> Store::users() {
    std::vector<User> out;
    for (const auto& r : impl_->query(std::string("SELECT ") + user_columns + " FROM users ORDER BY login")) out.push_back(user_row(r));
    return out;
}

void Store::set_password(Id user, const std::string& hash, bool must_change) {
    impl_->execute("UPDATE users SET password_hash = ?, must_change_password = ? WHERE id = ?", hash, Id{must_change ? 1 : 0}, user);
}

void Store::set_user_active(Id user, bool active) {
    impl_->execute("UPDATE users SET active = ? WHERE id = ?", Id{active ? 1 : 0}, user);
}

// ---- municipalities and organisations

Id Store::add_municipality(const Municipality& m) {
    return impl_->insert("INSERT INTO municipalities (name, region, data_upload) VALUES (?, ?, ?)", m.name, m.region, m.data_upload);
}

std::optional<Municipality> Store::municipality(Id id) {
    const auto rows = impl_->query("SELECT id, name, region, data_upload FROM municipalities WHERE id = ?", id);
    if (rows.empty()) return std::nullopt;
    const auto& r = rows.front();
    return Municipality{integer(r[0]), text(r[1]), text(r[2]), integer(r[3])};
}

std::vector<Municipality> Store::municipalities() {
    std::vector<Municipality> out;
    for (const auto& r : impl_->query("SELECT id, name, region, data_upload FROM municipalities ORDER BY name, id")) {
        out.push_back(Municipality{integer(r[0]), text(r[1]), text(r[2]), integer(r[3])});
    }
    return out;
}

void Store::set_municipality_data(Id municipality, Id upload) {
    impl_->execute("UPDATE municipalities SET data_upload = ? WHERE id = ?", upload, municipality);
}

Id Store::add_organisation(const Organisation& o) {
    return impl_->insert("INSERT INTO organisations (municipality_id, name) VALUES (?, ?)", o.municipality_id, o.name);
}

std::optional<Organisation> Store::organisation(Id id) {
    const auto rows = impl_->query("SELECT id, municipality_id, name FROM organisations WHERE id = ?", id);
    if (rows.empty()) return std::nullopt;
    const auto& r = rows.front();
    return Organisation{integer(r[0]), integer(r[1]), text(r[2])};
}

std::vector<Organisation> Store::organisations() {
    std::vector<Organisation> out;
    for (const auto& r : impl_->query("SELECT id, municipality_id, name FROM organisations ORDER BY municipality_id, name, id")) {
        out.push_back(Organisation{integer(r[0]), integer(r[1]), text(r[2])});
    }
    return out;
}

std::vector<Organisation> Store::organisations_of(Id municipality) {
    std::vector<Organisation> out;
    for (const auto& r :
         impl_->query("SELECT id, municipality_id, name FROM organisations WHERE municipality_id = ? ORDER BY name, id", municipality)) {
        out.push_back(Organisation{integer(r[0]), integer(r[1]), text(r[2])});
    }
    return out;
}

void Store::assign_inspector(Id user, Id organisation) {
    if (inspector_assigned(user, organisation)) return;
    impl_->execute("INSERT INTO inspector_assignments (user_id, organisation_id) VALUES (?, ?)", user, organisation);
}

void Store::unassign_inspector(Id user, Id organisation) {
    impl_->execute("DELETE FROM inspector_assignments WHERE user_id = ? AND organisation_id = ?", user, organisation);
}

bool Store::inspector_assigned(Id user, Id organisation) {
    return !impl_->query("SELECT 1 FROM inspector_assignments WHERE user_id = ? AND organisation_id = ?", user, organisation).empty();
}

std::vector<Id> Store::inspector_organisations(Id user) {
    std::vector<Id> out;
    for (const auto& r : impl_->query("SELECT organisation_id FROM inspector_assignments WHERE user_id = ? ORDER BY organisation_id", user)) {
        out.push_back(integer(r[0]));
    }
    return out;
}

// ---- uploads and submissions

namespace {

constexpr const char* upload_columns =
    "id, kind, sha256, size, file_name, stored_path, uploaded_by, organisation_id, municipality_id, created_at";

constexpr const char* submission_columns =
    "s.id, s.organisation_id, s.year, s.upload_id, s.status, s.errors, s.warnings, s.not_evaluable, s.report_json, "
    "s.problems, s.as_of, s.created_at";

Submission submission_row(const Row& r) {
    Submission s;
    s.id = integer(r[0]);
    s.organisation_id = integer(r[1]);
    s.year = static_cast<int>(integer(r[2]));
    s.upload_id = integer(r[3]);
    s.status = text(r[4]);
    s.errors = static_cast<int>(integer(r[5]));
    s.warnings = static_cast<int>(integer(r[6]));
    s.not_evaluable = static_cast<int>(integer(r[7]));
    s.report_json = text(r[8]);
    s.problems = text(r[9]);
    s.as_of = text(r[10]);
    s.created_at = integer(r[11]);
    return s;
}

}  // namespace

Id Store::add_upload(const Upload& u) {
    return impl_->insert(
        "INSERT INTO uploads (kind, sha256, size, file_name, stored_path, uploaded_by, organisation_id, municipality_id, "
        "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        u.kind, u.sha256, Id{u.size}, u.file_name, u.stored_path, u.uploaded_by, u.organisation_id, u.municipality_id, now());
}

std::optional<Upload> Store::upload(Id id) {
    const auto rows = impl_->query(std::string("SELECT ") + upload_columns + " FROM uploads WHERE id = ?", id);
    if (rows.empty()) return std::nullopt;
    const auto& r = rows.front();
    return Upload{integer(r[0]), text(r[1]), text(r[2]), integer(r[3]), text(r[4]), text(r[5]),
                  integer(r[6]), integer(r[7]), integer(r[8]), integer(r[9])};
}

Id Store::add_submission(const Submission& s) {
    return impl_->insert(
        "INSERT INTO submissions (organisation_id, year, upload_id, status, errors, warnings, not_evaluable, report_json, "
        "problems, as_of, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        s.organisation_id, Id{s.year}, s.upload_id, s.status, Id{s.errors}, Id{s.warnings}, Id{s.not_evaluable}, s.report_json,
        s.problems, s.as_of, now());
}

std::optional<Submission> Store::submission(Id id) {
    const auto rows = impl_->query(std::string("SELECT ") + submission_columns + " FROM submissions s WHERE s.id = ?", id);
    if (rows.empty()) return std::nullopt;
    return submission_row(rows.front());
}

std::vector<Submission> Store::submissions_of(Id organisation) {
    std::vector<Submission> out;
    for (const auto& r : impl_->query(std::string("SELECT ") + submission_columns +
                                      " FROM submissions s WHERE s.organisation_id = ? ORDER BY s.id DESC",
                                      organisation)) {
        out.push_back(submission_row(r));
    }
    return out;
}

std::vector<Submission> Store::latest_submissions(Id municipality, int year) {
    std::vector<Submission> out;
    for (const auto& r : impl_->query(
             std::string("SELECT ") + submission_columns +
                 " FROM submissions s JOIN organisations o ON o.id = s.organisation_id WHERE o.municipality_id = ? AND "
                 "s.year = ? AND s.id = (SELECT MAX(t.id) FROM submissions t WHERE t.organisation_id = s.organisation_id "
                 "AND t.year = s.year) ORDER BY s.organisation_id",
             municipality, Id{year})) {
        out.push_back(submission_row(r));
    }
    return out;
}

std::vector<Submission> Store::latest_submissions_everywhere() {
    std::vector<Submission> out;
    for (const auto& r : impl_->query(std::string("SELECT ") + submission_columns +
                                      " FROM submissions s WHERE s.id = (SELECT MAX(t.id) FROM submissions t WHERE "
                                      "t.organisation_id = s.organisation_id) ORDER BY s.organisation_id")) {
        out.push_back(submission_row(r));
    }
    return out;
}

// ---- jobs

namespace {

constexpr const char* job_columns =
    "id, kind, state, organisation_id, municipality_id, submission_id, year, progress_done, progress_total, result_path, "
    "result_sha256, message, attempts, created_by, created_at, heartbeat_at, finished_at";

Job job_row(const Row& r) {
    Job j;
    j.id = integer(r[0]);
    j.kind = text(r[1]);
    j.state = text(r[2]);
    j.organisation_id = integer(r[3]);
    j.municipality_id = integer(r[4]);
    j.submission_id = integer(r[5]);
    j.year = static_cast<int>(integer(r[6]));
    j.progress_done = static_cast<int>(integer(r[7]));
    j.progress_total = static_cast<int>(integer(r[8]));
    j.result_path = text(r[9]);
    j.result_sha256 = text(r[10]);
    j.message = text(r[11]);
    j.attempts = static_cast<int>(integer(r[12]));
    j.created_by = integer(r[13]);
    j.created_at = integer(r[14]);
    j.heartbeat_at = integer(r[15]);
    j.finished_at = integer(r[16]);
    return j;
}

}  // namespace

Id Store::add_job(const Job& j) {
    return impl_->insert(
        "INSERT INTO jobs (kind, state, organisation_id, municipality_id, submission_id, year, progress_done, progress_total, "
        "result_path, result_sha256, message, attempts, created_by, created_at, heartbeat_at, finished_at) VALUES "
        "(?, 'queued', ?, ?, ?, ?, 0, 0, '', '', '', 0, ?, ?, 0, 0)",
        j.kind, j.organisation_id, j.municipality_id, j.submission_id, Id{j.year}, j.created_by, now());
}

std::optional<Job> Store::job(Id id) {
    const auto rows = impl_->query(std::string("SELECT ") + job_columns + " FROM jobs WHERE id = ?", id);
    if (rows.empty()) return std::nullopt;
    return job_row(rows.front());
}

std::vector<Job> Store::jobs_of_organisation(Id organisation) {
    std::vector<Job> out;
    for (const auto& r : impl_->query(std::string("SELECT ") + job_columns + " FROM jobs WHERE organisation_id = ? ORDER BY id DESC",
                                      organisation)) {
        out.push_back(job_row(r));
    }
    return out;
}

std::vector<Job> Store::jobs_of_municipality(Id municipality) {
    std::vector<Job> out;
    for (const auto& r : impl_->query(std::string("SELECT ") + job_columns +
                                          " FROM jobs WHERE municipality_id = ? AND kind = 'batch' ORDER BY id DESC",
                                      municipality)) {
        out.push_back(job_row(r));
    }
    return out;
}

std::optional<Job> Store::claim_job() {
    // Select, then take it only if still queued: of two instances racing, one UPDATE changes a row.
    for (int tries = 0; tries < 4; ++tries) {
        const auto rows = impl_->query("SELECT id FROM jobs WHERE state = 'queued' ORDER BY id LIMIT 1");
        if (rows.empty()) return std::nullopt;
        const Id id = integer(rows.front()[0]);
        if (impl_->execute("UPDATE jobs SET state = 'running', attempts = attempts + 1, heartbeat_at = ? WHERE id = ? AND "
                           "state = 'queued'",
                           now(), id) == 1) {
            return job(id);
        }
    }
    return std::nullopt;
}

void Store::job_progress(Id job, int done, int total) {
    impl_->execute("UPDATE jobs SET progress_done = ?, progress_total = ?, heartbeat_at = ? WHERE id = ?", Id{done}, Id{total}, now(), job);
}

void Store::finish_job(Id job, const std::string& result_path, const std::string& sha256, const std::string& message) {
    impl_->execute("UPDATE jobs SET state = 'done', result_path = ?, result_sha256 = ?, message = ?, finished_at = ?, "
                   "progress_done = progress_total WHERE id = ?",
                   result_path, sha256, message, now(), job);
}

void Store::fail_job(Id job, const std::string& message) {
    impl_->execute("UPDATE jobs SET state = 'failed', message = ?, finished_at = ? WHERE id = ?", message, now(), job);
}

int Store::recover_jobs(Time stale_before, int max_attempts, const std::string& message) {
    const auto failed = impl_->execute(
        "UPDATE jobs SET state = 'failed', message = ?, finished_at = ? WHERE state = 'running' AND heartbeat_at < ? AND "
        "attempts >= ?",
        message, now(), stale_before, Id{max_attempts});
    const auto requeued = impl_->execute(
        "UPDATE jobs SET state = 'queued', progress_done = 0 WHERE state = 'running' AND heartbeat_at < ? AND attempts < ?",
        stale_before, Id{max_attempts});
    return static_cast<int>(failed + requeued);
}

std::vector<std::string> Store::job_result_paths() {
    std::vector<std::string> out;
    for (const auto& r : impl_->query("SELECT result_path FROM jobs WHERE state = 'done' AND result_path <> ''")) {
        out.push_back(text(r[0]));
    }
    return out;
}

// ---- rulesets

namespace {

constexpr const char* ruleset_columns =
    "id, ruleset_id, version, state, upload_id, report, created_by, created_at, published_at";

RulesetVersion ruleset_row(const Row& r) {
    return RulesetVersion{integer(r[0]), text(r[1]), text(r[2]), text(r[3]), integer(r[4]),
                          text(r[5]),    integer(r[6]), integer(r[7]), integer(r[8])};
}

}  // namespace

Id Store::add_ruleset_version(const RulesetVersion& r) {
    return impl_->insert(
        "INSERT INTO ruleset_versions (ruleset_id, version, state, upload_id, report, created_by, created_at, published_at) "
        "VALUES (?, ?, 'draft', ?, ?, ?, ?, 0)",
        r.ruleset_id, r.version, r.upload_id, r.report, r.created_by, now());
}

std::optional<RulesetVersion> Store::ruleset_version(Id id) {
    const auto rows = impl_->query(std::string("SELECT ") + ruleset_columns + " FROM ruleset_versions WHERE id = ?", id);
    if (rows.empty()) return std::nullopt;
    return ruleset_row(rows.front());
}

std::vector<RulesetVersion> Store::ruleset_versions() {
    std::vector<RulesetVersion> out;
    for (const auto& r : impl_->query(std::string("SELECT ") + ruleset_columns + " FROM ruleset_versions ORDER BY id DESC")) {
        out.push_back(ruleset_row(r));
    }
    return out;
}

void Store::publish_ruleset(Id id) {
    impl_->execute("UPDATE ruleset_versions SET state = 'published', published_at = ? WHERE id = ?", now(), id);
}

// ---- sessions and throttling

void Store::add_session(const std::string& token_hash, const Session& s) {
    impl_->execute("INSERT INTO sessions (token_hash, user_id, csrf, created_at, expires_at) VALUES (?, ?, ?, ?, ?)", token_hash,
                   s.user_id, s.csrf, now(), s.expires_at);
}

std::optional<Session> Store::session(const std::string& token_hash, Time at) {
    const auto rows = impl_->query("SELECT user_id, csrf, expires_at FROM sessions WHERE token_hash = ? AND expires_at > ?", token_hash, at);
    if (rows.empty()) return std::nullopt;
    return Session{integer(rows.front()[0]), text(rows.front()[1]), integer(rows.front()[2])};
}

void Store::remove_session(const std::string& token_hash) {
    impl_->execute("DELETE FROM sessions WHERE token_hash = ?", token_hash);
}

void Store::remove_sessions_of(Id user) { impl_->execute("DELETE FROM sessions WHERE user_id = ?", user); }

int Store::login_failures(const std::string& key, Time window_start) {
    const auto rows = impl_->query("SELECT failures FROM login_failures WHERE key = ? AND first_at >= ?", key, window_start);
    return rows.empty() ? 0 : static_cast<int>(integer(rows.front()[0]));
}

void Store::add_login_failure(const std::string& key, Time at, Time window) {
    // A failure outside the window starts a new one.
    impl_->execute("DELETE FROM login_failures WHERE key = ? AND first_at < ?", key, at - window);
    if (impl_->execute("UPDATE login_failures SET failures = failures + 1 WHERE key = ?", key) == 0) {
        impl_->execute("INSERT INTO login_failures (key, failures, first_at) VALUES (?, 1, ?)", key, at);
    }
}

void Store::clear_login_failures(const std::string& key) { impl_->execute("DELETE FROM login_failures WHERE key = ?", key); }

// ---- audit

void Store::audit(Id user, const std::string& action, const std::string& object, const std::string& detail) {
    impl_->execute("INSERT INTO audit_log (at, user_id, action, object, detail) VALUES (?, ?, ?, ?, ?)", now(), user, action, object, detail);
}

std::vector<AuditEntry> Store::audit_log(std::size_t limit) {
    std::vector<AuditEntry> out;
    for (const auto& r :
         impl_->query("SELECT id, at, user_id, action, object, detail FROM audit_log ORDER BY id DESC LIMIT ?", Id(limit))) {
        out.push_back(AuditEntry{integer(r[0]), integer(r[1]), integer(r[2]), text(r[3]), text(r[4]), text(r[5])});
    }
    return out;
}

}  // namespace nastavnik::store
