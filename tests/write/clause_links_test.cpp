// resolve_clause_links: the one place a `clause:` cross-reference gets its words, for every writer.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "util/markdown.hpp"
#include "write/clause_links.hpp"
#include "write/html_page.hpp"
#include "write/writer.hpp"

using namespace clausebook;

namespace {

model::Document two_sections() {
    model::Document doc;
    doc.sections.push_back({"intro", "Introduction", {}});
    doc.sections[0].clauses.push_back({"intro.a", "Scope", model::ClauseSource::library, "", "", "text", {}});
    doc.sections.push_back({"use", "Use", {}});
    doc.sections[1].clauses.push_back({"use.a", "Staff", model::ClauseSource::library, "", "", "text", {}});
    doc.sections[1].clauses.push_back({"use.b", "Personal use", model::ClauseSource::library, "", "", "text", {}});
    return doc;
}

struct Link {
    std::string url;
    std::string text;
};

// The links left in `markdown` once resolved, each with the text inside it; and all the text.
std::vector<Link> resolved(const model::Document& doc, const std::string& markdown, std::string& all_text) {
    util::MarkdownTree tree = util::parse_markdown(markdown);
    write::resolve_clause_links(tree.get(), doc);
    std::vector<Link> links;
    cmark_iter* it = cmark_iter_new(tree.get());
    cmark_event_type ev;
    int depth = 0;
    while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
        cmark_node* n = cmark_iter_get_node(it);
        if (cmark_node_get_type(n) == CMARK_NODE_LINK) {
            if (ev == CMARK_EVENT_ENTER)
                links.push_back({cmark_node_get_url(n), ""}), ++depth;
            else
                --depth;
        } else if (ev == CMARK_EVENT_ENTER && cmark_node_get_type(n) == CMARK_NODE_TEXT) {
            all_text += cmark_node_get_literal(n);
            if (depth) links.back().text += cmark_node_get_literal(n);
        }
    }
    cmark_iter_free(it);
    return links;
}

}  // namespace

TEST_CASE("clause links: a link with words gains the section, an empty one the reference text, one to a clause left out is unwrapped", "[write][links]") {
    model::Document doc = two_sections();
    std::string text;
    auto links = resolved(doc, "See [the rules](clause:use.b), [](clause:intro.a) and [old rules](clause:gone.x); also [site](https://example.org).", text);
    REQUIRE(links.size() == 3);
    CHECK(links[0].url == "clause:use.b");
    CHECK(links[0].text == "the rules (section 2.2)");
    CHECK(links[1].url == "clause:intro.a");
    CHECK(links[1].text == write::reference_text(doc, "intro.a"));
    CHECK(links[1].text.find("1.1") != std::string::npos);
    CHECK(links[2].url == "https://example.org");  // other links are left to the writers
    CHECK(text.find("old rules") != std::string::npos);  // the words of the link to a missing clause stay
}

TEST_CASE("clause links: clause_link_target and clause_position", "[write][links]") {
    model::Document doc = two_sections();
    CHECK(write::clause_link_target("clause:use.a") == std::optional<std::string_view>("use.a"));
    CHECK_FALSE(write::clause_link_target("#use.a"));
    CHECK_FALSE(write::clause_link_target("https://clause:x"));
    auto at = write::clause_position(doc, "use.b");
    REQUIRE(at);
    CHECK((at->section == 1 && at->clause == 1));
    CHECK_FALSE(write::clause_position(doc, "gone.x"));
}

TEST_CASE("clause links: every writer says the same words for a cross-reference", "[write][links]") {
    model::Document doc = two_sections();
    doc.meta.title = "Social networking";
    doc.meta.school_name = "Alpha";
    doc.sections[1].clauses[0].markdown = "Follow [the rules](clause:use.b) and [](clause:intro.a); not [old](clause:gone.x).";
    write::WriteOptions options;
    options.page_template = std::string(write::default_page_template());
    options.page_css = std::string(write::default_page_css());
    std::string md = write::write_markdown(doc, options);
    CHECK(md.find("Follow the rules (section 2.2) and " + write::reference_text(doc, "intro.a") + "; not old.") != std::string::npos);
    std::string html = write::write_html(doc, options);
    CHECK(html.find("<a href=\"#use.b\">the rules (section 2.2)</a>") != std::string::npos);
    CHECK(html.find("not old.") != std::string::npos);
}
