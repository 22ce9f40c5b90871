// util/json: every JSON report is written through nlohmann-json; these pin the layout and the
// escaping every report shares.
#include <catch2/catch.hpp>

#include <stdexcept>
#include <string>

#include "util/json.hpp"

using clausebook::util::append_json_number;
using clausebook::util::append_json_string;
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

TEST_CASE("json: append_json_string and append_json_number write what json_line writes", "[util][json]") {
    const std::string texts[] = {"",
                                 "plain words, 12 of them: (a) [b] {c} / ~ `",
                                 "a \"quoted\" \\path\\ and 'single'",
                                 "\"",
                                 "\\",
                                 "line\nbreak\ttab\rreturn\x01\x1f",
                                 "DEL \x7f",
                                 "St Peter\xE2\x80\x99s C\xC3\xA9 \"x\"",
                                 "caf\xC3",
                                 "\xF0\x9F\x98\x80 and \xED\xA0\x80"};
    for (const auto& t : texts) {
        std::string out = "<";
        append_json_string(out, t);
        CHECK(out == "<" + json_line(Json(t)));
    }
    for (long long n : {0LL, 7LL, -3LL, 1234567LL, -9223372036854775807LL}) {
        std::string out;
        append_json_number(out, n);
        CHECK(out == json_line(Json(n)));
    }
}

TEST_CASE("json: JsonObjectWriter's raw_element starts an element as element does", "[util][json]") {
    JsonObjectWriter a, b;
    a.begin_array("x");
    b.begin_array("x");
    a.element(Json{{"k", "v"}});
    a.element(Json{{"k", "w"}});
    b.raw_element() += R"({"k": "v"})";
    b.raw_element() += R"({"k": "w"})";
    CHECK(a.finish() == b.finish());
    JsonObjectWriter c;
    CHECK_THROWS_AS(c.raw_element(), std::logic_error);
}
