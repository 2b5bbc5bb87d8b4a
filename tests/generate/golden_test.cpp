// The document package, read as text. On the compliant sample every document's text must equal
// a golden file that a person has read (names in their cases, dates, no gaps); on every sample,
// forced past its defects, no document may show a tag, a doubled space or an empty value.
//
// After a deliberate change of a template or of the text functions, rewrite the goldens with
//   NASTAVNIK_UPDATE_GOLDEN=1 build/…/tests/test_generate
// and read the diff before committing it.

#include "e2e/cli_runner.hpp"

#include "nastavnik/docx/template.hpp"
#include "nastavnik/generate/generator.hpp"

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cstdlib>
#include <set>

namespace {

const std::filesystem::path golden_dir = std::filesystem::path(NASTAVNIK_SOURCE_DIR) / "tests/generate/golden";

struct Sample {
    const char* file;
    const char* as_of;
    bool force;
};

// The defective samples are dated in their own academic year; the compliant one is fixed so
// that the goldens do not age.
constexpr Sample samples[] = {
    {"samples/barnaul-gymnasium-compliant.json", "2026-11-22", false},
    {"samples/lastochka.json", "2023-11-01", true},
    {"samples/barnaul-school-42.json", "2023-11-01", true},
};

std::filesystem::path generate(const Sample& s, const std::string& name) {
    const auto out = std::filesystem::path(NASTAVNIK_TEST_TMP) / name;
    std::filesystem::remove_all(out);
    std::vector<std::string> args{"generate", s.file, "--as-of", s.as_of, "--out", out.string()};
    if (s.force) args.emplace_back("--force");
    const auto run = e2e::nastavnik(args);
    BOOST_REQUIRE_MESSAGE(run.exit_code == 0, run.err);
    return out;
}

std::vector<std::filesystem::path> files_in(const std::filesystem::path& dir) {
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::directory_iterator(dir)) files.push_back(e.path());
    std::sort(files.begin(), files.end());
    return files;
}

// What the reader sees: the body's text, or the index as it is.
std::string readable(const std::filesystem::path& file) {
    const std::string bytes = e2e::slurp(file);
    return file.extension() == ".docx" ? nastavnik::docx::document_text(bytes) : bytes;
}

std::string golden_name(const std::filesystem::path& file) {
    return file.extension() == ".docx" ? file.stem().string() + ".txt" : file.filename().string();
}

bool updating() {
    const char* v = std::getenv("NASTAVNIK_UPDATE_GOLDEN");
    return v != nullptr && *v != '\0' && std::string(v) != "0";
}

