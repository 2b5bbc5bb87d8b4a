// No internal identifier reaches a document a person reads: rule ids, JSON paths and field
// names, file names, data ids («pair-3», «t19», «c-pary»), «$parameter» notation, ISO dates,
// numbers that failed («NaN»). The text of every document of every sample, of the Бийск
// municipality and of a generated municipality of 200 organisations is scanned.

#include "e2e/cli_runner.hpp"

#include "nastavnik/docx/template.hpp"

#include <boost/test/unit_test.hpp>

#include <map>
#include <set>
#include <regex>

namespace fs = std::filesystem;

namespace {

const fs::path source = NASTAVNIK_SOURCE_DIR;
const fs::path tmp = fs::path(NASTAVNIK_TEST_TMP) / "identifiers";

struct Leak {
    std::string what;
    std::regex pattern;
};

// What an internal identifier looks like. Web and e-mail addresses are taken out first: they
// are for the reader, and their letters and digits look like identifiers.
const std::vector<Leak>& leaks() {
    static const std::vector<Leak> all = {
        {"код правила", std::regex(R"(\b[A-Z]{2,}-[A-Z0-9]{2,}(-[A-Z0-9]+)*-\d{2}\b)")},
        {"путь в данных", std::regex(R"(\b[a-z_]+\[\d+\])")},
        {"имя поля", std::regex(R"(\b[a-z]+_[a-z_]+\b)")},
        {"путь в данных", std::regex(R"(\b[a-z]+\.[a-z_]+\b)")},
        {"имя файла", std::regex(R"(\.(json|docx|xml|pdf|txt|csv)\b)")},
        {"идентификатор", std::regex(R"(\b(pair|group|org|act)-\d+\b)")},
        {"идентификатор", std::regex(R"(\b[a-z]{1,2}-?\d{1,5}\b)")},
        {"идентификатор", std::regex(R"(\b[a-z]-[a-z]+\b)")},
        {"параметр", std::regex(R"(\$[A-Za-z_])")},
        {"дата ГГГГ-ММ-ДД", std::regex(R"(\b\d{4}-\d{2}-\d{2}\b)")},
        {"ошибка числа", std::regex(R"(\bNaN\b|\bInfinity\b)")},
        {"тег шаблона", std::regex(R"(\{\{|\}\})")},
        {"заглушка вместо данных", std::regex(R"(пример данных|TODO)")},
    };
    return all;
}

std::string without_addresses(std::string text) {
    static const std::regex address(R"((https?://|www\.)\S+|\S+@\S+\.\S+)");
    return std::regex_replace(text, address, " ");
}

// Every finding: «what: the match» of the text.
std::vector<std::string> found(const std::string& text) {
    const std::string t = without_addresses(text);
    std::vector<std::string> out;
    for (const auto& leak : leaks()) {
        for (auto it = std::sregex_iterator(t.begin(), t.end(), leak.pattern); it != std::sregex_iterator(); ++it) {
            const auto at = static_cast<std::size_t>(it->position());
            const auto from = at < 40 ? 0 : at - 40;
            out.push_back(leak.what + ": «" + it->str() + "» in «" + t.substr(from, 100) + "»");
        }
    }
    return out;
}

std::string readable(const fs::path& file) {
    const std::string bytes = e2e::slurp(file);
    return file.extension() == ".docx" ? nastavnik::docx::document_text(bytes) : bytes;
}

// Scans every DOCX under `dir`; reports each leak once per document with its file (relative
// to `base`).
std::size_t scan(const fs::path& dir, std::map<std::string, std::string>& leaks_by_file, const fs::path& base) {
    std::size_t documents = 0;
    for (const auto& e : fs::recursive_directory_iterator(dir)) {
        if (e.path().extension() != ".docx") continue;
        ++documents;
        const std::string text = readable(e.path());
        for (const auto& f : found(text)) {
            leaks_by_file[fs::relative(e.path(), base).string()] = f;
            break;
        }
    }
    return documents;
}

// Documents of other kinds still being rid of identifiers. Each must still leak — when one no
// longer does, take it off this list, so that from then on the test holds it too. Empty now: the
// inspection act and the municipal order and report are held like every other document.
const std::set<std::string> pending = {};

void run(const std::vector<std::string>& args) {
    const auto r = e2e::nastavnik(args);
    // 0: compliant, 1: violations (the samples carry them on purpose), 2 for a batch with an
    // unreadable organisation; anything else did not produce the documents.
    BOOST_REQUIRE_MESSAGE(r.exit_code >= 0 && r.exit_code <= 2, r.err);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(identifiers)

BOOST_AUTO_TEST_CASE(the_detector_sees_each_kind_of_identifier) {
    for (const char* leak : {"[FED-MNT-01] Наставник", "(mentors[0])", "сведения (consent_date)", "программа «pair-3»",
                             "(programme.goals)", "org-00013.json", "наставляемый t19", "приказ c-pary",
                             "$model_forms = a", "с 2022-09-01", "вовлечено NaN %", "{{n:date(x)}}", "BRN-PAR-04",
                             "PD-CNS-01"}) {
        BOOST_TEST(!found(leak).empty(), leak);
    }
    for (const char* clean : {"приказ от 31.08.2022 № 78\u2011од", "сайт https://cdt-okt.barnaul.ru и school42@mail.ru",
                              "«педагог – педагог»", "ст. 351.8, № 152\u2011ФЗ, № АЗ\u20111128/08", "2022–2023 гг.",
                              "тел. +7 (3852) 33-44-55", "МБОУ «СОШ № 42»", "ВПР, ОГЭ, ЕГЭ", "IT-куб"}) {
        BOOST_TEST(found(clean).empty(), clean << ": " << (found(clean).empty() ? "" : found(clean).front()));
    }
}

BOOST_AUTO_TEST_CASE(no_document_of_any_sample_or_municipality_shows_an_internal_identifier) {
    fs::remove_all(tmp);
    std::map<std::string, std::string> leaks;
    std::size_t documents = 0;
    const std::vector<std::pair<std::string, std::string>> samples = {
        {"barnaul-gymnasium-compliant", "2026-11-22"}, {"barnaul-school-42", "2023-11-01"}, {"lastochka", "2023-11-01"}};
    for (const auto& [name, as_of] : samples) {
        const auto out = tmp / name;
        const std::string data = (source / "samples" / (name + ".json")).string();
        run({"generate", data, "--as-of", as_of, "--force", "--reissue", "--format", "docx", "--out", out.string()});
        run({"check", data, "--as-of", as_of, "--act", (out / "act.docx").string()});
        documents += scan(out, leaks, tmp);
    }
    fs::create_directories(tmp / "rulesets");
    for (const char* ruleset : {"altai-barnaul-127", "altai-biysk-701", "federal-az-1128"}) {
        run({"ruleset", "doc", ruleset, "--out", (tmp / "rulesets" / (std::string(ruleset) + ".docx")).string()});
    }
    // The ruleset document too: no rule or ruleset code (reader B, 21).
    documents += scan(tmp / "rulesets", leaks, tmp);
    // The Бийск municipality and a generated one of 200 (with its defective organisations).
    // --reissue: every kind of document, the orders of September too.
    run({"batch", (source / "samples/municipality-biysk").string(), "--as-of", "2026-11-22", "--format", "docx", "--reissue",
         "--out", (tmp / "biysk").string()});
    documents += scan(tmp / "biysk", leaks, tmp);
    const auto gen = e2e::shell("python3 tools/make_municipality.py " + e2e::quote((tmp / "m200-in").string()) +
                                " --count 200");
    BOOST_REQUIRE_MESSAGE(gen.exit_code == 0, gen.out);
    run({"batch", (tmp / "m200-in").string(), "--as-of", "2026-11-22", "--format", "docx", "--reissue", "--out",
         (tmp / "m200").string()});
    documents += scan(tmp / "m200", leaks, tmp);
    BOOST_TEST(documents > 2500u, documents);
    for (const auto& file : pending) {
        BOOST_TEST(leaks.count(file) == 1u, file << " shows no identifier any more: take it off the pending list");
        leaks.erase(file);
    }
    for (const auto& [file, leak] : leaks) BOOST_TEST_ERROR(file << ": " << leak);
    BOOST_TEST(leaks.empty(), leaks.size() << " documents of " << documents << " show an internal identifier");
}

BOOST_AUTO_TEST_SUITE_END()
