#include "workbook/titles.hpp"

#include "nastavnik/data/monitoring.hpp"
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
    {"reporting_years", "Учебные годы",
     "Итоги закрытых учебных лет: по строке на год, записываются по его окончании."},
    {"monitoring", "Мониторинг",
     "Значения показателей мониторинга: по строке на значение, с датой измерения и источником."},
    {"questionnaires", "Анкеты",
     "Заполненные анкеты наставляемых, наставников и куратора: по строке на анкету, ответы — по столбцу на вопрос."},
};

const std::vector<Placement> municipality_placements = {
    {"municipality", "Муниципалитет", "Сведения о муниципалитете"},
    {"municipality.head", "Муниципалитет", "Руководитель органа управления образованием"},
    {"municipality.coordinator", "Муниципалитет", "Муниципальный координатор наставничества"},
    {"municipality.acts", "Документы", "Акты органа управления образованием о наставничестве: по строке на документ."},
    {"municipality.methodological_service_staff", "Методическая служба",
     "Работники муниципальной методической службы: по строке на человека."},
    {"municipality.targets", "Целевые показатели", "Целевые показатели региона по годам: по строке на показатель и год."},
    {"municipality.amendments", "Изменения в приказ",
     "Изменения в действующий приказ о внедрении системы наставничества: по строке на пункт."},
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
    {"organisation.founder", "Учредитель"},
    {"organisation.place", "Место издания документов"},
    {"organisation.email", "Электронная почта"},
    {"organisation.methodological_council", "Методический совет создан"},
    {"organisation.website_mentoring_section", "Раздел о наставничестве на сайте открыт"},
    {"organisation.methodological_associations", "Методические объединения действуют с"},
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
    {"staff.individual_route.date", "Индивидуальный маршрут с"},
    {"staff.individual_route.deficits", "Дефициты, на которых построен маршрут"},
    {"staff.personal_data_consent.date", "Согласие на обработку ПДн, дата"},
    {"staff.personal_data_consent.content", "Что содержит согласие"},
    {"staff.personal_data_consent.dissemination", "Согласие на распространение ПДн, дата"},
    {"mentors.person", "Наставник"},
    {"mentors.consent_date", "Дата согласия наставника"},
    {"mentors.appointed_by", "Приказ о назначении наставником"},
    {"mentors.labour_agreement.date", "Дата доп. соглашения о наставничестве"},
    {"mentors.labour_agreement.number", "Номер доп. соглашения"},
    {"mentors.labour_agreement.pay.amount", "Доплата, руб."},
    {"mentors.labour_agreement.pay.period", "Доплата за период"},
    {"mentors.labour_agreement.pay.percent", "Доплата, %"},
    {"mentors.labour_agreement.pay.base", "Процент от"},
    {"mentors.labour_agreement.end", "Наставничество по соглашению до"},
    {"mentors.published_on_website", "Сведения о наставнике на сайте"},
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
    {"acts.based_on_deficits", "С учётом профессиональных дефицитов"},
    {"acts.follows_model", "Воспроизводит примерное Положение"},
    {"document_settings.font", "Шрифт"},
    {"document_settings.font_size", "Размер шрифта, пт"},
    {"document_settings.gost_edition", "Редакция ГОСТ Р 7.0.97"},
    {"document_settings.order_number_format", "Формат номера приказа"},
    {"reporting_years.year", "Учебный год"},
    {"reporting_years.staff", "Педагогических работников"},
    {"reporting_years.mentors", "Наставников"},
    {"reporting_years.mentees", "Наставляемых"},
    {"reporting_years.pairs", "Наставнических пар"},
    {"reporting_years.groups", "Наставнических групп"},
    {"reporting_years.young", "Молодых специалистов"},
    {"reporting_years.young_covered", "Из них с наставником"},
    {"monitoring.programme", "Программа (пара или группа)"},
    {"monitoring.indicator", "Показатель"},
    {"monitoring.value", "Значение"},
    {"monitoring.point", "Момент измерения"},
    {"monitoring.date", "Дата измерения"},
    {"monitoring.source", "Источник"},
    {"questionnaires.form", "Анкета"},
    {"questionnaires.respondent", "Кто заполнил"},
    {"questionnaires.programme", "Программа (пара или группа)"},
    {"questionnaires.date", "Дата анкетирования"},
    {"questionnaires.point", "Момент"},
    {"questionnaires.answers.programme_results", "Выполнено мероприятий, %"},
    {"questionnaires.answers.risks", "Риски (число)"},
    {"questionnaires.answers.joint_projects", "Совместные проекты (число)"},
    {"questionnaires.answers.professional_activity", "Открытые занятия, выступления, конкурсы (число)"},
    {"questionnaires.answers.mentee_results", "Результаты наставляемого (1–5)"},
    {"questionnaires.answers.mentor_results", "Результаты наставника (1–5)"},
    {"questionnaires.answers.motivation", "Мотивация к саморазвитию (1–5)"},
    {"questionnaires.answers.innovation", "Включённость в инновации (1–5)"},
    {"questionnaires.answers.adaptation", "Адаптация (1–5)"},
    {"questionnaires.answers.future_mentors", "Хочет стать наставником (да/нет)"},
    {"questionnaires.answers.future_mentees", "Продолжит как наставляемый (да/нет)"},
    {"questionnaires.answers.satisfaction", "Удовлетворённость работой (1–5)"},
    {"questionnaires.answers.retention", "Продолжит работу в организации (да/нет)"},
    {"questionnaires.answers.conflicts", "Конфликты (число)"},
    {"questionnaires.answers.publications", "Собственные работы (число)"},
};