// Traces a missing value leaves in Russian text: a tag, a doubled space, a space before a
// punctuation mark, empty brackets or quotes, a «№» with nothing after it.
std::vector<std::string> gaps(const std::string& text) {
    std::vector<std::string> found;
    for (const char* trace : {"{{", "}}", "  ", " ,", " .", " ;", " :", "()", "«»", "№\u00A0\n", "№\u00A0 ", "— .",
                              "— ;", "\u00A0\u00A0"}) {
        if (text.find(trace) != std::string::npos) found.emplace_back(trace);
    }
    return found;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(golden)

BOOST_AUTO_TEST_CASE(every_document_of_the_compliant_sample_reads_as_reviewed) {
    const auto out = generate(samples[0], "golden");
    const auto files = files_in(out);
    BOOST_REQUIRE(files.size() == 21u);  // 20 documents and the index
    std::set<std::string> expected;
    for (const auto& file : files) {
        const std::string name = golden_name(file);
        expected.insert(name);
        const std::string text = readable(file);
        if (updating()) {
            std::filesystem::create_directories(golden_dir);
            std::ofstream(golden_dir / name, std::ios::binary) << text;
            continue;
        }
        BOOST_TEST_CONTEXT(name) {
            BOOST_REQUIRE_MESSAGE(std::filesystem::exists(golden_dir / name), "no golden text: " << name);
            BOOST_TEST(text == e2e::slurp(golden_dir / name));
        }
    }
    // A golden of a document no longer written would go unnoticed otherwise.
    for (const auto& e : std::filesystem::directory_iterator(golden_dir)) {
        BOOST_TEST(expected.count(e.path().filename().string()) == 1u, "stale golden: " << e.path().filename());
    }
}

BOOST_AUTO_TEST_CASE(no_document_of_any_sample_shows_a_tag_or_a_gap) {
    int n = 0;
    for (const auto& s : samples) {
        const auto out = generate(s, "gaps-" + std::to_string(++n));
        for (const auto& file : files_in(out)) {
            BOOST_TEST_CONTEXT(s.file << ": " << file.filename()) {
                const std::string text = readable(file);
                BOOST_TEST(gaps(text).empty(), "found «" << (gaps(text).empty() ? "" : gaps(text).front()) << "»");
                BOOST_TEST(text.size() > 500u);
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(the_gap_detector_sees_what_it_looks_for) {
    BOOST_TEST(gaps("Назначить куратором {{n:full-name(x)}}.").size() == 2u);
    BOOST_TEST(gaps("приказом от 31.08.2022 №\u00A0\n").size() == 1u);
    BOOST_TEST(gaps("Я, , педагог").size() == 1u);
    BOOST_TEST(gaps("форма наставничества — «»)").size() == 1u);
    BOOST_TEST(gaps("Я, Лукина Валерия Максимовна, педагог-организатор.").empty());
}

BOOST_AUTO_TEST_CASE(the_index_lists_what_was_written_in_the_order_of_the_kinds) {
    const auto out = generate(samples[1], "index");
    const std::string index = e2e::slurp(out / "Состав пакета.txt");
    std::size_t documents = 0;
    for (const auto& file : files_in(out)) {
        if (file.extension() != ".docx") continue;
        ++documents;
        BOOST_TEST(index.find(" — " + file.filename().string() + "\n") != std::string::npos, file.filename());
    }
    BOOST_TEST(index.find("Всего: " + std::to_string(documents) + " документ") != std::string::npos, index);
    BOOST_TEST(index.find("\n1. Положение о системе наставничества педагогических работников — ") != std::string::npos);
    BOOST_TEST(index.find("Положение") < index.find("Приказ о назначении куратора"));
    BOOST_TEST(index.find("Согласие наставляемого") < index.find("Аналитическая справка"));
    // --only: the index lists only what this run wrote.
    const auto only = std::filesystem::path(NASTAVNIK_TEST_TMP) / "index-only";
    std::filesystem::remove_all(only);
    BOOST_REQUIRE(e2e::nastavnik({"generate", samples[1].file, "--as-of", samples[1].as_of, "--force", "--only", "spravka",
                                  "--out", only.string()})
                      .exit_code == 0);
    const std::string one = e2e::slurp(only / "Состав пакета.txt");
    BOOST_TEST(one.find("1. Аналитическая справка") != std::string::npos, one);
    BOOST_TEST(one.find("Всего: 1 документ\n") != std::string::npos, one);
}

BOOST_AUTO_TEST_CASE(every_kind_is_documented_and_in_the_help) {
    const std::string contracts = e2e::slurp(std::filesystem::path(NASTAVNIK_SOURCE_DIR) / "docs/CONTRACTS.md");
    const auto help = e2e::nastavnik({"--help"});
    for (const auto& kind : nastavnik::generate::document_kinds()) {
        BOOST_TEST(contracts.find("| `" + kind.id + "` |") != std::string::npos, kind.id);
        BOOST_TEST(contracts.find("`templates/" + kind.template_file + "`") != std::string::npos, kind.id);
        BOOST_TEST(help.out.find(kind.id + " — ") != std::string::npos, kind.id);
        BOOST_TEST(std::filesystem::exists(std::filesystem::path(NASTAVNIK_SOURCE_DIR) / "templates" / kind.template_file));
    }
}

BOOST_AUTO_TEST_SUITE_END()
