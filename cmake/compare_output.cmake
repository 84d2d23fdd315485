# Runs PROGRAM (with the |-separated ARGS, if given: a ';' would not survive
# the test's command line) and compares its stdout with the file EXPECTED.
# Usage: cmake -DPROGRAM=... [-DARGS=a|b] -DEXPECTED=... -P compare_output.cmake
string(REPLACE "|" ";" ARGS "${ARGS}")
execute_process(COMMAND "${PROGRAM}" ${ARGS} OUTPUT_VARIABLE actual RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${PROGRAM} exited with ${rc}")
endif()
file(READ "${EXPECTED}" expected)
if(NOT actual STREQUAL expected)
  message(FATAL_ERROR "output of ${PROGRAM} differs from ${EXPECTED}:\n--- actual ---\n${actual}\n--- expected ---\n${expected}")
endif()
