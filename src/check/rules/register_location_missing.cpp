// register-location-missing: a register entry whose document is said to be a file of the
// repository that is not there (moved, renamed, never committed), so the school cannot show the
// policy it says it keeps. load settles whether the file is there (RegisterEntry::location_found);
// an https address is not fetched. Points at the entry's location.
#include "check/rules.hpp"

namespace clausebook::check::rules_impl {

void register_location_missing(const Context& ctx, std::vector<Finding>& out) {
    for (const auto& s : ctx.subjects) {
        if (!s.entry || !s.entry->location || s.entry->location_found) continue;
        const auto& loc = *s.entry->location;
        add_finding(out, &s, loc.pos, s.label() + " is kept at '" + loc.value + "', but the repository has no such file",
                    "commit the approved document at that path, or correct the location (a path from the repository's root, or an https URL)");
    }
}

}  // namespace clausebook::check::rules_impl
