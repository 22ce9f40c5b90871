// import --section: only the part of a document under one heading is the policy (the social media
// section of an online safety policy). docs/import.md, "A policy inside another document".
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "import/blocks.hpp"

namespace clausebook::import {

// The headings a person could name with --section: kept (not furniture or contents) and not a
// title-page line of facts (`cover`), in order.
std::vector<std::size_t> section_headings(const std::vector<Block>& blocks, const std::vector<std::size_t>& cover = {});
// The section headed `wanted`: its heading's index and the end of what it heads. The heading is
// the first whose words are the wanted ones, else the first holding them in a row. The section
// runs to the next heading that is not below it: by number where the heading has one ("5" or
// "5." heads "5.1", "5.2.3"; "6" ends it), else by level (the next heading of its level or
// above).
std::optional<std::pair<std::size_t, std::size_t>> find_section(const std::vector<Block>& blocks, const std::string& wanted);
// Marks every kept block outside `section` (a find_section result) dropped; returns how many
// blocks after its heading are still kept.
std::size_t drop_outside(std::vector<Block>& blocks, std::pair<std::size_t, std::size_t> section);
// The hint a refusal adds when a heading of the document names the policy's subject.
std::string section_hint(const std::vector<Block>& blocks, const std::string& outline_title);

}  // namespace clausebook::import
