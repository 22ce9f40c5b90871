// clausebook import and adopt, run in-process against a throwaway repository.
#include <catch2/catch.hpp>

#include <cstdlib>

#include "compare/policy_text.hpp"
#include "import/align.hpp"
#include "import/docx_builder.hpp"
#include "import/importer.hpp"
#include "support/fixture.hpp"

using namespace clausebook;
using clausebook::test::TestRepo;

namespace {

const char* k_gamma =
    "GAMMA PRIMARY SCHOOL\n\n"
    "Social Media Policy\n\n"
    "Approved by the full governing board on 3 April 2024\n"
    "Next review: April 2025\n\n"
    "Headteacher: Gail Example\n\n"
    "Purpose\n\n"
    "This policy sets out how Gamma Primary School expects everyone in its community to use social media sites. Gail Example is responsible for the policy.\n\n"
    "Staff\n\n"
    "Staff must not connect with pupils on their personal social media accounts.\n\n"
    "Bikes\n\n"
    "Pupils who cycle lock their bikes in the shed by the gate.\n\n"
    "Signed\nDate\n";

// Every paragraph of `body`, in order, within the built Markdown's words.
bool in_order(const std::string& built_markdown, const std::vector<std::string>& body) {
    std::string built = import::normalise_words(compare::plain_text(built_markdown));
    std::size_t at = 0;
    for (const auto& s : body) {
        auto found = built.find(import::normalise_words(s), at);
        if (found == std::string::npos) return false;
        at = found;
    }
    return true;
}

}  // namespace

TEST_CASE("import writes the school file with the document's facts and wording, and the approved copy", "[import][cli]") {
    TestRepo repo;
    repo.write("gamma.txt", k_gamma);
    auto r = repo.run({"import", (repo.root() / "gamma.txt").string(), "--school", "gamma", "--today", "2026-01-05"});
    INFO(r.out << r.err);
    REQUIRE(r.exit_code == 0);
    std::string yaml = repo.read("schools/gamma.yaml");
    CHECK(yaml.find("name: Gamma Primary School  # \"GAMMA PRIMARY SCHOOL\"") != std::string::npos);
    CHECK(yaml.find("phase: primary") != std::string::npos);
    CHECK(yaml.find("approved: 2024-04-03  # \"Approved by the full governing board on 3 April 2024\"") != std::string::npos);
    CHECK(yaml.find("next_review: 2025-04") != std::string::npos);
    CHECK(yaml.find("headteacher: { name: Gail Example, role: Headteacher }") != std::string::npos);
    CHECK(yaml.find("intro.purpose:") != std::string::npos);
    CHECK(yaml.find("staff.contact:") != std::string::npos);
    CHECK(yaml.find("exclude: [intro.links]") != std::string::npos);
    CHECK(yaml.find("id: local.imported-1") != std::string::npos);
    CHECK(yaml.find("Pupils who cycle lock their bikes") != std::string::npos);
    CHECK(yaml.find("Signed") == std::string::npos);
    // The report: the facts with their words, every block's clause and next candidates, dropped blocks.
    CHECK(r.out.find("approved: 2024-04-03") != std::string::npos);
    CHECK(r.out.find("reworded  intro.purpose") != std::string::npos);
    CHECK(r.out.find("gap  parents.conduct") != std::string::npos);
    CHECK(r.out.find("excluded  intro.links") != std::string::npos);
    CHECK(r.out.find("; next: ") != std::string::npos);
    CHECK(r.out.find("Reads as this policy: 2 of 3 body blocks read like a clause, matching 2 clauses (1 needed)") != std::string::npos);
    CHECK(r.out.find("\"Signed\" -> dropped: signature box") != std::string::npos);
    CHECK(r.out.find("Approved copy: approved/gamma/social/2024-04-03.md") != std::string::npos);
    CHECK(std::filesystem::exists(repo.root() / "approved/gamma/social/2024-04-03.md"));

    // Nothing lost: after a build every paragraph of the body is in the policy, in order.
    auto b = repo.run({"build", "--school", "gamma", "--format", "md"});
    REQUIRE(b.exit_code == 0);
    std::string built = repo.read("out/gamma/social.md");
    CHECK(in_order(
        built, {"This policy sets out how Gamma Primary School expects everyone in its community to use social media sites.",
                "Staff must not connect with pupils on their personal social media accounts.", "Pupils who cycle lock their bikes in the shed by the gate."}));

    // compare shows the school's own wording as reworded.
    auto c = repo.run({"compare", "--school", "gamma", "--school", "alpha"});
    CHECK(c.out.find("reworded") != std::string::npos);
}

