# Runs PROGRAM and compares its stdout with the file EXPECTED.
# Usage: cmake -DPROGRAM=... -DEXPECTED=... -P compare_output.cmake
execute_process(COMMAND "${PROGRAM}" OUTPUT_VARIABLE actual RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${PROGRAM} exited with ${rc}")
endif()
file(READ "${EXPECTED}" expected)
if(NOT actual STREQUAL expected)
  message(FATAL_ERROR "output of ${PROGRAM} differs from ${EXPECTED}:\n--- actual ---\n${actual}\n--- expected ---\n${expected}")
endif()
