#define BOOST_TEST_MODULE nastavnik
#include <boost/test/unit_test.hpp>
