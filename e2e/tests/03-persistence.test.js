// Stopping a node and starting it again on the same base path loses nothing; the node's standard
// subcommands (build-spec, export-blocks, purge-chain) work on that data.

import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { NODE_BINARY, startNode, tempBasePath } from '../lib/node.js';
import { UNIT, bestNumber, devAccounts, freeBalance, sendOk, waitUntil } from '../lib/chain.js';

describe('restart persistence', () => {
  const basePath = tempBasePath();
  let node;
  let lastBlock;
  const run = (...args) => promisify(execFile)(NODE_BINARY, args, { maxBuffer: 64 * 1024 * 1024 });

  after(async () => {
    if (node) await node.stop();
    rmSync(basePath, { recursive: true, force: true });
  });

  it('continues from the last block with all state', async () => {
    const { alice, ferdie } = await devAccounts();
    node = await startNode({ basePath });
    let api = node.api;
    const { blockHash } = await sendOk(api, api.tx.balances.transferKeepAlive(ferdie.address, 777n * UNIT), alice);
    await waitUntil(async () => (await api.rpc.chain.getFinalizedHead()).toHex() !== '0x' &&
      (await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead())).number.toNumber() >=
        (await api.rpc.chain.getHeader(blockHash)).number.toNumber(), { what: 'the transfer finalized' });
    const stoppedAt = await bestNumber(api);
    const stoppedHash = (await api.rpc.chain.getBlockHash(stoppedAt)).toHex();
    const ferdieBalance = await freeBalance(api, ferdie.address);
    const genesis = api.genesisHash.toHex();
    await node.stop();

    node = await startNode({ basePath });
    api = node.api;
    assert.equal(api.genesisHash.toHex(), genesis, 'same chain');
    assert.ok(await bestNumber(api) >= stoppedAt, 'the best block did not go back');
    assert.equal((await api.rpc.chain.getBlockHash(stoppedAt)).toHex(), stoppedHash, 'same block at that height');
    assert.equal(await freeBalance(api, ferdie.address), ferdieBalance, 'balances survive');
    const restartedAt = await bestNumber(api);
    await waitUntil(async () => (await bestNumber(api)) > restartedAt, { what: 'a new block after restart', timeoutMs: 30_000 });
    lastBlock = (await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead())).number.toNumber();
    await node.stop();
    node = null;
  });

  it('exports and purges the chain, and builds specs', async () => {
    assert.ok(lastBlock > 1, 'the previous test left a chain');
    const spec = JSON.parse((await run('build-spec', '--chain', 'dev')).stdout);
    assert.equal(spec.id, 'commons_dev');
    assert.equal(spec.para_id ?? spec.paraId, 2000);
    assert.equal(spec.properties.tokenSymbol, 'CMN');
    const raw = JSON.parse((await run('build-spec', '--chain', 'dev', '--raw')).stdout);
    assert.ok(raw.genesis.raw.top['0x3a636f6465'], 'the raw spec holds the runtime code');

    const exported = join(basePath, 'blocks.bin');
    await run('export-blocks', '--dev', `--base-path=${basePath}`, '--binary', '--from=1', `--to=${lastBlock}`, exported);
    assert.ok(readFileSync(exported).length > 0, 'blocks were exported');
    // Not `import-blocks`: --dev blocks are sealed by manual seal, not by Aura, so the node's
    // Aura import queue rejects them (BadSeal). Blocks authored by collators import fine.

    const chains = join(basePath, 'chains');
    const before = readdirSync(chains);
    assert.ok(before.length > 0);
    await run('purge-chain', '--parachain', '--dev', `--base-path=${basePath}`, '-y');
    const dbs = before.map((c) => join(chains, c, 'db')).filter((d) => existsSync(d) && readdirSync(d).length > 0);
    assert.deepEqual(dbs, [], 'purge-chain removed the database');
  });
});
