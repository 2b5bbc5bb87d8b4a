// The Положение against the models it adapts: docs/ru/polozhenie.md lists every clause of each
// model (Барнаул № 127, Бийск № 701, the federal model as reproduced in 001) with the paragraph
// of the generated Положение that carries it and words that must stand there, or the reason
// the clause is left out. For each model the Положение of the named organisation is generated
// and every row is checked; a row with neither a paragraph nor a reason fails.

#include "e2e/cli_runner.hpp"

#include "nastavnik/docx/template.hpp"

#include <boost/test/unit_test.hpp>

#include <regex>
#include <sstream>

namespace {

const std::filesystem::path source = NASTAVNIK_SOURCE_DIR;

struct Row {
    std::string clause, paragraph, words, reason;
    int line = 0;
};

struct Model {
    std::string title, sample, region, municipality;
    std::size_t declared = 0;
    std::vector<Row> rows;
};

std::string trim(std::string s) {
    while (!s.empty() && (s.back() == ' ' || s.back() == '|')) s.pop_back();
    std::size_t b = 0;
    while (b < s.size() && (s[b] == ' ' || s[b] == '|')) ++b;
    return s.substr(b);
}

std::vector<std::string> cells(const std::string& line) {
    std::vector<std::string> out;
    std::size_t start = 1;  // after the leading «|»
    for (std::size_t bar; (bar = line.find(" |", start)) != std::string::npos; start = bar + 2) {
        out.push_back(trim(line.substr(start, bar - start)));
    }
    return out;
}

std::vector<Model> models() {
    std::istringstream doc(e2e::slurp(source / "docs/ru/polozhenie.md"));
    std::vector<Model> out;
    std::string line;
    int n = 0;
    const std::regex sample(R"(Проверяется на: `([^`]+)`(?:, регион «(.+?)», муниципалитет «(.+?)»\.)?)");
    const std::regex declared(R"(^Пунктов модели: (\d+)\.)");
    while (std::getline(doc, line)) {
        ++n;
        std::smatch m;
        if (line.starts_with("## ")) {
            out.push_back(Model{line.substr(3), {}, {}, {}, 0, {}});
        } else if (out.empty()) {
            continue;
        } else if (std::regex_search(line, m, sample)) {
            out.back().sample = m[1];
            out.back().region = m[2];
            out.back().municipality = m[3];
        } else if (std::regex_search(line, m, declared)) {
            out.back().declared = std::stoul(m[1]);
        } else if (line.starts_with("| ") && !line.starts_with("| пункт модели")) {
            const auto c = cells(line);
            BOOST_REQUIRE_MESSAGE(c.size() == 5u, "docs/ru/polozhenie.md:" << n << ": five columns expected");
            out.back().rows.push_back(Row{c[0], c[2], c[3], c[4], n});
        }
    }
    return out;
}

// What the reader sees, with the non-breaking space and hyphen read as ordinary ones, so that
// the table can be written as plain text.
std::string plain(std::string text) {
    for (const auto& [from, to] : {std::pair<std::string, std::string>{"\u00A0", " "}, {"\u2011", "-"}}) {
        for (std::size_t at; (at = text.find(from)) != std::string::npos;) text.replace(at, from.size(), to);
    }
    return text;
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string l; std::getline(in, l);) out.push_back(l);
    return out;
}

// The number a numbered paragraph or heading starts with («4.1.3» of «4.1.3. Куратор …»), or "".
std::string number_of(const std::string& line) {
    static const std::regex numbered(R"(^(\d+(?:\.\d+)*)\. )");
    std::smatch m;
    return std::regex_search(line, m, numbered) ? m[1].str() : std::string();
}

// The text of paragraph `p` with its sub-paragraphs and the lists and unnumbered paragraphs
// under it, up to the next paragraph that is not inside it. «гриф»: what precedes the title.
std::string section(const std::vector<std::string>& lines, const std::string& p) {
    std::string out;
    if (p == "гриф") {
        for (const auto& l : lines) {
            if (l == "ПОЛОЖЕНИЕ") break;
            out += l + "\n";
        }
        return out;
    }
    bool inside = false;
    for (const auto& l : lines) {
        const std::string n = number_of(l);
        if (!n.empty()) inside = n == p || n.starts_with(p + ".");
        if (inside) out += l + "\n";
    }
    return out;
}

