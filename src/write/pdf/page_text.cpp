#include "write/pdf/page_text.hpp"

#include "util/date.hpp"

namespace clausebook::write::pdf {

PageText page_text(const model::Metadata& meta, int page, int pages) {
    PageText t;
    if (meta.draft()) t.banner = model::status_line(meta);
    if (page > 1) {
        t.header_left = meta.school_name;
        t.header_right = meta.title;
    }
    t.footer_left = "Next review: " + (meta.next_review ? util::to_long(*meta.next_review) : std::string("not set"));
    t.footer_right = "Page " + std::to_string(page) + " of " + std::to_string(pages);
    return t;
}

}  // namespace clausebook::write::pdf
