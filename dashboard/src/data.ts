// Reads what the dashboard shows from the chain: runtime APIs first (one call answers "how is
// this project doing"), storage for the details, events for history. Nothing is computed here
// that the chain already computes.

import type { ApiPromise } from '@polkadot/api';
import { hexToU8a, isHex, isUtf8, u8aToString } from '@polkadot/util';

/* eslint-disable @typescript-eslint/no-explicit-any -- codecs are read field by field below */
type Raw = any;

export interface Progress {
  status: string;
  planVersion: number;
  milestones: { planned: number; funded: number; achieved: number; cancelled: number; overdue: number };
  tasks: {
    open: number; claimed: number; submitted: number; paid: number;
    cancelled: number; expired: number; overdue: number;
  };
  budget: {
    minted: bigint; burned: bigint; spentCurrency: bigint; spentNative: bigint;
    escrowedCurrency: bigint; escrowedNative: bigint; paidCurrency: bigint; paidNative: bigint;
  };
  contributors: number;
  members: number;
  openPolls: number;
  topContributors: { account: string; reputation: bigint }[];
}

export interface ProjectSummary {
  id: number;
  name: string;
  status: string;
  plan: { cid: string; version: number };
  stewards: string[];
  created: number;
  progress: Progress;
  /** The project's currency: its asset's symbol and decimals come from `assets.metadata`. */
  currency?: { asset: number; symbol: string; decimals: number; cap: bigint; minted: bigint; burned: bigint };
}

export interface MilestoneView {
  id: number;
  title: string;
  asset: 'Native' | 'ProjectCurrency';
  budget: bigint;
  spent: bigint;
  due: number;
  status: 'Planned' | 'Funded' | 'Achieved' | 'Cancelled';
  evidence?: string;
  overdue: boolean;
}

export interface TaskView {
  id: number;
  milestone: number;
  spec: string;
  asset: 'Native' | 'ProjectCurrency';
  reward: bigint;
  due: number;
  reviewers: string[];
  approvalsRequired: number;
  status: 'Open' | 'Claimed' | 'Submitted';
  worker?: string;
  evidence?: string;
  /** The reviewers who approved / rejected the current submission (the chain keeps bit sets). */
  approvedBy: string[];
  rejectedBy: string[];
  revisions: number;
  poster: string;
  overdue: boolean;
}

export interface KindTotal { count: number; value: bigint }

export interface ContributorView {
  account: string;
  reputation: bigint;
  member: boolean;
  memberSince?: number;
  memberUntil?: number;
  totals: { tasks: KindTotal; reviews: KindTotal; donations: KindTotal; recognitions: KindTotal; attested: KindTotal };
  /** `by` is the recognising steward's address, or `governance` for the project's governance. */
  recognitions: { milestone: number; by: string; amount: bigint; boost: bigint; reason: string; block: number }[];
  /** The stored score and when it was last updated: reputation decays from there. */
  stored: { score: bigint; updated: number; halfLife: number };
}

export interface PollView {
  id: number;
  creator: string;
  proposal: boolean;
  protected: boolean;
  options: string[];
  tally: bigint[];
  voters: number;
  electorate: number;
  quorum: number;
  threshold: number;
  created: number;
  end: number;
  ended: boolean;
  outcome: string;
}

export interface CurrencyView {
  asset: number;
  symbol: string;
  decimals: number;
  supply: bigint;
  cap: bigint;
  minted: bigint;
  burned: bigint;
}

export interface HistoryEntry {
  block: number;
  kind: 'PlanAmended' | 'TaskPaid';
  text: string;
  task?: number;
  worker?: string;
  reward?: bigint;
  asset?: 'Native' | 'ProjectCurrency';
}

export interface ProjectView {
  summary: ProjectSummary;
  milestones: MilestoneView[];
  tasks: TaskView[];
  contributors: ContributorView[];
  polls: PollView[];
  currency?: CurrencyView;
  budgets: BudgetsView;
  now: number;
}

/**
 * What recognitions may still give in the current period: bonuses (in the recognised milestone's
 * currency) and reputation (boosts, and attestations), each bounded by a budget only the
 * project's governance sets, counted afresh from block `renews`.
 */
export interface BudgetsView {
  bonus: { budget: bigint; left: bigint };
  reputation: { budget: bigint; left: bigint };
  renews: number;
}

/** Text of an on-chain CID or label: the UTF-8 string when it is one, else hex. */
export function text(value: Raw): string {
  const u8a = value instanceof Uint8Array ? value : isHex(value) ? hexToU8a(value) : value.toU8a(true);
  return isUtf8(u8a) ? u8aToString(u8a) : value.toHex?.() ?? String(value);
}

