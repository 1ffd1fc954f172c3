#!/usr/bin/env bash
# Regenerates the runtime's weights from real benchmark runs on this machine.
#
#   scripts/benchmark.sh                        # everything below
#   scripts/benchmark.sh pallet_tasks overhead  # only the named targets
#
# Targets:
# - our pallets (pallet_projects, pallet_tasks, pallet_contributions, pallet_quadratic_voting):
#   each pallet's `weights.rs` (trait + `SubstrateWeight`), from scripts/templates/pallet-weights.hbs;
# - what every signed extrinsic pays and what it is compared with, from polkadot-sdk:
#   the transaction extensions (frame_system_extensions, pallet_transaction_payment,
#   cumulus_pallet_weight_reclaim) and the balance calls (pallet_balances, the transfer that
#   docs/benchmarks.md compares every call with): `runtime/src/weights/<pallet>.rs`, from
#   scripts/templates/runtime-weights.hbs;
# - every other polkadot-sdk pallet of the runtime that has benchmarks (SDK_PALLETS below: system,
#   assets, governance, collators, XCM queues, …), the same way;
# - `overhead`: the base weights of a block and of an extrinsic,
#   `runtime/src/weights/{block,extrinsic}_weights.rs`.
#
# Everything runs through `commons-node benchmark pallet | overhead` (the node the tests use: it
# executes the Wasm it is given, see node/src/benchmark.rs) on a runtime Wasm built with
# `runtime-benchmarks` and without `fast-runtime` — the runtime a community deploys — in its own
# target directory (`$CARGO_TARGET_DIR/benchmarks`, shared with the benchmark tests of
# scripts/test.sh, unless COMMONS_BENCH_TARGET_DIR says otherwise), so the node's own Wasm is never
# rebuilt with another feature set. Genesis is the `development` preset.
#
# Our pallets and the extrinsic-path ones run with 50 steps and 20 repeats (STEPS, REPEAT override,
# e.g. STEPS=2 REPEAT=1 for a smoke run); the other polkadot-sdk pallets, with many components
# each, with 20 steps and 10 repeats (SDK_STEPS, SDK_REPEAT); the overhead with 10 warm-ups and
# 100 repeats (OVERHEAD_REPEAT overrides).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=setup.sh
. "$ROOT/scripts/setup.sh"
cd "$ROOT"

BENCH_TARGET_DIR="${COMMONS_BENCH_TARGET_DIR:-$CARGO_TARGET_DIR/benchmarks}"
STEPS="${STEPS:-50}"
REPEAT="${REPEAT:-20}"
SDK_STEPS="${SDK_STEPS:-20}"
SDK_REPEAT="${SDK_REPEAT:-10}"
OVERHEAD_REPEAT="${OVERHEAD_REPEAT:-100}"
PARA_ID=2000

