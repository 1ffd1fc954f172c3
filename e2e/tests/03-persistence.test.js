// Stopping a node and starting it again on the same base path loses nothing.

import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';

import { startNode, tempBasePath } from '../lib/node.js';
import { UNIT, bestNumber, devAccounts, freeBalance, sendOk, waitUntil } from '../lib/chain.js';

describe('restart persistence', () => {
  const basePath = tempBasePath();
  let node;

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
  });
});
