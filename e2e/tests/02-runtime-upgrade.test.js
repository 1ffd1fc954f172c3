// A runtime upgrade decided by a democracy referendum, enacted, and applied with the Wasm.
//
// The second runtime is the same code built with the `test-upgrade` feature, which raises
// `spec_version` by one. The runtime's build.rs builds it beside the main Wasm whenever the
// `fast-runtime` feature is on, as it is for the node; COMMONS_UPGRADE_WASM overrides the path.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { homedir } from 'node:os';
import { blake2AsHex } from '@polkadot/util-crypto';
import { u8aToHex } from '@polkadot/util';

import { connectApi, startNode } from '../lib/node.js';
import {
  UNIT, devAccounts, findEvent, freeBalance, sendOk, waitUntil,
} from '../lib/chain.js';

const targetDir = process.env.CARGO_TARGET_DIR || join(homedir(), '.cache/commons/target');
const UPGRADE_WASM = process.env.COMMONS_UPGRADE_WASM || join(targetDir, 'release/wbuild/commons-runtime/commons_runtime_upgrade.compact.compressed.wasm');

describe('runtime upgrade by referendum', () => {
  let node;
  let api;
  let accounts;

  before(async () => {
    assert.ok(existsSync(UPGRADE_WASM), `${UPGRADE_WASM} missing: run scripts/build-node.sh`);
    node = await startNode({ blockTimeMs: 1000 });
    api = node.api;
    accounts = await devAccounts();
  });

  after(async () => {
    // The test replaces the node's first connection with a fresh one: close that too.
    if (api) await api.disconnect().catch(() => {});
    if (node) await node.stop();
  });

  it('passes a public proposal to authorize the upgrade, applies it, and keeps all state', async () => {
    const { alice, bob, charlie, dave, eve } = accounts;
    const code = readFileSync(UPGRADE_WASM);
    assert.ok(code.length < 2 * 1024 * 1024, `upgrade Wasm is ${code.length} bytes; the dev relay chain accepts at most 2 MiB`);
    const before = await api.rpc.state.getRuntimeVersion();

    // State written before the upgrade, to find intact after it.
    await sendOk(api, api.tx.balances.transferKeepAlive(eve.address, 4242n * UNIT), dave);
    const eveBefore = await freeBalance(api, eve.address);
    const issuanceBefore = (await api.query.balances.totalIssuance()).toBigInt();

    // 1. The call to enact, noted as a preimage, proposed, and seconded.
    const codeHash = blake2AsHex(code, 256);
    const authorize = api.tx.system.authorizeUpgrade(codeHash);
    const encodedCall = authorize.method.toHex();
    const preimageHash = blake2AsHex(encodedCall, 256);
    const noted = await sendOk(api, api.tx.preimage.notePreimage(encodedCall), alice);
    assert.ok(findEvent(noted.events, 'preimage', 'Noted', (e) => e.data[0].toHex() === preimageHash));

    const refIndex = (await api.query.democracy.referendumCount()).toNumber();
    const proposal = { Lookup: { hash_: preimageHash, len: authorize.method.encodedLength } };
    const proposed = await sendOk(api, api.tx.democracy.propose(proposal, 100n * UNIT), alice);
    const proposalIndex = findEvent(proposed.events, 'democracy', 'Proposed').data[0].toNumber();
    await sendOk(api, api.tx.democracy.second(proposalIndex), bob);

    // 2. At the next launch period the proposal becomes a referendum; three accounts vote aye.
    // (Waiting on state, not on an event: an event in the block before we look would be missed.)
    const referendum = async () => api.query.democracy.referendumInfoOf(refIndex);
    await waitUntil(async () => (await referendum()).isSome, { what: 'the referendum to start', timeoutMs: 60_000 });
    assert.ok((await referendum()).unwrap().isOngoing);
    for (const [voter, conviction] of [[alice, 'Locked1x'], [bob, 'Locked2x'], [charlie, 'None']]) {
      await sendOk(api, api.tx.democracy.vote(refIndex, {
        Standard: { vote: { aye: true, conviction }, balance: 1000n * UNIT },
      }), voter);
    }
    const tally = (await referendum()).unwrap().asOngoing.tally;
    assert.ok(tally.ayes.toBigInt() > 0n && tally.nays.toBigInt() === 0n, `tally ${tally}`);

    // 3. It passes, and after the enactment period the scheduler dispatches the call as Root.
    await waitUntil(async () => (await referendum()).unwrap().isFinished, { what: 'the referendum to end', timeoutMs: 60_000 });
    assert.equal((await referendum()).unwrap().asFinished.approved.isTrue, true, 'the referendum passed');
    await waitUntil(async () => (await api.query.system.authorizedUpgrade()).isSome, { what: 'the upgrade to be authorized', timeoutMs: 60_000 });
    assert.equal((await api.query.system.authorizedUpgrade()).unwrap().codeHash.toHex(), codeHash);

    // 4. Anyone supplies the Wasm; the relay chain (mocked by --dev) gives the go-ahead.
    const applied = await sendOk(api, api.tx.system.applyAuthorizedUpgrade(u8aToHex(code)), dave, { timeoutMs: 120_000 });
    assert.ok(findEvent(applied.events, 'parachainSystem', 'ValidationFunctionStored'), 'the new code is stored');
    await waitUntil(
      async () => (await api.rpc.state.getRuntimeVersion()).specVersion.toNumber() === before.specVersion.toNumber() + 1,
      { what: 'the new spec_version', timeoutMs: 60_000 },
    );

    // 5. Everything written before is intact. A fresh connection reads it with the new runtime's
    // metadata (the old one may still be swapping its registry over).
    await waitUntil(
      async () => api.runtimeVersion.specVersion.toNumber() === before.specVersion.toNumber() + 1,
      { what: 'the client to see the upgrade', timeoutMs: 30_000 },
    );
    await api.disconnect();
    api = await connectApi(node.rpcPort);
    node.api = api;
    const after = await api.rpc.state.getRuntimeVersion();
    assert.equal(after.specName.toString(), 'commons');
    assert.equal(await freeBalance(api, eve.address), eveBefore);
    assert.equal((await api.query.balances.totalIssuance()).toBigInt() >= issuanceBefore, true);

    // 6. The upgraded chain still takes transactions.
    const transfer = await sendOk(api, api.tx.balances.transferKeepAlive(eve.address, UNIT), dave);
    assert.ok(findEvent(transfer.events, 'balances', 'Transfer'));
  });
});
