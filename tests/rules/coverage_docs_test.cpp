// docs/rulesets/<ruleset id>.md maps the act's clauses to rules: every rule of the ruleset (its
// own and those it adopts) must appear there, and every clause of the act's recorded structure
// must have its row — with the rule that checks it or the reason none does — so the table cannot
// silently fall behind the ruleset or the act.

#include "nastavnik/rules/catalog.hpp"

#include <boost/test/unit_test.hpp>

#include <fstream>
#include <sstream>

using namespace nastavnik::rules;

namespace {

std::string slurp(const std::filesystem::path& p) {
    std::ifstream in(p);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string plain(std::string s) {
    for (std::size_t at; (at = s.find("\u00A0")) != std::string::npos;) s.replace(at, std::string("\u00A0").size(), " ");
    return s;
}

// The first cell of a clause's row: «п. 4.1.2», «п. 2 разд. IV», «ч. 2 ст. 351.8»; the act's own
// items of an act with annexes are «приказ: п. 3».
std::string row_label(const Document& doc, const Node& node) {
    const Citation c{doc.act, &doc, &node, {}, {}};
    const std::string own = !doc.is_annex() && !doc.annexes.empty() ? doc.act->kind + ": " : "";
    return "| " + own + plain(c.node_text()) + " |";
}

void rows_of(const Document& doc, std::vector<std::pair<std::string, const Node*>>& out) {
    for (const Node* n : doc.all_nodes()) out.emplace_back(row_label(doc, *n), n);
    for (const auto& a : doc.annexes) rows_of(*a, out);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(coverage_docs)

BOOST_AUTO_TEST_CASE(every_rule_and_every_clause_is_in_its_table) {
    const auto catalog = Catalog::load(NASTAVNIK_SOURCE_DIR "/rulesets");
    for (const auto& rs : catalog.all()) {
        const std::filesystem::path table = std::filesystem::path(NASTAVNIK_SOURCE_DIR "/docs/rulesets") / (rs->id + ".md");
        BOOST_REQUIRE_MESSAGE(std::filesystem::exists(table), "no clause table " << table);
        const std::string text = slurp(table);
        for (const auto& rule : rs->rules) {
            BOOST_TEST(text.find(rule.id) != std::string::npos, rule.id << " is missing from " << table.filename());
        }
        for (const auto& a : rs->adoptions) {
            BOOST_TEST(text.find(a.rule_id) != std::string::npos, "adopted " << a.rule_id << " is missing from " << table.filename());
        }
        // The acts of the ruleset's own level: their every clause has a row.
        for (const Act* act : rs->cited_acts()) {
            if (!act->body || act->level != layer_name(rs->layer)) continue;
            std::vector<std::pair<std::string, const Node*>> rows;
            rows_of(*act->body, rows);
            for (const auto& [label, node] : rows) {
                BOOST_TEST(text.find(label) != std::string::npos,
                           table.filename() << " has no row for " << label << " of " << act->id);
            }
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
