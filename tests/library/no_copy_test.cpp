// The clause library is written in the project's own words: no run of 12 consecutive words
// (after lower-casing and dropping punctuation) may be shared with any seed policy.
#include <catch2/catch.hpp>

#include <cctype>
#include <filesystem>
#include <set>
#include <unordered_map>

#include "support/fixture.hpp"
#include "support/skip.hpp"

namespace fs = std::filesystem;

namespace {

constexpr std::size_t k_run = 12;

std::vector<std::string> words(const std::string& text) {
    std::vector<std::string> out;
    std::string cur;
    for (unsigned char c : text) {
        if (std::isalnum(c) || c >= 0x80)
            cur += static_cast<char>(std::tolower(c));
        else if (c == '\'')
            continue;  // "school's" and "schools" normalise alike
        else if (!cur.empty()) {
            out.push_back(cur);
            cur.clear();
        }
    }
    if (!cur.empty()) out.push_back(cur);
    return out;
}

std::string run_at(const std::vector<std::string>& w, std::size_t i) {
    std::string s;
    for (std::size_t k = 0; k < k_run; ++k) s += w[i + k] + " ";
    return s;
}

}  // namespace

TEST_CASE("no clause shares a run of 12 words with a seed policy", "[library][copying]") {
    fs::path seeds = clausebook::test::shared_dir() / "seeds";
    if (!fs::is_directory(seeds)) {
        CLAUSEBOOK_SKIP(seeds.string() + " is absent; the copying check needs ../shared/seeds beside the checkout");
    }
    std::unordered_map<std::string, std::string> seed_runs;  // run -> seed file
    int seed_files = 0;
    for (const auto& e : fs::directory_iterator(seeds)) {
        if (e.path().extension() != ".txt") continue;
        ++seed_files;
        auto w = words(clausebook::test::read_file(e.path()));
        for (std::size_t i = 0; i + k_run <= w.size(); ++i) seed_runs.emplace(run_at(w, i), e.path().filename().string());
    }
    REQUIRE(seed_files == 5);
    int clause_files = 0;
    std::set<std::string> hits;
    for (const auto& e : fs::recursive_directory_iterator(clausebook::test::source_dir() / "clauses")) {
        if (e.path().extension() != ".md") continue;
        ++clause_files;
        auto w = words(clausebook::test::read_file(e.path()));
        for (std::size_t i = 0; i + k_run <= w.size(); ++i) {
            auto it = seed_runs.find(run_at(w, i));
            if (it != seed_runs.end())
                hits.insert(fs::relative(e.path(), clausebook::test::source_dir()).string() + " shares \"" + it->first + "\" with " + it->second);
        }
    }
    CHECK(clause_files > 30);
    for (const auto& h : hits) FAIL_CHECK(h);
    CHECK(hits.empty());
}

// A school file without its `vision:` block: the vision is the school's own statement, quoted as
// it stands, and a quotation is not copying.
static std::string without_vision(const std::string& yaml) {
    std::string out, line;
    bool in_vision = false;
    std::size_t vision_indent = 0;
    for (std::size_t i = 0; i <= yaml.size(); ++i) {
        if (i < yaml.size() && yaml[i] != '\n') {
            line += yaml[i];
            continue;
        }
        auto indent = line.find_first_not_of(' ');
        if (in_vision && (indent == std::string::npos || indent > vision_indent)) {
            line.clear();
            continue;
        }
        in_vision = indent != std::string::npos && line.compare(indent, 7, "vision:") == 0;
        vision_indent = indent;
        if (!in_vision) out += line + "\n";
        line.clear();
    }
    return out;
}

TEST_CASE("no school's own wording shares a run of 12 words with a seed policy", "[library][copying]") {
    // Local clauses and overrides in schools/*.yaml become policy text too.
    fs::path seeds = clausebook::test::shared_dir() / "seeds";
    if (!fs::is_directory(seeds)) {
        CLAUSEBOOK_SKIP(seeds.string() + " is absent; the copying check needs ../shared/seeds beside the checkout");
    }
    std::unordered_map<std::string, std::string> seed_runs;
    for (const auto& e : fs::directory_iterator(seeds)) {
        if (e.path().extension() != ".txt") continue;
        auto w = words(clausebook::test::read_file(e.path()));
        for (std::size_t i = 0; i + k_run <= w.size(); ++i) seed_runs.emplace(run_at(w, i), e.path().filename().string());
    }
    int school_files = 0;
    std::set<std::string> hits;
    for (const auto& e : fs::directory_iterator(clausebook::test::source_dir() / "schools")) {
        if (e.path().extension() != ".yaml") continue;
        ++school_files;
        auto w = words(without_vision(clausebook::test::read_file(e.path())));
        for (std::size_t i = 0; i + k_run <= w.size(); ++i) {
            auto it = seed_runs.find(run_at(w, i));
            if (it != seed_runs.end()) hits.insert(e.path().filename().string() + " shares \"" + it->first + "\" with " + it->second);
        }
    }
    CHECK(school_files == 5);
    for (const auto& h : hits) FAIL_CHECK(h);
    CHECK(hits.empty());
}

TEST_CASE("a school's vision is left out of the copying check, and nothing else is", "[library][copying]") {
    std::string yaml = "school:\n  name: A\n  vision: >-\n    quoted words\n    more quoted\n  phase: first\npolicies: {}\n";
    auto kept = without_vision(yaml);
    CHECK(kept.find("quoted") == std::string::npos);
    CHECK(kept.find("phase: first") != std::string::npos);
    CHECK(kept.find("name: A") != std::string::npos);
    CHECK(kept.find("policies") != std::string::npos);
}

TEST_CASE("the copying check finds a copied sentence", "[library][copying]") {
    // The normalisation must make a copied run match however it is punctuated or cased.
    auto a = words("The school's staff SHOULD NOT, under any circumstances, accept friend requests from pupils or parents today.");
    auto b = words("the schools staff should not under any circumstances accept friend requests from pupils or parents today");
    CHECK(a == b);
    CHECK(a.size() >= k_run);
}
