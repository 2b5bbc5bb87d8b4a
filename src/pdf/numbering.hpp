#pragma once
// Internal: numbering.xml — list labels («1.», «1.1.», «–», «•») counted across the document.

#include <libxml/tree.h>

#include <array>
#include <map>
#include <optional>
#include <string>

namespace nastavnik::pdf {

class Numbering {
public:
    Numbering() = default;
    explicit Numbering(xmlNodePtr numbering_root);

    struct Label {
        std::string text;     // UTF-8, bullets mapped out of symbol fonts
        const xmlNode* ppr = nullptr;  // the level's indents and tabs
        const xmlNode* rpr = nullptr;  // the label's run properties
        std::string suffix = "tab";    // tab | space | nothing
    };
    /// Advances the counter of (num_id, level) and returns the label; nullopt if the list
    /// does not exist (numId 0 means "no list").
    std::optional<Label> next(int num_id, int level);
    /// The level's pPr without counting (a paragraph's indents come from it).
    [[nodiscard]] const xmlNode* level_ppr(int num_id, int level) const;

private:
    struct Level {
        int start = 1;
        std::string format = "decimal";
        std::string text;
        const xmlNode* ppr = nullptr;
        const xmlNode* rpr = nullptr;
        std::string suffix = "tab";
    };
    struct Abstract {
        std::array<Level, 9> levels;
    };
    struct Num {
        int abstract_id = -1;
        std::map<int, int> start_override;
        std::map<int, Level> level_override;
        bool used = false;
    };
    std::map<int, Abstract> abstracts_;
    std::map<int, Num> nums_;
    std::map<int, std::array<int, 9>> counters_;  // per abstract list

    [[nodiscard]] const Level* level(int num_id, int level) const;
};

}  // namespace nastavnik::pdf
