// Tasks: a steward posts a task paid in the project's currency, reviewed by two members (the
// project's governance makes them stewards: only members review, and never the poster); Bob
// claims it and submits his work, revising it as often as allowed; two reviewers approve; Bob's
// asset balance rises by the reward, the escrow is empty, and Bob and both approving reviewers
// earn reputation in proportion to the reward's share of the milestone's budget. A second task's
// claim runs past its due block and grace period (its due cannot be moved earlier while it is
// claimed), and a third account releases it: the task reopens and Bob's bond goes to the
// project treasury. Once the project is cancelled, its steward cancels a claimed task.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { startNode } from '../lib/node.js';
import {
  UNIT, bestNumber, devAccounts, findEvent, freeBalance, send, sendOk, waitUntil,
} from '../lib/chain.js';
import {
  asRootOk, assetBalance as balanceOf, fundedProject, held,
} from '../lib/commons.js';

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
      alice, bob, charlie, dave, eve, ferdie,
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

    // Only members review, and never the poster: Charlie and Dave are not members yet, and Alice
    // may not review her own task.
    const notMembers = await send(api, api.tx.tasks.postTask(
      project, milestone, 'bafy-fix-the-kettle', reward, head + 1_000,
      [charlie.address, dave.address], 2,
    ), alice);
    assert.deepEqual([notMembers.error.section, notMembers.error.name], ['tasks', 'ReviewerNotMember']);
    const ownReview = await send(api, api.tx.tasks.postTask(
      project, milestone, 'bafy-fix-the-kettle', reward, head + 1_000, [alice.address], 1,
    ), alice);
    assert.deepEqual([ownReview.error.section, ownReview.error.name], ['tasks', 'PosterCannotReview']);

    // The project's governance (Root here) makes Charlie and Dave stewards: members, who review.
    await asRootOk(api, api.tx.utility.batchAll([charlie, dave].map((who) => api.tx.projects
      .addSteward(project, who.address))), alice);

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

    // A reviewer cannot claim it, nor can its poster; Bob can.
    const refused = await send(api, api.tx.tasks.claimTask(task), charlie);
    assert.deepEqual([refused.error.section, refused.error.name], ['tasks', 'ReviewerCannotClaim']);
    const poster = await send(api, api.tx.tasks.claimTask(task), alice);
    assert.deepEqual([poster.error.section, poster.error.name], ['tasks', 'PosterCannotClaim']);
    const claimed = await sendOk(api, api.tx.tasks.claimTask(task), bob);
    const bond = findEvent(claimed.events, 'tasks', 'TaskClaimed').data.bond.toBigInt();
    assert.ok(bond > 0n, 'Bob holds a bond');
    const holds = await api.query.balances.holds(bob.address);
    assert.ok(holds.some((h) => h.id.isTasks && h.id.asTasks.isClaimBond && h.amount.toBigInt() === bond));

    const submitted = await sendOk(api, api.tx.tasks.submitWork(task, 'bafy-kettle-works'), bob);
    assert.ok(findEvent(submitted.events, 'tasks', 'WorkSubmitted'));

    // Resubmitting work in review is a revision: Bob may revise it `maxRevisions` times.
    const maxRevisions = api.consts.tasks.maxRevisions.toNumber();
    for (let revision = 1; revision <= maxRevisions; revision += 1) {
      await sendOk(api, api.tx.tasks.submitWork(task, `bafy-kettle-works-v${revision + 1}`), bob);
    }
    assert.equal((await api.query.tasks.tasks(task)).unwrap().revisions.toNumber(), maxRevisions);
    const noMore = await send(api, api.tx.tasks.submitWork(task, 'bafy-kettle-works-again'), bob);
    assert.deepEqual([noMore.error.section, noMore.error.name], ['tasks', 'NoRevisionsLeft']);

    // Charlie approves: one of two. A review earns nothing until the work it approved is paid.
    const first = await sendOk(api, api.tx.tasks.review(task, true, 'bafy-looks-good'), charlie);
    const firstReview = findEvent(first.events, 'tasks', 'TaskReviewed');
    assert.equal(firstReview.data.approvals.toNumber(), 1);
    assert.equal(findEvent(first.events, 'tasks', 'TaskPaid'), undefined);
    assert.equal(findEvent(first.events, 'contributions', 'Contributed'), undefined);

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

    // The payout records the work and both approving reviews, each earning reputation in
    // proportion to the reward's share of the milestone's budget (here 15%).
    const earned = (who, kind) => {
      const event = findEvent(second.events, 'contributions', 'Contributed', (e) => e.data.who.toString() === who.address);
      assert.ok(event, `a Contributions.Contributed event for ${who.address}`);
      assert.equal(event.data.kind.type, kind);
      return event.data.reputation.toBigInt();
    };
    const share = (points) => (points * reward) / budget;
    assert.equal(earned(bob, 'Task'), share(api.consts.contributions.taskReputation.toBigInt()));
    for (const reviewer of [charlie, dave]) {
      assert.equal(earned(reviewer, 'Review'), share(api.consts.contributions.reviewReputation.toBigInt()));
    }

    // A second task, due in eight blocks. Bob claims it and does nothing.
    const now = await bestNumber(api);
    const due = now + 8;
    const second2 = await sendOk(api, api.tx.tasks.postTask(
      project, milestone, 'bafy-fix-the-lamp', reward, due, [charlie.address], 1,
    ), alice);
    const lamp = findEvent(second2.events, 'tasks', 'TaskPosted').data.task.toNumber();
    await sendOk(api, api.tx.tasks.claimTask(lamp), bob);

    // A claimed task's due block may move later, never earlier: a worker's time is never cut.
    const earlier = await send(api, api.tx.tasks.rescheduleTask(lamp, due - 1), alice);
    assert.deepEqual([earlier.error.section, earlier.error.name], ['tasks', 'DueEarlier']);

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

    // While the project runs, a steward cancels only open tasks; once it is cancelled (and can
    // hold no more polls), its stewards settle every task it left behind, at any stage.
    const door = findEvent((await sendOk(api, api.tx.tasks.postTask(
      project, milestone, 'bafy-fix-the-door', reward, (await bestNumber(api)) + 1_000, [charlie.address], 1,
    ), alice)).events, 'tasks', 'TaskPosted').data.task.toNumber();
    await sendOk(api, api.tx.tasks.claimTask(door), eve);
    const busy = await send(api, api.tx.tasks.cancelTask(door), alice);
    assert.deepEqual([busy.error.section, busy.error.name], ['tasks', 'StewardMayCancelOnlyOpen']);
    await asRootOk(api, api.tx.projects.setStatus(project, 'Cancelled'), alice);
    const cancelled = await sendOk(api, api.tx.tasks.cancelTask(door), alice);
    const cancelledEvent = findEvent(cancelled.events, 'tasks', 'TaskCancelled');
    assert.equal(cancelledEvent.data.worker.unwrap().toString(), eve.address);
    assert.equal(cancelledEvent.data.refunded.toBigInt(), reward);
    assert.equal(await held(api, eve.address, 'Tasks', 'ClaimBond'), 0n, "Eve's bond is released");
    assert.ok((await api.query.tasks.tasks(door)).isNone, 'a cancelled task leaves storage');
  });
});