const std::vector<Title> municipality_titles = {
    {"municipality.name", "Муниципальное образование"},
    {"municipality.name_genitive", "Наименование в родительном падеже"},
    {"municipality.place", "Место издания документов"},
    {"municipality.committee", "Орган управления образованием"},
    {"municipality.committee_short", "Сокращённое наименование органа"},
    {"municipality.committee_genitive", "Сокращённое наименование органа в родительном падеже"},
    {"municipality.coordinator_organisation", "Организация — муниципальный координатор"},
    {"municipality.implementation_deadline", "Срок внедрения системы наставничества"},
    {"municipality.website_mentoring_section", "Раздел о наставничестве на сайте открыт"},
    {"municipality.methodological_service", "Муниципальная методическая служба действует с"},
    {"municipality.methodological_associations", "Методические объединения действуют с"},
    {"municipality.methodological_service_staff.trained_at_cnppm", "Обучен в ЦНППМ (дата)"},
    {"municipality.acts.date", "Дата"},
    {"municipality.acts.number", "Номер"},
    {"municipality.acts.title", "Заголовок"},
    {"municipality.methodological_service_staff.trained_at_cnppm", "Обучен в ЦНППМ"},
    {"municipality.targets.indicator", "Показатель"},
    {"municipality.targets.value", "Целевое значение, %"},
    {"municipality.targets.source", "Документ, установивший значение"},
    {"municipality.amendments_reason", "Основание изменений в приказ"},
    {"municipality.amendments.item", "Пункт"},
    {"municipality.amendments.annex", "Пункт приложения к приказу"},
    {"municipality.amendments.action", "Изменение"},
    {"municipality.amendments.wording", "Новая редакция пункта"},
    {"organisation_summaries.name", "Организация"},
    {"organisation_summaries.type", "Тип организации"},
    {"organisation_summaries.status", "Итог проверки"},
    {"organisation_summaries.polozhenie", "Положение принято"},
    {"organisation_summaries.programme", "Программа развития наставничества"},
    {"organisation_summaries.staff", "Педагогических работников"},
    {"organisation_summaries.mentors", "Наставников"},
    {"organisation_summaries.young", "Молодых педагогов"},
    {"organisation_summaries.young_covered", "Из них с наставником"},
    {"organisation_summaries.young_teachers", "Учителей до 35 лет в первые три года"},
    {"organisation_summaries.young_teachers_covered", "Из них в наставничестве"},
    {"organisation_summaries.young_teachers_unknown", "Учителей без сведений о возрасте или стаже"},
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

// The monitoring indicators as a person picks them: what each measures.
const std::vector<std::pair<std::string, std::string>>& monitoring_labels() {
    static const auto labels = [] {
        std::vector<std::pair<std::string, std::string>> out;
        for (const auto& i : data::monitoring::indicators()) out.emplace_back(i.id, i.title);
        // Titles of earlier versions, still read from workbooks filled in with them (written: the first).
        out.emplace_back("exam_pass_share", "Доля обучающихся наставляемого, успешно прошедших ВПР и ГИА");
        out.emplace_back("pupils_progress", "Успеваемость обучающихся наставляемого (доля успевающих на «4» и «5»)");
        return out;
    }();
    return labels;
}

const std::vector<std::pair<std::string, std::string>>* value_labels(std::string_view format, std::string_view path) {
    if (!is_organisation(format) && path == "municipality.targets.indicator") return &indicator_labels;
    if (is_organisation(format) && path == "monitoring.indicator") return &monitoring_labels();
    return nullptr;
}

bool is_position_field(std::string_view path) {
    return path == "staff.position";
}

bool is_form_field(std::string_view path) {
    return path == "pairs.form" || path == "groups.form" || path == "mentoring_forms";
}

}  // namespace nastavnik::workbook::detail
