// Shared by the fuzz targets: a small valid repository held in memory (the outline every
// fuzzed school and clause is read against) and a sink that formats every diagnostic, so the
// printer (source line, caret, long-line window) is fuzzed too.
#pragma once

#include <string>

#include "load/loaders.hpp"
#include "model/repository.hpp"
#include "util/diagnostics.hpp"
#include "util/source_files.hpp"

namespace clausebook::fuzz {

inline const char* const k_outline =
    "title: Social Media Policy\n"
    "review_period: P1Y\n"
    "approval: Full governing board\n"
    "params:\n"
    "  min_age: { type: integer, min: 13, max: 18, default: 13 }\n"
    "  headteacher: { type: person, required: true }\n"
    "  deputy: { type: person }\n"
    "  audiences:\n"
    "    type: list\n"
    "    of: { type: enum, values: [staff, parents] }\n"
    "    default: [staff, parents]\n"
    "  linked: { type: list, of: string, default: [Behaviour policy, Complaints policy] }\n"
    "  opened: { type: date }\n"
    "  every: { type: duration }\n"
    "  allowed: { type: boolean, default: false }\n"
    "sections:\n"
    "  - id: intro\n"
    "    title: Introduction\n"
    "    clauses:\n"
    "      - intro.purpose\n"
    "      - { id: intro.links, optional: true }\n"
    "  - id: staff\n"
    "    title: Staff\n"
    "    when: audiences.staff\n"
    "    clauses:\n"
    "      - staff.contact\n";

// A repository holding only the outline above, as templates/social.yaml.
inline model::Repository base_repository() {
    model::Repository repo;
    util::Diagnostics diags;
    load::load_outline(repo, "social", "templates/social.yaml", k_outline, diags);
    return repo;
}

// Formats every diagnostic (the result is discarded; the point is to run the code).
inline std::size_t format_all(const util::Diagnostics& diags, const util::SourceFiles& files) {
    std::size_t n = 0;
    for (const auto& d : diags.items()) n += util::format_diagnostic(d, files).size();
    return n;
}

}  // namespace clausebook::fuzz
