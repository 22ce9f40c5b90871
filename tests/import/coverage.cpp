#include "import/coverage.hpp"

#include "import/align.hpp"

#include <algorithm>
#include <regex>
#include <sstream>

namespace clausebook::test {

namespace {

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

std::vector<std::string> words_of(const std::string& s) {
    std::vector<std::string> out;
    std::string w;
    for (char c : lower(s) + " ") {
        if (std::isalnum(static_cast<unsigned char>(c)))
            w += c;
        else if (!w.empty()) {
            out.push_back(w);
            w.clear();
        }
    }
    return out;
}

bool contains_words(const std::string& text, const std::string& words) {
    auto have = words_of(text);
    for (const auto& w : words_of(words))
        if (std::find(have.begin(), have.end(), w) == have.end()) return false;
    return true;
}

// The heading at or after `from` that the map's words name: of those holding every word, one
// that starts with them, else the one with the fewest other words ("Inappropriate use" is not
// "Procedure the school will follow if inappropriate use continues"); the first of equals.
std::size_t find_heading(const std::vector<import::Block>& blocks, const std::string& words, std::size_t from) {
    std::size_t at = std::string::npos, best = 0;
    auto want = words_of(words);
    for (std::size_t i = from; i < blocks.size(); ++i) {
        if (blocks[i].kind != import::BlockKind::heading || !blocks[i].dropped.empty() || !contains_words(blocks[i].text, words)) continue;
        auto have = words_of(blocks[i].text);
        bool starts = have.size() >= want.size() && std::equal(want.begin(), want.end(), have.begin());
        std::size_t cost = (starts ? 0 : 1000) + have.size();
        if (at == std::string::npos || cost < best) {
            at = i;
            best = cost;
        }
    }
    return at;
}

// The clause the import names for a block: its clause, or for an unmatched block the clause it reads like.
std::string named_clause(const import::Plan& plan, std::size_t block, double* score) {
    const auto& f = plan.fates[block];
    if (!f.placement) return {};
    *score = f.placement->score;
    if (!f.clause_id.empty()) return f.clause_id;
    return f.placement->moved ? f.placement->best : f.local_id;
}

// How many sentences a text has, cut as the import cuts a paragraph into parts.
int sentences_in(const std::string& t) { return static_cast<int>(import::sentence_starts(t).size()); }

}  // namespace

Agreement coverage_agreement(const import::Plan& plan, const std::string& coverage_markdown, const std::set<std::string>& clause_ids) {
    Agreement a;
    const auto& blocks = plan.doc.blocks;
    std::istringstream in(coverage_markdown);
    std::string line;
    static const std::regex k_code("`([^`]+)`");
    static const std::regex k_place(R"(^(.*?)\s*(¶|•)\s*(\d*)\s*(?:,.*|\(.*\))?$)");
    static const std::regex k_numbered(R"(^(\d+(?:\.\d+)*)\s*(¶|•)?\s*(\d*)\s*(\((first|second)[^)]*\))?(,.*)?$)");
    static const std::regex k_heading_n(R"(^([A-Za-z][A-Za-z ]+?)\s+(\d+)$)");
    while (std::getline(in, line)) {
        if (line.size() < 2 || line[0] != '|' || line.find("---") != std::string::npos) continue;
        std::vector<std::string> cells;
        std::string cell;
        for (std::size_t i = 1; i < line.size(); ++i) {
            if (line[i] == '|') {
                cells.push_back(cell);
                cell.clear();
            } else {
                cell += line[i];
            }
        }
        if (cells.size() < 3) continue;
        std::string place = cells[0];
        while (!place.empty() && place.front() == ' ') place.erase(0, 1);
        while (!place.empty() && place.back() == ' ') place.pop_back();
        std::set<std::string> carried;
        bool local = false;
        // "Carried by" is the last column (after "Status", where the map has one).
        const std::string& carried_by = cells.back();
        for (std::sregex_iterator it(carried_by.begin(), carried_by.end(), k_code), end; it != end; ++it) {
            std::string id = (*it)[1].str();
            auto sp = id.find(' ');
            if (sp != std::string::npos) id = id.substr(0, sp);
            if (id.rfind("local.", 0) == 0) local = true;
            if (clause_ids.count(id)) carried.insert(id);
        }
        if (carried.empty() && !local) continue;
        if (place == "Seed location") continue;

        // Find the block.
        std::size_t found = std::string::npos;
        std::smatch m;
        if (std::regex_match(place, m, k_numbered)) {
            std::string number = m[1].str();
            bool second = m[4].matched && m[5].str() == "second";
            std::size_t at = std::string::npos;
            int seen = 0;
            for (std::size_t i = 0; i < blocks.size(); ++i)
                if (blocks[i].number == number && blocks[i].dropped.empty() && blocks[i].part <= 1 && ++seen == (second ? 2 : 1)) {
                    at = i;
                    break;
                }
            if (at != std::string::npos) {
                if (m[2].matched && m[2].str() == "•" && !m[3].str().empty()) {
                    int n = std::stoi(m[3].str()), k = 0;
                    for (std::size_t i = at + 1; i < blocks.size() && blocks[i].kind != import::BlockKind::heading; ++i)
                        if (blocks[i].kind == import::BlockKind::list_item && blocks[i].level == 0 && blocks[i].part <= 1 && ++k == n) {
                            found = i;
                            break;
                        }
                } else if (blocks[at].kind == import::BlockKind::heading) {
                    for (std::size_t i = at + 1; i < blocks.size(); ++i)
                        if (blocks[i].kind != import::BlockKind::heading) {
                            found = i;
                            break;
                        }
                } else {
                    found = at;
                }
            }
        } else {
            std::string heading, mark;
            int n = 1;
            if (std::regex_match(place, m, k_place)) {
                heading = m[1].str();
                mark = m[2].str();
                n = m[3].str().empty() ? 1 : std::stoi(m[3].str());
            } else if (std::regex_match(place, m, k_heading_n)) {
                heading = m[1].str();
                n = std::stoi(m[2].str());
            } else {
                ++a.unlocated;
                continue;
            }
            // "Parents: Overview": the heading Overview after the heading Parents.
            std::size_t from = 0;
            auto colon = heading.rfind(':');
            if (colon != std::string::npos) {
                std::size_t part = find_heading(blocks, heading.substr(0, colon), 0);
                if (part != std::string::npos) from = part;
                heading = heading.substr(colon + 1);
            }
            std::size_t at = find_heading(blocks, heading, from);
            if (at != std::string::npos) {
                int k = 0;
                bool any_items = false;
                for (std::size_t i = at + 1; i < blocks.size() && blocks[i].kind != import::BlockKind::heading; ++i)
                    if (blocks[i].kind == import::BlockKind::list_item) any_items = true;
                // A map's "•N" where the document set its items as paragraphs: the Nth after the opening one.
                if (mark == "•" && !any_items) {
                    mark = "";
                    ++n;
                }
                for (std::size_t i = at + 1; i < blocks.size() && blocks[i].kind != import::BlockKind::heading; ++i) {
                    bool item = blocks[i].kind == import::BlockKind::list_item;
                    bool counts = mark == "•" ? (item && blocks[i].level == 0) : mark == "¶" ? !item : true;
                    if (counts && blocks[i].dropped.empty() && blocks[i].part <= 1 && ++k == n) {
                        found = i;
                        break;
                    }
                }
            }
        }
        if (found == std::string::npos) {
            ++a.unlocated;
            a.misses.push_back("not found in the imported blocks: " + place);
            continue;
        }
        // "sentence 3", "sentences 2–4": of a paragraph the import cut into parts, the part holding
        // that sentence (the first named).
        static const std::regex k_sentence(R"(sentences? (\d+))");
        if (blocks[found].part == 1 && std::regex_search(place, m, k_sentence)) {
            int want = std::stoi(m[1].str()), first = 1;
            for (std::size_t i = found; i < blocks.size() && blocks[i].part >= 1 && (i == found || blocks[i].part > 1); ++i) {
                int count = sentences_in(blocks[i].text);
                if (want < first + count) {
                    found = i;
                    break;
                }
                first += count;
            }
        }
        double score = 0;
        std::string named = named_clause(plan, found, &score);
        if (named.empty()) {
            ++a.unlocated;  // the block was dropped or is title-page furniture
            continue;
        }
        ++a.rows;
        bool ok = carried.count(named) || (local && named.rfind("local.", 0) == 0);
        if (ok)
            ++a.agreed;
        else {
            std::vector<std::string> c(carried.begin(), carried.end());
            std::ostringstream o;
            o << place << ": import said " << named << " (" << score << "); map says ";
            for (std::size_t i = 0; i < c.size(); ++i) o << (i ? ", " : "") << c[i];
            a.misses.push_back(o.str());
        }
    }
    return a;
}

}  // namespace clausebook::test
