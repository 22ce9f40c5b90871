// The render cache: what it stores and when, and that writers give the same bytes with it as
// without it.
#include <catch2/catch.hpp>

#include "assemble/assembler.hpp"
#include "load/load.hpp"
#include "support/fixture.hpp"
#include "write/docx_support.hpp"
#include "write/html_page.hpp"
#include "write/render_cache.hpp"
#include "write/writer.hpp"

using namespace clausebook;
using namespace clausebook::test;

namespace {

std::size_t size_of(const std::string& s) { return s.size(); }

}  // namespace

TEST_CASE("render cache: a value is stored from its second request and then reused", "[speed]") {
    write::RenderCache cache;
    int made = 0;
    auto get = [&](std::string_view context, std::string_view text) {
        return *cache.get<std::string>(
            write::RenderKey{"md", context, text},
            [&] {
                ++made;
                return "<" + std::string(text) + ">";
            },
            &size_of);
    };
    CHECK(get("", "a") == "<a>");
    CHECK(get("", "a") == "<a>");
    CHECK(made == 2);  // the first request leaves only its hash
    CHECK(get("", "a") == "<a>");
    CHECK(get("", "a") == "<a>");
    CHECK(made == 2);
    CHECK(cache.stats().hits == 2);
    CHECK(cache.stats().stored_bytes > 0);

    // The context and the kind are part of the key.
    CHECK(get("layout 1", "a") == "<a>");
    CHECK(made == 3);
    CHECK(*cache.get<std::string>(
              write::RenderKey{"html", "", "a"},
              [&] {
                  ++made;
                  return std::string("html");
              },
              &size_of) == "html");
    CHECK(made == 4);
}

TEST_CASE("render cache: nothing is stored beyond the byte budget", "[speed]") {
    write::RenderCache cache(0);
    int made = 0;
    for (int i = 0; i < 4; ++i)
        cache.get<std::string>(
            write::RenderKey{"md", "", "x"},
            [&] {
                ++made;
                return std::string("y");
            },
            &size_of);
    CHECK(made == 4);
    CHECK(cache.stats().stored_bytes == 0);
}

TEST_CASE("render cache: only bodies that may link to other clauses depend on the document's numbering", "[speed]") {
    model::Document doc;
    doc.sections.push_back({"intro", "Introduction", {}});
    doc.sections[0].clauses.push_back({"intro.a", "First", model::ClauseSource::library, "", "", "text", {}});
    std::string layout;
    CHECK(write::link_context(doc, "Plain text.", layout).empty());
    CHECK(layout.empty());
    std::string_view context = write::link_context(doc, "See [](clause:intro.a).", layout);
    CHECK(context.find("intro.a") != std::string_view::npos);
    CHECK(context.find("=1.1") != std::string_view::npos);
    CHECK(!write::link_context(doc, "See [above](#intro.a).", layout).empty());
}

TEST_CASE("render cache: every writer gives the same bytes with the cache as without", "[speed]") {
    // The example's schools, then a repository whose clause links to others and has lists,
    // tables and links in every form: each document written twice through one shared cache
    // (so that the second time reads from it) and compared with a fresh uncached write.
    std::vector<std::filesystem::path> roots = {source_dir()};
    RichRepo rich;
    roots.push_back(rich.root());
    for (const auto& root : roots) {
        util::Diagnostics diags;
        model::Repository repo = load::load_repository(root, diags);
        REQUIRE_FALSE(diags.has_errors());
        std::vector<model::Document> docs;
        for (const auto& school : repo.schools)
            for (const auto& outline : repo.outlines) docs.push_back(assemble::assemble_document(repo, school, outline, diags));
        write::WriteOptions plain;
        plain.page_template = std::string(write::default_page_template());
        plain.page_css = std::string(write::default_page_css());
        write::WriteOptions cached = plain;
        cached.cache = std::make_shared<write::RenderCache>();
        for (int round = 0; round < 3; ++round)
            for (const auto& doc : docs)
                for (const auto& f : write::formats()) {
                    INFO(root.string() << " " << doc.meta.school_id << " " << f.name << " round " << round);
                    CHECK(f.write(doc, cached) == f.write(doc, plain));
                }
        CHECK(cached.cache->stats().hits > 0);
    }
}
