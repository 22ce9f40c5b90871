// The values placeholders and conditions see: a small JSON-like tree. Built per school and
// policy from typed parameters; dates and periods are already formatted for reading.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace clausebook::model {

struct Field;

struct Value {
    using List = std::vector<Value>;
    using Map = std::vector<Field>;  // keeps the order fields were given in
    std::variant<std::monostate, bool, std::int64_t, double, std::string, List, Map> data;

    // Defined below, once Field is complete (clang instantiates the variant's members here).
    Value();
    Value(bool b);
    Value(std::int64_t i);
    Value(int i);
    Value(double d);
    Value(std::string s);
    Value(const char* s);
    static Value list();
    static Value list(List items);
    static Value map();
    static Value map(Map fields);

    bool is_null() const { return std::holds_alternative<std::monostate>(data); }
    bool is_list() const { return std::holds_alternative<List>(data); }
    bool is_map() const { return std::holds_alternative<Map>(data); }
    const List* as_list() const { return std::get_if<List>(&data); }
    const Map* as_map() const { return std::get_if<Map>(&data); }
    Map* as_map() { return std::get_if<Map>(&data); }

    // Mustache truthiness: null, false and the empty list are false; so is the empty string.
    bool truthy() const;
    // The field `key` of a map, or nullptr.
    const Value* get(std::string_view key) const;
    // Sets (or replaces) field `key` of a map.
    void set(std::string key, Value v);
    // The text a placeholder shows for a scalar; empty for null, lists and maps.
    std::string to_text() const;
    bool operator==(const Value&) const;
};

struct Field {
    std::string key;
    Value value;
    bool operator==(const Field&) const = default;
};

inline Value::Value() = default;
inline Value::Value(bool b) : data(b) {}
inline Value::Value(std::int64_t i) : data(i) {}
inline Value::Value(int i) : data(static_cast<std::int64_t>(i)) {}
inline Value::Value(double d) : data(d) {}
inline Value::Value(std::string s) : data(std::move(s)) {}
inline Value::Value(const char* s) : data(std::string(s)) {}
inline Value Value::list() { return list(List{}); }
inline Value Value::map() { return map(Map{}); }

}  // namespace clausebook::model
