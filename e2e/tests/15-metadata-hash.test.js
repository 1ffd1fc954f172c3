// Wallets that cannot hold the metadata (Ledger, Polkadot Vault) sign with `CheckMetadataHash` in
// mode 1: the signed payload includes the hash of the runtime's metadata, merkleized as RFC-0078
// defines it, and the runtime adds the hash it was built with — a wallet shown a wrong decoding
// (metadata that is not this runtime's) produces a signature the chain refuses.
//
// This runs a node on the released runtime (scripts/release.sh: the deployed feature set with
// `metadata-hash`, the one a community puts on chain), from a development spec made from that
// Wasm, and signs transfers the way such a wallet does.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { blake2AsHex } from '@polkadot/util-crypto';

import { NODE_BINARY, startNode } from '../lib/node.js';
import { UNIT, devAccounts, findEvent, freeBalance, send, sendOk } from '../lib/chain.js';
import { DECIMALS, TOKEN_SYMBOL, metadataHash } from '../tools/release-manifest.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const RELEASE_DIR = process.env.COMMONS_RELEASE_DIR || join(ROOT, 'release');

describe('signing with the metadata hash on the released runtime', () => {
  let manifest;
  let workDir;
  let node;
  let api;
  let accounts;

  before(async () => {
    const manifestPath = join(RELEASE_DIR, 'manifest.json');
    assert.ok(existsSync(manifestPath), `${manifestPath} is missing: build the release with scripts/release.sh (--once)`);
    manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    workDir = mkdtempSync(join(tmpdir(), 'commons-release-'));
    const spec = join(workDir, 'release-development.json');
    execFileSync(NODE_BINARY, [
      'chain-spec-builder', '-c', spec, 'create', '-n', 'Commons Release Development', '-i', 'commons_release_dev',
      '-t', 'development', '--relay-chain', 'paseo', '--para-id', '2000',
      '-r', join(RELEASE_DIR, manifest.wasm), '--properties', `tokenSymbol=${TOKEN_SYMBOL},tokenDecimals=${DECIMALS},ss58Format=42`,
      'named-preset', 'development',
    ], { stdio: 'pipe' });
    node = await startNode({ extraArgs: ['--chain', spec] });
    api = node.api;
    accounts = await devAccounts();
  });

  after(async () => {
    if (node) await node.stop();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  it('runs the Wasm of the manifest', async () => {
    const code = await api.rpc.state.getStorage(':code');
    assert.equal(blake2AsHex(code.toU8a(true), 256), manifest.codeHash, 'the code hash the manifest publishes');
    const version = api.runtimeVersion;
    assert.equal(version.specVersion.toNumber(), manifest.specVersion);
    assert.equal(version.specName.toString(), manifest.specName);
    // The released runtime is the deployed one: no sudo key can exist on it.
    assert.equal(api.tx.sudo, undefined, 'no Sudo pallet in the released runtime');
    assert.ok(api.registry.signedExtensions.includes('CheckMetadataHash'));
  });

  it('commits to the metadata hash the manifest publishes', async () => {
    const metadata = await api.call.metadata.metadataAtVersion(15);
    assert.equal(metadataHash(metadata.unwrap().toU8a(true)), manifest.metadataHash);
  });

  it('includes a transfer signed in mode 1 with the metadata hash', async () => {
    const { alice, bob } = accounts;
    const amount = 7n * UNIT;
    const bobBefore = await freeBalance(api, bob.address);
    const tx = api.tx.balances.transferKeepAlive(bob.address, amount);
    const { blockHash, events } = await sendOk(api, tx, alice, {
      signOptions: { mode: 1, metadataHash: manifest.metadataHash },
    });
    assert.ok(findEvent(events, 'balances', 'Transfer', (e) => e.data.amount.toBigInt() === amount));
    assert.equal(await freeBalance(api, bob.address, blockHash), bobBefore + amount);
    // The extrinsic on chain carries mode 1 (the hash itself is signed, not sent).
    const block = await api.rpc.chain.getBlock(blockHash);
    const included = block.block.extrinsics.find((ext) => ext.isSigned && ext.signer.toString() === alice.address);
    assert.ok(included, 'the transfer is in the block');
    assert.equal(included.mode.toNumber(), 1);
  });

  it('refuses a signature over another metadata hash', async () => {
    const { alice, bob } = accounts;
    const metadata = await api.call.metadata.metadataAtVersion(15);
    // What a wallet would compute if it were shown another token: the hash differs, so does the
    // signed payload, and the chain's own hash does not verify it.
    const wrong = metadataHash(metadata.unwrap().toU8a(true), { tokenSymbol: 'DOT' });
    assert.notEqual(wrong, manifest.metadataHash);
    await assert.rejects(
      send(api, api.tx.balances.transferKeepAlive(bob.address, UNIT), alice, {
        signOptions: { mode: 1, metadataHash: wrong },
      }),
      /bad signature/i,
    );
    // Mode 1 without a hash (a wallet that skips the check) is refused the same way.
    await assert.rejects(
      send(api, api.tx.balances.transferKeepAlive(bob.address, UNIT), alice, { signOptions: { mode: 1 } }),
      /bad signature/i,
    );
  });
});
