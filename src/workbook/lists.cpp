// The open lists a workbook offers in its drop-downs: positions and forms of mentoring. Both
// are offers, not rules: a cell may hold other text, and the rules decide what is allowed.

#include "nastavnik/workbook/workbook.hpp"
#include "nastavnik/rules/catalog.hpp"

namespace nastavnik::workbook {

const std::vector<std::string>& position_names() {
    // Раздел I п. 2 номенклатуры (постановление Правительства РФ от 21.02.2022 № 225): the
    // positions of pedagogical workers other than university teaching staff; then the heads'
    // positions of раздел II in the words schools use in their staff lists.
    static const std::vector<std::string> names = {
        "воспитатель",
        "инструктор по труду",
        "инструктор по физической культуре",
        "инструктор-методист",
        "концертмейстер",
        "логопед",
        "мастер производственного обучения",
        "методист",
        "музыкальный руководитель",
        "педагог дополнительного образования",
        "педагог-библиотекарь",
        "педагог-организатор",
        "педагог-психолог",
        "преподаватель",
        "преподаватель-организатор основ безопасности жизнедеятельности",
        "руководитель физического воспитания",
        "советник директора по воспитанию и взаимодействию с детскими общественными объединениями",
        "социальный педагог",
        "старший вожатый",
        "старший воспитатель",
        "старший инструктор-методист",
        "старший методист",
        "старший педагог дополнительного образования",
        "старший тренер-преподаватель",
        "тренер-преподаватель",
        "тьютор",
        "учитель",
        "учитель начальных классов",
        "учитель-дефектолог",
        "учитель-логопед",
        "директор",
        "заведующий",
        "заместитель директора по учебно-воспитательной работе",
        "заместитель директора по воспитательной работе",
        "заместитель директора по научно-методической работе",
        "заместитель заведующего",
        "руководитель структурного подразделения",
        "старший мастер",
    };
    return names;
}

const std::vector<std::string>& federal_mentoring_forms() {
    // Примерное положение к методическим рекомендациям (письмо Минпросвещения России от
    // 21.12.2021 № АЗ-1128/08), п. 2.3 and the forms it defines.
    static const std::vector<std::string> forms = {
        "педагог – педагог",
        "руководитель образовательной организации – педагог",
        "работодатель – студент",
        "педагог вуза/колледжа – молодой педагог образовательной организации",
        "виртуальное (дистанционное) наставничество",
        "наставничество в группе",
        "краткосрочное или целеполагающее наставничество",
        "реверсивное наставничество",
        "ситуационное наставничество",
        "скоростное наставничество",
        "традиционная форма наставничества («один-на-один»)",
    };
    return forms;
}

std::vector<std::string> ruleset_mentoring_forms(const rules::Catalog& catalog, const std::string& region,
                                                 const std::string& municipality, const Date& day) {
    const auto selected = catalog.select(region, municipality, day);
    for (auto it = selected.rbegin(); it != selected.rend(); ++it) {
        for (const auto& p : (*it)->parameters) {
            if (p.id != "model_forms") continue;
            if (const auto* v = p.at(day)) {
                std::vector<std::string> forms;
                std::string current;
                for (const char c : v->value + "|") {
                    if (c == '|') {
                        if (!current.empty()) forms.push_back(current);
                        current.clear();
                    } else {
                        current += c;
                    }
                }
                if (!forms.empty()) return forms;
            }
        }
    }
    return federal_mentoring_forms();
}

}  // namespace nastavnik::workbook
