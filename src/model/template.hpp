// A clause's text as parsed Mustache (lang/mustache.hpp parses, checks and renders it), and a
// parsed `when:` condition (lang/condition.hpp): the parsed forms the model holds, so that the
// model needs nothing of the languages' code.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "util/diagnostics.hpp"

namespace clausebook::model {

struct MustacheNode {
    enum class Kind { text, variable, unescaped, section, inverted };
    Kind kind = Kind::text;
    std::string text;  // literal text, or the tag's name as written
    std::vector<std::string> path;  // the name split at dots; {"."} for the implicit iterator
    util::SourcePos pos;  // where the tag starts
    std::vector<MustacheNode> children;
};

struct Template {
    std::vector<MustacheNode> nodes;
    bool has_tags = false;
};

// The parsed expression is known only to lang/condition.cpp.
struct ConditionNode;

struct Condition {
    std::string text;  // as written
    util::SourcePos pos;
    std::shared_ptr<const ConditionNode> root;  // null when it did not parse
};

}  // namespace clausebook::model
