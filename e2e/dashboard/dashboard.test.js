// The dashboard in a real browser (headless Chromium, Debian's package, driven by playwright-core)
// against a dev node running a project's story: at each step the page shows exactly what the
// runtime's `projectProgress` returns; a task posted, claimed, submitted and approved, work
// recognised, a vote cast and the plan amended in the page change the chain; a failed action says
// why in words. Writes a screenshot of each main view to
// docs/images/ (shown in docs/walkthrough.md).
//
// Needs the built dashboard (scripts/dashboard.sh --build, or `npm run build` in dashboard/) and
// Chromium (scripts/setup.sh installs it).

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

import { startNode, freePort } from '../lib/node.js';
import { UNIT, bestNumber, devAccounts, findEvent, sendOk, waitUntil } from '../lib/chain.js';
import { POINT, asRootOk, fundedProject } from '../lib/commons.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const DIST = join(ROOT, 'dashboard/dist');
const IMAGES = join(ROOT, 'docs/images');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

const timings = {};
async function timed(name, fn) {
  const started = Date.now();
  try {
    return await fn();
  } finally {
    timings[name] = Date.now() - started;
  }
}

/** `progressApi.projectProgress(project)` flattened to `{ 'tasks.open': '1', … }`. */
async function chainProgress(api, project) {
  const progress = (await api.call.progressApi.projectProgress(project)).unwrap();
  const flat = {};
  const walk = (value, path) => {
    for (const [key, inner] of Object.entries(value)) {
      const at = path ? `${path}.${key}` : key;
      if (typeof inner === 'object' && inner !== null && !Array.isArray(inner)) walk(inner, at);
      else flat[at] = String(inner);
    }
  };
  walk(progress.toPrimitive(), ''); // integers as decimal strings, like the page's data-value
  return flat;
}

