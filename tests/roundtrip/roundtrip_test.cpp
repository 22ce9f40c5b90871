// Issue 16: clausebook's own DOCX edited as a person would (its XML changed in the test, and
// the same after a resave through LibreOffice) and imported back: each edit becomes exactly the
// school-file change that produces it, and building again gives the edited text.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <regex>
#include <set>
#include <sstream>

#include "import/blocks.hpp"
#include "import/docx_builder.hpp"
#include "import/own_document.hpp"
#include "support/fixture.hpp"
#include "support/skip.hpp"
#include "util/diagnostics.hpp"
#include "write/docx/own_marks.hpp"
#include "write/docx_reader.hpp"

using namespace clausebook;

namespace {

constexpr const char* k_school = "conway-primary";
constexpr const char* k_docx = "out/conway-primary/social-networking.docx";

// A copy of the example repository with Conway's DOCX built in it.
struct Repo {
    test::TempDir dir;
    Repo() {
        for (const char* p : {"clausebook.yaml", "templates", "clauses", "schools"})
            std::filesystem::copy(test::source_dir() / p, dir.path() / p, std::filesystem::copy_options::recursive);
        auto b = run({"build", "--school", k_school, "--format", "docx"});
        REQUIRE(b.exit_code == 0);
    }
    test::RunResult run(std::vector<std::string> args) const {
        args.push_back("--root");
        args.push_back(dir.path().string());
        return test::run_cli(args);
    }
    std::filesystem::path path(const std::string& rel) const { return dir.path() / rel; }
    std::string read(const std::string& rel) const { return test::read_file(path(rel)); }
    void write(const std::string& rel, const std::string& bytes) const { test::write_file(path(rel), bytes); }
};

// The package with `edit` applied to its parts.
template <class Edit>
std::string edited(const std::string& docx, Edit edit) {
    auto pkg = test::read_docx(docx);
    edit(pkg.parts);
    std::vector<std::pair<std::string, std::string>> parts;
    for (const auto& n : pkg.names) parts.emplace_back(n, pkg.parts[n]);
    for (const auto& [n, bytes] : pkg.parts)
        if (std::find(pkg.names.begin(), pkg.names.end(), n) == pkg.names.end()) parts.emplace_back(n, bytes);
    return test::make_zip(parts);
}

void replace_once(std::string& s, const std::string& from, const std::string& to, std::size_t after = 0) {
    auto at = s.find(from, after);
    INFO("looking for: " << from);
    REQUIRE(at != std::string::npos);
    s.replace(at, from.size(), to);
}

// The paragraphs of the clause bookmarked `bookmark`, its heading's included: from the heading's
// w:p to the next heading's.
std::pair<std::size_t, std::size_t> clause_range(const std::string& xml, const std::string& bookmark) {
    auto mark = xml.find("w:name=\"" + bookmark + "\"");
    REQUIRE(mark != std::string::npos);
    auto start = xml.rfind("<w:p>", mark);
    auto next = xml.find("<w:pStyle w:val=\"Heading", mark);
    REQUIRE(next != std::string::npos);
    auto end = xml.rfind("<w:p>", next);
    return {start, end};
}

std::string ins(int id, const char* author, const std::string& text) {
    return "</w:t></w:r><w:ins w:id=\"" + std::to_string(id) + "\" w:author=\"" + author +
           "\" w:date=\"2026-11-10T09:00:00Z\"><w:r><w:t xml:space=\"preserve\">" + text + "</w:t></w:r></w:ins><w:r><w:t xml:space=\"preserve\">";
}
std::string del(int id, const char* author, const std::string& text) {
    return "</w:t></w:r><w:del w:id=\"" + std::to_string(id) + "\" w:author=\"" + author +
           "\" w:date=\"2026-11-11T14:30:00Z\"><w:r><w:delText xml:space=\"preserve\">" + text + "</w:delText></w:r></w:del><w:r><w:t xml:space=\"preserve\">";
}

// Every edit of the issue at once: a sentence changed, a clause deleted, a paragraph inserted,
// tracked insertions and deletions by two authors, a comment, the cover table's approval.
std::string edit_everything(const std::string& docx) {
    return edited(docx, [](std::map<std::string, std::string>& parts) {
        std::string& xml = parts["word/document.xml"];
        replace_once(xml, "much of which now reaches young people online", "much of which now reaches children online");
        auto [from, to] = clause_range(xml, "cb_safeguarding_image_abuse");
        xml.erase(from, to - from);
        auto positive = clause_range(xml, "cb_parents_positive_use");
        xml.insert(positive.second,
                   "<w:p><w:pPr><w:pStyle w:val=\"BodyText\"/></w:pPr><w:r><w:t>Parents may ask the office which accounts the school runs.</w:t></w:r></w:p>");
        replace_once(xml, "Teachers explain these rules to pupils", "Teachers explain these rules to pupils" + ins(901, "Ann Governor", " and their parents"));
        replace_once(xml, "tell a trusted adult straight away if", "tell a trusted adult " + del(902, "Bob Head", "straight away ") + "if");
        replace_once(xml, "use school equipment, such as laptops",
                     "</w:t></w:r><w:commentRangeStart w:id=\"0\"/><w:r><w:t xml:space=\"preserve\">use school equipment, such as laptops");
        auto devices = xml.find("such as laptops");
        auto run_end = xml.find("</w:r>", devices) + 6;
        xml.insert(run_end, "<w:commentRangeEnd w:id=\"0\"/><w:r><w:commentReference w:id=\"0\"/></w:r>");
        auto cover = xml.find("Previous text approved on");
        replace_once(xml, "3 April 2019", "18 November 2026", cover);
        parts["word/comments.xml"] =
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:comments xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
            "<w:comment w:id=\"0\" w:author=\"Carol Chair\" w:date=\"2026-11-12T08:00:00Z\"><w:p><w:r><w:t>Do we lend laptops to "
            "pupils?</w:t></w:r></w:p></w:comment></w:comments>";
        replace_once(parts["word/_rels/document.xml.rels"], "</Relationships>",
                     "<Relationship Id=\"rIdComments\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments\" "
                     "Target=\"comments.xml\"/></Relationships>");
        replace_once(
            parts["[Content_Types].xml"], "</Types>",
            "<Override PartName=\"/word/comments.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml\"/></Types>");
    });
}

// LibreOffice's resave of `docx` (it rewrites every part, as another editor does).
std::string resaved(const test::TempDir& dir, const std::string& docx) {
    auto folder = dir.path() / "lo";
    std::filesystem::create_directories(folder / "out");
    test::write_file(folder / "in.docx", docx);
    std::string cmd = "cd '" + folder.string() + "' && timeout 180 soffice -env:UserInstallation=file://" + (folder / "profile").string() +
                      " --headless --norestore --convert-to docx --outdir out in.docx >/dev/null 2>&1";
    REQUIRE(std::system(cmd.c_str()) == 0);
    return test::read_file(folder / "out" / "in.docx");
}

// A heading's text without a number typed before it ("3.2 Personal use").
std::string without_number(const std::string& text) {
    std::size_t i = 0;
    while (i < text.size() && (std::isdigit(static_cast<unsigned char>(text[i])) || text[i] == '.')) ++i;
    return i > 0 && i < text.size() && text[i] == ' ' ? text.substr(i + 1) : text;
}

// The body text as a reader sees it: the paragraphs, list items and tables after the contents,
// in order; headings apart (a deleted clause renumbers the rest, and added paragraphs come back
// under a heading of their own, as every local clause has one), and cross-references' numbers
// left out (they follow the renumbering).
std::vector<std::string> body_text(const std::string& docx, import::Changes changes, std::vector<std::string>* headings = nullptr) {
    util::Diagnostics d;
    import::ReadOptions o;
    o.changes = changes;
    auto doc = import::read_docx(docx, "x.docx", o, d);
    REQUIRE_FALSE(d.has_errors());
    std::vector<std::string> out;
    bool body = false;
    for (const auto& b : doc.blocks) {
        if (!b.dropped.empty()) continue;
        bool heading = b.kind == import::BlockKind::heading && b.level <= 2;
        if (heading && b.level == 1 && (!b.number.empty() || std::isdigit(static_cast<unsigned char>(b.text[0])))) body = true;
        if (!body) continue;
        // Cross-references name the clause's number, which a deleted clause changes.
        static const std::regex k_number(R"(section \d+(\.\d+)*)");
        if (!heading)
            out.push_back(std::regex_replace(b.text, k_number, "section N"));
        else if (headings)
            headings->push_back(without_number(b.text));
    }
    return out;
}

bool has_line(const std::string& diff, const std::string& line) { return diff.find("\n" + line + "\n") != std::string::npos; }

// The diff lines (+ and -) of a dry run's output, headers left out.
std::vector<std::string> changed_lines(const std::string& out) {
    std::vector<std::string> lines;
    std::istringstream in(out);
    std::string l;
    while (std::getline(in, l))
        if ((l[0] == '+' || l[0] == '-') && l.rfind("+++", 0) != 0 && l.rfind("---", 0) != 0) lines.push_back(l);
    return lines;
}

void check_everything(const Repo& repo, const std::string& docx, bool through_libreoffice) {
    repo.write("edited.docx", docx);
    const std::string file = repo.path("edited.docx").string();

    // Tracked changes must be decided.
    auto refused = repo.run({"import", file, "--school", k_school, "--today", "2026-11-20"});
    CHECK(refused.exit_code == 2);
    CHECK(refused.err.find("[import-tracked-changes]") != std::string::npos);

    auto dry = repo.run({"import", file, "--school", k_school, "--changes", "accept", "--dry-run", "--today", "2026-11-20"});
    INFO(dry.out << dry.err);
    REQUIRE(dry.exit_code == 0);
    CHECK(dry.out.find("clausebook's own document: Conway Primary School (conway-primary), policy social-networking") != std::string::npos);
    CHECK(dry.out.find("insertion (accepted) by Ann Governor on 2026-11-10T09:00:00Z in pupils.rules: \"and their parents\"") != std::string::npos);
    CHECK(dry.out.find("deletion (accepted) by Bob Head on 2026-11-11T14:30:00Z in pupils.rules: \"straight away\"") != std::string::npos);
    CHECK(dry.out.find("comment by Carol Chair on 2026-11-12T08:00:00Z in staff.devices: \"Do we lend laptops to pupils?\"") != std::string::npos);
    CHECK(dry.out.find("Dry run: nothing was written.") != std::string::npos);
    // The school-file change, as a diff: renew's approval, two overrides, an exclusion, a local clause.
    CHECK(has_line(dry.out, "-    approved: 2019-04-03            # also the date it was last reviewed"));
    CHECK(has_line(dry.out, "+    approved: 2026-11-18            # also the date it was last reviewed"));
    CHECK(has_line(dry.out, "-    next_review: 2022-04            # \"Next review due: April 2022\""));
    CHECK(has_line(dry.out, "+    next_review: 2029-11-18         # \"Next review due: April 2022\""));
    CHECK(has_line(dry.out, "+    exclude: [safeguarding.image-abuse]"));
    CHECK(has_line(dry.out, "+    overrides:"));
    CHECK(dry.out.find("+      safeguarding.prevent: |") != std::string::npos);
    CHECK(dry.out.find("much of which now reaches children online") != std::string::npos);
    CHECK(dry.out.find("+      pupils.rules: |") != std::string::npos);
    CHECK(dry.out.find("Teachers explain these rules to pupils and their parents in lessons") != std::string::npos);
    // The school's name came from {{school.name}} there, and stays a placeholder.
    CHECK(dry.out.find("\n+        We want everyone at {{school.name}} to be safe and happy, online") != std::string::npos);
    CHECK(dry.out.find("edited  pupils.rules: an override with the document's text (placeholders kept: school.name)") != std::string::npos);
    CHECK(dry.out.find("tell a trusted adult if they see") != std::string::npos);
    CHECK(dry.out.find("+      - id: local.edited-1") != std::string::npos);
    CHECK(has_line(dry.out, "+        after: parents.positive-use"));
    CHECK(has_line(dry.out, "+          Parents may ask the office which accounts the school runs."));
    CHECK(dry.out.find("staff.devices: |") == std::string::npos);  // a comment is no edit
    // Only the approval's two lines are replaced; everything else is added.
    int removed = 0;
    for (const auto& l : changed_lines(dry.out))
        if (l[0] == '-') {
            INFO(l);
            ++removed;
            CHECK((l.find("approved:") != std::string::npos || l.find("next_review:") != std::string::npos));
        }
    CHECK(removed == 2);
    (void)through_libreoffice;

    // Written, the same change; building again gives the edited text.
    auto before = repo.read("schools/conway-primary.yaml");
    auto done = repo.run({"import", file, "--school", k_school, "--changes", "accept", "--today", "2026-11-20"});
    INFO(done.out << done.err);
    REQUIRE(done.exit_code == 0);
    auto after = repo.read("schools/conway-primary.yaml");
    CHECK(after != before);
    CHECK(after.find("# Conway Primary School: social media policy.") == 0);  // comments kept
    auto b = repo.run({"build", "--school", k_school, "--format", "docx"});
    REQUIRE(b.exit_code == 0);
    std::vector<std::string> rebuilt_headings, wanted_headings;
    auto rebuilt = body_text(repo.read(k_docx), import::Changes::accept, &rebuilt_headings);
    auto wanted = body_text(docx, import::Changes::accept, &wanted_headings);
    // The same paragraphs, but for the one that states the approval and the next review: the
    // cover's edit changed those facts, and the review clause shows them.
    REQUIRE(rebuilt.size() == wanted.size());
    int differ = 0;
    for (std::size_t i = 0; i < rebuilt.size(); ++i)
        if (rebuilt[i] != wanted[i]) {
            INFO("paragraph " << i << " rebuilt: " << rebuilt[i] << "\nedited: " << wanted[i]);
            ++differ;
            CHECK(rebuilt[i].find("on 18 November 2026") != std::string::npos);
            CHECK(wanted[i].find("on 3 April 2019") != std::string::npos);
        }
    CHECK(differ == 1);
    // Every heading of the edited document is there, in order, and one more: the local clause's.
    CHECK(rebuilt_headings.size() == wanted_headings.size() + 1);
    std::size_t found = 0;
    for (const auto& h : rebuilt_headings)
        if (found < wanted_headings.size() && h == wanted_headings[found]) ++found;
    CHECK(found == wanted_headings.size());

    // Imported again, the rebuilt document is no change at all.
    auto again = repo.run({"import", repo.path(k_docx).string(), "--school", k_school, "--today", "2026-11-20"});
    INFO(again.out << again.err);
    CHECK(again.exit_code == 0);
    CHECK(again.out.find("No change: schools/conway-primary.yaml already gives this document; nothing was written.") != std::string::npos);
    CHECK(repo.read("schools/conway-primary.yaml") == after);
}

}  // namespace

