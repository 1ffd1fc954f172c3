#!/usr/bin/env bash
# Builds the runtime a community puts on chain, reproducibly, and writes its release manifest.
#
#   scripts/release.sh [--once] [--out DIR]
#
# The on-chain release: the deployed runtime (no `fast-runtime`, no `sudo`) with `metadata-hash`
# (so that Ledger and Polkadot Vault can sign, `CheckMetadataHash` mode 1), in the Wasm builder's
# `production` profile (fat LTO, one codegen unit), with the toolchain rust-toolchain.toml pins.
#
# It is built twice, from two copies of the source in two directories into two target
# directories, and the two Wasm blobs must be byte for byte equal: what a voter rebuilds from the
# tagged source is what the referendum enacts. Each copy is built as seen at one fixed path (see
# LINK below), and the paths of the sources, of the cargo registry and of the toolchain are
# remapped in the Wasm, so that the blob does not depend on where it was built.
# `--once` builds only the first copy (scripts/test.sh: the end-to-end test signs on it).
#
# Writes to DIR (default `release/`, not versioned):
#   commons_runtime-v<spec_version>.compact.compressed.wasm   what `authorize_upgrade` authorizes
#   manifest.json   spec name/version, transaction version, size, blake2-256 code hash (the hash
#                   a referendum passes to `system.authorizeUpgrade`), metadata hash, toolchain,
#                   source commit, and both builds' hashes.
#
# The copies and targets live in $CARGO_TARGET_DIR/release-{a,b}: about 15 minutes each cold on
# 2 cores, seconds when nothing changed.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=setup.sh
. "$ROOT/scripts/setup.sh"
cd "$ROOT"

OUT="$ROOT/release"
BUILDS=(a b)
while [ $# -gt 0 ]; do
	case "$1" in
	--once) BUILDS=(a) ;;
	--out)
		OUT="$(mkdir -p "$2" && cd "$2" && pwd)"
		shift
		;;
	*)
		echo "usage: scripts/release.sh [--once] [--out DIR]" >&2
		exit 2
		;;
	esac
	shift
done

FEATURES=metadata-hash
PROFILE=production
CARGO_REGISTRY_SRC="${CARGO_HOME:-$HOME/.cargo}/registry/src"
CHANNEL="$(sed -n 's/^channel *= *"\(.*\)"/\1/p' rust-toolchain.toml)"
SYSROOT="$(rustc --print sysroot)"

# The source as it is in this checkout (tracked and new files, not ignored ones). Only files whose
# content differs are copied (with their modification time), so an unchanged source rebuilds
# nothing; files gone from the checkout are removed.
sync_source() {
	local dest="$1" list
	list="$(mktemp)"
	git ls-files -z --cached --others --exclude-standard >"$list"
	mkdir -p "$dest"
	while IFS= read -r -d '' f; do
		[ -f "$f" ] || continue
		if ! cmp -s "$f" "$dest/$f"; then
			mkdir -p "$dest/$(dirname "$f")"
			cp -p "$f" "$dest/$f"
		fi
	done <"$list"
	(cd "$dest" && find . -type f -printf '%P\0') | while IFS= read -r -d '' f; do
		grep -qzxF -- "$f" "$list" || rm -f "$dest/$f"
	done
	rm -f "$list"
}

# Both copies are built as seen at one path, LINK (a symbolic link to the copy being built), as
# srtool mounts any source at /build: cargo's crate hashes (symbol names, and so the code's
# layout) include the absolute path of a path dependency outside the Wasm builder's project,
# which the runtime and pallets are. Everything else differs: the copies, the target directories.
LINK="$CARGO_TARGET_DIR/release-src"
WASMS=()
for b in "${BUILDS[@]}"; do
	dir="$CARGO_TARGET_DIR/release-$b"
	src="$dir/src"
	printf '\033[1;34m[release]\033[0m build %s: source %s (as %s), target %s\n' "$b" "$src" "$LINK" "$dir/target" >&2
	sync_source "$src"
	ln -sfn "$src" "$LINK"
	# `cargo check` runs the runtime's build script, which builds the Wasm in full; the native
	# crates are only checked.
	(cd "$LINK" && env \
		CARGO_TARGET_DIR="$dir/target" \
		WASM_BUILD_WORKSPACE_HINT="$LINK" \
		WASM_BUILD_TYPE="$PROFILE" \
		WASM_BUILD_RUSTFLAGS="--remap-path-prefix=$LINK=/commons --remap-path-prefix=$CARGO_REGISTRY_SRC=/cargo/registry/src --remap-path-prefix=$SYSROOT=/rust/$CHANNEL" \
		cargo "+$CHANNEL" check --locked --release --manifest-path "$LINK/Cargo.toml" -p commons-runtime --features "$FEATURES")
	WASMS+=("$dir/target/release/wbuild/commons-runtime/commons_runtime.compact.compressed.wasm")
done

node "$ROOT/e2e/tools/release-manifest.js" \
	--out "$OUT" --profile "$PROFILE" --features "$FEATURES" --toolchain "$CHANNEL" \
	--commit "$(git rev-parse HEAD)" --dirty "$(git status --porcelain | grep -q . && echo true || echo false)" \
	"${WASMS[@]}"