TEST_CASE("import --dry-run writes nothing and shows the school file as a diff", "[import][cli]") {
    TestRepo repo;
    repo.write("gamma.txt", k_gamma);
    auto before = test::snapshot(repo.root());
    auto r = repo.run({"import", (repo.root() / "gamma.txt").string(), "--school", "gamma", "--dry-run"});
    REQUIRE(r.exit_code == 0);
    CHECK(test::snapshot(repo.root()) == before);
    CHECK(r.out.find("--- /dev/null\n+++ b/schools/gamma.yaml") != std::string::npos);
    CHECK(r.out.find("+    approved: 2024-04-03") != std::string::npos);
    CHECK(r.out.find("Dry run: nothing was written.") != std::string::npos);
}

TEST_CASE("import refuses an empty document, another school's file and a document about something else", "[import][cli]") {
    TestRepo repo;
    auto before = test::snapshot(repo.root());
    repo.write("empty.txt", "\n\nSigned\nDate\n");
    auto e = repo.run({"import", (repo.root() / "empty.txt").string(), "--school", "gamma"});
    CHECK(e.exit_code == 2);
    CHECK(e.err.find("[import-empty]") != std::string::npos);
    CHECK(e.err.find("nothing was written") != std::string::npos);

    repo.write("gamma.txt", k_gamma);
    auto o = repo.run({"import", (repo.root() / "gamma.txt").string(), "--school", "alpha"});
    CHECK(o.exit_code == 2);
    CHECK(o.err.find("schools/alpha.yaml is Alpha Primary School's file, but the document is Gamma Primary School's policy [import-other-school]") !=
          std::string::npos);

    repo.write("menu.txt",
               "Lunch menu\n\nMonday: fish fingers, peas and chips, then jam sponge with custard.\n\n"
               "Tuesday: cheese and tomato pizza, salad and garlic bread, then fruit jelly.\n");
    auto m = repo.run({"import", (repo.root() / "menu.txt").string(), "--school", "gamma"});
    INFO(m.err);
    CHECK(m.exit_code == 2);
    CHECK(m.err.find("does not read as the policy 'social'") != std::string::npos);
    CHECK(m.err.find("--force") != std::string::npos);
    repo.remove("empty.txt");
    repo.remove("gamma.txt");
    repo.remove("menu.txt");
    CHECK(test::snapshot(repo.root()) == before);

    repo.write("menu.txt", "Lunch menu\n\nMonday: fish fingers, peas and chips, then jam sponge with custard.\n");
    repo.write("schools/gamma.yaml", "school:\n  name: Gamma School\nparams:\n  headteacher: { name: G }\n");
    auto f = repo.run({"import", (repo.root() / "menu.txt").string(), "--school", "gamma", "--force"});
    INFO(f.err);
    CHECK(f.exit_code == 0);
    CHECK(repo.read("schools/gamma.yaml").find("Monday: fish fingers") != std::string::npos);
}

namespace {

// An online safety policy with a social media section among eight others.
std::string online_safety_policy() {
    std::string t = "GAMMA PRIMARY SCHOOL\n\nOnline Safety Policy\n\nApproved by the full governing board on 3 April 2024\n\nHeadteacher: Gail Example\n\n";
    const char* topics[][2] = {
        {"Filtering", "The school filters its internet connection and the technician checks the logs each week for attempts to reach blocked sites."},
        {"Passwords", "Every pupil has a password of their own, which they keep private and change each term with their teacher's help."},
        {"Email", "Pupils use school email accounts only for class work, and teachers read the messages pupils send to each other."},
        {"Printing", "Pupils print only with permission, and the office counts the pages each class prints every month."},
        {"Laptops", "Laptops stay in the locked trolley overnight and are charged by the technician before the first lesson."},
        {"Viruses", "Memory sticks brought from home are scanned for viruses by the technician before they are used on a school computer."},
        {"Appendices", ""},
        {"Contacts", "Call the school office about anything in this policy."}};
    int n = 0;
    for (auto& topic : topics) {
        ++n;
        if (n == 4)
            t += "4. Social media\n\nPupils think before they post pictures on social media: a photograph travels far beyond the friends it was meant for.\n\n"
                 "Parents raise worries about a class group on social media with the class teacher rather than online.\n\n";
        t += std::to_string(n + (n >= 4 ? 1 : 0)) + ". " + topic[0] + "\n\n";
        if (*topic[1]) t += std::string(topic[1]) + "\n\n";
    }
    return t;
}

}  // namespace

