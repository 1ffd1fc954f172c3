use polkadot_sdk::substrate_build_script_utils::{generate_cargo_keys, rerun_if_git_head_changed};

fn main() {
	// Sets `SUBSTRATE_CLI_IMPL_VERSION` (crate version and git commit) for `--version`.
	generate_cargo_keys();
	rerun_if_git_head_changed();
}
