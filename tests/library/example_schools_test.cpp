// The example repository builds, and each school's policy carries its own facts.
#include <catch2/catch.hpp>

#include "cli/cli.hpp"
#include "support/fixture.hpp"

#include <sstream>

namespace {

struct Built {
    clausebook::test::TempDir dir;
    std::map<std::string, std::string> files;
    int exit_code = 0;
    std::string err;
};

const Built& built() {
    static Built r;
    static bool done = [] {
        std::ostringstream out, err;
        r.exit_code = clausebook::cli::run({"build", "--root", clausebook::test::source_dir().string(), "--out", r.dir.path().string(),
                                            "--format", "md,html"}, out, err);
        r.err = err.str();
        r.files = clausebook::test::snapshot(r.dir.path());
        return true;
    }();
    (void)done;
    return r;
}

const std::string& md(const std::string& school) { return built().files.at(school + "/social-networking.md"); }
bool has(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("the example repository builds all five schools cleanly", "[library][example]") {
    INFO(built().err);
    REQUIRE(built().exit_code == 0);
    CHECK(built().err.empty());  // not even a warning
    for (const char* school : {"st-wenn", "beckstone-primary", "conway-primary", "wimborne-first", "st-peters-ce-primary"}) {
        INFO(school);
        CHECK(built().files.count(std::string(school) + "/social-networking.md"));
        CHECK(built().files.count(std::string(school) + "/social-networking.html"));
    }
    CHECK(built().files.count("index.html"));
    for (const auto& [path, text] : built().files) {
        INFO(path);
        CHECK_FALSE(has(text, "{{"));
        CHECK_FALSE(has(text, "[name of school]"));
    }
}

TEST_CASE("Conway: approved by Steve Piper on 3 April 2019, review due April 2022", "[library][example]") {
    const auto& m = md("conway-primary");
    CHECK(has(m, "| Approved on | 3 April 2019 |"));
    CHECK(has(m, "Steve Piper"));
    CHECK(has(m, "| Next review | April 2022 |"));
    CHECK(has(m, "Greenwich"));
    CHECK(has(m, "office"));  // phones handed in at the office
}

TEST_CASE("Wimborne: minute 17/1/16/4, first-school rule, review January 2020", "[library][example]") {
    const auto& m = md("wimborne-first");
    CHECK(has(m, "| Minute | 17/1/16/4 |"));
    CHECK(has(m, "| Approved on | 11 January 2017 |"));
    CHECK(has(m, "| Next review | January 2020 |"));
    CHECK(has(m, "| Review period | 3 years |"));
    CHECK(has(built().files.at("wimborne-first/social-networking.html"), "clause-variant\" id=\"staff.contact-with-pupils\""));
    CHECK(has(m, "Dorset"));
}

TEST_CASE("St Wenn: Grace Smith named as designated safeguarding lead, no dates invented", "[library][example]") {
    const auto& m = md("st-wenn");
    CHECK(has(m, "Grace Smith"));
    CHECK(has(m, "| Approved on | Not recorded |"));
    CHECK(has(m, "| Next review | Not set |"));
}

TEST_CASE("Beckstone: a parents-only policy that states the services' minimum age, with no age rule of its own", "[library][example]") {
    const auto& m = md("beckstone-primary");
    CHECK_FALSE(has(m, "## 3 Staff"));
    CHECK_FALSE(has(m, "Staff and volunteers"));
    CHECK(has(m, "Parents and carers"));
    CHECK(has(m, "under 13"));
    CHECK_FALSE(has(m, "age of 14"));
    CHECK(has(m, "| Next review | Not set |"));
}

TEST_CASE("St Peter's: a staff policy with its vision and remote teaching", "[library][example]") {
    const auto& m = md("st-peters-ce-primary");
    CHECK_FALSE(has(m, "Parents and carers\n"));
    CHECK(has(m, "God-given gifts"));
    CHECK(has(m, "Teams"));
    CHECK(has(m, "| Next review | March 2023 |"));
}
