// util/json: every JSON report is written through nlohmann-json; these pin the layout and the
// escaping every report shares.
#include <catch2/catch.hpp>

#include <stdexcept>
#include <string>

#include "util/json.hpp"

using clausebook::util::Json;
using clausebook::util::json_document;
using clausebook::util::json_line;
using clausebook::util::JsonObjectWriter;

TEST_CASE("json: one line, a space after each colon and comma, members in the order given", "[util][json]") {
    Json j{{"rule", "review-overdue"}, {"line", 11}, {"waived", nullptr}, {"tags", {"a", "b"}}, {"ok", true}, {"share", 0.25}};
    CHECK(json_line(j) == R"({"rule": "review-overdue", "line": 11, "waived": null, "tags": ["a", "b"], "ok": true, "share": 0.25})");
    CHECK(json_line(Json::object()) == "{}");
    CHECK(json_line(Json::array()) == "[]");
}

TEST_CASE("json: control characters are escaped and bytes that are not UTF-8 become U+FFFD, in keys and values", "[util][json]") {
    std::string bad = "caf\xC3";  // a UTF-8 sequence cut short
    Json j{{"text", "a\"b\\c\nd\te\x01\x1f"}, {bad, bad}};
    std::string line = json_line(j);
    CHECK(line == "{\"text\": \"a\\\"b\\\\c\\nd\\te\\u0001\\u001f\", \"caf\xEF\xBF\xBD\": \"caf\xEF\xBF\xBD\"}");
    CHECK_NOTHROW(Json::parse(line));
    CHECK_NOTHROW(Json::parse(json_document(j)));
}

TEST_CASE("json: JsonObjectWriter writes each member and each array element on its own line", "[util][json]") {
    JsonObjectWriter w;
    w.member("tool", "clausebook");
    w.begin_array("findings");
    w.element(Json{{"rule", "x"}});
    w.element(Json{{"rule", "y"}});
    w.end_array();
    w.begin_array("none");
    w.end_array();
    std::string out = w.finish();
    CHECK(out == "{\n  \"tool\": \"clausebook\",\n  \"findings\": [\n    {\"rule\": \"x\"},\n    {\"rule\": \"y\"}\n  ],\n  \"none\": []\n}\n");
    Json back = Json::parse(out);
    CHECK(back["findings"].size() == 2);
    CHECK(JsonObjectWriter().finish() == "{}\n");
}

TEST_CASE("json: JsonObjectWriter refuses a member inside an open array and an element outside one", "[util][json]") {
    JsonObjectWriter w;
    CHECK_THROWS_AS(w.element(1), std::logic_error);
    CHECK_THROWS_AS(w.end_array(), std::logic_error);
    w.begin_array("a");
    CHECK_THROWS_AS(w.member("b", 1), std::logic_error);
}
