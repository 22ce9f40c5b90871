// Test support for the PDF writer's tests (pdf_*_test.cpp): running poppler's and qpdf's
// command-line tools on a file and reading what they print.
#pragma once

#include <array>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

namespace clausebook::test::pdf {

struct Shell {
    int status = 0;
    std::string out;
};

// Runs `command` under `timeout`, standard error with standard output.
inline Shell shell(const std::string& command) {
    Shell r;
    FILE* p = ::popen(("timeout 300 " + command + " 2>&1").c_str(), "r");
    if (!p) return {-1, "popen failed"};
    std::array<char, 8192> buf;
    std::size_t n;
    while ((n = std::fread(buf.data(), 1, buf.size(), p)) > 0) r.out.append(buf.data(), n);
    r.status = ::pclose(p);
    return r;
}

inline std::string quoted(const std::filesystem::path& p) { return "'" + p.string() + "'"; }

// Lower-cased runs of letters and digits: text compared with no regard to layout, punctuation,
// list bullets or how lines were broken.
inline std::vector<std::string> words(std::string s) {
    for (const char* bullet : {"\u2022", "\u25e6", "\u25aa"})
        for (std::size_t at = s.find(bullet); at != std::string::npos; at = s.find(bullet, at)) s.replace(at, 3, " ");
    std::vector<std::string> out;
    std::string w;
    for (unsigned char c : s) {
        if (std::isalnum(c) || c >= 0x80) {
            w += static_cast<char>(std::tolower(c));
        } else if (!w.empty()) {
            out.push_back(w);
            w.clear();
        }
    }
    if (!w.empty()) out.push_back(w);
    return out;
}

// A word of `pdftotext -bbox`, in points from the page's top left.
struct Word {
    int page;
    double x_min, y_min, x_max, y_max;
    std::string text;
};

struct BoxedText {
    double page_width = 0, page_height = 0;
    int pages = 0;
    std::vector<Word> words;
};

inline double attribute(const std::string& s, std::size_t from, const std::string& name) {
    std::size_t at = s.find(name + "=\"", from);
    return at == std::string::npos ? -1 : std::stod(s.substr(at + name.size() + 2));
}

inline BoxedText boxed_text(const std::filesystem::path& pdf) {
    BoxedText t;
    Shell r = shell("pdftotext -bbox " + quoted(pdf) + " -");
    const std::string& s = r.out;
    for (std::size_t at = s.find('<'); at != std::string::npos; at = s.find('<', at + 1)) {
        if (s.compare(at, 6, "<page ") == 0) {
            ++t.pages;
            t.page_width = attribute(s, at, "width");
            t.page_height = attribute(s, at, "height");
        } else if (s.compare(at, 6, "<word ") == 0) {
            std::size_t close = s.find('>', at);
            std::size_t end = s.find("</word>", close);
            t.words.push_back({t.pages, attribute(s, at, "xMin"), attribute(s, at, "yMin"), attribute(s, at, "xMax"), attribute(s, at, "yMax"),
                               s.substr(close + 1, end - close - 1)});
        }
    }
    return t;
}

// A page rendered as 8-bit grey (pdftoppm -gray, PGM): 0 black, 255 white.
struct Grey {
    int width = 0, height = 0;
    std::vector<unsigned char> pixels;
    unsigned char at(int x, int y) const { return pixels[static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x)]; }
};

inline Grey read_pgm(const std::string& bytes) {
    Grey g;
    int maxval = 0, consumed = 0;
    if (std::sscanf(bytes.c_str(), "P5 %d %d %d%n", &g.width, &g.height, &maxval, &consumed) != 3 || maxval != 255) return {};
    std::size_t start = static_cast<std::size_t>(consumed) + 1;
    std::size_t size = static_cast<std::size_t>(g.width) * static_cast<std::size_t>(g.height);
    if (bytes.size() < start + size) return {};
    g.pixels.assign(bytes.begin() + static_cast<long>(start), bytes.begin() + static_cast<long>(start + size));
    return g;
}

}  // namespace clausebook::test::pdf