TEST_CASE("import --section takes only the part of a document under a heading, and a refusal names the section to take", "[import][cli]") {
    TestRepo repo;
    repo.write("online.txt", online_safety_policy());
    auto before = test::snapshot(repo.root());
    const std::string file = (repo.root() / "online.txt").string();

    // The whole document is another policy: refused, and the refusal names the section that is this one.
    auto whole = repo.run({"import", file, "--school", "gamma"});
    INFO(whole.err);
    CHECK(whole.exit_code == 2);
    CHECK(whole.err.find("[import-no-match]") != std::string::npos);
    CHECK(whole.err.find("its section 'Social media' names the policy's subject: to import that part alone, pass --section 'Social media'") !=
          std::string::npos);

    // No such heading, or a heading with nothing under it: errors naming the document, nothing written.
    auto missing = repo.run({"import", file, "--school", "gamma", "--section", "Safeguarding"});
    INFO(missing.err);
    CHECK(missing.exit_code == 2);
    CHECK(missing.err.find("online.txt: error: --section: no heading of the document reads 'Safeguarding'; its headings are 'Filtering', "
                           "'Passwords', 'Email', 'Social media', 'Printing',") != std::string::npos);
    CHECK(missing.err.find("[import-section-not-found]") != std::string::npos);
    auto empty = repo.run({"import", file, "--school", "gamma", "--section", "appendices"});
    CHECK(empty.exit_code == 2);
    CHECK(empty.err.find("online.txt:39:1: error: --section: the heading 'Appendices' heads no text") != std::string::npos);
    CHECK(empty.err.find("[import-section-empty]") != std::string::npos);
    CHECK(test::snapshot(repo.root()) == before);

    // The section: its text alone is the school's policy; the approval on the title page still counts.
    auto r = repo.run({"import", file, "--school", "gamma", "--section", "social MEDIA", "--today", "2026-01-05"});
    INFO(r.out << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.find("note: only the section 'Social media' was imported (2 blocks after its heading") != std::string::npos);
    CHECK(r.out.find("not taken: the title of the whole document, not of the section imported   \"Online Safety Policy\"") != std::string::npos);
    CHECK(r.out.find("line 11 paragraph: \"The school filters its internet connection") != std::string::npos);
    CHECK(r.out.find("-> dropped: outside the section imported (--section)") != std::string::npos);
    std::string yaml = repo.read("schools/gamma.yaml");
    CHECK(yaml.find("approved: 2024-04-03") != std::string::npos);
    CHECK(yaml.find("Online Safety Policy") == std::string::npos);
    CHECK(yaml.find("filters its internet") == std::string::npos);
    CHECK(yaml.find("Call the school office") == std::string::npos);
    auto b = repo.run({"build", "--school", "gamma", "--format", "md"});
    REQUIRE(b.exit_code == 0);
    CHECK(in_order(repo.read("out/gamma/social.md"),
                   {"Pupils think before they post pictures on social media: a photograph travels far beyond the friends it was meant for.",
                    "Parents raise worries about a class group on social media with the class teacher rather than online."}));
}

TEST_CASE("import into an existing school file keeps its comments and layout", "[import][cli]") {
    TestRepo repo;
    repo.write("schools/alpha.yaml",
               "# Alpha's file: kept by the clerk.\n"
               "school:\n"
               "  name: Alpha Primary School   # as on the sign\n"
               "  phase: primary\n"
               "params:\n"
               "  headteacher: { name: Ann Example, role: Headteacher }\n"
               "policies:\n"
               "  social:\n"
               "    approved: 2024-03-01\n"
               "    approved_by: Full governing board\n"
               "    minute: 24/3/5   # the spring meeting\n");
    repo.write("alpha.txt",
               "Alpha Primary School\n\nSocial Media Policy\n\nMinute: 25/1/2\n\nPurpose\n\n"
               "This policy sets out how Alpha Primary School expects everyone in its community to use social media sites.\n");
    auto r = repo.run({"import", (repo.root() / "alpha.txt").string(), "--school", "alpha"});
    INFO(r.out << r.err);
    REQUIRE(r.exit_code == 0);
    std::string yaml = repo.read("schools/alpha.yaml");
    CHECK(yaml.find("# Alpha's file: kept by the clerk.\n") == 0);
    CHECK(yaml.find("  name: Alpha Primary School   # as on the sign\n") != std::string::npos);
    CHECK(yaml.find("    approved: 2024-03-01\n") != std::string::npos);
    CHECK(yaml.find("    minute: 25/1/2   # the spring meeting\n") != std::string::npos);
    CHECK(yaml.find("    overrides:\n      intro.purpose:") != std::string::npos);
    CHECK(r.out.find("Merged into schools/alpha.yaml") != std::string::npos);
}

