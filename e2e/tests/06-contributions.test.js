// Contributions: after Bob's task is approved his contribution and reputation are readable
// through the ContributionsApi runtime API; a recognition pays him a bonus from the milestone's
// budget and appears in his record; a half-life later his reputation reads half. Donations are
// recorded without reputation; work done outside tasks is recorded once three members endorse
// the contributor's request for attestation, and the deposit returns.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { startNode } from '../lib/node.js';
import {
  UNIT, bestNumber, devAccounts, findEvent, send, sendOk, waitUntil,
} from '../lib/chain.js';
import { assetBalance, fundedProject } from '../lib/commons.js';

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
    const { project, milestone, asset } = await fundedProject(api, alice, budget, {
      name: 'Seed Library', symbol: 'SEED',
    });

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

    // The runtime API tells his record and reputation.
    const taskPoint = api.consts.contributions.taskReputation.toBigInt();
    let info = await api.call.contributionsApi.contributor(project, bob.address);
    assert.equal(info.totals.tasks.count.toNumber(), 1);
    assert.equal(info.totals.tasks.value.toBigInt(), reward);
    assert.ok(info.reputation.toBigInt() > 0n && info.reputation.toBigInt() <= taskPoint);
    const reviewer = await api.call.contributionsApi.contributor(project, charlie.address);
    assert.equal(reviewer.totals.reviews.count.toNumber(), 1, 'the review is recorded');
    const top = await api.call.contributionsApi.topContributors(project, 10);
    assert.equal(top[0][0].toString(), bob.address, 'Bob leads the project');
    assert.ok(info.member.isTrue, 'an accepted task makes Bob a member');
    // Alice (the founder steward) and Bob; Charlie's one review is below the threshold.
    assert.equal((await api.call.contributionsApi.membersCount(project)).toNumber(), 2);

    // Governance gives the project a recognition budget; Alice recognises Bob's work.
    await sendOk(api, api.tx.sudo.sudo(
      api.tx.contributions.setRecognitionBudget(project, 500n * UNIT),
    ), alice);
    const bobBefore = await assetBalance(api, asset, bob.address);
    const recognized = await sendOk(api, api.tx.contributions.recognize(
      project, milestone, bob.address, 300n * UNIT, taskPoint, 'bafy-exceptional',
    ), alice);
    const event = findEvent(recognized.events, 'contributions', 'Recognized');
    assert.ok(event, 'a Contributions.Recognized event');
    assert.equal(event.data.amount.toBigInt(), 300n * UNIT);
    assert.equal(await assetBalance(api, asset, bob.address), bobBefore + 300n * UNIT);
    info = await api.call.contributionsApi.contributor(project, bob.address);
    assert.equal(info.totals.recognitions.count.toNumber(), 1);
    assert.equal(info.totals.recognitions.value.toBigInt(), 300n * UNIT);
    assert.equal(info.recognitions.length, 1, 'the recognition is on his record');
    assert.equal(info.recognitions[0].amount.toBigInt(), 300n * UNIT);
    assert.equal(info.recognitions[0].by.asSteward.toString(), alice.address);
    assert.equal(Buffer.from(info.recognitions[0].reason).toString(), 'bafy-exceptional');

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

    // The steward recognises four people's earlier work (no bonus): they become members.
    const point = api.consts.contributions.taskReputation.toBigInt();
    await sendOk(api, api.tx.utility.batchAll([bob, charlie, dave, eve].map((who) =>
      api.tx.contributions.recognize(project, milestone, who.address, 0, point, 'bafy-earlier-work'))), alice);
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
    const accepted = await sendOk(api, api.tx.contributions.endorse(attestation), eve);
    const acceptance = findEvent(accepted.events, 'contributions', 'AttestationAccepted');
    assert.ok(acceptance, 'the attestation is accepted');
    assert.equal(acceptance.data.contributor.toString(), bob.address);
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
    assert.equal(info.recent[info.recent.length - 1].kind.type, 'Attested');
  });
});
