#include "renew/clause_changes.hpp"

#include <algorithm>

namespace clausebook::renew {

namespace {

struct CopyClause {
    std::string number;
    std::string title;
    std::string body;
    int nth = 0;  // several clauses may share a title ("Photographs and video"): the nth of them
};

std::vector<CopyClause> split(const std::string& md) {
    std::vector<CopyClause> out;
    CopyClause* current = nullptr;
    std::size_t pos = 0;
    while (pos <= md.size()) {
        auto nl = md.find('\n', pos);
        std::string line = md.substr(pos, nl == std::string::npos ? std::string::npos : nl - pos);
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.rfind("### ", 0) == 0) {
            std::string heading = line.substr(4);
            auto space = heading.find(' ');
            out.push_back({heading.substr(0, space), space == std::string::npos ? heading : heading.substr(space + 1), {}});
            current = &out.back();
        } else if (line.rfind("## ", 0) == 0 || line.rfind("# ", 0) == 0) {
            current = nullptr;
        } else if (current) {
            current->body += line + "\n";
        }
        if (nl == std::string::npos) break;
        pos = nl + 1;
    }
    for (std::size_t i = 0; i < out.size(); ++i)
        for (std::size_t j = 0; j < i; ++j) out[i].nth += out[j].title == out[i].title;
    for (auto& c : out) {
        while (!c.body.empty() && (c.body.back() == '\n' || c.body.back() == ' ')) c.body.pop_back();
        while (!c.body.empty() && c.body.front() == '\n') c.body.erase(0, 1);
    }
    return out;
}

}  // namespace

const char* change_name(ClauseChange::Kind k) {
    switch (k) {
    case ClauseChange::Kind::added: return "added";
    case ClauseChange::Kind::removed: return "removed";
    case ClauseChange::Kind::changed: return "changed";
    }
    return "changed";
}

std::vector<ClauseChange> clause_changes(const std::string& older_markdown, const std::string& newer_markdown) {
    auto older = split(older_markdown);
    auto newer = split(newer_markdown);
    auto find = [](const std::vector<CopyClause>& in, const CopyClause& like) {
        return std::find_if(in.begin(), in.end(), [&](const CopyClause& c) { return c.title == like.title && c.nth == like.nth; });
    };
    std::vector<ClauseChange> out;
    for (const auto& c : newer) {
        auto it = find(older, c);
        if (it == older.end())
            out.push_back({ClauseChange::Kind::added, c.title, c.number});
        else if (it->body != c.body)
            out.push_back({ClauseChange::Kind::changed, c.title, c.number});
    }
    for (const auto& c : older)
        if (find(newer, c) == newer.end()) out.push_back({ClauseChange::Kind::removed, c.title, c.number});
    return out;
}

}  // namespace clausebook::renew
