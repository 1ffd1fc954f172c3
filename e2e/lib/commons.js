// Helpers for the Commons pallets' end-to-end tests.

import assert from 'node:assert/strict';
import { bestNumber, findEvent, sendOk } from './chain.js';

/**
 * `founder` creates a project with a currency and a milestone of `budget` in it, which Root
 * (sudo, standing in for the project's governance) funds. Resolves with the ids and accounts.
 */
export async function fundedProject(api, founder, budget, { name = 'Repair Café', symbol = 'FIX' } = {}) {
  const created = await sendOk(api, api.tx.projects.createProject(
    name, 'bafy-plan',
    { symbol, name: `${name} Hours`, decimals: 12, cap: 10n * budget, minBalance: 1_000n },
  ), founder);
  const { project, account, asset } = findEvent(created.events, 'projects', 'ProjectCreated').data;
  const head = await bestNumber(api);
  const added = await sendOk(api, api.tx.projects.addMilestone(
    project, 'bafy-first-milestone', 'ProjectCurrency', budget, head + 10_000,
  ), founder);
  const milestone = findEvent(added.events, 'projects', 'MilestoneAdded').data.milestone;
  const funded = await sendOk(
    api, api.tx.sudo.sudo(api.tx.projects.fundMilestone(project, milestone)), founder,
  );
  assert.ok(findEvent(funded.events, 'projects', 'MilestoneFunded'), 'the milestone is funded');
  return {
    project: project.toNumber(),
    milestone: milestone.toNumber(),
    treasury: account.toString(),
    asset: asset.unwrap().toNumber(),
  };
}

/** The balance of `who` in asset `asset`, as a bigint (0 without an account). */
export async function assetBalance(api, asset, who, at) {
  const query = at ? await api.at(at) : api;
  const account = await query.query.assets.account(asset, who);
  return account.isSome ? account.unwrap().balance.toBigInt() : 0n;
}
