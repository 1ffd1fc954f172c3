// Rehearsing on a fork: chopsticks with the repository's config (chopsticks/commons.yml) forks a
// running Commons chain, serves its state at the fork point, builds blocks on demand and runs the
// chain's own runtime — what docs/governance.md tells a community to rehearse an upgrade on.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ApiPromise, WsProvider } from '@polkadot/api';

import { freePort, startNode } from '../lib/node.js';
import { UNIT, devAccounts, freeBalance, sendOk, waitUntil } from '../lib/chain.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const CHOPSTICKS = join(ROOT, 'e2e/node_modules/.bin/chopsticks');

describe('a chopsticks fork of the chain', () => {
  let node;
  let fork;
  let forkApi;
  let output = '';

  before(async () => {
    node = await startNode({ blockTimeMs: 1000 });
  });

  after(async () => {
    if (forkApi) await forkApi.disconnect().catch(() => {});
    if (fork) fork.kill('SIGKILL');
    if (node) await node.stop();
  });

  it('serves the chain\'s state, builds blocks on demand and runs its runtime', async () => {
    const { api } = node;
    const { dave, eve } = await devAccounts();
    await sendOk(api, api.tx.balances.transferKeepAlive(eve.address, 777n * UNIT), dave);
    const eveThen = await freeBalance(api, eve.address);
    const head = await api.rpc.chain.getHeader();

    const port = await freePort();
    fork = spawn(CHOPSTICKS, [
      '--config', join(ROOT, 'chopsticks/commons.yml'),
      '--endpoint', `ws://127.0.0.1:${node.rpcPort}`, '--port', String(port), '--block', head.hash.toHex(),
    ], { stdio: ['ignore', 'pipe', 'pipe'] });
    fork.stdout.on('data', (d) => { output += d; });
    fork.stderr.on('data', (d) => { output += d; });
    await waitUntil(() => /RPC listening on/.test(output), { what: 'chopsticks to serve its RPC', timeoutMs: 120_000 });
    forkApi = await ApiPromise.create({ provider: new WsProvider(`ws://127.0.0.1:${port}`), noInitWarn: true });

    // The fork starts at the chosen block, with its state and its runtime.
    assert.equal((await forkApi.rpc.chain.getHeader()).number.toNumber(), head.number.toNumber());
    assert.equal((await forkApi.rpc.state.getRuntimeVersion()).specName.toString(), 'commons');
    assert.equal(await freeBalance(forkApi, eve.address), eveThen);

    // A transaction on the fork makes a block there (instant mode) and changes only the fork.
    await sendOk(forkApi, forkApi.tx.balances.transferKeepAlive(eve.address, 5n * UNIT), dave);
    assert.equal((await forkApi.rpc.chain.getHeader()).number.toNumber(), head.number.toNumber() + 1);
    assert.equal(await freeBalance(forkApi, eve.address), eveThen + 5n * UNIT);
    assert.equal(await freeBalance(api, eve.address, head.hash), eveThen);
  });
});
