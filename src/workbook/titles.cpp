#include "workbook/titles.hpp"

#include "nastavnik/data/schema.hpp"

#include <algorithm>

namespace nastavnik::workbook::detail {

namespace {

const std::vector<Placement> organisation_placements = {
    {"organisation", "Организация", "Сведения об организации"},
    {"curator", "Организация", "Куратор реализации программ наставничества"},
    {"pedagogical_council", "Организация", "Педагогический совет, принявший Положение"},
    {"", "Организация", "Наставничество в организации"},
    {"staff", "Сотрудники", "Педагогические работники и руководители организации: по строке на человека."},
    {"mentors", "Наставники", "Наставники: по строке на наставника, с датой его письменного согласия и приказом о назначении."},
    {"pairs", "Пары", "Наставнические пары: по строке на пару, с персонализированной программой."},
    {"groups", "Группы", "Наставнические группы: по строке на группу, наставляемые — в одной ячейке, каждый с новой строки."},
    {"groups.mentee_consents", "Согласия в группах",
     "Письменные согласия наставляемых в группах: по строке на наставляемого."},
    {"acts", "Документы", "Локальные акты и приказы организации о наставничестве: по строке на документ."},
    {"document_settings", "Оформление", "Оформление документов"},
    {"reporting_years", "Учебные годы", "Итоги учебных годов: по строке на учебный год."},
    {"reporting_years.monitoring", "Мониторинг",
     "Значения показателей мониторинга: по строке на значение, с датой и источником."},
    {"reporting_years.questionnaires", "Анкеты", "Заполненные анкеты: по строке на анкету."},
};

const std::vector<Placement> municipality_placements = {
    {"municipality", "Муниципалитет", "Сведения о муниципалитете"},
    {"municipality.head", "Муниципалитет", "Руководитель органа управления образованием"},
    {"municipality.coordinator", "Муниципалитет", "Муниципальный координатор наставничества"},
    {"municipality.acts", "Документы", "Акты органа управления образованием о наставничестве: по строке на документ."},
    {"municipality.targets", "Целевые показатели", "Целевые показатели региона по годам: по строке на показатель и год."},
    {"municipality.methodological_service_staff", "Методическая служба",
     "Работники муниципальной методической службы: по строке на человека, с датой обучения в ЦНППМ."},
    {"organisation_summaries", "Организации",
     "Сводные сведения по организациям — только когда полных данных организаций нет (batch пишет их сам)."},
};

const std::vector<Title> organisation_titles = {
    {"organisation.full_name", "Полное наименование"},
    {"organisation.short_name", "Сокращённое наименование"},
    {"organisation.type", "Тип организации"},
    {"organisation.municipality", "Муниципальное образование"},
    {"organisation.place", "Место издания документов"},
    {"organisation.email", "Электронная почта"},
    {"organisation.methodological_council", "Методический совет создан"},
    {"organisation.website_mentoring_section", "Раздел о наставничестве на сайте открыт"},
    {"organisation.head", "Руководитель"},
    {"organisation.deputies", "Заместители руководителя"},
    {"curator.person", "Куратор"},
    {"pedagogical_council.protocol_number", "Номер протокола"},
    {"pedagogical_council.date", "Дата заседания"},
    {"mentee_list_updated", "Список наставляемых актуализирован"},
    {"mentoring_forms", "Формы наставничества по Положению"},
    {"staff.id", "Код сотрудника"},
    {"staff.hire_date", "Дата приёма на работу"},
    {"staff.pedagogical_experience_start", "Начало педагогического стажа"},
    {"staff.difficulties", "Профессиональные затруднения"},
    {"mentors.person", "Наставник"},
    {"mentors.consent_date", "Дата согласия наставника"},
    {"mentors.appointed_by", "Приказ о назначении наставником"},
    {"pairs.id", "Код пары"},
    {"pairs.mentee_consent_date", "Дата согласия наставляемого"},
    {"pairs.programme.start", "Начало программы"},
    {"pairs.programme.end", "Окончание программы"},
    {"pairs.programme.goals", "Цели программы"},
    {"pairs.programme.approved_by", "Программа утверждена приказом"},
    {"pairs.appointed_by", "Приказ о закреплении пары"},
    {"groups.id", "Код группы"},
    {"groups.programme.start", "Начало программы"},
    {"groups.programme.end", "Окончание программы"},
    {"groups.programme.goals", "Цели программы"},
    {"groups.programme.approved_by", "Программа утверждена приказом"},
    {"groups.appointed_by", "Приказ о закреплении группы"},
    {"groups.mentee_consents.@parent", "Группа"},
    {"reporting_years.monitoring.@parent", "Учебный год"},
    {"reporting_years.questionnaires.@parent", "Учебный год"},
    {"groups.mentee_consents.person", "Наставляемый"},
    {"groups.mentee_consents.date", "Дата согласия"},
    {"acts.id", "Код документа"},
    {"acts.date", "Дата"},
    {"acts.number", "Номер"},
    {"acts.approved_by", "Утверждён приказом"},
    {"acts.title", "Заголовок"},
    {"document_settings.font", "Шрифт"},
    {"document_settings.font_size", "Размер шрифта, пт"},
    {"document_settings.gost_edition", "Редакция ГОСТ Р 7.0.97"},
    {"document_settings.order_number_format", "Формат номера приказа"},
};

const std::vector<Title> municipality_titles = {
    {"municipality.name", "Муниципальное образование"},
    {"municipality.name_genitive", "Наименование в родительном падеже"},
    {"municipality.place", "Место издания документов"},
    {"municipality.committee", "Орган управления образованием"},
    {"municipality.committee_short", "Сокращённое наименование органа"},
    {"municipality.coordinator_organisation", "Организация — муниципальный координатор"},
    {"municipality.implementation_deadline", "Срок внедрения системы наставничества"},
    {"municipality.website_mentoring_section", "Раздел о наставничестве на сайте открыт"},
    {"municipality.methodological_service", "Муниципальная методическая служба действует с"},
    {"municipality.acts.date", "Дата"},
    {"municipality.acts.number", "Номер"},
    {"municipality.acts.title", "Заголовок"},
    {"municipality.methodological_service_staff.trained_at_cnppm", "Обучен в ЦНППМ"},
    {"municipality.targets.indicator", "Показатель"},
    {"municipality.targets.value", "Целевое значение, %"},
    {"municipality.targets.source", "Документ, установивший значение"},
    {"organisation_summaries.name", "Организация"},
    {"organisation_summaries.type", "Тип организации"},
    {"organisation_summaries.status", "Итог проверки"},
    {"organisation_summaries.polozhenie", "Положение принято"},
    {"organisation_summaries.programme", "Программа развития наставничества"},
    {"organisation_summaries.staff", "Педагогических работников"},
    {"organisation_summaries.mentors", "Наставников"},
    {"organisation_summaries.young", "Молодых педагогов"},
    {"organisation_summaries.young_covered", "Из них с наставником"},
};

const std::vector<std::pair<std::string, std::string>> indicator_labels = {
    {"young_teachers_covered", "доля молодых педагогов, охваченных наставничеством"},
    {"organisations_with_programme", "доля организаций с программой наставничества"},
    {"mentors_share", "доля наставников среди педагогов"},
    {"organisations_compliant", "доля организаций без нарушений"},
};

bool is_organisation(std::string_view format) { return format == data::organisation_format; }

}  // namespace

const std::vector<Placement>& placements(std::string_view format) {
    return is_organisation(format) ? organisation_placements : municipality_placements;
}

const std::vector<Title>& titles(std::string_view format) {
    return is_organisation(format) ? organisation_titles : municipality_titles;
}

const std::vector<std::pair<std::string, std::string>>* value_labels(std::string_view format, std::string_view path) {
    if (!is_organisation(format) && path == "municipality.targets.indicator") return &indicator_labels;
    return nullptr;
}

bool is_position_field(std::string_view path) {
    return path == "staff.position";
}

bool is_form_field(std::string_view path) {
    return path == "pairs.form" || path == "groups.form" || path == "mentoring_forms";
}

}  // namespace nastavnik::workbook::detail
