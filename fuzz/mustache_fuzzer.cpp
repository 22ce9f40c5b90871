// libFuzzer target: the Mustache placeholder language. The input is a template: it is parsed,
// its names checked against the outline's scope, and it is rendered against values with
// lists, a person, a missing optional and a boolean, escaped for Markdown and for HTML.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_support.hpp"
#include "lang/mustache.hpp"
#include "util/escape.hpp"

namespace {

clausebook::model::Value context() {
    using clausebook::model::Value;
    Value school = Value::map();
    school.set("name", "Alpha <Primary> & *School*");
    school.set("first_school", false);
    Value head = Value::map();
    head.set("name", "Ann [Example](javascript:x)");
    head.set("role", "=HYPERLINK(\"x\")");
    Value root = Value::map();
    root.set("school", school);
    root.set("headteacher", head);
    root.set("min_age", 13);
    root.set("allowed", true);
    root.set("audiences", Value::list({Value("staff"), Value("parents")}));
    Value::List many;
    for (int i = 0; i < 12; ++i) many.push_back(Value("policy number " + std::to_string(i) + " `x` | y"));
    root.set("linked", Value::list(many));
    return root;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace clausebook;
    static const model::Repository k_base = fuzz::base_repository();
    static const model::Value k_context = context();
    std::string text(reinterpret_cast<const char*>(data), size);
    util::Diagnostics diags;
    model::Template t = lang::parse_mustache(text, {"clauses/x.md", 6, 1, 0}, diags);
    lang::check_names(t, k_base.outlines.front().scope, diags);
    std::size_t limits = 0;
    for (auto escape : {util::escape_markdown, util::escape_html}) {
        lang::RenderOptions opt;
        opt.escape = escape;
        opt.max_bytes = 64 * 1024;  // keeps each run fast; the limit's own path is fuzzed too
        opt.on_missing = [](const model::MustacheNode&) {};
        opt.on_limit = [&](const model::MustacheNode&) { ++limits; };
        std::string out = lang::render(t, k_context, opt);
        if (out.size() > opt.max_bytes + size + 4096) __builtin_trap();  // the cap holds, within one node
    }
    return 0;
}