TEST_CASE("import into an existing school file keeps the comments of the entries it keeps", "[import][cli]") {
    TestRepo repo;
    const std::string kept_parts[] = {
        "    exclude:   # the board's choice, 2024\n"
        "      # links are on the website instead\n"
        "      - intro.links\n",
        "    overrides:   # agreed wording\n",
        "      # The governors' wording of 2023; keep it.\n"
        "      parents.conduct: |   # minute 23/4\n"
        "        Parents keep to the age rule.\n"
        "\n"
        "        They ask the office first.\n",
        "      # A rule of our own.\n"
        "      - id: local.bikes\n"
        "        after: parents.conduct   # by the parents' rules\n"
        "        # the shed is new\n"
        "        title: Bikes\n"
        "        text: |\n"
        "          Bikes go in the shed.\n",
        "      # more local rules to come\n",
    };
    repo.write("schools/alpha.yaml",
               "school:\n"
               "  name: Alpha Primary School\n"
               "  phase: primary\n"
               "params:\n"
               "  headteacher: { name: Ann Example, role: Headteacher }\n"
               "policies:\n"
               "  social:\n"
               "    approved: 2024-03-01\n" +
                   kept_parts[0] + kept_parts[1] + kept_parts[2] + "    local:   # ours\n" + kept_parts[3] + kept_parts[4]);
    // The document has the purpose only: the override, the local clause and the exclusion stay.
    repo.write("alpha.txt",
               "Alpha Primary School\n\nSocial Media Policy\n\nPurpose\n\n"
               "This policy sets out how Alpha Primary School expects everyone in its community to use social media sites.\n");
    auto r = repo.run({"import", (repo.root() / "alpha.txt").string(), "--school", "alpha"});
    INFO(r.out << r.err);
    REQUIRE(r.exit_code == 0);
    std::string yaml = repo.read("schools/alpha.yaml");
    INFO(yaml);
    for (const auto& part : kept_parts) CHECK(yaml.find(part) != std::string::npos);
    CHECK(yaml.find("    local:   # ours\n") != std::string::npos);
    CHECK(yaml.find("      intro.purpose:") != std::string::npos);  // the document's own words, added
    CHECK(r.out.find("parents.conduct: the school's own wording kept") != std::string::npos);
    // Imported again, nothing changes.
    auto again = repo.run({"import", (repo.root() / "alpha.txt").string(), "--school", "alpha"});
    REQUIRE(again.exit_code == 0);
    CHECK(repo.read("schools/alpha.yaml") == yaml);
}

TEST_CASE("import refuses a Word document with tracked changes unless told what to do with them", "[import][cli]") {
    TestRepo repo;
    std::string body = test::para("Gamma Primary School") + test::para("Headteacher: Gail Example") +
                       "<w:p><w:r><w:t xml:space=\"preserve\">Staff must not connect with pupils on </w:t></w:r><w:ins w:author=\"A\"><w:r><w:t>their personal "
                       "</w:t></w:r></w:ins>"
                       "<w:r><w:t>social media accounts.</w:t></w:r></w:p>";
    repo.write("gamma.docx", test::make_docx(body));
    auto before = test::snapshot(repo.root());
    auto r = repo.run({"import", (repo.root() / "gamma.docx").string(), "--school", "gamma"});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("the document has 1 tracked change (paragraph 3) [import-tracked-changes]") != std::string::npos);
    CHECK(test::snapshot(repo.root()) == before);
    auto a = repo.run({"import", (repo.root() / "gamma.docx").string(), "--school", "gamma", "--changes", "accept", "--force"});
    INFO(a.err);
    CHECK(a.exit_code == 0);
    CHECK(repo.read("schools/gamma.yaml").find("connect with pupils on their personal social media accounts") != std::string::npos);
}

