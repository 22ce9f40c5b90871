// The manifest's text (read back exactly, refused whole when damaged), fingerprints (what
// changes them), and validate trusting a clean entry but not a warned one.
#include <catch2/catch.hpp>

#include "make/build.hpp"
#include "make/fingerprint.hpp"
#include "make/manifest.hpp"
#include "load/load.hpp"
#include "support/fixture.hpp"
#include "write/html_page.hpp"

using namespace clausebook;
using clausebook::test::TestRepo;

namespace {

const std::string k_fp = "0123456789abcdef0123456789abcdef";

model::Repository load_ok(const TestRepo& repo) {
    util::Diagnostics diags;
    auto r = load::load_repository(repo.root(), diags);
    REQUIRE_FALSE(diags.has_errors());
    return r;
}

}  // namespace

TEST_CASE("manifest: its text reads back to the same manifest", "[build][manifest]") {
    make::Manifest m;
    m.set("beta/social.md", {k_fp, {1234, 1700000000123456789}, false, false});
    m.set("alpha/social.docx", {k_fp, {0, -5}, true, true});
    std::string text = m.text();
    CHECK(text ==
          "clausebook manifest 2\n"
          "alpha/social.docx\t" +
              k_fp +
              "\t0\t-5\tclean\tapproved\n"
              "beta/social.md\t" +
              k_fp + "\t1234\t1700000000123456789\twarned\tdraft\n");
    auto back = make::Manifest::parse(text);
    REQUIRE(back);
    CHECK(back->text() == text);
    REQUIRE(back->find("beta/social.md"));
    CHECK(back->find("beta/social.md")->stamp == make::FileStamp{1234, 1700000000123456789});
    CHECK_FALSE(back->find("beta/social.md")->clean);
    CHECK(back->find("alpha/social.docx")->clean);
    CHECK_FALSE(back->find("beta/social.md")->approved);
    CHECK(back->find("alpha/social.docx")->approved);
    CHECK_FALSE(back->find("gamma/social.md"));
    CHECK(make::Manifest::parse("clausebook manifest 2\n")->size() == 0);
}

TEST_CASE("manifest: any damage makes the whole file unusable", "[build][manifest]") {
    const std::string line = "alpha/social.md\t" + k_fp + "\t10\t20\tclean\tdraft\n";
    const std::string head = "clausebook manifest 2\n";
    REQUIRE(make::Manifest::parse(head + line));
    for (const std::string& bad :
         {std::string(), std::string("clausebook manifest 1\n") + line, head + line.substr(0, line.size() - 1),
          head + "alpha/social.md\t" + k_fp + "\t10\t20\tclean\n", head + "alpha/social.md\t" + k_fp.substr(1) + "\t10\t20\tclean\tdraft\n",
          head + "alpha/social.md\t" + k_fp + "\t-10\t20\tclean\tdraft\n", head + "alpha/social.md\t" + k_fp + "\t10\t2x\tclean\tdraft\n",
          head + "alpha/social.md\t" + k_fp + "\t10\t20\tclean\tdraft\textra\n", head + "\t" + k_fp + "\t10\t20\tclean\tdraft\n", head + line + "\n",
          head + "alpha/social.md\t" + k_fp + "\t10\t20\tdirty\tdraft\n", head + "alpha/social.md\t" + k_fp + "\t10\t20\tclean\tmaybe\n"}) {
        INFO(bad);
        CHECK_FALSE(make::Manifest::parse(bad));
    }
    // Reading never fails: a missing or damaged file is an empty manifest.
    clausebook::test::TempDir dir;
    CHECK(make::Manifest::read(dir.path()).size() == 0);
    clausebook::test::write_file(make::Manifest::location(dir.path()), "clausebook manifest 1\nnonsense\n");
    CHECK(make::Manifest::read(dir.path()).size() == 0);
    clausebook::test::write_file(make::Manifest::location(dir.path()), head + line);
    CHECK(make::Manifest::read(dir.path()).size() == 1);
}

TEST_CASE("fingerprint: differs by school, policy, format and shared input, not by another school", "[build][manifest]") {
    TestRepo repo;
    auto a = load_ok(repo);
    write::WriteOptions options;
    const make::Fingerprints fa(a, options);
    const auto& alpha = *a.school("alpha");
    const auto& beta = *a.school("beta");
    const auto& social = *a.outline("social");
    std::string md = fa.of(alpha, social, "md");
    CHECK(md.size() == 32);
    CHECK(md == make::Fingerprints(a, options).of(alpha, social, "md"));
    CHECK(md != fa.of(alpha, social, "html"));
    CHECK(md != fa.of(beta, social, "md"));

    write::WriteOptions styled = options;
    styled.page_css = "body { color: teal; }";
    CHECK(make::Fingerprints(a, styled).of(alpha, social, "md") != md);

    repo.write("schools/beta.yaml", repo.read("schools/beta.yaml") + "# a comment\n");
    auto b = load_ok(repo);
    CHECK(make::Fingerprints(b, options).of(*b.school("alpha"), *b.outline("social"), "md") == md);
    CHECK(make::Fingerprints(b, options).of(*b.school("beta"), *b.outline("social"), "md") != fa.of(beta, social, "md"));

    repo.write("clauses/intro/links.md", repo.read("clauses/intro/links.md") + "\n");
    auto c = load_ok(repo);
    CHECK(make::Fingerprints(c, options).of(*c.school("alpha"), *c.outline("social"), "md") != md);
}

TEST_CASE("validate skips a document recorded clean with the same fingerprint, and only that", "[build][manifest]") {
    TestRepo repo;
    repo.write("schools/beta.yaml",
               repo.read("schools/beta.yaml") + "    local:\n      - { id: local.note, section: staff, title: Note, text: Our own note. }\n");
    auto loaded = load_ok(repo);
    make::Request r;
    r.repo = &loaded;
    r.schools = {loaded.school("beta")};
    r.outlines = {loaded.outline("social")};
    r.formats = {write::find_format("md")};
    r.options.page_template = std::string(write::default_page_template());
    const std::string fp = make::Fingerprints(loaded, r.options).of(*r.schools[0], *r.outlines[0], "html");
    CHECK(make::validate(r).items().size() == 1);  // the misplaced local clause
    // Any format's entry will do: what validate finds does not depend on the format.
    r.previous.set("beta/social.html", {fp, {}, true});
    CHECK(make::validate(r).items().empty());  // trusted: not assembled
    r.force = true;
    CHECK(make::validate(r).items().size() == 1);
    r.force = false;
    r.previous.set("beta/social.html", {fp, {}, false});
    CHECK(make::validate(r).items().size() == 1);
    r.previous.set("beta/social.html", {k_fp, {}, true});
    CHECK(make::validate(r).items().size() == 1);
}
