//! Builds the runtime's Wasm blob (substrate-wasm-builder) when compiling natively.
//!
//! With `fast-runtime` (development and test builds) a second blob is built beside the first,
//! `commons_runtime_upgrade.compact.compressed.wasm`: the same runtime with `test-upgrade`, whose
//! `spec_version` is one higher, for the end-to-end runtime-upgrade test. Both builds share the
//! Wasm target directory, so the second one recompiles only this crate.
//!
//! With `try-runtime` as well (scripts/build-try-runtime.sh, in a target directory of its own), a
//! third: `commons_runtime_broken_upgrade`, the upgrade with `test-broken-upgrade`, whose migration
//! breaks an invariant that the try-runtime check of the end-to-end tests must catch.

#[cfg(feature = "std")]
fn main() {
	use substrate_wasm_builder::WasmBuilder;

	let builder = WasmBuilder::init_with_defaults();
	#[cfg(feature = "metadata-hash")]
	let builder = builder.enable_metadata_hash("CMN", 12);
	builder.build();

	if std::env::var_os("CARGO_FEATURE_FAST_RUNTIME").is_some()
		&& std::env::var_os("CARGO_FEATURE_TEST_UPGRADE").is_none()
	{
		WasmBuilder::init_with_defaults()
			.enable_feature("test-upgrade")
			.set_file_name("commons_runtime_upgrade")
			.build();
		if std::env::var_os("CARGO_FEATURE_TRY_RUNTIME").is_some() {
			WasmBuilder::init_with_defaults()
				.enable_feature("test-broken-upgrade")
				.set_file_name("commons_runtime_broken_upgrade")
				.build();
		}
	}
}

/// The Wasm builder is deactivated when compiling this crate for Wasm itself.
#[cfg(not(feature = "std"))]
fn main() {}