TEST_CASE("import reports in md, html and json, to a file with --report", "[import][cli]") {
    TestRepo repo;
    repo.write("gamma.txt", k_gamma);
    for (const char* f : {"md", "html", "json"}) {
        auto r = repo.run({"import", (repo.root() / "gamma.txt").string(), "--school", "gamma", "--dry-run", "--format", f});
        REQUIRE(r.exit_code == 0);
        if (std::string(f) == "json") {
            CHECK(r.out.find("\"clauses\": [") != std::string::npos);
            CHECK(r.out.find("\"evidence\": {\"body_blocks\": 3, \"good_blocks\": 2, \"good_clauses\": 2") != std::string::npos);
        }
        if (std::string(f) == "html") CHECK(r.out.find("<!DOCTYPE html>") == 0);
        if (std::string(f) == "md") CHECK(r.out.find("## Facts") != std::string::npos);
    }
    // What reads like a fact and is not one is listed as not taken, with the reason.
    std::string month = k_gamma;
    month.replace(month.find("Approved by the full governing board on 3 April 2024"), 52, "Date adopted: April 2024");
    repo.write("month.txt", month);
    auto m = repo.run({"import", (repo.root() / "month.txt").string(), "--school", "gamma", "--dry-run", "--format", "json"});
    REQUIRE(m.exit_code == 0);
    CHECK(m.out.find("\"not_taken\": [{\"field\": \"approved\", \"reason\": \"approval dated by its month or term only") != std::string::npos);
    CHECK(m.out.find("\"quote\": \"Date adopted: April 2024\"") != std::string::npos);
    auto bad = repo.run({"import", (repo.root() / "gamma.txt").string(), "--school", "gamma", "--format", "pdf"});
    CHECK(bad.exit_code == 2);
    auto r =
        repo.run({"import", (repo.root() / "gamma.txt").string(), "--school", "gamma", "--report", (repo.root() / "report.json").string(), "--format", "json"});
    REQUIRE(r.exit_code == 0);
    CHECK(repo.read("report.json").find("\"facts\": {") != std::string::npos);
}

TEST_CASE("import's JSON report names the clause a moved block reads like", "[import][cli]") {
    // The staff rule stands before the purpose, against the outline's order: one of the two is
    // kept as a local clause where it stands, and the JSON says which clause it reads like.
    TestRepo repo;
    std::string swapped = k_gamma;
    auto purpose = swapped.find("Purpose\n\n"), staff = swapped.find("Staff\n\n"), bikes = swapped.find("Bikes\n\n");
    swapped = swapped.substr(0, purpose) + swapped.substr(staff, bikes - staff) + swapped.substr(purpose, staff - purpose) + swapped.substr(bikes);
    repo.write("gamma.txt", swapped);
    auto r = repo.run({"import", (repo.root() / "gamma.txt").string(), "--school", "gamma", "--dry-run", "--format", "json"});
    REQUIRE(r.exit_code == 0);
    auto moved = r.out.find("\"moved\": true");
    REQUIRE(moved != std::string::npos);
    auto reads = r.out.find("\"reads_like\": \"", moved);
    REQUIRE(reads != std::string::npos);
    const std::size_t at = reads + std::string("\"reads_like\": \"").size();
    std::string clause = r.out.substr(at, r.out.find('"', at) - at);
    CHECK((clause == "intro.purpose" || clause == "staff.contact"));
    // The text report says the same of that block.
    auto plain = repo.run({"import", (repo.root() / "gamma.txt").string(), "--school", "gamma", "--dry-run", "--format", "text"});
    CHECK(plain.out.find("moved: reads like " + clause) != std::string::npos);
}

