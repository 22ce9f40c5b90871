// The words reports share: status names and the per-school counts line.
#include "compare/matrix.hpp"

#include "util/text.hpp"

namespace clausebook::compare {

const char* status_name(Status s) {
    static const char* const k_names[] = {"same", "params", "variant", "reworded", "missing", "local"};
    return k_names[static_cast<int>(s)];
}

const char* kind_name(Kind k) { return k == Kind::register_entry ? "register" : "outline"; }

const char* keeping_name(Keeping k) {
    switch (k) {
    case Keeping::kept: return "kept";
    case Keeping::covered: return "covered";
    case Keeping::not_kept: return "not-kept";
    case Keeping::gap: return "missing-statutory";
    }
    return "kept";
}

std::string Column::summary() const {
    if (registered) {
        switch (keeping) {
        case Keeping::kept: return "kept; " + model::describe_review(meta, review);
        case Keeping::covered: return "kept, in '" + meta.title + "' (" + covered_by + "); " + model::describe_review(meta, review);
        case Keeping::not_kept: return "not kept";
        case Keeping::gap: return "missing: statutory; required by " + required_by;
        }
    }
    struct Part {
        std::size_t count;
        const char* one;
        const char* many;
    };
    const Part parts[] = {
        {counts[static_cast<int>(Status::same)], "same", "same"},
        {counts[static_cast<int>(Status::params)], "with other parameter values", "with other parameter values"},
        {counts[static_cast<int>(Status::variant)], "variant", "variants"},
        {counts[static_cast<int>(Status::reworded)], "reworded", "reworded"},
        {counts[static_cast<int>(Status::local)], "local", "local"},
        {counts[static_cast<int>(Status::missing)], "left out", "left out"},
        {gaps, "gap", "gaps"},
        {moved, "moved", "moved"},
        {not_applicable, "not applicable", "not applicable"},
    };
    std::vector<std::string> out;
    for (const auto& p : parts)
        if (p.count) out.push_back(std::to_string(p.count) + " " + (p.count == 1 ? p.one : p.many));
    if (out.empty()) out.push_back("no clauses");
    return util::join(out, ", ") + "; " + model::describe_review(meta, review);
}

bool Matrix::has_differences() const {
    for (const auto& row : rows)
        for (const auto& cell : row.cells)
            if (cell.status != Status::same || cell.moved) return true;
    for (const auto& col : columns)
        if (!col.locals.empty()) return true;
    return false;
}

}  // namespace clausebook::compare
