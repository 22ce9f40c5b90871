// Typed parameters: what an outline declares and what placeholders and conditions may name.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "model/value.hpp"
#include "util/diagnostics.hpp"

namespace clausebook::model {

struct NamedType;

struct ParamType {
    enum class Kind { string, integer, boolean, date, duration, enum_, person, list, map };
    Kind kind = Kind::string;
    std::optional<std::int64_t> min;  // integer
    std::optional<std::int64_t> max;  // integer
    std::vector<std::string> values;  // enum: the allowed values
    std::shared_ptr<ParamType> item;  // list: the item type
    std::vector<NamedType> fields;  // map and person: the named fields

    // The field `name` of a map or person, or nullptr.
    const ParamType* field(const std::string& name) const;
    std::vector<std::string> field_names() const;
    // "integer from 13 to 18", "list of enum (staff, parents)", ... for messages.
    std::string describe() const;
};

struct NamedType {
    std::string name;
    ParamType type;
};

const char* kind_name(ParamType::Kind k);
std::optional<ParamType::Kind> kind_from_name(const std::string& name);
// The fixed shape of a person value: name, role, email, phone.
ParamType person_type();

// One parameter of an outline.
struct ParamSpec {
    std::string name;
    ParamType type;
    bool required = false;
    std::optional<Value> default_value;
    std::string description;
    util::SourcePos pos;
};

}  // namespace clausebook::model
