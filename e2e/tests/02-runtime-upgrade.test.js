// A runtime upgrade decided by a democracy referendum, enacted, and applied with the Wasm.
//
// The second runtime is the same code built with the `test-upgrade` feature, which raises
// `spec_version` by one (see lib/governance.js).

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { startNode } from '../lib/node.js';
import {
  UNIT, devAccounts, findEvent, freeBalance, sendOk,
} from '../lib/chain.js';
import { upgradeByReferendum, upgradeCode } from '../lib/governance.js';

describe('runtime upgrade by referendum', () => {
  let node;
  let api;
  let accounts;

  before(async () => {
    upgradeCode();
    node = await startNode({ blockTimeMs: 1000 });
    api = node.api;
    accounts = await devAccounts();
  });

  after(async () => {
    // The upgrade replaces the node's first connection with a fresh one: close that too.
    if (api) await api.disconnect().catch(() => {});
    if (node) await node.stop();
  });

  it('passes a public proposal to authorize the upgrade, applies it, and keeps all state', async () => {
    const { dave, eve } = accounts;
    const code = upgradeCode();
    const before = await api.rpc.state.getRuntimeVersion();

    // State written before the upgrade, to find intact after it.
    await sendOk(api, api.tx.balances.transferKeepAlive(eve.address, 4242n * UNIT), dave);
    const eveBefore = await freeBalance(api, eve.address);
    const issuanceBefore = (await api.query.balances.totalIssuance()).toBigInt();

    api = await upgradeByReferendum(node, accounts, code);

    // Everything written before is intact.
    const after = await api.rpc.state.getRuntimeVersion();
    assert.equal(after.specName.toString(), 'commons');
    assert.equal(after.specVersion.toNumber(), before.specVersion.toNumber() + 1);
    assert.equal(await freeBalance(api, eve.address), eveBefore);
    assert.equal((await api.query.balances.totalIssuance()).toBigInt() >= issuanceBefore, true);

    // The upgraded chain still takes transactions.
    const transfer = await sendOk(api, api.tx.balances.transferKeepAlive(eve.address, UNIT), dave);
    assert.ok(findEvent(transfer.events, 'balances', 'Transfer'));
  });
});