std::string polozhenie_of(const Model& m) {
    std::string json = e2e::slurp(source / m.sample);
    auto set = [&](const std::string& key, const std::string& value) {
        if (value.empty()) return;
        const std::regex field("\"" + key + "\": \"[^\"]*\"");
        BOOST_REQUIRE(std::regex_search(json, field));
        json = std::regex_replace(json, field, "\"" + key + "\": \"" + value + "\"", std::regex_constants::format_first_only);
    };
    set("region", m.region);
    set("municipality", m.municipality);
    const auto dir = std::filesystem::path(NASTAVNIK_TEST_TMP) / "polozhenie-models";
    std::filesystem::create_directories(dir);
    const auto data = dir / (std::to_string(std::hash<std::string>{}(m.title)) + ".json");
    std::ofstream(data, std::ios::binary) << json;
    const auto out = dir / std::to_string(std::hash<std::string>{}(m.title));
    std::filesystem::remove_all(out);
    const auto run = e2e::nastavnik({"generate", data.string(), "--as-of", "2026-11-22", "--force", "--only", "polozhenie",
                                     "--format", "docx", "--out", out.string()});
    BOOST_REQUIRE_MESSAGE(run.exit_code == 0, run.err);
    // The file is named after the organisation's own title («Положение о наставничестве.docx» of Ласточка).
    std::filesystem::path file;
    for (const auto& e : std::filesystem::directory_iterator(out)) {
        if (e.path().filename().string().starts_with("Положение")) file = e.path();
    }
    BOOST_REQUIRE(!file.empty());
    return plain(nastavnik::docx::document_text(e2e::slurp(file)));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(polozhenie_models)

BOOST_AUTO_TEST_CASE(every_clause_of_every_model_is_carried_or_left_out_for_a_reason) {
    const auto all = models();
    BOOST_REQUIRE(all.size() == 4u);
    for (const auto& m : all) {
        BOOST_TEST_CONTEXT(m.title) {
            BOOST_REQUIRE_MESSAGE(!m.sample.empty(), "no «Проверяется на:» line");
            BOOST_TEST(m.rows.size() == m.declared, "rows " << m.rows.size() << ", declared " << m.declared);
            const auto lines = lines_of(polozhenie_of(m));
            for (const auto& r : m.rows) {
                BOOST_TEST_CONTEXT("docs/ru/polozhenie.md:" << r.line << " (" << r.clause << ")") {
                    if (r.paragraph.empty()) {
                        BOOST_TEST(!r.reason.empty(), "neither a paragraph of the Положение nor a reason");
                        continue;
                    }
                    // A definition the Положение gives only of a form it names: the row says which
                    // form, and the definition stands exactly when the paragraph names it above
                    // «Формы наставничества определяются …» (reader of 7.12.2026, A16).
                    static const std::regex unless(R"(^опускается, если п\. [\d.]+ не называет форму «(.+?)»)");
                    std::smatch u;
                    const bool conditional = std::regex_search(r.reason, u, unless);
                    BOOST_TEST((r.reason.empty() || conditional), "both a paragraph and a reason");
                    BOOST_TEST(!r.words.empty(), "no words to find in paragraph " << r.paragraph);
                    const std::string text = section(lines, r.paragraph);
                    BOOST_TEST(!text.empty(), "the Положение has no paragraph " << r.paragraph);
                    if (conditional) {
                        const auto defined = text.find("Формы наставничества определяются");
                        BOOST_TEST(defined != std::string::npos, text);
                        const bool named = text.substr(0, defined).find("«" + u[1].str() + "»") != std::string::npos;
                        BOOST_TEST((text.find(r.words, defined) != std::string::npos) == named,
                                   "«" << u[1].str() << "» named " << named << ", «" << r.words << "»:\n" << text);
                        continue;
                    }
                    BOOST_TEST(text.find(r.words) != std::string::npos,
                               "paragraph " << r.paragraph << " lacks «" << r.words << "»:\n" << text);
                }
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(a_paragraph_holds_its_subparagraphs_and_lists_only) {
    const auto lines = lines_of("ПРИНЯТО\nПОЛОЖЕНИЕ\n4. Структура\nвводный абзац\n4.1.3. Куратор:\n— организует;\n"
                                "4.1.4. Совет\n4.1.40. Иное\n5. Права\n");
    BOOST_TEST(section(lines, "4.1.3") == "4.1.3. Куратор:\n— организует;\n");
    BOOST_TEST(section(lines, "4") == "4. Структура\nвводный абзац\n4.1.3. Куратор:\n— организует;\n4.1.4. Совет\n4.1.40. Иное\n");
    BOOST_TEST(section(lines, "4.1.4") == "4.1.4. Совет\n");
    BOOST_TEST(section(lines, "гриф") == "ПРИНЯТО\n");
    BOOST_TEST(section(lines, "6").empty());
}

BOOST_AUTO_TEST_SUITE_END()
