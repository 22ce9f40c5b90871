#include <catch2/catch.hpp>

#include "lang/mustache.hpp"
#include "load/loaders.hpp"
#include "util/escape.hpp"

namespace lang = clausebook::lang;
using clausebook::model::ParamSpec;
using clausebook::model::ParamType;
using clausebook::model::Value;
using clausebook::util::Diagnostics;

TEST_CASE("values are escaped so they cannot inject Markdown", "[mustache]") {
    CHECK(clausebook::util::escape_markdown("St Peter's CE Primary") == "St Peter's CE Primary");
    CHECK(clausebook::util::escape_markdown("*bold* [link](x) <b>") == "\\*bold\\* \\[link\\](x) \\<b\\>");
    CHECK(clausebook::util::escape_markdown("# heading") == "\\# heading");
    CHECK(clausebook::util::escape_markdown("- item") == "\\- item");
    CHECK(clausebook::util::escape_markdown("1. first") == "1\\. first");
    CHECK(clausebook::util::escape_markdown("Wimborne-first 2024.") == "Wimborne-first 2024.");
    CHECK(clausebook::util::escape_markdown("a\nb") == "a b");
    CHECK(clausebook::util::escape_markdown("A & B") == "A \\& B");
}

TEST_CASE("values are escaped for HTML", "[mustache]") {
    CHECK(clausebook::util::escape_html("<script>\"x\" & 'y'") == "&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;");
}

TEST_CASE("tag positions are file positions, in a file and in a YAML block", "[mustache]") {
    Diagnostics d;
    auto t = lang::parse_mustache("one\ntwo {{#a}}", {"f.md", 10, 1, 0}, d);
    REQUIRE(d.items().size() == 1);
    CHECK(d.items()[0].pos.line == 11);
    CHECK(d.items()[0].pos.col == 5);
    Diagnostics d2;
    // A block scalar indented by 8 whose text starts on line 4.
    lang::parse_mustache("first\nsecond {{/b}}", {"s.yaml", 4, 9, 8}, d2);
    REQUIRE(d2.items().size() == 1);
    CHECK(d2.items()[0].pos.line == 5);
    CHECK(d2.items()[0].pos.col == 16);
}

TEST_CASE("partials are refused with a reason", "[mustache]") {
    Diagnostics d;
    lang::parse_mustache("{{>footer}}", {"f.md", 1, 1, 0}, d);
    REQUIRE(d.items().size() == 1);
    CHECK(d.items()[0].rule == "mustache-syntax");
    CHECK(d.items()[0].message.find("partials") != std::string::npos);
}

TEST_CASE("names are checked against the schema inside lists and persons", "[mustache]") {
    ParamSpec people;
    people.name = "contacts";
    people.type.kind = ParamType::Kind::list;
    people.type.item = std::make_shared<ParamType>(clausebook::model::person_type());
    ParamType scope = clausebook::load::make_scope({people});
    Diagnostics ok;
    auto t = lang::parse_mustache("{{#contacts}}{{name}} ({{role}}) at {{school.name}}{{/contacts}}", {"f.md", 1, 1, 0}, ok);
    lang::check_names(t, scope, ok);
    CHECK(ok.items().empty());
    Diagnostics bad;
    auto t2 = lang::parse_mustache("{{#contacts}}{{nam}}{{/contacts}}{{^contacts}}{{nobody}}{{/contacts}}", {"f.md", 1, 1, 0}, bad);
    lang::check_names(t2, scope, bad);
    REQUIRE(bad.items().size() == 2);
    CHECK(bad.items()[0].hint == "did you mean 'name'?");
    CHECK(bad.items()[1].message.find("nobody") != std::string::npos);
}

TEST_CASE("a missing optional value is reported while rendering", "[mustache]") {
    Diagnostics d;
    auto t = lang::parse_mustache("Deputy: {{deputy.name}}.", {"f.md", 1, 1, 0}, d);
    int missing = 0;
    lang::RenderOptions opt;
    opt.on_missing = [&](const clausebook::model::MustacheNode&) { ++missing; };
    Value ctx = Value::map();
    CHECK(lang::render(t, ctx, opt) == "Deputy: .");
    CHECK(missing == 1);
}

TEST_CASE("render_size reports what render reports and counts the text it would make, up to the limit", "[mustache]") {
    Diagnostics d;
    auto t = lang::parse_mustache("{{#items}}* {{.}} by {{who}}\n{{/items}}{{^none}}[{{missing}}]{{/none}} end", {"f.md", 1, 1, 0}, d);
    REQUIRE(!d.has_errors());
    Value ctx = Value::map();
    ctx.set("items", Value::list({Value("a*b"), Value("c"), Value("d_e")}));
    for (std::size_t limit : {std::size_t{1000}, std::size_t{20}, std::size_t{0}}) {
        std::vector<std::string> seen_render, seen_size;
        std::vector<std::string>* seen = &seen_render;
        lang::RenderOptions opt;
        opt.escape = clausebook::util::escape_markdown;
        opt.max_bytes = limit;
        opt.on_missing = [&](const clausebook::model::MustacheNode& n) { seen->push_back("missing " + n.text); };
        opt.on_limit = [&](const clausebook::model::MustacheNode& n) { seen->push_back("limit " + n.text); };
        std::string text = lang::render(t, ctx, opt);
        seen = &seen_size;
        CHECK(lang::render_size(t, ctx, opt) == text.size());
        CHECK(seen_size == seen_render);
        CHECK(!seen_render.empty());
    }
}
