// util/sha256.h — SHA-256 (FIPS 180-4), for content digests.
//
// The store records a digest of each plan version so that two versions can be
// compared, and a copy checked, without reading the text. A few dozen lines
// here spare the library a cryptography dependency for a non-secret use.
//
// Thread safety: pure functions.
#ifndef DUTYGRAPH_SRC_UTIL_SHA256_H_
#define DUTYGRAPH_SRC_UTIL_SHA256_H_

#include <string>
#include <string_view>

namespace dutygraph::internal {

// Sha256Hex(): the digest of `data` as 64 lowercase hexadecimal digits.
//   Sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223"
//                       "b00361a396177a9cb410ff61f20015ad"
std::string Sha256Hex(std::string_view data);

}  // namespace dutygraph::internal

#endif  // DUTYGRAPH_SRC_UTIL_SHA256_H_
