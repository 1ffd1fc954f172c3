// The throughput benchmark (`scripts/bench-throughput`) in miniature: every workload runs, every
// extrinsic it submits is included and succeeds, and the table has a row for each. Keeps the
// benchmark working; the numbers of a real run are in docs/benchmarks.md.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { runThroughput } from '../bench/throughput.js';

describe('throughput benchmark', () => {
  it('runs every workload to completion on a dev node', { timeout: 300_000 }, async () => {
    const { rows, text } = await runThroughput({
      blockTime: 1000, accounts: 8, blocks: 1, maxPerWorkload: 24, verbose: false,
    });
    assert.deepEqual(rows.map((r) => r.name), [
      'balances.transfer_keep_alive',
      'projects.create_project',
      'tasks.post_task',
      'tasks.claim_task',
      'tasks.submit_work',
      'tasks.review (approve and pay)',
      'claim + submit + review (one task)',
      'contributions.recognize',
      'quadraticVoting.vote',
    ]);
    for (const row of rows) {
      assert.ok(row.n > 0 && row.perBlock > 0, `${row.name} included some extrinsics`);
      assert.ok(row.refTimeUs > 0 && row.proofSize > 0, `${row.name} has a declared weight`);
      if (!row.derived) {
        assert.equal(row.counts.reduce((a, b) => a + b, 0), row.n, `${row.name}: all included`);
      }
    }
    assert.match(text, /\| `quadraticVoting\.vote` \|/);
  });
});
