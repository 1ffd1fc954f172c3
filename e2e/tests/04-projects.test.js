// Projects: Alice creates a project with its own currency, amends the plan, adds a milestone,
// and the chain's Root (through sudo, standing in for the project's governance) funds it. The
// asset supply, balances, deposits and events are read back through @polkadot/api.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { u8aToString } from '@polkadot/util';

import { startNode } from '../lib/node.js';
import {
  UNIT, devAccounts, findEvent, freeBalance, send, sendOk,
} from '../lib/chain.js';

const text = (bytes) => u8aToString(bytes.toU8a(true));

describe('projects', () => {
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

  it('runs a project with a plan-backed currency', async () => {
    const { alice, bob } = accounts;
    const id = (await api.query.projects.nextProjectId()).toNumber();
    const cap = 1_000_000n * UNIT;

    // Alice creates the project with its currency.
    const created = await sendOk(api, api.tx.projects.createProject(
      'Community Garden',
      'bafy-plan-v1',
      { symbol: 'GRDN', name: 'Garden Hours', decimals: 12, cap, minBalance: 1_000_000n },
    ), alice);
    const event = findEvent(created.events, 'projects', 'ProjectCreated');
    assert.ok(event, 'a Projects.ProjectCreated event');
    assert.equal(event.data.project.toNumber(), id);
    assert.equal(event.data.founder.toString(), alice.address);
    const account = event.data.account.toString();
    const asset = event.data.asset.unwrap().toNumber();
    const deposit = event.data.deposit.toBigInt();
    assert.ok(deposit > 0n, 'a storage deposit is held');
    assert.ok(findEvent(created.events, 'assets', 'ForceCreated'), 'the asset was created');
    assert.ok(findEvent(created.events, 'assets', 'MetadataSet'), 'with metadata');

    const details = (await api.query.assets.asset(asset)).unwrap();
    assert.equal(details.owner.toString(), account, 'the project account owns the asset');
    assert.equal(details.issuer.toString(), account);
    assert.equal(details.supply.toBigInt(), 0n);
    const metadata = await api.query.assets.metadata(asset);
    assert.equal(text(metadata.symbol), 'GRDN');
    assert.equal(metadata.decimals.toNumber(), 12);

    // The deposit is held from Alice under the pallet's hold reason.
    const holds = await api.query.balances.holds(alice.address);
    const held = holds.find((h) => h.id.isProjects && h.id.asProjects.isStorageDeposit);
    assert.ok(held, 'a Projects.StorageDeposit hold');
    assert.equal(held.amount.toBigInt(), deposit);

    const project = (await api.query.projects.projects(id)).unwrap();
    assert.equal(text(project.name), 'Community Garden');
    assert.equal(project.plan.version.toNumber(), 1);
    assert.deepEqual(project.stewards.map(String), [alice.address]);
    assert.equal(project.status.type, 'Active');
    assert.equal(project.currency.unwrap().cap.toBigInt(), cap);

    // She amends the plan: the event carries the old and new document and version.
    const amended = await sendOk(api, api.tx.projects.amendPlan(id, 'bafy-plan-v2'), alice);
    const amendEvent = findEvent(amended.events, 'projects', 'PlanAmended');
    assert.equal(text(amendEvent.data.oldCid), 'bafy-plan-v1');
    assert.equal(text(amendEvent.data.newCid), 'bafy-plan-v2');
    assert.equal(amendEvent.data.newVersion.toNumber(), 2);

    // Bob is not a steward.
    const refused = await send(api, api.tx.projects.amendPlan(id, 'bafy-bobs-plan'), bob);
    assert.deepEqual(
      [refused.error.section, refused.error.name],
      ['projects', 'NotSteward'],
    );

    // A milestone with a budget of 250 000 project tokens.
    const budget = 250_000n * UNIT;
    const head = (await api.rpc.chain.getHeader()).number.toNumber();
    const added = await sendOk(api, api.tx.projects.addMilestone(
      id, 'bafy-milestone-beds', 'ProjectCurrency', budget, head + 10_000,
    ), alice);
    const milestone = findEvent(added.events, 'projects', 'MilestoneAdded').data.milestone.toNumber();

    // Only the project's governance may fund it: a signed call is refused ...
    const unfunded = await send(api, api.tx.projects.fundMilestone(id, milestone), alice);
    assert.deepEqual(unfunded.error, { kind: 'BadOrigin', name: 'BadOrigin' });

    // ... and the chain's Root (sudo, until project polls exist) mints the budget.
    const funded = await sendOk(
      api, api.tx.sudo.sudo(api.tx.projects.fundMilestone(id, milestone)), alice,
    );
    const sudid = findEvent(funded.events, 'sudo', 'Sudid');
    assert.ok(sudid.data.sudoResult.isOk, `sudo call failed: ${sudid.data.sudoResult.toString()}`);
    const fundEvent = findEvent(funded.events, 'projects', 'MilestoneFunded');
    assert.equal(fundEvent.data.budget.toBigInt(), budget);
    assert.equal(fundEvent.data.minted.isTrue, true);
    const issued = findEvent(funded.events, 'assets', 'Issued');
    assert.equal(issued.data.owner.toString(), account);
    assert.equal(issued.data.amount.toBigInt(), budget);

    assert.equal((await api.query.assets.asset(asset)).unwrap().supply.toBigInt(), budget);
    const treasury = (await api.query.assets.account(asset, account)).unwrap();
    assert.equal(treasury.balance.toBigInt(), budget);
    const after = (await api.query.projects.projects(id)).unwrap();
    assert.equal(after.currency.unwrap().minted.toBigInt(), budget);
    assert.equal(after.counters.funded.toNumber(), 1);
    assert.equal(after.counters.planned.toNumber(), 0);

    // Funding past the cap is refused with the named error.
    const big = await sendOk(api, api.tx.projects.addMilestone(
      id, 'bafy-too-much', 'ProjectCurrency', cap, head + 10_000,
    ), alice);
    const second = findEvent(big.events, 'projects', 'MilestoneAdded').data.milestone.toNumber();
    const capped = await sendOk(
      api, api.tx.sudo.sudo(api.tx.projects.fundMilestone(id, second)), alice,
    );
    const result = findEvent(capped.events, 'sudo', 'Sudid').data.sudoResult;
    assert.ok(result.isErr);
    const meta = api.registry.findMetaError(result.asErr.asModule);
    assert.deepEqual([meta.section, meta.name], ['projects', 'CapExceeded']);

    // Anyone may donate native tokens to the project's treasury.
    const before = await freeBalance(api, account);
    const donated = await sendOk(api, api.tx.projects.donate(id, 5n * UNIT), bob);
    assert.ok(findEvent(donated.events, 'projects', 'Donated'));
    assert.equal(await freeBalance(api, account), before + 5n * UNIT);
  });
});
