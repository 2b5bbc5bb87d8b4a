#include "nastavnik/batch/batch.hpp"

#include "nastavnik/xpath/evaluator.hpp"

namespace nastavnik::batch {

namespace {

// The definitions of the indicators, as XPath over the data tree (docs/CONTRACTS.md §2), so
// that they read like the rules that use the same data. Compiled once, shared by all threads.
struct Definitions {
    xpath::Expression staff = xpath::Expression::compile("count(/data/staff/person)");
    xpath::Expression mentors = xpath::Expression::compile("count(/data/mentors/mentor)");
    xpath::Expression mentees = xpath::Expression::compile(
        "count(/data/staff/person[@id = /data/pairs/pair/mentee or @id = /data/groups/group/mentees/mentee])");
    xpath::Expression pairs = xpath::Expression::compile("count(/data/pairs/pair)");
    xpath::Expression groups = xpath::Expression::compile("count(/data/groups/group)");
    // «Молодой педагог» — педагогический стаж менее трёх лет (как в региональных программах
    // наставничества, например Бурятия № 1552, разд. IV).
    xpath::Expression young = xpath::Expression::compile(
        "count(/data/staff/person[pedagogical_experience_start and "
        "n:years-between(pedagogical_experience_start, n:today()) < 3])");
    xpath::Expression young_covered = xpath::Expression::compile(
        "count(/data/staff/person[pedagogical_experience_start and "
        "n:years-between(pedagogical_experience_start, n:today()) < 3]"
        "[@id = /data/pairs/pair/mentee or @id = /data/groups/group/mentees/mentee])");
    xpath::Expression polozhenie = xpath::Expression::compile("/data/acts/act[kind = 'положение о наставничестве']");
    xpath::Expression programme =
        xpath::Expression::compile("/data/acts/act[kind = 'программа развития наставничества']");
};

const Definitions& definitions() {
    static const Definitions d;
    return d;
}

}  // namespace

Indicators indicators(const data::DataTree& tree, const Date& as_of) {
    const auto& d = definitions();
    xpath::Evaluator ev(tree.doc(), as_of.iso());
    const auto count = [&](const xpath::Expression& e) { return static_cast<int>(ev.number(e, tree.root())); };
    Indicators i;
    i.staff = count(d.staff);
    i.mentors = count(d.mentors);
    i.mentees = count(d.mentees);
    i.pairs = count(d.pairs);
    i.groups = count(d.groups);
    i.young = count(d.young);
    i.young_covered = count(d.young_covered);
    i.polozhenie = ev.boolean(d.polozhenie, tree.root());
    i.programme = ev.boolean(d.programme, tree.root());
    return i;
}

}  // namespace nastavnik::batch