TEST_CASE("adopt takes the library's wording for named clauses, or all", "[import][cli]") {
    TestRepo repo;
    repo.write("gamma.txt", k_gamma);
    REQUIRE(repo.run({"import", (repo.root() / "gamma.txt").string(), "--school", "gamma"}).exit_code == 0);
    auto unknown = repo.run({"adopt", "gamma", "parents.conduct"});
    INFO(unknown.err);
    CHECK(unknown.exit_code == 2);
    CHECK(unknown.err.find("'parents.conduct' has no wording of Gamma Primary School's own in social (it already uses the library's) [adopt-no-override]") !=
          std::string::npos);
    auto one = repo.run({"adopt", "gamma", "intro.purpose"});
    INFO(one.err);
    REQUIRE(one.exit_code == 0);
    std::string yaml = repo.read("schools/gamma.yaml");
    CHECK(yaml.find("intro.purpose:") == std::string::npos);
    CHECK(yaml.find("staff.contact:") != std::string::npos);
    CHECK(one.out.find("diff gamma --since-approval") != std::string::npos);
    // diff against the approved copy now shows the adopted clause as changed.
    auto d = repo.run({"diff", "gamma", "--since-approval"});
    CHECK(d.exit_code == 1);
    auto all = repo.run({"adopt", "gamma", "--all"});
    REQUIRE(all.exit_code == 0);
    CHECK(repo.read("schools/gamma.yaml").find("overrides:") == std::string::npos);
    CHECK(repo.read("schools/gamma.yaml").find("local.imported-1") != std::string::npos);
}

TEST_CASE("import and adopt read only their own school: another school's file, even a broken one, is not read", "[import][cli]") {
    TestRepo repo;
    repo.write("gamma.txt", k_gamma);
    // A school file that stops every command that reads all the schools.
    repo.write("schools/broken.yaml", "name: [unclosed\n");
    CHECK(repo.run({"check"}).exit_code == 2);
    auto imported = repo.run({"import", (repo.root() / "gamma.txt").string(), "--school", "gamma"});
    INFO(imported.out << imported.err);
    REQUIRE(imported.exit_code == 0);
    CHECK(imported.err.find("broken.yaml") == std::string::npos);
    CHECK(repo.read("schools/gamma.yaml").find("intro.purpose:") != std::string::npos);
    auto adopted = repo.run({"adopt", "gamma", "intro.purpose"});
    INFO(adopted.err);
    CHECK(adopted.exit_code == 0);
    CHECK(adopted.err.find("broken.yaml") == std::string::npos);
    CHECK(repo.read("schools/gamma.yaml").find("intro.purpose:") == std::string::npos);
    // Its own school's problems are still found: gamma's file broken, adopt stops at it.
    const std::string good = repo.read("schools/gamma.yaml");
    repo.write("schools/gamma.yaml", good + "  - unbalanced: [\n");
    auto refused = repo.run({"adopt", "gamma", "--all"});
    CHECK(refused.exit_code == 2);
    CHECK(refused.err.find("schools/gamma.yaml:") != std::string::npos);
    CHECK(refused.err.find("broken.yaml") == std::string::npos);
    // A school with no file: adopt names the schools there are, as every command does.
    repo.remove("schools/broken.yaml");
    repo.write("schools/gamma.yaml", good);
    auto unknown = repo.run({"adopt", "gama", "intro.purpose"});
    INFO(unknown.err);
    CHECK(unknown.exit_code == 2);
    CHECK(unknown.err.find("did you mean 'gamma'") != std::string::npos);
}

TEST_CASE("import refuses an unknown policy, binary text, a flow-style entry and .odt without LibreOffice", "[import][cli]") {
    TestRepo repo;
    repo.write("gamma.txt", k_gamma);
    auto p = repo.run({"import", (repo.root() / "gamma.txt").string(), "--school", "gamma", "--policy", "socail"});
    CHECK(p.exit_code == 2);
    CHECK(p.err.find("no outline 'socail' [import-unknown-policy]") != std::string::npos);

    repo.write("binary.txt", std::string("abc\0def", 7));
    auto b = repo.run({"import", (repo.root() / "binary.txt").string(), "--school", "gamma"});
    CHECK(b.exit_code == 2);
    CHECK(b.err.find("[import-not-text]") != std::string::npos);

    repo.write("schools/alpha.yaml",
               "school:\n  name: Alpha Primary School\nparams:\n  headteacher: { name: Ann Example }\npolicies:\n  social: { approved: 2024-03-01 }\n");
    repo.write("alpha.txt",
               "Alpha Primary School\n\nThis policy sets out how Alpha Primary School expects everyone in its community to use social media sites.\n");
    auto f = repo.run({"import", (repo.root() / "alpha.txt").string(), "--school", "alpha"});
    CHECK(f.exit_code == 2);
    CHECK(f.err.find("written in flow style") != std::string::npos);
    CHECK(f.err.find("[import-school-file]") != std::string::npos);

    repo.write("policy.odt", "not really an odt");
    std::string path = std::getenv("PATH") ? std::getenv("PATH") : "";
    ::setenv("PATH", "/nonexistent", 1);
    auto o = repo.run({"import", (repo.root() / "policy.odt").string(), "--school", "gamma"});
    ::setenv("PATH", path.c_str(), 1);
    CHECK(o.exit_code == 2);
    CHECK(o.err.find("importing .odt files needs LibreOffice, which is not installed [import-needs-libreoffice]") != std::string::npos);
    CHECK(o.err.find("apt-get install libreoffice-writer-nogui") != std::string::npos);
}

