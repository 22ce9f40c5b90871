// Writes a synthetic policy repository of N schools for benchmarking: the example's clause
// library, outlines and settings, and N school files varied from the example outline (names,
// phases, audiences, parameters, exclusions, variants, overrides, local clauses).
// Deterministic: the same seed and N give the same bytes.
//
//   generate_schools --from REPO --to DIR --count N [--seed S]
//   generate_schools --from REPO --to DIR --count N --copies
//
// With --copies, the N schools are instead copies of REPO's own school files in turn (for the
// example: the five real schools, with their own names, wording, variants and local clauses),
// each under its own id: the second workload of bench/run.sh, real wording rather than the
// library's.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <string>
#include <vector>

#include "load/load.hpp"
#include "util/diagnostics.hpp"

namespace fs = std::filesystem;
using clausebook::model::Outline;
using clausebook::model::Repository;

namespace {

const std::vector<std::string> k_places = {"Ashby",      "Brampton",   "Castleford", "Dunmore",    "Eastwick",  "Fairfield",  "Glenholme",
                                           "Harrowgate", "Ivybridge",  "Kingsmead",  "Langley",    "Marston",   "Northfield", "Oakridge",
                                           "Penhallow",  "Queensbury", "Redbrook",   "Stanmore",   "Thornbury", "Upton",      "Westbury",
                                           "Yarrow",     "Abbotsley",  "Birchwood",  "Coldharbour"};
const std::vector<std::string> k_kinds = {"Primary School",          "First School", "Infant School",           "Junior School", "CE Primary School",
                                          "Catholic Primary School", "Academy",      "Community Primary School"};
const std::vector<std::string> k_first = {"Alex", "Sam", "Priya", "Tom", "Aisha", "Gareth", "Helen", "Mohammed", "Joanne", "Chen"};
const std::vector<std::string> k_last = {"Morgan", "Shah", "Evans", "Okafor", "Price", "Hughes", "Ali", "Walker", "Patel", "Reid"};
const std::vector<std::string> k_authorities = {"Cornwall Council",   "Dorset Council",      "Royal Borough of Greenwich", "Cumberland Council",
                                                "Leeds City Council", "Kent County Council", "Bristol City Council",       "Norfolk County Council"};
const std::vector<std::string> k_audience_sets = {"[staff, governors, volunteers, parents, pupils]", "[parents]", "[staff, volunteers]",
                                                  "[staff, governors, parents, pupils]", "[staff, governors, volunteers]"};

template <class T>
const T& pick(std::mt19937& rng, const std::vector<T>& v) {
    return v[std::uniform_int_distribution<std::size_t>(0, v.size() - 1)(rng)];
}

bool chance(std::mt19937& rng, int percent) { return std::uniform_int_distribution<int>(0, 99)(rng) < percent; }

std::string person(std::mt19937& rng, const char* role) { return "{ name: " + pick(rng, k_first) + " " + pick(rng, k_last) + ", role: " + role + " }"; }

// `count` register entries (issue 17): the statutory policies' ids first, then the school's own;
// dates spread over the last three years, so some are overdue and some due soon.
std::string register_entries(std::mt19937& rng, std::size_t count) {
    static const std::vector<std::string> k_ids = {"accessibility-plan",
                                                   "admissions",
                                                   "attendance",
                                                   "behaviour",
                                                   "charging-and-remissions",
                                                   "child-protection",
                                                   "complaints",
                                                   "data-protection",
                                                   "equality-objectives",
                                                   "governors-allowances",
                                                   "health-and-safety",
                                                   "premises-management",
                                                   "relationships-education",
                                                   "send",
                                                   "staff-discipline",
                                                   "supporting-medical-conditions",
                                                   "teachers-pay"};
    static const std::vector<std::string> k_categories = {"safeguarding", "behaviour", "curriculum", "staff", "governance", "finance", "premises", "other"};
    static const std::vector<std::string> k_approvers = {"Full governing board", "Resources committee", "Headteacher"};
    std::string y = "register:\n";
    for (std::size_t i = 0; i < count; ++i) {
        std::string id = i < k_ids.size() ? k_ids[i] : "own-policy-" + std::to_string(i);
        int year = 2024 + std::uniform_int_distribution<int>(0, 2)(rng), month = std::uniform_int_distribution<int>(1, 12)(rng);
        char date[16];
        std::snprintf(date, sizeof date, "%04d-%02d-%02d", year, month, std::uniform_int_distribution<int>(1, 28)(rng));
        y += "  " + id + ":\n    title: Policy " + std::to_string(i + 1) + " (" + id + ")\n    category: " + pick(rng, k_categories) +
             "\n    approved: " + date + "\n    approved_by: " + pick(rng, k_approvers) + "\n    minute: " + std::to_string(year % 100) + "/" +
             std::to_string(month) + "/" + std::to_string(i + 1) + "\n    review_period: " + (chance(rng, 60) ? "P1Y" : "P2Y") +
             "\n    location: https://school.example.sch.uk/policies/" + id + ".pdf\n    owner: Headteacher\n";
    }
    return y;
}

std::string school_file(std::mt19937& rng, const Repository& repo, std::size_t index, std::size_t registered) {
    std::string place = pick(rng, k_places);
    std::string kind = pick(rng, k_kinds);
    bool first = kind == "First School" || kind == "Infant School";
    std::string name = place + " " + kind + " " + std::to_string(index);
    std::string y = "# Synthetic school for benchmarking.\nschool:\n  name: " + name + "\n  short_name: " + place +
                    "\n  phase: " + (first ? "first" : "primary") + (registered ? "\n  type: maintained" : "") +
                    "\n  local_authority: " + pick(rng, k_authorities) + "\nparams:\n  headteacher: " + person(rng, "Headteacher") +
                    "\n  dsl: " + person(rng, "Designated safeguarding lead") + "\n";
    if (chance(rng, 50)) y += "  deputy_dsl: " + person(rng, "Deputy designated safeguarding lead") + "\n";
    if (chance(rng, 60)) y += "  chair_of_governors: " + person(rng, "Chair of governors") + "\n";
    y += "  min_platform_age: " + std::to_string(13 + std::uniform_int_distribution<int>(0, 3)(rng)) + "\n";
    y += "policies:\n";
    for (const Outline& o : repo.outlines) {
        y += "  " + o.id + ":\n";
        int year = 2019 + std::uniform_int_distribution<int>(0, 7)(rng);
        int month = std::uniform_int_distribution<int>(1, 12)(rng);
        int day = std::uniform_int_distribution<int>(1, 28)(rng);
        char date[16];
        std::snprintf(date, sizeof date, "%04d-%02d-%02d", year, month, day);
        if (chance(rng, 90)) {
            y += "    approved: " + std::string(date) + "\n    approved_by: Full governing board\n";
            y += "    minute: " + std::to_string(year % 100) + "/" + std::to_string(month) + "/" + std::to_string(index % 20 + 1) + "\n";
        }
        if (chance(rng, 85)) y += std::string("    review_period: ") + (chance(rng, 50) ? "P1Y" : "P3Y") + "\n";
        y += "    params:\n      audiences: " + pick(rng, k_audience_sets) + "\n";
        y += std::string("      ex_pupils_same_as_pupils: ") + (chance(rng, 30) ? "true" : "false") + "\n";
        std::vector<std::string> optional, with_variants, all;
        for (const auto& s : o.sections)
            for (const auto& e : s.clauses) {
                all.push_back(e.id);
                if (e.optional) optional.push_back(e.id);
                auto it = repo.clauses.find(e.id);
                if (it != repo.clauses.end() && it->second.size() > 1) with_variants.push_back(e.id);
            }
        std::vector<std::string> excluded;
        for (const auto& id : optional)
            if (chance(rng, 30)) excluded.push_back(id);
        if (!excluded.empty()) {
            y += "    exclude: [";
            for (std::size_t i = 0; i < excluded.size(); ++i) y += (i ? ", " : "") + excluded[i];
            y += "]\n";
        }
        if (first && !with_variants.empty()) {
            y += "    variants:\n";
            for (const auto& id : with_variants) y += "      " + id + ": " + repo.clauses.at(id).back().variant + "\n";
        }
        if (chance(rng, 25) && !all.empty()) {
            y += "    overrides:\n      " + pick(rng, all) +
                 ": |\n        At {{school.name}} we put this in our own words: staff and families\n"
                 "        should raise any worry with {{headteacher.name}} first, and the school will reply within five\n"
                 "        school days.\n";
        }
        std::vector<std::string> always;  // sections every school has, whatever its audiences
        for (const auto& s : o.sections)
            if (!s.when) always.push_back(s.id);
        if (chance(rng, 40) && !always.empty()) {
            y += "    local:\n      - id: local.note-" + std::to_string(index) + "\n        section: " + pick(rng, always) +
                 "\n        title: A local arrangement\n        text: |\n          Parents of children in the nursery class use the class app\n"
                 "          rather than social media to share photographs of school events.\n";
        }
    }
    if (registered) y += register_entries(rng, registered);
    return y;
}

void copy_tree(const fs::path& from, const fs::path& to) {
    fs::create_directories(to);
    fs::copy(from, to, fs::copy_options::recursive | fs::copy_options::overwrite_existing);
}

}  // namespace

