// Issue 13: a policy speaks only to the audiences it is written for. Every example school's
// built policy is searched for sentences addressed to a group outside its audiences ("Staff
// must", "Parents should", "Governors who"...). The audiences are held here as facts from the
// sources (docs/coverage/*.md), not read back from the school files, so that a change to a
// school file that widens its text is caught too.
#include <catch2/catch.hpp>

#include "cli/cli.hpp"
#include "support/fixture.hpp"

#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace {

const clausebook::test::ExampleBuild& built() { return clausebook::test::example_build("md"); }

// Ways a sentence addresses one group: the group named as the subject of a duty, a permission,
// advice or a sanction.
const std::map<std::string, std::vector<std::string>> k_addressed = {
    {"staff",
     {"Staff must", "Staff should", "Staff may", "Staff can", "Staff are ", "Staff who", "staff must", "staff should", "staff can speak",
      "Every member of staff", "A member of staff who", "a member of staff who", "Employees ", "line manager"}},
    {"parents",
     {"Parents should", "Parents must", "Parents and carers have a duty", "parents should", "parents must", "parents can", "We ask parents",
      "If you have a concern", "your child", "Please do not post"}},
    {"pupils", {"Pupils should", "Pupils must", "Pupils may", "pupils should", "pupils can", "We ask every pupil", "Pupils who"}},
    {"governors", {"Governors must", "Governors should", "Governors are advised", "Governors who", "governors must", "A governor who"}},
};

// The audiences of each school's policy, from its source (volunteers are addressed as staff).
const std::map<std::string, std::set<std::string>> k_audiences = {
    {"st-wenn", {"parents", "staff"}},          {"beckstone-primary", {"parents"}},  {"conway-primary", {"staff", "governors", "parents", "pupils"}},
    {"wimborne-first", {"staff", "governors"}}, {"st-peters-ce-primary", {"staff"}},
};

// The sentence around position `at`, for the failure message.
std::string sentence_at(const std::string& text, std::size_t at) {
    auto begin = text.find_last_of(".\n", at);
    begin = begin == std::string::npos ? 0 : begin + 1;
    auto end = text.find_first_of(".\n", at);
    return text.substr(begin, end == std::string::npos ? std::string::npos : end - begin + 1);
}

std::vector<std::string> addressed_outside(const std::string& text, const std::set<std::string>& audiences) {
    std::vector<std::string> found;
    for (const auto& [group, phrases] : k_addressed) {
        if (audiences.count(group)) continue;
        for (const auto& phrase : phrases)
            for (auto at = text.find(phrase); at != std::string::npos; at = text.find(phrase, at + 1))
                found.push_back(group + " (\"" + phrase + "\"): " + sentence_at(text, at));
    }
    return found;
}

}  // namespace

TEST_CASE("no example policy addresses a group outside its audiences", "[library][audience]") {
    INFO(built().err);
    REQUIRE(built().exit_code == 0);
    for (const auto& [school, audiences] : k_audiences) {
        const auto& text = built().files.at(school + "/social-networking.md");
        for (const auto& f : addressed_outside(text, audiences)) FAIL_CHECK(school << ": addressed to " << f);
    }
}

TEST_CASE("the audience search finds a sentence addressed to the wrong group", "[library][audience]") {
    // The search must not pass by finding nothing: a parents' text with a staff duty is caught,
    // and the same text is clean for a policy written for staff and parents.
    std::string text = "Please keep posts kind. Staff must report any message from a pupil.";
    auto found = addressed_outside(text, {"parents"});
    REQUIRE(found.size() == 1);
    CHECK(found[0].find("Staff must report") != std::string::npos);
    CHECK(addressed_outside(text, {"parents", "staff"}).empty());
    CHECK(addressed_outside("Governors who breach it are dealt with under their code.", {"staff"}).size() == 1);
}