TEST_CASE("own DOCX: custom properties name school, policy and version, and each clause has a bookmark from its id", "[roundtrip]") {
    Repo repo;
    auto pkg = test::read_docx(repo.read(k_docx));
    const std::string& custom = pkg.parts["docProps/custom.xml"];
    CHECK(custom.find("name=\"clausebook.school\"><vt:lpwstr>conway-primary</vt:lpwstr>") != std::string::npos);
    CHECK(custom.find("name=\"clausebook.policy\"><vt:lpwstr>social-networking</vt:lpwstr>") != std::string::npos);
    CHECK(custom.find("name=\"clausebook.version\">") != std::string::npos);
    CHECK(custom.find("name=\"clausebook.fingerprint\">") != std::string::npos);
    CHECK(custom.find("<vt:lpwstr>cb_safeguarding_prevent safeguarding.prevent ") != std::string::npos);
    CHECK(pkg.parts["_rels/.rels"].find("Target=\"docProps/custom.xml\"") != std::string::npos);
    CHECK(pkg.parts["[Content_Types].xml"].find("/docProps/custom.xml") != std::string::npos);
    const std::string& xml = pkg.parts["word/document.xml"];
    CHECK(xml.find("w:name=\"cb_safeguarding_prevent\"") != std::string::npos);
    CHECK(xml.find("w:name=\"cb_local_phones_handed_in\"") != std::string::npos);
}

