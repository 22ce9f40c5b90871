#include <catch2/catch.hpp>

#include "util/ids.hpp"
#include "util/text.hpp"

using namespace clausebook::util;

TEST_CASE("ids that become file names are refused when unsafe", "[ids]") {
    CHECK(is_simple_id("conway-primary"));
    CHECK(is_simple_id("st_peters2"));
    std::string why;
    for (const char* bad : {"", "../x", "a/b", "Conway", "two words", "-x", "con", "nul", "com1", "x.y", "a\\b"}) {
        INFO(bad);
        CHECK_FALSE(is_simple_id(bad, &why));
        CHECK_FALSE(why.empty());
    }
    CHECK(is_clause_id("staff.personal-use"));
    for (const char* bad : {"../x", "staff..x", ".x", "staff/x", "Staff.x", "staff.con"}) {
        INFO(bad);
        CHECK_FALSE(is_clause_id(bad, &why));
    }
}

TEST_CASE("suggestions come only for close names", "[text]") {
    CHECK(did_you_mean("nmae", {"name", "role"}) == "did you mean 'name'?");
    CHECK(did_you_mean("headteachr", {"headteacher", "dsl"}) == "did you mean 'headteacher'?");
    CHECK(did_you_mean("zebra", {"name", "role"}).empty());
    CHECK(find_invalid_utf8("caf\xc3\xa9") == std::nullopt);
    CHECK(find_invalid_utf8("caf\xe9!") == std::optional<std::size_t>(3));
    CHECK(find_invalid_utf8("\xed\xa0\x80") == std::optional<std::size_t>(0));  // a surrogate
}
