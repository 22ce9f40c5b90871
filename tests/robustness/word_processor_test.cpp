// A school file saved from a word processor (issue 8): a byte-order mark, CRLF line endings,
// curly quotes and non-breaking spaces. It either builds, with the text as typed, or gets one
// clear message naming the line.
#include <catch2/catch.hpp>

#include "support/fixture.hpp"

using clausebook::test::RunResult;
using clausebook::test::TestRepo;

namespace {

std::string crlf(std::string s) {
    std::string out;
    for (char c : s) out += c == '\n' ? std::string("\r\n") : std::string(1, c);
    return out;
}

int errors_in(const std::string& err) {
    int n = 0;
    for (std::size_t at = 0; (at = err.find(": error: ", at)) != std::string::npos; ++at) ++n;
    return n;
}

const std::string k_body =
    "school:\n"
    "  name: \u201CAlpha\u201D Primary School\n"
    "  phase: primary\n"
    "params:\n"
    "  headteacher: { name: Ann O\u2019Neil, role: Headteacher }\n"
    "policies:\n"
    "  social:\n"
    "    approved: 2024-03-01\n"
    "    approved_by: Full governing board\n";

}  // namespace

TEST_CASE("a school file with a BOM, CRLF and curly quotes builds, the quotes kept as typed", "[robustness][word-processor]") {
    TestRepo repo;
    repo.write("schools/alpha.yaml", "\xEF\xBB\xBF" + crlf(k_body));
    RunResult r = repo.run({"build", "--school", "alpha", "--format", "html"});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    std::string html = repo.read("out/alpha/social.html");
    CHECK(html.find("\u201CAlpha\u201D Primary School") != std::string::npos);
    CHECK(html.find("Ann O\u2019Neil") != std::string::npos);
    CHECK(html.find("\xEF\xBB\xBF"
                    "school") == std::string::npos);
}

TEST_CASE("curly quotes around text with a colon get one message naming the line", "[robustness][word-processor]") {
    TestRepo repo;
    repo.write("schools/alpha.yaml", "\xEF\xBB\xBF" + crlf(k_body + "    title: \u201CSocial Media: our policy\u201D\n"));
    RunResult r = repo.run({"build"});
    INFO(r.err);
    CHECK(r.exit_code == 2);
    CHECK(errors_in(r.err) == 1);
    CHECK(r.err.find("schools/alpha.yaml:10:") != std::string::npos);
    CHECK(r.err.find("curly quotes") != std::string::npos);
}

TEST_CASE("indentation with non-breaking spaces gets one message naming the first such line", "[robustness][word-processor]") {
    TestRepo repo;
    std::string body = k_body;
    for (const char* key : {"  name:", "  phase:"}) body.replace(body.find(key), 2, "\u00A0\u00A0");
    repo.write("schools/alpha.yaml", crlf(body));
    RunResult r = repo.run({"build"});
    INFO(r.err);
    CHECK(r.exit_code == 2);
    CHECK(errors_in(r.err) == 1);
    CHECK(r.err.find("schools/alpha.yaml:2:1: error: this line is indented with a non-breaking space") != std::string::npos);
    CHECK(r.err.find("2 lines have them") != std::string::npos);
}