TEST_CASE("own DOCX: bookmark names are at most 40 characters, start with a letter and stay unique", "[roundtrip]") {
    std::set<std::string> taken;
    auto a = write::docx::clause_bookmark("a.very-long-clause-identifier.that-goes-on-and-on", taken);
    auto b = write::docx::clause_bookmark("a.very-long-clause-identifier.that-goes-on-and-on-too", taken);
    auto c = write::docx::clause_bookmark("a.b", taken);
    auto d = write::docx::clause_bookmark("a_b", taken);
    CHECK(a.size() <= 40);
    CHECK(b.size() <= 40);
    CHECK(a != b);
    CHECK(c == "cb_a_b");
    CHECK(d != c);
    CHECK(d.size() <= 40);
}

TEST_CASE("own DOCX: unedited, imported back, is no change and writes nothing", "[roundtrip][cli]") {
    Repo repo;
    auto before = test::snapshot(repo.path("schools"));
    auto r = repo.run({"import", repo.path(k_docx).string(), "--school", k_school, "--today", "2026-11-20"});
    INFO(r.out << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.find("none: the document reads as clausebook built it") != std::string::npos);
    CHECK(r.out.find("No change: schools/conway-primary.yaml already gives this document; nothing was written.") != std::string::npos);
    CHECK(test::snapshot(repo.path("schools")) == before);
    CHECK_FALSE(std::filesystem::exists(repo.path("approved")));
}

