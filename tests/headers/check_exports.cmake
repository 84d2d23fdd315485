cmake_minimum_required(VERSION 3.25)
# Asserts the dynamic symbol table of libdutygraph_c: it defines dg_* symbols
# only, and exactly the functions dg.h declares — no private helper and no
# Abseil/Boost/libstdc++ symbol leaks (google/sentencepiece#944), and no
# declared function is missing (facebook/rocksdb#680).
#
# Usage: cmake -DNM=<nm> -DLIBRARY=<libdutygraph_c.so> -DHEADER=<dg.h>
#              -P check_exports.cmake
foreach(_var NM LIBRARY HEADER)
  if(NOT ${_var})
    message(FATAL_ERROR "check_exports.cmake: -D${_var}=... is required")
  endif()
endforeach()
include("${CMAKE_CURRENT_LIST_DIR}/dg_functions.cmake")
dg_declared_functions("${HEADER}" _declared)

execute_process(
  COMMAND "${NM}" -D --defined-only "${LIBRARY}"
  OUTPUT_VARIABLE _nm_output
  ERROR_VARIABLE _nm_error
  RESULT_VARIABLE _nm_result)
if(NOT _nm_result EQUAL 0)
  message(FATAL_ERROR "${NM} -D --defined-only ${LIBRARY} failed: ${_nm_error}")
endif()

string(REPLACE "\n" ";" _lines "${_nm_output}")
set(_exported "")
set(_foreign "")
foreach(_line IN LISTS _lines)
  # "<address> <type> <name>[@@VERSION]"
  if(NOT _line MATCHES "^[0-9a-fA-F]* *([A-Za-z]) ([^@ ]+)")
    continue()
  endif()
  set(_type "${CMAKE_MATCH_1}")
  set(_name "${CMAKE_MATCH_2}")
  if(_type STREQUAL "A")
    continue()  # a version node name, not code or data
  endif()
  if(_name MATCHES "^dg_")
    list(APPEND _exported "${_name}")
  else()
    list(APPEND _foreign "${_name}")
  endif()
endforeach()

set(_errors "")
if(_foreign)
  list(LENGTH _foreign _n)
  list(SUBLIST _foreign 0 20 _some)
  string(APPEND _errors "${_n} exported symbols are not dg_*: ${_some}\n")
endif()
foreach(_name IN LISTS _declared)
  if(NOT _name IN_LIST _exported)
    string(APPEND _errors "declared in dg.h but not exported: ${_name}\n")
  endif()
endforeach()
foreach(_name IN LISTS _exported)
  if(NOT _name IN_LIST _declared)
    string(APPEND _errors "exported but not declared in dg.h: ${_name}\n")
  endif()
endforeach()
if(_errors)
  message(FATAL_ERROR "${LIBRARY}:\n${_errors}")
endif()
list(LENGTH _exported _n)
message(STATUS "${_n} symbols exported, all dg_*, matching dg.h")
