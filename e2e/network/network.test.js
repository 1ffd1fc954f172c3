// Commons as a parachain of a real (local) relay chain: rococo-local with two validators, the
// Commons local testnet with two collators (scripts/zombienet.toml), everything a community's
// deployment does but the public internet: collators author, relay validators back and include
// the blocks (running the PVF), the relay chain finalises them; a transaction travels between
// collators; a collator goes down and comes back; the runtime is upgraded by referendum with the
// relay chain's go-ahead.
//
// Needs the relay binaries (scripts/build-relay.sh); skipped, saying so, without them.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { blake2AsHex } from '@polkadot/util-crypto';

import { missingRelayBinaries, startNetwork } from '../lib/network.js';
import { UNIT, devAccounts, findEvent, freeBalance, sendOk, waitUntil } from '../lib/chain.js';
import { asRootOk, fundedProject } from '../lib/commons.js';
import { upgradeByReferendum, upgradeCode } from '../lib/governance.js';

const PARA_ID = 2000;
const missing = missingRelayBinaries();
const skip = missing.length > 0
  ? `relay binaries missing (${missing.join(', ')}): build them with scripts/build-relay.sh`
  : false;
if (skip) console.log(`# network test skipped: ${skip}`);

/** Block number of a parachain head (its header's second field, after the parent hash). */
function headNumber(paraApi, head) {
  return paraApi.createType('Header', head.toU8a(true)).number.toNumber();
}

/**
 * How the relay chain handled Commons' upgrade to `codeHash` in its blocks from `from` to its best:
 * the blocks of the PVF pre-check's start and acceptance (`paras` events), the first block with the
 * upgrade scheduled (`paras.futureCodeUpgrades`, and the block it is set for) and the first with
 * the go-ahead signal (`paras.upgradeGoAheadSignal`).
 */
async function relayUpgrade(relay, from, codeHash) {
  const best = (await relay.rpc.chain.getHeader()).number.toNumber();
  const found = {};
  for (let n = from; n <= best; n++) {
    const at = await relay.at(await relay.rpc.chain.getBlockHash(n));
    const [events, future, signal] = await Promise.all([
      at.query.system.events(),
      at.query.paras.futureCodeUpgrades(PARA_ID),
      at.query.paras.upgradeGoAheadSignal(PARA_ID),
    ]);
    for (const { event } of events) {
      if (event.section !== 'paras' || !['PvfCheckStarted', 'PvfCheckAccepted'].includes(event.method)) continue;
      const [hash, para] = event.data;
      if (para.toNumber() === PARA_ID && hash.toHex() === codeHash) {
        const key = event.method === 'PvfCheckStarted' ? 'pvfCheckStarted' : 'pvfCheckAccepted';
        found[key] ??= n;
      }
    }
    if (future.isSome && found.scheduled === undefined) {
      found.scheduled = n;
      found.expectedAt = future.unwrap().toNumber();
    }
    if (signal.isSome && signal.unwrap().isGoAhead) found.goAhead ??= n;
  }
  for (const key of ['pvfCheckStarted', 'pvfCheckAccepted', 'scheduled', 'goAhead']) {
    assert.ok(found[key] !== undefined, `the relay chain shows no ${key} since block #${from}: ${JSON.stringify(found)}`);
  }
  return found;
}

