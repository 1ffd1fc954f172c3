// The Commons dashboard: connects to a node, follows its blocks, and shows the projects list or
// one project (`#/project/<id>`), refreshed on every new block.

import { render } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { ApiPromise } from '@polkadot/api';

import { connect, initialEndpoint, type ConnectionState } from './chain';
import { devAccounts, extensionAccounts, type Account } from './actions';
import { ACTIVITY, type Activity } from './views/Act';
import { ProjectList } from './views/ProjectList';
import { ProjectPage } from './views/ProjectPage';
import type { Context } from './views/context';
import './style.css';

function route(): { project?: number } {
  const match = /^#\/project\/(\d+)/.exec(window.location.hash);
  return match ? { project: Number(match[1]) } : {};
}

/**
 * The chain's block time in milliseconds, as its last 20 blocks' timestamps show it (a dev chain
 * runs at whatever `--dev-block-time` says); the Aura slot before there are 20 blocks.
 */
async function blockTime(api: ApiPromise): Promise<number> {
  const best = (await api.rpc.chain.getHeader()).number.toNumber();
  if (best > 20) {
    const [now, then] = await Promise.all([best, best - 20].map(async (n) => {
      const at = await api.at(await api.rpc.chain.getBlockHash(n));
      return Number((await at.query.timestamp.now()).toString());
    }));
    if (now > then) return (now - then) / 20;
  }
  const slot = await api.call.auraApi.slotDuration().catch(() => undefined);
  return slot ? Number(slot.toString()) : 6000;
}

function App() {
  const [endpoint, setEndpoint] = useState(initialEndpoint());
  const [input, setInput] = useState(endpoint);
  const [state, setState] = useState<ConnectionState>({ kind: 'connecting', endpoint });
  const [block, setBlock] = useState<{ number: number; hash: string } | undefined>();
  const [at, setAt] = useState(route());
  const [accounts, setAccounts] = useState<Account[]>([]);
  const [accountAddress, setAccountAddress] = useState<string | undefined>();
  const [blockMs, setBlockMs] = useState(6000);

  const [activity, setActivity] = useState<Activity[]>([]);
  useEffect(() => {
    const onActivity = (e: Event) => setActivity((old) => [(e as CustomEvent<Activity>).detail, ...old].slice(0, 4));
    window.addEventListener(ACTIVITY, onActivity);
    return () => window.removeEventListener(ACTIVITY, onActivity);
  }, []);

  useEffect(() => {
    const onHash = () => setAt(route());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  // Connect (again, when the endpoint changes), then follow new blocks.
  useEffect(() => {
    let api: ApiPromise | undefined;
    let unsubscribe: () => void = () => {};
    let cancelled = false;
    setBlock(undefined);
    connect(endpoint, (s) => { if (!cancelled) setState(s); }).then(async (s) => {
      if (s.kind !== 'ready' || cancelled) {
        if (s.kind === 'ready') await s.api.disconnect();
        return;
      }
      api = s.api;
      setBlockMs(await blockTime(api));
      const dev = s.info.isDev ? await devAccounts(api.registry.chainSS58 ?? 42) : [];
      const injected = await extensionAccounts().catch(() => []);
      if (cancelled) return;
      setAccounts([...injected, ...dev]);
      // Keep the account chosen if the new node's accounts include it.
      const all = [...injected, ...dev];
      setAccountAddress((current) => (all.some((a) => a.address === current) ? current : all[0]?.address));
      unsubscribe = await api.rpc.chain.subscribeNewHeads((header) => {
        setBlock({ number: header.number.toNumber(), hash: header.hash.toHex() });
      });
    });
    return () => {
      cancelled = true;
      unsubscribe();
      api?.disconnect();
    };
  }, [endpoint]);

  const account = accounts.find((a) => a.address === accountAddress);
  const names = useMemo(() => new Map(accounts.map((a) => [a.address, a.name])), [accounts]);

  const applyEndpoint = (event: Event) => {
    event.preventDefault();
    const url = new URL(window.location.href);
    url.searchParams.set('rpc', input);
    window.history.replaceState(null, '', url);
    setEndpoint(input);
  };

  return (
    <>
      <header class="bar">
        <a class="brand" href="#/">Commons</a>
        <form class="endpoint" onSubmit={applyEndpoint}>
          <label>
            Node{' '}
            <input data-testid="endpoint" value={input} onInput={(e) => setInput((e.target as HTMLInputElement).value)} size={28} />
          </label>
          <button type="submit">Connect</button>
        </form>
        <span class="status" data-testid="connection">
          {state.kind === 'ready'
            ? `${state.info.chain} · ${state.info.specName} v${state.info.specVersion} · block #${block?.number ?? '…'}`
            : state.kind === 'connecting' ? 'connecting…' : state.kind === 'no-node' ? 'no node' : 'not a Commons chain'}
        </span>
        {state.kind === 'ready' && (
          <label class="account">
            Act as{' '}
            <select data-testid="account" value={accountAddress} onChange={(e) => setAccountAddress((e.target as HTMLSelectElement).value)}>
              {accounts.length === 0 && <option value="">no account: install a wallet extension</option>}
              {accounts.map((a) => (
                <option key={a.address} value={a.address}>{a.name} ({a.source})</option>
              ))}
            </select>
          </label>
        )}
      </header>
      <main>
        {state.kind === 'connecting' && <p class="notice" data-testid="state-connecting">Connecting to {state.endpoint}…</p>}
        {state.kind === 'no-node' && (
          <div class="notice error" data-testid="state-no-node">
            <h2>No node at {state.endpoint}</h2>
            <p>Start a dev chain with <code>scripts/run-dev.sh</code>, or enter the address of a running Commons node above.</p>
            <p class="muted">{state.reason}</p>
          </div>
        )}
        {state.kind === 'wrong-chain' && (
          <div class="notice error" data-testid="state-wrong-chain">
            <h2>{state.chain} is not a Commons chain</h2>
            <p>Its runtime lacks {state.missing.join(', ')}. Enter the address of a Commons node above.</p>
          </div>
        )}
        {state.kind === 'ready' && !block && <p class="notice" data-testid="state-loading">Loading…</p>}
        {state.kind === 'ready' && block && (() => {
          const context: Context = { api: state.api, info: state.info, block, account, accounts, names, blockMs };
          return at.project === undefined
            ? <ProjectList context={context} />
            : <ProjectPage key={at.project} context={context} id={at.project} />;
        })()}
      </main>
      {activity.length > 0 && (
        <aside class="activity" data-testid="activity">
          {activity.map((a, i) => (
            <p key={i} class={a.ok ? 'ok' : 'failed'}><b>{a.label}</b> as {a.by}: {a.text}</p>
          ))}
        </aside>
      )}
    </>
  );
}

render(<App />, document.getElementById('app') as HTMLElement);
