#!/usr/bin/env bash
# Builds the second runtime Wasm for the end-to-end upgrade test: the same runtime with the
# `test-upgrade` feature, which raises `spec_version` by one (and `fast-runtime`, like the node's).
#
# It is built in cargo's dev profile, whose dependencies the unit tests already compiled; the
# Wasm itself is always optimised (the Wasm builder uses its release profile). Output:
#   $CARGO_TARGET_DIR/e2e/commons_runtime_upgrade.compact.compressed.wasm
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=setup.sh
. "$ROOT/scripts/setup.sh"
cd "$ROOT"

cargo build --locked -p commons-runtime --features fast-runtime,test-upgrade
out="$CARGO_TARGET_DIR/e2e"
mkdir -p "$out"
cp "$CARGO_TARGET_DIR/debug/wbuild/commons-runtime/commons_runtime.compact.compressed.wasm" \
	"$out/commons_runtime_upgrade.compact.compressed.wasm"
echo "$out/commons_runtime_upgrade.compact.compressed.wasm"
