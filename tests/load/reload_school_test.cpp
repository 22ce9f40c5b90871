// load::reload_school: import's check of the school file it has just written, without reading
// every other school again.
#include <catch2/catch.hpp>

#include "load/load.hpp"
#include "support/fixture.hpp"

using namespace clausebook;

TEST_CASE("reload_school replaces one school and checks it as a full load would, leaving the others", "[load]") {
    test::TestRepo repo;
    util::Diagnostics diags;
    model::Repository loaded = load::load_repository(repo.root(), diags);
    REQUIRE_FALSE(diags.has_errors());
    const std::size_t schools = loaded.schools.size();
    const std::string beta_name = loaded.school("beta")->name;
    std::string alpha = repo.read("schools/alpha.yaml");

    SECTION("a good file: the school as written, the others untouched") {
        std::string renamed = alpha;
        auto at = renamed.find("Alpha Primary School");
        REQUIRE(at != std::string::npos);
        renamed.replace(at, 20, "Alpha Church Primary School");
        util::Diagnostics again;
        load::reload_school(loaded, "alpha", "schools/alpha.yaml", renamed, again);
        CHECK_FALSE(again.has_errors());
        REQUIRE(loaded.schools.size() == schools);
        CHECK(loaded.school("alpha")->name == "Alpha Church Primary School");
        CHECK(loaded.school("beta")->name == beta_name);
        CHECK(loaded.sources.texts().at("schools/alpha.yaml") == renamed);
    }
    SECTION("a bad file: the same errors, at the same places, as load_repository reports for it") {
        std::string bad = alpha + "colour: blue\n";
        util::Diagnostics again;
        load::reload_school(loaded, "alpha", "schools/alpha.yaml", bad, again);
        repo.write("schools/alpha.yaml", bad);
        util::Diagnostics full;
        load::load_repository(repo.root(), full);
        REQUIRE(again.has_errors());
        REQUIRE(again.items().size() == full.items().size());
        for (std::size_t i = 0; i < full.items().size(); ++i) {
            CHECK(again.items()[i].rule == full.items()[i].rule);
            CHECK(again.items()[i].pos.line == full.items()[i].pos.line);
            CHECK(again.items()[i].pos.col == full.items()[i].pos.col);
        }
    }
    SECTION("a policy leaving out a clause the outline does not have is caught by the link step") {
        std::string bad = alpha + "    exclude: [intro.link]\n";
        util::Diagnostics again;
        load::reload_school(loaded, "alpha", "schools/alpha.yaml", bad, again);
        REQUIRE(again.has_errors());
        CHECK(again.items().front().rule == "unknown-clause");
        CHECK(again.items().front().pos.path == "schools/alpha.yaml");
    }
}
