#include "nastavnik/text/professions.hpp"

#include <boost/test/unit_test.hpp>

using nastavnik::text::profession_of;

BOOST_AUTO_TEST_SUITE(professions)

// One profession whatever the subject or the «старший»; another for a specialist of the same
// organisation (reader G of 7.12.2026, 5: a музыкальный руководитель mentoring a воспитатель).
BOOST_AUTO_TEST_CASE(a_position_has_its_profession) {
    BOOST_TEST(profession_of("учитель математики") == "учитель");
    BOOST_TEST(profession_of("Учитель начальных классов") == "учитель");
    BOOST_TEST(profession_of("учитель") == "учитель");
    BOOST_TEST(profession_of("учитель-логопед") == "учитель-логопед");
    BOOST_TEST(profession_of("учитель – логопед") == "учитель-логопед");
    BOOST_TEST(profession_of("логопед") == "учитель-логопед");
    BOOST_TEST(profession_of("воспитатель") == "воспитатель");
    BOOST_TEST(profession_of("воспитатель группы раннего возраста") == "воспитатель");
    BOOST_TEST(profession_of("музыкальный руководитель") == "музыкальный руководитель");
    BOOST_TEST(profession_of("старший педагог дополнительного образования") == "педагог дополнительного образования");
    BOOST_TEST(profession_of("концертмейстер") == "концертмейстер");
    BOOST_TEST(profession_of("воспитатель") != profession_of("музыкальный руководитель"));
}

// Who guides pedagogues of every profession, and a position the table does not know, have none:
// nothing says their pairs are of two professions.
BOOST_AUTO_TEST_CASE(a_head_a_methodist_and_an_unknown_position_have_none) {
    for (const char* p : {"директор", "заведующий", "заместитель заведующего по воспитательной и методической работе",
                          "методист", "старший воспитатель", "старший методист", "воспитательница", "учительница",
                          "преподаватель-организатор основ безопасности жизнедеятельности", ""}) {
        BOOST_TEST(profession_of(p).empty(), p);
    }
}

BOOST_AUTO_TEST_SUITE_END()
