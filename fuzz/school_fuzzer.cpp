// libFuzzer target: one school file (schools/alpha.yaml), read against the outline of
// fuzz_support.hpp and linked, every diagnostic formatted.
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
    load::load_school(repo, "alpha", "schools/alpha.yaml", text, diags);
    load::link_repository(repo, diags);
    fuzz::format_all(diags, repo.sources);
    return 0;
}
