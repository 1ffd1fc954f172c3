#!/usr/bin/env bash
# Installs what a fresh machine lacks to build, run and test Commons. Idempotent: every step
# checks first, so running it again costs a few seconds. Sourced by the other scripts.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# Build artefacts live outside the clone, so a fresh clone (CI) reuses what was built before.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/commons/target}"
mkdir -p "$CARGO_TARGET_DIR"

log() { printf '\033[1;34m[setup]\033[0m %s\n' "$*" >&2; }

# System packages: protoc (litep2p), clang/libclang (RocksDB bindings), pkg-config, curl.
missing=()
command -v protoc >/dev/null 2>&1 || missing+=(protobuf-compiler)
command -v clang >/dev/null 2>&1 || missing+=(clang)
compgen -G "/usr/lib/llvm-*/lib/libclang.so" >/dev/null || compgen -G "/usr/lib/llvm-*/lib/libclang-*.so" >/dev/null || missing+=(libclang-dev)
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
command -v curl >/dev/null 2>&1 || missing+=(curl)
command -v node >/dev/null 2>&1 || missing+=(nodejs npm)
if [ "${#missing[@]}" -gt 0 ]; then
	log "installing system packages: ${missing[*]}"
	SUDO=""
	[ "$(id -u)" -eq 0 ] || SUDO="sudo"
	$SUDO apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# Rust: the toolchain pinned in rust-toolchain.toml, with the Wasm target and components it lists.
if ! command -v rustup >/dev/null 2>&1; then
	log "installing rustup"
	curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --default-toolchain none
	# shellcheck disable=SC1091
	. "$HOME/.cargo/env"
fi
channel="$(sed -n 's/^channel *= *"\(.*\)"/\1/p' "$ROOT/rust-toolchain.toml")"
if ! rustup toolchain list | grep -q "^$channel"; then
	log "installing Rust $channel"
	rustup toolchain install "$channel" --profile minimal
fi
installed_targets="$(rustup target list --installed --toolchain "$channel")"
echo "$installed_targets" | grep -qx wasm32v1-none || rustup target add --toolchain "$channel" wasm32v1-none
installed_components="$(rustup component list --installed --toolchain "$channel")"
for c in rust-src clippy rustfmt; do
	echo "$installed_components" | grep -q "^$c" || rustup component add --toolchain "$channel" "$c"
done

# Node.js packages for the end-to-end tests, from the committed package-lock.json.
if [ -f "$ROOT/e2e/package-lock.json" ]; then
	if [ ! -d "$ROOT/e2e/node_modules" ] || [ "$ROOT/e2e/package-lock.json" -nt "$ROOT/e2e/node_modules/.package-lock.json" ]; then
		log "installing end-to-end test packages (npm ci)"
		(cd "$ROOT/e2e" && npm ci --no-audit --no-fund --loglevel=error)
	fi
fi

# Node.js packages of the dashboard (dashboard/), from its committed package-lock.json.
if [ -f "$ROOT/dashboard/package-lock.json" ]; then
	if [ ! -d "$ROOT/dashboard/node_modules" ] || [ "$ROOT/dashboard/package-lock.json" -nt "$ROOT/dashboard/node_modules/.package-lock.json" ]; then
		log "installing dashboard packages (npm ci)"
		(cd "$ROOT/dashboard" && npm ci --no-audit --no-fund --loglevel=error)
	fi
fi

# Chromium (Debian's package) for the dashboard's browser test, driven by playwright-core: no
# browser is downloaded at run time. Test-only, so not run by default.
ensure_chromium() {
	if ! command -v chromium >/dev/null 2>&1; then
		log "installing chromium (for the dashboard's browser test)"
		SUDO=""
		[ "$(id -u)" -eq 0 ] || SUDO="sudo"
		$SUDO apt-get update -qq
		DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
	fi
}

# zepter (feature propagation lint), for scripts/test.sh: built once from crates.io into the
# shared target directory and installed in ~/.cargo/bin. Test-only, so not run by default.
ZEPTER_VERSION=1.88.2
ensure_zepter() {
	if ! command -v zepter >/dev/null 2>&1 || [ "$(zepter --version | awk '{print $2}')" != "$ZEPTER_VERSION" ]; then
		log "installing zepter $ZEPTER_VERSION"
		cargo install zepter --version "$ZEPTER_VERSION" --locked --quiet --target-dir "$CARGO_TARGET_DIR/tools"
	fi
}

