// `when:` conditions on sections and clauses: `audiences.parents`, `not school.first_school`,
// `min_platform_age >= 13 and staff_may_connect_with_parents`. Parsed once, checked against the
// outline's parameters (every name must exist), evaluated per school.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "model/schema.hpp"
#include "model/template.hpp"
#include "model/value.hpp"
#include "util/diagnostics.hpp"

namespace clausebook::lang {

using model::Condition;
using model::ConditionNode;

// Parses `text` (found at `pos`); errors have rule "invalid-condition".
Condition parse_condition(const std::string& text, const util::SourcePos& pos, util::Diagnostics& diags);

// Checks every name against `root` (a map type); errors have rule "unknown-param".
void check_condition(const Condition& c, const model::ParamType& root, util::Diagnostics& diags);

// True when the condition holds for `values`. A condition that did not parse is false.
bool evaluate(const Condition& c, const model::Value& values);

}  // namespace clausebook::lang
