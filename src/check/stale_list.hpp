// Finding stale references in a text: the list (model/reference_data.hpp, read by load) run over
// a clause's words, each pattern with RE2, and a parameter's edition year compared.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/reference_data.hpp"

namespace clausebook::check {

using model::StaleList;
using model::StaleReference;

struct StaleMatch {
    const StaleReference* ref = nullptr;
    std::size_t offset = 0;  // bytes into the text
    std::string text;  // what matched
};

// Every stale reference in `text`, in order.
std::vector<StaleMatch> find_stale(const StaleList& list, std::string_view text);

// Whether a parameter value is an outdated edition for `ref` (ref.param and ref.edition_before set).
bool stale_edition(const StaleReference& ref, std::string_view value);

}  // namespace clausebook::check
