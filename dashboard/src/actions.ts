// Acting from the page: accounts (a browser extension's, or the dev accounts on a development
// chain), the fee a call will cost, and its outcome in words.

import type { ApiPromise } from '@polkadot/api';
import type { SubmittableExtrinsic } from '@polkadot/api/types';
import { Keyring } from '@polkadot/keyring';
import type { KeyringPair } from '@polkadot/keyring/types';
import { cryptoWaitReady } from '@polkadot/util-crypto';

/* eslint-disable @typescript-eslint/no-explicit-any -- dispatch errors are read from codecs */
type Raw = any;
type Tx = SubmittableExtrinsic<'promise'>;

export interface Account {
  address: string;
  name: string;
  /** `dev` for a development key held by the page, else the extension's name. */
  source: string;
  pair?: KeyringPair;
}

export const DEV_NAMES = ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie'];

/** The well-known development accounts: only offered on a development or local chain. */
export async function devAccounts(ss58Format: number): Promise<Account[]> {
  await cryptoWaitReady();
  const keyring = new Keyring({ type: 'sr25519', ss58Format });
  return DEV_NAMES.map((name) => {
    const pair = keyring.addFromUri(`//${name}`, { name });
    return { address: pair.address, name, source: 'dev', pair };
  });
}

/** Accounts from a browser extension (Polkadot.js, Talisman, SubWallet…), if one is installed. */
export async function extensionAccounts(): Promise<Account[]> {
  const { web3Accounts, web3Enable } = await import('@polkadot/extension-dapp');
  const extensions = await web3Enable('Commons dashboard');
  if (extensions.length === 0) return [];
  const accounts = await web3Accounts();
  return accounts.map((a) => ({ address: a.address, name: a.meta.name ?? a.address.slice(0, 8), source: a.meta.source }));
}

/** What `tx` would cost `account` in fees, in the native token's smallest unit. */
export async function fee(tx: Tx, account: Account): Promise<bigint> {
  const info = await tx.paymentInfo(account.pair ?? account.address);
  return info.partialFee.toBigInt();
}

export type Outcome =
  | { ok: true; block: number; blockHash: string; events: Raw[] }
  | { ok: false; error: string; name?: string };

/**
 * Signs `tx` as `account`, sends it, and resolves once it is in a block: with its events, or
 * with the reason it failed in words a person can act on.
 */
export async function send(api: ApiPromise, tx: Tx, account: Account): Promise<Outcome> {
  let signer: Raw;
  if (!account.pair) {
    const { web3FromAddress } = await import('@polkadot/extension-dapp');
    signer = (await web3FromAddress(account.address)).signer;
  }
  return new Promise((resolve) => {
    let unsubscribe: () => void = () => {};
    const done = (outcome: Outcome) => {
      unsubscribe();
      resolve(outcome);
    };
    tx.signAndSend(account.pair ?? account.address, { signer, nonce: -1 }, (result: Raw) => {
      if (result.dispatchError) {
        done({ ok: false, ...explain(api, result.dispatchError) });
      } else if (result.status.isInBlock || result.status.isFinalized) {
        const blockHash = (result.status.isInBlock ? result.status.asInBlock : result.status.asFinalized).toHex();
        api.rpc.chain.getHeader(blockHash).then((header) => done({
          ok: true,
          block: header.number.toNumber(),
          blockHash,
          events: result.events.map((e: Raw) => e.event),
        }));
      } else if (result.status.isInvalid || result.status.isDropped || result.status.isUsurped) {
        done({ ok: false, error: `the transaction was ${result.status.type.toLowerCase()} by the node` });
      }
    }).then((u) => { unsubscribe = u; }).catch((error: Error) => {
      done({ ok: false, error: refusal(error.message) });
    });
  });
}

/** Plain words for the errors that are not a pallet's own. */
const GENERAL: Record<string, string> = {
  BadOrigin: 'this account may not do this',
  'Token.FundsUnavailable': 'the account has not enough free funds for this',
  'Token.BelowMinimum': 'the amount is below the minimum an account may hold',
  'Token.NoFunds': 'the account has no funds',
  'Token.CannotCreate': 'the recipient account cannot be created with this amount',
  'Arithmetic.Overflow': 'a number would grow past its limit',
  'Arithmetic.Underflow': 'a number would fall below zero',
};

/** A dispatch error as `{ name, error }`: the pallet's documentation of it, or plain words. */
export function explain(api: ApiPromise, dispatchError: Raw): { name: string; error: string } {
  if (dispatchError.isModule) {
    const meta = api.registry.findMetaError(dispatchError.asModule);
    const name = `${meta.section}.${meta.name}`;
    const docs = meta.docs.join(' ').trim();
    return { name, error: docs ? sentence(docs) : name };
  }
  const kind = dispatchError.type as string;
  const inner = (dispatchError as Raw)[`as${kind}`];
  const name = inner && inner.type ? `${kind}.${inner.type}` : kind;
  return { name, error: GENERAL[name] ?? name };
}

/** Why a node refused a transaction before it reached a block (its pool's validity check). */
function refusal(message: string): string {
  if (/Inability to pay some fees/.test(message)) return 'the account cannot pay the fee';
  if (/bad signature/i.test(message)) return 'the signature does not match (wrong account or chain)';
  if (/Priority is too low|AlreadyImported/i.test(message)) return 'the same transaction is already waiting';
  if (/Cancelled|Rejected by user/i.test(message)) return 'signing was cancelled';
  return message;
}

function sentence(docs: string): string {
  const first = docs.replace(/\s+/g, ' ');
  return first.charAt(0).toUpperCase() + first.slice(1).replace(/\.?$/, '.');
}
