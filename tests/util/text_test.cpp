// Edit distance: the value suggestions and the school-name rule rely on, with and without a limit.
#include <catch2/catch.hpp>

#include "util/text.hpp"

using clausebook::util::edit_distance;

TEST_CASE("edit distance: insertions, deletions, substitutions and neighbouring swaps cost 1", "[util]") {
    CHECK(edit_distance("name", "name") == 0);
    CHECK(edit_distance("nmae", "name") == 1);  // a swap
    CHECK(edit_distance("Wimbourne", "Wimborne") == 1);
    CHECK(edit_distance("St Peters", "St Peter's") == 1);
    CHECK(edit_distance("", "abc") == 3);
    CHECK(edit_distance("kitten", "sitting") == 3);
}

TEST_CASE("edit distance: past the limit it answers limit + 1, and below it the exact value", "[util]") {
    CHECK(edit_distance("kitten", "sitting", 3) == 3);
    CHECK(edit_distance("kitten", "sitting", 2) == 3);
    CHECK(edit_distance("kitten", "sitting", 1) == 2);
    CHECK(edit_distance("a", "abcdef", 2) == 3);  // the lengths alone rule it out
    CHECK(edit_distance("Conway Primary School", "Conway Primary Schol", 2) == 1);
    // Limited and unlimited agree whenever the distance is within the limit.
    for (auto [a, b] : {std::pair{"St Wenn School", "St Wen School"}, std::pair{"Beckstone", "Beckston Primary"}, std::pair{"abcd", "badc"}}) {
        std::size_t full = edit_distance(a, b);
        for (std::size_t limit = 0; limit < 8; ++limit) CHECK(edit_distance(a, b, limit) == std::min(full, limit + 1));
    }
}

TEST_CASE("with_article puts 'an' before a vowel and 'a' before anything else", "[util]") {
    CHECK(clausebook::util::with_article("academy") == "an academy");
    CHECK(clausebook::util::with_article("independent") == "an independent");
    CHECK(clausebook::util::with_article("maintained") == "a maintained");
    CHECK(clausebook::util::with_article("free-school") == "a free-school");
}