const big = (v: Raw): bigint => v.toBigInt();
const num = (v: Raw): number => v.toNumber();

function progressOf(raw: Raw): Progress {
  const p = raw;
  return {
    status: p.status.type,
    planVersion: num(p.planVersion),
    milestones: {
      planned: num(p.milestones.planned),
      funded: num(p.milestones.funded),
      achieved: num(p.milestones.achieved),
      cancelled: num(p.milestones.cancelled),
      overdue: num(p.milestones.overdue),
    },
    tasks: {
      open: num(p.tasks.open),
      claimed: num(p.tasks.claimed),
      submitted: num(p.tasks.submitted),
      paid: num(p.tasks.paid),
      cancelled: num(p.tasks.cancelled),
      expired: num(p.tasks.expired),
      overdue: num(p.tasks.overdue),
    },
    budget: {
      minted: big(p.budget.minted),
      burned: big(p.budget.burned),
      spentCurrency: big(p.budget.spentCurrency),
      spentNative: big(p.budget.spentNative),
      escrowedCurrency: big(p.budget.escrowedCurrency),
      escrowedNative: big(p.budget.escrowedNative),
      paidCurrency: big(p.budget.paidCurrency),
      paidNative: big(p.budget.paidNative),
    },
    contributors: num(p.contributors),
    members: num(p.members),
    openPolls: num(p.openPolls),
    topContributors: p.topContributors.map(([account, reputation]: [Raw, Raw]) => ({
      account: account.toString(),
      reputation: big(reputation),
    })),
  };
}

/** `projectProgress(id)` decoded; `undefined` if there is no such project. */
export async function progress(api: ApiPromise, id: number): Promise<Progress | undefined> {
  const raw: Raw = await api.call.progressApi.projectProgress(id);
  return raw.isSome ? progressOf(raw.unwrap()) : undefined;
}

/** The metadata (symbol, decimals) of a stored project's currency, if it has one. */
function currencyMetadata(api: ApiPromise, record: Raw): Promise<Raw> | undefined {
  return record.currency.isSome ? api.query.assets.metadata(record.currency.unwrap().asset) : undefined;
}

function summaryOf(id: number, record: Raw, p: Progress, metadata?: Raw): ProjectSummary {
  const currency = record.currency.isSome ? record.currency.unwrap() : undefined;
  return {
    id,
    name: text(record.name),
    status: record.status.type,
    plan: { cid: text(record.plan.cid), version: num(record.plan.version) },
    stewards: record.stewards.map((s: Raw) => s.toString()),
    created: num(record.created),
    progress: p,
    currency: currency && {
      asset: num(currency.asset),
      symbol: metadata ? text(metadata.symbol) : '',
      decimals: metadata ? num(metadata.decimals) : 0,
      cap: big(currency.cap),
      minted: big(currency.minted),
      burned: big(currency.burned),
    },
  };
}

/** Every project with its progress, by id. */
export async function projects(chain: ApiPromise, blockHash: string): Promise<ProjectSummary[]> {
  const api = await chain.at(blockHash) as unknown as ApiPromise;
  const entries: [Raw, Raw][] = await api.query.projects.projects.entries();
  const list = await Promise.all(entries.map(async ([key, value]) => {
    const id = num(key.args[0]);
    const record = value.unwrap();
    const [p, metadata]: [Progress | undefined, Raw] = await Promise.all([progress(api, id), currencyMetadata(api, record)]);
    return p && summaryOf(id, record, p, metadata);
  }));
  return list.filter((s): s is ProjectSummary => s !== undefined).sort((a, b) => a.id - b.id);
}

const OUTCOME = (o: Raw): string => (o.isChosen ? `option ${o.asChosen.toNumber() + 1} chosen` : o.type);

/**
 * Everything one project's page shows, at the best block; `undefined` if there is no project.
 * `viewer`, the account acting from the page, is among the contributors shown if it is one.
 */