TEST_CASE("import: the model's own words are same, the model's words with another number are params", "[import][cli]") {
    TestRepo repo;
    repo.write("delta.txt",
               "Delta Primary School\n\nHeadteacher: Dan Example\n\n"
               "Purpose\n\nThis policy sets out how Delta Primary School expects everyone in its community to use social media sites.\n\n"
               "Related policies\n\nRead this policy with:\n\n- the Behaviour policy\n- the Complaints policy\n\n"
               "Parents\n\nPupils must be at least 15 to hold an account.\n");
    auto r = repo.run({"import", (repo.root() / "delta.txt").string(), "--school", "delta"});
    INFO(r.out << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.find("same  intro.links") != std::string::npos);
    CHECK(r.out.find("params  parents.conduct") != std::string::npos);
    CHECK(r.out.find("(min_age: 15)") != std::string::npos);
    std::string yaml = repo.read("schools/delta.yaml");
    CHECK(yaml.find("min_age: 15  # \"Pupils must be at least 15 to hold an account.\"") != std::string::npos);
    CHECK(yaml.find("intro.links:") == std::string::npos);
    CHECK(yaml.find("parents.conduct:") == std::string::npos);
    auto b = repo.run({"build", "--school", "delta", "--format", "md"});
    REQUIRE(b.exit_code == 0);
    CHECK(repo.read("out/delta/social.md").find("Pupils must be at least 15 to hold an account.") != std::string::npos);
}

TEST_CASE("import cuts a paragraph whose sentences read like two clauses, and keeps every word in order", "[import][cli]") {
    TestRepo repo;
    repo.write("epsilon.txt",
               "Epsilon Primary School\n\nHeadteacher: Eve Example\n\n"
               "Purpose\n\nThis policy explains how Epsilon Primary School expects everyone to use social media sites. "
               "Staff must never connect with pupils on their personal social media accounts.\n\n"
               "Parents\n\nPupils must be at least 13 to hold an account.\n");
    auto r = repo.run({"import", (repo.root() / "epsilon.txt").string(), "--school", "epsilon"});
    INFO(r.out << r.err);
    REQUIRE(r.exit_code == 0);
    // The report shows the two parts of the paragraph at line 7, each with its clause.
    CHECK(r.out.find("line 7 (part 1)") != std::string::npos);
    CHECK(r.out.find("line 7 (part 2)") != std::string::npos);
    CHECK(r.out.find("reworded  intro.purpose") != std::string::npos);
    CHECK(r.out.find("reworded  staff.contact") != std::string::npos);
    std::string yaml = repo.read("schools/epsilon.yaml");
    auto purpose = yaml.find("intro.purpose:"), contact = yaml.find("staff.contact:");
    REQUIRE(purpose != std::string::npos);
    REQUIRE(contact != std::string::npos);
    CHECK(yaml.find("expects everyone to use social media sites.\n", purpose) < contact);
    CHECK(yaml.find("Staff must never connect", contact) != std::string::npos);
    auto b = repo.run({"build", "--school", "epsilon", "--format", "md"});
    REQUIRE(b.exit_code == 0);
    CHECK(in_order(repo.read("out/epsilon/social.md"),
                   {"This policy explains how Epsilon Primary School expects everyone to use social media sites.",
                    "Staff must never connect with pupils on their personal social media accounts.", "Pupils must be at least 13 to hold an account."}));
}

