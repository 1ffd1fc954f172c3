// A real network for the network test: a rococo-local relay chain (two validators) and the Commons
// local testnet (two collators), started by zombienet's native provider from
// scripts/zombienet.toml, on free ports. Collators can be stopped and restarted with the very
// command line zombienet gave them (their database kept), as an operator restarts a machine.

import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { connect as connectTcp } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { TARGET_DIR, connectApi, freePort, sleep } from './node.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const BIN_DIR = join(TARGET_DIR, 'release');
export const RELAY_BINARIES = ['polkadot', 'polkadot-prepare-worker', 'polkadot-execute-worker'];
const ZOMBIENET = join(ROOT, 'e2e/node_modules/.bin/zombienet');

/** The relay binaries (scripts/build-relay.sh) that are not built. */
export function missingRelayBinaries() {
  return RELAY_BINARIES.filter((b) => !existsSync(join(BIN_DIR, b)));
}

const running = new Set();
function killAll() {
  for (const pid of running) {
    try { process.kill(-pid, 'SIGKILL'); } catch { /* gone */ }
  }
}
process.on('exit', killAll);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    killAll();
    process.exit(128 + (signal === 'SIGINT' ? 2 : 15));
  });
}

/**
 * Spawns the network and connects to every node. Resolves with
 * `{ relay: {alice, bob}, collators: {alice, bob}, dir, stop, stopCollator, startCollator }`,
 * each node `{ name, rpcPort, api }`.
 */
export async function startNetwork({ timeoutMs = 900_000 } = {}) {
  const ports = {
    RELAY_ALICE_RPC: await freePort(),
    RELAY_BOB_RPC: await freePort(),
    COMMONS_ALICE_RPC: await freePort(),
    COMMONS_BOB_RPC: await freePort(),
  };
  const dir = join(mkdtempSync(join(tmpdir(), 'commons-network-')), 'network');
  const logFile = `${dir}.zombienet.log`;
  const log = createWriteStream(logFile);
  const child = spawn(ZOMBIENET, [
    'spawn', 'scripts/zombienet.toml', '--provider', 'native', '--dir', dir, '--force', '--logType', 'text',
  ], {
    cwd: ROOT,
    detached: true, // its own process group: stopping it stops every node it started
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...stringify(ports), PATH: `${BIN_DIR}:${process.env.PATH}` },
  });
  running.add(child.pid);
  let output = '';
  child.stdout.on('data', (d) => { output = (output + d).slice(-10_000); log.write(d); });
  child.stderr.on('data', (d) => { output = (output + d).slice(-10_000); log.write(d); });
  let exited = null;
  child.on('exit', (code, signal) => { exited = { code, signal }; running.delete(child.pid); });

  const restarted = new Map();
  const stop = async () => {
    for (const node of Object.values(network.relay).concat(Object.values(network.collators))) {
      if (node.api) await node.api.disconnect().catch(() => {});
    }
    for (const pid of [child.pid, ...restarted.values()]) {
      try { process.kill(-pid, 'SIGINT'); } catch { /* gone */ }
    }
    await sleep(3000);
    for (const pid of [child.pid, ...restarted.values()]) {
      try { process.kill(-pid, 'SIGKILL'); } catch { /* gone */ }
      running.delete(pid);
    }
    if (!process.env.COMMONS_KEEP_NETWORK) rmSync(dirname(dir), { recursive: true, force: true });
  };

  // zombienet writes zombie.json (every node's endpoints) once all nodes are up.
  const deadline = Date.now() + timeoutMs;
  while (!existsSync(join(dir, 'zombie.json'))) {
    if (exited) throw new Error(`zombienet exited (${JSON.stringify(exited)}) before the network was up; see ${logFile}:\n${output.slice(-3000)}`);
    if (Date.now() > deadline) {
      try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } // its log is kept
      throw new Error(`the network did not launch within ${timeoutMs} ms; see ${logFile}`);
    }
    await sleep(1000);
  }

  const node = async (name, rpcPort) => ({ name, rpcPort, api: await connectApi(rpcPort) });
  const network = {
    dir,
    logFile,
    relay: {
      alice: await node('alice', ports.RELAY_ALICE_RPC),
      bob: await node('bob', ports.RELAY_BOB_RPC),
    },
    collators: {
      alice: await node('commons-alice', ports.COMMONS_ALICE_RPC),
      bob: await node('commons-bob', ports.COMMONS_BOB_RPC),
    },
    stop,
    /** Stops a collator (SIGINT, as systemd would) and resolves with its command line. */
    async stopCollator(key) {
      const collator = network.collators[key];
      const pid = restarted.get(collator.name) ?? processOf(collator.name);
      const commandLine = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
      await collator.api.disconnect().catch(() => {});
      collator.api = null;
      process.kill(pid, 'SIGINT');
      await waitForExit(pid);
      collator.commandLine = commandLine;
      return commandLine;
    },
    /** Starts a stopped collator again with the same command line (same database and keys). */
    async startCollator(key) {
      const collator = network.collators[key];
      const [command, ...args] = collator.commandLine;
      const out = createWriteStream(join(dir, `${collator.name}.log`), { flags: 'a' });
      const restartedChild = spawn(command, args, {
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, PATH: `${BIN_DIR}:${process.env.PATH}` }, // as zombienet ran it
      });
      restartedChild.on('error', (error) => out.write(`cannot start ${command}: ${error.message}\n`));
      restartedChild.stdout.pipe(out);
      restartedChild.stderr.pipe(out);
      restarted.set(collator.name, restartedChild.pid);
      running.add(restartedChild.pid);
      // Connect once its RPC port listens (a refused connection would leave a provider retrying).
      const until = Date.now() + 120_000;
      while (!(await listens(collator.rpcPort))) {
        if (Date.now() > until) throw new Error(`${collator.name} did not open its RPC port ${collator.rpcPort}; see ${dir}/${collator.name}.log`);
        await sleep(1000);
      }
      collator.api = await connectApi(collator.rpcPort);
      return collator;
    },
  };
  return network;
}

/** Whether something accepts TCP connections on 127.0.0.1:`port`. */
function listens(port) {
  return new Promise((resolve) => {
    const socket = connectTcp({ host: '127.0.0.1', port });
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('error', () => resolve(false));
  });
}

function stringify(object) {
  return Object.fromEntries(Object.entries(object).map(([k, v]) => [k, String(v)]));
}

/** The pid of the node process named `name` (its `--name` argument). */
function processOf(name) {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let args;
    try {
      args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
    } catch {
      continue;
    }
    const at = args.indexOf('--name');
    if (at >= 0 && args[at + 1] === name && !args[0].endsWith('bash')) return Number(entry);
  }
  throw new Error(`no process runs node ${name}`);
}

async function waitForExit(pid, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (existsSync(`/proc/${pid}`) && !/^State:\s+Z/m.test(readStatus(pid))) {
    if (Date.now() > deadline) {
      process.kill(pid, 'SIGKILL');
      break;
    }
    await sleep(250);
  }
}

function readStatus(pid) {
  try {
    return readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return '';
  }
}
