// A runtime upgrade decided by a democracy referendum, enacted, and applied with the Wasm.
//
// The second runtime is the same code built with the `test-upgrade` feature, which raises
// `spec_version` by one (see lib/governance.js). Before the referendum, the upgrade is checked
// against the chain's state with try-runtime (lib/try-runtime.js); a deliberately broken upgrade
// must fail that check.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { startNode } from '../lib/node.js';
import {
  UNIT, devAccounts, findEvent, freeBalance, sendOk,
} from '../lib/chain.js';
import { upgradeByReferendum, upgradeCode } from '../lib/governance.js';
import { checkUpgrade, tryRuntimeWasm } from '../lib/try-runtime.js';

describe('runtime upgrade by referendum', () => {
  let node;
  let api;
  let accounts;

  before(async () => {
    upgradeCode();
    tryRuntimeWasm('upgrade');
    tryRuntimeWasm('broken_upgrade');
    node = await startNode({ blockTimeMs: 1000 });
    api = node.api;
    accounts = await devAccounts();
  });

  after(async () => {
    // The upgrade replaces the node's first connection with a fresh one: close that too.
    if (api) await api.disconnect().catch(() => {});
    if (node) await node.stop();
  });

  it('catches an upgrade that breaks an invariant before it is voted on', async () => {
    // The broken upgrade's migration counts a standing in a bucket of a project that has none:
    // the contributions ledger's `try_state` must name it, and the check must fail.
    const check = await checkUpgrade(`ws://127.0.0.1:${node.rpcPort}`, tryRuntimeWasm('broken_upgrade'));
    assert.equal(check.ok, false, `the broken upgrade passed its check:\n${check.output}`);
    assert.match(check.output, /a standing-end bucket differs from the standings/);
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
