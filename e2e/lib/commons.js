// Helpers for the Commons pallets' end-to-end tests.

import assert from 'node:assert/strict';
import {
  bestNumber, describeError, findEvent, sendOk,
} from './chain.js';

/** One reputation point as a `ReputationScore` (millionths of a point): `REPUTATION_POINT`. */
export const POINT = 1_000_000n;

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

/**
 * Root (sudo, standing in for a project's governance) dispatches `call`; resolves with `null` if
 * it succeeded, else its error as `section.Name` (or its kind, e.g. `BadOrigin`).
 */
export async function asRoot(api, call, signer) {
  const { events } = await sendOk(api, api.tx.sudo.sudo(call), signer);
  return sudoError(api, events);
}

/** Like `asRoot`, but fails unless the call succeeded; resolves with the block's events. */
export async function asRootOk(api, call, signer) {
  const sent = await sendOk(api, api.tx.sudo.sudo(call), signer);
  const error = sudoError(api, sent.events);
  assert.equal(error, null, `sudo ${call.method.section}.${call.method.method} failed: ${error}`);
  return sent;
}

function sudoError(api, events) {
  const result = findEvent(events, 'sudo', 'Sudid').data.sudoResult;
  if (result.isOk) return null;
  const { section, name } = describeError(api, result.asErr);
  return section ? `${section}.${name}` : name;
}

/** What `who` holds under a pallet's hold reason, e.g. `held(api, who, 'QuadraticVoting', 'VoteDeposit')`. */
export async function held(api, who, pallet, reason) {
  const holds = await api.query.balances.holds(who);
  return holds
    .filter((h) => h.id[`is${pallet}`] && h.id[`as${pallet}`][`is${reason}`])
    .reduce((sum, h) => sum + h.amount.toBigInt(), 0n);
}