TEST_CASE("own DOCX: every kind of edit maps to exactly its school-file change, and rebuilds to the edited text", "[roundtrip][cli]") {
    Repo repo;
    check_everything(repo, edit_everything(repo.read(k_docx)), false);
}

TEST_CASE("own DOCX: tracked changes rejected leave their clause as it was", "[roundtrip][cli]") {
    Repo repo;
    repo.write("edited.docx", edit_everything(repo.read(k_docx)));
    auto r = repo.run({"import", repo.path("edited.docx").string(), "--school", k_school, "--changes", "reject", "--dry-run", "--today", "2026-11-20"});
    INFO(r.out << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.find("insertion (rejected) by Ann Governor") != std::string::npos);
    CHECK(r.out.find("pupils.rules: |") == std::string::npos);
    CHECK(r.out.find("+      safeguarding.prevent: |") != std::string::npos);
}

TEST_CASE("own DOCX: the cover table's approval is the change renew makes", "[roundtrip][cli]") {
    Repo repo;
    Repo renewed;
    auto docx = edited(repo.read(k_docx), [](std::map<std::string, std::string>& parts) {
        std::string& xml = parts["word/document.xml"];
        replace_once(xml, "3 April 2019", "18 November 2026", xml.find("Previous text approved on"));
        replace_once(xml, "Steve Piper, on behalf of the governing body", "Full governing board", xml.find("Previous text approved by"));
    });
    repo.write("edited.docx", docx);
    auto r = repo.run({"import", repo.path("edited.docx").string(), "--school", k_school, "--today", "2026-11-20"});
    INFO(r.out << r.err);
    REQUIRE(r.exit_code == 0);
    auto n = renewed.run({"renew", k_school, "social-networking", "--approved", "2026-11-18", "--by", "Full governing board", "--today", "2026-11-20"});
    INFO(n.out << n.err);
    REQUIRE(n.exit_code == 0);
    CHECK(repo.read("schools/conway-primary.yaml") == renewed.read("schools/conway-primary.yaml"));
}

