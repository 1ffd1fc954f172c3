// Quadratic voting: three contributors with reputation vote with different n (n votes cost n²
// credits) on a proposal to fund a milestone; the tally is the sum of their votes; an account
// without reputation is refused with a named error; the passed poll funds the milestone with the
// project's own origin (the currency's supply rises by the budget). A second poll adds a steward.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { startNode } from '../lib/node.js';
import {
  UNIT, bestNumber, devAccounts, findEvent, send, sendOk, waitUntil,
} from '../lib/chain.js';

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

    // Bob, Charlie and Dave earn reputation: the steward recognises their earlier work.
    const point = api.consts.contributions.taskReputation.toBigInt();
    await sendOk(api, api.tx.utility.batchAll([bob, charlie, dave].map((who) => api.tx.contributions
      .recognize(project, 0, who.address, 0, point, 'bafy-built-the-first-node'))), alice);
    assert.equal((await api.call.contributionsApi.membersCount(project)).toNumber(), 4);

    // Bob proposes that the project fund the milestone. A poll must run at least `minDuration`
    // blocks, and the project must exist (refused with the projects pallet's error).
    const minDuration = api.consts.quadraticVoting.minDuration.toNumber();
    const fund = api.tx.projects.fundMilestone(project, milestone);
    const tooSoon = await send(api, api.tx.quadraticVoting.propose(
      project, fund, (await bestNumber(api)) + 1, 50,
    ), bob);
    assert.equal(`${tooSoon.error.section}.${tooSoon.error.name}`, 'quadraticVoting.EndOutOfRange');
    const nowhere = await send(api, api.tx.quadraticVoting.propose(
      999_999, fund, (await bestNumber(api)) + minDuration + 12, 50,
    ), bob);
    assert.equal(`${nowhere.error.section}.${nowhere.error.name}`, 'projects.ProjectNotFound');
    const end = (await bestNumber(api)) + minDuration + 12;
    const proposed = await sendOk(api, api.tx.quadraticVoting.propose(project, fund, end, 50), bob);
    const created_ = findEvent(proposed.events, 'quadraticVoting', 'PollCreated').data;
    const poll = created_.poll;
    assert.equal(created_.electorate.toNumber(), 4, 'the electorate is the member count');

    // Three contributors vote with different n; Eve, without reputation, may not.
    await sendOk(api, api.tx.quadraticVoting.vote(poll, 'Aye', 3), bob);
    await sendOk(api, api.tx.quadraticVoting.vote(poll, 'Aye', 5), charlie);
    await sendOk(api, api.tx.quadraticVoting.vote(poll, 'Nay', 2), dave);
    const refused = await send(api, api.tx.quadraticVoting.vote(poll, 'Aye', 1), eve);
    assert.equal(`${refused.error.section}.${refused.error.name}`, 'quadraticVoting.NotEligible');
    const info = (await api.call.quadraticVotingApi.poll(poll)).unwrap();
    assert.deepEqual(info.tally.map((v) => v.toNumber()), [3 + 5, 2], 'the tally is the sum of the votes');
    assert.equal(info.voters.toNumber(), 3);
    const credits = api.consts.quadraticVoting.voiceCredits.toNumber();
    assert.equal((await api.call.quadraticVotingApi.credits(poll, bob.address)).unwrap().toNumber(), credits - 9);
    assert.equal((await api.call.quadraticVotingApi.credits(poll, charlie.address)).unwrap().toNumber(), credits - 25);
    assert.ok((await api.call.quadraticVotingApi.credits(poll, eve.address)).isNone);
    const tooMany = await send(api, api.tx.quadraticVoting.vote(poll, 'Aye', 11), bob);
    assert.equal(`${tooMany.error.section}.${tooMany.error.name}`, 'quadraticVoting.InsufficientCredits');

    // After the end anyone closes it: it passed, and the project's origin funded the milestone.
    const supplyBefore = (await api.query.assets.asset(asset.unwrap())).unwrap().supply.toBigInt();
    await pastEnd(api, end);
    const closed = await sendOk(api, api.tx.quadraticVoting.closePoll(
      poll, { refTime: 50_000_000_000n, proofSize: 200_000n },
    ), ferdie);
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

    // A second poll makes Dave a steward.
    const end2 = (await bestNumber(api)) + minDuration + 2;
    const second = await sendOk(api, api.tx.quadraticVoting.propose(
      project, api.tx.projects.addSteward(project, dave.address), end2, 50,
    ), charlie);
    const poll2 = findEvent(second.events, 'quadraticVoting', 'PollCreated').data.poll;
    await sendOk(api, api.tx.quadraticVoting.vote(poll2, 'Aye', 1), bob);
    await sendOk(api, api.tx.quadraticVoting.vote(poll2, 'Aye', 2), charlie);
    await pastEnd(api, end2);
    await sendOk(api, api.tx.quadraticVoting.closePoll(
      poll2, { refTime: 50_000_000_000n, proofSize: 200_000n },
    ), ferdie);
    const record = (await api.query.projects.projects(project)).unwrap();
    assert.ok(record.stewards.map((s) => s.toString()).includes(dave.address), 'Dave is a steward');
  });
});
