#!/usr/bin/env bash
# Gradescope runs this once, as root, when it builds the autograder's image;
# the zip is unpacked in /autograder/source.  It installs a C compiler, make
# and python3 (when missing) and builds the kit, so that each submission
# only compiles the student's code.
set -eu
SRC="${AUTOGRADER_ROOT:-/autograder}/source"
if ! command -v cc >/dev/null || ! command -v make >/dev/null || ! command -v python3 >/dev/null; then
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
        build-essential python3 util-linux
fi
make --no-print-directory -C "$SRC" kit
chmod -R a+rX "$SRC"
