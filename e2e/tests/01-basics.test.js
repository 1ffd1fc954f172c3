// A dev chain of the Commons runtime: metadata, a transfer, and failures with named errors.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { startNode } from '../lib/node.js';
import {
  UNIT, bestNumber, devAccounts, findEvent, freeBalance, freshAccount, send, sendOk, waitUntil,
} from '../lib/chain.js';

describe('a commons-node --dev chain', () => {
  let node;
  let api;
  let accounts;

  before(async () => {
    node = await startNode();
    api = node.api;
    accounts = await devAccounts();
  });

  after(async () => {
    if (node) await node.stop();
  });

  it('serves metadata v15+ with our pallets, and chain properties', async () => {
    const versions = (await api.call.metadata.metadataVersions()).map((v) => v.toNumber());
    assert.ok(versions.includes(15), `metadata versions ${versions}`);
    for (const pallet of ['system', 'parachainSystem', 'balances', 'assets', 'democracy', 'preimage', 'scheduler', 'treasury', 'polkadotXcm', 'sudo', 'utility']) {
      assert.ok(api.tx[pallet] || api.query[pallet], `pallet ${pallet} missing from metadata`);
    }
    const version = await api.rpc.state.getRuntimeVersion();
    assert.equal(version.specName.toString(), 'commons');
    const properties = await api.rpc.system.properties();
    assert.equal(properties.tokenSymbol.unwrap()[0].toString(), 'CMN');
    assert.equal(properties.tokenDecimals.unwrap()[0].toNumber(), 12);
    assert.equal(properties.ss58Format.unwrap().toNumber(), 42);
    assert.equal((await api.query.parachainInfo.parachainId()).toNumber(), 2000);
  });

  it('includes a balance transfer and emits its events', async () => {
    const { alice, bob } = accounts;
    const amount = 123n * UNIT;
    const bobBefore = await freeBalance(api, bob.address);
    const { blockHash, events } = await sendOk(api, api.tx.balances.transferKeepAlive(bob.address, amount), alice);
    const transfer = findEvent(events, 'balances', 'Transfer');
    assert.ok(transfer, 'a Balances.Transfer event');
    assert.equal(transfer.data.from.toString(), alice.address);
    assert.equal(transfer.data.to.toString(), bob.address);
    assert.equal(transfer.data.amount.toBigInt(), amount);
    assert.ok(findEvent(events, 'transactionPayment', 'TransactionFeePaid'), 'a fee was paid');
    assert.ok(findEvent(events, 'system', 'ExtrinsicSuccess'));
    assert.equal(await freeBalance(api, bob.address, blockHash), bobBefore + amount);
  });

  it('fails a transfer beyond the balance with a named error, and charges the fee', async () => {
    const { bob, charlie } = accounts;
    const balance = await freeBalance(api, bob.address);
    const { error, events } = await send(api, api.tx.balances.transferKeepAlive(charlie.address, balance * 2n), bob);
    assert.deepEqual(error, { kind: 'Token', name: 'FundsUnavailable' });
    assert.ok(findEvent(events, 'system', 'ExtrinsicFailed'));
  });

  it('fails calls from the wrong origin with named module errors', async () => {
    const { bob, charlie } = accounts;
    // Only the sudo key (Alice) may use sudo.
    const sudo = await send(api, api.tx.sudo.sudo(api.tx.system.remark('0x00')), bob);
    assert.equal(sudo.error.kind, 'Module');
    assert.equal(sudo.error.section, 'sudo');
    assert.equal(sudo.error.name, 'RequireSudo');
    // Seconding a proposal that does not exist.
    const second = await send(api, api.tx.democracy.second(999), charlie);
    assert.equal(second.error.section, 'democracy');
    assert.equal(second.error.name, 'ProposalMissing');
    // A Root-only call, signed.
    const setCode = await send(api, api.tx.system.setCode('0x00'), bob);
    assert.deepEqual(setCode.error, { kind: 'BadOrigin', name: 'BadOrigin' });
  });

  it('refuses a transaction from an account that cannot pay its fee', async () => {
    const pauper = await freshAccount('commons-e2e-pauper');
    await assert.rejects(
      send(api, api.tx.system.remark('0x00'), pauper),
      /Inability to pay some fees|1010/,
    );
  });

  it('keeps producing and finalizing blocks after the failures', async () => {
    const start = await bestNumber(api);
    await waitUntil(async () => (await bestNumber(api)) >= start + 2, { what: 'two more blocks', timeoutMs: 30_000 });
    const finalized = await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead());
    assert.ok(finalized.number.toNumber() >= start, 'blocks are finalized');
  });
});
