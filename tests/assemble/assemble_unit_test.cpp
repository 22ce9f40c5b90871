// The assemble stage called directly: parameter precedence (policy, school, repository
// defaults, outline default), the metadata a document carries, and conditions that pick
// sections and variants.
#include <catch2/catch.hpp>

#include "assemble/assembler.hpp"
#include "load/load.hpp"
#include "support/fixture.hpp"

using namespace clausebook;
using clausebook::test::TestRepo;

namespace {

struct Loaded {
    model::Repository repo;
    const model::School& school(const std::string& id) const {
        const model::School* s = repo.school(id);
        REQUIRE(s != nullptr);
        return *s;
    }
};

Loaded load_ok(const TestRepo& t) {
    util::Diagnostics diags;
    Loaded l{load::load_repository(t.root(), diags)};
    for (const auto& d : diags.items()) UNSCOPED_INFO(d.pos.line << ": " << d.message);
    REQUIRE_FALSE(diags.has_errors());
    return l;
}

std::int64_t int_param(const model::Value& params, const char* name) {
    const model::Value* v = params.get(name);
    REQUIRE(v != nullptr);
    const auto* i = std::get_if<std::int64_t>(&v->data);
    REQUIRE(i != nullptr);
    return *i;
}

}  // namespace

TEST_CASE("assemble: a parameter comes from the policy, else the school, else the defaults, else the outline", "[assemble][params]") {
    TestRepo t;
    t.write("clausebook.yaml", "trust:\n  name: Test Trust\n");
    t.write("schools/gamma.yaml",
            "school:\n  name: Gamma School\nparams:\n  headteacher: { name: Cy Example }\n  min_age: 15\n"
            "policies:\n  social:\n    params: { min_age: 16 }\n");
    {
        auto l = load_ok(t);
        const auto& outline = l.repo.outlines.front();
        CHECK(int_param(assemble::resolve_params(l.repo, l.school("alpha"), outline), "min_age") == 13);  // outline default
        CHECK(int_param(assemble::resolve_params(l.repo, l.school("beta"), outline), "min_age") == 14);  // school
        CHECK(int_param(assemble::resolve_params(l.repo, l.school("gamma"), outline), "min_age") == 16);  // policy
    }
    t.write("clausebook.yaml", "trust:\n  name: Test Trust\ndefaults:\n  params:\n    min_age: 17\n");
    auto l = load_ok(t);
    CHECK(int_param(assemble::resolve_params(l.repo, l.school("alpha"), l.repo.outlines.front()), "min_age") == 17);  // defaults beat the outline
    CHECK(int_param(assemble::resolve_params(l.repo, l.school("beta"), l.repo.outlines.front()), "min_age") == 14);  // the school beats defaults
}

TEST_CASE("assemble: the next review is derived from approval and period only when not stated", "[assemble][metadata]") {
    TestRepo t;
    auto l = load_ok(t);
    const auto& outline = l.repo.outlines.front();
    auto alpha = assemble::make_metadata(l.repo, l.school("alpha"), outline);
    REQUIRE(alpha.next_review);
    CHECK(util::to_iso(*alpha.next_review) == "2025-03-01");  // 2024-03-01 + the outline's P1Y
    CHECK(alpha.next_review_derived);
    CHECK(alpha.approved_by == "Full governing board");
    CHECK(alpha.minute == "24/3/5");
    auto beta = assemble::make_metadata(l.repo, l.school("beta"), outline);
    REQUIRE(beta.next_review);
    CHECK(util::to_iso(*beta.next_review) == "2026-01");  // stated, month only
    CHECK_FALSE(beta.next_review_derived);
    REQUIRE(beta.review_period);
    CHECK(util::to_iso(*beta.review_period) == "P3Y");
    CHECK(beta.audiences == std::vector<std::string>{"parents"});
}

TEST_CASE("assemble: section conditions follow the policy's audiences", "[assemble][conditions]") {
    TestRepo t;
    auto l = load_ok(t);
    util::Diagnostics diags;
    const auto& outline = l.repo.outlines.front();
    auto alpha = assemble::assemble_document(l.repo, l.school("alpha"), outline, diags);
    auto beta = assemble::assemble_document(l.repo, l.school("beta"), outline, diags);
    CHECK_FALSE(diags.has_errors());
    CHECK(alpha.find("staff.contact") != nullptr);
    CHECK(beta.find("staff.contact") == nullptr);  // beta's policy is for parents only
    REQUIRE(beta.find("parents.conduct") != nullptr);
    CHECK(beta.find("parents.conduct")->markdown.find("at least 14") != std::string::npos);
    CHECK(beta.number_of("parents.conduct") == "2.1");  // numbered without the skipped section
}
