#!/usr/bin/env bash
# The main job on the shipped data: builds Dragoman in release mode and looks up a sentence in
# the shipped memory (Memories/), whose store is built from the shipped news items on first
# use; then shows an analysis of a news page against it.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product dragoman
dragoman=.build/release/dragoman
echo "== dragoman lookup --from en --to tr \"Passengers can use their İzmirim Kart on the new tram line.\""
$dragoman lookup --from en --to tr "Passengers can use their İzmirim Kart on the new tram line."
echo "== dragoman concordance --lang tr izmir"
$dragoman concordance --lang tr --max 3 izmir
echo "== dragoman analyze --from en --to de Memories/news/2026-09-07-buca-bornova-tram.en.html"
$dragoman analyze --from en --to de Memories/news/2026-09-07-buca-bornova-tram.en.html | tail -8
