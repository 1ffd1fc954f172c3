#!/usr/bin/env bash
# Starts a local Commons network: a rococo-local relay chain with two validators and the Commons
# local testnet (para id 2000) with two collators, as scripts/zombienet.toml describes (ports in
# its header), with zombienet's native provider (npm `@zombienet/cli`, installed by setup.sh).
# Runs until Ctrl-C; the nodes' logs and data are in DIR (default: a new temporary directory).
#
#   scripts/network.sh [DIR]
#
# Needs the relay binaries (scripts/build-relay.sh) and commons-node (built here if missing).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=setup.sh
. "$ROOT/scripts/setup.sh"
cd "$ROOT"
BIN="$CARGO_TARGET_DIR/release"
for b in polkadot polkadot-prepare-worker polkadot-execute-worker; do
	if [ ! -x "$BIN/$b" ]; then
		echo "$BIN/$b is missing: build the relay binaries with scripts/build-relay.sh" >&2
		exit 1
	fi
done
[ -x "$BIN/commons-node" ] || "$ROOT/scripts/build-node.sh"
DIR="${1:-$(mktemp -d -t commons-network-XXXXXX)}"
echo "network files and logs: $DIR" >&2
PATH="$BIN:$PATH" exec "$ROOT/e2e/node_modules/.bin/zombienet" spawn scripts/zombienet.toml \
	--provider native --dir "$DIR" --force --logType text
