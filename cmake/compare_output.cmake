# Runs PROGRAM (with the |-separated ARGS, if given: a ';' would not survive
# the test's command line) and compares its stdout with the file EXPECTED.
# ENV: |-separated NAME=VALUE settings for PROGRAM alone, not for this
# script's cmake (a sanitizer runtime preloaded into cmake itself can hang it).
# Usage: cmake -DPROGRAM=... [-DARGS=a|b] [-DENV=A=1|B=2] -DEXPECTED=...
#          -P compare_output.cmake
string(REPLACE "|" ";" ARGS "${ARGS}")
string(REPLACE "|" ";" ENV "${ENV}")
set(launcher)
if(ENV)
  set(launcher "${CMAKE_COMMAND}" -E env ${ENV})
endif()
execute_process(COMMAND ${launcher} "${PROGRAM}" ${ARGS} OUTPUT_VARIABLE actual RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${PROGRAM} exited with ${rc}")
endif()
file(READ "${EXPECTED}" expected)
if(NOT actual STREQUAL expected)
  message(FATAL_ERROR "output of ${PROGRAM} differs from ${EXPECTED}:\n--- actual ---\n${actual}\n--- expected ---\n${expected}")
endif()
