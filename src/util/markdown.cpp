#include "util/markdown.hpp"

#include <cctype>
#include <cstdlib>
#include <mutex>

#include <cmark-gfm-core-extensions.h>

namespace clausebook::util {

namespace {

constexpr const char* k_extensions[] = {"table", "strikethrough", "autolink"};

void ensure_registered() {
    static std::once_flag once;
    std::call_once(once, [] { cmark_gfm_core_extensions_ensure_registered(); });
}

struct ParserDeleter {
    void operator()(cmark_parser* p) const { cmark_parser_free(p); }
};

}  // namespace

MarkdownTree parse_markdown(std::string_view text) {
    ensure_registered();
    std::unique_ptr<cmark_parser, ParserDeleter> parser(cmark_parser_new(CMARK_OPT_DEFAULT));
    for (const char* name : k_extensions)
        if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name)) cmark_parser_attach_syntax_extension(parser.get(), ext);
    cmark_parser_feed(parser.get(), text.data(), text.size());
    return MarkdownTree(cmark_parser_finish(parser.get()));
}

std::string_view node_type_name(cmark_node* n) { return cmark_node_get_type_string(n); }

std::string render_commonmark(cmark_node* root) {
    ensure_registered();
    cmark_llist* exts = nullptr;
    cmark_mem* mem = cmark_get_default_mem_allocator();
    for (const char* name : k_extensions)
        if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name)) exts = cmark_llist_append(mem, exts, ext);
    char* s = cmark_render_commonmark_with_mem(root, CMARK_OPT_DEFAULT, 0, mem);
    std::string out = s ? s : "";
    mem->free(s);
    cmark_llist_free(mem, exts);
    return out;
}

bool is_safe_url(std::string_view url) {
    std::string lower;
    for (char c : url.substr(0, 16)) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return lower.rfind("http://", 0) == 0 || lower.rfind("https://", 0) == 0 || lower.rfind("mailto:", 0) == 0 || (!url.empty() && url[0] == '#');
}

}  // namespace clausebook::util
