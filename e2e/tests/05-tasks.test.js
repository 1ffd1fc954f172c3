// Tasks: a steward posts a task paid in the project's currency; Bob claims it and submits his
// work; two reviewers approve; Bob's asset balance rises by the reward and the escrow is empty.
// A second task's claim runs past its due block and grace period, and a third account releases
// it: the task reopens and Bob's bond goes to the project treasury.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { startNode } from '../lib/node.js';
import {
  UNIT, bestNumber, devAccounts, findEvent, freeBalance, send, sendOk, waitUntil,
} from '../lib/chain.js';
import { assetBalance as balanceOf, fundedProject } from '../lib/commons.js';

describe('tasks', () => {
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

  it('pays an approved task from escrow, and lets anyone release an expired claim', async () => {
    const {
      alice, bob, charlie, dave, ferdie,
    } = accounts;
    const budget = 10_000n * UNIT;
    const reward = 1_500n * UNIT;
    const { project, milestone, treasury, asset } = await fundedProject(api, alice, budget);
    const assetBalance = (id, who) => balanceOf(api, id, who);

    // Only a steward posts tasks: the check is the projects pallet's, and so is its error.
    const head = await bestNumber(api);
    const notSteward = await send(api, api.tx.tasks.postTask(
      project, milestone, 'bafy-bobs-task', reward, head + 1_000, [charlie.address], 1,
    ), bob);
    assert.deepEqual([notSteward.error.section, notSteward.error.name], ['projects', 'NotSteward']);

    // Alice posts a task reviewed by Charlie and Dave, both of whom must approve.
    const posted = await sendOk(api, api.tx.tasks.postTask(
      project, milestone, 'bafy-fix-the-kettle', reward, head + 1_000,
      [charlie.address, dave.address], 2,
    ), alice);
    const postedEvent = findEvent(posted.events, 'tasks', 'TaskPosted');
    assert.ok(postedEvent, 'a Tasks.TaskPosted event');
    const task = postedEvent.data.task.toNumber();
    const escrow = postedEvent.data.escrow.toString();
    assert.equal(postedEvent.data.project.toNumber(), project);
    assert.equal(postedEvent.data.asset.type, 'ProjectCurrency');
    assert.equal(postedEvent.data.reward.toBigInt(), reward);
    assert.ok(findEvent(posted.events, 'projects', 'BudgetSpent'), 'booked against the milestone');
    assert.equal(await assetBalance(asset, escrow), reward, 'the reward is in escrow');
    assert.equal(await assetBalance(asset, treasury), budget - reward);
    let stats = await api.query.tasks.taskStats(project);
    assert.equal(stats.open.toNumber(), 1);
    assert.equal(stats.escrowedCurrency.toBigInt(), reward);

    // A reviewer cannot claim it; Bob can.
    const refused = await send(api, api.tx.tasks.claimTask(task), charlie);
    assert.deepEqual([refused.error.section, refused.error.name], ['tasks', 'ReviewerCannotClaim']);
    const claimed = await sendOk(api, api.tx.tasks.claimTask(task), bob);
    const bond = findEvent(claimed.events, 'tasks', 'TaskClaimed').data.bond.toBigInt();
    assert.ok(bond > 0n, 'Bob holds a bond');
    const holds = await api.query.balances.holds(bob.address);
    assert.ok(holds.some((h) => h.id.isTasks && h.id.asTasks.isClaimBond && h.amount.toBigInt() === bond));

    const submitted = await sendOk(api, api.tx.tasks.submitWork(task, 'bafy-kettle-works'), bob);
    assert.ok(findEvent(submitted.events, 'tasks', 'WorkSubmitted'));

    // Charlie approves: one of two.
    const first = await sendOk(api, api.tx.tasks.review(task, true, 'bafy-looks-good'), charlie);
    const firstReview = findEvent(first.events, 'tasks', 'TaskReviewed');
    assert.equal(firstReview.data.approvals.toNumber(), 1);
    assert.equal(findEvent(first.events, 'tasks', 'TaskPaid'), undefined);

    // Dave approves: Bob is paid from escrow.
    const bobBefore = await assetBalance(asset, bob.address);
    const second = await sendOk(api, api.tx.tasks.review(task, true, 'bafy-agreed'), dave);
    const paid = findEvent(second.events, 'tasks', 'TaskPaid');
    assert.ok(paid, 'a Tasks.TaskPaid event');
    assert.equal(paid.data.task.toNumber(), task);
    assert.equal(paid.data.worker.toString(), bob.address);
    assert.equal(paid.data.reward.toBigInt(), reward);
    const transferred = findEvent(second.events, 'assets', 'Transferred');
    assert.equal(transferred.data.from.toString(), escrow);
    assert.equal(transferred.data.to.toString(), bob.address);
    assert.equal(await assetBalance(asset, bob.address), bobBefore + reward);
    assert.equal(await assetBalance(asset, escrow), 0n, 'the escrow is empty');
    assert.ok((await api.query.tasks.tasks(task)).isNone, 'a paid task leaves storage');
    const bobHolds = await api.query.balances.holds(bob.address);
    assert.ok(!bobHolds.some((h) => h.id.isTasks), 'the bond is released');
    stats = await api.query.tasks.taskStats(project);
    assert.equal(stats.paid.toNumber(), 1);
    assert.equal(stats.paidCurrency.toBigInt(), reward);
    assert.equal(stats.escrowedCurrency.toBigInt(), 0n);

    // A second task, due in six blocks. Bob claims it and does nothing.
    const now = await bestNumber(api);
    const due = now + 6;
    const second2 = await sendOk(api, api.tx.tasks.postTask(
      project, milestone, 'bafy-fix-the-lamp', reward, due, [charlie.address], 1,
    ), alice);
    const lamp = findEvent(second2.events, 'tasks', 'TaskPosted').data.task.toNumber();
    await sendOk(api, api.tx.tasks.claimTask(lamp), bob);

    // Before due + grace, nobody can release it.
    const early = await send(api, api.tx.tasks.releaseExpired(lamp), ferdie);
    assert.deepEqual([early.error.section, early.error.name], ['tasks', 'NotExpired']);

    // After it, Ferdie (neither steward, worker nor reviewer) releases it.
    const grace = api.consts.tasks.grace.toNumber();
    await waitUntil(async () => (await bestNumber(api)) > due + grace + 1, {
      what: `block ${due + grace + 1}`,
    });
    const treasuryBefore = await freeBalance(api, treasury);
    const released = await sendOk(api, api.tx.tasks.releaseExpired(lamp), ferdie);
    const reopened = findEvent(released.events, 'tasks', 'TaskReopened');
    assert.ok(reopened, 'a Tasks.TaskReopened event');
    assert.equal(reopened.data.reason.type, 'Expired');
    assert.equal(reopened.data.worker.toString(), bob.address);
    assert.equal(reopened.data.by.toString(), ferdie.address);
    assert.equal(reopened.data.forfeited.toBigInt(), bond);
    assert.equal(await freeBalance(api, treasury), treasuryBefore + bond, 'the bond went to the project');
    assert.equal((await api.query.tasks.tasks(lamp)).unwrap().status.type, 'Open');
    stats = await api.query.tasks.taskStats(project);
    assert.equal(stats.expired.toNumber(), 1);
    assert.equal(stats.open.toNumber(), 1);

    // The progress API tells it in one call: the reopened task is the project's gap, and overdue.
    const progress = (await api.call.progressApi.projectProgress(project)).unwrap();
    assert.deepEqual(
      ['open', 'claimed', 'submitted', 'paid', 'cancelled', 'expired', 'overdue']
        .map((k) => progress.tasks[k].toNumber()),
      [1, 0, 0, 1, 0, 1, 1],
    );
    assert.equal(progress.milestones.funded.toNumber(), 1);
    assert.equal(progress.budget.minted.toBigInt(), budget);
    assert.equal(progress.budget.paidCurrency.toBigInt(), reward);
    assert.equal(progress.budget.escrowedCurrency.toBigInt(), stats.escrowedCurrency.toBigInt());
    assert.equal(progress.contributors.toNumber(), 3, 'Bob, and his two reviewers');
    assert.equal(progress.topContributors[0][0].toString(), bob.address);
  });
});
