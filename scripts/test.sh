#!/usr/bin/env bash
# Sets up the machine and runs every check and test of Commons, timing each stage:
#   formatting, clippy, unit tests, the node build, the upgrade Wasm, the end-to-end suite.
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
# The Wasm is not needed to lint or unit-test the runtime; skipping it keeps these stages fast.
stage "clippy" env SKIP_WASM_BUILD=1 cargo clippy --locked --all-targets -p commons-runtime -- -D warnings
stage "unit tests" env SKIP_WASM_BUILD=1 cargo test --locked -p commons-runtime
stage "node build" "$ROOT/scripts/build-node.sh"
stage "upgrade Wasm" "$ROOT/scripts/build-upgrade-wasm.sh"
stage "end-to-end" bash -c "cd '$ROOT/e2e' && npm test"
