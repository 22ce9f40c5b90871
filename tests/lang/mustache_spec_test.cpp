// The Mustache specification's own cases (../shared/mustache-spec) for the parts clausebook
// supports: interpolation, sections, inverted sections, comments and delimiter changes.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "lang/mustache.hpp"
#include "support/fixture.hpp"
#include "util/escape.hpp"

using clausebook::model::Value;
namespace lang = clausebook::lang;

namespace {

Value from_json(const nlohmann::json& j) {
    if (j.is_null()) return Value();
    if (j.is_boolean()) return Value(j.get<bool>());
    if (j.is_number_integer()) return Value(static_cast<std::int64_t>(j.get<long long>()));
    if (j.is_number()) return Value(j.get<double>());
    if (j.is_string()) return Value(j.get<std::string>());
    if (j.is_array()) {
        Value::List items;
        for (const auto& x : j) items.push_back(from_json(x));
        return Value::list(std::move(items));
    }
    Value m = Value::map();
    for (auto it = j.begin(); it != j.end(); ++it) m.set(it.key(), from_json(it.value()));
    return m;
}

void run_spec_file(const std::string& name) {
    auto path = clausebook::test::source_dir() / "tests/data/mustache-spec" / (name + ".json");
    if (!std::filesystem::exists(path)) {
        FAIL(path.string() + " is missing from the checkout");
    }
    auto spec = nlohmann::json::parse(clausebook::test::read_file(path));
    int run = 0;
    for (const auto& t : spec["tests"]) {
        if (t.contains("partials")) continue;  // partials are refused by design
        std::string tmpl = t["template"].get<std::string>();
        INFO(name << ": " << t["name"].get<std::string>() << "\ntemplate: " << tmpl);
        clausebook::util::Diagnostics diags;
        clausebook::model::Template parsed = lang::parse_mustache(tmpl, {"spec", 1, 1, 0}, diags);
        REQUIRE_FALSE(diags.has_errors());
        lang::RenderOptions opt;
        opt.escape = clausebook::util::escape_html;
        CHECK(lang::render(parsed, from_json(t["data"]), opt) == t["expected"].get<std::string>());
        ++run;
    }
    CHECK(run > 0);
}

}  // namespace

TEST_CASE("Mustache spec: interpolation", "[mustache][spec]") { run_spec_file("interpolation"); }
TEST_CASE("Mustache spec: sections", "[mustache][spec]") { run_spec_file("sections"); }
TEST_CASE("Mustache spec: inverted", "[mustache][spec]") { run_spec_file("inverted"); }
TEST_CASE("Mustache spec: comments", "[mustache][spec]") { run_spec_file("comments"); }
TEST_CASE("Mustache spec: delimiters", "[mustache][spec]") { run_spec_file("delimiters"); }
