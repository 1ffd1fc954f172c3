#!/usr/bin/env bash
# Sets up the machine and runs every check and test of Commons, timing each stage:
#   formatting (Rust and TOML), feature propagation, the node build (with both runtime Wasm
#   blobs), clippy, unit tests (also in the deployed runtime's configuration), the pallets'
#   benchmarks as tests, the try-runtime Wasm blobs, the release runtime (metadata hash),
#   end-to-end.
# Idempotent; a warm run reuses $CARGO_TARGET_DIR (default ~/.cache/commons/target).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

declare -a STAGES=()
stage() {
	local name="$1"
	shift
	local start=$SECONDS
	printf '\n\033[1;32m==> %s\033[0m\n' "$name"
	"$@"
	STAGES+=("$(printf '%-24s %5ss' "$name" "$((SECONDS - start))")")
}
report() {
	printf '\n\033[1;32mStage timings\033[0m\n'
	for line in "${STAGES[@]}"; do echo "  $line"; done
	printf '  %-24s %5ss\n' "total" "$SECONDS"
}
trap report EXIT

stage "setup" . "$ROOT/scripts/setup.sh"
echo "CARGO_TARGET_DIR=$CARGO_TARGET_DIR"

stage "cargo fmt --check" cargo fmt --all -- --check
# TOML formatting and feature propagation, as the Fellowship runtimes check them (.config/).
stage "taplo (TOML format)" "$ROOT/e2e/node_modules/.bin/taplo" format --check --config .config/taplo.toml
stage "zepter (features)" bash -c ". '$ROOT/scripts/setup.sh' && ensure_zepter && zepter run check --config .config/zepter.yaml"
# Everything is built in the release profile with the feature set of the node build, so clippy and
# the unit tests reuse the node's compiled dependencies instead of building a second set.
stage "node build" "$ROOT/scripts/build-node.sh"
# Clippy compiles the runtime's build script with clippy-driver, a build-script run of its own:
# left to build the Wasm, it would rewrite the Wasm files the node build's run recorded, and the
# next build would rebuild the runtime and the node. Skipping the Wasm for this crate only
# (`SKIP_WASM_BUILD` would also flip the build-script runs clippy shares with the node build,
# e.g. frame-benchmarking-cli's test runtime, and cost a 10-minute rebuild) keeps one build.
stage "clippy" env SKIP_COMMONS_RUNTIME_WASM_BUILD=1 \
	cargo clippy --locked --release --workspace --all-targets -- -D warnings
stage "unit tests" cargo test --locked --release --workspace
# The runtime's composition tests again, in the runtime a community deploys: without the node's
# `development` features (no `fast-runtime`, no `sudo`), in the target directory where
# scripts/generate-chain-specs.sh builds that runtime (whose dependencies have these features).
stage "deployed runtime tests" env CARGO_TARGET_DIR="$CARGO_TARGET_DIR/production-runtime" \
	cargo test --locked --release -p commons-runtime --lib -- tests::
# The pallets' benchmarks, run once each against their mocks. `runtime-benchmarks` changes the
# features of the whole FRAME stack, so this builds in the target directory that
# scripts/benchmark.sh uses, never disturbing the node's.
stage "benchmark tests" env CARGO_TARGET_DIR="$CARGO_TARGET_DIR/benchmarks" \
	cargo test --locked --release -p pallet-projects -p pallet-tasks -p pallet-contributions \
	-p pallet-quadratic-voting \
	--features runtime-benchmarks
# The try-runtime builds of the upgrade the end-to-end tests enact and of a deliberately broken
# one: every upgrade is checked against the live chain before its referendum (e2e/lib/try-runtime.js).
stage "try-runtime Wasm" "$ROOT/scripts/build-try-runtime.sh"
# The on-chain release (scripts/release.sh: the deployed runtime with `metadata-hash`, production
# profile), built once here; end-to-end test 15 signs with the metadata hash on it. A release
# proper builds it twice in two directories and compares the bytes.
export COMMONS_RELEASE_DIR="$CARGO_TARGET_DIR/release-test"
stage "release runtime" "$ROOT/scripts/release.sh" --once --out "$COMMONS_RELEASE_DIR"
stage "end-to-end" bash -c "cd '$ROOT/e2e' && npm test"
# The dashboard: type-checked and built (dashboard/dist), then driven in headless Chromium against
# a dev node running a project's story; writes docs/images/dashboard-*.png.
stage "dashboard" bash -c ". '$ROOT/scripts/setup.sh' && ensure_chromium && '$ROOT/scripts/dashboard.sh' --build && cd '$ROOT/e2e' && npm run test:dashboard"
# Commons as a parachain of a local relay chain (scripts/zombienet.toml): needs the relay
# binaries, which a cold machine lacks (scripts/build-relay.sh builds them, 19–32 minutes here): the
# test then skips itself, naming that script, so that CI on a cold machine fits its time.
stage "network" bash -c "cd '$ROOT/e2e' && npm run test:network"