TEST_CASE("own DOCX: another school's or policy's document is refused, naming both", "[roundtrip][cli]") {
    Repo repo;
    auto before = test::snapshot(repo.path("schools"));
    auto r = repo.run({"import", repo.path(k_docx).string(), "--school", "wimborne-first", "--today", "2026-11-20"});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("this is clausebook's document of Conway Primary School (conway-primary), policy 'social-networking'; it cannot be taken back into "
                     "Wimborne First School (wimborne-first) [import-own-other]") != std::string::npos);
    CHECK(r.err.find("import refused; nothing was written") != std::string::npos);
    auto p = repo.run({"import", repo.path(k_docx).string(), "--school", k_school, "--policy", "social", "--today", "2026-11-20"});
    CHECK(p.exit_code == 2);
    CHECK(p.err.find("policy 'social' [import-own-other]") != std::string::npos);
    CHECK(test::snapshot(repo.path("schools")) == before);
}

TEST_CASE("own DOCX: an edited clause the library no longer has is kept as a local clause, and clauses changed underneath are reported", "[roundtrip][cli]") {
    Repo repo;
    auto docx = edited(repo.read(k_docx), [](std::map<std::string, std::string>& parts) {
        replace_once(parts["word/document.xml"], "much of which now reaches young people online", "much of which now reaches children online");
    });
    repo.write("edited.docx", docx);
    // The library since: prevent gone from the outline, devices reworded.
    auto outline = repo.read("templates/social-networking.yaml");
    replace_once(outline, "      - safeguarding.prevent\n", "");
    repo.write("templates/social-networking.yaml", outline);
    auto devices = repo.read("clauses/staff/devices.md");
    replace_once(devices, "use school equipment", "use the school's equipment");
    repo.write("clauses/staff/devices.md", devices);
    // And the school file: a renewal recorded since (the document's cover still shows the old one).
    auto renewed = repo.run({"renew", k_school, "social-networking", "--approved", "2026-11-18", "--today", "2026-11-20"});
    INFO(renewed.out << renewed.err);
    REQUIRE(renewed.exit_code == 0);
    auto r = repo.run({"import", repo.path("edited.docx").string(), "--school", k_school, "--dry-run", "--today", "2026-11-20"});
    INFO(r.out << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.find("cover  ") == std::string::npos);  // the old cover is no edit: the renewal stays
    CHECK(r.out.find("general.review: its text or title in the repository changed since the document was built") != std::string::npos);
    CHECK(r.out.find("safeguarding.prevent: no longer in the policy as the repository builds it now") != std::string::npos);
    CHECK(r.out.find("staff.devices: its text or title in the repository changed since the document was built") != std::string::npos);
    CHECK(r.out.find(
              "gone  local.edited-1: safeguarding.prevent is no longer in the library or the policy: its edited text is kept as local clause local.edited-1") !=
          std::string::npos);
    CHECK(r.out.find("+        after: safeguarding.statement") != std::string::npos);
    CHECK(r.out.find("staff.devices: |") == std::string::npos);  // unedited by the editor: the library's new text stays
}

