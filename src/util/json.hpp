// JSON output helpers shared by every report that writes JSON.
#pragma once

#include <string>
#include <string_view>

namespace clausebook::util {

// `s` as a JSON string literal, quotes included; control characters become \uXXXX.
std::string json_string(std::string_view s);

}  // namespace clausebook::util
