// The whole story of a commons, on one dev chain, with `ProgressApi.project_progress` checked
// against the exact expected numbers after every step:
//
//  1. Alice founds "Commons Garden" with its own currency; the project's governance (Root here)
//     sets a long reputation half-life.
//  2. She plans two milestones.
//  3. The first is funded by a passed quadratic poll (the founder is the only member yet):
//     funding is a protected act, so the passed poll is enacted only after its enactment delay;
//     then anyone clears its vote and the voter's deposit returns.
//  4. The project's governance (Root here) makes Charlie a steward: only members review. Three
//     tasks are posted under the funded milestone; Bob, Eve and Ferdie claim one each.
//  5. Charlie reviews: Bob's work is accepted at once, Eve's after one revision; both are paid in
//     the project currency, and reputation accrues in proportion to each reward's share of the
//     milestone's budget (to the approving reviewer too, at the payout).
//  6. Ferdie's claim runs past its due block and grace; Dave releases it and the task reopens.
//  7. Alice recognises Bob's exceptional work (a bonus within the recognition budget, a boost
//     within the reputation budget; governance sets both).
//  8. Alice amends the plan.
//  9. A democracy referendum upgrades the runtime; every number above is unchanged after it.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { startNode } from '../lib/node.js';
import {
  UNIT, bestNumber, devAccounts, findEvent, send, sendOk, waitUntil,
} from '../lib/chain.js';
import {
  POINT, asRootOk, assetBalance, held,
} from '../lib/commons.js';
import { upgradeByReferendum, upgradeCode } from '../lib/governance.js';

const MILESTONE_KEYS = ['planned', 'funded', 'achieved', 'cancelled', 'overdue'];
const TASK_KEYS = ['open', 'claimed', 'submitted', 'paid', 'cancelled', 'expired', 'overdue'];
const BUDGET_KEYS = [
  'minted', 'burned', 'spentCurrency', 'spentNative',
  'escrowedCurrency', 'escrowedNative', 'paidCurrency', 'paidNative',
];

/** A project's progress as plain numbers (reputation values left out: they decay by the block). */
function summarize(progress) {
  const pick = (from, keys, as) => Object.fromEntries(keys.map((k) => [k, as(from[k])]));
  return {
    status: progress.status.type,
    planVersion: progress.planVersion.toNumber(),
    milestones: pick(progress.milestones, MILESTONE_KEYS, (v) => v.toNumber()),
    tasks: pick(progress.tasks, TASK_KEYS, (v) => v.toNumber()),
    budget: pick(progress.budget, BUDGET_KEYS, (v) => v.toBigInt()),
    contributors: progress.contributors.toNumber(),
    members: progress.members.toNumber(),
    openPolls: progress.openPolls.toNumber(),
    top: progress.topContributors.map(([who]) => who.toString()),
  };
}

