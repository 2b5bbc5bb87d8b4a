#pragma once
// Recorded acts: an act, its own items and its annexes (each with its title, its own heading
// date and number, its sections and clauses) as a tree that citations point into, so that a
// clause of an annexed Положение is cited as a clause of that Положение, not of the order that
// approved it (docs/CONTRACTS.md §5.1). Loaded from rulesets/acts/*.xml (schema act-1.xsd).

#include "nastavnik/core/date.hpp"
#include "nastavnik/core/error.hpp"

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace nastavnik::rules {

/// Whether an act binds: a law, an order, a local act — or methodological recommendations,
/// which bind no one until a binding act adopts them.
enum class Force { binding, recommendation };

struct Document;

/// A structural unit of a document: раздел, пункт, подпункт, статья, часть, абзац, преамбула.
struct Node {
    std::string kind;    // "section", "item", "subitem", "article", "part", "paragraph", "preamble"
    std::string number;  // as printed ("4.1.2", "IV", "351.8"); empty for the preamble
    std::string title;
    std::optional<Date> since;  // a unit added later: the day it takes effect
    std::string added_by;       // and by what («Федеральным законом от 09.11.2024 № 381-ФЗ»)
    std::string printed;        // the number as the source text prints it, if garbled there
    const Node* parent = nullptr;
    const Document* document = nullptr;
    std::vector<std::unique_ptr<Node>> children;
    int line = 0;

    /// "п.", "разд.", "ст.", "ч.", "подп.", "абз." — or "преамбула".
    [[nodiscard]] std::string unit() const;
    /// The key used in `at` paths: the number, or "преамбула".
    [[nodiscard]] std::string key() const;
};

struct Act;

/// The act's own text (its items) or one of its annexes.
struct Document {
    std::string id;
    const Act* act = nullptr;          // the act the document belongs to
    const Document* parent = nullptr;  // null: the act itself
    std::string number;                // annex number, if the act numbers its annexes
    std::string title;                 // annex: «Положение о системе наставничества …»
    std::string genitive;              // annex: «Положения о системе наставничества …»
    std::string dative;                // annex with annexes of its own: «методическим рекомендациям …»
    std::string gender;                // м | ж | ср | мн: agreement of «утверждённого/-ой/-ых»
    std::string relation;              // утверждено | направлено | приложение
    std::optional<Date> heading_date;  // the annex's own heading, when it differs from the act
    std::string heading_number;
    std::string begins;                // where it begins in the source text (regular expression)
    /// A model of a local act: the kind of the organisation's document («положение о
    /// наставничестве») that makes its clauses binding when it reproduces the model.
    std::string model_of;
    std::vector<std::unique_ptr<Node>> nodes;
    std::vector<std::unique_ptr<Document>> annexes;

    [[nodiscard]] bool is_annex() const noexcept { return parent != nullptr; }
    /// The document named as it follows a unit: «приказа комитета … от 27.07.2022 №\u00A0127»;
    /// «Положения о …, утверждённого приказом комитета … от 27.07.2022 №\u00A0127».
    [[nodiscard]] std::string genitive_reference() const;
    /// The document as a whole: «приказ Министерства … от 24.03.2022 №\u00A0404»; «Положение о …,
    /// утверждённое приказом …».
    [[nodiscard]] std::string nominative_reference() const;
    /// The node at a path of keys ("4.1.2", "IV/2", "преамбула/3", "351.8/2"): each key found
    /// below the previous one, at the shallowest depth that has it («9» of a law is its article
    /// 9, not item 9 of a part). Nullptr with `why` set if none or more than one.
    [[nodiscard]] const Node* find(const std::string& path, std::string* why = nullptr) const;
    /// Every node, in document order.
    [[nodiscard]] std::vector<const Node*> all_nodes() const;
};

/// A recorded act. Acts of ruleset format v1 are recorded inline in their ruleset, flat (no
/// document tree); their citations print as before.
struct Act {
    std::string id;
    std::string kind;    // приказ, письмо, распоряжение, кодекс, федеральный закон …
    std::string issuer;
    std::string number;
    std::string date;    // ISO
    std::string title;
    std::string note;
    // Recorded acts (rulesets/acts/) only:
    std::string level;            // федеральный | региональный | муниципальный | институциональный
    Force force = Force::binding;
    std::string issuer_genitive;  // «комитета по образованию города Барнаула»
    std::string name_genitive;    // «Трудового кодекса Российской Федерации»
    std::string short_name;       // «ТК РФ»
    std::string source;           // the text the structure was taken from
    std::vector<std::string> basis_ids;
    std::vector<const Act*> bases;  // the acts it was issued in accordance with
    std::unique_ptr<Document> body;  // null for v1 inline acts
    std::filesystem::path file;

    /// «приказа комитета по образованию города Барнаула от 27.07.2022 №\u00A0127».
    [[nodiscard]] std::string genitive() const;
    /// «приказом комитета …» (what an annex is approved by).
    [[nodiscard]] std::string instrumental() const;
    /// «приказу комитета …» (what an annex is annexed to).
    [[nodiscard]] std::string dative() const;
    /// «приказ комитета … от … № …» as a whole, in the nominative.
    [[nodiscard]] std::string nominative() const;
    /// The act as a list of acts names it: kind, issuer, date, number and title, without the
    /// acts it rests on — «приказ комитета … от 27.07.2022 № 127 «Об утверждении …»»,
    /// «Федеральный закон от 27.07.2006 № 152-ФЗ «О персональных данных»», «Трудовой кодекс
    /// Российской Федерации».
    [[nodiscard]] std::string full_name() const;
    /// The same in the instrumental, as «Положение разработано в соответствии с: …» lists it:
    /// «приказом Министерства … от 30.12.2020 № 1552 «Об утверждении …»» (an order, a letter, a
    /// resolution — not a code, which has no instrumental recorded).
    [[nodiscard]] std::string full_name_instrumental() const;
};

/// All recorded acts, by id; documents (acts and their annexes) by id too.
class ActLibrary {
public:
    /// Loads every *.xml of `dir` against `schema`. Throws Error(ruleset_invalid) listing the
    /// problems of all files. A missing folder gives an empty library.
    static std::shared_ptr<const ActLibrary> load(const std::filesystem::path& dir, const std::filesystem::path& schema);

    [[nodiscard]] const Act* act(const std::string& id) const;
    /// An act's own text or an annex, by id.
    [[nodiscard]] const Document* document(const std::string& id) const;
    [[nodiscard]] const std::vector<std::unique_ptr<Act>>& all() const noexcept { return acts_; }

private:
    std::vector<std::unique_ptr<Act>> acts_;
    std::map<std::string, const Document*> documents_;
};

/// Where a structure does not match its source text: every node's number must begin a line of
/// the text inside its document (after the annex's `begins` line for an annex). `texts` is the
/// folder holding the acts' `source` files (../shared/regulations/). Acts without a source, or
/// whose source is not in the folder, are skipped.
std::vector<Diagnostic> check_against_texts(const ActLibrary& library, const std::filesystem::path& texts);

}  // namespace nastavnik::rules
