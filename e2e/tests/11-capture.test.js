// Capture resistance, end to end: attacks of the threat model (docs/governance.md, "Threat model:
// capture resistance") played as an adversary would through @polkadot/api, on one dev chain.
// The adversary, Eve, holds a steward seat in a project whose community is Alice (its founder),
// Bob and Charlie (stewards the project's governance, Root here, added).
//
//  1. Shared preimage (attack 7): Eve copies the community's long proposal (a 300-byte remark,
//     noted in the preimage pallet), so both polls request the same preimage, and closes her
//     rejected poll first. The preimage stays until the community's passed poll has closed and
//     dispatched it; then it is gone.
//  2. Junk milestones (attack 8): Eve fills the project's open-milestone limit with planned junk,
//     each holding her deposit; the founder cannot plan. The community cancels one junk milestone
//     by a poll (a protected act: a supermajority, then its enactment delay, before which closing
//     is refused), and the founder plans again.
//  3. A heavy proposal (attack 7): a call heavier than `maxProposalWeight`, bare or in a batch, is
//     refused when proposed, and no poll or deposit is left behind.
//  4. Round two (attacks 12, 13 and 15): Eve's transfers of a currency or of native tokens into
//     the project's treasury are refused, bare or in a batch (`system.CallFiltered`); a
//     constitution that would freeze the project is refused (`ConstitutionAboveCeiling`); and a
//     routine act the community passes by a poll (amending the plan) is enacted with the
//     project's origin.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { u8aToHex } from '@polkadot/util';
import { blake2AsHex } from '@polkadot/util-crypto';

import { startNode } from '../lib/node.js';
import {
  UNIT, bestNumber, devAccounts, findEvent, send, sendOk, waitUntil,
} from '../lib/chain.js';
import { asRoot, asRootOk, held } from '../lib/commons.js';

/** Votes are taken until `end`; resolves once a block after it exists. */
async function pastEnd(api, end) {
  await waitUntil(async () => (await bestNumber(api)) > end, { what: `block ${end + 1}`, timeoutMs: 60_000 });
}

const error = (result) => `${result.error.section}.${result.error.name}`;

