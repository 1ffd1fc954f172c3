// Quadratic voting: three contributors with reputation vote with different n (n votes cost n²
// credits, and a voter's credits are the square of the votes their reputation is worth) on a
// proposal to fund a milestone; the tally is the sum of their votes; an account without
// reputation is refused with a named error. Funding is a protected act: it needs the
// constitution's supermajority and waits its enactment delay after the poll's end; then the
// passed poll funds the milestone with the project's own origin (the currency's supply rises by
// the budget). Votes outlive the closed poll until the voter removes theirs or anyone clears
// them, and each returns its deposit. A second poll adds a steward (a steward added while it
// runs does not vote in it), while a routine act passes by simple majority and is enacted at its
// end; finally governance sets a new constitution, which the next poll follows.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { startNode } from '../lib/node.js';
import {
  UNIT, bestNumber, devAccounts, findEvent, send, sendOk, waitUntil,
} from '../lib/chain.js';
import {
  POINT, asRoot, asRootOk, held,
} from '../lib/commons.js';

const BOUND = { refTime: 50_000_000_000n, proofSize: 200_000n };

/** Votes are taken until `end`; resolves once a block after it exists. */
async function pastEnd(api, end) {
  await waitUntil(async () => (await bestNumber(api)) > end, { what: `block ${end + 1}`, timeoutMs: 60_000 });
}

