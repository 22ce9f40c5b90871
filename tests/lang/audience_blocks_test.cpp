// Audience-conditional text inside a clause (issue 13): {{#audiences.parents}}...{{/audiences.parents}}
// is whether the policy's audiences include parents, checked on every branch like any name.
#include <catch2/catch.hpp>

#include "lang/mustache.hpp"
#include "load/loaders.hpp"
#include "support/fixture.hpp"

namespace lang = clausebook::lang;
using clausebook::model::ParamSpec;
using clausebook::model::ParamType;
using clausebook::model::Value;
using clausebook::test::RunResult;
using clausebook::test::TestRepo;
using clausebook::util::Diagnostics;

namespace {

ParamType audience_scope() {
    ParamSpec audiences;
    audiences.name = "audiences";
    audiences.type.kind = ParamType::Kind::list;
    auto item = std::make_shared<ParamType>();
    item->kind = ParamType::Kind::enum_;
    item->values = {"staff", "governors", "parents", "pupils"};
    audiences.type.item = item;
    return clausebook::load::make_scope({audiences});
}

Value with_audiences(std::initializer_list<const char*> groups) {
    Value::List items;
    for (const char* g : groups) items.push_back(Value(std::string(g)));
    Value v = Value::map();
    v.set("audiences", Value::list(std::move(items)));
    return v;
}

const char* k_text =
    "All.{{#audiences.staff}} Staff only.{{/audiences.staff}}{{#audiences.parents}} Parents only.{{/audiences.parents}}"
    "{{^audiences.pupils}} Not for pupils.{{/audiences.pupils}}";

bool has(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("audience blocks render only for the policy's audiences", "[mustache][audience]") {
    Diagnostics d;
    auto t = lang::parse_mustache(k_text, {"c.md", 1, 1, 0}, d);
    lang::check_names(t, audience_scope(), d);
    CHECK(d.items().empty());
    CHECK(lang::render(t, with_audiences({"staff"}), {}) == "All. Staff only. Not for pupils.");
    CHECK(lang::render(t, with_audiences({"parents", "pupils"}), {}) == "All. Parents only.");
    CHECK(lang::render(t, with_audiences({"staff", "parents"}), {}) == "All. Staff only. Parents only. Not for pupils.");
    CHECK(lang::render(t, with_audiences({}), {}) == "All. Not for pupils.");
}

TEST_CASE("an unknown audience is an error at its line and column, on every branch", "[mustache][audience]") {
    Diagnostics d;
    // The misspelt group is inside a branch no school with these audiences would take.
    auto t = lang::parse_mustache("Intro.\n{{^audiences.staff}}x{{#audiences.parnets}}y{{/audiences.parnets}}{{/audiences.staff}}", {"c.md", 7, 1, 0}, d);
    lang::check_names(t, audience_scope(), d);
    REQUIRE(d.items().size() == 1);
    CHECK(d.items()[0].rule == "unknown-param");
    CHECK(d.items()[0].pos.line == 8);
    CHECK(d.items()[0].pos.col == 22);
    CHECK(d.items()[0].message == "'parnets' is not one of the values of 'audiences'");
    CHECK(has(d.items()[0].hint, "parents"));
}

TEST_CASE("an unknown list name in an audience block is an error too", "[mustache][audience]") {
    Diagnostics d;
    auto t = lang::parse_mustache("{{#audience.parents}}y{{/audience.parents}}", {"c.md", 1, 1, 0}, d);
    lang::check_names(t, audience_scope(), d);
    REQUIRE(d.items().size() == 1);
    CHECK(d.items()[0].rule == "unknown-param");
    CHECK(d.items()[0].message == "'audience' is not a parameter of this policy");
    CHECK(has(d.items()[0].hint, "audiences"));
}

TEST_CASE("an audience test printed as a value is an error", "[mustache][audience]") {
    Diagnostics d;
    auto t = lang::parse_mustache("Hello {{audiences.parents}}", {"c.md", 1, 1, 0}, d);
    lang::check_names(t, audience_scope(), d);
    REQUIRE(d.items().size() == 1);
    CHECK(d.items()[0].rule == "unknown-param");
    CHECK(d.items()[0].pos.col == 7);
    CHECK(has(d.items()[0].message, "is a condition"));
}

TEST_CASE("a clause's audience blocks follow each school's audiences in the built policy", "[mustache][audience][assemble]") {
    TestRepo repo;
    repo.write("clauses/intro/purpose.md",
               "---\nid: intro.purpose\ntitle: Purpose\nversion: 1.0.0\n---\n"
               "This policy is for {{school.name}}.\n\n{{#audiences.staff}}\nStaff must follow the code of conduct.\n{{/audiences.staff}}\n"
               "{{#audiences.parents}}\nParents can speak to the class teacher.\n{{/audiences.parents}}\n");
    // alpha: both audiences (the outline's default); beta: parents only.
    repo.write("schools/beta.yaml",
               "school:\n  name: Beta First School\n  phase: first\nparams:\n  headteacher: { name: Bo Example, role: Headteacher }\n"
               "policies:\n  social:\n    params: { audiences: [parents] }\n");
    RunResult r = repo.run({"build", "--format", "md", "--quiet"});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    std::string alpha = repo.read("out/alpha/social.md"), beta = repo.read("out/beta/social.md");
    CHECK(has(alpha, "Staff must follow the code of conduct."));
    CHECK(has(alpha, "Parents can speak to the class teacher."));
    CHECK_FALSE(has(beta, "Staff must follow"));
    CHECK(has(beta, "Parents can speak to the class teacher."));
}

TEST_CASE("a clause with an unknown audience is refused when the repository loads", "[mustache][audience][assemble]") {
    TestRepo repo;
    repo.write(
        "clauses/intro/purpose.md",
        "---\nid: intro.purpose\ntitle: Purpose\nversion: 1.0.0\n---\nFor everyone.\n\n{{#audiences.governers}}\nGovernors too.\n{{/audiences.governers}}\n");
    RunResult r = repo.run({"build", "--quiet"});
    CHECK(r.exit_code == 2);
    CHECK(has(r.err, "clauses/intro/purpose.md:8:1: error: 'governers' is not one of the values of 'audiences' [unknown-param]"));
    CHECK_FALSE(std::filesystem::exists(repo.out() / "alpha"));
}
