// The five example schools' PDFs, read by real tools (scripts/setup.sh installs them:
// poppler-utils, qpdf): the text in the Markdown's order, tagging, title and pages, the headings
// in the structure tree and the bookmarks, the contents' page numbers against the named
// destinations, fonts embedded, no error for qpdf, the language in the catalog, the same bytes
// twice. The first two pages of each are rendered to PNG under the build tree
// (build/pdf-pages/) for a person to look at.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <functional>

#include <cstdlib>
#include <iostream>
#include <map>
#include <sstream>
#include <thread>

#include "cli/cli.hpp"
#include "support/fixture.hpp"
#include "support/skip.hpp"
#include "util/markdown.hpp"
#include "write/pdf_support.hpp"

using namespace clausebook;
using namespace clausebook::test;
using namespace clausebook::test::pdf;
namespace fs = std::filesystem;

namespace {

// Every example policy, built once per test run to PDF and Markdown: {school id, folder}.
struct Example {
    fs::path out;
    std::vector<std::string> schools;
};

const Example& example() {
    static TempDir dir;
    static Example e = [] {
        Example x{dir.path() / "out", {}};
        std::ostringstream o, err;
        int code = cli::run({"build", "--root", source_dir().string(), "--out", x.out.string(), "--format", "pdf,md", "--quiet"}, o, err);
        INFO(err.str());
        REQUIRE(code == 0);
        for (const auto& entry : fs::directory_iterator(x.out))
            if (entry.is_directory() && fs::exists(entry.path() / "social-networking.pdf")) x.schools.push_back(entry.path().filename().string());
        std::sort(x.schools.begin(), x.schools.end());
        return x;
    }();
    REQUIRE(e.schools.size() == 5);
    return e;
}

fs::path pdf_of(const std::string& school) { return example().out / school / "social-networking.pdf"; }
std::string markdown_of(const std::string& school) { return read_file(example().out / school / "social-networking.md"); }

// The Markdown output's headings after its contents: {level 1-3 as in the PDF, text}.
std::vector<std::pair<int, std::string>> headings(const std::string& md) {
    std::vector<std::pair<int, std::string>> out;
    std::istringstream in(md);
    std::string line;
    bool body = false;
    while (std::getline(in, line)) {
        std::size_t hashes = line.find_first_not_of('#');
        if (hashes == 0 || hashes == std::string::npos || line[hashes] != ' ') continue;
        std::string text = line.substr(hashes + 1);
        if (hashes == 2 && text == "Contents") {
            body = true;
            continue;
        }
        if (body && hashes >= 2) out.push_back({std::min<int>(static_cast<int>(hashes) - 1, 3), text});
    }
    return out;
}

// The words of the Markdown output from its first section heading on, as plain text.
std::vector<std::string> body_words(const std::string& md) {
    std::size_t at = md.find("\n## 1 ");
    REQUIRE(at != std::string::npos);
    util::MarkdownTree tree = util::parse_markdown(md.substr(at + 1));
    char* plain = cmark_render_plaintext(tree.get(), CMARK_OPT_DEFAULT, 0);
    std::vector<std::string> w = words(plain);
    free(plain);
    return w;
}

}  // namespace

TEST_CASE("pdf tools: pdftotext gives each example policy's text in the order of its Markdown", "[pdf][client]") {
    CLAUSEBOOK_NEEDS_PROGRAM("pdftotext");
    for (const auto& school : example().schools) {
        INFO(school);
        // The page's text block only (y from 60 to 780 points): the running header and footer
        // are not the document's text.
        Shell r = shell("pdftotext -layout -r 72 -x 0 -y 60 -W 596 -H 720 " + quoted(pdf_of(school)) + " -");
        REQUIRE(r.status == 0);
        std::vector<std::string> pdf = words(r.out);
        std::vector<std::string> md = body_words(markdown_of(school));
        REQUIRE(md.size() > 500);
        // The body follows the contents: from the last "1 <first section title>" on.
        std::vector<std::string> first(md.begin(), md.begin() + 3);
        std::size_t start = std::string::npos;
        for (std::size_t i = 0; i + 3 <= pdf.size(); ++i)
            if (std::equal(first.begin(), first.end(), pdf.begin() + static_cast<long>(i))) start = i;
        REQUIRE(start != std::string::npos);
        std::vector<std::string> body(pdf.begin() + static_cast<long>(start), pdf.end());
        CHECK(body.size() == md.size());
        std::size_t same = 0;
        while (same < body.size() && same < md.size() && body[same] == md[same]) ++same;
        INFO("first difference at word " << same << ": pdf '" << (same < body.size() ? body[same] : "") << "', markdown '" << (same < md.size() ? md[same] : "")
                                         << "'");
        CHECK(same == md.size());
    }
}

