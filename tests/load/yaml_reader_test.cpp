// The YAML reading layer on its own: the tree libyaml's events become (kinds, plain or quoted,
// positions), what it refuses, and how values are typed from it.
#include <catch2/catch.hpp>

#include "load/yaml_reader.hpp"

using clausebook::load::parse_yaml;
using clausebook::load::YamlMap;
using clausebook::load::YamlNode;
using clausebook::model::ParamType;
using clausebook::model::Value;
using clausebook::util::Diagnostics;

namespace {

// The one diagnostic a parse gave, as "line:col rule".
std::string only_problem(const Diagnostics& d) {
    REQUIRE(d.items().size() == 1);
    const auto& p = d.items().front();
    return std::to_string(p.pos.line) + ":" + std::to_string(p.pos.col) + " " + p.rule;
}

std::string at(const YamlNode& n) { return std::to_string(n.mark().line + 1) + ":" + std::to_string(n.mark().col + 1); }

std::optional<Value> convert(const std::string& yaml, ParamType::Kind kind, Diagnostics& d) {
    auto root = parse_yaml("f.yaml", "v: " + yaml + "\n", d);
    REQUIRE(root);
    ParamType t;
    t.kind = kind;
    return clausebook::load::convert_param((*root->pairs().begin()).value, t, "f.yaml", "v", d);
}

}  // namespace

TEST_CASE("the tree keeps kinds, order, duplicates and positions", "[yaml]") {
    Diagnostics d;
    auto root = parse_yaml("f.yaml", "a: 1\nb: [x, 'y']\nc:\n  - k: v\na: again\nd:\ne: ~\n", d);
    REQUIRE(root);
    CHECK(d.items().empty());
    REQUIRE(root->is_map());
    std::vector<std::string> keys;
    for (const auto& [key, value] : root->pairs()) keys.push_back(key.scalar());
    CHECK(keys == std::vector<std::string>{"a", "b", "c", "a", "d", "e"});
    auto it = root->pairs().begin();
    CHECK(at((*it).value) == "1:4");
    ++it;
    REQUIRE((*it).value.is_sequence());
    REQUIRE((*it).value.items().size() == 2);
    CHECK(at((*it).value.items()[1]) == "2:8");
    ++it;
    CHECK(at((*it).value) == "4:3");
    CHECK((*it).value.items()[0].is_map());
    ++it;
    ++it;
    // An empty value is nothing, placed right after its key's ':'.
    CHECK((*it).value.is_null());
    CHECK(at((*it).value) == "6:3");
    ++it;
    CHECK((*it).value.is_null());

    YamlMap m(*root, "f.yaml", d, "the test map", {"a", "b", "c", "d", "e"});
    REQUIRE(d.items().size() == 1);
    CHECK(only_problem(d) == "5:1 duplicate-key");
    auto a = m.get("a");
    REQUIRE(a);
    CHECK(a->scalar() == "1");  // the first of the two
}

TEST_CASE("tags that would change a value are refused (issue 15, L14)", "[yaml]") {
    for (const char* tagged : {"!!bool true", "!!int 14", "!!binary SGVsbG8=", "!!float 1", "!foo x", "!!set {a: b}"}) {
        Diagnostics d;
        auto r = parse_yaml("f.yaml", std::string("v: ") + tagged + "\n", d);
        INFO(tagged);
        CHECK(only_problem(d) == "1:4 yaml-syntax");
    }
    for (const char* harmless : {"!!str 14", "! x", "!!map {a: b}", "!!seq [a]"}) {
        Diagnostics d;
        INFO(harmless);
        CHECK(parse_yaml("f.yaml", std::string("v: ") + harmless + "\n", d));
        CHECK(d.items().empty());
    }
}