export async function project(
  chain: ApiPromise,
  id: number,
  block: { number: number; hash: string },
  viewer?: string,
): Promise<ProjectView | undefined> {
  // Every read at the one block the page says it shows.
  const api = await chain.at(block.hash) as unknown as ApiPromise;
  const [record, p]: [Raw, Progress | undefined] = await Promise.all([
    api.query.projects.projects(id),
    progress(api, id),
  ]);
  if (record.isNone || !p) return undefined;
  const now = block.number;
  const stored = record.unwrap();

  const [metadata, books, milestoneEntries, taskEntries, pollEntries]: Raw[] = await Promise.all([
    currencyMetadata(api, stored),
    api.query.contributions.books(id),
    api.query.projects.milestones.entries(id),
    // Tasks and polls are keyed by id alone: the page reads them all and keeps this project's.
    api.query.tasks.tasks.entries(),
    api.query.quadraticVoting.polls.entries(),
  ]);

  const summary = summaryOf(id, stored, p, metadata);

  const milestones: MilestoneView[] = milestoneEntries.map(([key, value]: [Raw, Raw]) => {
    const m = value.unwrap();
    const status = m.status.type;
    const due = num(m.due);
    return {
      id: num(key.args[1]),
      title: text(m.title),
      asset: m.asset.type,
      budget: big(m.budget),
      spent: big(m.spent),
      due,
      status,
      evidence: m.evidence.isSome ? text(m.evidence.unwrap()) : undefined,
      overdue: (status === 'Planned' || status === 'Funded') && due < now,
    };
  }).sort((a: MilestoneView, b: MilestoneView) => a.due - b.due || a.id - b.id);

  const tasks: TaskView[] = taskEntries
    .map(([key, value]: [Raw, Raw]) => [num(key.args[0]), value.unwrap()])
    .filter(([, t]: [number, Raw]) => num(t.project) === id)
    .map(([taskId, t]: [number, Raw]) => {
      const due = num(t.due);
      const reviewers: string[] = t.reviewers.map((r: Raw) => r.toString());
      return {
        id: taskId,
        milestone: num(t.milestone),
        spec: text(t.spec),
        asset: t.asset.type,
        reward: big(t.reward),
        due,
        reviewers,
        approvalsRequired: num(t.approvalsRequired),
        status: t.status.type,
        worker: t.claim.isSome ? t.claim.unwrap().worker.toString() : undefined,
        evidence: t.evidence.isSome ? text(t.evidence.unwrap()) : undefined,
        approvedBy: reviewers.filter((_: string, i: number) => (num(t.approved) >>> i) & 1),
        rejectedBy: reviewers.filter((_: string, i: number) => (num(t.rejected) >>> i) & 1),
        revisions: num(t.revisions),
        poster: t.poster.toString(),
        overdue: due < now,
      };
    });

  // The top contributors the runtime ranks (at most ten), and the viewer: a constant number of
  // reads per block however many contributors the project has.
  const shown = [...new Set([...p.topContributors.map((t) => t.account), ...(viewer ? [viewer] : [])])];
  const contributors: ContributorView[] = (await Promise.all(
    shown.map(async (account): Promise<ContributorView | undefined> => {
      const record: Raw = await api.query.contributions.contributors(id, account);
      if (record.isNone) return undefined;
      const stored = record.unwrap().reputation;
      const info: Raw = await api.call.contributionsApi.contributor(id, account);
      const total = (k: Raw): KindTotal => ({ count: num(k.count), value: big(k.value) });
      return {
        account,
        reputation: big(info.reputation),
        member: info.member.isTrue,
        memberSince: info.memberSince.isSome ? num(info.memberSince.unwrap()) : undefined,
        memberUntil: info.memberUntil.isSome ? num(info.memberUntil.unwrap()) : undefined,
        totals: {
          tasks: total(info.totals.tasks),
          reviews: total(info.totals.reviews),
          donations: total(info.totals.donations),
          recognitions: total(info.totals.recognitions),
          attested: total(info.totals.attested),
        },
        recognitions: info.recognitions.map((r: Raw) => ({
          milestone: num(r.milestone),
          by: r.by.isSteward ? r.by.asSteward.toString() : 'governance',
          amount: big(r.amount),
          boost: big(r.boost),
          reason: text(r.reason),
          block: num(r.block),
        })),
        stored: { score: big(stored.score), updated: num(stored.updated), halfLife: num(stored.halfLife) },
      };
    }),
  )).filter((c): c is ContributorView => c !== undefined);
  contributors.sort((a, b) => (b.reputation > a.reputation ? 1 : b.reputation < a.reputation ? -1 : 0));

  const pollIds: number[] = pollEntries
    .filter(([, value]: [Raw, Raw]) => num(value.unwrap().project) === id)
    .map(([key]: [Raw]) => num(key.args[0]));
  const polls: PollView[] = (await Promise.all(pollIds.map(async (pollId) => {
    const raw: Raw = await api.call.quadraticVotingApi.poll(pollId);
    if (raw.isNone) return undefined;
    const poll = raw.unwrap();
    return {
      id: pollId,
      creator: poll.creator.toString(),
      proposal: poll.proposal.isTrue,
      protected: poll.protected.isTrue,
      options: poll.options.map((o: Raw) => text(o)),
      tally: poll.tally.map((t: Raw) => big(t)),
      voters: num(poll.voters),
      electorate: num(poll.electorate),
      quorum: num(poll.quorum),
      threshold: num(poll.threshold),
      created: num(poll.created),
      end: num(poll.end),
      ended: poll.ended.isTrue,
      outcome: OUTCOME(poll.outcome),
    };
  }))).filter((v): v is PollView => v !== undefined).sort((a, b) => a.id - b.id);

  let currency: CurrencyView | undefined;
  if (summary.currency) {
    const details: Raw = await api.query.assets.asset(summary.currency.asset);
    currency = { ...summary.currency, supply: details.isSome ? big(details.unwrap().supply) : 0n };
  }

  return { summary, milestones, tasks, contributors, polls, currency, budgets: budgetsOf(chain, books, now), now };
}

