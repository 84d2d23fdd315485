// util/status_macros.h — early-return helpers for absl::Status.
//
// Abseil 20220623 (Debian 12) ships neither RETURN_IF_ERROR nor
// ASSIGN_OR_RETURN, so dutygraph defines its own, prefixed DG_.
#ifndef DUTYGRAPH_SRC_UTIL_STATUS_MACROS_H_
#define DUTYGRAPH_SRC_UTIL_STATUS_MACROS_H_

#include <utility>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

// DG_RETURN_IF_ERROR(expr): returns the status of `expr` if it is not OK.
#define DG_RETURN_IF_ERROR(expr)                   \
  do {                                             \
    ::absl::Status dg_status_ = (expr);            \
    if (!dg_status_.ok()) return dg_status_;       \
  } while (false)

#define DG_STATUS_MACROS_CONCAT_INNER_(a, b) a##b
#define DG_STATUS_MACROS_CONCAT_(a, b) DG_STATUS_MACROS_CONCAT_INNER_(a, b)

// DG_ASSIGN_OR_RETURN(lhs, expr): evaluates the StatusOr `expr`; returns its
// status if not OK, else moves its value into `lhs` (which may declare a
// variable: DG_ASSIGN_OR_RETURN(Date d, Date::Parse(text));).
#define DG_ASSIGN_OR_RETURN(lhs, expr)                                     \
  DG_ASSIGN_OR_RETURN_IMPL_(                                               \
      DG_STATUS_MACROS_CONCAT_(dg_statusor_, __LINE__), lhs, expr)
#define DG_ASSIGN_OR_RETURN_IMPL_(statusor, lhs, expr) \
  auto statusor = (expr);                              \
  if (!statusor.ok()) return std::move(statusor).status(); \
  lhs = *std::move(statusor)

#endif  // DUTYGRAPH_SRC_UTIL_STATUS_MACROS_H_