describe('Commons on a local relay chain', { skip }, () => {
  let network;
  let accounts;
  let relay;
  let a;
  let b;
  const relayEvents = [];
  let unsubscribeRelay = () => {};
  let created;

  before(async () => {
    const started = Date.now();
    network = await startNetwork();
    console.log(`# network launched in ${Math.round((Date.now() - started) / 1000)} s (files: ${network.dir})`);
    relay = network.relay.alice.api;
    a = network.collators.alice;
    b = network.collators.bob;
    accounts = await devAccounts();
    unsubscribeRelay = await relay.query.system.events((events) => {
      for (const { event } of events) {
        if (event.section === 'paraInclusion' || event.section === 'paras') relayEvents.push(event);
      }
    });
  });

  after(async () => {
    unsubscribeRelay();
    if (network) await network.stop();
  });

  const ofPara = (event) => {
    const candidate = event.data[0];
    const paraId = candidate.descriptor ? candidate.descriptor.paraId : event.data[0];
    return paraId.toNumber() === PARA_ID;
  };

  it('is onboarded; its blocks are backed, included and finalised by the relay chain', async () => {
    const lifecycle = await relay.query.paras.paraLifecycles(PARA_ID);
    assert.equal(lifecycle.unwrap().type, 'Parachain', 'registered at the relay genesis');

    await waitUntil(
      () => relayEvents.filter((e) => e.method === 'CandidateBacked' && ofPara(e)).length >= 2
        && relayEvents.filter((e) => e.method === 'CandidateIncluded' && ofPara(e)).length >= 2,
      { what: 'two candidates backed and included', timeoutMs: 300_000 },
    );

    // The parachain head in the relay chain's finalised state is a block the collators have
    // finalised: parachain finality is the relay chain's.
    let finalised;
    await waitUntil(async () => {
      const relayFinalised = await relay.rpc.chain.getFinalizedHead();
      const head = await (await relay.at(relayFinalised)).query.paras.heads(PARA_ID);
      const number = headNumber(a.api, head.unwrap());
      const relayNumber = (await relay.rpc.chain.getHeader(relayFinalised)).number.toNumber();
      finalised = { number, hash: blake2AsHex(head.unwrap().toU8a(true), 256), relayNumber };
      return number >= 3;
    }, { what: 'parachain block 3 finalised on the relay chain', timeoutMs: 300_000 });
    await waitUntil(async () => {
      const paraFinalised = await a.api.rpc.chain.getHeader(await a.api.rpc.chain.getFinalizedHead());
      return paraFinalised.number.toNumber() >= finalised.number;
    }, { what: 'the collator to finalise it', timeoutMs: 120_000 });
    assert.equal((await a.api.rpc.chain.getBlockHash(finalised.number)).toHex(), finalised.hash);
    assert.equal((await b.api.rpc.chain.getBlockHash(finalised.number)).toHex(), finalised.hash);
    console.log(`# relay block #${finalised.relayNumber} (finalised) holds Commons block #${finalised.number} ${finalised.hash}`);
  });

  it('a transaction sent to one collator is in the other one\'s state', async () => {
    const { alice, bob } = accounts;
    const budget = 1_000n * UNIT;
    created = await fundedProject(a.api, alice, budget, { name: 'Seed Library', symbol: 'SEED' });
    await asRootOk(a.api, a.api.tx.projects.addSteward(created.project, bob.address), alice);
    const head = (await a.api.rpc.chain.getHeader()).number.toNumber();
    const posted = await sendOk(a.api, a.api.tx.tasks.postTask(
      created.project, created.milestone, 'bafy-catalogue-the-seeds', 10n * UNIT, head + 1_000, [bob.address], 1,
    ), alice);
    created.task = findEvent(posted.events, 'tasks', 'TaskPosted').data.task.toNumber();

    await waitUntil(async () => (await b.api.query.tasks.tasks(created.task)).isSome, {
      what: 'collator B to see the task', timeoutMs: 120_000,
    });
    const project = await b.api.query.projects.projects(created.project);
    assert.ok(project.isSome, 'collator B has the project');
    assert.equal((await b.api.query.tasks.tasks(created.task)).unwrap().reward.toBigInt(), 10n * UNIT);
  });

  it('keeps producing blocks without one collator, which catches up when it is back', async () => {
    const { alice, charlie } = accounts;
    await network.stopCollator('bob');
    const from = (await a.api.rpc.chain.getHeader()).number.toNumber();
    const finalisedFrom = await a.api.rpc.chain.getFinalizedHead();
    const finalisedFromNumber = (await a.api.rpc.chain.getHeader(finalisedFrom)).number.toNumber();
    const charlieBefore = await freeBalance(a.api, charlie.address, finalisedFrom);
    // Alone, collator A authors its own slots; the relay chain goes on backing and finalising.
    const sent = await sendOk(a.api, a.api.tx.balances.transferKeepAlive(charlie.address, 3n * UNIT), alice, { timeoutMs: 180_000 });
    await waitUntil(async () => (await a.api.rpc.chain.getHeader()).number.toNumber() >= from + 4, {
      what: 'four blocks without collator B', timeoutMs: 300_000,
    });
    // The block that first held the transfer may lose to a fork (a parachain block the relay chain
    // did not back in time is built again): its state is then discarded, and the transaction pool
    // puts the transfer in a later block. Only the finalised chain counts.
    let finalised;
    await waitUntil(async () => {
      const hash = await a.api.rpc.chain.getFinalizedHead();
      const number = (await a.api.rpc.chain.getHeader(hash)).number.toNumber();
      finalised = { hash: hash.toHex(), number };
      return number >= finalisedFromNumber + 3
        && await freeBalance(a.api, charlie.address, hash) === charlieBefore + 3n * UNIT;
    }, { what: 'finality to advance, with the transfer, without collator B', timeoutMs: 300_000 });
    const firstBlock = await a.api.rpc.chain.getHeader(sent.blockHash).catch(() => null);
    const canonical = firstBlock && (await a.api.rpc.chain.getBlockHash(firstBlock.number.toNumber())).toHex() === sent.blockHash;
    if (!canonical) console.log(`# the block first holding the transfer (${sent.blockHash}) was retracted by a fork; the transfer is in a later one`);
    assert.ok((await a.api.query.tasks.tasks(created.task)).isSome, 'the task survives');

    await network.startCollator('bob');
    await waitUntil(async () => {
      const [ofA, ofB] = await Promise.all([a.api, b.api].map(async (api) => (await api.rpc.chain.getHeader()).number.toNumber()));
      return ofB >= ofA - 1;
    }, { what: 'collator B to catch up', timeoutMs: 300_000 });
    assert.equal((await b.api.rpc.chain.getBlockHash(finalised.number)).toHex(), finalised.hash, 'B has the chain made without it');
    assert.equal(await freeBalance(b.api, charlie.address, finalised.hash), charlieBefore + 3n * UNIT, 'B has the transfer made without it');
    assert.ok((await b.api.query.tasks.tasks(created.task)).isSome);
    const to = (await b.api.rpc.chain.getHeader()).number.toNumber();
    console.log(`# collator B down from block #${from} (A finalised #${finalised.number} alone); back and caught up at #${to}`);
  });

  it('upgrades the runtime by referendum, enacted with the relay chain\'s go-ahead', async () => {
    const code = upgradeCode();
    const codeHash = blake2AsHex(code, 256);
    const before = a.api.runtimeVersion.specVersion.toNumber();
    const relayFrom = (await relay.rpc.chain.getHeader()).number.toNumber();
    if (!b.api) await network.startCollator('bob'); // left down by a failed test before this one
    const node = { api: a.api, rpcPort: a.rpcPort };
    await upgradeByReferendum(node, accounts, code, { timeoutMs: 600_000 });
    a.api = node.api;
    assert.equal(a.api.runtimeVersion.specVersion.toNumber(), before + 1);

    // The relay chain pre-checked the new code (its validators compiled the PVF and voted), set
    // its upgrade for a block, signalled the go-ahead in that block and now validates Commons
    // with it. A parachain-initiated upgrade has no event of its own after the pre-check: its
    // schedule and go-ahead are in the relay chain's state, read block by block.
    await waitUntil(async () => (await relay.query.paras.currentCodeHash(PARA_ID)).unwrap().toHex() === codeHash, {
      what: 'the relay chain to validate with the new code', timeoutMs: 300_000,
    });
    const upgrade = await relayUpgrade(relay, relayFrom, codeHash);
    assert.ok(upgrade.pvfCheckStarted < upgrade.pvfCheckAccepted, `pre-check started then accepted: ${JSON.stringify(upgrade)}`);
    assert.ok(upgrade.pvfCheckAccepted <= upgrade.scheduled, 'scheduled once accepted');
    assert.ok(upgrade.goAhead >= upgrade.expectedAt, `the go-ahead at the block the upgrade was set for: ${JSON.stringify(upgrade)}`);
    console.log(`# relay: PVF pre-check started at #${upgrade.pvfCheckStarted}, accepted at #${upgrade.pvfCheckAccepted} (upgrade set for #${upgrade.expectedAt}), go-ahead at #${upgrade.goAhead}`);

    // Both collators run the new runtime, and the state is intact.
    await waitUntil(async () => (await b.api.rpc.state.getRuntimeVersion()).specVersion.toNumber() === before + 1, {
      what: 'collator B to run the new runtime', timeoutMs: 300_000,
    });
    assert.ok((await a.api.query.projects.projects(created.project)).isSome);
    assert.ok((await a.api.query.tasks.tasks(created.task)).isSome);
    const relayNumber = (await relay.rpc.chain.getHeader()).number.toNumber();
    const paraNumber = (await a.api.rpc.chain.getHeader()).number.toNumber();
    console.log(`# upgraded ${before} -> ${before + 1}; relay at #${relayNumber}, Commons at #${paraNumber}`);
  });
});