/** The books' budgets as the pallet counts them: what was spent counts only in its own period. */
function budgetsOf(chain: ApiPromise, books: Raw, now: number): BudgetsView {
  const length = Math.max(1, num(chain.consts.contributions.recognitionPeriod));
  const period = Math.floor(now / length);
  const current = num(books.period) === period;
  const left = (budget: bigint, spent: bigint) => {
    const used = current ? spent : 0n;
    return used < budget ? budget - used : 0n;
  };
  const bonus = big(books.recognitionBudget);
  const reputation = big(books.reputationBudget);
  return {
    bonus: { budget: bonus, left: left(bonus, big(books.recognitionSpent)) },
    reputation: { budget: reputation, left: left(reputation, big(books.reputationSpent)) },
    renews: (period + 1) * length,
  };
}

/**
 * The voice credits `who` has left in `poll` (`undefined`: they may not vote), and their vote:
 * the choice as an index into the tally (aye 0, nay 1; an option its number).
 */
export async function voter(api: ApiPromise, poll: number, who: string): Promise<{ credits?: number; vote?: { choice: number; votes: number } }> {
  const [credits, vote]: Raw[] = await Promise.all([
    api.call.quadraticVotingApi.credits(poll, who),
    api.query.quadraticVoting.votes(poll, who),
  ]);
  // A stored vote is `(vote, deposit)`.
  const stored = vote.isSome ? vote.unwrap()[0] : undefined;
  return {
    credits: credits.isSome ? num(credits.unwrap()) : undefined,
    vote: stored && {
      choice: stored.choice.isOption ? num(stored.choice.asOption) : stored.choice.isNay ? 1 : 0,
      votes: num(stored.votes),
    },
  };
}

/**
 * A node keeps the state of its last 256 blocks unless run as an archive (`--state-pruning`):
 * the history the page reads at open stays within it.
 */
export const HISTORY_DEPTH = 250;

/**
 * The project's plan amendments and paid tasks in blocks `from` to `to`, newest first (tasks leave
 * storage once paid: their payment is in the events). A block whose state the node no longer
 * keeps is skipped.
 */
export async function history(api: ApiPromise, id: number, from: number, to: number): Promise<HistoryEntry[]> {
  const entries: HistoryEntry[] = [];
  const numbers = Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => to - i);
  for (let i = 0; i < numbers.length; i += 50) {
    const batch = await Promise.all(numbers.slice(i, i + 50).map(async (n) => {
      try {
        const hash = await api.rpc.chain.getBlockHash(n);
        const events: Raw = await api.query.system.events.at(hash);
        return { n, events };
      } catch {
        return { n, events: [] };
      }
    }));
    for (const { n, events } of batch) {
      for (const { event } of events) entries.push(...historyOf(event, n, id));
    }
  }
  return entries;
}

/** The history entries an event adds for project `id`. */
function historyOf(event: Raw, block: number, id: number): HistoryEntry[] {
  const data = event.data;
  if (!data.project || num(data.project) !== id) return [];
  if (event.section === 'projects' && event.method === 'PlanAmended') {
    return [{
      block,
      kind: 'PlanAmended',
      text: `plan v${num(data.newVersion)}: ${text(data.newCid)} (was v${num(data.oldVersion)}: ${text(data.oldCid)})`,
    }];
  }
  if (event.section === 'tasks' && event.method === 'TaskPaid') {
    return [{
      block,
      kind: 'TaskPaid',
      text: `task #${num(data.task)} paid`,
      task: num(data.task),
      worker: data.worker.toString(),
      reward: big(data.reward),
      asset: data.asset.type,
    }];
  }
  return [];
}
