// import: a clause in the model's words with other parameter values is `params` for every type
// the outline declares (integer, string, enum, boolean, date, person); anything more is reworded.
// And importing into an existing school file keeps what the file has that the document does not
// contradict, noting each change.
#include <catch2/catch.hpp>

#include <algorithm>
#include <iostream>

#include "assemble/assembler.hpp"
#include "compare/policy_text.hpp"
#include "import/params_detect.hpp"
#include "load/load.hpp"
#include "support/fixture.hpp"

using namespace clausebook;

namespace {

void typed_outline(test::TestRepo& repo) {
    repo.write("templates/social.yaml",
               "title: Social Media Policy\n"
               "review_period: P1Y\n"
               "approval: Full governing board\n"
               "params:\n"
               "  headteacher: { type: person, required: true }\n"
               "  route: { type: string, default: the class teacher }\n"
               "  tone: { type: enum, values: [never, rarely], default: rarely }\n"
               "  former: { type: boolean, default: false }\n"
               "  started: { type: date }\n"
               "  min_age: { type: integer, min: 13, max: 18, default: 13 }\n"
               "sections:\n"
               "  - id: main\n"
               "    title: Main\n"
               "    clauses: [main.route, main.tone, main.former, main.started, main.age]\n");
    auto clause = [&](const std::string& id, const std::string& title, const std::string& text) {
        repo.write("clauses/main/" + id.substr(5) + ".md", "---\nid: " + id + "\ntitle: " + title + "\nversion: 1.0.0\n---\n" + text + "\n");
    };
    clause("main.route", "Where concerns go", "Concerns about a post go first to {{route}}, who replies within a week.");
    clause("main.tone", "Complaints online", "Posting complaints about the school online is {{tone}} the right way to raise them.");
    clause("main.former", "Former pupils",
           "{{#former}}Staff do not befriend former pupils of any age.{{/former}}{{^former}}Staff do not befriend former pupils who are still "
           "children.{{/former}}");
    clause("main.started", "Start", "This policy has applied since {{started}}.");
    clause("main.age", "Age", "Pupils must be at least {{min_age}} to hold an account.");
    for (const char* f : {"clauses/intro/purpose.md", "clauses/intro/links.md", "clauses/staff/contact.md", "clauses/staff/contact.first-school.md",
                          "clauses/parents/conduct.md", "schools/alpha.yaml", "schools/beta.yaml"})
        repo.remove(f);
    repo.write("schools/delta.yaml",
               "school:\n  name: Delta Primary School\nparams:\n  headteacher: { name: Dan Example, role: Headteacher }\n"
               "policies:\n  social:\n    params:\n      started: 2024-09-01\n");
}

}  // namespace

TEST_CASE("import finds other values of string, enum, boolean, date, integer and person parameters", "[import][cli]") {
    test::TestRepo repo;
    typed_outline(repo);
    REQUIRE(repo.run({"check"}).exit_code != 2);
    repo.write("delta.txt",
               "Delta Primary School\n\n"
               "Concerns about a post go first to the head of year, who replies within a week.\n\n"
               "Posting complaints about the school online is never the right way to raise them.\n\n"
               "Staff do not befriend former pupils of any age.\n\n"
               "This policy has applied since 1 September 2025.\n\n"
               "Pupils must be at least 16 to hold an account.\n");
    auto r = repo.run({"import", (repo.root() / "delta.txt").string(), "--school", "delta", "--today", "2026-01-05"});
    INFO(r.out << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.find("params  main.route") != std::string::npos);
    CHECK(r.out.find("(route: the head of year)") != std::string::npos);
    CHECK(r.out.find("params  main.tone") != std::string::npos);
    CHECK(r.out.find("params  main.former") != std::string::npos);
    CHECK(r.out.find("params  main.started") != std::string::npos);
    CHECK(r.out.find("params  main.age") != std::string::npos);
    std::string yaml = repo.read("schools/delta.yaml");
    CHECK(yaml.find("route: the head of year  # ") != std::string::npos);
    CHECK(yaml.find("tone: never  # ") != std::string::npos);
    CHECK(yaml.find("former: true  # ") != std::string::npos);
    CHECK(yaml.find("started: 2025-09-01  # ") != std::string::npos);
    CHECK(yaml.find("min_age: 16  # ") != std::string::npos);
    CHECK(yaml.find("overrides:") == std::string::npos);
    auto b = repo.run({"build", "--school", "delta", "--format", "md"});
    INFO(b.err);
    REQUIRE(b.exit_code == 0);
    std::string built = repo.read("out/delta/social.md");
    for (const char* s : {"go first to the head of year", "is never the right way", "former pupils of any age", "at least 16 to hold"})
        CHECK(built.find(s) != std::string::npos);
}

