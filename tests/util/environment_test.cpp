// util::Environment: the one reading of the process environment, and the rule that nothing else
// in src/ reads it.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include "support/fixture.hpp"
#include "util/environment.hpp"

namespace fs = std::filesystem;
using clausebook::util::Environment;
using clausebook::util::read_environment;

namespace {

using clausebook::test::ScopedEnv;

}  // namespace

TEST_CASE("environment: SOURCE_DATE_EPOCH is read once, as seconds, and gives the outputs' day and time", "[util][environment]") {
    {
        ScopedEnv epoch("SOURCE_DATE_EPOCH", "1700000000");  // 2023-11-14 22:13:20 UTC
        Environment env = read_environment();
        REQUIRE(env.source_date_epoch == 1700000000);
        CHECK(env.source_date_epoch_error.empty());
        auto t = env.source_date_time();
        REQUIRE(t);
        CHECK(t->date == clausebook::util::Date{2023, 11, 14});
        CHECK((t->hour == 22 && t->minute == 13 && t->second == 20));
        CHECK(env.output_day() == clausebook::util::Date{2023, 11, 14});
        CHECK(env.today == clausebook::util::today_utc());  // check and renew still reckon on the real day
    }
    {
        ScopedEnv epoch("SOURCE_DATE_EPOCH", std::nullopt);
        Environment env = read_environment();
        CHECK_FALSE(env.source_date_epoch);
        CHECK(env.source_date_epoch_error.empty());
        CHECK(env.output_day() == env.today);
    }
    {
        ScopedEnv epoch("SOURCE_DATE_EPOCH", "");  // set but empty: as if unset
        CHECK_FALSE(read_environment().source_date_epoch);
    }
}

TEST_CASE("environment: a SOURCE_DATE_EPOCH that is not whole seconds from 1970 to 2200 is refused with what to do", "[util][environment]") {
    for (const char* bad : {"abc", "-5", "1.5", " 17", "17 ", "18446744073709551616", "7258118400"}) {
        ScopedEnv epoch("SOURCE_DATE_EPOCH", std::string(bad));
        Environment env = read_environment();
        INFO(bad);
        CHECK_FALSE(env.source_date_epoch);
        CHECK(env.source_date_epoch_error.find("SOURCE_DATE_EPOCH") != std::string::npos);
        CHECK(env.source_date_epoch_error.find("1970-01-01") != std::string::npos);
    }
    ScopedEnv epoch("SOURCE_DATE_EPOCH", "7258118399");  // the last second of 2199
    CHECK(read_environment().source_date_epoch == 7258118399);
}

TEST_CASE("environment: every command refuses a bad SOURCE_DATE_EPOCH before doing anything, exit 2", "[util][environment][cli]") {
    clausebook::test::TestRepo repo;
    ScopedEnv epoch("SOURCE_DATE_EPOCH", "yesterday");
    for (std::vector<std::string> args : {std::vector<std::string>{"build"}, {"check"}, {"schedule"}, {"list", "schools"}}) {
        auto r = repo.run(args);
        INFO(args.front() << ": " << r.err);
        CHECK(r.exit_code == 2);
        CHECK(r.err.find("SOURCE_DATE_EPOCH must be a whole number of seconds") != std::string::npos);
    }
    CHECK_FALSE(fs::exists(repo.out()));
    CHECK(repo.run({"build", "--help"}).exit_code == 0);  // help needs no date
}

TEST_CASE("environment: NO_COLOR counts when set and not empty, GITHUB_ACTIONS only as true, TMPDIR defaults to /tmp", "[util][environment]") {
    {
        ScopedEnv no_color("NO_COLOR", "1");
        ScopedEnv actions("GITHUB_ACTIONS", "true");
        ScopedEnv tmp("TMPDIR", "/var/tmp");
        Environment env = read_environment();
        CHECK(env.no_color);
        CHECK(env.github_actions);
        CHECK(env.tmpdir == "/var/tmp");
    }
    {
        ScopedEnv no_color("NO_COLOR", "");
        ScopedEnv actions("GITHUB_ACTIONS", "false");
        ScopedEnv tmp("TMPDIR", std::nullopt);
        Environment env = read_environment();
        CHECK_FALSE(env.no_color);
        CHECK_FALSE(env.github_actions);
        CHECK(env.tmpdir == "/tmp");
    }
}

TEST_CASE("environment: nothing in src/ but util/environment.cpp calls getenv", "[util][environment][architecture]") {
    std::vector<std::string> readers;
    const fs::path src = fs::path(CLAUSEBOOK_SOURCE_DIR) / "src";
    for (const auto& e : fs::recursive_directory_iterator(src)) {
        if (!e.is_regular_file()) continue;
        std::ifstream in(e.path());
        std::string line;
        int n = 0;
        while (std::getline(in, line)) {
            ++n;
            auto at = line.find("getenv(");
            auto comment = line.find("//");
            if (at != std::string::npos && (comment == std::string::npos || at < comment))
                readers.push_back(fs::relative(e.path(), CLAUSEBOOK_SOURCE_DIR).generic_string() + ":" + std::to_string(n));
        }
    }
    REQUIRE(readers.size() == 1);
    CHECK(readers.front().rfind("src/util/environment.cpp:", 0) == 0);
}
