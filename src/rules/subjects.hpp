#pragma once
// Internal: what a finding is about, in words a person reads — the person, the pair or group by
// its participants, the document by its kind, date and number (the JSON path stays in the JSON
// report and after the words in the text one).

#include "nastavnik/data/data_tree.hpp"

#include <libxml/tree.h>

#include <map>
#include <string>

namespace nastavnik::rules {

/// «пара наставника Е.Н. Васильевой и наставляемой А.Д. Егоровой», «группа наставника М.В. Ивановой
/// (наставляемая А.В. Демидова)», «куратор М.В. Соколова», «Положение о наставничестве от
/// 28.08.2023», «анкета наставляемой В.Д. Чернышёвой по программе наставника Л.Г. Васильевой и
/// наставляемой В.Д. Чернышёвой», «организация в целом».
std::string describe_subject(const data::DataTree& tree, const xmlNode* node);

/// Whose programme a pair's or a group's is, in the genitive: «наставника Г.М. Андреевой и
/// наставляемой Е.С. Кирилловой», «группы наставника М.В. Ивановой»; "" for anything else.
std::string programme_owner(const data::DataTree& tree, const xmlNode* node);

/// What a finding could not be checked without, with whom it concerns, without data paths:
/// «цели программы наставника Г.М. Андреевой и наставляемой Е.С. Кирилловой», «дата письменного
/// согласия наставника (наставник С.А. Козлов)»; the organisation as a whole is not named.
std::string missing_in_words(const data::DataTree& tree, const xmlNode* subject, const std::string& missing);

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