TEST_CASE("only plain untagged scalars are read as booleans and numbers", "[yaml]") {
    auto root_of = [](const std::string& text) {
        Diagnostics d;
        auto r = parse_yaml("f.yaml", "v: " + text + "\n", d);
        REQUIRE(r);
        return (*r->pairs().begin()).value;
    };
    CHECK(root_of("true").plain());
    CHECK_FALSE(root_of("\"true\"").plain());
    CHECK_FALSE(root_of("'true'").plain());
    CHECK_FALSE(root_of("!!str true").plain());
    CHECK_FALSE(root_of("! true").plain());
    CHECK_FALSE(root_of("|\n  true").plain());
    CHECK(root_of("|\n  true").scalar() == "true\n");
    for (const char* nothing : {"~", "null", "Null", "NULL", ""}) CHECK(root_of(nothing).is_null());
    CHECK(root_of("nULL").is_scalar());
    CHECK(root_of("\"null\"").is_scalar());
    CHECK(root_of("!!str").is_scalar());  // a tag on nothing is an empty text

    Diagnostics d;
    CHECK(convert("true", ParamType::Kind::boolean, d) == Value(true));
    CHECK(convert("13", ParamType::Kind::integer, d) == Value(13));
    CHECK(d.items().empty());
    CHECK_FALSE(convert("\"13\"", ParamType::Kind::integer, d));
    CHECK_FALSE(convert("'false'", ParamType::Kind::boolean, d));
    CHECK_FALSE(convert("yes", ParamType::Kind::boolean, d));
    CHECK(d.items().size() == 3);
}

TEST_CASE("columns count characters, and a byte-order mark or CRLF changes nothing", "[yaml]") {
    // "näme: “A”" and "k: "q"" after a byte-order mark, with CRLF line endings.
    const std::string text =
        "\xEF\xBB\xBF"
        "n\xC3\xA4me: \xE2\x80\x9C"
        "A\xE2\x80\x9D\r\nk: \"q\"\r\n";
    Diagnostics d;
    auto root = parse_yaml("f.yaml", text, d);
    REQUIRE(root);
    auto it = root->pairs().begin();
    CHECK(at((*it).key) == "1:1");
    CHECK(at((*it).value) == "1:7");
    CHECK((*it).value.scalar() ==
          "\xE2\x80\x9C"
          "A\xE2\x80\x9D");
    ++it;
    CHECK(at((*it).value) == "2:4");
    // text_origin starts inside the quotes, at the byte offset in the file.
    auto o = clausebook::load::text_origin("f.yaml", (*it).value, text);
    CHECK(o.line == 2);
    CHECK(o.col == 5);

    Diagnostics e;
    CHECK_FALSE(parse_yaml("f.yaml", "title: \xE2\x80\x9CSocial Media: our Policy\xE2\x80\x9D\n", e));
    CHECK(only_problem(e) == "1:21 yaml-syntax");
}

TEST_CASE("anchors, aliases, deep nesting and a second document are refused where they start", "[yaml]") {
    auto problem = [](const std::string& text) {
        Diagnostics d;
        CHECK_FALSE(parse_yaml("f.yaml", text, d));
        return only_problem(d);
    };
    CHECK(problem("a: &x 1\nb: 2\n") == "1:4 yaml-alias");
    CHECK(problem("a: 1\nb: *x\n") == "2:4 yaml-alias");
    CHECK(problem("a: 1\n---\nb: 2\n") == "2:1 yaml-syntax");
    std::string deep = "v: " + std::string(63, '[') + std::string(63, ']') + "\n";
    Diagnostics d;
    CHECK(parse_yaml("f.yaml", deep, d));  // the map and 63 lists: 64 levels
    CHECK(problem("v: " + std::string(64, '[') + std::string(64, ']') + "\n") == "1:67 yaml-limit");
    CHECK(problem("") == "1:1 empty-file");
    CHECK(problem("# nothing\n") == "1:1 empty-file");
    CHECK(problem("---\n") == "1:1 empty-file");
}

