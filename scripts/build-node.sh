#!/usr/bin/env bash
# Builds `commons-node` (and, inside it, the runtime Wasm) in one cargo invocation, and reports
# the compressed Wasm's size. Output: $CARGO_TARGET_DIR/release/commons-node
#
# It builds the whole workspace (`--workspace`), not only the node: the workspace's own crates are
# then compiled with the feature set that `cargo clippy --workspace` and `cargo test --workspace`
# resolve (each member with its `default` feature), so that no stage of scripts/test.sh, nor
# scripts/run-dev.sh after it, rebuilds the runtime and the node. (`-p commons-node` alone
# resolves the runtime and pallets without `default`, and every later workspace command rebuilt
# them: 3.5 minutes each time.)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=setup.sh
. "$ROOT/scripts/setup.sh"
cd "$ROOT"

cargo build --locked --release --workspace
wasm="$CARGO_TARGET_DIR/release/wbuild/commons-runtime/commons_runtime.compact.compressed.wasm"
size=$(stat -c %s "$wasm")
printf 'runtime Wasm (compact, compressed): %s bytes (%s KiB); the limit is 2048 KiB\n' "$size" "$((size / 1024))"
if [ "$size" -gt $((2 * 1024 * 1024)) ]; then
	echo "error: the runtime Wasm is over 2 MiB: relay chains (and --dev) refuse it as an upgrade" >&2
	exit 1
fi