TEST_CASE("own DOCX with its bookmarks stripped falls back to the general import and says so", "[roundtrip][cli]") {
    Repo repo;
    auto docx = edited(repo.read(k_docx), [](std::map<std::string, std::string>& parts) {
        std::string& xml = parts["word/document.xml"];
        for (auto at = xml.find("w:name=\"cb_"); at != std::string::npos; at = xml.find("w:name=\"cb_", at)) xml.replace(at, 11, "w:name=\"xx_");
    });
    repo.write("edited.docx", docx);
    auto r = repo.run({"import", repo.path("edited.docx").string(), "--school", k_school, "--dry-run", "--today", "2026-11-20"});
    INFO(r.out << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.find("Note: the document is clausebook's own (Conway Primary School (conway-primary), social-networking) but its clause bookmarks are gone "
                     "(an editor removed them), so it cannot be mapped exactly; it is imported as any other document, aligned by its words.") !=
          std::string::npos);
}

TEST_CASE("own DOCX through LibreOffice: a resave alone is no change, and every edit still maps exactly", "[roundtrip][cli][client]") {
    CLAUSEBOOK_NEEDS_PROGRAM("soffice");
    Repo repo;
    test::TempDir lo;
    auto plain = resaved(lo, repo.read(k_docx));
    repo.write("resaved.docx", plain);
    auto before = test::snapshot(repo.path("schools"));
    auto r = repo.run({"import", repo.path("resaved.docx").string(), "--school", k_school, "--today", "2026-11-20"});
    INFO(r.out << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.find("none: the document reads as clausebook built it") != std::string::npos);
    CHECK(test::snapshot(repo.path("schools")) == before);

    check_everything(repo, resaved(lo, edit_everything(repo.read(k_docx))), true);
}