TEST_CASE("syntax errors say what is wrong where it is", "[yaml]") {
    auto problem = [](const std::string& text, std::string& message) {
        Diagnostics d;
        CHECK_FALSE(parse_yaml("f.yaml", text, d));
        message = d.items().empty() ? "" : d.items().front().message + " / " + d.items().front().hint;
        return only_problem(d);
    };
    std::string said;
    CHECK(problem("school:\n\tname: Alpha\n", said) == "2:1 yaml-syntax");
    CHECK_THAT(said, Catch::Contains("YAML indents with spaces only"));
    CHECK(problem("school:\n  name: [Alpha\npolicies: {}\n", said) == "3:9 yaml-syntax");
    CHECK_THAT(said, Catch::Contains("opened with '[' on line 2 is never closed with ']'"));
    CHECK(problem("a: \"open\nb: 2\n", said) == "3:1 yaml-syntax");
    CHECK_THAT(said, Catch::Contains("never closed: add the closing quote"));
    CHECK(problem("a: \"bad \\q\"\n", said) == "1:9 yaml-syntax");
    CHECK_THAT(said, Catch::Contains("unknown escape"));
    CHECK(problem("a:\n  b: 1\n c: 2\n", said) == "3:2 yaml-syntax");
    CHECK_THAT(said, Catch::Contains("does not line up"));
}

TEST_CASE("a tab between a '-' or ':' and its value reads as a space, as it did", "[yaml]") {
    Diagnostics d;
    auto root = parse_yaml("f.yaml", "list:\n  -\tAlpha\n  -\t\"b\"\nk:\tv\n", d);
    REQUIRE(root);
    CHECK(d.items().empty());
    auto list = (*root->pairs().begin()).value.items();
    REQUIRE(list.size() == 2);
    CHECK(list[0].scalar() == "Alpha");
    CHECK(list[1].scalar() == "b");
}

TEST_CASE("characters YAML cannot read as text are refused where they are", "[yaml]") {
    auto problem = [](const std::string& text) {
        Diagnostics d;
        CHECK_FALSE(parse_yaml("f.yaml", text, d));
        return only_problem(d);
    };
    CHECK(problem("a: x\xE2\x80\xA8y\n") == "1:5 control-character");  // U+2028, a line separator
    CHECK(problem("name: Caf\xC3\xA9 x\xC2\x92s\n") == "1:13 control-character");  // U+0092, a cp1252 apostrophe
    CHECK(problem("a: x\x7F\n") == "1:5 control-character");
}

TEST_CASE("a control character, DEL or a non-ASCII byte is found at any place in the text, inside or after a block of sixteen bytes", "[yaml]") {
    // The fast check of printable ASCII reads sixteen bytes at a time: each byte is put at each
    // place of a 40-character value, across the blocks and in the tail after the last one.
    for (std::size_t at = 0; at < 40; ++at) {
        std::string value(40, 'v');
        std::string text;
        auto parse = [&](std::string_view bytes, Diagnostics& d) {
            std::string v = value;
            v.replace(at, 1, bytes);
            text = "a: " + v + "\n";
            return parse_yaml("f.yaml", text, d);
        };
        for (std::string_view bad : {std::string_view("\x01"), std::string_view("\x7F"), std::string_view("\x1B")}) {
            Diagnostics d;
            CHECK_FALSE(parse(bad, d));
            CHECK(only_problem(d) == "1:" + std::to_string(at + 4) + " control-character");
        }
        Diagnostics d;
        auto root = parse("\xC3\xA9", d);  // é: not ASCII, but text, read as such
        REQUIRE(root);
        CHECK(d.items().empty());
        CHECK((*root->pairs().begin()).value.scalar() == text.substr(3, text.size() - 4));
        Diagnostics invalid;
        CHECK_FALSE(parse("\xFF", invalid));
        CHECK(only_problem(invalid) == "1:" + std::to_string(at + 4) + " not-utf8");
    }
}
