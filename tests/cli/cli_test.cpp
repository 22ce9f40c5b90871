#include <catch2/catch.hpp>

#include <sstream>

#include "cli/cli.hpp"
#include "support/fixture.hpp"

using clausebook::test::TestRepo;

using clausebook::test::run_cli;

TEST_CASE("the version and help options answer without a repository", "[cli]") {
    auto v = run_cli({"--version"});
    CHECK(v.exit_code == 0);
    CHECK(v.out.rfind("clausebook ", 0) == 0);
    auto h = run_cli({"--help"});
    CHECK(h.exit_code == 0);
    CHECK(h.out.find("build") != std::string::npos);
    CHECK(h.out.find("list") != std::string::npos);
    auto bh = run_cli({"build", "--help"});
    CHECK(bh.exit_code == 0);
    CHECK(bh.out.find("--format") != std::string::npos);
}

TEST_CASE("usage errors exit 2 with a suggestion", "[cli]") {
    auto none = run_cli({});
    CHECK(none.exit_code == 2);
    auto typo = run_cli({"biuld"});
    CHECK(typo.exit_code == 2);
    CHECK(typo.err.find("did you mean 'build'?") != std::string::npos);
    TestRepo repo;
    auto opt = repo.run({"build", "--shcool", "alpha"});
    CHECK(opt.exit_code == 2);
    CHECK(opt.err.find("usage: clausebook build") != std::string::npos);
}

TEST_CASE("a folder without clausebook.yaml is a clear error", "[cli]") {
    clausebook::test::TempDir dir;
    auto r = run_cli({"build", "--root", dir.path().string()});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("has no clausebook.yaml") != std::string::npos);
}

TEST_CASE("list shows schools, policies and clauses with variants", "[cli]") {
    TestRepo repo;
    auto s = repo.run({"list", "schools"});
    CHECK(s.exit_code == 0);
    CHECK(s.out.find("alpha") != std::string::npos);
    CHECK(s.out.find("Beta First School") != std::string::npos);
    auto c = repo.run({"list", "clauses"});
    CHECK(c.out.find("staff.contact@first-school") != std::string::npos);
    auto p = repo.run({"list", "policies"});
    CHECK(p.out.find("social") != std::string::npos);
    auto bad = repo.run({"list", "schols"});
    CHECK(bad.exit_code == 2);
    CHECK(bad.err.find("did you mean 'schools'?") != std::string::npos);
}
