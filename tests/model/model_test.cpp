// The shared data: a Document's numbering and look-up, review status arithmetic, parameter
// types' descriptions and the Value tree's Mustache truthiness.
#include <catch2/catch.hpp>

#include "model/document.hpp"
#include "model/review.hpp"
#include "model/schema.hpp"
#include "model/value.hpp"

using namespace clausebook;

namespace {

model::Clause clause(const char* id, const char* title) {
    model::Clause c;
    c.id = id;
    c.title = title;
    return c;
}

model::Document two_sections() {
    model::Document doc;
    doc.sections.push_back({"intro", "Introduction", {clause("intro.purpose", "Purpose"), clause("intro.scope", "Scope")}});
    doc.sections.push_back({"staff", "Staff", {clause("staff.personal-use", "Personal use")}});
    return doc;
}

model::Metadata due(const char* next_review) {
    model::Metadata m;
    m.next_review = util::parse_loose_date(next_review);
    REQUIRE(m.next_review);
    return m;
}

util::Date day(const char* iso) {
    auto d = util::parse_date(iso);
    REQUIRE(d);
    return *d;
}

}  // namespace

TEST_CASE("model: a clause's number follows its section and place", "[model]") {
    auto doc = two_sections();
    CHECK(doc.number_of("intro.purpose") == "1.1");
    CHECK(doc.number_of("intro.scope") == "1.2");
    CHECK(doc.number_of("staff.personal-use") == "2.1");
    CHECK(doc.number_of("staff.absent").empty());
    REQUIRE(doc.find("intro.scope") != nullptr);
    CHECK(doc.find("intro.scope")->title == "Scope");
    CHECK(doc.find("nowhere") == nullptr);
}

TEST_CASE("model: review status counts days, and a month is due at its end", "[model][review]") {
    const auto today = day("2026-11-21");
    SECTION("no next review date is missing") {
        model::Metadata none;
        auto s = model::review_status(none, today, 60);
        CHECK(s.state == model::ReviewState::missing);
        CHECK(model::describe_review(none, s) == "no review date");
    }
    SECTION("the day before today is one day overdue") {
        auto m = due("2026-11-20");
        auto s = model::review_status(m, today, 60);
        CHECK(s.state == model::ReviewState::overdue);
        CHECK(s.days == 1);
        CHECK(model::describe_review(m, s) == "review overdue since 20 November 2026");
    }
    SECTION("today itself is due, not overdue") {
        auto s = model::review_status(due("2026-11-21"), today, 60);
        CHECK(s.state == model::ReviewState::due_soon);
        CHECK(s.days == 0);
    }
    SECTION("a month-only date is due by the end of the month") {
        auto m = due("2026-11");
        auto s = model::review_status(m, today, 60);
        CHECK(s.state == model::ReviewState::due_soon);
        CHECK(s.days == 9);
        CHECK(model::describe_review(m, s) == "review due by the end of November 2026");
    }
    SECTION("the window is inclusive") {
        CHECK(model::review_status(due("2027-01-20"), today, 60).state == model::ReviewState::due_soon);
        auto later = model::review_status(due("2027-01-21"), today, 60);
        CHECK(later.state == model::ReviewState::fine);
        CHECK(later.days == 61);
    }
    CHECK(std::string(model::review_state_name(model::ReviewState::due_soon)) == "due-soon");
}

TEST_CASE("model: parameter types describe themselves for messages", "[model][schema]") {
    model::ParamType age;
    age.kind = model::ParamType::Kind::integer;
    age.min = 13;
    age.max = 18;
    CHECK(age.describe() == "a whole number from 13 to 18");
    age.max.reset();
    CHECK(age.describe() == "a whole number of at least 13");

    model::ParamType audience;
    audience.kind = model::ParamType::Kind::enum_;
    audience.values = {"staff", "parents"};
    model::ParamType audiences;
    audiences.kind = model::ParamType::Kind::list;
    audiences.item = std::make_shared<model::ParamType>(audience);
    CHECK(audiences.describe() == "a list of one of staff, parents");

    CHECK(model::kind_from_name("person") == model::ParamType::Kind::person);
    CHECK_FALSE(model::kind_from_name("people"));
    auto person = model::person_type();
    CHECK(person.field_names() == std::vector<std::string>{"name", "role", "email", "phone"});
    CHECK(person.field("email") != nullptr);
    CHECK(person.field("address") == nullptr);
}

TEST_CASE("model: values follow Mustache truthiness and keep field order", "[model][value]") {
    CHECK_FALSE(model::Value().truthy());
    CHECK_FALSE(model::Value(false).truthy());
    CHECK_FALSE(model::Value("").truthy());
    CHECK_FALSE(model::Value::list().truthy());
    CHECK(model::Value(0).truthy());  // a number is shown even when it is zero
    CHECK(model::Value("x").truthy());
    CHECK(model::Value::map().truthy());

    auto v = model::Value::map();
    v.set("name", "Conway Primary School");
    v.set("phase", "primary");
    v.set("name", "Conway");
    REQUIRE(v.as_map()->size() == 2);
    CHECK(v.as_map()->front().key == "name");
    CHECK(v.get("name")->to_text() == "Conway");
    CHECK(v.get("missing") == nullptr);
    CHECK(model::Value(std::int64_t{14}).to_text() == "14");
    CHECK(model::Value(true).to_text() == "true");
    CHECK(model::Value::list({model::Value("a")}).to_text().empty());
}
