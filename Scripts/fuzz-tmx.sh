#!/usr/bin/env bash
# Fuzzes the TMX reader: kept for old habits, the same as `Scripts/fuzz.sh tmx [SECONDS]`.
exec "$(dirname "$0")/fuzz.sh" tmx "$@"
