#include <catch2/catch.hpp>

#include "support/fixture.hpp"

using clausebook::test::TestRepo;

TEST_CASE("build writes the formats asked for and the index, for every school", "[build]") {
    TestRepo repo;
    auto r = repo.run({"build", "--format", "md,html"});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    auto files = clausebook::test::snapshot(repo.out());
    CHECK(files.count("alpha/social.md"));
    CHECK(files.count("alpha/social.html"));
    CHECK(files.count("beta/social.md"));
    CHECK(files.count("index.html"));
    CHECK(files.count("alpha/index.html"));  // each school's policies page
    CHECK(files.count("beta/index.html"));
    CHECK(files.count(".clausebook/manifest"));  // what the next build compares with
    CHECK(files.count(".clausebook/schools"));  // what it need not read again (make/school_cache.hpp)
    CHECK(files.size() == 9);
    const std::string& md = files["alpha/social.md"];
    CHECK(md.find("Alpha Primary School expects") != std::string::npos);
    CHECK(md.find("Ann Example is responsible") != std::string::npos);
    CHECK(md.find("at least 13 to hold") != std::string::npos);
    // Beta gives 14 and covers parents only: no staff section.
    const std::string& beta = files["beta/social.md"];
    CHECK(beta.find("at least 14 to hold") != std::string::npos);
    CHECK(beta.find("Contact with pupils") == std::string::npos);
}