TEST_CASE("import: a person's other name is params, more than a value is reworded", "[import][cli]") {
    test::TestRepo repo;
    typed_outline(repo);
    repo.write("schools/delta.yaml",
               "school:\n  name: Delta Primary School\nparams:\n  headteacher: { name: Dan Example, role: Headteacher }\n"
               "policies:\n  social:\n    params:\n      started: 2024-09-01\n");
    std::string outline = repo.read("templates/social.yaml");
    outline.replace(outline.find("main.age]"), 9, "main.age, main.head]");
    repo.write("templates/social.yaml", outline);
    repo.write("clauses/main/head.md",
               "---\nid: main.head\ntitle: Head\nversion: 1.0.0\n---\n{{headteacher.name}} answers for this policy to the governors.\n");
    repo.write("delta.txt",
               "Delta Primary School\n\n"
               "Concerns about a post go first to the head of year, who replies within a week and keeps a written record of each one.\n\n"
               "Posting complaints about the school online is hardly ever the right way to raise them.\n\n"
               "Staff do not befriend former pupils, whatever their age, on any site at all.\n\n"
               "Erin Newhead answers for this policy to the governors.\n");
    auto r = repo.run({"import", (repo.root() / "delta.txt").string(), "--school", "delta", "--dry-run"});
    INFO(r.out << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.find("reworded  main.route") != std::string::npos);
    CHECK(r.out.find("reworded  main.tone") != std::string::npos);
    CHECK(r.out.find("reworded  main.former") != std::string::npos);
    CHECK(r.out.find("params  main.head") != std::string::npos);
    CHECK(r.out.find("+      headteacher: { name: Erin Newhead, role: Headteacher }") != std::string::npos);
}

TEST_CASE("import into an existing school file keeps its exclusions, own wording and local clauses the document does not contradict", "[import][cli]") {
    test::TestRepo repo;
    repo.write("schools/alpha.yaml",
               "school:\n"
               "  name: Alpha Primary School\n"
               "params:\n"
               "  headteacher: { name: Ann Example, role: Headteacher }\n"
               "policies:\n"
               "  social:\n"
               "    approved: 2024-03-01\n"
               "    exclude: [intro.links]\n"
               "    overrides:\n"
               "      parents.conduct: |\n"
               "        Alpha's own words about the parents' conduct.\n"
               "      staff.contact: |\n"
               "        Alpha's own words on contact.\n"
               "    local:\n"
               "      - id: local.bikes\n"
               "        after: staff.contact\n"
               "        title: Bikes\n"
               "        text: |\n"
               "          Pupils who cycle lock their bikes in the shed by the gate.\n"
               "      - id: local.uniform\n"
               "        after: intro.links\n"
               "        title: Uniform\n"
               "        text: |\n"
               "          Pupils wear school uniform on trips.\n");
    repo.write("alpha.txt",
               "Alpha Primary School\n\nSocial Media Policy\n\nPurpose\n\n"
               "This policy sets out how Alpha Primary School expects everyone in its community to use social media sites.\n\n"
               "Related policies\n\nRead this policy with:\n\n- the Behaviour policy\n- the Complaints policy\n\n"
               "Staff\n\nStaff must not connect with pupils on their personal social media accounts.\n\n"
               "Bikes\n\nPupils who cycle lock their bikes in the shed by the gate.\n");
    auto r = repo.run({"import", (repo.root() / "alpha.txt").string(), "--school", "alpha"});
    INFO(r.out << r.err);
    REQUIRE(r.exit_code == 0);
    std::string yaml = repo.read("schools/alpha.yaml");
    INFO(yaml);
    // exclude: the document has intro.links, so it is no longer excluded.
    CHECK(yaml.find("exclude:") == std::string::npos);
    CHECK(r.out.find("note: intro.links: no longer excluded (the document has it)") != std::string::npos);
    // overrides: the document's wording of staff.contact replaces the school's; parents.conduct,
    // which the document lacks, keeps the school's.
    CHECK(yaml.find("Alpha's own words on contact.") == std::string::npos);
    CHECK(yaml.find("Staff must not connect with pupils") != std::string::npos);
    CHECK(r.out.find("note: staff.contact: the school's own wording replaced by the document's") != std::string::npos);
    CHECK(yaml.find("Alpha's own words about the parents' conduct.") != std::string::npos);
    CHECK(r.out.find("note: parents.conduct: the school's own wording kept (the document does not have this clause)") != std::string::npos);
    CHECK(r.out.find("note: intro.purpose: the document's own wording added") != std::string::npos);
    // local: the bikes clause is in the document (kept under its id), the uniform one is not (kept).
    CHECK(yaml.find("id: local.bikes") != std::string::npos);
    CHECK(yaml.find("local.imported-") == std::string::npos);
    CHECK(r.out.find("note: local.bikes: the document has it: kept, with the document's text") != std::string::npos);
    CHECK(yaml.find("id: local.uniform") != std::string::npos);
    CHECK(r.out.find("note: local.uniform: kept from the school file (the document does not have it)") != std::string::npos);
    auto b = repo.run({"build", "--school", "alpha", "--format", "md"});
    INFO(b.err);
    CHECK(b.exit_code == 0);

    // Imported again, the same document changes nothing more.
    auto again = repo.run({"import", (repo.root() / "alpha.txt").string(), "--school", "alpha", "--dry-run"});
    CHECK(again.exit_code == 0);
    CHECK(again.out.find("No change to schools/alpha.yaml") != std::string::npos);
}

