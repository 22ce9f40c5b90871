// The DOCX package's bytes: the same inputs give the same file, whatever the clock or the time
// zone; the one time in it comes from SOURCE_DATE_EPOCH or the approval date.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <ctime>
#include <optional>

#include "write/docx_support.hpp"

using namespace clausebook::test;

namespace {

using clausebook::test::ScopedEnv;

std::string build_bytes(const TestRepo& repo) {
    auto r = repo.run({"build", "--format", "docx", "--quiet", "--school", "alpha"});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    return read_file(repo.out() / "alpha" / "social.docx");
}

// DOS time and date of the first local file header (bytes 10 to 13 of the archive).
std::pair<unsigned, unsigned> first_entry_dos_time(const std::string& zip) {
    REQUIRE(zip.size() > 14);
    auto u16 = [&](std::size_t at) {
        return static_cast<unsigned>(static_cast<unsigned char>(zip[at])) | static_cast<unsigned>(static_cast<unsigned char>(zip[at + 1])) << 8;
    };
    return {u16(10), u16(12)};
}

std::string created(const DocxPackage& pkg) {
    auto core = parse_part(pkg, "docProps/core.xml");
    return core->document_element().child("dcterms:created").text().get();
}

}  // namespace

TEST_CASE("docx: two builds give identical bytes, in any time zone", "[docx]") {
    ScopedEnv epoch("SOURCE_DATE_EPOCH", std::nullopt);
    RichRepo repo;
    std::string first, second, elsewhere;
    {
        ScopedEnv tz("TZ", "UTC");
        first = build_bytes(repo);
        std::filesystem::remove_all(repo.out());
        second = build_bytes(repo);
    }
    {
        ScopedEnv tz("TZ", "Pacific/Auckland");
        std::filesystem::remove_all(repo.out());
        elsewhere = build_bytes(repo);
    }
    CHECK(first == second);
    CHECK(first == elsewhere);
}

TEST_CASE("docx: the package time is the approval date unless SOURCE_DATE_EPOCH is set", "[docx]") {
    RichRepo repo;
    {
        ScopedEnv epoch("SOURCE_DATE_EPOCH", std::nullopt);
        std::string bytes = build_bytes(repo);
        CHECK(created(read_docx(bytes)) == "2024-03-01T00:00:00Z");
        auto [time, date] = first_entry_dos_time(bytes);
        CHECK(time == 0);
        CHECK(date == ((2024u - 1980u) << 9 | 3u << 5 | 1u));
    }
    {
        ScopedEnv epoch("SOURCE_DATE_EPOCH", "1700000000");  // 2023-11-14 22:13:20 UTC
        std::filesystem::remove_all(repo.out());
        std::string bytes = build_bytes(repo);
        DocxPackage pkg = read_docx(bytes);
        CHECK(created(pkg) == "2023-11-14T22:13:20Z");
        auto core = parse_part(pkg, "docProps/core.xml");
        CHECK(std::string(core->document_element().child("dcterms:modified").text().get()) == "2023-11-14T22:13:20Z");
        auto [time, date] = first_entry_dos_time(bytes);
        CHECK(time == (22u << 11 | 13u << 5 | 10u));
        CHECK(date == ((2023u - 1980u) << 9 | 11u << 5 | 14u));
    }
}

TEST_CASE("docx: --format docx writes only the Word documents, the index and the school pages", "[docx]") {
    TestRepo repo;
    auto r = repo.run({"build", "--format", "docx"});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    auto files = snapshot(repo.out());
    CHECK(files.size() == 7);  // and the build's manifest and school cache
    CHECK(files.count(".clausebook/manifest"));
    CHECK(files.count(".clausebook/schools"));
    CHECK(files.count("index.html"));
    CHECK(files.count("alpha/index.html"));
    CHECK(files.count("beta/index.html"));
    CHECK(files.count("alpha/social.docx"));
    CHECK(files.count("beta/social.docx"));
    TestRepo all;
    REQUIRE(all.run({"build"}).exit_code == 0);
    CHECK(snapshot(all.out()).count("alpha/social.docx"));  // the default build includes DOCX
}
