#!/usr/bin/env bash
# The main job on the shipped data: builds Dragoman in release mode and segments the shipped
# sample news item in Turkish, English and German.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product dragoman
for lang in tr en de; do
    file="Memories/news/2026-10-14-izmir-bergkamen.$lang.txt"
    echo "== $file"
    .build/release/dragoman segment --lang "$lang" "$file"
done
