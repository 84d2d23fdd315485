# critical_path_test: dependency scheduling (dutygraph/critical_path.h) and
# its DAG layer (src/graph/dag.h). Included from tests/schedule/CMakeLists.txt.
add_executable(critical_path_test
  "${CMAKE_CURRENT_LIST_DIR}/critical_path_test.cc")
target_link_libraries(critical_path_test PRIVATE dutygraph::dutygraph
  GTest::gtest_main GTest::gmock dg_warnings)
target_include_directories(critical_path_test PRIVATE
  "${dutygraph_SOURCE_DIR}/src")
gtest_discover_tests(critical_path_test DISCOVERY_TIMEOUT 60)
