// Throughput of Commons' calls on a dev node, against the chain's own balance transfers.
//
// Starts `commons-node --dev --dev-block-time <T>`, creates and funds many accounts, and for each
// workload pre-signs N extrinsics from those accounts (mortal, consecutive nonces), submits them
// all, and follows the blocks that include them. N is four blocks' worth of the call's weight, so
// that blocks are full while the pool drains. Every included extrinsic must succeed: a failed
// dispatch aborts the run, so the numbers are of calls that did their work.
//
// Per workload it reports: included extrinsics per full block and per second, the mean fullness of
// those blocks (the most used of ref_time, proof size and length, against the `Normal` class
// limits), which limit bound, the call's declared weight, and the ratio to the transfer baseline.
// "Full blocks" are the blocks built after every extrinsic was in the pool, except the last one
// (which takes the remainder); if there are none (a fast workload), all but the last.
//
// Then (unless `--no-large`) it builds a large project on the same chain (10,000 members, 1,000
// open tasks and a running poll with 5,000 voters: `runtime/src/scale.rs`'s LARGE) with batched
// extrinsics, runs the same workloads inside it, and prints their included extrinsics per full
// block in a "large project" column beside the small projects' (and the large project's own
// table below), with how long building the large project took.
//
// Usage: node bench/throughput.js [--block-time ms] [--accounts K] [--blocks B]
//          [--max-per-workload N] [--markdown path]
//          [--no-large] [--large-members M] [--large-tasks T] [--large-voters V]
// or, from a test, `runThroughput({ blockTime, accounts, blocks, maxPerWorkload, large })` (the
// large project only with `large: true`).

import { writeFileSync, statSync } from 'node:fs';
import { hostname, cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Keyring } from '@polkadot/api';
import { blake2AsU8a, cryptoWaitReady } from '@polkadot/util-crypto';
import { startNode, NODE_BINARY } from '../lib/node.js';
import { devAccounts, describeError, sendOk, findEvent, UNIT } from '../lib/chain.js';

// The large project's size: the LARGE community of the scale test (`runtime/src/scale.rs`).
const LARGE = { members: 10_000, openTasks: 1_000, voters: 5_000 };
const DEFAULTS = {
  'block-time': 6000,
  accounts: 512,
  blocks: 4,
  markdown: '',
  'max-per-workload': 9000,
  large: true,
  'large-members': LARGE.members,
  'large-tasks': LARGE.openTasks,
  'large-voters': LARGE.voters,
};
// One reputation point as a `ReputationScore` (millionths of a point): `REPUTATION_POINT`.
const POINT = 1_000_000n;

/** `--key value` options, and `--flag` (`--no-flag`) for the boolean ones. */
function parseArgs(argv, defaults) {
  const out = { ...defaults };
  for (let i = 0; i < argv.length; i += 1) {
    const key = argv[i].replace(/^--/, '');
    const negated = key.replace(/^no-/, '');
    if (typeof defaults[negated] === 'boolean') {
      out[negated] = key === negated;
      continue;
    }
    if (!(key in defaults)) throw new Error(`unknown option ${argv[i]}`);
    out[key] = argv[i + 1];
    i += 1;
  }
  return out;
}

let quiet = false;
const log = (...m) => { if (!quiet) console.error(`[${new Date().toISOString().slice(11, 19)}]`, ...m); };

/**
 * Follows new blocks, and for each keeps what the workloads need: the hashes of its extrinsics,
 * their events, the block's normal-class weight and length, and when it arrived.
 */
class BlockFollower {
  constructor(api) {
    this.api = api;
    this.blocks = [];
    this.waiters = [];
  }

  async start() {
    this.unsubscribe = await this.api.rpc.chain.subscribeNewHeads(async (header) => {
      // Blocks are processed in order: each handler waits for the previous one.
      this.chain = (this.chain || Promise.resolve()).then(() => this.record(header));
    });
  }

  async record(header) {
    const { api } = this;
    const hash = header.hash;
    const [block, at] = await Promise.all([api.rpc.chain.getBlock(hash), api.at(hash)]);
    const [events, weight] = await Promise.all([at.query.system.events(), at.query.system.blockWeight()]);
    const extrinsics = block.block.extrinsics;
    const outcome = new Map();
    for (const { phase, event } of events) {
      if (!phase.isApplyExtrinsic) continue;
      const index = phase.asApplyExtrinsic.toNumber();
      if (event.section === 'system' && event.method === 'ExtrinsicFailed') {
        const { section, name } = describeError(api, event.data[0]);
        outcome.set(index, { failed: section ? `${section}.${name}` : name });
      }
      if (!outcome.has(index)) outcome.set(index, { events: [] });
      outcome.get(index).events?.push(event);
    }
    const entry = {
      number: header.number.toNumber(),
      hash: hash.toHex(),
      arrived: Date.now(),
      refTime: weight.normal.refTime.toBigInt(),
      proofSize: weight.normal.proofSize.toBigInt(),
      length: extrinsics.reduce((sum, x) => sum + x.encodedLength, 0),
      extrinsics: extrinsics.map((x, i) => ({ hash: x.hash.toHex(), ...(outcome.get(i) || { events: [] }) })),
    };
    this.blocks.push(entry);
    for (const wake of this.waiters.splice(0)) wake();
  }

