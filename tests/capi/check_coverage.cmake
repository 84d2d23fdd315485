cmake_minimum_required(VERSION 3.25)
# Asserts that the pure-C test calls every function dg.h declares, so a new
# C API function cannot land without a C test.
#
# Usage: cmake -DHEADER=<dg.h> -DSOURCES=<a.c;b.c> -P check_coverage.cmake
include("${CMAKE_CURRENT_LIST_DIR}/../headers/dg_functions.cmake")
dg_declared_functions("${HEADER}" _declared)
set(_text "")
foreach(_source IN LISTS SOURCES)
  file(READ "${_source}" _one)
  string(APPEND _text "${_one}")
endforeach()
set(_missing "")
foreach(_name IN LISTS _declared)
  if(NOT _text MATCHES "${_name}\\(")
    list(APPEND _missing "${_name}")
  endif()
endforeach()
if(_missing)
  message(FATAL_ERROR "dg.h functions never called by ${SOURCES}: ${_missing}")
endif()
list(LENGTH _declared _n)
message(STATUS "all ${_n} dg.h functions are called by the C tests")
