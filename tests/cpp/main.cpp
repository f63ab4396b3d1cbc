// The one translation unit that defines Boost.Test's main.
#define BOOST_TEST_MODULE disclosure
#include <boost/test/unit_test.hpp>
