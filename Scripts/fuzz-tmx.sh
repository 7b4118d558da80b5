#!/usr/bin/env bash
# Fuzzes the TMX reader (and the writer on what it reads) with libFuzzer and AddressSanitizer
# for a fixed time, starting from the shared TMX samples and a few broken files.
#   Scripts/fuzz-tmx.sh [SECONDS]      (default 60)
# Exit 0 when no crash was found; libFuzzer's status and its crash-* file otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
shared="${DRAGOMAN_SHARED:-../shared}"
work=".build-fuzz"
mkdir -p "$work/corpus"

cp "$shared"/data/formats/samples/*.tmx "$work/corpus/"
printf '<tmx version="1.4"><header/><body><tu><tuv xml:lang="en"><seg>a</seg></tuv></tu>' \
    > "$work/corpus/truncated.tmx"
printf '<!DOCTYPE tmx [<!ENTITY a "x">]><tmx>&a;</tmx>' > "$work/corpus/entity.tmx"

sources=(Sources/DragomanKit/Formats/TMX/*.swift Sources/DragomanKit/Memory/TranslationUnit.swift
    Sources/DragomanKit/Text/Language.swift Scripts/fuzz/FuzzTMX.swift)
echo "== compiling the fuzzer (swiftc -sanitize=fuzzer,address)"
swiftc -sanitize=fuzzer,address -parse-as-library -O -g -module-name DragomanKit \
    -enable-upcoming-feature InternalImportsByDefault \
    -enable-upcoming-feature MemberImportVisibility \
    -I Sources/CLibXML2 -Xcc -I/usr/include/libxml2 -lxml2 \
    "${sources[@]}" -o "$work/fuzz-tmx"

echo "== fuzzing for $seconds s"
"$work/fuzz-tmx" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="$work/" -print_final_stats=1 "$work/corpus"
