# dg_declared_functions(<header> <out-var>)
#
# The names of the functions dg.h declares, in order: every `DG_API <type>
# dg_name(` after comments are stripped. Shared by the export and coverage
# checks; it fails loudly if it finds none, so a parsing slip can never make
# those checks pass vacuously.
function(dg_declared_functions header out_var)
  file(READ "${header}" _text)
  # Drop /* ... */ comments: they quote function names in prose.
  string(REGEX REPLACE "/\\*([^*]|\\*+[^*/])*\\*+/" "" _text "${_text}")
  string(REGEX MATCHALL "DG_API[ \t\r\n]+[a-z_0-9 \t\r\n*]*[ \t\r\n*](dg_[a-z0-9_]+)[ \t\r\n]*\\("
         _decls "${_text}")
  set(_names "")
  foreach(_decl IN LISTS _decls)
    string(REGEX MATCH "(dg_[a-z0-9_]+)[ \t\r\n]*\\($" _ "${_decl}")
    list(APPEND _names "${CMAKE_MATCH_1}")
  endforeach()
  list(LENGTH _names _count)
  if(_count LESS 10)
    message(FATAL_ERROR "found only ${_count} DG_API functions in ${header}: "
                        "the declaration parser is out of date")
  endif()
  list(REMOVE_DUPLICATES _names)
  set(${out_var} "${_names}" PARENT_SCOPE)
endfunction()
