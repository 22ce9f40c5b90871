#include "model/schema.hpp"

#include "util/text.hpp"

namespace clausebook::model {

namespace {
constexpr std::pair<ParamType::Kind, const char*> k_kinds[] = {
    {ParamType::Kind::string, "string"}, {ParamType::Kind::integer, "integer"},   {ParamType::Kind::boolean, "boolean"},
    {ParamType::Kind::date, "date"},     {ParamType::Kind::duration, "duration"}, {ParamType::Kind::enum_, "enum"},
    {ParamType::Kind::person, "person"}, {ParamType::Kind::list, "list"},         {ParamType::Kind::map, "map"},
};
}  // namespace

const char* kind_name(ParamType::Kind k) {
    for (const auto& [kind, name] : k_kinds)
        if (kind == k) return name;
    return "string";
}

std::optional<ParamType::Kind> kind_from_name(const std::string& name) {
    for (const auto& [kind, n] : k_kinds)
        if (name == n && kind != ParamType::Kind::map) return kind;
    return std::nullopt;
}

ParamType person_type() {
    ParamType t;
    t.kind = ParamType::Kind::person;
    for (const char* f : {"name", "role", "email", "phone"}) t.fields.push_back({f, ParamType{}});
    return t;
}

const ParamType* ParamType::field(const std::string& name) const {
    for (const auto& f : fields)
        if (f.name == name) return &f.type;
    return nullptr;
}

std::vector<std::string> ParamType::field_names() const {
    std::vector<std::string> out;
    for (const auto& f : fields) out.push_back(f.name);
    return out;
}

std::string ParamType::describe() const {
    switch (kind) {
    case Kind::integer:
        if (min && max) return "a whole number from " + std::to_string(*min) + " to " + std::to_string(*max);
        if (min) return "a whole number of at least " + std::to_string(*min);
        if (max) return "a whole number of at most " + std::to_string(*max);
        return "a whole number";
    case Kind::enum_: return "one of " + util::join(values, ", ");
    case Kind::list: return "a list of " + (item ? item->describe() : std::string("values"));
    case Kind::person: return "a person ({name: ..., role: ...})";
    case Kind::date: return "a date (YYYY-MM-DD)";
    case Kind::duration: return "an ISO 8601 duration (P1Y)";
    case Kind::boolean: return "true or false";
    case Kind::map: return "a map";
    case Kind::string: return "text";
    }
    return "text";
}

}  // namespace clausebook::model
