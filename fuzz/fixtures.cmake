# Fixture paths the fuzz harnesses read (fuzz/*_fuzzer.cc), shared by the
# libFuzzer build (fuzz/CMakeLists.txt) and the corpus replay tests
# (tests/fuzz/CMakeLists.txt).
set(DG_FUZZ_FIXTURE_DEFINITIONS
  "DG_FUZZ_SMALL_PLAN_JSON=\"${PROJECT_SOURCE_DIR}/tests/data/small_plan.json\""
  "DG_FUZZ_OVERLAY_TXT=\"${PROJECT_SOURCE_DIR}/fuzz/corpus/calendar_text/local_overlay.txt\"")
