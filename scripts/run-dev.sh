#!/usr/bin/env bash
# Sets up the machine, builds the node, and starts a development chain of Commons.
#
#   scripts/run-dev.sh                       # a block every 3 s, RPC on ws://127.0.0.1:9944
#   scripts/run-dev.sh --dev-block-time 1000 # any other commons-node flag is passed through
#   scripts/run-dev.sh --instant-seal        # a block per transaction (never finalizes)
#
# The chain lives in a temporary directory and is gone when the node stops; pass
# `--base-path <dir>` to keep it across restarts.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$ROOT/scripts/build-node.sh"
# shellcheck source=setup.sh
. "$ROOT/scripts/setup.sh"
exec "$CARGO_TARGET_DIR/release/commons-node" --dev --rpc-port 9944 "$@"
