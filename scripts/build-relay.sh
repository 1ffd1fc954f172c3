#!/usr/bin/env bash
# Builds the relay-chain binaries a local Commons network needs: `polkadot`,
# `polkadot-prepare-worker` and `polkadot-execute-worker`, from crates.io's `polkadot` 41.0.0 —
# the relay node of polkadot-sdk stable2609, the SDK this workspace uses (its `polkadot-cli` and
# `polkadot-service` are the ones in our Cargo.lock), with the `rococo-native` relay runtime that
# the local relay chain of scripts/zombienet.toml (`rococo-local`) runs. The crate always builds
# `westend-native` as well; that feature is taken out of its manifest here, which saves a second
# relay runtime (native and Wasm, about a quarter of the build) that nothing here runs.
#
# The crate is built with this workspace's Cargo.lock (cargo only adds what the relay node needs
# on top), into the shared $CARGO_TARGET_DIR/release: every dependency compiled with the same
# version and features as for commons-node is reused, only the rest is compiled. The binaries end
# up beside commons-node, where scripts/network.sh and the network test look for them.
#
# Measured on this 2-core machine: see the README (cold / warm).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=setup.sh
. "$ROOT/scripts/setup.sh"

VERSION=41.0.0
# sha256 of polkadot-41.0.0.crate, as crates.io's index records it (`cksum`).
CHECKSUM=c74954190d5695f62e37def2f39bf5a75725afd4d5b19092ac7905701fe9640d
SRC_DIR="$CARGO_TARGET_DIR/relay-src"
CRATE_DIR="$SRC_DIR/polkadot-$VERSION"

if [ ! -f "$CRATE_DIR/Cargo.toml" ]; then
	mkdir -p "$SRC_DIR"
	crate="$SRC_DIR/polkadot-$VERSION.crate"
	curl -sSfL --retry 3 -o "$crate" "https://static.crates.io/crates/polkadot/$VERSION/download"
	echo "$CHECKSUM  $crate" | sha256sum -c --quiet -
	tar -xzf "$crate" -C "$SRC_DIR"
	rm "$crate"
	sed -i '/^    "westend-native",$/d' "$CRATE_DIR/Cargo.toml"
	if grep -q '"westend-native"' "$CRATE_DIR/Cargo.toml" || ! grep -q '"rococo-native"' "$CRATE_DIR/Cargo.toml"; then
		echo "polkadot $VERSION's manifest is not as expected (rococo-native, westend-native)" >&2
		rm -rf "$CRATE_DIR"
		exit 1
	fi
fi

# The workspace's lock as the starting point: cargo keeps every version it pins and adds the relay
# node's own packages. Seeded again only when the workspace's lock changed: copying it on every run
# would undo cargo's additions, and the lock's change would rebuild the relay runtime's Wasm.
if [ ! -f "$CRATE_DIR/Cargo.lock" ] || ! cmp -s "$ROOT/Cargo.lock" "$SRC_DIR/seeded-from.lock"; then
	cp "$ROOT/Cargo.lock" "$CRATE_DIR/Cargo.lock"
	cp "$ROOT/Cargo.lock" "$SRC_DIR/seeded-from.lock"
fi
cd "$CRATE_DIR"
# The relay runtimes' Wasm builds take their lock from here (the target directory is outside it).
export WASM_BUILD_WORKSPACE_HINT="$CRATE_DIR"
start=$SECONDS
# The toolchain rust-toolchain.toml pins (this directory is outside the workspace).
cargo "+$(sed -n 's/^channel *= *"\(.*\)"/\1/p' "$ROOT/rust-toolchain.toml")" build --release --bins
echo "relay binaries built in $((SECONDS - start)) s:"
ls -l "$CARGO_TARGET_DIR"/release/polkadot{,-prepare-worker,-execute-worker}
