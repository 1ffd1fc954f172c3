// Contributions: after Bob's task is approved his contribution and reputation (the reward's share
// of the milestone's budget, times the task reputation) are readable through the
// ContributionsApi runtime API and the pallet's storage, and so is his approving reviewer's; a
// recognition pays him a bonus from the milestone's budget and adds reputation from the
// reputation budget that only governance sets, and appears in his record; a half-life later his
// reputation reads half. Donations are recorded without reputation; work done outside tasks is
// recorded once three members endorse the contributor's request for attestation (if the
// reputation budget has room for it), and the deposit returns.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { startNode } from '../lib/node.js';
import {
  UNIT, bestNumber, devAccounts, findEvent, send, sendOk, waitUntil,
} from '../lib/chain.js';
import {
  POINT, asRoot, asRootOk, assetBalance, fundedProject,
} from '../lib/commons.js';

describe('contributions', () => {
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

  it('records accepted work, recognition and decaying reputation', async () => {
    const { alice, bob, charlie } = accounts;
    const budget = 10_000n * UNIT;
    const reward = 800n * UNIT;
    const { project, milestone, asset, treasury } = await fundedProject(api, alice, budget, {
      name: 'Seed Library', symbol: 'SEED',
    });

    // Only members review: the project's governance (Root here) makes Charlie a steward.
    await asRootOk(api, api.tx.projects.addSteward(project, charlie.address), alice);

    // Bob does a task; Charlie reviews and approves it.
    const head = await bestNumber(api);
    const posted = await sendOk(api, api.tx.tasks.postTask(
      project, milestone, 'bafy-sort-the-seeds', reward, head + 1_000, [charlie.address], 1,
    ), alice);
    const task = findEvent(posted.events, 'tasks', 'TaskPosted').data.task;
    await sendOk(api, api.tx.tasks.claimTask(task), bob);
    await sendOk(api, api.tx.tasks.submitWork(task, 'bafy-sorted'), bob);
    const reviewed = await sendOk(api, api.tx.tasks.review(task, true, 'bafy-thanks'), charlie);
    assert.ok(findEvent(reviewed.events, 'tasks', 'TaskPaid'), 'Bob is paid');
    const contributed = findEvent(
      reviewed.events, 'contributions', 'Contributed', (e) => e.data.who.toString() === bob.address,
    );
    assert.ok(contributed, 'a Contributions.Contributed event for Bob');
    assert.equal(contributed.data.kind.type, 'Task');
    assert.equal(contributed.data.value.toBigInt(), reward);
    // The work earns the task reputation times the reward's share of the budget (8%: 1.6 points);
    // Charlie's approving review, recorded at the payout, the review reputation times it.
    const taskPoints = (api.consts.contributions.taskReputation.toBigInt() * reward) / budget;
    const reviewPoints = (api.consts.contributions.reviewReputation.toBigInt() * reward) / budget;
    assert.equal(contributed.data.reputation.toBigInt(), taskPoints);
    const review = findEvent(
      reviewed.events, 'contributions', 'Contributed', (e) => e.data.who.toString() === charlie.address,
    );
    assert.equal(review.data.kind.type, 'Review');
    assert.equal(review.data.reputation.toBigInt(), reviewPoints);

    // The runtime API tells his record and reputation (at the payout's block, undecayed).
    const paidAt = (await api.rpc.chain.getHeader(reviewed.blockHash)).number.toNumber();
    let info = await (await api.at(reviewed.blockHash)).call.contributionsApi.contributor(project, bob.address);
    assert.equal(info.totals.tasks.count.toNumber(), 1);
    assert.equal(info.totals.tasks.value.toBigInt(), reward);
    assert.equal(info.reputation.toBigInt(), taskPoints);
    assert.ok(info.member.isTrue, 'an accepted task makes Bob a member');
    assert.equal(info.memberSince.unwrap().toNumber(), paidAt, 'from the payout on');
    assert.ok(info.memberUntil.unwrap().toNumber() > paidAt);
    const reviewer = await api.call.contributionsApi.contributor(project, charlie.address);
    assert.equal(reviewer.totals.reviews.count.toNumber(), 1, 'the review is recorded');
    assert.ok(reviewer.reputation.toBigInt() < api.consts.contributions.memberThreshold.toBigInt());
    assert.ok(reviewer.memberSince.isNone, "Charlie's one review gives him no standing");
    const top = await api.call.contributionsApi.topContributors(project, 10);
    assert.deepEqual(top.map(([who]) => who.toString()), [bob.address], 'Bob leads the project');
    // Alice and Charlie (stewards) and Bob; Charlie's one review is below the threshold.
    assert.equal((await api.call.contributionsApi.membersCount(project)).toNumber(), 3);
    // The pallet keeps one record per contributor, and the project's books.
    const record = (await api.query.contributions.contributors(project, bob.address)).unwrap();
    assert.equal(record.totals.tasks.value.toBigInt(), reward);
    assert.equal(record.reputation.score.toBigInt(), taskPoints);
    assert.equal(record.standing.unwrap().since.toNumber(), paidAt);
    let books = await api.query.contributions.books(project);
    assert.equal(books.contributors.toNumber(), 2, 'Bob and Charlie');
    assert.equal(books.members.toNumber(), 1, 'Bob, by reputation');

    // Recognitions are refused for oneself, without a bonus or a boost, for a keyless account,
    // for a milestone or a project that does not exist.
    const refusal = async (call) => {
      const { error } = await send(api, call, alice);
      return `${error.section}.${error.name}`;
    };
    const recognize = (...args) => api.tx.contributions.recognize(...args);
    assert.equal(await refusal(recognize(project, milestone, alice.address, 300n * UNIT, 0, 'bafy-me')), 'contributions.SelfRecognition');
    assert.equal(await refusal(recognize(project, milestone, bob.address, 0, 0, 'bafy-nothing')), 'contributions.EmptyRecognition');
    assert.equal(await refusal(recognize(project, milestone, treasury, 300n * UNIT, 0, 'bafy-treasury')), 'contributions.KeylessRecipient');
    assert.equal(await refusal(recognize(project, milestone + 99, bob.address, 0, POINT, 'bafy-no-milestone')), 'projects.MilestoneNotFound');
    assert.equal(await refusal(recognize(999_999, milestone, bob.address, 0, POINT, 'bafy-nowhere')), 'projects.ProjectNotFound');
    // Governance settings of a project that does not exist are refused too.
    for (const call of [
      api.tx.contributions.setHalfLife(999_999, 100),
      api.tx.contributions.setRecognitionBudget(999_999, UNIT),
      api.tx.contributions.setReputationBudget(999_999, POINT),
    ]) {
      assert.equal(await asRoot(api, call, alice), 'projects.ProjectNotFound', `${call.method.method}`);
    }

    // Governance gives the project a recognition budget. A boost needs reputation budget too,
    // which only governance sets: until it does, Alice can add none.
    await asRootOk(api, api.tx.contributions.setRecognitionBudget(project, 500n * UNIT), alice);
    const boost = POINT;
    assert.equal(
      await refusal(recognize(project, milestone, bob.address, 300n * UNIT, boost, 'bafy-exceptional')),
      'contributions.ReputationBudgetExceeded',
    );
    await asRootOk(api, api.tx.contributions.setReputationBudget(project, boost), alice);
    const bobBefore = await assetBalance(api, asset, bob.address);
    const recognized = await sendOk(api, recognize(
      project, milestone, bob.address, 300n * UNIT, boost, 'bafy-exceptional',
    ), alice);
    const event = findEvent(recognized.events, 'contributions', 'Recognized');
    assert.ok(event, 'a Contributions.Recognized event');
    assert.equal(event.data.amount.toBigInt(), 300n * UNIT);
    assert.equal(event.data.boost.toBigInt(), boost);
    assert.equal(await assetBalance(api, asset, bob.address), bobBefore + 300n * UNIT);
    info = await api.call.contributionsApi.contributor(project, bob.address);
    assert.equal(info.totals.recognitions.count.toNumber(), 1);
    assert.equal(info.totals.recognitions.value.toBigInt(), 300n * UNIT);
    assert.equal(info.recognitions.length, 1, 'the recognition is on his record');
    assert.equal(info.recognitions[0].amount.toBigInt(), 300n * UNIT);
    assert.equal(info.recognitions[0].boost.toBigInt(), boost);
    assert.equal(info.recognitions[0].by.asSteward.toString(), alice.address);
    assert.equal(Buffer.from(info.recognitions[0].reason).toString(), 'bafy-exceptional');
    books = await api.query.contributions.books(project);
    assert.equal(books.recognitionBudget.toBigInt(), 500n * UNIT);
    assert.equal(books.recognitionSpent.toBigInt(), 300n * UNIT);
    assert.equal(books.reputationBudget.toBigInt(), boost);
    assert.equal(books.reputationSpent.toBigInt(), boost);

    // A half-life later (no new contributions) his reputation reads half, within rounding.
    const halfLife = api.consts.contributions.defaultHalfLife.toNumber();
    const from = await bestNumber(api);
    await waitUntil(async () => (await bestNumber(api)) >= from + halfLife, {
      what: `block ${from + halfLife}`, timeoutMs: (halfLife + 30) * 1000,
    });
    const at = async (n) => {
      const hash = await api.rpc.chain.getBlockHash(n);
      const scoped = await api.at(hash);
      return (await scoped.call.contributionsApi.contributor(project, bob.address)).reputation.toBigInt();
    };
    const before = await at(from);
    const later = await at(from + halfLife);
    const ratio = Number(later) / Number(before);
    assert.ok(Math.abs(ratio - 0.5) < 1e-6, `reputation ratio after a half-life: ${ratio}`);
  });

  it('records donations without reputation, and attested work once members endorse it', async () => {
    const { alice, bob, charlie, dave, eve, ferdie } = accounts;
    const { project, milestone } = await fundedProject(api, alice, 1_000n * UNIT, {
      name: 'Tool Library', symbol: 'TOOL',
    });

    const donated = await sendOk(api, api.tx.projects.donate(project, 5n * UNIT), ferdie);
    const gift = findEvent(donated.events, 'contributions', 'Contributed');
    assert.equal(gift.data.kind.type, 'Donation');
    let info = await api.call.contributionsApi.contributor(project, ferdie.address);
    assert.equal(info.totals.donations.value.toBigInt(), 5n * UNIT);
    assert.equal(info.reputation.toBigInt(), 0n, 'money alone earns no reputation');

    // The steward recognises four people's earlier work (no bonus, two points each): they become
    // members, once governance has given the project the reputation budget for it.
    const boost = 2n * POINT;
    const recognitions = api.tx.utility.batchAll([bob, charlie, dave, eve].map((who) =>
      api.tx.contributions.recognize(project, milestone, who.address, 0, boost, 'bafy-earlier-work')));
    const unbudgeted = await send(api, recognitions, alice);
    assert.equal(`${unbudgeted.error.section}.${unbudgeted.error.name}`, 'contributions.ReputationBudgetExceeded');
    await asRootOk(api, api.tx.contributions.setReputationBudget(project, 4n * boost), alice);
    await sendOk(api, recognitions, alice);
    assert.equal((await api.call.contributionsApi.membersCount(project)).toNumber(), 5);

    // Ferdie is no member and may not request an attestation; a project that does not exist is
    // refused with the projects pallet's error. Bob requests one and three members endorse it.
    const refused = await send(api, api.tx.contributions.requestAttestation(project, 'bafy-x', 1), ferdie);
    assert.equal(`${refused.error.section}.${refused.error.name}`, 'contributions.NotMember');
    const nowhere = await send(api, api.tx.contributions.requestAttestation(999_999, 'bafy-x', 1), bob);
    assert.equal(`${nowhere.error.section}.${nowhere.error.name}`, 'projects.ProjectNotFound');
    const reservedBefore = (await api.query.system.account(bob.address)).data.reserved.toBigInt();
    const requested = await sendOk(api, api.tx.contributions.requestAttestation(
      project, 'bafy-translated-the-manual', 40n * UNIT,
    ), bob);
    const request = findEvent(requested.events, 'contributions', 'AttestationRequested').data;
    const { attestation } = request;
    assert.equal(request.project.toNumber(), project);
    assert.equal(request.contributor.toString(), bob.address);
    assert.equal(request.value.toBigInt(), 40n * UNIT);
    assert.ok((await api.query.contributions.attestations(attestation)).isSome, 'the attestation is stored');
    assert.equal(
      (await api.query.contributions.nextAttestationId()).toNumber(), attestation.toNumber() + 1,
    );
    const deposit = api.consts.contributions.attestationDeposit.toBigInt();
    assert.equal(
      (await api.query.system.account(bob.address)).data.reserved.toBigInt(), reservedBefore + deposit,
    );
    const holds = await api.query.balances.holds(bob.address);
    assert.ok(holds.some((h) => h.id.isContributions && h.id.asContributions.isAttestationDeposit
      && h.amount.toBigInt() === deposit), 'held as a Contributions.AttestationDeposit');
    const endorsed = await sendOk(api, api.tx.contributions.endorse(attestation), charlie);
    const endorsement = findEvent(endorsed.events, 'contributions', 'AttestationEndorsed').data;
    assert.equal(endorsement.endorser.toString(), charlie.address);
    assert.equal(endorsement.endorsements.toNumber(), 1);
    const own = await send(api, api.tx.contributions.endorse(attestation), bob);
    assert.equal(`${own.error.section}.${own.error.name}`, 'contributions.OwnAttestation');
    const early = await send(api, api.tx.contributions.clearLapsed(attestation), ferdie);
    assert.equal(`${early.error.section}.${early.error.name}`, 'contributions.AttestationStillOpen');
    await sendOk(api, api.tx.contributions.endorse(attestation), dave);
    // The last endorsement adds reputation, drawn from the reputation budget: with none left, it
    // is refused (and the request stays open); with room, it accepts the request.
    const attested = api.consts.contributions.attestedReputation.toBigInt();
    await asRootOk(api, api.tx.contributions.setReputationBudget(project, 0), alice);
    const noBudget = await send(api, api.tx.contributions.endorse(attestation), eve);
    assert.equal(`${noBudget.error.section}.${noBudget.error.name}`, 'contributions.ReputationBudgetExceeded');
    assert.equal((await api.query.contributions.attestations(attestation)).unwrap().endorsers.length, 2);
    await asRootOk(api, api.tx.contributions.setReputationBudget(project, 4n * boost + attested), alice);
    const accepted = await sendOk(api, api.tx.contributions.endorse(attestation), eve);
    const acceptance = findEvent(accepted.events, 'contributions', 'AttestationAccepted');
    assert.ok(acceptance, 'the attestation is accepted');
    assert.equal(acceptance.data.contributor.toString(), bob.address);
    const work = findEvent(accepted.events, 'contributions', 'Contributed');
    assert.equal(work.data.kind.type, 'Attested');
    assert.equal(work.data.who.toString(), bob.address);
    assert.equal(work.data.value.toBigInt(), 40n * UNIT);
    assert.ok((await api.query.contributions.attestations(attestation)).isNone, 'and leaves storage');
    assert.equal(
      (await api.query.system.account(bob.address)).data.reserved.toBigInt(), reservedBefore,
      'the deposit returned',
    );
    const gone = await send(api, api.tx.contributions.endorse(attestation), charlie);
    assert.equal(`${gone.error.section}.${gone.error.name}`, 'contributions.AttestationNotFound');
    info = await api.call.contributionsApi.contributor(project, bob.address);
    assert.equal(info.totals.attested.count.toNumber(), 1);
    assert.equal(info.totals.attested.value.toBigInt(), 40n * UNIT);
    assert.equal(info.totals.recognitions.count.toNumber(), 1);
    const books = await api.query.contributions.books(project);
    assert.equal(books.contributors.toNumber(), 5, 'Ferdie, and the four recognised');
    assert.equal(books.members.toNumber(), 4, 'the four recognised, by reputation');

    // Nobody endorses work for a project that is over.
    const late = findEvent((await sendOk(api, api.tx.contributions.requestAttestation(
      project, 'bafy-late-work', 0,
    ), charlie)).events, 'contributions', 'AttestationRequested').data.attestation;
    await asRootOk(api, api.tx.projects.setStatus(project, 'Completed'), alice);
    const closed = await send(api, api.tx.contributions.endorse(late), dave);
    assert.equal(`${closed.error.section}.${closed.error.name}`, 'projects.ProjectClosed');
  });
});
