#!/usr/bin/env node
// Writes the release manifest of a runtime build (scripts/release.sh runs it).
//
//   node e2e/tools/release-manifest.js --out DIR [--profile P] [--features F] [--toolchain T]
//        [--commit C] [--dirty true|false] WASM [WASM…]
//
// Every WASM is one build of the same source (in different directories); they must be byte for
// byte equal, or this fails. The manifest says what a voter compares an upgrade referendum with:
//
//   codeHash      blake2-256 of the compressed Wasm: what `system.authorizeUpgrade` takes and
//                 what `b2sum -l 256 <wasm>` prints
//   metadataHash  the hash `CheckMetadataHash` (mode 1) signs: the metadata merkleized as
//                 RFC-0078 defines it, with the token symbol and decimals the runtime's build.rs
//                 gives the Wasm builder — computed here from the Wasm's own metadata
//   specName, specVersion, transactionVersion  read from the Wasm (`Core_version`)
//
// The runtime is run by chopsticks' executor (the smoldot/Substrate Wasm executor compiled to
// Wasm); nothing is read from a node.
import { copyFileSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { destroyWorker, getRuntimeVersion, runTask } from '@acala-network/chopsticks-core';
import { merkleizeMetadata } from '@polkadot-api/merkleize-metadata';
import { compactStripLength, hexToU8a, u8aToHex } from '@polkadot/util';
import { blake2AsHex } from '@polkadot/util-crypto';

/** What the runtime's build.rs passes to `enable_metadata_hash`. */
export const TOKEN_SYMBOL = 'CMN';
export const DECIMALS = 12;

// An empty state: the executor asks for `:heappages` and the like before calling the runtime.
const EMPTY_STATE = {
  getStorage: async () => undefined,
  getNextKey: async () => undefined,
  offchainGetStorage: async () => undefined,
  offchainTimestamp: async () => Date.now(),
  offchainRandomSeed: async () => undefined,
  offchainSubmitTransaction: async () => false,
};

/** The runtime's metadata (V15) as the Wasm returns it, run by chopsticks' executor. */
export async function wasmMetadata(wasmHex) {
  const response = await runTask({
    wasm: wasmHex,
    calls: [['Metadata_metadata_at_version', ['0x0f000000']]],
    mockSignatureHost: false,
    allowUnresolvedImports: false,
    runtimeLogLevel: 0,
  }, EMPTY_STATE);
  if (!response.Call) throw new Error(`Metadata_metadata_at_version failed: ${JSON.stringify(response)}`);
  const result = hexToU8a(response.Call.result);
  // Option<OpaqueMetadata>: Some = 0x01, then the metadata as a compact-prefixed byte vector.
  if (result[0] !== 1) throw new Error('the runtime has no V15 metadata');
  const [, metadata] = compactStripLength(result.subarray(1));
  return metadata;
}

/**
 * The metadata hash `CheckMetadataHash` signs, for runtime metadata bytes (another `tokenSymbol`
 * gives the hash a wallet shown another token would sign).
 */
export function metadataHash(metadata, { tokenSymbol = TOKEN_SYMBOL } = {}) {
  return u8aToHex(merkleizeMetadata(metadata, { decimals: DECIMALS, tokenSymbol }).digest());
}

/** The manifest of a set of builds that must all be equal. */
export async function manifest(wasmPaths, build = {}) {
  if (wasmPaths.length === 0) throw new Error('no Wasm given');
  const builds = wasmPaths.map((path) => {
    const bytes = readFileSync(path);
    return { path: resolve(path), size: bytes.length, codeHash: blake2AsHex(bytes, 256), bytes };
  });
  const [first] = builds;
  const differing = builds.filter((b) => !Buffer.from(b.bytes).equals(Buffer.from(first.bytes)));
  const wasmHex = u8aToHex(first.bytes);
  const version = await getRuntimeVersion(wasmHex);
  const metadata = await wasmMetadata(wasmHex);
  return {
    manifest: {
      specName: version.specName,
      specVersion: version.specVersion,
      transactionVersion: version.transactionVersion,
      wasm: `commons_runtime-v${version.specVersion}.compact.compressed.wasm`,
      size: first.size,
      codeHash: first.codeHash,
      metadataHash: metadataHash(metadata),
      metadata: { tokenSymbol: TOKEN_SYMBOL, decimals: DECIMALS },
      build,
      builds: builds.map(({ path, size, codeHash }) => ({ path, size, codeHash })),
      reproduced: builds.length > 1 && differing.length === 0,
    },
    differing,
  };
}

async function main(argv) {
  const options = {};
  const wasms = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i].startsWith('--')) options[argv[i].slice(2)] = argv[++i];
    else wasms.push(argv[i]);
  }
  if (!options.out || wasms.length === 0) {
    console.error('usage: release-manifest.js --out DIR [--profile P] [--features F] [--toolchain T] [--commit C] [--dirty B] WASM…');
    process.exit(2);
  }
  const build = {
    profile: options.profile,
    features: options.features,
    toolchain: options.toolchain,
    commit: options.commit,
    dirty: options.dirty === 'true',
  };
  const { manifest: m, differing } = await manifest(wasms, build);
  await destroyWorker();
  if (differing.length > 0) {
    console.error(JSON.stringify(m.builds, null, 2));
    console.error(`release: the builds differ (${differing.map((b) => b.path).join(', ')} vs ${m.builds[0].path}): not reproducible`);
    process.exit(1);
  }
  mkdirSync(options.out, { recursive: true });
  copyFileSync(m.builds[0].path, join(options.out, m.wasm));
  writeFileSync(join(options.out, 'manifest.json'), `${JSON.stringify(m, null, 2)}\n`);
  console.log(JSON.stringify(m, null, 2));
  console.log(`wrote ${join(options.out, 'manifest.json')} and ${join(options.out, m.wasm)} (${statSync(join(options.out, m.wasm)).size} bytes)`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main(process.argv.slice(2)).catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
