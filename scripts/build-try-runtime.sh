#!/usr/bin/env bash
# Builds the runtime Wasm blobs the end-to-end tests check upgrades with (e2e/lib/try-runtime.js),
# with the `try-runtime` feature, in a target directory of their own ($CARGO_TARGET_DIR/try-runtime):
#
#   commons_runtime_upgrade        the upgrade the tests enact by referendum (`test-upgrade`)
#   commons_runtime_broken_upgrade the same with a migration that breaks an invariant on purpose
#                                  (`test-broken-upgrade`): its check must fail
#
# `cargo check` runs the runtime's build script, which builds the Wasm blobs in full, while the
# native crates are only checked: the try-runtime feature set is compiled once, for Wasm.
# About 20 minutes cold on 2 cores; seconds when nothing changed.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=setup.sh
. "$ROOT/scripts/setup.sh"
cd "$ROOT"
CARGO_TARGET_DIR="$CARGO_TARGET_DIR/try-runtime" cargo check --locked --release -p commons-runtime \
	--features try-runtime,fast-runtime,sudo
ls -l "$CARGO_TARGET_DIR"/try-runtime/release/wbuild/commons-runtime/commons_runtime_{upgrade,broken_upgrade}.compact.compressed.wasm
