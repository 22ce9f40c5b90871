# Turns a text file into a C++ function returning its contents, so that the built-in page
# template is this repository's templates/page.html, not a second copy that could drift.
file(READ "${INPUT}" CONTENT)
set(DELIM "clausebook_asset")
file(WRITE "${OUTPUT}" "// Generated from ${INPUT}; do not edit.\n#include <string_view>\nnamespace clausebook::write {\nstd::string_view ${NAME}() {\n    static constexpr std::string_view k_text = R\"${DELIM}(${CONTENT})${DELIM}\";\n    return k_text;\n}\n}  // namespace clausebook::write\n")
