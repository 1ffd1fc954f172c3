#!/usr/bin/env bash
# Regenerates the `weights.rs` of our pallets from real benchmark runs.
#
#   scripts/benchmark.sh                 # every Commons pallet
#   scripts/benchmark.sh pallet_projects # only the named ones
#
# Builds `commons-node` with `runtime-benchmarks` and without `fast-runtime` (weights are measured
# on the runtime a community deploys) in its own target directory, so the node and Wasm that the
# tests use are never rebuilt with another feature set: `$CARGO_TARGET_DIR/benchmarks` unless
# COMMONS_BENCH_TARGET_DIR says otherwise. That build is as long as the first node build (≈ 50
# minutes on 2 cores); later runs only rebuild what changed.
#
# Each pallet runs with 50 steps and 20 repeats on the runtime Wasm (compiled executor), from the
# `development` genesis preset, and its weights.rs is rendered by scripts/templates/pallet-weights.hbs.
# Environment: STEPS, REPEAT override the sampling (e.g. STEPS=2 REPEAT=1 for a quick smoke run).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=setup.sh
. "$ROOT/scripts/setup.sh"
cd "$ROOT"

BENCH_TARGET_DIR="${COMMONS_BENCH_TARGET_DIR:-$CARGO_TARGET_DIR/benchmarks}"
STEPS="${STEPS:-50}"
REPEAT="${REPEAT:-20}"

# pallet name -> weights file it generates.
declare -A OUTPUT=(
	[pallet_projects]=pallets/projects/src/weights.rs
	[pallet_tasks]=pallets/tasks/src/weights.rs
	[pallet_contributions]=pallets/contributions/src/weights.rs
	[pallet_quadratic_voting]=pallets/quadratic-voting/src/weights.rs
)
if [ "$#" -gt 0 ]; then
	pallets=("$@")
else
	mapfile -t pallets < <(printf '%s\n' "${!OUTPUT[@]}" | sort)
fi
for pallet in "${pallets[@]}"; do
	[ -n "${OUTPUT[$pallet]:-}" ] || { echo "error: no weights file is known for $pallet" >&2; exit 1; }
done

echo "building commons-node with runtime-benchmarks in $BENCH_TARGET_DIR" >&2
CARGO_TARGET_DIR="$BENCH_TARGET_DIR" cargo build --locked --release -p commons-node \
	--no-default-features --features runtime-benchmarks
node="$BENCH_TARGET_DIR/release/commons-node"
wasm="$BENCH_TARGET_DIR/release/wbuild/commons-runtime/commons_runtime.compact.compressed.wasm"

for pallet in "${pallets[@]}"; do
	echo "benchmarking $pallet (steps $STEPS, repeat $REPEAT)" >&2
	"$node" benchmark pallet \
		--runtime "$wasm" \
		--genesis-builder runtime \
		--genesis-builder-preset development \
		--pallet "$pallet" \
		--extrinsic '*' \
		--steps "$STEPS" \
		--repeat "$REPEAT" \
		--wasm-execution compiled \
		--heap-pages 4096 \
		--template scripts/templates/pallet-weights.hbs \
		--output "${OUTPUT[$pallet]}"
done
