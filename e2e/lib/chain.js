// Transaction and event helpers over @polkadot/api.

import { Keyring } from '@polkadot/api';
import { cryptoWaitReady } from '@polkadot/util-crypto';

/** One token, in the smallest unit (12 decimals). */
export const UNIT = 1_000_000_000_000n;

/** The well-known development accounts, sr25519. */
export async function devAccounts() {
  await cryptoWaitReady();
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  const names = ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie'];
  return Object.fromEntries(names.map((n) => [n.toLowerCase(), keyring.addFromUri(`//${n}`)]));
}

/** A fresh account that holds nothing. */
export async function freshAccount(seed) {
  await cryptoWaitReady();
  return new Keyring({ type: 'sr25519', ss58Format: 42 }).addFromUri(`//${seed}`);
}

/**
 * Signs and submits `tx`, and resolves once it is in a block (or finalized) with the block hash, its events
 * and, if the dispatch failed, the decoded error (`{ section, name, kind }`).
 * Rejects if the pool refuses it or it is dropped. `signOptions` go to `signAndSend` (e.g. `mode` and
 * `metadataHash` of `CheckMetadataHash`).
 */
export function send(api, tx, signer, { timeoutMs = 60_000, signOptions = {} } = {}) {
  return new Promise((resolve, reject) => {
    let unsubscribe = () => {};
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error(`${tx.method.section}.${tx.method.method} not in a block within ${timeoutMs} ms`));
    }, timeoutMs);
    tx.signAndSend(signer, signOptions, ({ status, events, dispatchError }) => {
      // With finalizing dev blocks the pool may report `Finalized` without `InBlock` first.
      if (status.isInBlock || status.isFinalized) {
        clearTimeout(timer);
        unsubscribe();
        resolve({
          blockHash: (status.isInBlock ? status.asInBlock : status.asFinalized).toHex(),
          events: events.map(({ event }) => event),
          error: dispatchError ? describeError(api, dispatchError) : null,
        });
      } else if (status.isDropped || status.isInvalid || status.isUsurped) {
        clearTimeout(timer);
        unsubscribe();
        reject(new Error(`${tx.method.section}.${tx.method.method}: ${status.type}`));
      }
    }).then((unsub) => { unsubscribe = unsub; }, (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

/** Like `send`, but fails if the dispatch failed. */
export async function sendOk(api, tx, signer, options) {
  const result = await send(api, tx, signer, options);
  if (result.error) {
    throw new Error(`${tx.method.section}.${tx.method.method} failed: ${JSON.stringify(result.error)}`);
  }
  return result;
}

/** A dispatch error, named: module errors by pallet and variant, others by kind. */
export function describeError(api, dispatchError) {
  if (dispatchError.isModule) {
    const meta = api.registry.findMetaError(dispatchError.asModule);
    return { kind: 'Module', section: meta.section, name: meta.name, docs: meta.docs.join(' ') };
  }
  if (dispatchError.isToken) return { kind: 'Token', name: dispatchError.asToken.type };
  if (dispatchError.isArithmetic) return { kind: 'Arithmetic', name: dispatchError.asArithmetic.type };
  return { kind: dispatchError.type, name: dispatchError.type };
}

/** The first event `section.method` among `events` (optionally matching `where`). */
export function findEvent(events, section, method, where = () => true) {
  return events.find((e) => e.section === section && e.method === method && where(e));
}

/**
 * Waits for an event `section.method` (matching `where`) in a new block, and resolves with it.
 */
export async function waitForEvent(api, section, method, { where = () => true, timeoutMs = 120_000 } = {}) {
  let unsubscribe;
  try {
    return await new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no ${section}.${method} event within ${timeoutMs} ms`)),
        timeoutMs,
      );
      api.query.system.events((records) => {
        const found = records.map((r) => r.event).find((e) => e.section === section && e.method === method && where(e));
        if (found) {
          clearTimeout(timer);
          resolve(found);
        }
      }).then((unsub) => { unsubscribe = unsub; }, reject);
    });
  } finally {
    if (unsubscribe) unsubscribe();
  }
}

/** Waits until `predicate()` is true, polling every block time. */
export async function waitUntil(predicate, { timeoutMs = 120_000, intervalMs = 500, what = 'condition' } = {}) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await predicate()) return;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  throw new Error(`${what} not reached within ${timeoutMs} ms`);
}

/** The best block number. */
export async function bestNumber(api) {
  return (await api.rpc.chain.getHeader()).number.toNumber();
}

/** The free balance of `address`, as a bigint. */
export async function freeBalance(api, address, at) {
  const query = at ? await api.at(at) : api;
  return (await query.query.system.account(address)).data.free.toBigInt();
}
