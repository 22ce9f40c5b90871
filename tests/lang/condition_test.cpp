#include <catch2/catch.hpp>

#include "lang/condition.hpp"
#include "load/loaders.hpp"

namespace lang = clausebook::lang;
using clausebook::model::ParamSpec;
using clausebook::model::ParamType;
using clausebook::model::Value;
using clausebook::util::Diagnostics;

namespace {

ParamType scope() {
    ParamSpec audiences;
    audiences.name = "audiences";
    audiences.type.kind = ParamType::Kind::list;
    audiences.type.item = std::make_shared<ParamType>();
    audiences.type.item->kind = ParamType::Kind::enum_;
    audiences.type.item->values = {"staff", "parents"};
    ParamSpec age;
    age.name = "min_age";
    age.type.kind = ParamType::Kind::integer;
    return clausebook::load::make_scope({audiences, age});
}

Value values(std::vector<std::string> audiences, int age, bool first) {
    Value v = Value::map();
    Value::List items;
    for (auto& a : audiences) items.push_back(Value(a));
    v.set("audiences", Value::list(items));
    v.set("min_age", Value(age));
    Value school = Value::map();
    school.set("first_school", Value(first));
    v.set("school", school);
    return v;
}

bool holds(const std::string& text, const Value& v) {
    Diagnostics d;
    auto c = lang::parse_condition(text, {"o.yaml", 1, 7}, d);
    lang::check_condition(c, scope(), d);
    INFO(text);
    REQUIRE(d.items().empty());
    return lang::evaluate(c, v);
}

}  // namespace

TEST_CASE("conditions test list membership, truth and comparisons", "[condition]") {
    Value v = values({"staff"}, 13, true);
    CHECK(holds("audiences.staff", v));
    CHECK_FALSE(holds("audiences.parents", v));
    CHECK(holds("not audiences.parents", v));
    CHECK(holds("audiences.staff and school.first_school", v));
    CHECK(holds("audiences.parents or (min_age >= 13 and not audiences.parents)", v));
    CHECK_FALSE(holds("min_age > 13", v));
    CHECK(holds("min_age == 13", v));
    CHECK(holds("min_age != 14", v));
}

TEST_CASE("a condition naming an unknown value or parameter is an error at its column", "[condition]") {
    Diagnostics d;
    auto c = lang::parse_condition("audiences.parnts or min_ag > 3", {"o.yaml", 4, 11}, d);
    lang::check_condition(c, scope(), d);
    REQUIRE(d.items().size() == 2);
    CHECK(d.items()[0].rule == "unknown-param");
    CHECK(d.items()[0].hint == "did you mean 'parents'?");
    CHECK(d.items()[1].pos.col == 11 + 20);
    CHECK(d.items()[1].hint == "did you mean 'min_age'?");
}

TEST_CASE("a malformed condition is an invalid-condition error", "[condition]") {
    for (const char* text : {"", "audiences.staff and", "(min_age > 3", "min_age = 3", "min_age > "}) {
        Diagnostics d;
        auto c = lang::parse_condition(text, {"o.yaml", 1, 7}, d);
        INFO(text);
        REQUIRE(d.items().size() == 1);
        CHECK(d.items()[0].rule == "invalid-condition");
        CHECK_FALSE(lang::evaluate(c, Value::map()));
    }
}
