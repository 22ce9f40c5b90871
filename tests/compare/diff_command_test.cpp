// clausebook diff: school against school, against its approved copy, every format, and the
// DOCX redline read back (every change a w:ins or w:del with author and date).
#include <catch2/catch.hpp>

#include <cstdlib>
#include <zip.h>
#include <pugixml.hpp>

#include "support/fixture.hpp"
#include "support/skip.hpp"

using clausebook::test::RunResult;
using clausebook::test::TestRepo;

namespace {

bool has(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

// One entry of a zip archive on disk, or "" if it is not there.
std::string zip_entry(const std::filesystem::path& archive, const char* name) {
    int err = 0;
    zip_t* z = zip_open(archive.string().c_str(), ZIP_RDONLY, &err);
    if (!z) return {};
    std::string out;
    zip_stat_t st;
    if (zip_stat(z, name, 0, &st) == 0)
        if (zip_file_t* f = zip_fopen(z, name, 0)) {
            out.resize(static_cast<std::size_t>(st.size));
            zip_fread(f, out.data(), st.size);
            zip_fclose(f);
        }
    zip_close(z);
    return out;
}

// Alpha's policy with one clause reworded, for "since approval" cases.
void reword_alpha(TestRepo& repo) {
    repo.write("schools/alpha.yaml",
               "school:\n  name: Alpha Primary School\n  phase: primary\nparams:\n  headteacher: { name: Ann Example, role: Headteacher }\n"
               "policies:\n  social:\n    approved: 2024-03-01\n    approved_by: Full governing board\n    minute: 24/3/5\n"
               "    overrides:\n      parents.conduct: \"Pupils must be at least {{min_age}} years old to hold any account.\"\n");
}

// Keeps alpha's current text, as it reads once approved, as its approved copy of 2024-03-01.
void approve_alpha(TestRepo& repo) { repo.approve("alpha", "social", "2024-03-01"); }

}  // namespace

TEST_CASE("diff of a school against itself is empty, with exit 0", "[diff]") {
    TestRepo repo;
    RunResult r = repo.run({"diff", "alpha", "alpha"});
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(has(r.out, "0 clauses changed, 0 added, 0 removed, 4 unchanged"));
    CHECK_FALSE(has(r.out, "[-"));
}

TEST_CASE("diff of two schools lists the changed clauses and only the words that differ", "[diff]") {
    TestRepo repo;
    repo.write("schools/beta.yaml",
               "school:\n  name: Beta Primary School\n  phase: primary\nparams:\n  headteacher: { name: Bob Example }\n  min_age: 14\n"
               "policies:\n  social:\n    approved: 2023-01-11\n");
    RunResult r = repo.run({"diff", "alpha", "beta"});
    INFO(r.out + r.err);
    CHECK(r.exit_code == 1);
    CHECK(has(r.out,
              "1.1 Purpose  [intro.purpose]\n    This policy explains how [-Alpha-]{+Beta+} Primary School expects its community to use social media. "
              "[-Ann-]{+Bob+} Example is responsible for it.\n"));
    CHECK(has(r.out, "3.1 Conduct of parents  [parents.conduct]\n    Pupils must be at least [-13-]{+14+} to hold an account.\n"));
    CHECK_FALSE(has(r.out, "[intro.links]"));  // unchanged clauses are not listed
    CHECK(has(r.out, "School: [-Alpha-]{+Beta+} Primary School"));
    // Both are drafts (no approved copies), each replacing its own earlier approval.
    CHECK(has(r.out, "Status: Draft for approval \u2014 replaces the policy approved on [-1 March 2024-]{+11 January 2023+}"));
    CHECK(has(r.out, "2 clauses changed, 0 added, 0 removed, 2 unchanged; cover: 6 rows differ"));
}

TEST_CASE("diff --since-approval compares with the newest approved copy", "[diff]") {
    TestRepo repo;
    approve_alpha(repo);
    repo.write("approved/alpha/social/2020-01-01.md", "# Older copy\n");
    RunResult same = repo.run({"diff", "alpha", "--since-approval"});
    INFO(same.out + same.err);
    CHECK(same.exit_code == 0);
    CHECK(has(same.out, "--- alpha@approved (2024-03-01)"));

    reword_alpha(repo);
    RunResult r = repo.run({"diff", "alpha", "--since-approval"});
    INFO(r.out + r.err);
    CHECK(r.exit_code == 1);
    CHECK(has(r.out, "Pupils must be at least 13 {+years old+} to hold [-an-]{+any+} account."));
    CHECK(has(r.out, "1 clause changed, 0 added, 0 removed, 3 unchanged"));
    // The same through SCHOOL@approved, and the other way round.
    CHECK(repo.run({"diff", "alpha@approved", "alpha"}).out == r.out);
    CHECK(has(repo.run({"diff", "alpha", "alpha@approved"}).out, "[-years old-]"));
}

TEST_CASE("an approved copy without clause id markers is matched by title", "[diff]") {
    TestRepo repo;
    approve_alpha(repo);
    std::string md = repo.read("approved/alpha/social/2024-03-01.md"), stripped;
    std::size_t start = 0;
    while (start < md.size()) {
        std::size_t nl = md.find('\n', start);
        std::string line = md.substr(start, nl - start + 1);
        if (line.rfind("[clause:", 0) != 0) stripped += line;
        start = nl + 1;
    }
    REQUIRE(stripped.size() < md.size());
    repo.write("approved/alpha/social/2024-03-01.md", stripped);
    RunResult r = repo.run({"diff", "alpha", "--since-approval"});
    INFO(r.out + r.err);
    CHECK(r.exit_code == 0);
}

TEST_CASE("diff refuses what it cannot compare, naming the file, line and fix", "[diff]") {
    TestRepo repo;
    RunResult r = repo.run({"diff", "alpha", "--since-approval"});
    CHECK(r.exit_code == 2);
    CHECK(has(r.err, "no approved copy of social for alpha"));
    CHECK(has(r.err, "clausebook renew alpha social"));
    r = repo.run({"diff", "alpah", "beta"});
    CHECK(r.exit_code == 2);
    CHECK(has(r.err, "did you mean 'alpha'"));
    r = repo.run({"diff", "alpha"});
    CHECK(r.exit_code == 2);
    r = repo.run({"diff", "alpha@yesterday", "beta"});
    CHECK(r.exit_code == 2);
    repo.write("approved/alpha/social/2024-03-01.md", "# Policy\n\n## 1 Intro\n\n### Purpose without a number\n\nText.\n");
    r = repo.run({"diff", "alpha", "--since-approval"});
    CHECK(r.exit_code == 2);
    CHECK(has(r.err, "approved/alpha/social/2024-03-01.md:5:5: error: a clause heading should be '### N.M Title' [approved-copy-format]"));
    CHECK(r.out.empty());
}

TEST_CASE("diff formats: Markdown, inline and side-by-side HTML", "[diff]") {
    TestRepo repo;
    approve_alpha(repo);
    reword_alpha(repo);
    RunResult md = repo.run({"diff", "alpha", "--since-approval", "--format", "md"});
    CHECK(md.exit_code == 1);
    INFO(md.out);
    CHECK(has(md.out, "## 3\\.1 Conduct of parents\n\nPupils must be at least 13 **years old** to hold ~~an~~**any** account.\n"));
    RunResult html = repo.run({"diff", "alpha", "--since-approval", "--format", "html"});
    CHECK(has(html.out, "Pupils must be at least 13 <ins>years old</ins> to hold <del>an</del><ins>any</ins> account."));
    RunResult side = repo.run({"diff", "alpha", "--since-approval", "--format", "html-side"});
    INFO(side.out);
    CHECK(has(side.out, "<td class=\"text\">Pupils must be at least 13 to hold <del>an</del> account.</td>"));
    CHECK(has(side.out, "<td class=\"text\">Pupils must be at least 13 <ins>years old</ins> to hold <ins>any</ins> account.</td>"));
}

TEST_CASE("the DOCX redline holds every change as a tracked w:ins or w:del", "[diff][docx]") {
    TestRepo repo;
    approve_alpha(repo);
    reword_alpha(repo);
    repo.write("schools/alpha.yaml", repo.read("schools/alpha.yaml") + "    exclude: [intro.links]\n");
    auto docx = repo.root() / "changes.docx";
    RunResult r = repo.run({"diff", "alpha", "--since-approval", "--format", "docx", "--output", docx.string(), "--author", "Clerk", "--today", "2025-06-01"});
    INFO(r.err);
    REQUIRE(r.exit_code == 1);
    std::string xml = zip_entry(docx, "word/document.xml");
    REQUIRE_FALSE(xml.empty());
    CHECK_FALSE(zip_entry(docx, "[Content_Types].xml").empty());
    pugi::xml_document doc;
    REQUIRE(doc.load_string(xml.c_str()));
    std::string inserted, deleted;
    std::size_t changes = 0;
    for (const char* kind : {"w:ins", "w:del"})
        for (auto x : doc.select_nodes((std::string("//") + kind).c_str())) {
            ++changes;
            CHECK(std::string(x.node().attribute("w:author").value()) == "Clerk");
            CHECK(std::string(x.node().attribute("w:date").value()) == "2025-06-01T00:00:00Z");
            CHECK_FALSE(std::string(x.node().attribute("w:id").value()).empty());
            for (auto t : x.node().select_nodes(".//w:t")) inserted += std::string(t.node().text().get()) + "|";
            for (auto t : x.node().select_nodes(".//w:delText")) deleted += std::string(t.node().text().get()) + "|";
        }
    CHECK(changes > 0);
    CHECK(has(inserted, "years old|"));
    CHECK(has(inserted, "any|"));
    CHECK(has(deleted, "an|"));
    CHECK(has(deleted, "Related policies"));  // the excluded clause: heading and text deleted
    // Deleted text only inside w:del, inserted runs only inside w:ins.
    CHECK(doc.select_nodes("//w:delText[not(ancestor::w:del)]").empty());
    // Accepting every change gives the new wording.
    std::string accepted;
    for (auto t : doc.select_nodes("//w:p[.//w:t[contains(., 'Pupils must')]]//w:t")) accepted += t.node().text().get();
    CHECK(accepted == "Pupils must be at least 13 years old to hold any account.");
    // Same inputs, same bytes.
    auto again = repo.root() / "again.docx";
    repo.run({"diff", "alpha", "--since-approval", "--format", "docx", "--output", again.string(), "--author", "Clerk", "--today", "2025-06-01"});
    CHECK(clausebook::test::read_file(docx) == clausebook::test::read_file(again));

    // LibreOffice opens it with the changes as tracked changes.
    CLAUSEBOOK_NEEDS_PROGRAM("soffice");
    std::string cmd = "cd '" + repo.root().string() + "' && HOME='" + repo.root().string() +
                      "' timeout 120 soffice --headless --norestore --convert-to odt changes.docx >/dev/null 2>&1";
    REQUIRE(std::system(cmd.c_str()) == 0);
    std::string content = zip_entry(repo.root() / "changes.odt", "content.xml");
    CHECK(has(content, "<text:tracked-changes"));
    CHECK(has(content, "<text:insertion>"));
    CHECK(has(content, "<text:deletion>"));
    CHECK(has(content, "Clerk"));
}