TEST_CASE("import: the parts of a cut paragraph that end in one clause are one paragraph again", "[import]") {
    std::vector<import::Block> blocks(4);
    blocks[0] = {import::BlockKind::list_item, 0, "3.", "Visitors sign in.", {}, 0, 5, 1, "", {}};
    blocks[1] = {import::BlockKind::list_item, 0, "", "They wear a badge.", {}, 0, 5, 2, "", {}};
    blocks[2] = {import::BlockKind::paragraph, 0, "", "Pupils hand in phones.", {}, 0, 6, 1, "", {}};
    blocks[3] = {import::BlockKind::paragraph, 0, "", "Parents collect them.", {}, 0, 6, 2, "", {}};
    CHECK(import::blocks_markdown(blocks, {0, 1}) == "3. Visitors sign in. They wear a badge.\n");
    CHECK(import::blocks_markdown(blocks, {2, 3}) == "Pupils hand in phones. Parents collect them.\n");
    // Apart (another clause's words between them), each part is a paragraph or item of its own.
    CHECK(import::blocks_markdown(blocks, {1}) == "- They wear a badge.\n");
    CHECK(import::blocks_markdown(blocks, {0, 2, 3}) == "3. Visitors sign in.\n\nPupils hand in phones. Parents collect them.\n");
}

TEST_CASE("a policy clausebook built as DOCX, imported back, reads as the library's wording", "[import][cli]") {
    test::TempDir dir;
    for (const char* p : {"clausebook.yaml", "templates", "clauses", "schools"})
        std::filesystem::copy(test::source_dir() / p, dir.path() / p, std::filesystem::copy_options::recursive);
    auto b = test::run_cli({"build", "--school", "wimborne-first", "--format", "docx", "--root", dir.path().string()});
    REQUIRE(b.exit_code == 0);
    std::filesystem::remove(dir.path() / "schools" / "wimborne-first.yaml");
    auto r = test::run_cli({"import", (dir.path() / "out/wimborne-first/social-networking.docx").string(), "--school", "wimborne-first", "--dry-run",
                            "--format", "json", "--root", dir.path().string()});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    auto count = [&](const std::string& what) {
        int n = 0;
        for (std::size_t at = r.out.find(what); at != std::string::npos; at = r.out.find(what, at + 1)) ++n;
        return n;
    };
    int same = count("\"outcome\": \"same\""), reworded = count("\"outcome\": \"reworded\"");
    UNSCOPED_INFO("same " << same << ", reworded " << reworded);
    CHECK(same >= 4 * reworded);  // the document's clauses are the library's, up to what its own cover and locals add
    CHECK(r.out.find("\"approved\": {\"value\": \"2017-01-11\"") != std::string::npos);
    CHECK(r.out.find("\"minute\": {\"value\": \"17/1/16/4\"") != std::string::npos);
}

TEST_CASE("import's reports say which blocks a rule placed by how they open or where they stand, not by their words", "[import][cli]") {
    // A paragraph opening the policy in words of its own goes to the clause of why the policy
    // exists by its place; the report says so, in text and JSON, and not of a block its words placed.
    TestRepo repo;
    std::string doc = k_gamma;
    doc.insert(doc.find("Purpose\n\n"), "Our village school has grown steadily since it opened in 1874 beside the river.\n\n");
    repo.write("gamma.txt", doc);
    auto j = repo.run({"import", (repo.root() / "gamma.txt").string(), "--school", "gamma", "--dry-run", "--format", "json"});
    INFO(j.err);
    REQUIRE(j.exit_code == 0);
    auto village = j.out.find("\"text\": \"Our village school");
    REQUIRE(village != std::string::npos);
    auto end = j.out.find("{\"position\"", village);  // the next block
    REQUIRE(end != std::string::npos);
    const std::string block = j.out.substr(village, end - village);
    CHECK(block.find("\"clause\": \"intro.purpose\"") != std::string::npos);
    CHECK(block.find("\"rule\": \"opening\"") != std::string::npos);
    // Only that block: the others were placed by their words.
    CHECK(j.out.find("\"rule\": ", end) == std::string::npos);
    CHECK(j.out.rfind("\"rule\": ", village) == std::string::npos);
    auto t = repo.run({"import", (repo.root() / "gamma.txt").string(), "--school", "gamma", "--dry-run"});
    REQUIRE(t.exit_code == 0);
    auto line = t.out.find("\"Our village school");
    REQUIRE(line != std::string::npos);
    CHECK(t.out.substr(line, t.out.find('\n', line) - line).find("intro.purpose 0.25 [by its place: the policy's opening paragraphs, not its words]") !=
          std::string::npos);
}