int main(int argc, char** argv) {
    std::string from = ".", to;
    std::size_t count = 100;
    unsigned seed = 1;
    bool copies = false;
    std::size_t registered = 0;  // register entries per school, and the statutory list copied (issue 17)
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--copies") {
            copies = true;
            continue;
        }
        if (i + 1 >= argc) break;
        std::string v = argv[++i];
        if (a == "--from")
            from = v;
        else if (a == "--to")
            to = v;
        else if (a == "--count")
            count = std::stoul(v);
        else if (a == "--seed")
            seed = static_cast<unsigned>(std::stoul(v));
        else if (a == "--register")
            registered = std::stoul(v);
    }
    if (to.empty()) {
        std::cerr << "usage: generate_schools --from REPO --to DIR --count N [--seed S] [--register ENTRIES] | --copies\n";
        return 2;
    }
    clausebook::util::Diagnostics diags;
    Repository repo = clausebook::load::load_repository(fs::absolute(from), diags);
    if (diags.has_errors()) {
        std::cerr << "generate_schools: the source repository " << from << " has errors; run clausebook build there first\n";
        return 2;
    }
    fs::remove_all(to);
    fs::create_directories(fs::path(to) / "schools");
    fs::copy_file(fs::path(from) / "clausebook.yaml", fs::path(to) / "clausebook.yaml");
    copy_tree(fs::path(from) / "clauses", fs::path(to) / "clauses");
    copy_tree(fs::path(from) / "templates", fs::path(to) / "templates");
    // data/ as the repository has it; the statutory list only where the schools keep registers
    // (--register, or copies of schools that have them), or every generated school would lack them.
    if (fs::is_directory(fs::path(from) / "data")) {
        copy_tree(fs::path(from) / "data", fs::path(to) / "data");
        if (!registered && !copies) fs::remove(fs::path(to) / "data" / "statutory-policies.yaml");
    }
    if (copies) {
        std::vector<fs::path> originals;
        for (const auto& e : fs::directory_iterator(fs::path(from) / "schools"))
            if (e.path().extension() == ".yaml") originals.push_back(e.path());
        std::sort(originals.begin(), originals.end());
        if (originals.empty()) {
            std::cerr << "generate_schools: " << from << "/schools has no school files to copy\n";
            return 2;
        }
        for (std::size_t i = 0; i < count; ++i) {
            const fs::path& original = originals[i % originals.size()];
            char suffix[32];
            std::snprintf(suffix, sizeof suffix, "-%05zu.yaml", i);
            fs::copy_file(original, fs::path(to) / "schools" / (original.stem().string() + suffix));
        }
        std::cout << "wrote " << count << " copies of " << originals.size() << " schools to " << to << "\n";
        return 0;
    }
    std::mt19937 rng(seed);
    for (std::size_t i = 0; i < count; ++i) {
        char id[32];
        std::snprintf(id, sizeof id, "school-%05zu", i);
        std::ofstream(fs::path(to) / "schools" / (std::string(id) + ".yaml")) << school_file(rng, repo, i, registered);
    }
    std::cout << "wrote " << count << " schools to " << to << "\n";
    return 0;
}
