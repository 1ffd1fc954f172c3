// XCM delivery is priced: an account that sends a message to the relay chain pays a delivery fee
// (a storage item's price plus a storage byte's price per byte of the message, times the queue's
// congestion factor) in the native token, into the treasury; Root sends for free. Free delivery
// would let anyone fill the relay chain's upward queue at the price of a transaction.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { startNode } from '../lib/node.js';
import { devAccounts, findEvent, freeBalance, sendOk } from '../lib/chain.js';

const MILLI = 1_000_000_000n;
const MICRO = 1_000_000n;
/** `deposit(1, 0)` and `deposit(0, 1)` of the runtime: the base and per-byte delivery prices. */
const BASE_DELIVERY_FEE = 20n * MILLI;
const DELIVERY_FEE_PER_BYTE = 100n * MICRO;

describe('XCM delivery fees', () => {
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

  const toRelay = { V4: { parents: 1, interior: 'Here' } };
  const message = (n) => ({ V4: Array.from({ length: n }, () => ({ ClearOrigin: null })) });

  /** The treasury pallet's account: "modl" and its PalletId `py/trsry`, zero-padded to 32 bytes. */
  const treasury = () => api.registry.createType('AccountId', new Uint8Array([...Buffer.from('modlpy/trsry'), ...new Uint8Array(20)])).toString();

  it('charges a signed sender to the relay chain a delivery fee that goes to the treasury', async () => {
    const { dave } = accounts;
    const treasuryAccount = treasury();
    const sends = [];
    for (const n of [1, 20]) {
      const before = await freeBalance(api, treasuryAccount);
      const daveBefore = await freeBalance(api, dave.address);
      const { blockHash, events } = await sendOk(api, api.tx.polkadotXcm.send(toRelay, message(n)), dave);
      assert.ok(findEvent(events, 'polkadotXcm', 'Sent'), 'the message was sent');
      const paid = findEvent(events, 'polkadotXcm', 'FeesPaid');
      assert.ok(paid, 'a delivery fee was paid');
      const fee = paid.data.fees[0];
      assert.deepEqual(fee.id.toJSON(), { parents: 0, interior: { here: null } }, 'paid in the native token');
      const delivery = fee.fun.asFungible.toBigInt();
      assert.ok(delivery >= BASE_DELIVERY_FEE + DELIVERY_FEE_PER_BYTE * BigInt(n), `delivery fee ${delivery}`);
      const txFee = findEvent(events, 'transactionPayment', 'TransactionFeePaid').data.actualFee.toBigInt();
      // The sender pays both; the treasury receives both.
      assert.equal(await freeBalance(api, dave.address, blockHash), daveBefore - delivery - txFee);
      assert.equal(await freeBalance(api, treasuryAccount, blockHash), before + delivery + txFee);
      sends.push(delivery);
    }
    // Nineteen more instructions (one byte each) cost nineteen bytes more, at an uncongested queue.
    assert.equal(sends[1] - sends[0], 19n * DELIVERY_FEE_PER_BYTE);
  });

  it('lets Root (a passed referendum; sudo on this dev chain) send without a delivery fee', async () => {
    const { alice } = accounts;
    const { events } = await sendOk(api, api.tx.sudo.sudo(api.tx.polkadotXcm.send(toRelay, message(1))), alice);
    assert.ok(findEvent(events, 'polkadotXcm', 'Sent'), 'the message was sent');
    assert.equal(findEvent(events, 'polkadotXcm', 'FeesPaid'), undefined);
  });
});
