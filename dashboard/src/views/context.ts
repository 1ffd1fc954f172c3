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
 * `load()` at every new block. Keeps showing the last value while the next loads; a block that
 * arrives during a load is loaded after it (the latest only: loads never pile up).
 *
 * A change of `keys` (another project) shows "loading" instead of the old value; a change of
 * `reloadKeys` (the viewer: another account chosen) loads again at once but keeps the page as it
 * is meanwhile, so that what the person has open or typed stays. Either way, what a load for the
 * old keys answers is dropped.
 */
export function useLive<T>(load: () => Promise<T>, block: number, keys: unknown[] = [], reloadKeys: unknown[] = []): Loaded<T> {
  const [state, setState] = useState<Loaded<T>>({ kind: 'loading' });
  const running = useRef(false);
  const pending = useRef<(() => void) | undefined>(undefined);
  const mounted = useRef(true);
  useEffect(() => () => { mounted.current = false; }, []);
  const generation = useRef(0);
  useEffect(() => {
    generation.current += 1;
    setState({ kind: 'loading' });
  }, keys);
  useEffect(() => {
    generation.current += 1;
  }, reloadKeys);
  useEffect(() => {
    const run = () => {
      running.current = true;
      const at = block;
      const current = generation.current;
      const fresh = () => mounted.current && current === generation.current;
      load().then(
        (value) => { if (fresh()) setState({ kind: 'ready', value, block: at }); },
        (error: Error) => { if (fresh()) setState({ kind: 'failed', error: String(error.message ?? error) }); },
      ).finally(() => {
        running.current = false;
        const next = pending.current;
        pending.current = undefined;
        next?.();
      });
    };
    if (running.current) pending.current = run;
    else run();
  }, [block, ...keys, ...reloadKeys]);
  return state;
}