describe('quadratic voting', () => {
  let node;
  let api;
  let accounts;

  before(async () => {
    node = await startNode();
    api = node.api;
    accounts = await devAccounts();
  });

  after(async () => {
    if (node) await node.stop();
  });

  it('members vote quadratically and a passed poll acts as the project', async () => {
    const { alice, bob, charlie, dave, eve, ferdie } = accounts;
    const budget = 5_000n * UNIT;
    const error = (result) => `${result.error.section}.${result.error.name}`;

    // Alice founds a project with a currency and plans a milestone; nobody funds it yet.
    const created = await sendOk(api, api.tx.projects.createProject(
      'Community Mesh', 'bafy-mesh-plan',
      { symbol: 'MESH', name: 'Mesh Hours', decimals: 12, cap: 10n * budget, minBalance: 1_000n },
    ), alice);
    const { project, asset } = findEvent(created.events, 'projects', 'ProjectCreated').data;
    const head = await bestNumber(api);
    const added = await sendOk(api, api.tx.projects.addMilestone(
      project, 'bafy-antennas', 'ProjectCurrency', budget, head + 10_000,
    ), alice);
    const milestone = findEvent(added.events, 'projects', 'MilestoneAdded').data.milestone;

    // Bob, Charlie and Dave earn reputation: the project's governance (Root here) gives it a long
    // half-life and a reputation budget, and the steward recognises their earlier work. Voice is
    // reputation counted in votes (a vote per half point): 3.2 points are worth 6 votes, 36 credits.
    const boost = 3_200_000n;
    const perVote = api.consts.contributions.reputationPerVote.toBigInt();
    assert.equal(perVote, POINT / 2n);
    await asRootOk(api, api.tx.utility.batchAll([
      api.tx.contributions.setHalfLife(project, 1_000_000),
      api.tx.contributions.setReputationBudget(project, 3n * boost),
      api.tx.contributions.setRecognitionBudget(project, 100n * UNIT),
    ]), alice);
    await sendOk(api, api.tx.utility.batchAll([bob, charlie, dave].map((who) => api.tx.contributions
      .recognize(project, 0, who.address, 0, boost, 'bafy-built-the-first-node'))), alice);
    assert.equal((await api.call.contributionsApi.membersCount(project)).toNumber(), 4);

    // The project has the runtime's default constitution until its governance sets one.
    assert.ok((await api.query.quadraticVoting.constitutions(project)).isNone);
    const constitution = api.consts.quadraticVoting.defaultConstitution;
    const minDuration = constitution.minDuration.toNumber();
    const delay = constitution.enactmentDelay.toNumber();

    // Bob proposes that the project fund the milestone. A poll must run at least the
    // constitution's `minDuration` blocks, the project must exist (refused with the projects
    // pallet's error), and a call heavier than `maxProposalWeight` is refused at once.
    const fund = api.tx.projects.fundMilestone(project, milestone);
    const tooSoon = await send(api, api.tx.quadraticVoting.propose(
      project, fund, (await bestNumber(api)) + 1,
    ), bob);
    assert.equal(error(tooSoon), 'quadraticVoting.EndOutOfRange');
    const nowhere = await send(api, api.tx.quadraticVoting.propose(
      999_999, fund, (await bestNumber(api)) + minDuration + 12,
    ), bob);
    assert.equal(error(nowhere), 'projects.ProjectNotFound');
    const max = api.consts.quadraticVoting.maxProposalWeight;
    const heavy = api.tx.utility.withWeight(
      api.tx.system.remark('0x00'), { refTime: max.refTime.toBigInt() + 1n, proofSize: max.proofSize.toBigInt() },
    );
    const tooHeavy = await send(api, api.tx.quadraticVoting.propose(
      project, heavy, (await bestNumber(api)) + minDuration + 12,
    ), bob);
    assert.equal(error(tooHeavy), 'quadraticVoting.ProposalTooHeavy');

    // Funding a milestone is a protected act: the quorum and the supermajority come from the
    // constitution, and a passed poll is enacted only `enactmentDelay` blocks after its end.
    const end = (await bestNumber(api)) + minDuration + 12;
    const proposed = await sendOk(api, api.tx.quadraticVoting.propose(project, fund, end), bob);
    const created_ = findEvent(proposed.events, 'quadraticVoting', 'PollCreated').data;
    const poll = created_.poll;
    assert.equal(created_.electorate.toNumber(), 4, 'the electorate is the member count');
    assert.equal(created_.protected.isTrue, true, 'funding is a protected act');
    assert.equal(created_.quorum.toNumber(), constitution.quorum.toNumber());
    assert.equal(created_.threshold.toNumber(), constitution.protectedThreshold.toNumber());
    assert.equal(created_.end.toNumber(), end);
    assert.equal(created_.enactAfter.toNumber(), end + delay);

    // Three contributors vote with different n; Eve, without reputation, may not. Each vote
    // holds a deposit.
    const voteDeposit = api.consts.quadraticVoting.voteDeposit.toBigInt();
    await sendOk(api, api.tx.quadraticVoting.vote(poll, 'Aye', 3), bob);
    await sendOk(api, api.tx.quadraticVoting.vote(poll, 'Aye', 5), charlie);
    await sendOk(api, api.tx.quadraticVoting.vote(poll, 'Nay', 2), dave);
    const refused = await send(api, api.tx.quadraticVoting.vote(poll, 'Aye', 1), eve);
    assert.equal(error(refused), 'quadraticVoting.NotEligible');
    for (const voter of [bob, charlie, dave]) {
      assert.equal(await held(api, voter.address, 'QuadraticVoting', 'VoteDeposit'), voteDeposit);
    }
    const info = (await api.call.quadraticVotingApi.poll(poll)).unwrap();
    assert.deepEqual(info.tally.map((v) => v.toNumber()), [3 + 5, 2], 'the tally is the sum of the votes');
    assert.equal(info.voters.toNumber(), 3);
    assert.equal(info.protected.isTrue, true);
    assert.equal(info.threshold.toNumber(), constitution.protectedThreshold.toNumber());
    assert.equal(info.enactAfter.toNumber(), end + delay);
    assert.equal(info.outcome.type, 'Passed', '8 of 10 votes are above the supermajority');
    const credits = 6 * 6;
    assert.equal((await api.call.quadraticVotingApi.credits(poll, bob.address)).unwrap().toNumber(), credits - 9);
    assert.equal((await api.call.quadraticVotingApi.credits(poll, charlie.address)).unwrap().toNumber(), credits - 25);
    assert.ok((await api.call.quadraticVotingApi.credits(poll, eve.address)).isNone);
    // Seven votes cost 49 credits: more than Bob's reputation is worth.
    const tooMany = await send(api, api.tx.quadraticVoting.vote(poll, 'Aye', 7), bob);
    assert.equal(error(tooMany), 'quadraticVoting.InsufficientCredits');
    const early = await send(api, api.tx.quadraticVoting.removeVote(poll), bob);
    assert.equal(error(early), 'quadraticVoting.PollNotClosed');

    // After the end it passed, but a protected act waits its enactment delay: closing it is
    // refused until then. After it, anyone closes it, and the project's origin funds the milestone.
    const supplyBefore = (await api.query.assets.asset(asset.unwrap())).unwrap().supply.toBigInt();
    await pastEnd(api, end);
    const pending = await send(api, api.tx.quadraticVoting.closePoll(poll, BOUND), ferdie);
    assert.equal(error(pending), 'quadraticVoting.EnactmentPending');
    await pastEnd(api, end + delay);
    const closed = await sendOk(api, api.tx.quadraticVoting.closePoll(poll, BOUND), ferdie);
    const outcome = findEvent(closed.events, 'quadraticVoting', 'PollClosed').data;
    assert.equal(outcome.outcome.type, 'Passed');
    assert.ok(outcome.dispatched.unwrap().isOk, 'the proposal was dispatched successfully');
    assert.ok(findEvent(closed.events, 'projects', 'MilestoneFunded'), 'the milestone is funded');
    const supplyAfter = (await api.query.assets.asset(asset.unwrap())).unwrap().supply.toBigInt();
    assert.equal(supplyAfter - supplyBefore, budget, 'the supply rose by the budget');
    assert.ok((await api.call.quadraticVotingApi.poll(poll)).isNone, 'the poll is closed');
    const progress = (await api.call.progressApi.projectProgress(project)).unwrap();
    assert.equal(progress.milestones.planned.toNumber(), 0);
    assert.equal(progress.milestones.funded.toNumber(), 1);
    assert.equal(progress.budget.minted.toBigInt(), budget);
    assert.equal(progress.openPolls.toNumber(), 0);
    assert.equal(progress.members.toNumber(), 4);
    assert.equal(progress.contributors.toNumber(), 3);

    // Closing left the votes, with their deposits: Bob removes his, and anyone clears the rest.
    assert.ok((await api.query.quadraticVoting.votes(poll, bob.address)).isSome, 'the votes outlive the poll');
    const removed = await sendOk(api, api.tx.quadraticVoting.removeVote(poll), bob);
    const removal = findEvent(removed.events, 'quadraticVoting', 'VotesCleared').data;
    assert.deepEqual([removal.removed.toNumber(), removal.remaining.isTrue], [1, true]);
    assert.equal(await held(api, bob.address, 'QuadraticVoting', 'VoteDeposit'), 0n, "Bob's deposit returned");
    const gone = await send(api, api.tx.quadraticVoting.removeVote(poll), bob);
    assert.equal(error(gone), 'quadraticVoting.VoteNotFound');
    const cleared = await sendOk(api, api.tx.quadraticVoting.clearVotes(poll, 10), ferdie);
    const clearance = findEvent(cleared.events, 'quadraticVoting', 'VotesCleared').data;
    assert.deepEqual([clearance.removed.toNumber(), clearance.remaining.isTrue], [2, false]);
    for (const voter of [charlie, dave]) {
      assert.equal(await held(api, voter.address, 'QuadraticVoting', 'VoteDeposit'), 0n, 'the deposits returned');
      assert.ok((await api.query.quadraticVoting.votes(poll, voter.address)).isNone);
    }

    // A second poll makes Dave a steward (a protected act); a third recognises Bob's work with a
    // bonus (a routine act, within the budget governance set: a simple majority, enacted at the
    // end). Both run at once.
    const end2 = (await bestNumber(api)) + minDuration + 12;
    const second = await sendOk(api, api.tx.quadraticVoting.propose(
      project, api.tx.projects.addSteward(project, dave.address), end2,
    ), charlie);
    const poll2 = findEvent(second.events, 'quadraticVoting', 'PollCreated').data.poll;
    const thanks = api.tx.contributions.recognize(project, milestone, bob.address, 100n * UNIT, 0, 'bafy-mesh-thanks');
    const third = await sendOk(api, api.tx.quadraticVoting.propose(project, thanks, end2), charlie);
    const routine = findEvent(third.events, 'quadraticVoting', 'PollCreated').data;
    const poll3 = routine.poll;
    assert.equal(routine.protected.isTrue, false, 'a recognition is routine');
    assert.equal(routine.threshold.toNumber(), constitution.threshold.toNumber());
    assert.equal(routine.enactAfter.toNumber(), end2);

    // Root makes Eve a steward while the polls run: the electorate was fixed when they were
    // created, so she does not vote in them.
    await asRootOk(api, api.tx.projects.addSteward(project, eve.address), alice);
    const latecomer = await send(api, api.tx.quadraticVoting.vote(poll2, 'Aye', 1), eve);
    assert.equal(error(latecomer), 'quadraticVoting.NotEligible');
    assert.ok((await api.call.quadraticVotingApi.credits(poll2, eve.address)).isNone);

    await sendOk(api, api.tx.quadraticVoting.vote(poll2, 'Aye', 1), bob);
    await sendOk(api, api.tx.quadraticVoting.vote(poll2, 'Aye', 2), charlie);
    await sendOk(api, api.tx.quadraticVoting.vote(poll3, 'Aye', 2), bob);
    await sendOk(api, api.tx.quadraticVoting.vote(poll3, 'Nay', 1), dave);
    await pastEnd(api, end2);
    const waiting = await send(api, api.tx.quadraticVoting.closePoll(poll2, BOUND), ferdie);
    assert.equal(error(waiting), 'quadraticVoting.EnactmentPending');
    const thanked = await sendOk(api, api.tx.quadraticVoting.closePoll(poll3, BOUND), ferdie);
    assert.equal(findEvent(thanked.events, 'quadraticVoting', 'PollClosed').data.outcome.type, 'Passed', '2 of 3 votes');
    const recognition = findEvent(thanked.events, 'contributions', 'Recognized');
    assert.ok(recognition, 'the routine act is enacted at its end');
    assert.ok(recognition.data.by.isGovernance, "by the project's governance");
    assert.equal(recognition.data.amount.toBigInt(), 100n * UNIT);
    await pastEnd(api, end2 + delay);
    await sendOk(api, api.tx.quadraticVoting.closePoll(poll2, BOUND), ferdie);
    const record = (await api.query.projects.projects(project)).unwrap();
    assert.ok(record.stewards.map((s) => s.toString()).includes(dave.address), 'Dave is a steward');

    // Governance sets a new constitution, within the runtime's floors and ceilings; the next poll
    // follows it.
    const rules = {
      quorum: 50, threshold: 50, protectedThreshold: 75, minDuration: minDuration + 2, enactmentDelay: delay + 1,
    };
    const below = await asRoot(api, api.tx.quadraticVoting.setConstitution(project, { ...rules, quorum: 1 }), alice);
    assert.equal(below, 'quadraticVoting.ConstitutionBelowFloor');
    // No constitution may freeze the project: a quorum or a protected threshold no poll reaches.
    for (const frozen of [{ ...rules, quorum: 100 }, { ...rules, protectedThreshold: 100 }]) {
      const above = await asRoot(api, api.tx.quadraticVoting.setConstitution(project, frozen), alice);
      assert.equal(above, 'quadraticVoting.ConstitutionAboveCeiling');
    }
    const set = await asRootOk(api, api.tx.quadraticVoting.setConstitution(project, rules), alice);
    assert.ok(findEvent(set.events, 'quadraticVoting', 'ConstitutionSet'));
    assert.equal((await api.query.quadraticVoting.constitutions(project)).unwrap().quorum.toNumber(), 50);
    const short = await send(api, api.tx.quadraticVoting.createPoll(
      project, ['keep', 'change'], (await bestNumber(api)) + minDuration + 1,
    ), eve);
    assert.equal(error(short), 'quadraticVoting.EndOutOfRange');
    const end4 = (await bestNumber(api)) + rules.minDuration + 4;
    const fourth = await sendOk(api, api.tx.quadraticVoting.createPoll(project, ['keep', 'change'], end4), eve);
    const options = findEvent(fourth.events, 'quadraticVoting', 'PollCreated').data;
    assert.equal(options.quorum.toNumber(), 50);
    assert.equal(options.protected.isTrue, false);
    // Each account counts once: Dave, a steward who also stands, is one voter.
    assert.equal(
      options.electorate.toNumber(), 5,
      'Alice and Eve (stewards), and Bob, Charlie and Dave (members by reputation)',
    );
    assert.equal(
      (await api.call.quadraticVotingApi.credits(options.poll, eve.address)).unwrap().toNumber(), 1,
      'a steward at creation votes, with one vote: she has no reputation',
    );
  });
});
