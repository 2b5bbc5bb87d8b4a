#pragma once
// Internal: what a finding is about, in words a person reads — the person, the pair or group by
// its participants, the document by its kind, date and number (the JSON path stays in the JSON
// report and after the words in the text one).

#include "nastavnik/data/data_tree.hpp"

#include <libxml/tree.h>

#include <map>
#include <string>

namespace nastavnik::rules {

/// «пара: наставник Е.Н. Васильева — наставляемая А.Д. Егорова», «куратор М.В. Соколова»,
/// «Положение о наставничестве от 28.08.2023», «организация в целом».
std::string describe_subject(const data::DataTree& tree, const xmlNode* node);

/// What a field of the data is, from the format's description: «дата письменного согласия
/// наставника» (the part before «;» and without a closing remark in brackets).
std::string field_in_words(const data::Field& f);

/// The element of the data a finding is about, found by its JSON path ("mentors[3]").
class SubjectIndex {
public:
    explicit SubjectIndex(const data::DataTree& tree) { walk(tree, tree.root()); }
    [[nodiscard]] xmlNodePtr find(const std::string& path) const {
        const auto it = nodes_.find(path);
        return it == nodes_.end() ? nullptr : it->second;
    }

private:
    void walk(const data::DataTree& tree, xmlNodePtr n) {
        for (; n != nullptr; n = n->next) {
            if (n->type != XML_ELEMENT_NODE) continue;
            nodes_.emplace(tree.json_path(n), n);  // the first (outermost) element of a path
            walk(tree, n->children);
        }
    }
    std::map<std::string, xmlNodePtr> nodes_;
};

}  // namespace nastavnik::rules
