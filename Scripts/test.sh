#!/usr/bin/env bash
# Builds Dragoman, checks its formatting and runs every test suite. This is the README's test
# command and what CI runs after installing the system packages.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -d ../shared/data ] && [ -z "${DRAGOMAN_SHARED:-}" ]; then
    echo "test.sh: the shared test data is missing: expected ../shared beside the project," \
        "or set DRAGOMAN_SHARED" >&2
    exit 2
fi

echo "== lint (swift format, .swift-format)"
swift format lint --strict --recursive Sources Tests Package.swift

echo "== build"
swift build --build-tests

echo "== tests"
swift test --skip-build 2>&1 | tee .build/test-output.txt
# swift test prints the results of XCTest and Swift Testing; fail if either reported a failure.
if grep -qE "^✘ Test run|with [1-9][0-9]* failures? \(" .build/test-output.txt; then
    echo "test.sh: tests failed" >&2
    exit 1
fi
