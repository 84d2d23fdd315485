#!/bin/sh
# Seeds for import_fuzzer: the seed document cut into chunks of 40 lines
# (each a plausible fragment with its OCR noise) and the importer's test
# fixtures. Usage: fuzz/make_import_corpus.sh SEED.txt OUTDIR
set -eu
seed=$1
out=$2
here=$(dirname "$0")
mkdir -p "$out"
split -l 40 -d -a 3 "$seed" "$out/seed_chunk_"
cp "$seed" "$out/seed_whole.txt"
for f in "$here"/../tests/import/fixtures/*.txt; do
  cp "$f" "$out/fixture_$(basename "$f")"
done
