#!/usr/bin/env bash
# The main job on the shipped data: builds Dragoman in release mode and looks up a sentence in
# the shipped memory (Memories/), whose store is built from the shipped news items on first
# use; then shows an analysis of a news page against it, and the checks on a Turkish
# translation with two slips put in (a date and a dotless I).
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
echo "== dragoman check --from en --to tr (the Bergkamen item, its Turkish with a wrong date and Izmir without its dot)"
slips=$(mktemp -d)
trap 'rm -rf "$slips"' EXIT
sed 's/14 Ekim/15 Ekim/; s/İzmir Körfezi/Izmir Körfezi/' \
    Memories/news/2026-10-14-izmir-bergkamen.tr.txt > "$slips/izmir-bergkamen.tr.txt"
# Exit status 1 means the check found errors, which is what this example shows.
$dragoman check --from en --to tr Memories/news/2026-10-14-izmir-bergkamen.en.txt \
    "$slips/izmir-bergkamen.tr.txt" || [ $? -eq 1 ]
