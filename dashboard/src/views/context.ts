// What every view receives: the connection, the block it shows, the account that acts.

import type { ApiPromise } from '@polkadot/api';
import { useEffect, useRef, useState } from 'preact/hooks';

import type { Account } from '../actions';
import type { ChainInfo } from '../chain';

export interface Context {
  api: ApiPromise;
  info: ChainInfo;
  /** The best block: every view reloads when it changes. */
  block: { number: number; hash: string };
  account?: Account;
  accounts: Account[];
  /** Address → name, for the accounts the page knows. */
  names: Map<string, string>;
  /** The chain's block time in milliseconds (its Aura slot). */
  blockMs: number;
}

export type Loaded<T> =
  | { kind: 'loading' }
  | { kind: 'failed'; error: string }
  | { kind: 'ready'; value: T; block: number };

/**
 * `load()` at every new block. Keeps showing the last value while the next loads, and drops an
 * answer that arrives after a newer one was asked for.
 */
export function useLive<T>(load: () => Promise<T>, block: number, keys: unknown[] = []): Loaded<T> {
  const [state, setState] = useState<Loaded<T>>({ kind: 'loading' });
  const asked = useRef(0);
  useEffect(() => {
    const ticket = ++asked.current;
    load().then(
      (value) => { if (ticket === asked.current) setState({ kind: 'ready', value, block }); },
      (error: Error) => { if (ticket === asked.current) setState({ kind: 'failed', error: String(error.message ?? error) }); },
    );
  }, [block, ...keys]);
  return state;
}
