# Writes a C++ source defining dutygraph::internal::kBuiltinCalendarText from a
# UTF-8 text file. Usage: cmake -DINPUT=file.txt -DOUTPUT=out.cc -P embed_text.cmake
file(READ "${INPUT}" _text)
if(_text MATCHES "\\)dgtext\"")
  message(FATAL_ERROR "${INPUT} contains the raw-string delimiter )dgtext\"")
endif()
get_filename_component(_name "${INPUT}" NAME)
file(WRITE "${OUTPUT}.tmp"
"// Generated from data/calendar/${_name} by cmake/embed_text.cmake. Do not edit.
#include <string_view>
namespace dutygraph::internal {
extern const std::string_view kBuiltinCalendarName;
extern const std::string_view kBuiltinCalendarText;
const std::string_view kBuiltinCalendarName = \"${_name}\";
const std::string_view kBuiltinCalendarText = R\"dgtext(${_text})dgtext\";
}  // namespace dutygraph::internal
")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