TEST_CASE("pdf tools: pdfinfo finds each example policy tagged with its title and the pages its footer counts", "[pdf][client]") {
    CLAUSEBOOK_NEEDS_PROGRAM("pdfinfo");
    CLAUSEBOOK_NEEDS_PROGRAM("pdftotext");
    for (const auto& school : example().schools) {
        INFO(school);
        Shell info = shell("pdfinfo " + quoted(pdf_of(school)));
        REQUIRE(info.status == 0);
        CHECK(info.out.find("Tagged:          yes") != std::string::npos);
        std::string md = markdown_of(school);
        std::string title = md.substr(2, md.find('\n') - 2);
        CHECK(info.out.find("Title:           " + title + "\n") != std::string::npos);
        CHECK(info.out.find("Page size:       595.276 x 841.89 pts (A4)") != std::string::npos);
        int pages = std::atoi(info.out.c_str() + info.out.find("Pages:") + 6);
        CHECK(pages > 2);
        Shell last = shell("pdftotext -f " + std::to_string(pages) + " -l " + std::to_string(pages) + " " + quoted(pdf_of(school)) + " -");
        CHECK(last.out.find("Page " + std::to_string(pages) + " of " + std::to_string(pages)) != std::string::npos);
        Shell first = shell("pdftotext -f 1 -l 1 " + quoted(pdf_of(school)) + " -");
        CHECK(first.out.find("Page 1 of " + std::to_string(pages)) != std::string::npos);
        CHECK(first.out.find("Next review: ") != std::string::npos);
    }
}

TEST_CASE("pdf tools: the structure tree and the bookmarks hold the headings in order", "[pdf][client]") {
    CLAUSEBOOK_NEEDS_PROGRAM("pdfinfo");
    CLAUSEBOOK_NEEDS_PROGRAM("qpdf");
    for (const auto& school : example().schools) {
        INFO(school);
        auto expected = headings(markdown_of(school));
        REQUIRE(expected.size() > 10);
        Shell tree = shell("pdfinfo -struct-text " + quoted(pdf_of(school)));
        REQUIRE(tree.status == 0);
        std::vector<std::pair<int, std::string>> found;
        std::istringstream in(tree.out);
        std::string line;
        int pending = 0;
        while (std::getline(in, line)) {
            std::size_t at = line.find_first_not_of(' ');
            if (at == std::string::npos) continue;
            if (line.compare(at, 9, "H1 (block") == 0 || line.compare(at, 9, "H2 (block") == 0 || line.compare(at, 9, "H3 (block") == 0) {
                pending = line[at + 1] - '0';
            } else if (pending && line[at] == '"') {
                found.push_back({pending, line.substr(at + 1, line.rfind('"') - at - 1)});
                pending = 0;
            }
        }
        CHECK(found == expected);
        // Bookmarks: qpdf's JSON lists each outline item with its title, an item's kids before
        // its own title; a clause's bookmark is inside its section's.
        Shell outline = shell("qpdf --json --json-key=outlines " + quoted(pdf_of(school)));
        REQUIRE(outline.status == 0);
        std::vector<std::string> titles;
        std::function<void(const nlohmann::json&)> collect = [&](const nlohmann::json& j) {
            if (j.is_object()) {
                if (j.contains("title") && j["title"].is_string()) titles.push_back(j["title"].get<std::string>());
                for (const auto& [key, value] : j.items()) collect(value);
            } else if (j.is_array()) {
                for (const auto& value : j) collect(value);
            }
        };
        collect(nlohmann::json::parse(outline.out));
        std::vector<std::string> wanted;
        for (const auto& h : expected) wanted.push_back(h.second);
        std::sort(titles.begin(), titles.end());
        std::sort(wanted.begin(), wanted.end());
        CHECK(titles == wanted);
        std::size_t clause = outline.out.find("\"title\": \"1.1 ");
        std::size_t section = outline.out.find("\"title\": \"" + expected.front().second + "\"");
        std::size_t second = outline.out.find("\"title\": \"2 ");
        CHECK(clause < section);  // inside section 1's item
        CHECK(section < second);
    }
}