describe('the commons story', () => {
  let node;
  let api;
  let accounts;

  before(async () => {
    upgradeCode();
    node = await startNode();
    api = node.api;
    accounts = await devAccounts();
  });

  after(async () => {
    if (api) await api.disconnect().catch(() => {});
    if (node) await node.stop();
  });

  it('plans, funds by poll, pays for reviewed work, recognises, amends, and survives an upgrade', async () => {
    const { alice, bob, charlie, dave, eve, ferdie } = accounts;
    const U = UNIT;
    let project;
    // The expected progress, updated step by step; `due3` makes task 3 overdue after its block.
    let due3 = Infinity;
    let task3Live = false;
    const expected = {
      status: 'Active',
      planVersion: 1,
      milestones: { planned: 0, funded: 0, achieved: 0, cancelled: 0, overdue: 0 },
      tasks: { open: 0, claimed: 0, submitted: 0, paid: 0, cancelled: 0, expired: 0, overdue: 0 },
      budget: Object.fromEntries(BUDGET_KEYS.map((k) => [k, 0n])),
      contributors: 0,
      members: 1,
      openPolls: 0,
      top: [],
    };
    // Reads the progress at the best block and compares it with `expected` at that block.
    const check = async (step) => {
      const hash = await api.rpc.chain.getBlockHash();
      const number = (await api.rpc.chain.getHeader(hash)).number.toNumber();
      const progress = await (await api.at(hash)).call.progressApi.projectProgress(project);
      expected.tasks.overdue = task3Live && number > due3 ? 1 : 0;
      assert.deepEqual(summarize(progress.unwrap()), expected, `progress after ${step}`);
      return progress.unwrap();
    };
    const tx = api.tx;

    // 1. The project, its currency, and its half-life (long: the story must not outlive it).
    const created = await sendOk(api, tx.projects.createProject(
      'Commons Garden', 'bafy-garden-plan-v1',
      { symbol: 'GRDN', name: 'Garden Hours', decimals: 12, cap: 1_000_000n * U, minBalance: 1_000n },
    ), alice);
    const made = findEvent(created.events, 'projects', 'ProjectCreated').data;
    project = made.project.toNumber();
    const asset = made.asset.unwrap().toNumber();
    await asRootOk(api, tx.contributions.setHalfLife(project, 1_000_000), alice);
    await check('creation');

    // 2. Two milestones.
    const far = (await bestNumber(api)) + 100_000;
    const budgets = [10_000n * U, 5_000n * U];
    for (const [i, budget] of budgets.entries()) {
      await sendOk(api, tx.projects.addMilestone(project, `bafy-milestone-${i}`, 'ProjectCurrency', budget, far), alice);
    }
    expected.milestones.planned = 2;
    await check('planning two milestones');

    // 3. A quadratic poll funds the first: Alice, the only member, proposes and votes. Funding is
    // a protected act: the constitution's supermajority, and an enactment delay after the end.
    const constitution = api.consts.quadraticVoting.defaultConstitution;
    const end = (await bestNumber(api)) + constitution.minDuration.toNumber() + 2;
    const proposed = await sendOk(api, tx.quadraticVoting.propose(project, tx.projects.fundMilestone(project, 0), end), alice);
    const opened = findEvent(proposed.events, 'quadraticVoting', 'PollCreated').data;
    const { poll } = opened;
    assert.equal(opened.protected.isTrue, true, 'funding is a protected act');
    assert.equal(opened.threshold.toNumber(), constitution.protectedThreshold.toNumber());
    const enactAfter = end + constitution.enactmentDelay.toNumber();
    assert.equal(opened.enactAfter.toNumber(), enactAfter);
    expected.openPolls = 1;
    await check('the proposal');
    // Her voice is one vote: she has no reputation yet.
    await sendOk(api, tx.quadraticVoting.vote(poll, 'Aye', 1), alice);
    const voteDeposit = api.consts.quadraticVoting.voteDeposit.toBigInt();
    assert.equal(await held(api, alice.address, 'QuadraticVoting', 'VoteDeposit'), voteDeposit);
    const bound = { refTime: 50_000_000_000n, proofSize: 200_000n };
    await waitUntil(async () => (await bestNumber(api)) > end, { what: 'the poll to end' });
    // It passed, and everyone can see it coming: it is enacted only after the delay.
    const pending = await send(api, tx.quadraticVoting.closePoll(poll, bound), dave);
    assert.equal(`${pending.error.section}.${pending.error.name}`, 'quadraticVoting.EnactmentPending');
    await check('the poll ending (enactment pending)');
    await waitUntil(async () => (await bestNumber(api)) > enactAfter, { what: 'the enactment delay to pass' });
    const closed = await sendOk(api, tx.quadraticVoting.closePoll(poll, bound), dave);
    assert.equal(findEvent(closed.events, 'quadraticVoting', 'PollClosed').data.outcome.type, 'Passed');
    Object.assign(expected.milestones, { planned: 1, funded: 1 });
    expected.budget.minted = budgets[0];
    expected.openPolls = 0;
    await check('the passed poll');
    // The vote outlives the poll, holding its deposit, until anyone clears it.
    assert.ok((await api.query.quadraticVoting.votes(poll, alice.address)).isSome);
    const cleared = await sendOk(api, tx.quadraticVoting.clearVotes(poll, 10), dave);
    const clearance = findEvent(cleared.events, 'quadraticVoting', 'VotesCleared').data;
    assert.deepEqual([clearance.removed.toNumber(), clearance.remaining.isTrue], [1, false]);
    assert.equal(await held(api, alice.address, 'QuadraticVoting', 'VoteDeposit'), 0n, "Alice's deposit returned");

    // 4. Only members review: the project's governance makes Charlie a steward.
    await asRootOk(api, tx.projects.addSteward(project, charlie.address), alice);
    expected.members = 2;
    await check('a second steward');

    // Three tasks, reviewed by Charlie; the third is due soon. Each is claimed.
    const rewards = [1_000n * U, 2_000n * U, 500n * U];
    const tasks = [];
    for (const [i, reward] of rewards.entries()) {
      const head = await bestNumber(api);
      const due = i === 2 ? head + 30 : far;
      const posted = await sendOk(api, tx.tasks.postTask(project, 0, `bafy-task-${i}`, reward, due, [charlie.address], 1), alice);
      tasks.push(findEvent(posted.events, 'tasks', 'TaskPosted').data.task.toNumber());
      if (i === 2) { due3 = due; task3Live = true; }
    }
    const posted = rewards.reduce((a, b) => a + b);
    expected.tasks.open = 3;
    Object.assign(expected.budget, { spentCurrency: posted, escrowedCurrency: posted });
    await check('posting three tasks');
    for (const [i, worker] of [bob, eve, ferdie].entries()) {
      await sendOk(api, tx.tasks.claimTask(tasks[i]), worker);
    }
    Object.assign(expected.tasks, { open: 0, claimed: 3 });
    await check('three claims');

    // 5. Bob's work is accepted at once.
    await sendOk(api, tx.tasks.submitWork(tasks[0], 'bafy-beds-dug'), bob);
    Object.assign(expected.tasks, { claimed: 2, submitted: 1 });
    await check("Bob's submission");
    const bobBefore = await assetBalance(api, asset, bob.address);
    const payout = await sendOk(api, tx.tasks.review(tasks[0], true, 'bafy-lovely'), charlie);
    assert.equal(await assetBalance(api, asset, bob.address), bobBefore + rewards[0]);
    // A tenth of the milestone's budget: the task reputation's tenth for Bob (2 points), the
    // review reputation's for Charlie (0.4 point, below the membership threshold).
    const reputation = (who) => findEvent(payout.events, 'contributions', 'Contributed', (e) => e.data.who.toString() === who.address)
      .data.reputation.toBigInt();
    const share = (points) => (points.toBigInt() * rewards[0]) / budgets[0];
    assert.equal(reputation(bob), share(api.consts.contributions.taskReputation));
    assert.equal(reputation(charlie), share(api.consts.contributions.reviewReputation));
    Object.assign(expected.tasks, { submitted: 0, paid: 1 });
    expected.budget.escrowedCurrency -= rewards[0];
    expected.budget.paidCurrency = rewards[0];
    // Bob (a task) and Charlie (a review); Bob's reputation makes him a member, Charlie's one
    // review does not give him a standing yet (he is a member as a steward).
    Object.assign(expected, { contributors: 2, members: 3, top: [bob.address] });
    await check("Bob's payout");

    // Eve's needs one revision.
    await sendOk(api, tx.tasks.submitWork(tasks[1], 'bafy-compost-v1'), eve);
    const rejected = await sendOk(api, tx.tasks.review(tasks[1], false, 'bafy-too-wet'), charlie);
    assert.ok(findEvent(rejected.events, 'tasks', 'RevisionRequested'), 'sent back for a revision');
    await check("the revision request");
    await sendOk(api, tx.tasks.submitWork(tasks[1], 'bafy-compost-v2'), eve);
    await sendOk(api, tx.tasks.review(tasks[1], true, 'bafy-perfect'), charlie);
    Object.assign(expected.tasks, { claimed: 1, paid: 2 });
    expected.budget.escrowedCurrency -= rewards[1];
    expected.budget.paidCurrency += rewards[1];
    // Eve's reward is twice Bob's: she leads him. Charlie's two approving reviews give him a
    // standing too (1.2 points; counted once, steward or not). The rejection earned nothing.
    Object.assign(expected, {
      contributors: 3, members: 4, top: [eve.address, bob.address, charlie.address],
    });
    await check("Eve's payout");

    // 6. Ferdie's claim runs past due and grace; Dave releases it and the task reopens.
    const grace = api.consts.tasks.grace.toNumber();
    await waitUntil(async () => (await bestNumber(api)) > due3 + grace, {
      what: `block ${due3 + grace + 1}`, timeoutMs: 120_000,
    });
    await check('the claim running late');
    const released = await sendOk(api, tx.tasks.releaseExpired(tasks[2]), dave);
    assert.equal(findEvent(released.events, 'tasks', 'TaskReopened').data.reason.type, 'Expired');
    Object.assign(expected.tasks, { open: 1, claimed: 0, expired: 1 });
    await check('the release');

    // 7. Governance gives a recognition budget and a reputation budget; Alice recognises Bob's
    // exceptional work with a bonus and a boost of three points, which puts him ahead of Eve.
    const boost = 3n * POINT;
    await asRootOk(api, tx.utility.batchAll([
      tx.contributions.setRecognitionBudget(project, 1_000n * U),
      tx.contributions.setReputationBudget(project, boost),
    ]), alice);
    const bonus = 200n * U;
    await sendOk(api, tx.contributions.recognize(project, 0, bob.address, bonus, boost, 'bafy-saved-the-harvest'), alice);
    expected.budget.spentCurrency += bonus;
    expected.top = [bob.address, eve.address, charlie.address];
    await check('the recognition');

    // 8. The plan is amended.
    await sendOk(api, tx.projects.amendPlan(project, 'bafy-garden-plan-v2'), alice);
    expected.planVersion = 2;
    const final = await check('the plan amendment');
    const bobRecord = (await api.call.contributionsApi.contributor(project, bob.address)).toJSON();
    const balances = await Promise.all([bob, eve].map((w) => assetBalance(api, asset, w.address)));

    // 9. A referendum upgrades the runtime; nothing above changes.
    const specBefore = api.runtimeVersion.specVersion.toNumber();
    api = await upgradeByReferendum(node, accounts, upgradeCode());
    assert.equal(api.runtimeVersion.specVersion.toNumber(), specBefore + 1);
    const progress = (await api.call.progressApi.projectProgress(project)).unwrap();
    assert.deepEqual(summarize(progress), summarize(final), 'the progress survives the upgrade');
    const bobAfter = (await api.call.contributionsApi.contributor(project, bob.address)).toJSON();
    assert.deepEqual(bobAfter.totals, bobRecord.totals);
    assert.deepEqual(bobAfter.recognitions, bobRecord.recognitions);
    assert.deepEqual(
      await Promise.all([bob, eve].map((w) => assetBalance(api, asset, w.address))), balances,
    );
  });
});
