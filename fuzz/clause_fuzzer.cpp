// libFuzzer target: one clause file (front matter + Mustache body), read and linked against the
// outline of fuzz_support.hpp, every diagnostic formatted.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_support.hpp"
#include "load/linker.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace clausebook;
    static const model::Repository k_base = fuzz::base_repository();
    model::Repository repo = k_base;
    util::Diagnostics diags;
    std::string text(reinterpret_cast<const char*>(data), size);
    load::load_clause(repo, "clauses/intro/purpose.md", text, diags);
    load::link_repository(repo, diags);
    fuzz::format_all(diags, repo.sources);
    return 0;
}