TEST_CASE("own DOCX of a policy the repository no longer has, or with a cover date that is no date, is refused", "[roundtrip][cli]") {
    Repo repo;
    auto before = test::snapshot(repo.path("schools"));
    repo.write("other.docx", edited(repo.read(k_docx), [](std::map<std::string, std::string>& parts) {
                   replace_once(parts["docProps/custom.xml"], "<vt:lpwstr>social-networking</vt:lpwstr>", "<vt:lpwstr>anti-bullying</vt:lpwstr>");
               }));
    auto p = repo.run({"import", repo.path("other.docx").string(), "--school", k_school, "--today", "2026-11-20"});
    CHECK(p.exit_code == 2);
    CHECK(p.err.find("this is clausebook's document of policy 'anti-bullying', which the repository no longer has (no templates/anti-bullying.yaml) "
                     "[import-own-policy]") != std::string::npos);
    repo.write("cover.docx", edited(repo.read(k_docx), [](std::map<std::string, std::string>& parts) {
                   std::string& xml = parts["word/document.xml"];
                   replace_once(xml, "3 April 2019", "the spring term", xml.find("Previous text approved on"));
               }));
    auto c = repo.run({"import", repo.path("cover.docx").string(), "--school", k_school, "--today", "2026-11-20"});
    CHECK(c.exit_code == 2);
    CHECK(c.err.find("the cover's approval date 'the spring term' is not a date [import-own-cover]") != std::string::npos);
    CHECK(c.err.find("import refused; nothing was written") != std::string::npos);
    CHECK(test::snapshot(repo.path("schools")) == before);
}

TEST_CASE("own DOCX of a school without a file falls back to the general import and says so", "[roundtrip][cli]") {
    Repo repo;
    std::filesystem::remove(repo.path("schools/conway-primary.yaml"));
    auto r = repo.run({"import", repo.path(k_docx).string(), "--school", k_school, "--dry-run", "--today", "2026-11-20"});
    INFO(r.out << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.find("Note: the document is clausebook's own, but the repository has no school file for conway-primary; it is imported as any other document, "
                     "aligned by its words.") != std::string::npos);
}

TEST_CASE("own DOCX: the school's own clauses edited and deleted change their local entries, placement kept", "[roundtrip][cli]") {
    Repo repo;
    auto docx = edited(repo.read(k_docx), [](std::map<std::string, std::string>& parts) {
        std::string& xml = parts["word/document.xml"];
        replace_once(xml, "keeps it in a locked cupboard", "keeps it in a locked drawer");
        auto [from, to] = clause_range(xml, "cb_local_code_origin");
        xml.erase(from, to - from);
    });
    repo.write("edited.docx", docx);
    auto r = repo.run({"import", repo.path("edited.docx").string(), "--school", k_school, "--dry-run", "--today", "2026-11-20"});
    INFO(r.out << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.find("edited  local.phones-handed-in: the school's own clause: its text replaced by the document's") != std::string::npos);
    CHECK(r.out.find("deleted  local.code-origin: the school's own clause removed") != std::string::npos);
    CHECK(has_line(r.out, "-      - id: local.code-origin"));
    CHECK(has_line(r.out, "-        before: staff.expectations"));
    CHECK(r.out.find("\n+          Any pupil who brings a phone to school hands it in at the school office at the start of the day. The office keeps it in a "
                     "locked drawer") != std::string::npos);
    CHECK_FALSE(has_line(r.out, "-        after: pupils.phones"));  // its placement stays
    auto w = repo.run({"import", repo.path("edited.docx").string(), "--school", k_school, "--today", "2026-11-20"});
    REQUIRE(w.exit_code == 0);
    REQUIRE(repo.run({"build", "--school", k_school, "--format", "docx"}).exit_code == 0);
    auto rebuilt = body_text(repo.read(k_docx), import::Changes::refuse), wanted = body_text(docx, import::Changes::refuse);
    for (std::size_t i = 0; i < std::min(rebuilt.size(), wanted.size()); ++i)
        if (rebuilt[i] != wanted[i]) {
            INFO("paragraph " << i);
            CHECK(rebuilt[i] == wanted[i]);
            break;
        }
    CHECK(rebuilt.size() == wanted.size());
}

