// util::for_each_match: every match once, across window boundaries, without deep recursion.
#include <catch2/catch.hpp>

#include "util/regex_scan.hpp"

using clausebook::util::for_each_match;
using clausebook::util::k_regex_window;

namespace {

std::vector<std::pair<std::size_t, std::string>> matches(const std::string& text, const std::regex& re) {
    std::vector<std::pair<std::size_t, std::string>> out;
    for_each_match(text, re, [&](std::size_t at, const std::cmatch& m) { out.emplace_back(at, m.str(0)); });
    return out;
}

}  // namespace

TEST_CASE("for_each_match finds what a whole-text search finds, each match once", "[util][regex]") {
    std::regex re(R"(\bKCSIE\s*(19|20)\d\d\b)");
    std::string text;
    for (int i = 0; i < 600; ++i) text += (i % 7 == 0 ? "see KCSIE 2019, " : "other words here, ");
    std::vector<std::pair<std::size_t, std::string>> whole;
    for (std::sregex_iterator it(text.begin(), text.end(), re), end; it != end; ++it) whole.emplace_back(static_cast<std::size_t>(it->position(0)), it->str(0));
    REQUIRE(text.size() > 2 * k_regex_window);
    CHECK(matches(text, re) == whole);
}

TEST_CASE("for_each_match: a match straddling a window boundary is found whole", "[util][regex]") {
    std::regex re("needle in a haystack");
    for (std::size_t at : {k_regex_window / 2 - 5, k_regex_window - 5, k_regex_window + k_regex_window / 2 - 3}) {
        std::string text(3 * k_regex_window, 'x');
        text.replace(at, 20, "needle in a haystack");
        auto found = matches(text, re);
        REQUIRE(found.size() == 1);
        CHECK(found[0].first == at);
    }
}

TEST_CASE("for_each_match: a word boundary looks back across a window's start", "[util][regex]") {
    std::string text(k_regex_window / 2 - 2, ' ');
    text += "abXXXXXX";
    text += std::string(2 * k_regex_window, ' ');
    CHECK(matches(text, std::regex(R"(\bX{3,}\b)")).empty());
}

TEST_CASE("for_each_match survives a long run that overflows std::regex's stack", "[util][regex]") {
    std::string text = "KCSIE" + std::string(500000, ' ') + "2019 and XXX" + std::string(300000, 'X');
    std::size_t n = 0;
    for_each_match(text, std::regex(R"(KCSIE[\s,(:-]*((?:19|20)\d\d)\b|\bX{3,}\b)"), [&](std::size_t, const std::cmatch&) { ++n; });
    CHECK(n >= 1);
}