# target -> the weights file it generates, and the template that renders it.
declare -A OUTPUT=(
	[pallet_projects]=pallets/projects/src/weights.rs
	[pallet_tasks]=pallets/tasks/src/weights.rs
	[pallet_contributions]=pallets/contributions/src/weights.rs
	[pallet_quadratic_voting]=pallets/quadratic-voting/src/weights.rs
	[pallet_balances]=runtime/src/weights/pallet_balances.rs
	[frame_system_extensions]=runtime/src/weights/frame_system_extensions.rs
	[pallet_transaction_payment]=runtime/src/weights/pallet_transaction_payment.rs
	[cumulus_pallet_weight_reclaim]=runtime/src/weights/cumulus_pallet_weight_reclaim.rs
	[overhead]=runtime/src/weights
)
declare -A TEMPLATE=(
	[pallet_projects]=pallet-weights.hbs
	[pallet_tasks]=pallet-weights.hbs
	[pallet_contributions]=pallet-weights.hbs
	[pallet_quadratic_voting]=pallet-weights.hbs
	[pallet_balances]=runtime-weights.hbs
	[frame_system_extensions]=runtime-weights.hbs
	[pallet_transaction_payment]=runtime-weights.hbs
	[cumulus_pallet_weight_reclaim]=runtime-weights.hbs
)
# The other polkadot-sdk pallets of the runtime, measured here with this runtime's configuration
# (their bounds, deposits and hooks) rather than polkadot-sdk's reference runtime on other hardware.
# pallet_collator_selection keeps polkadot-sdk's weights: its benchmarks register up to
# MaxCandidates collators with session keys per sample (≈ 30 min here), for calls only collators
# and governance make. pallet_treasury does too: its `payout` benchmark pays 100 planck to a new
# account, below this chain's existential deposit, so it cannot succeed here.
SDK_PALLETS=(
	frame_system
	pallet_timestamp
	pallet_assets
	pallet_session
	cumulus_pallet_parachain_system
	cumulus_pallet_xcmp_queue
	pallet_message_queue
	pallet_preimage
	pallet_scheduler
	pallet_democracy
	pallet_utility
	pallet_sudo
	pallet_xcm
)
declare -A SDK=()
for pallet in "${SDK_PALLETS[@]}"; do
	OUTPUT[$pallet]="runtime/src/weights/$pallet.rs"
	TEMPLATE[$pallet]=runtime-weights.hbs
	SDK[$pallet]=1
done
if [ "$#" -gt 0 ]; then
	targets=("$@")
else
	mapfile -t targets < <(printf '%s\n' "${!OUTPUT[@]}" | sort)
fi
for target in "${targets[@]}"; do
	[ -n "${OUTPUT[$target]:-}" ] || { echo "error: unknown benchmark target $target" >&2; exit 1; }
done

"$ROOT/scripts/build-node.sh"
node="$CARGO_TARGET_DIR/release/commons-node"
echo "building the runtime with runtime-benchmarks in $BENCH_TARGET_DIR" >&2
CARGO_TARGET_DIR="$BENCH_TARGET_DIR" cargo build --locked --release -p commons-runtime \
	--features runtime-benchmarks
wasm="$BENCH_TARGET_DIR/release/wbuild/commons-runtime/commons_runtime.compact.compressed.wasm"

for target in "${targets[@]}"; do
	if [ "$target" = overhead ]; then
		echo "benchmarking the block and extrinsic overhead (repeat $OVERHEAD_REPEAT)" >&2
		"$node" benchmark overhead \
			--runtime "$wasm" \
			--genesis-builder runtime \
			--genesis-builder-preset development \
			--para-id "$PARA_ID" \
			--repeat "$OVERHEAD_REPEAT" \
			--wasm-execution compiled \
			--header scripts/templates/overhead-header.txt \
			--weight-path "${OUTPUT[$target]}"
		# The generated files name sp-core and sp-weights, which the runtime reaches through the
		# polkadot-sdk umbrella crate.
		sed -i \
			-e 's/^use sp_core::parameter_types;/use polkadot_sdk::frame_support::parameter_types;/' \
			-e 's/^\(\s*\)use sp_weights::/\1use polkadot_sdk::frame_support::weights::/' \
			"${OUTPUT[$target]}"/block_weights.rs "${OUTPUT[$target]}"/extrinsic_weights.rs
		rustfmt --edition 2021 "${OUTPUT[$target]}"/block_weights.rs "${OUTPUT[$target]}"/extrinsic_weights.rs
		continue
	fi
	steps=$STEPS repeat=$REPEAT
	if [ -n "${SDK[$target]:-}" ]; then
		steps=$SDK_STEPS repeat=$SDK_REPEAT
	fi
	echo "benchmarking $target (steps $steps, repeat $repeat)" >&2
	"$node" benchmark pallet \
		--runtime "$wasm" \
		--genesis-builder runtime \
		--genesis-builder-preset development \
		--pallet "$target" \
		--extrinsic '*' \
		--steps "$steps" \
		--repeat "$repeat" \
		--wasm-execution compiled \
		--heap-pages 4096 \
		--template "scripts/templates/${TEMPLATE[$target]}" \
		--output "${OUTPUT[$target]}"
done
