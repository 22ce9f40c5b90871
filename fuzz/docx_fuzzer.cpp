// libFuzzer target: the import reader for one .docx package (src/import/), then fact extraction over the
// blocks it reads, every diagnostic formatted.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_support.hpp"
#include "import/blocks.hpp"
#include "import/facts.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string bytes(reinterpret_cast<const char*>(data), size);
    clausebook::util::Diagnostics diags;
    clausebook::import::ReadOptions o;
    o.changes = clausebook::import::Changes::accept;
    o.max_part_bytes = 8u << 20;
    o.max_total_bytes = 16u << 20;
    auto doc = clausebook::import::read_docx(bytes, "fuzz.docx", o, diags);
    if (!diags.has_errors()) clausebook::import::extract_facts(doc.blocks);
    clausebook::fuzz::format_all(diags, clausebook::util::SourceFiles{});
    return 0;
}
