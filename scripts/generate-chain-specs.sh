#!/usr/bin/env bash
# Regenerates chain-specs/ from the runtime's genesis presets with the node's
# `chain-spec-builder` subcommand (the same tool as the standalone `chain-spec-builder`):
#
#   chain-specs/commons-development.json   preset `development`,   fast-runtime Wasm (the node's)
#   chain-specs/commons-local-testnet.json preset `local_testnet`, fast-runtime Wasm (the node's)
#   chain-specs/commons-development-raw.json  the same, raw (genesis storage): what chopsticks
#                                             and tools that do not run a runtime read
#   chain-specs/commons-production.json    preset `production`,    Wasm built without fast-runtime
#                                          or sudo: a template with no key (scripts/production-spec)
#
# Run any of them with `commons-node --chain <file>` or a stock `polkadot-omni-node --chain <file>`.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$ROOT/scripts/build-node.sh"
# shellcheck source=setup.sh
. "$ROOT/scripts/setup.sh"
cd "$ROOT"

NODE="$CARGO_TARGET_DIR/release/commons-node"
DEV_WASM="$CARGO_TARGET_DIR/release/wbuild/commons-runtime/commons_runtime.compact.compressed.wasm"
PROPERTIES="tokenSymbol=CMN,tokenDecimals=12,ss58Format=42"

# The production runtime: no `fast-runtime`. Built on its own (runtime only) in a target directory
# of its own, so that it never replaces the node's development Wasm in the shared `wbuild/`.
PROD_TARGET="$CARGO_TARGET_DIR/production-runtime"
CARGO_TARGET_DIR="$PROD_TARGET" cargo build --locked --release -p commons-runtime
PROD_WASM="$PROD_TARGET/release/wbuild/commons-runtime/commons_runtime.compact.compressed.wasm"

spec() { # file name id type relay preset wasm
	"$NODE" chain-spec-builder -c "chain-specs/$1" create \
		-n "$2" -i "$3" -t "$4" --relay-chain "$5" --para-id 2000 \
		-r "$7" --properties "$PROPERTIES" named-preset "$6"
	echo "chain-specs/$1"
}

mkdir -p chain-specs
spec commons-development.json "Commons Development" commons_dev development paseo development "$DEV_WASM"
spec commons-local-testnet.json "Commons Local Testnet" commons_local local rococo-local local_testnet "$DEV_WASM"
spec commons-production.json "Commons" commons live polkadot production "$PROD_WASM"
"$NODE" chain-spec-builder -c chain-specs/commons-development-raw.json convert-to-raw \
	chain-specs/commons-development.json
echo chain-specs/commons-development-raw.json
