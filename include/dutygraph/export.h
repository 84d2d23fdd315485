// dutygraph/export.h — symbol visibility for the C++ library.
//
// The C++ library `dutygraph::dutygraph` is built static (its ABI is not a
// contract; the C API in dutygraph/dg.h is), so DUTYGRAPH_EXPORT is empty
// unless a shared C++ build defines DUTYGRAPH_SHARED_BUILD.
#ifndef DUTYGRAPH_EXPORT_H_
#define DUTYGRAPH_EXPORT_H_

#if defined(DUTYGRAPH_SHARED_BUILD)
#define DUTYGRAPH_EXPORT __attribute__((visibility("default")))
#else
#define DUTYGRAPH_EXPORT
#endif

#endif  // DUTYGRAPH_EXPORT_H_
