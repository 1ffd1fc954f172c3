// Chain governance for the end-to-end tests: a runtime upgrade decided by a democracy
// referendum, enacted by the scheduler and applied with the Wasm.

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { homedir } from 'node:os';
import { blake2AsHex } from '@polkadot/util-crypto';
import { u8aToHex } from '@polkadot/util';

import { connectApi } from './node.js';
import { UNIT, findEvent, sendOk, waitUntil } from './chain.js';
import { checkUpgrade, tryRuntimeWasm } from './try-runtime.js';

const targetDir = process.env.CARGO_TARGET_DIR || join(homedir(), '.cache/commons/target');

/**
 * The second runtime: the same code built with the `test-upgrade` feature (`spec_version` one
 * higher). The runtime's build.rs builds it beside the main Wasm whenever `fast-runtime` is on,
 * as it is for the node; COMMONS_UPGRADE_WASM overrides the path.
 */
export const UPGRADE_WASM = process.env.COMMONS_UPGRADE_WASM
  || join(targetDir, 'release/wbuild/commons-runtime/commons_runtime_upgrade.compact.compressed.wasm');

/** The upgrade Wasm's bytes, checked to be there and within the dev relay chain's 2 MiB. */
export function upgradeCode() {
  assert.ok(existsSync(UPGRADE_WASM), `${UPGRADE_WASM} missing: run scripts/build-node.sh`);
  const code = readFileSync(UPGRADE_WASM);
  assert.ok(code.length < 2 * 1024 * 1024, `upgrade Wasm is ${code.length} bytes; the dev relay chain accepts at most 2 MiB`);
  return code;
}

/**
 * Upgrades the runtime of `node` to `code` by referendum. First the upgrade is checked against
 * the chain's state with try-runtime (lib/try-runtime.js: `checked`, the try-runtime build of
 * the same source, migrations and every pallet's invariants), and the test fails if the check
 * does. Then `System::authorize_upgrade(hash)` is
 * noted as a preimage, proposed by Alice, seconded by Bob; at the next launch period it becomes
 * a referendum, which Alice, Bob and Charlie vote for; once passed and enacted, Dave applies the
 * Wasm with `System::apply_authorized_upgrade`. Resolves, once `spec_version` has risen by one,
 * with a fresh connection (also set as `node.api`; the old one is closed) that reads with the new
 * runtime's metadata. `timeoutMs` bounds each wait (a few dev blocks by default; on a real relay
 * chain a block takes 6 s or more).
 */
export async function upgradeByReferendum(node, accounts, code, { checked = tryRuntimeWasm('upgrade'), timeoutMs = 60_000 } = {}) {
  const { alice, bob, charlie, dave } = accounts;
  let { api } = node;
  const before = (await api.rpc.state.getRuntimeVersion()).specVersion.toNumber();

  // 0. The upgrade, checked against this chain's state before anyone votes on it.
  const check = await checkUpgrade(`ws://127.0.0.1:${node.rpcPort}`, checked);
  assert.ok(check.ok, `the upgrade's try-runtime check failed:\n${check.output}`);

  // 1. The call to enact, noted as a preimage, proposed, and seconded.
  const codeHash = blake2AsHex(code, 256);
  const authorize = api.tx.system.authorizeUpgrade(codeHash);
  const encodedCall = authorize.method.toHex();
  const preimageHash = blake2AsHex(encodedCall, 256);
  const noted = await sendOk(api, api.tx.preimage.notePreimage(encodedCall), alice);
  assert.ok(findEvent(noted.events, 'preimage', 'Noted', (e) => e.data[0].toHex() === preimageHash));

  const refIndex = (await api.query.democracy.referendumCount()).toNumber();
  const proposal = { Lookup: { hash_: preimageHash, len: authorize.method.encodedLength } };
  const proposed = await sendOk(api, api.tx.democracy.propose(proposal, 100n * UNIT), alice);
  const proposalIndex = findEvent(proposed.events, 'democracy', 'Proposed').data[0].toNumber();
  await sendOk(api, api.tx.democracy.second(proposalIndex), bob);

  // 2. At the next launch period the proposal becomes a referendum; three accounts vote aye.
  // (Waiting on state, not on an event: an event in the block before we look would be missed.)
  const referendum = async () => api.query.democracy.referendumInfoOf(refIndex);
  await waitUntil(async () => (await referendum()).isSome, { what: 'the referendum to start', timeoutMs });
  assert.ok((await referendum()).unwrap().isOngoing);
  // All three at once: the voting period is a few blocks under fast-runtime.
  await Promise.all([[alice, 'Locked1x'], [bob, 'Locked2x'], [charlie, 'None']].map(([voter, conviction]) => sendOk(
    api,
    api.tx.democracy.vote(refIndex, { Standard: { vote: { aye: true, conviction }, balance: 1000n * UNIT } }),
    voter,
    { timeoutMs },
  )));
  const tally = (await referendum()).unwrap().asOngoing.tally;
  assert.ok(tally.ayes.toBigInt() > 0n && tally.nays.toBigInt() === 0n, `tally ${tally}`);

  // 3. It passes, and after the enactment period the scheduler dispatches the call as Root.
  await waitUntil(async () => (await referendum()).unwrap().isFinished, { what: 'the referendum to end', timeoutMs });
  assert.equal((await referendum()).unwrap().asFinished.approved.isTrue, true, 'the referendum passed');
  await waitUntil(async () => (await api.query.system.authorizedUpgrade()).isSome, { what: 'the upgrade to be authorized', timeoutMs });
  assert.equal((await api.query.system.authorizedUpgrade()).unwrap().codeHash.toHex(), codeHash);

  // 4. Anyone supplies the Wasm; the relay chain (mocked by --dev) gives the go-ahead.
  const applied = await sendOk(api, api.tx.system.applyAuthorizedUpgrade(u8aToHex(code)), dave, { timeoutMs: 2 * timeoutMs });
  assert.ok(findEvent(applied.events, 'parachainSystem', 'ValidationFunctionStored'), 'the new code is stored');
  await waitUntil(
    async () => (await api.rpc.state.getRuntimeVersion()).specVersion.toNumber() === before + 1,
    { what: 'the new spec_version', timeoutMs },
  );

  // 5. A fresh connection reads with the new runtime's metadata (the old one may still be
  // swapping its registry over).
  await waitUntil(
    async () => api.runtimeVersion.specVersion.toNumber() === before + 1,
    { what: 'the client to see the upgrade', timeoutMs },
  );
  await api.disconnect();
  api = await connectApi(node.rpcPort);
  node.api = api;
  return api;
}
