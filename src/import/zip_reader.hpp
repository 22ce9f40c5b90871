// Reading the parts of a ZIP package (DOCX) from memory with libzip, with limits: a part that
// inflates past ReadOptions::max_part_bytes, or parts that together pass max_total_bytes, are
// refused (a ZIP bomb), whatever sizes the archive's directory claims.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace clausebook::import {

class ZipPackage {
public:
    // Opens `bytes`; on failure `error()` says why (not a ZIP, truncated, corrupt).
    ZipPackage(const std::string& bytes, std::size_t max_part, std::size_t max_total);
    ~ZipPackage();
    ZipPackage(const ZipPackage&) = delete;
    ZipPackage& operator=(const ZipPackage&) = delete;

    bool ok() const { return m_error.empty(); }
    const std::string& error() const { return m_error; }
    bool has(const std::string& name) const;
    std::vector<std::string> names() const;
    // The part's bytes; nullopt when absent or refused (then `error()` says why).
    std::optional<std::string> read(const std::string& name);

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
    std::string m_error;
    std::size_t m_max_part;
    std::size_t m_max_total;
    std::size_t m_total = 0;
};

}  // namespace clausebook::import
