// The connection to a Commons node: connect, recognise a Commons runtime, follow new blocks.

import { ApiPromise, WsProvider } from '@polkadot/api';

export const DEFAULT_ENDPOINT = 'ws://127.0.0.1:9944';

/** What the page knows about the chain it talks to. */
export interface ChainInfo {
  endpoint: string;
  chain: string;
  specName: string;
  specVersion: number;
  /** A development or local chain: the dev accounts (Alice, Bob, …) may act from the page. */
  isDev: boolean;
  tokenSymbol: string;
  tokenDecimals: number;
}

export type ConnectionState =
  | { kind: 'connecting'; endpoint: string }
  | { kind: 'no-node'; endpoint: string; reason: string }
  | { kind: 'wrong-chain'; endpoint: string; chain: string; missing: string[] }
  | { kind: 'ready'; api: ApiPromise; info: ChainInfo };

/** The pallets and runtime APIs the dashboard reads: a runtime without them is not Commons. */
const REQUIRED_PALLETS = ['projects', 'tasks', 'contributions', 'quadraticVoting'];
const REQUIRED_APIS = ['progressApi', 'contributionsApi', 'quadraticVotingApi'];

/**
 * Connects to `endpoint`, reporting each state. Gives up after `timeoutMs` without a node (the
 * provider keeps retrying: the caller may reconnect). Resolves with the final state.
 */
export async function connect(
  endpoint: string,
  onState: (state: ConnectionState) => void,
  timeoutMs = 6000,
): Promise<ConnectionState> {
  onState({ kind: 'connecting', endpoint });
  let provider: WsProvider;
  try {
    provider = new WsProvider(endpoint, 2500);
  } catch (error) {
    const state: ConnectionState = { kind: 'no-node', endpoint, reason: String((error as Error).message ?? error) };
    onState(state);
    return state;
  }
  const connected = await Promise.race([
    provider.isReady.then(() => true),
    new Promise<boolean>((resolve) => setTimeout(() => resolve(false), timeoutMs)),
  ]);
  if (!connected) {
    await provider.disconnect().catch(() => {});
    const state: ConnectionState = { kind: 'no-node', endpoint, reason: `nothing answers at ${endpoint}` };
    onState(state);
    return state;
  }
  const api = await ApiPromise.create({ provider, noInitWarn: true, throwOnConnect: false });
  const chain = (await api.rpc.system.chain()).toString();
  const missing = [
    ...REQUIRED_PALLETS.filter((p) => !(p in api.query)),
    ...REQUIRED_APIS.filter((a) => !(a in api.call)),
  ];
  if (missing.length > 0) {
    await api.disconnect();
    const state: ConnectionState = { kind: 'wrong-chain', endpoint, chain, missing };
    onState(state);
    return state;
  }
  const [chainType, properties] = await Promise.all([
    api.rpc.system.chainType(),
    api.rpc.system.properties(),
  ]);
  const info: ChainInfo = {
    endpoint,
    chain,
    specName: api.runtimeVersion.specName.toString(),
    specVersion: api.runtimeVersion.specVersion.toNumber(),
    isDev: chainType.isDevelopment || chainType.isLocal,
    tokenSymbol: properties.tokenSymbol.unwrapOr([])[0]?.toString() ?? 'UNIT',
    tokenDecimals: properties.tokenDecimals.unwrapOr([])[0]?.toNumber() ?? 12,
  };
  const state: ConnectionState = { kind: 'ready', api, info };
  onState(state);
  return state;
}

/** The endpoint to use: `?rpc=` in the page's address, else the default. */
export function initialEndpoint(): string {
  return new URLSearchParams(window.location.search).get('rpc') ?? DEFAULT_ENDPOINT;
}
