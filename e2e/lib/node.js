// Starts and stops a real `commons-node` for the end-to-end tests.
//
// Each node gets free ports and (unless one is given) a fresh temporary base path; `stop()`
// always kills it, and a process-exit hook kills any node a failing test left behind.

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync, createWriteStream } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, homedir } from 'node:os';
import { join } from 'node:path';
import { ApiPromise, WsProvider } from '@polkadot/api';

/** Where the builds are: $CARGO_TARGET_DIR, as the scripts set it. */
export const TARGET_DIR = process.env.CARGO_TARGET_DIR || join(homedir(), '.cache/commons/target');
export const NODE_BINARY = process.env.COMMONS_NODE || join(TARGET_DIR, 'release/commons-node');

const running = new Set();
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** A TCP port nobody listens on right now. */
export async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** A new temporary directory for a node's base path. */
export function tempBasePath() {
  return mkdtempSync(join(tmpdir(), 'commons-e2e-'));
}

/**
 * Starts `commons-node --dev` and connects `@polkadot/api` to it.
 *
 * @param {object} options
 * @param {string} [options.basePath] reuse a base path (to test restarts); temporary otherwise
 * @param {number} [options.blockTimeMs] manual-seal block time (finalizing, empty blocks too)
 * @param {string[]} [options.extraArgs]
 * @returns {Promise<{api: ApiPromise, basePath: string, rpcPort: number, stop: Function, logFile: string}>}
 */
export async function startNode({ basePath, blockTimeMs = 1000, extraArgs = [] } = {}) {
  if (!existsSync(NODE_BINARY)) {
    throw new Error(`${NODE_BINARY} does not exist: build it with scripts/test.sh or cargo build --release -p commons-node`);
  }
  const ownBasePath = !basePath;
  const base = basePath || tempBasePath();
  const rpcPort = await freePort();
  const p2pPort = await freePort();
  const args = [
    '--dev',
    `--dev-block-time=${blockTimeMs}`,
    `--base-path=${base}`,
    `--rpc-port=${rpcPort}`,
    `--port=${p2pPort}`,
    '--no-prometheus',
    '--no-telemetry',
    '--no-mdns',
    '--no-hardware-benchmarks',
    '--rpc-max-request-size=64',
    ...extraArgs,
  ];
  const logFile = join(base, `node-${Date.now()}.log`);
  const log = createWriteStream(logFile);
  const child = spawn(NODE_BINARY, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => {
    running.delete(child);
    resolve({ code, signal });
  }));

  let stopped = false;
  const stop = async ({ keepBasePath = false } = {}) => {
    if (stopped) return;
    stopped = true;
    if (api) await api.disconnect().catch(() => {});
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGINT');
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(timer);
    }
    if (ownBasePath && !keepBasePath) rmSync(base, { recursive: true, force: true });
  };

  let api;
  try {
    api = await connect(`ws://127.0.0.1:${rpcPort}`, exited, logFile);
  } catch (error) {
    await stop({ keepBasePath: true });
    throw error;
  }
  return { api, basePath: base, rpcPort, stop, logFile, process: child };
}

/** A new `@polkadot/api` connection to a running node's RPC port. */
export function connectApi(rpcPort) {
  return ApiPromise.create({
    provider: new WsProvider(`ws://127.0.0.1:${rpcPort}`, 1000),
    throwOnConnect: true,
    noInitWarn: true,
    signedExtensions: SIGNED_EXTENSIONS,
  });
}

// Transaction extensions newer than @polkadot/api 16.5; neither adds signed data.
const SIGNED_EXTENSIONS = {
  AuthorizeCall: { extrinsic: {}, payload: {} },
  StorageWeightReclaim: { extrinsic: {}, payload: {} },
};

/** Connects once the node's RPC answers; fails early if the node exits. */
async function connect(url, exited, logFile, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  let exitInfo = null;
  exited.then((info) => { exitInfo = info; });
  while (Date.now() < deadline) {
    if (exitInfo) {
      throw new Error(`commons-node exited (${JSON.stringify(exitInfo)}) before RPC was up; see ${logFile}`);
    }
    if (await rpcAnswers(url)) {
      const provider = new WsProvider(url, 1000);
      return ApiPromise.create({
        provider,
        throwOnConnect: true,
        noInitWarn: true,
        signedExtensions: SIGNED_EXTENSIONS,
      });
    }
    await sleep(250);
  }
  throw new Error(`commons-node RPC at ${url} did not answer within ${timeoutMs} ms; see ${logFile}`);
}

async function rpcAnswers(url) {
  const httpUrl = url.replace('ws://', 'http://');
  try {
    const response = await fetch(httpUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id: 1, jsonrpc: '2.0', method: 'system_health', params: [] }),
      signal: AbortSignal.timeout(1000),
    });
    return response.ok;
  } catch {
    return false;
  }
}

export function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
