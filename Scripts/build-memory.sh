#!/usr/bin/env bash
# Rebuilds the shipped memory, Memories/dragoman.tmx, from the news items in Memories/news:
# each item is aligned in all its languages, and the memory is exported as multilingual TMX.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product dragoman
dragoman=.build/release/dragoman
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for english in Memories/news/*.en.txt; do
    item=${english%.en.txt}
    args=()
    for lang in en tr de; do
        [ -f "$item.$lang.txt" ] && args+=(--lang "$lang" "$item.$lang.txt")
    done
    $dragoman align "${args[@]}" --into "$work/memory.sqlite" > /dev/null
done
$dragoman export --memory "$work/memory.sqlite" --format tmx -o Memories/dragoman.tmx
echo "wrote Memories/dragoman.tmx"