TEST_CASE("switch detection reads only the clauses a value changes, with the same result as rendering the whole policy", "[import][params]") {
    // The example repository's five schools; for each boolean and enum parameter, each other
    // value stands for a document that states it: the document's clause texts are the policy's
    // as assembled with that value. Reading clause by clause must find what reading the whole
    // policy finds, value for value, and find the value itself.
    util::Diagnostics load_diags;
    model::Repository repo = load::load_repository(test::source_dir(), load_diags);
    REQUIRE_FALSE(load_diags.has_errors());
    auto texts_of = [&](const model::Document& doc) {
        std::map<std::string, std::string> texts;
        for (const auto& c : compare::policy_text(doc, repo.config.allow_raw_html).clauses) texts[c.id] = c.text;
        return texts;
    };
    int tried = 0, found = 0;
    for (const auto& school : repo.schools)
        for (const auto& policy : school.policies) {
            const model::Outline* outline = repo.outline(policy.policy_id);
            if (!outline) continue;
            util::Diagnostics diags;
            model::Document base = assemble::assemble_document(repo, school, *outline, diags);
            if (diags.has_errors()) continue;
            compare::PolicyText base_text = compare::policy_text(base, repo.config.allow_raw_html);
            auto base_texts = texts_of(base);
            for (const auto& spec : outline->params) {
                std::vector<model::Value> others;
                auto now = import::param_value(repo, school, *outline, spec.name);
                if (spec.type.kind == model::ParamType::Kind::boolean) others.push_back(model::Value(!(now && now->truthy())));
                if (spec.type.kind == model::ParamType::Kind::enum_)
                    for (const auto& v : spec.type.values)
                        if (!now || now->to_text() != v) others.push_back(model::Value(v));
                for (const auto& value : others) {
                    model::School stated = school;
                    for (auto& p : stated.policies)
                        if (p.policy_id == outline->id) p.params.push_back({spec.name, value, {}, {}});
                    util::Diagnostics ignore;
                    auto document = texts_of(assemble::assemble_document(repo, stated, *outline, ignore));
                    std::set<std::string> wanted;
                    for (const auto& [id, text] : document)
                        if (base_texts[id] != text) wanted.insert(id);
                    if (wanted.empty()) continue;  // the value changes no words of this school's policy
                    INFO(school.id << ": " << spec.name << " = " << value.to_text());
                    ++tried;
                    auto by_clause = import::switch_changes(repo, school, *outline, base, base_text, document, wanted);
                    auto whole = import::switch_changes(repo, school, *outline, base, base_text, document, wanted, import::SwitchRendering::whole_policy);
                    REQUIRE(by_clause.size() == whole.size());
                    for (const auto& [id, change] : whole) {
                        INFO(id);
                        REQUIRE(by_clause.count(id));
                        CHECK(by_clause.at(id).name == change.name);
                        CHECK(by_clause.at(id).yaml == change.yaml);
                    }
                    bool names_it = std::any_of(by_clause.begin(), by_clause.end(), [&](const auto& c) { return c.second.name == spec.name; });
                    if (names_it) ++found;
                }
            }
        }
    // Every school has switches that change its words; most are found (a value is not taken when
    // another clause it changes reads otherwise, e.g. when two parameters reach one clause).
    CHECK(tried >= 10);
    CHECK(found * 2 >= tried);
    std::cout << "switch detection: " << found << " of " << tried << " other values found, clause by clause as whole\n";
}