  nextBlock() {
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  async stop() {
    if (this.unsubscribe) this.unsubscribe();
    await this.chain;
  }
}

/**
 * Options that sign like a wallet: mortal (256 blocks from the best block, so that a workload's
 * extrinsics stay valid however long it runs), with the given nonce.
 */
async function signingOptions(api) {
  const head = await api.rpc.chain.getHeader();
  const era = api.createType('ExtrinsicEra', { current: head.number.toNumber(), period: 256 });
  return (nonce) => ({ nonce, era, blockHash: head.hash });
}

/** Signs `count` extrinsics, `build(i)` giving the i-th call and its signer's index. */
async function presign(api, keys, nonces, count, build) {
  const options = await signingOptions(api);
  const signed = [];
  for (let i = 0; i < count; i += 1) {
    const { call, signer } = build(i);
    const nonce = nonces[signer];
    nonces[signer] += 1;
    signed.push({ signer, tx: await call.signAsync(keys[signer], options(nonce)) });
  }
  return signed;
}

/**
 * Submits every pre-signed extrinsic (each account's in nonce order, accounts in parallel) and
 * waits until all are in blocks. Returns the blocks that included them and what happened.
 */
async function submitAndFollow(api, follower, signed, what) {
  const wanted = new Map(signed.map(({ tx }, i) => [tx.hash.toHex(), i]));
  const firstBlock = follower.blocks.length;
  // Rounds: the k-th extrinsic of every signer, submitted together; a round waits for the pool
  // to accept the previous one so that no extrinsic arrives before its predecessor's nonce.
  const bySigner = new Map();
  for (const item of signed) {
    if (!bySigner.has(item.signer)) bySigner.set(item.signer, []);
    bySigner.get(item.signer).push(item);
  }
  const rounds = [];
  for (const list of bySigner.values()) {
    list.forEach((item, k) => {
      rounds[k] = rounds[k] || [];
      rounds[k].push(item);
    });
  }
  for (const round of rounds) {
    await Promise.all(round.map(({ tx }) => api.rpc.author.submitExtrinsic(tx)));
  }
  const submitted = Date.now();
  let included = 0;
  let idle = 0;
  const results = new Array(signed.length);
  let seen = firstBlock;
  for (;;) {
    let progress = false;
    for (; seen < follower.blocks.length; seen += 1) {
      for (const x of follower.blocks[seen].extrinsics) {
        const index = wanted.get(x.hash);
        if (index === undefined) continue;
        if (x.failed) throw new Error(`${what}: extrinsic ${index} failed in block ${follower.blocks[seen].number}: ${x.failed}`);
        results[index] = { block: follower.blocks[seen].number, events: x.events };
        included += 1;
        progress = true;
      }
    }
    if (included === signed.length) break;
    idle = progress ? 0 : idle + 1;
    if (idle > 5) throw new Error(`${what}: ${signed.length - included} of ${signed.length} never included`);
    await follower.nextBlock();
  }
  const blocks = follower.blocks.slice(firstBlock).filter((b) => b.extrinsics.some((x) => wanted.has(x.hash)));
  return { blocks, submitted, results, wanted };
}

/** Measures one workload: pre-signs, submits, and summarises its blocks. */
async function measure(ctx, name, count, build, { limits }) {
  const { api, keys, nonces, follower } = ctx;
  log(`${name}: signing ${count}`);
  const signed = await presign(api, keys, nonces, count, build);
  const sample = signed[0].tx;
  const info = await api.call.transactionPaymentApi.queryInfo(sample.toU8a(), sample.encodedLength);
  log(`${name}: submitting`);
  const run = await submitAndFollow(api, follower, signed, name);
  const counts = run.blocks.map((b) => b.extrinsics.filter((x) => run.wanted.has(x.hash)).length);
  // Full blocks: built after everything was in the pool (arrived a second after), not the last.
  let full = run.blocks.slice(0, -1).filter((b) => b.arrived - 1000 >= run.submitted);
  if (full.length === 0) full = run.blocks.slice(0, -1);
  if (full.length === 0) full = run.blocks;
  const fullCounts = full.map((b) => counts[run.blocks.indexOf(b)]);
  const perBlock = fullCounts.reduce((a, b) => a + b, 0) / full.length;
  const use = full.map((b) => {
    const dims = {
      ref_time: Number(b.refTime) / Number(limits.refTime),
      proof: Number(b.proofSize) / Number(limits.proofSize),
      length: b.length / limits.length,
    };
    const [bound, value] = Object.entries(dims).sort((x, y) => y[1] - x[1])[0];
    return { bound, value, dims };
  });
  const fullness = use.reduce((a, u) => a + u.value, 0) / use.length;
  const bound = mode(use.map((u) => u.bound));
  const weight = info.weight;
  const baseUs = Number(ctx.base.refTime) / 1e6;
  const row = {
    name,
    n: count,
    blocks: run.blocks.length,
    perBlock,
    perSecond: perBlock / (ctx.blockTime / 1000),
    fullness,
    bound,
    refTimeUs: Number(weight.refTime.toBigInt()) / 1e6 + baseUs,
    proofSize: Number(weight.proofSize.toBigInt()),
    counts,
  };
  const pct = (dim) => `${(use.reduce((a, u) => a + u.dims[dim], 0) / use.length * 100).toFixed(0)}%`;
  log(`${name}: ${counts.join(' + ')} in ${run.blocks.length} blocks; ${perBlock.toFixed(0)} per full block (ref_time ${pct('ref_time')}, proof ${pct('proof')}, length ${pct('length')})`);
  return { row, results: run.results };
}

function mode(values) {
  const counts = new Map();
  for (const v of values) counts.set(v, (counts.get(v) || 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0];
}

/**
 * Submits `calls` (each `{ call, signer }`) as setup, not measured; waits until all are in.
 * Fails if one failed, including a call dispatched by sudo (whose extrinsic succeeds anyway) and
 * an item of a batch.
 */
async function setup(ctx, what, calls) {
  return submitSetup(ctx, what, await presignSetup(ctx, what, calls));
}

/** Signs setup `calls` (the first half of `setup`), to submit later with `submitSetup`. */
async function presignSetup(ctx, what, calls) {
  log(`setup: ${what}: signing ${calls.length}`);
  return presign(ctx.api, ctx.keys, ctx.nonces, calls.length, (i) => calls[i]);
}

/** Submits pre-signed setup extrinsics (the second half of `setup`). */
async function submitSetup(ctx, what, signed) {
  log(`setup: ${what} (${signed.length})`);
  const run = await submitAndFollow(ctx.api, ctx.follower, signed, what);
  run.results.forEach(({ events, block }, i) => {
    for (const e of events) {
      const sudo = e.section === 'sudo' && (e.method === 'Sudid' || e.method === 'SudoAsDone');
      if (sudo && e.data.sudoResult.isErr) {
        const { section, name } = describeError(ctx.api, e.data.sudoResult.asErr);
        throw new Error(`${what}: extrinsic ${i} (block ${block}): a sudo call failed: ${section ? `${section}.${name}` : name}`);
      }
      if (e.section === 'utility' && (e.method === 'BatchInterrupted' || e.method === 'ItemFailed')) {
        throw new Error(`${what}: extrinsic ${i} (block ${block}): a batch item failed: ${e.data.toString()}`);
      }
    }
  });
  return run.results;
}

/**
 * How many of `call` one batch may hold so that a block takes three such batches: a third of the
 * normal-class ref_time, proof size and length, by the weight the runtime declares for a batch
 * (`wrap` makes the batch extrinsic of a list of calls, e.g. sudo of `utility.batch_all`).
 */
async function batchSize(ctx, call, wrap, signer) {
  const { api, limits } = ctx;
  const weigh = async (k) => (await wrap(Array(k).fill(call)).paymentInfo(ctx.keys[signer])).weight;
  const [one, eleven] = await Promise.all([weigh(1), weigh(11)]);
  const perRef = Number(eleven.refTime.toBigInt() - one.refTime.toBigInt()) / 10;
  const perProof = Number(eleven.proofSize.toBigInt() - one.proofSize.toBigInt()) / 10;
  const perLength = call.method.encodedLength;
  // A third, less 3% for each extrinsic's base weight and the batch's own.
  const third = 0.97 / 3;
  const size = Math.floor(Math.min(
    Number(limits.refTime) * third / perRef,
    perProof > 0 ? Number(limits.proofSize) * third / perProof : Infinity,
    limits.length * third / perLength,
    api.consts.utility.batchedCallsLimit.toNumber(),
  ));
  return Math.max(1, size);
}

/** `calls` in batches of `size`, each made an extrinsic of `signer` by `wrap`. */
function batches(calls, size, wrap, signer) {
  const out = [];
  for (let i = 0; i < calls.length; i += size) out.push({ call: wrap(calls.slice(i, i + size)), signer });
  return out;
}

/**
 * How many of a call fit in a block by its declared ref_time and length (the workload's size).
 * Not by proof size: storage weight reclaim gives back the proof a call did not use, so a block's
 * proof budget is far from full (the fullness column shows it).
 */
function capacity(info, length, limits, base) {
  const ref = Number(info.weight.refTime.toBigInt() + base.refTime);
  return Math.floor(Math.min(Number(limits.refTime) / ref, limits.length / length));
}

/** The row of a task's whole cycle: its three extrinsics (claim, submit, review) share the blocks. */
function cycleRow(cycle, blockTime) {
  const perBlock = 1 / cycle.reduce((a, r) => a + 1 / r.perBlock, 0);
  return {
    name: 'claim + submit + review (one task)', n: cycle[0].n, blocks: cycle.reduce((a, r) => a + r.blocks, 0),
    perBlock, perSecond: perBlock / (blockTime / 1000), fullness: null, bound: '',
    refTimeUs: cycle.reduce((a, r) => a + r.refTimeUs, 0), proofSize: cycle.reduce((a, r) => a + r.proofSize, 0),
    derived: true,
  };
}

/**
 * Runs every workload once on a new dev node; resolves with the rows and the printed report.
 * `maxPerWorkload` caps N (a smoke run uses a few dozen). With `large`, then builds a project of
 * `largeSize` (`{ members, openTasks, voters }`, by default 10,000, 1,000 and 5,000) and runs the
 * workloads again inside it: `largeRows`, and `largeBuild` (how long building it took).
 */
export async function runThroughput({
  blockTime = 6000, accounts = 512, blocks = 4, maxPerWorkload = 9000, verbose = true,
  large = false, largeSize = LARGE,
} = {}) {
  const BLOCK_TIME = blockTime;
  const ACCOUNTS = accounts;
  const BLOCKS = blocks;
  const MAX_N = maxPerWorkload;
  quiet = !verbose;
  if (ACCOUNTS < 8) throw new Error('at least 8 accounts are needed');
  await cryptoWaitReady();
  const started = Date.now();
  log(`starting ${NODE_BINARY} --dev --dev-block-time ${BLOCK_TIME}`);
  const node = await startNode({
    blockTimeMs: BLOCK_TIME,
    extraArgs: ['--pool-limit=100000', '--pool-kbytes=1000000', '--rpc-max-response-size=64'],
  });
  const { api } = node;
  try {
    const follower = new BlockFollower(api);
    await follower.start();
    const dev = await devAccounts();
    const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
    const bench = Array.from({ length: ACCOUNTS }, (_, i) => keyring.addFromUri(`//Bench//${i}`));
    // Signer 0 is Alice (funding and sudo); signers 1..=ACCOUNTS the bench accounts.
    const keys = [dev.alice, ...bench];
    const nonces = await Promise.all(keys.map((k) => api.rpc.system.accountNextIndex(k.address).then((n) => n.toNumber())));
    const ctx = { api, keys, nonces, follower, blockTime: BLOCK_TIME, base: null };
    const tx = api.tx;
    const acct = (i) => 1 + (i % ACCOUNTS);
    const address = (signer) => keys[signer].address;

    const normal = api.consts.system.blockWeights.perClass.normal;
    const limits = {
      refTime: normal.maxTotal.unwrap().refTime.toBigInt(),
      proofSize: normal.maxTotal.unwrap().proofSize.toBigInt(),
      length: api.consts.system.blockLength.max.normal.toNumber(),
    };
    const base = { refTime: normal.baseExtrinsic.refTime.toBigInt() };
    ctx.base = base;
    const sizeOf = async (call, signer) => {
      const sample = await call.signAsync(keys[signer], (await signingOptions(api))(nonces[signer]));
      const info = await api.call.transactionPaymentApi.queryInfo(sample.toU8a(), sample.encodedLength);
      return Math.min(MAX_N, BLOCKS * capacity(info, sample.encodedLength, limits, base));
    };

    // Fund the bench accounts from Alice.
    await sendOk(api, tx.utility.batchAll(bench.map((k) => tx.balances.transferKeepAlive(k.address, 500n * UNIT))), dev.alice);
    nonces[0] = (await api.rpc.system.accountNextIndex(dev.alice.address)).toNumber();

    const rows = [];
    // 1. The baseline: balances.transfer_keep_alive between bench accounts.
    const transfer = (i) => ({ call: tx.balances.transferKeepAlive(address(acct(i + 1)), UNIT / 1000n + BigInt(i)), signer: acct(i) });
    const nTransfer = await sizeOf(transfer(0).call, 1);
    rows.push((await measure(ctx, 'balances.transfer_keep_alive', nTransfer, transfer, { limits })).row);

    // 2. projects.create_project, with a currency.
    const createProject = (i) => ({
      call: tx.projects.createProject(`Bench project ${i}`, `bafy-bench-plan-${i}`, {
        symbol: `B${i}`, name: `Bench Hours ${i}`, decimals: 12, cap: 1_000_000n * UNIT, minBalance: 1_000n,
      }),
      signer: acct(i),
    });
    const nCreate = Math.max(await sizeOf(createProject(0).call, 1), ACCOUNTS);
    const created = await measure(ctx, 'projects.create_project', nCreate, createProject, { limits });
    rows.push(created.row);
    // Each bench account's first project: the one the later workloads use.
    const projectOf = new Map();
    for (const { events } of created.results) {
      const e = findEvent(events, 'projects', 'ProjectCreated');
      const founder = e.data.founder.toString();
      if (!projectOf.has(founder)) projectOf.set(founder, e.data.project.toNumber());
    }
    const project = (signer) => projectOf.get(address(signer));

    // Setup: a milestone per project, funded and given recognition and reputation budgets and a
    // long half-life by Root (sudo, standing in for each project's governance), which also makes
    // the next account a steward of the project: its tasks' reviewer (only members review).
    const head = (await api.rpc.chain.getHeader()).number.toNumber();
    const budget = 1_000_000n * UNIT / 10n;
    await setup(ctx, 'milestones', bench.map((_, k) => ({
      call: tx.projects.addMilestone(project(k + 1), 'bafy-bench-milestone', 'ProjectCurrency', budget, head + 100_000),
      signer: k + 1,
    })));
    const governance = bench.flatMap((_, k) => [
      tx.projects.fundMilestone(project(k + 1), 0),
      tx.contributions.setRecognitionBudget(project(k + 1), budget),
      tx.contributions.setReputationBudget(project(k + 1), 1_000_000n * POINT),
      tx.contributions.setHalfLife(project(k + 1), 10_000_000),
      tx.projects.addSteward(project(k + 1), address(acct(k + 1))),
    ]);
    const chunks = [];
    for (let i = 0; i < governance.length; i += 96) chunks.push(governance.slice(i, i + 96));
    await setup(ctx, 'funding by governance', chunks.map((c) => ({ call: tx.sudo.sudo(tx.utility.batchAll(c)), signer: 0 })));

    // 3. tasks.post_task: each account posts to its project; the next account (a steward of it)
    // reviews, the one after works.
    const reward = 10n * UNIT;
    const postTask = (i) => {
      const poster = acct(i);
      return {
        call: tx.tasks.postTask(project(poster), 0, `bafy-bench-task-${i}`, reward, head + 50_000, [address(acct(poster))], 1),
        signer: poster,
      };
    };
    // Enough tasks for every one of the four workloads on them to fill its blocks.
    const nTasks = Math.max(
      await sizeOf(postTask(0).call, 1),
      await sizeOf(tx.tasks.claimTask(0), 1),
      await sizeOf(tx.tasks.submitWork(0, 'bafy-bench-work-0'), 1),
      await sizeOf(tx.tasks.review(0, true, 'bafy-bench-review-0'), 1),
    );
    const posted = await measure(ctx, 'tasks.post_task', nTasks, postTask, { limits });
    rows.push(posted.row);
    const tasks = posted.results.map(({ events }, i) => ({
      id: findEvent(events, 'tasks', 'TaskPosted').data.task.toNumber(),
      reviewer: acct(acct(i)),
      worker: acct(acct(i) + 1),
    }));

    // 4–6. claim, submit, review (approve, paying the worker): each task through all three.
    const claim = (i) => ({ call: tx.tasks.claimTask(tasks[i].id), signer: tasks[i].worker });
    rows.push((await measure(ctx, 'tasks.claim_task', tasks.length, claim, { limits })).row);
    const submit = (i) => ({ call: tx.tasks.submitWork(tasks[i].id, `bafy-bench-work-${i}`), signer: tasks[i].worker });
    rows.push((await measure(ctx, 'tasks.submit_work', tasks.length, submit, { limits })).row);
    const review = (i) => ({ call: tx.tasks.review(tasks[i].id, true, `bafy-bench-review-${i}`), signer: tasks[i].reviewer });
    const reviewed = await measure(ctx, 'tasks.review (approve and pay)', tasks.length, review, { limits });
    rows.push(reviewed.row);
    for (const { events } of reviewed.results) {
      if (!findEvent(events, 'tasks', 'TaskPaid')) throw new Error('a review paid nothing');
    }
    // A task's whole cycle: its three extrinsics share the blocks.
    rows.push(cycleRow(rows.slice(-3), BLOCK_TIME));

    // 7. contributions.recognize: each steward recognises accounts after its own, with a bonus
    // from the milestone and a 2-point boost from the reputation budget (which makes them members
    // of the project).
    const recognize = (i) => {
      const steward = acct(i);
      const round = Math.floor(i / ACCOUNTS);
      return {
        call: tx.contributions.recognize(project(steward), 0, address(acct(steward + 2 + round)), UNIT, 2n * POINT, `bafy-bench-thanks-${i}`),
        signer: steward,
      };
    };
    const nRecognize = await sizeOf(recognize(0).call, 1);
    await measure(ctx, 'contributions.recognize', nRecognize, recognize, { limits }).then(({ row }) => rows.push(row));
    const rounds = Math.ceil(nRecognize / ACCOUNTS);
    if (rounds > ACCOUNTS - 4) throw new Error('too few accounts for the recognitions');

    // 8. quadraticVoting.vote: in each project's polls, its founder and its recognised members
    // vote (one vote each: a founder without reputation has one; the cost of a vote does not
    // depend on n); as many polls per project as it takes to have enough votes.
    const members = [];
    for (let k = 0; k < ACCOUNTS; k += 1) {
      const steward = k + 1;
      members.push({ k, voter: steward });
      for (let r = 0; r < rounds; r += 1) {
        // Recognitions of round r went to acct(steward + 2 + r) when i = r * ACCOUNTS + k < n.
        if (r * ACCOUNTS + k < nRecognize) members.push({ k, voter: acct(steward + 2 + r) });
      }
    }
    const nVote = await sizeOf(tx.quadraticVoting.vote(0, { Option: 0 }, 1), 1);
    const pollsPerProject = Math.ceil(nVote / members.length);
    // Setup: the polls, opened after the recognitions (which fixed their electorate).
    const now = (await api.rpc.chain.getHeader()).number.toNumber();
    const opened = await setup(ctx, 'polls', Array.from({ length: ACCOUNTS * pollsPerProject }, (_, j) => ({
      call: tx.quadraticVoting.createPoll(project(1 + (j % ACCOUNTS)), ['keep', 'change'], now + 500),
      signer: 1 + (j % ACCOUNTS),
    })));
    const pollIds = opened.map(({ events }) => findEvent(events, 'quadraticVoting', 'PollCreated').data.poll.toNumber());
    const voters = [];
    for (let p = 0; p < pollsPerProject; p += 1) {
      for (const { k, voter } of members) voters.push({ poll: pollIds[p * ACCOUNTS + k], voter });
    }
    const vote = (i) => ({
      call: tx.quadraticVoting.vote(voters[i].poll, { Option: i % 2 }, 1),
      signer: voters[i].voter,
    });
    rows.push((await measure(ctx, 'quadraticVoting.vote', nVote, vote, { limits })).row);

    let largeRun = null;
    if (large) {
      ctx.limits = limits;
      const workloads = { transfer, nTransfer, nCreate, nTasks, nRecognize, nVote, reward };
      largeRun = await runLarge(ctx, { ...LARGE, ...largeSize }, workloads, { ACCOUNTS, acct, address });
    }

    const elapsed = (Date.now() - started) / 1000;
    return {
      rows,
      largeRows: largeRun?.rows,
      largeBuild: largeRun?.build,
      text: report(rows, limits, base, elapsed, { BLOCK_TIME, ACCOUNTS }, largeRun),
    };
  } finally {
    await node.stop();
  }
}

/**
 * Builds a large project on the running chain, then runs the workloads inside it; resolves with
 * their rows and what building it took.
 *
 * The project: a founder with a currency and a funded milestone, the budgets and a long half-life
 * set by Root (sudo, standing in for the project's governance), and as many stewards as a project
 * may have (they post the measured tasks and recognise); `members` accounts recognised by Root
 * with a 2-point boost (the membership threshold is half a point; with the half-life nobody's
 * standing ends during the run), each funded for fees and vote deposits; `openTasks` open tasks
 * posted by the founder; and a poll open for as long as the runtime allows (MaxDuration), in which
 * `voters` members voted. Recognitions, funding and tasks go in batches of a third of a block
 * each (by the weight the runtime declares for the batch); the votes are signed by each member.
 *
 * The workloads are the small projects', with the large project's actors: its stewards post
 * tasks (each reviewed by one of its members) and recognise; the bench accounts work on the tasks
 * and receive the recognitions; members who have not voted yet vote in the running poll (and,
 * if there are more votes to cast than such members, members vote in a second poll).
 */
/**
 * The most extrinsics one steward signs in a row in the large project, whose calls only its 16
 * stewards may make. On spec 1007 the dev node's pool took 143 of each steward's 422 posts and
 * never included the rest (4,468 of 6,756 never included): chains of a few hundred extrinsics
 * from one signer are not what the pool is built for, nor what a project's stewards do.
 */
const PER_STEWARD = 128;

async function runLarge(ctx, size, w, { ACCOUNTS, acct, address }) {
  const { api, limits } = ctx;
  const tx = api.tx;
  if (size.voters > size.members) throw new Error('the large project needs at least as many members as voters');
  const started = Date.now();
  const firstBlock = ctx.follower.blocks.length;
  log(`large project: building (${size.members} members, ${size.openTasks} open tasks, a poll with ${size.voters} voters)`);

  // Keys from seeds: deriving 10,000 `//path` keys takes a minute, seeding them a few seconds.
  // Every one is a new account (nonce 0).
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  const addKeys = (what, n) => {
    const first = ctx.keys.length;
    for (let i = 0; i < n; i += 1) {
      ctx.keys.push(keyring.addFromSeed(blake2AsU8a(`commons-bench-large-${what}-${i}`)));
      ctx.nonces.push(0);
    }
    return (i) => first + i;
  };
  const nStewards = api.consts.projects.maxStewards.toNumber();
  const steward = addKeys('steward', nStewards); // steward(0) is the founder
  const member = addKeys('member', size.members);
  const sudo = (call) => tx.sudo.sudo(call);
  const rootBatch = (calls) => tx.sudo.sudo(tx.utility.batchAll(calls));
  const founderBatch = (calls) => tx.utility.batchAll(calls);

  // 1. In one extrinsic of Alice's: the stewards funded, the founder's project and milestone
  // (sudo as the founder), the milestone funded, the budgets and half-life set, the stewards added.
  const project = (await api.query.projects.nextProjectId()).toNumber();
  const head = (await api.rpc.chain.getHeader()).number.toNumber();
  const budget = 100_000_000n * UNIT;
  const founder = address(steward(0));
  const stewards = Array.from({ length: nStewards }, (_, s) => s);
  const [founded] = await setup(ctx, 'large project: founder, stewards, milestone, budgets', [{
    call: tx.utility.batchAll([
      ...stewards.map((s) => sudo(tx.balances.forceSetBalance(address(steward(s)), 100_000n * UNIT))),
      tx.sudo.sudoAs(founder, tx.projects.createProject('Large bench project', 'bafy-large-plan', {
        symbol: 'LARGE', name: 'Large Bench Hours', decimals: 12, cap: 10n * budget, minBalance: 1_000n,
      })),
      tx.sudo.sudoAs(founder, tx.projects.addMilestone(project, 'bafy-large-milestone', 'ProjectCurrency', budget, head + 100_000)),
      sudo(tx.projects.fundMilestone(project, 0)),
      sudo(tx.contributions.setRecognitionBudget(project, budget)),
      sudo(tx.contributions.setReputationBudget(project, 1_000_000n * POINT)),
      sudo(tx.contributions.setHalfLife(project, 10_000_000)),
      ...stewards.slice(1).map((s) => sudo(tx.projects.addSteward(project, address(steward(s))))),
    ]),
    signer: 0,
  }]);
  const founding = findEvent(founded.events, 'projects', 'ProjectCreated');
  if (founding?.data.project.toNumber() !== project) throw new Error(`the large project is not project ${project}`);

  // 2. The members recognised (Root) and funded (Root, with the bench accounts topped up for a
  // second round of workloads), and the open tasks posted by the founder, reviewed by two other
  // stewards (members without a recognition). All submitted at once; the blocks take them in turn.
  const boost = 2n * POINT;
  const threshold = api.consts.contributions.memberThreshold?.toBigInt() ?? POINT / 2n;
  if (boost < threshold) throw new Error(`a recognition of ${boost} does not make a member (threshold ${threshold})`);
  const recognitions = Array.from({ length: size.members }, (_, m) => (
    tx.contributions.recognize(project, 0, address(member(m)), 0, boost, 'bafy-large-member')));
  // The members who sign anything: the voters, those who vote in the vote workload (first the
  // members who have not voted, then, in a second poll, the first members), and the reviewers.
  const unvoted = size.members - size.voters;
  const secondPoll = w.nVote > unvoted;
  const nReviewers = Math.min(size.members, ACCOUNTS);
  const signers = Math.min(size.members, Math.max(size.voters + Math.min(w.nVote, unvoted), w.nVote - unvoted, nReviewers));
  const funding = [
    ...Array.from({ length: signers }, (_, m) => tx.balances.forceSetBalance(address(member(m)), 10n * UNIT)),
    ...Array.from({ length: ACCOUNTS }, (_, k) => tx.balances.forceSetBalance(address(acct(k)), 500n * UNIT)),
  ];
  // Runtimes up to spec 1006 cap a project's live tasks (`MaxLiveTasks`); later ones do not.
  const liveCap = api.consts.tasks.maxLiveTasks?.toNumber();
  const openTasks = liveCap === undefined ? size.openTasks : Math.min(size.openTasks, liveCap);
  if (openTasks < size.openTasks) log(`large project: this runtime caps a project's live tasks at ${liveCap}: ${openTasks} open tasks`);
  const reviewers = [address(steward(1)), address(steward(2))];
  const posts = Array.from({ length: openTasks }, (_, t) => (
    tx.tasks.postTask(project, 0, `bafy-large-open-task-${t}`, w.reward, head + 50_000, reviewers, 1)));
  const [recognizeSize, fundSize, postSize] = await Promise.all([
    batchSize(ctx, recognitions[0], rootBatch, 0),
    batchSize(ctx, funding[0], rootBatch, 0),
    batchSize(ctx, tx.tasks.postTask(project, 0, 'bafy-large-open-task-0', w.reward, head + 50_000, reviewers, 1), founderBatch, steward(0)),
  ]);
  log(`large project: batches of ${recognizeSize} recognitions, ${fundSize} fundings, ${postSize} tasks; ${signers} members funded`);
  const recognised = submitSetup(ctx, 'large project: members recognised and funded, open tasks posted', await presignSetup(ctx, 'large project: recognitions, funding, tasks', [
    ...batches(recognitions, recognizeSize, rootBatch, 0),
    ...batches(funding, fundSize, rootBatch, 0),
    ...batches(posts, postSize, founderBatch, steward(0)),
  ]));
  recognised.catch(() => {}); // awaited below, after the signing

  // 3. While those are in blocks, the poll and its votes are signed. The poll is opened by a
  // member once every member stands (the electorate and who may vote are fixed at opening), until
  // the last block the runtime allows; a second one if the vote workload needs more voters than
  // the members who have not voted in the first. The polls' ids are the next ones.
  const firstPoll = (await api.query.quadraticVoting.nextPollId()).toNumber();
  const [poll, poll2] = [firstPoll, secondPoll ? firstPoll + 1 : undefined];
  const end = (await api.rpc.chain.getHeader()).number.toNumber() + api.consts.quadraticVoting.maxDuration.toNumber();
  const polls = await presignSetup(ctx, 'large project: polls', Array.from({ length: secondPoll ? 2 : 1 }, () => ({
    call: tx.quadraticVoting.createPoll(project, ['keep', 'change'], end),
    signer: member(0),
  })));
  const votes = await presignSetup(ctx, 'large project: votes', Array.from({ length: size.voters }, (_, v) => ({
    call: tx.quadraticVoting.vote(poll, { Option: v % 2 }, 1),
    signer: member(v),
  })));
  await recognised;
  const opened = await submitSetup(ctx, 'large project: polls', polls);
  const created = opened.map(({ events }) => findEvent(events, 'quadraticVoting', 'PollCreated').data);
  if (created[0].poll.toNumber() !== poll) throw new Error(`the large project's poll is not poll ${poll}`);
  const electorate = created[0].electorate.toNumber();

  // 4. The votes, each signed by its member.
  await submitSetup(ctx, 'large project: votes', votes);
  const record = (await api.query.quadraticVoting.polls(poll)).unwrap();
  const stats = await api.query.tasks.taskStats?.(project);
  const build = {
    seconds: (Date.now() - started) / 1000,
    blocks: ctx.follower.blocks.length - firstBlock,
    members: size.members,
    electorate,
    openTasks,
    voters: record.voters.toNumber(),
    pollEnd: end,
  };
  log(`large project ${project}: built in ${build.seconds.toFixed(0)} s (${build.blocks} blocks): electorate ${electorate} (members and stewards), ${build.voters} voters in poll ${poll} (open until block ${end})${stats ? `, task stats ${stats.toString()}` : ''}`);

  // The workloads, in the same order as in the small projects.
  const rows = [];
  const skipped = new Map();
  rows.push((await measure(ctx, 'balances.transfer_keep_alive', w.nTransfer, w.transfer, { limits })).row);
  const createProject = (i) => ({
    call: tx.projects.createProject(`Bench project L${i}`, `bafy-bench-plan-L${i}`, {
      symbol: `L${i}`, name: `Bench Hours L${i}`, decimals: 12, cap: 1_000_000n * UNIT, minBalance: 1_000n,
    }),
    signer: acct(i),
  });
  rows.push((await measure(ctx, 'projects.create_project', w.nCreate, createProject, { limits })).row);

  const taskNames = ['tasks.post_task', 'tasks.claim_task', 'tasks.submit_work', 'tasks.review (approve and pay)', 'claim + submit + review (one task)'];
  if (liveCap !== undefined && openTasks + w.nTasks > liveCap) {
    const why = `live tasks capped at ${liveCap}`;
    log(`large project: task workloads skipped (${openTasks} open and ${w.nTasks} more tasks; this runtime allows ${liveCap} live tasks a project)`);
    for (const name of taskNames) skipped.set(name, why);
  } else {
    // Stewards post; one of the members (as many as there are bench accounts) reviews each task;
    // the bench accounts work. Only the project's stewards may post (three full blocks of posts
    // and of paying reviews, one of claims and of submissions).
    const nTasks = Math.min(w.nTasks, PER_STEWARD * nStewards);
    const due = (await api.rpc.chain.getHeader()).number.toNumber() + 50_000;
    const postTask = (i) => ({
      call: tx.tasks.postTask(project, 0, `bafy-large-task-${i}`, w.reward, due, [address(member(i % nReviewers))], 1),
      signer: steward(i % nStewards),
    });
    const posted = await measure(ctx, 'tasks.post_task', nTasks, postTask, { limits });
    rows.push(posted.row);
    const tasks = posted.results.map(({ events }, i) => ({
      id: findEvent(events, 'tasks', 'TaskPosted').data.task.toNumber(),
      reviewer: member(i % nReviewers),
      worker: acct(i),
    }));
    const claim = (i) => ({ call: tx.tasks.claimTask(tasks[i].id), signer: tasks[i].worker });
    rows.push((await measure(ctx, 'tasks.claim_task', tasks.length, claim, { limits })).row);
    const submit = (i) => ({ call: tx.tasks.submitWork(tasks[i].id, `bafy-large-work-${i}`), signer: tasks[i].worker });
    rows.push((await measure(ctx, 'tasks.submit_work', tasks.length, submit, { limits })).row);
    const review = (i) => ({ call: tx.tasks.review(tasks[i].id, true, `bafy-large-review-${i}`), signer: tasks[i].reviewer });
    const reviewed = await measure(ctx, 'tasks.review (approve and pay)', tasks.length, review, { limits });
    rows.push(reviewed.row);
    for (const { events } of reviewed.results) {
      if (!findEvent(events, 'tasks', 'TaskPaid')) throw new Error('a review in the large project paid nothing');
    }
    rows.push(cycleRow(rows.slice(-3), ctx.blockTime));
  }

  // Stewards recognise the bench accounts, with the small projects' bonus and boost.
  const recognize = (i) => ({
    call: tx.contributions.recognize(project, 0, address(acct(i)), UNIT, 2n * POINT, `bafy-large-thanks-${i}`),
    signer: steward(i % nStewards),
  });
  rows.push((await measure(ctx, 'contributions.recognize', Math.min(w.nRecognize, PER_STEWARD * nStewards), recognize, { limits })).row);

  // Members who have not voted vote in the running poll, then (if needed) members in the second.
  const nVote = Math.min(w.nVote, unvoted + (secondPoll ? signers : 0));
  const vote = (i) => (i < unvoted
    ? { call: tx.quadraticVoting.vote(poll, { Option: i % 2 }, 1), signer: member(size.voters + i) }
    : { call: tx.quadraticVoting.vote(poll2, { Option: i % 2 }, 1), signer: member(i - unvoted) });
  rows.push((await measure(ctx, 'quadraticVoting.vote', nVote, vote, { limits })).row);
  return { rows, build, skipped, project, poll };
}

/** A markdown table of `rows`; `large` (rows by name) adds their "per full block" as a column. */
function table(rows, large) {
  const baseline = rows[0].perBlock;
  const header = ['call', 'N', 'blocks', 'per full block', ...(large ? ['large project'] : []), 'per s', 'fullness (bound)', 'extrinsic weight µs', 'declared proof B', 'vs transfer'];
  const lines = rows.map((r) => [
    `\`${r.name}\``, r.n, r.blocks, r.perBlock.toFixed(0), ...(large ? [large(r.name)] : []), r.perSecond.toFixed(0),
    r.fullness === null ? '—' : `${(r.fullness * 100).toFixed(0)}% (${r.bound})`, r.refTimeUs.toFixed(1), r.proofSize,
    `${((r.perBlock / baseline) * 100).toFixed(0)}%`,
  ]);
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`,
    ...lines.map((l) => `| ${l.join(' | ')} |`),
  ].join('\n');
}

function report(rows, limits, base, elapsed, { BLOCK_TIME, ACCOUNTS }, largeRun) {
  let large = null;
  if (largeRun) {
    const byName = new Map(largeRun.rows.map((r) => [r.name, r]));
    large = (name) => (byName.has(name) ? byName.get(name).perBlock.toFixed(0) : `— (${largeRun.skipped.get(name) || 'not run'})`);
  }
  const wasm = join(NODE_BINARY, '../wbuild/commons-runtime/commons_runtime.compact.compressed.wasm');
  let wasmSize = 'unknown';
  try { wasmSize = `${statSync(wasm).size} bytes`; } catch { /* not next to the node */ }
  const machine = `${hostname()}: ${cpus().length} × ${cpus()[0]?.model || 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB`;
  const lines = [
    `Block time ${BLOCK_TIME} ms; ${ACCOUNTS} accounts; normal-class limits: ref_time ${(Number(limits.refTime) / 1e12).toFixed(3)} s, proof ${limits.proofSize} B, length ${limits.length} B; extrinsic base weight ${(Number(base.refTime) / 1e6).toFixed(1)} µs.`,
    `Machine: ${machine}. Runtime Wasm: ${wasmSize}. Run took ${elapsed.toFixed(0)} s.`,
  ];
  if (largeRun) {
    const b = largeRun.build;
    lines.push(`Large project: ${b.members} members (an electorate of ${b.electorate} with the stewards), ${b.openTasks} open tasks, a running poll with ${b.voters} voters; built in ${b.seconds.toFixed(0)} s (${b.blocks} blocks).`);
  }
  lines.push('', table(rows, large));
  if (largeRun) lines.push('', 'In the large project:', '', table(largeRun.rows));
  return lines.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = parseArgs(process.argv.slice(2), DEFAULTS);
  runThroughput({
    blockTime: Number(args['block-time']),
    accounts: Number(args.accounts),
    blocks: Number(args.blocks),
    maxPerWorkload: Number(args['max-per-workload']),
    large: args.large,
    largeSize: {
      members: Number(args['large-members']),
      openTasks: Number(args['large-tasks']),
      voters: Number(args['large-voters']),
    },
  }).then(({ text }) => {
    console.log(text);
    if (args.markdown) {
      writeFileSync(args.markdown, `${text}\n`);
      log(`table written to ${args.markdown}`);
    }
    process.exit(0);
  }, (error) => {
    console.error(error);
    process.exit(1);
  });
}