describe('the dashboard', () => {
  let node;
  let api;
  let browser;
  let page;
  let server;
  let accounts;
  let story;

  before(async () => {
    assert.ok(existsSync(join(DIST, 'index.html')), `${DIST} is missing: build the dashboard with scripts/dashboard.sh --build`);
    assert.ok(existsSync(CHROMIUM), `${CHROMIUM} is missing: scripts/setup.sh installs Debian's chromium`);
    const { serveStatic } = await import('../lib/static.js');
    server = await serveStatic(DIST);
    node = await startNode({ blockTimeMs: 1000 });
    api = node.api;
    accounts = await devAccounts();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('pageerror', (error) => console.log(`# page error: ${error.message}`));
    mkdirSync(IMAGES, { recursive: true });
  });

  after(async () => {
    await browser?.close();
    await node?.stop();
    await server?.close();
    console.log(`# timings (ms): ${JSON.stringify(timings)}`);
  });

  const open = (hash = '', rpcPort = node.rpcPort) => page.goto(`${server.url}?rpc=ws://127.0.0.1:${rpcPort}${hash}`);
  const testid = (id) => `[data-testid="${id}"]`;
  const chooseAccount = async (name) => {
    const label = `${name} (dev)`;
    await page.waitForFunction(([sel, l]) => [...(document.querySelector(sel)?.options ?? [])].some((o) => o.text === l), [testid('account'), label]);
    await page.selectOption(testid('account'), { label });
  };

  /** Waits for the action `id`'s outcome, and fails with it unless it is done (in a block). */
  const done = async (id) => {
    await page.waitForSelector(testid(`${id}-outcome`), { timeout: 60_000 });
    const outcome = await page.textContent(testid(`${id}-outcome`));
    assert.match(outcome, /^done in block #\d+$/, `${id} failed`);
    return outcome;
  };

  /**
   * Waits until the project page shows a block at or after the chain's best now, and every number
   * on it equals the runtime's at that block.
   */
  async function numbersMatchChain(project) {
    const since = await bestNumber(api);
    let last;
    await waitUntil(async () => {
      const shown = await page.$$eval('[data-testid^="progress-"]', (nodes) => Object.fromEntries(
        nodes.map((n) => [n.dataset.testid.slice('progress-'.length), n.dataset.value]),
      ));
      const block = Number(await page.getAttribute(testid('project-page'), 'data-block'));
      if (block < since) return false;
      const hash = await api.rpc.chain.getBlockHash(block);
      const chain = await chainProgress(await api.at(hash), project);
      last = { shown, chain: Object.fromEntries(Object.keys(shown).map((k) => [k, chain[k]])) };
      return Object.keys(shown).length >= 20 && Object.keys(shown).every((k) => shown[k] === chain[k]);
    }, { what: 'the page to show the runtime\'s progress', timeoutMs: 30_000 });
    return last;
  }

  it('says so when there is no node', async () => {
    await timed('no-node', async () => {
      await open('', await freePort());
      await page.waitForSelector(testid('state-no-node'), { timeout: 20_000 });
      assert.match(await page.textContent(testid('state-no-node')), /No node at ws:\/\/127\.0\.0\.1:\d+/);
    });
  });

  it('shows an empty chain as empty', async () => {
    await timed('empty', async () => {
      await open();
      await page.waitForSelector(testid('state-empty'), { timeout: 30_000 });
      assert.match(await page.textContent(testid('connection')), /commons v\d+ · block #\d+/);
    });
  });

  it('lists projects and shows a project\'s progress exactly as the runtime reports it', async () => {
    await timed('project', async () => {
      const { alice, charlie } = accounts;
      story = await fundedProject(api, alice, 1_000n * UNIT, { name: 'Seed Library', symbol: 'SEED' });
      // A long half-life: what Bob earns here keeps its worth (in votes) for the whole test.
      await asRootOk(api, api.tx.contributions.setHalfLife(story.project, 1_000_000), alice);
      // Reviewers are members: Charlie becomes a steward (Root standing in for the project's governance).
      await asRootOk(api, api.tx.projects.addSteward(story.project, charlie.address), alice);
      const head = await bestNumber(api);
      const post = (spec, reward, due) => sendOk(api, api.tx.tasks.postTask(
        story.project, story.milestone, spec, reward * UNIT, due, [charlie.address], 1,
      ), alice);
      const first = await post('bafy-catalogue-the-seeds', 40n, head + 2_000);
      story.task = findEvent(first.events, 'tasks', 'TaskPosted').data.task.toNumber();
      const second = await post('bafy-label-the-drawers', 15n, head + 25);
      story.overdueTask = findEvent(second.events, 'tasks', 'TaskPosted').data.task.toNumber();

      await open();
      await page.waitForSelector(testid(`project-${story.project}`), { timeout: 30_000 });
      const row = await page.textContent(testid(`project-${story.project}`));
      assert.match(row, /Seed Library/);
      assert.match(row, /1,000 SEED minted/, 'the currency in its own symbol and decimals');
      await page.screenshot({ path: join(IMAGES, 'dashboard-projects.png') });

      await open(`#/project/${story.project}`);
      await page.waitForSelector(testid('project-page'), { timeout: 30_000 });
      const { shown } = await numbersMatchChain(story.project);
      assert.equal(shown['tasks.open'], '2');
      assert.equal(shown['milestones.funded'], '1');
      // The second task runs past its due block: it is overdue, first in the open column.
      await waitUntil(async () => (await bestNumber(api)) > head + 25, { what: 'the second task to be overdue', timeoutMs: 60_000 });
      const { shown: later } = await numbersMatchChain(story.project);
      assert.equal(later['tasks.overdue'], '1');
      const openIds = await page.$$eval(`${testid('column-open')} .card`, (cards) => cards.map((c) => c.dataset.testid));
      assert.deepEqual(openIds, [`task-${story.overdueTask}`, `task-${story.task}`], 'overdue first');
    });
  });

  it('claims a task from the page, and the chain has it claimed', async () => {
    await timed('claim', async () => {
      const { bob } = accounts;
      await chooseAccount('Bob');
      const button = `${testid(`claim-${story.task}`)} button`;
      await page.waitForSelector(`${testid(`claim-${story.task}`)} .fee`, { timeout: 30_000 }); // the fee is shown first
      assert.match(await page.textContent(`${testid(`claim-${story.task}`)} .fee`), /fee ≈ 0\.\d+ /);
      // Nobody is offered a claim the chain would refuse: the overdue task has none.
      assert.equal(await page.$(testid(`claim-${story.overdueTask}`)), null);
      await page.click(button);
      await page.waitForFunction(([sel]) => /Claim \(bond [^)]+\) as Bob: done in block #\d+/.test(document.querySelector(sel)?.textContent ?? ''),
        [testid('activity')], { timeout: 60_000 });
      await waitUntil(async () => {
        const task = await api.query.tasks.tasks(story.task);
        return task.isSome && task.unwrap().status.isClaimed;
      }, { what: 'the task to be claimed on chain', timeoutMs: 60_000 });
      assert.equal((await api.query.tasks.tasks(story.task)).unwrap().claim.unwrap().worker.toString(), bob.address);
      await page.waitForSelector(`${testid('column-claimed')} ${testid(`task-${story.task}`)}`, { timeout: 30_000 });
      await numbersMatchChain(story.project);
    });
  });

  it('posts a task from the page: refused in words until complete, then on chain', async () => {
    await timed('post', async () => {
      const { alice, charlie } = accounts;
      await chooseAccount('Alice'); // a steward
      await page.waitForSelector(testid('post-task'), { timeout: 30_000 });
      await page.fill(testid('post-spec'), 'bafy-sort-the-envelopes');
      await page.fill(testid('post-reward'), '5');
      await page.fill(testid('post-days'), '7');
      await page.click(`${testid('post')} button`);
      await page.waitForSelector(testid('post-outcome'), { timeout: 10_000 });
      assert.equal(await page.textContent(testid('post-outcome')), 'choose at least one reviewer', 'nothing sent before');

      await page.selectOption(testid('post-reviewers'), [charlie.address]);
      await page.waitForSelector(`${testid('post')} .fee`, { timeout: 30_000 });
      const id = (await api.query.tasks.nextTaskId()).toNumber();
      const from = await bestNumber(api);
      await page.click(`${testid('post')} button`);
      await done('post');
      const task = (await api.query.tasks.tasks(id)).unwrap();
      assert.equal(task.spec.toUtf8(), 'bafy-sort-the-envelopes');
      assert.equal(task.poster.toString(), alice.address);
      assert.equal(task.reward.toBigInt(), 5n * UNIT, 'in the milestone\'s currency (12 decimals)');
      assert.deepEqual(task.reviewers.map((r) => r.toString()), [charlie.address]);
      assert.equal(task.milestone.toNumber(), story.milestone);
      assert.ok(task.due.toNumber() > from + 7 * 86_400 / 6 / 2, `due in about 7 days of blocks: ${task.due}`);
      await page.waitForSelector(`${testid('column-open')} ${testid(`task-${id}`)}`, { timeout: 30_000 });
      await numbersMatchChain(story.project);
    });
  });

  it('submits and approves work from the page; shows it paid, the record and reputation chart', async () => {
    await timed('paid', async () => {
      const { bob } = accounts;
      await chooseAccount('Bob'); // the worker
      await page.waitForSelector(testid(`evidence-${story.task}`), { timeout: 30_000 });
      await page.fill(testid(`evidence-${story.task}`), 'bafy-seed-catalogue-v1');
      await page.click(`${testid(`submit-${story.task}`)} button`);
      await waitUntil(async () => (await api.query.tasks.tasks(story.task)).unwrap().status.isSubmitted, {
        what: 'the work submitted on chain', timeoutMs: 60_000,
      });
      await chooseAccount('Charlie'); // the reviewer
      await page.waitForSelector(testid(`comment-${story.task}`), { timeout: 30_000 });
      await page.fill(testid(`comment-${story.task}`), 'bafy-looks-good');
      await page.click(`${testid(`approve-${story.task}`)} button`);
      await page.waitForSelector(testid(`paid-${story.task}`), { timeout: 30_000 });
      const { shown } = await numbersMatchChain(story.project);
      assert.equal(shown['tasks.paid'], '1');
      assert.equal(shown.contributors, '2', 'the worker and the reviewer');
      await page.screenshot({ path: join(IMAGES, 'dashboard-project.png'), fullPage: true });
      await page.locator(testid('board')).screenshot({ path: join(IMAGES, 'dashboard-board.png') });

      await page.click(testid(`contributor-${bob.address}`));
      await page.waitForSelector(`${testid('record')} canvas`, { timeout: 10_000 });
      const reputation = (await api.call.contributionsApi.contributor(story.project, bob.address)).reputation.toBigInt();
      const shownReputation = await page.textContent(`${testid(`contributor-${bob.address}`)} ${testid('reputation')}`);
      assert.equal(Math.round(Number(shownReputation) * 100), Math.round(Number(reputation) / 1e4), 'reputation points');
      await page.locator(testid('contributors')).screenshot({ path: join(IMAGES, 'dashboard-contributors.png') });
    });
  });

  it('recognises exceptional work from the page: a bonus, a boost and a record', async () => {
    await timed('recognise', async () => {
      const { alice, bob } = accounts;
      await chooseAccount('Alice'); // a steward, not the worker
      if (!(await page.$(testid('recognise')))) await page.click(testid(`contributor-${bob.address}`));
      await page.waitForSelector(testid('recognise'), { timeout: 30_000 });
      const before = await api.call.contributionsApi.contributor(story.project, bob.address);
      await page.fill(testid('recognise-bonus'), '2');
      await page.fill(testid('recognise-boost'), '1');
      await page.fill(testid('recognise-reason'), 'bafy-a-catalogue-everyone-uses');
      // Recognition is bounded per period by budgets only the project's governance sets; they
      // start at zero, and the steward is told so in the pallet's words.
      await page.click(`${testid('recognise-send')} button`);
      await page.waitForSelector(testid('recognise-send-outcome'), { timeout: 60_000 });
      const refusal = await page.textContent(testid('recognise-send-outcome'));
      assert.match(refusal, /recognition budget.*\(contributions\.RecognitionBudgetExceeded\)$/, refusal);
      assert.match(await page.textContent(testid('recognise-budgets')), /has set no recognition budget/);
      await asRootOk(api, api.tx.contributions.setRecognitionBudget(story.project, 10n * UNIT), alice);
      await asRootOk(api, api.tx.contributions.setReputationBudget(story.project, 5n * POINT), alice);
      await page.waitForFunction(([sel]) => /10 SEED of 10 SEED in bonuses, 5\.00 of 5\.00 reputation/.test(document.querySelector(sel)?.textContent ?? ''),
        [testid('recognise-budgets')], { timeout: 30_000 });
      await page.click(`${testid('recognise-send')} button`);
      await done('recognise-send');
      const after = await api.call.contributionsApi.contributor(story.project, bob.address);
      assert.equal(after.totals.recognitions.count.toNumber(), before.totals.recognitions.count.toNumber() + 1);
      const recognition = after.recognitions[after.recognitions.length - 1];
      assert.equal(recognition.reason.toUtf8(), 'bafy-a-catalogue-everyone-uses');
      assert.equal(recognition.amount.toBigInt(), 2n * UNIT, 'the bonus, in the milestone\'s currency');
      assert.equal(recognition.boost.toBigInt(), POINT, 'one reputation point');
      await page.waitForFunction(([sel]) => /recognised by Alice for "bafy-a-catalogue-everyone-uses"/.test(document.querySelector(sel)?.textContent ?? ''),
        [testid('record')], { timeout: 30_000 });
      const budgets = await page.textContent(testid('recognise-budgets'));
      assert.match(budgets, /: 8 SEED of 10 SEED in bonuses, 4\.00 of 5\.00 reputation/, 'what is left to give');
      await numbersMatchChain(story.project);
    });
  });

  it('votes from the page: the quadratic cost as n is chosen, the tally moves', async () => {
    await timed('vote', async () => {
      const { alice, bob } = accounts;
      const end = (await bestNumber(api)) + 600;
      const created = await sendOk(api, api.tx.quadraticVoting.createPoll(story.project, ['keep the drawers', 'buy shelves'], end), alice);
      const poll = findEvent(created.events, 'quadraticVoting', 'PollCreated').data.poll.toNumber();
      // Bob's voice is what his reputation is worth: 0.8 points from his task (4% of the
      // milestone) and 1 from the recognition, 1.8 points, three votes (a vote per half point).
      const credits = (await api.call.quadraticVotingApi.credits(poll, bob.address)).unwrap().toNumber();
      assert.equal(credits, 9, 'three votes of voice');

      await chooseAccount('Bob');
      await page.waitForSelector(testid(`votes-${poll}`), { timeout: 30_000 });
      await page.selectOption(testid(`choice-${poll}`), '1');
      await page.$eval(testid(`votes-${poll}`), (slider) => {
        slider.value = '3';
        slider.dispatchEvent(new Event('input', { bubbles: true }));
      });
      assert.match(await page.textContent(testid(`cost-${poll}`)), /^3 votes cost 9 of 9 credits$/);
      await page.click(`${testid(`vote-${poll}`)} button`);
      await waitUntil(async () => {
        const info = await api.call.quadraticVotingApi.poll(poll);
        return info.isSome && info.unwrap().tally[1].toNumber() === 3;
      }, { what: 'the vote on chain', timeoutMs: 60_000 });
      await page.waitForFunction(
        ([sel]) => document.querySelector(sel)?.textContent === '3',
        [`${testid(`poll-${poll}`)} ${testid('tally-1')}`],
        { timeout: 30_000 },
      );
      const { shown } = await numbersMatchChain(story.project);
      assert.equal(shown.openPolls, '1');
      await page.locator(testid('polls')).screenshot({ path: join(IMAGES, 'dashboard-polls.png') });
    });
  });

  it('says in words why an action fails, and amends the plan', async () => {
    await timed('amend', async () => {
      await chooseAccount('Alice'); // a steward amends the plan
      await page.waitForSelector(testid('amend-cid'), { timeout: 30_000 });
      await page.fill(testid('amend-cid'), 'bafy-plan'); // the current plan
      await page.click(`${testid('amend')} button`);
      await page.waitForSelector(testid('amend-outcome'), { timeout: 60_000 });
      const refusal = await page.textContent(testid('amend-outcome'));
      assert.match(refusal, /\(projects\.PlanUnchanged\)$/);
      assert.ok(refusal.length > 'projects.PlanUnchanged'.length + 10, `the error's documentation is shown: ${refusal}`);

      await page.fill(testid('amend-cid'), 'bafy-plan-v2');
      await page.click(`${testid('amend')} button`);
      await page.waitForFunction(([sel]) => /done in block #\d+/.test(document.querySelector(sel)?.textContent ?? ''), [testid('amend-outcome')], { timeout: 60_000 });
      await page.waitForFunction(([sel]) => document.querySelector(sel)?.textContent === 'bafy-plan-v2', [testid('plan-cid')], { timeout: 30_000 });
      assert.equal((await api.query.projects.projects(story.project)).unwrap().plan.version.toNumber(), 2);
      assert.match(await page.textContent(testid('plan')), /plan v2: bafy-plan-v2 \(was v1: bafy-plan\)/);
      const { shown } = await numbersMatchChain(story.project);
      assert.equal(shown.planVersion, '2');
    });
  });
});