TEST_CASE("own DOCX: the one-pass digest of a body's XML is the digest of its visible text", "[roundtrip]") {
    for (std::string xml : {std::string("<w:p><w:r><w:t xml:space=\"preserve\">A &amp; B &lt;c&gt; \xC2\xA0"
                                        "d\xC2\xA9</w:t></w:r><w:r><w:tab/><w:t>e f</w:t></w:r></w:p>"),
                            std::string("<w:tbl><w:tr><w:tc><w:p><w:r><w:t/></w:r></w:p></w:tc></w:tr></w:tbl>"), std::string()}) {
        INFO(xml);
        CHECK(write::docx::xml_body_digest(xml) == write::docx::body_digest(write::docx::visible_text(xml)));
    }
    CHECK(write::docx::body_digest("A&B<c>d\xC2\xA9"
                                   "ef") == write::docx::xml_body_digest("<w:t>A &amp; B &lt;c&gt; \xC2\xA0"
                                                                         "d\xC2\xA9</w:t><w:t>e f</w:t>"));
}

TEST_CASE("own DOCX: the school-file edits keep every other line, and refuse flow style", "[roundtrip]") {
    const std::string file =
        "# a comment\n"
        "school:\n  name: X\n"
        "policies:\n"
        "  p:\n"
        "    approved: 2020-01-01  # kept\n"
        "    exclude:\n"
        "    - a.one\n"
        "    overrides:\n"
        "      b.two: |\n"
        "        Old.\n"
        "    local:\n"
        "      - id: local.x  # mine\n"
        "        after: b.two\n"
        "        title: X\n"
        "        text: |\n"
        "          Old x.\n"
        "      - id: local.y\n"
        "        before: b.two\n"
        "        title: Y\n"
        "        text: |\n"
        "          Y.\n";
    std::string t = import::add_exclusion(file, "s.yaml", "p", "c.three");
    CHECK(t.find("    exclude:\n    - a.one\n    - c.three\n") != std::string::npos);
    t = import::set_override(t, "s.yaml", "p", "b.two", "", "New.\n", "\"edited\"");
    CHECK(t.find("      b.two: |  # \"edited\"\n        New.\n    local:") != std::string::npos);
    t = import::set_local(t, "s.yaml", "p", "local.x", "", "", "X", "New x.\n", "");
    CHECK(t.find("      - id: local.x  # mine\n        after: b.two\n        title: X\n        text: |\n          New x.\n") != std::string::npos);
    t = import::remove_local(t, "s.yaml", "p", "local.y");
    CHECK(t.find("local.y") == std::string::npos);
    CHECK(t.find("# a comment\nschool:\n  name: X\npolicies:\n  p:\n    approved: 2020-01-01  # kept\n") == 0);
    CHECK(import::add_exclusion("policies:\n  p:\n    exclude: [a]\n", "s.yaml", "p", "b") == "policies:\n  p:\n    exclude: [a, b]\n");
    CHECK_THROWS_WITH(import::set_override("policies:\n  p: {approved: 2020-01-01}\n", "s.yaml", "p", "b", "", "x\n", ""),
                      "s.yaml:2:3: error: the entry of policy 'p' is written in flow style ({...}); import edits block style only [import-school-file]");
    CHECK_THROWS_WITH(import::set_override("policies:\n  p:\n    overrides: {b: x}\n", "s.yaml", "p", "b", "", "x\n", ""),
                      "s.yaml:3:5: error: overrides is written in flow style; import edits block style only [import-school-file]");
    CHECK_THROWS_WITH(import::set_override("policies:\n  q:\n    approved: 2020-01-01\n", "s.yaml", "p", "b", "", "x\n", ""),
                      "s.yaml: error: the school file has no entry for policy 'p' [import-school-file]");
    CHECK_THROWS_WITH(import::set_override("school:\n  name: X\n", "s.yaml", "p", "b", "", "x\n", ""),
                      "s.yaml: error: the school file has no policies: entry [import-school-file]");
}