TEST_CASE("pdf tools: the contents' page numbers are the pages its links lead to", "[pdf][client]") {
    CLAUSEBOOK_NEEDS_PROGRAM("pdfinfo");
    CLAUSEBOOK_NEEDS_PROGRAM("pdftotext");
    CLAUSEBOOK_NEEDS_PROGRAM("qpdf");
    for (const auto& school : example().schools) {
        INFO(school);
        // pdfinfo -dests: "   3 [ XYZ   71  771 null      ] "s-1"".
        Shell dests = shell("pdfinfo -dests " + quoted(pdf_of(school)));
        std::map<std::string, int> page_of;
        std::istringstream in(dests.out);
        std::string line;
        while (std::getline(in, line)) {
            std::size_t q = line.find('"');
            if (q != std::string::npos) page_of[line.substr(q + 1, line.rfind('"') - q - 1)] = std::atoi(line.c_str());
        }
        auto expected = headings(markdown_of(school));
        REQUIRE(page_of.size() == expected.size());
        // The contents, laid out: each entry's line ends in its page number.
        Shell contents = shell("pdftotext -layout -f 1 -l 3 " + quoted(pdf_of(school)) + " -");
        int section = 0, clause = 0;
        for (const auto& [level, text] : expected) {
            if (level == 1)
                ++section, clause = 0;
            else
                ++clause;
            std::string dest = "s-" + std::to_string(section) + (level == 1 ? "" : "-" + std::to_string(clause));
            INFO(text << " -> " << dest);
            REQUIRE(page_of.count(dest));
            std::size_t at = contents.out.find(text);
            REQUIRE(at != std::string::npos);
            std::string rest = contents.out.substr(at + text.size(), contents.out.find('\n', at) - at - text.size());
            CHECK(std::atoi(rest.c_str()) == page_of[dest]);
            CHECK(page_of[dest] >= 2);
        }
        // Each contents entry is a link annotation to its destination.
        Shell qdf = shell("qpdf --qdf --object-streams=disable " + quoted(pdf_of(school)) + " -");
        std::size_t links = 0;
        for (std::size_t at = qdf.out.find("/Dest (s-"); at != std::string::npos; at = qdf.out.find("/Dest (s-", at + 1)) ++links;
        CHECK(links >= expected.size());
    }
}

TEST_CASE("pdf tools: every font is embedded", "[pdf][client]") {
    CLAUSEBOOK_NEEDS_PROGRAM("pdffonts");
    for (const auto& school : example().schools) {
        INFO(school);
        Shell fonts = shell("pdffonts " + quoted(pdf_of(school)));
        REQUIRE(fonts.status == 0);
        std::istringstream in(fonts.out);
        std::string line;
        int rows = 0;
        std::getline(in, line);
        std::size_t emb = line.find("emb");
        REQUIRE(emb != std::string::npos);
        std::getline(in, line);  // the rule
        while (std::getline(in, line)) {
            INFO(line);
            ++rows;
            CHECK(line.compare(emb, 3, "yes") == 0);
        }
        CHECK(rows >= 2);  // regular and bold
    }
}

TEST_CASE("pdf tools: qpdf finds no error and reads the language and the title preference", "[pdf][client]") {
    CLAUSEBOOK_NEEDS_PROGRAM("qpdf");
    for (const auto& school : example().schools) {
        INFO(school);
        Shell check = shell("qpdf --check " + quoted(pdf_of(school)));
        INFO(check.out);
        CHECK(check.status == 0);
        CHECK(check.out.find("No syntax or stream encoding errors found") != std::string::npos);
        CHECK(check.out.find("WARNING") == std::string::npos);
        // qpdf writes only the catalog in force, so these prove the update is read.
        Shell qdf = shell("qpdf --qdf --object-streams=disable " + quoted(pdf_of(school)) + " -");
        CHECK(qdf.out.find("/Lang (en-GB)") != std::string::npos);
        CHECK(qdf.out.find("/DisplayDocTitle true") != std::string::npos);
        CHECK(qdf.out.find("/Marked true") != std::string::npos);
    }
}

TEST_CASE("pdf tools: pdftoppm renders the first two pages of each example policy", "[pdf][client]") {
    CLAUSEBOOK_NEEDS_PROGRAM("pdftoppm");
    fs::path pictures = fs::path(CLAUSEBOOK_BINARY).parent_path() / "pdf-pages";
    fs::create_directories(pictures);
    for (const auto& school : example().schools) {
        INFO(school);
        fs::path prefix = pictures / school;
        Shell r = shell("pdftoppm -r 60 -png -f 1 -l 2 " + quoted(pdf_of(school)) + " " + quoted(prefix));
        REQUIRE(r.status == 0);
        for (const char* page : {"-01.png", "-02.png"}) {
            fs::path png = prefix.string() + page;
            CHECK(fs::exists(png));
            CHECK(fs::file_size(png) > 10000);  // a page with text on it, not a blank one
        }
        std::cout << "pdf page pictures: " << prefix.string() << "-01.png, -02.png\n";
    }
}