describe('capture resistance, end to end', () => {
  let node;
  let api;
  let accounts;
  let project;
  let treasury;
  let minDuration;
  let delay;
  let bound;

  /** `who` proposes `call` in the project until `end`; resolves with the PollCreated data. */
  async function propose(call, end, who) {
    const { events } = await sendOk(api, api.tx.quadraticVoting.propose(project, call, end), who);
    return findEvent(events, 'quadraticVoting', 'PollCreated').data;
  }

  /** Each `[poll, voter, choice, votes]` is voted, all at once (each voter appears once). */
  async function votes(ballots) {
    await Promise.all(ballots.map(([poll, who, choice, n]) => sendOk(
      api, api.tx.quadraticVoting.vote(poll, choice, n), who,
    )));
  }

  /** `who` closes `poll`; resolves with the PollClosed data and the block's events. */
  async function close(poll, who) {
    const { events } = await sendOk(api, api.tx.quadraticVoting.closePoll(poll, bound), who);
    return { closed: findEvent(events, 'quadraticVoting', 'PollClosed').data, events };
  }

  before(async () => {
    node = await startNode();
    api = node.api;
    accounts = await devAccounts();
    const { alice, bob, charlie, eve } = accounts;
    const constitution = api.consts.quadraticVoting.defaultConstitution;
    minDuration = constitution.minDuration.toNumber();
    delay = constitution.enactmentDelay.toNumber();
    bound = api.consts.quadraticVoting.maxProposalWeight;

    // Alice founds a project; its governance (Root here) makes Bob, Charlie and Eve stewards.
    const created = await sendOk(api, api.tx.projects.createProject('Seed Library', 'bafy-seed-plan', null), alice);
    const projectCreated = findEvent(created.events, 'projects', 'ProjectCreated').data;
    project = projectCreated.project.toNumber();
    treasury = projectCreated.account.toString();
    await asRootOk(api, api.tx.utility.batchAll([bob, charlie, eve].map((who) => api.tx.projects
      .addSteward(project, who.address))), alice);
  });

  after(async () => {
    if (node) await node.stop();
  });

  it('a copied long proposal cannot drop the preimage of the community\'s passed one', async () => {
    const { alice, bob, charlie, eve, ferdie } = accounts;

    // A 300-byte remark: routine (a simple majority, enacted at the end), and over 128 bytes
    // encoded, so it is noted in the preimage pallet, not kept inline.
    const remark = api.tx.system.remark(u8aToHex(new Uint8Array(300).fill(0x2a)));
    const len = remark.method.encodedLength;
    assert.equal(len, 304, 'call index, compact length and 300 bytes');
    const hash = blake2AsHex(remark.method.toU8a(), 256);
    const status = async () => api.query.preimage.requestStatusFor(hash);
    const stored = async () => api.query.preimage.preimageFor([hash, len]);

    // Alice proposes it; Eve copies it, with the same end.
    const end = (await bestNumber(api)) + minDuration + 8;
    const ours = await propose(remark, end, alice);
    const theirs = await propose(remark, end, eve);
    for (const created of [ours, theirs]) {
      assert.equal(created.protected.isTrue, false, 'a remark is routine');
      assert.equal(created.enactAfter.toNumber(), end, 'a routine act is enacted at its end');
      assert.equal(created.electorate.toNumber(), 4, 'Alice, Bob, Charlie and Eve, stewards at creation');
      const bounded = created.question.asProposal;
      assert.ok(bounded.isLookup, 'the call is noted as a preimage');
      assert.equal(bounded.asLookup.hash_.toHex(), hash);
      assert.equal(bounded.asLookup.len.toNumber(), len);
    }
    assert.equal((await status()).unwrap().asRequested.count.toNumber(), 2, 'one request per poll');
    assert.ok((await stored()).isSome, 'the preimage is stored');

    // The community votes for its poll and against Eve's; Eve does the opposite. Stewards without
    // reputation have one vote each (voice is the value of work, at least one vote).
    await votes([
      [ours.poll, alice, 'Aye', 1], [ours.poll, bob, 'Aye', 1], [ours.poll, charlie, 'Aye', 1],
      [theirs.poll, eve, 'Aye', 1],
    ]);
    await votes([
      [theirs.poll, alice, 'Nay', 1], [theirs.poll, bob, 'Nay', 1], [theirs.poll, charlie, 'Nay', 1],
      [ours.poll, eve, 'Nay', 1],
    ]);
    const ourInfo = (await api.call.quadraticVotingApi.poll(ours.poll)).unwrap();
    const theirInfo = (await api.call.quadraticVotingApi.poll(theirs.poll)).unwrap();
    assert.deepEqual(ourInfo.tally.map((v) => v.toNumber()), [3, 1]);
    assert.deepEqual(theirInfo.tally.map((v) => v.toNumber()), [1, 3]);
    assert.equal(ourInfo.outcome.type, 'Passed');
    assert.equal(theirInfo.outcome.type, 'Rejected');

    // After the end, Eve closes her rejected poll first: only its own request is dropped.
    await pastEnd(api, end);
    const { closed: rejected } = await close(theirs.poll, eve);
    assert.equal(rejected.outcome.type, 'Rejected');
    assert.ok(rejected.dispatched.isNone, 'a rejected proposal is not dispatched');
    assert.ok((await status()).isSome, 'the preimage is still requested');
    assert.equal((await status()).unwrap().asRequested.count.toNumber(), 1, 'by the community\'s poll');
    assert.ok((await stored()).isSome, 'the preimage is still stored');

    // The community's poll closes, passed, and its call is dispatched; then the preimage is gone.
    const { closed: passed } = await close(ours.poll, ferdie);
    assert.equal(passed.outcome.type, 'Passed');
    assert.deepEqual(passed.tally.map((v) => v.toNumber()), [3, 1]);
    assert.ok(passed.dispatched.isSome && passed.dispatched.unwrap().isOk, `dispatched: ${passed.dispatched}`);
    assert.ok((await status()).isNone, 'no request is left');
    assert.ok((await stored()).isNone, 'the preimage is removed');
  });

  it('junk milestones cannot keep the project from planning', async () => {
    const { alice, bob, charlie, eve, ferdie } = accounts;
    const max = api.consts.projects.maxMilestones.toNumber();
    const record = async () => (await api.query.projects.projects(project)).unwrap();
    const open = async () => {
      const { counters } = await record();
      return counters.planned.toNumber() + counters.funded.toNumber();
    };
    assert.equal(await open(), 0);
    const due = (await bestNumber(api)) + 10_000;
    const plan = (title) => api.tx.projects.addMilestone(project, title, 'Native', 100n * UNIT, due);

    // Eve, a steward, fills the open-milestone limit with planned junk in one batch; each
    // milestone holds her deposit.
    const depositBefore = await held(api, eve.address, 'Projects', 'StorageDeposit');
    const junk = await sendOk(api, api.tx.utility.batchAll(
      Array.from({ length: max }, (_, i) => plan(`bafy-junk-${i}`)),
    ), eve);
    const added = junk.events.filter((e) => e.section === 'projects' && e.method === 'MilestoneAdded');
    assert.equal(added.length, max);
    const deposits = added.reduce((sum, e) => sum + e.data.deposit.toBigInt(), 0n);
    assert.ok(deposits > 0n);
    const depositAfter = await held(api, eve.address, 'Projects', 'StorageDeposit');
    assert.equal(depositAfter - depositBefore, deposits, 'Eve pays for her junk');
    assert.equal(await open(), max);

    // The founder can plan no more.
    const full = await send(api, plan('bafy-real-plan'), alice);
    assert.equal(error(full), 'projects.TooManyMilestones');

    // The community proposes to cancel a junk milestone: a protected act.
    const target = added[0].data.milestone.toNumber();
    const end = (await bestNumber(api)) + minDuration + 8;
    const created = await propose(api.tx.projects.cancelMilestone(project, target), end, alice);
    assert.equal(created.protected.isTrue, true, 'cancelling a milestone is protected');
    const { poll } = created;

    // Eve votes against it with all her credits (one vote); 3 of 4 votes are above the
    // supermajority.
    await votes([[poll, alice, 'Aye', 1], [poll, bob, 'Aye', 1], [poll, charlie, 'Aye', 1], [poll, eve, 'Nay', 1]]);
    const info = (await api.call.quadraticVotingApi.poll(poll)).unwrap();
    assert.deepEqual(info.tally.map((v) => v.toNumber()), [3, 1]);
    assert.equal(info.protected.isTrue, true);
    const { protectedThreshold } = api.consts.quadraticVoting.defaultConstitution;
    assert.equal(info.threshold.toNumber(), protectedThreshold.toNumber());
    assert.equal(info.outcome.type, 'Passed', '75% of the votes is above 66%');
    const enactAfter = info.enactAfter.toNumber();
    assert.equal(enactAfter, end + delay);

    // Passed, but closing waits the enactment delay; after it, anyone closes it.
    await pastEnd(api, end);
    const pending = await send(api, api.tx.quadraticVoting.closePoll(poll, bound), ferdie);
    assert.equal(error(pending), 'quadraticVoting.EnactmentPending');
    await pastEnd(api, enactAfter);
    const { closed, events } = await close(poll, ferdie);
    assert.equal(closed.outcome.type, 'Passed');
    assert.ok(closed.dispatched.isSome && closed.dispatched.unwrap().isOk, `dispatched: ${closed.dispatched}`);
    const cancelled = findEvent(events, 'projects', 'MilestoneCancelled');
    assert.ok(cancelled, 'a Projects.MilestoneCancelled event');
    assert.equal(cancelled.data.milestone.toNumber(), target);
    assert.equal((await api.query.projects.milestones(project, target)).unwrap().status.type, 'Cancelled');
    const { counters } = await record();
    assert.deepEqual([counters.planned.toNumber(), counters.cancelled.toNumber()], [max - 1, 1]);

    // A cancelled milestone no longer counts: the founder plans again.
    const planned = await sendOk(api, plan('bafy-real-plan'), alice);
    const real = findEvent(planned.events, 'projects', 'MilestoneAdded');
    assert.ok(real, 'a Projects.MilestoneAdded event');
    assert.equal(real.data.milestone.toNumber(), max, 'ids keep counting');
    assert.equal(await open(), max);
  });

  it('a proposal too heavy for a closing block is refused when proposed', async () => {
    const { eve } = accounts;
    const huge = 2n ** 62n;
    const max = api.consts.quadraticVoting.maxProposalWeight;
    assert.ok(max.refTime.toBigInt() < huge && max.proofSize.toBigInt() < huge);
    const heavy = api.tx.utility.withWeight(api.tx.system.remark('0x'), { refTime: huge, proofSize: huge });
    const nextPoll = (await api.query.quadraticVoting.nextPollId()).toNumber();
    const deposit = await held(api, eve.address, 'QuadraticVoting', 'PollDeposit');

    // Bare, or hidden in a batch (whose weight is its calls'), it is refused.
    const end = (await bestNumber(api)) + minDuration + 8;
    for (const call of [heavy, api.tx.utility.batch([heavy])]) {
      const refused = await send(api, api.tx.quadraticVoting.propose(project, call, end), eve);
      assert.equal(error(refused), 'quadraticVoting.ProposalTooHeavy');
      assert.equal(findEvent(refused.events, 'quadraticVoting', 'PollCreated'), undefined);
    }
    assert.equal((await api.query.quadraticVoting.nextPollId()).toNumber(), nextPoll, 'no poll was opened');
    assert.equal(await held(api, eve.address, 'QuadraticVoting', 'PollDeposit'), deposit, 'no deposit is held');
  });

  it('round two: no junk reaches the treasury, no constitution freezes, a poll amends the plan', async () => {
    const { alice, bob, charlie, eve, ferdie } = accounts;
    // Keyless accounts receive only through the books: a transfer into the treasury, of any
    // currency or of native tokens, bare or in a batch, is filtered.
    const junk = [
      api.tx.assets.transfer(7, treasury, 1),
      api.tx.assets.transferKeepAlive(7, treasury, 1),
      api.tx.balances.transferKeepAlive(treasury, UNIT),
      api.tx.utility.batchAll([api.tx.balances.transferKeepAlive(treasury, UNIT)]),
    ];
    const before = (await api.query.system.account(treasury)).data.free.toBigInt();
    for (const call of junk) {
      const refused = await send(api, call, eve);
      assert.equal(error(refused), 'system.CallFiltered', call.method.method);
    }
    assert.equal((await api.query.system.account(treasury)).data.free.toBigInt(), before);
    // A donation is how native tokens reach a treasury, and the books record it.
    await sendOk(api, api.tx.projects.donate(project, UNIT), eve);

    // No constitution may freeze the project, not even one its governance (Root here) sets.
    const defaults = api.consts.quadraticVoting.defaultConstitution.toJSON();
    for (const frozen of [{ ...defaults, quorum: 100 }, { ...defaults, protectedThreshold: 100 }]) {
      const above = await asRoot(api, api.tx.quadraticVoting.setConstitution(project, frozen), alice);
      assert.equal(above, 'quadraticVoting.ConstitutionAboveCeiling');
    }

    // The community amends its plan by a poll (a routine act): dispatched with its origin.
    const end = (await bestNumber(api)) + minDuration + 6;
    const created = await propose(api.tx.projects.amendPlan(project, 'bafy-the-plan-we-voted'), end, alice);
    assert.equal(created.protected.isTrue, false, 'amending the plan is routine');
    await votes([[created.poll, alice, 'Aye', 1], [created.poll, bob, 'Aye', 1], [created.poll, charlie, 'Aye', 1]]);
    await pastEnd(api, end);
    const { closed, events } = await close(created.poll, ferdie);
    assert.equal(closed.outcome.type, 'Passed');
    assert.ok(closed.dispatched.unwrap().isOk, `dispatched: ${closed.dispatched}`);
    const amended = findEvent(events, 'projects', 'PlanAmended');
    assert.ok(amended.data.by.isGovernance, "by the project's governance");
    assert.equal((await api.query.projects.projects(project)).unwrap().plan.cid.toUtf8(), 'bafy-the-plan-we-voted');
  });
});
