#include "model/value.hpp"

#include <charconv>

namespace clausebook::model {

Value Value::list(List items) {
    Value v;
    v.data = std::move(items);
    return v;
}

Value Value::map(Map fields) {
    Value v;
    v.data = std::move(fields);
    return v;
}

bool Value::truthy() const {
    return std::visit(
        [](const auto& x) -> bool {
            using T = std::decay_t<decltype(x)>;
            if constexpr (std::is_same_v<T, std::monostate>)
                return false;
            else if constexpr (std::is_same_v<T, bool>)
                return x;
            else if constexpr (std::is_same_v<T, std::string>)
                return !x.empty();
            else if constexpr (std::is_same_v<T, List>)
                return !x.empty();
            else
                return true;
        },
        data);
}

const Value* Value::get(std::string_view key) const {
    if (const Map* m = as_map())
        for (const auto& f : *m)
            if (f.key == key) return &f.value;
    return nullptr;
}

void Value::set(std::string key, Value v) {
    if (!is_map()) data = Map{};
    Map& m = std::get<Map>(data);
    for (auto& f : m)
        if (f.key == key) {
            f.value = std::move(v);
            return;
        }
    m.push_back({std::move(key), std::move(v)});
}

std::string Value::to_text() const {
    return std::visit(
        [](const auto& x) -> std::string {
            using T = std::decay_t<decltype(x)>;
            if constexpr (std::is_same_v<T, bool>)
                return x ? "true" : "false";
            else if constexpr (std::is_same_v<T, std::int64_t>)
                return std::to_string(x);
            else if constexpr (std::is_same_v<T, double>) {
                char buf[64];
                auto [p, ec] = std::to_chars(buf, buf + sizeof buf, x);
                return ec == std::errc{} ? std::string(buf, p) : std::string{};
            } else if constexpr (std::is_same_v<T, std::string>)
                return x;
            else
                return std::string{};
        },
        data);
}

bool Value::operator==(const Value& other) const { return data == other.data; }

}  // namespace clausebook::model