TEST_CASE("pdf: the same inputs give the same bytes, dated from SOURCE_DATE_EPOCH when it is set", "[pdf]") {
    TestRepo repo;
    REQUIRE(repo.run({"build", "--format", "pdf"}).exit_code == 0);
    std::string first = repo.read("out/alpha/social.pdf");
    REQUIRE(first.compare(0, 5, "%PDF-") == 0);
    TestRepo other;
    REQUIRE(other.run({"build", "--format", "pdf"}).exit_code == 0);
    CHECK(other.read("out/alpha/social.pdf") == first);
    CHECK(first.find("/CreationDate (D:20240301000000Z)") != std::string::npos);  // alpha's approval date
    ::setenv("SOURCE_DATE_EPOCH", "1700000000", 1);  // 14 November 2023, 22:13:20 UTC
    TestRepo dated;
    auto r = dated.run({"build", "--format", "pdf"});
    ::unsetenv("SOURCE_DATE_EPOCH");
    REQUIRE(r.exit_code == 0);
    std::string pdf = dated.read("out/alpha/social.pdf");
    CHECK(pdf.find("/CreationDate (D:20231114221320Z)") != std::string::npos);
    CHECK(pdf.find("/ModDate (D:20231114221320Z)") != std::string::npos);
}

// The PDF writer keeps each thread's text layouts and reuses them in later documents
// (src/write/pdf/layout.cpp). The example built twice in this thread (the second build finding
// nearly every text laid out already, and the five schools sharing most of their clauses) must
// give the same bytes as a build in a new thread, whose store starts empty.
TEST_CASE("pdf: layouts kept from earlier documents change no byte of a PDF", "[pdf]") {
    auto pdfs = [](const fs::path& out) {
        std::map<std::string, std::string> found;
        for (const auto& entry : fs::recursive_directory_iterator(out))
            if (entry.path().extension() == ".pdf") found[fs::relative(entry.path(), out).string()] = read_file(entry.path());
        return found;
    };
    TempDir dir;
    auto build = [&](const std::string& name) {
        return run_example({"build", "--out", (dir.path() / name).string(), "--format", "pdf", "--jobs", "1", "--quiet"});
    };
    for (const char* name : {"first", "warm"}) {
        auto r = build(name);
        INFO(r.err);
        REQUIRE(r.exit_code == 0);
    }
    RunResult r;
    std::thread fresh([&] { r = build("cold"); });  // no assertion off the test's own thread
    fresh.join();
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    auto warm = pdfs(dir.path() / "warm");
    auto cold = pdfs(dir.path() / "cold");
    REQUIRE(warm.size() == 5);
    REQUIRE(cold.size() == warm.size());
    for (const auto& [path, bytes] : cold) {
        INFO(path);
        CHECK(warm[path] == bytes);
    }
}

TEST_CASE("pdf tools: a draft says so at the top of every page and on its cover", "[pdf][client]") {
    CLAUSEBOOK_NEEDS_PROGRAM("pdftotext");
    CLAUSEBOOK_NEEDS_PROGRAM("pdfinfo");
    // The example schools have no approved copies: every one is a draft.
    for (const auto& school : example().schools) {
        INFO(school);
        Shell info = shell("pdfinfo " + quoted(pdf_of(school)));
        int pages = std::atoi(info.out.c_str() + info.out.find("Pages:") + 6);
        REQUIRE(pages > 2);
        for (int page : {1, 2, pages}) {
            INFO("page " << page);
            // The band above the running header only (y from 0 to 36 points).
            Shell top = shell("pdftotext -f " + std::to_string(page) + " -l " + std::to_string(page) + " -r 72 -x 0 -y 0 -W 596 -H 36 " +
                              quoted(pdf_of(school)) + " -");
            CHECK(top.out.find("Draft for approval") != std::string::npos);
        }
        Shell first = shell("pdftotext -f 1 -l 1 " + quoted(pdf_of(school)) + " -");
        CHECK(first.out.find("Status") != std::string::npos);
    }
}
