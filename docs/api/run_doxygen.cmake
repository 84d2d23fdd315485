# Runs Doxygen and fails if it wrote any warning (the log is printed).
# Doxygen's own WARN_AS_ERROR stops at the first warning; reading the whole
# log reports them all at once.
#   cmake -DDOXYGEN=... -DDOXYFILE=... -DWARNINGS=... -P run_doxygen.cmake
file(REMOVE "${WARNINGS}")
execute_process(COMMAND "${DOXYGEN}" "${DOXYFILE}"
                RESULT_VARIABLE _result
                OUTPUT_VARIABLE _output ERROR_VARIABLE _output)
if(NOT _result EQUAL 0)
  message(FATAL_ERROR "doxygen failed (${_result}):\n${_output}")
endif()
if(NOT EXISTS "${WARNINGS}")
  message(FATAL_ERROR "doxygen wrote no warning log at ${WARNINGS}")
endif()
file(READ "${WARNINGS}" _warnings)
string(STRIP "${_warnings}" _warnings)
if(NOT _warnings STREQUAL "")
  message(FATAL_ERROR "doxygen warnings (fix the header comments):\n${_warnings}")
endif()
get_filename_component(_dir "${WARNINGS}" DIRECTORY)
message(STATUS "API reference without warnings: ${_dir}/html/index.html")
