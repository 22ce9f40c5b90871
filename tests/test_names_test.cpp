// Every test case must be runnable on its own under ctest. catch_discover_tests passes each
// name to `clausebook_tests NAME`; ctest splits a name at ';' and treats '\' as an escape, so
// such a test would match nothing and never run (tests/CMakeLists.txt also passes
// --warn NoTests, which fails that run). CatchAddTests escapes ',', '[' and ']', but a name
// starting with '~' (exclude) or starting or ending with '*' (wildcard) or a space would
// select other tests. This test keeps such names out.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

namespace {

// Why `name` cannot be a ctest test name, or empty when it can.
std::string name_problem(const std::string& name) {
    if (name.empty()) return "empty";
    if (name.find(';') != std::string::npos) return "';' splits it in two";
    if (name.find('\\') != std::string::npos) return "'\\' is an escape to ctest";
    if (name.find('"') != std::string::npos) return "'\"' ends the quoted name";
    const char first = name.front();
    if (first == '~' || first == '*' || first == ' ') return "a leading '" + std::string(1, first) + "' is a filter";
    if (name.back() == ' ' || name.back() == '*') return "a trailing space or '*' changes the filter";
    return {};
}

}  // namespace

TEST_CASE("test names: the rule refuses names ctest would split or misread", "[tests]") {
    CHECK(name_problem("a plain name, with [brackets] and commas").empty());
    CHECK(!name_problem("a; b").empty());
    CHECK(!name_problem("\\b matches").empty());
    CHECK(!name_problem("~not this one").empty());
    CHECK(!name_problem("ends with a space ").empty());
    CHECK(name_problem("check review-overdue: at the line of next_review").empty());
}

TEST_CASE("test names: every registered test case can be run by name", "[tests]") {
    const auto& all = Catch::getRegistryHub().getTestCaseRegistry().getAllTests();
    REQUIRE(all.size() > 100);
    std::vector<std::string> bad;
    for (const auto& test : all) {
        const std::string problem = name_problem(test.name);
        if (!problem.empty()) bad.push_back(test.name + " (" + test.lineInfo.file + "): " + problem);
    }
    for (const auto& line : bad) UNSCOPED_INFO(line);
    CHECK(bad.empty());
}
