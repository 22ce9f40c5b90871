// The trust's own styling, as load reads it from the repository: the HTML page template and
// stylesheet, the DOCX styles, and the font files clausebook.yaml names. Absent files are
// empty here, and the writers then use their built-in ones (write/html_page.hpp,
// write/docx/styles_part.hpp); the build checks what each holds before any writer uses it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/repository.hpp"

namespace clausebook::model {

inline constexpr const char* k_page_template_path = "templates/page.html";
inline constexpr const char* k_page_css_path = "templates/page.css";
inline constexpr const char* k_docx_styles_path = "templates/docx/styles.xml";

struct PageAssets {
    std::optional<std::string> page_template;  // templates/page.html
    std::optional<std::string> page_css;  // templates/page.css
    std::optional<std::string> docx_styles;  // templates/docx/styles.xml
    // clausebook.yaml `font:` files that are readable files inside the repository: the setting
    // as written, and the file's absolute path (for fontconfig, which reads it again).
    struct FontFile {
        Located<std::string> setting;
        std::string path;
    };
    std::vector<FontFile> font_files;
    bool all_fonts_read = true;  // false when a named font file is missing or unreadable (an error said so)
};

}  // namespace clausebook::model
