// One project: its numbers (exactly what `progressApi.projectProgress` returns), plan, milestones,
// the gaps board, contributors, polls and currency.

import { useEffect, useRef, useState } from 'preact/hooks';

import { HISTORY_DEPTH, history, project, type CurrencyView, type HistoryEntry, type Progress } from '../data';
import { amount, who } from '../format';
import { Act } from './Act';
import { Board } from './Board';
import { Contributors } from './Contributors';
import { Milestones } from './Milestones';
import { Polls } from './Polls';
import { useLive, type Context } from './context';

export function ProjectPage({ context, id }: { context: Context; id: number }) {
  const { api, block, names } = context;
  const viewer = context.account?.address;
  const loaded = useLive(() => project(api, id, block, viewer), block.number, [id], [viewer]);
  const events = useHistory(context, id);
  const [plan, setPlan] = useState('');

  if (loaded.kind === 'loading') return <p class="notice" data-testid="state-loading">Loading project #{id}…</p>;
  if (loaded.kind === 'failed') return <p class="notice error">Could not read project #{id}: {loaded.error}</p>;
  const view = loaded.value;
  if (!view) {
    return (
      <div class="notice" data-testid="state-no-project">
        <h2>There is no project #{id}</h2>
        <p><a href="#/">All projects</a></p>
      </div>
    );
  }
  const { summary, currency } = view;
  const p = summary.progress;
  const steward = context.account && summary.stewards.includes(context.account.address);
  const amendments = events.filter((e) => e.kind === 'PlanAmended');
  // A completed or cancelled project's plan is final.
  const closed = summary.status === 'Completed' || summary.status === 'Cancelled';

  return (
    <article data-testid="project-page" data-block={loaded.block}>
      <p><a href="#/">← All projects</a></p>
      <h1>
        {summary.name} <span class="muted">#{summary.id}</span>{' '}
        <span class={`badge ${summary.status.toLowerCase()}`}>{summary.status}</span>
      </h1>
      <p class="muted">
        Stewards: {summary.stewards.map((s) => who(s, names)).join(', ')} · created at block #{summary.created}
        {steward && <b> · you are a steward</b>}
      </p>

      <Numbers progress={p} context={context} currency={currency} />

      <section class="panel" data-testid="plan">
        <h2>Plan</h2>
        <p>
          <b>v{summary.plan.version}</b> <code data-testid="plan-cid">{summary.plan.cid}</code>
        </p>
        {amendments.length > 0 && (
          <ul class="history">
            {amendments.map((a) => <li key={`${a.block}-${a.text}`}>block #{a.block}: {a.text}</li>)}
          </ul>
        )}
        {steward && !closed && (
          <form class="inline" onSubmit={(e) => e.preventDefault()}>
            <input data-testid="amend-cid" placeholder="CID of the amended plan" value={plan} onInput={(e) => setPlan((e.target as HTMLInputElement).value)} size={40} />
            <Act context={context} label="Amend the plan" testid="amend" describe={plan}
              build={() => (plan.trim() ? api.tx.projects.amendPlan(id, plan.trim()) : 'enter the CID of the amended plan')} />
          </form>
        )}
      </section>

      <Milestones view={view} context={context} />
      <Board view={view} context={context} paid={events.filter((e) => e.kind === 'TaskPaid')} />
      <Contributors view={view} context={context} />
      <Polls view={view} context={context} />

      {currency && (
        <section class="panel" data-testid="currency">
          <h2>Currency: {currency.symbol}</h2>
          <p>
            Supply <b data-testid="currency-supply">{amount(currency.supply, currency.decimals, currency.symbol)}</b>{' '}
            of a cap of <b>{amount(currency.cap, currency.decimals, currency.symbol)}</b> · minted{' '}
            {amount(currency.minted, currency.decimals)} · burned {amount(currency.burned, currency.decimals)} · asset #{currency.asset}
          </p>
        </section>
      )}
    </article>
  );
}

/** The project's progress as the runtime reports it, each number tagged for the browser test. */
function Numbers({ progress: p, context, currency }: { progress: Progress; context: Context; currency?: CurrencyView }) {
  const d = context.info.tokenDecimals;
  const c = currency?.decimals ?? d;
  // Each number carries the runtime's exact value in `data-value`, whatever its display.
  const raw = (path: string): string => String(path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], p));
  const n = (path: string, value: number | string) => <b data-testid={`progress-${path}`} data-value={raw(path)}>{value}</b>;
  return (
    <section class="numbers" data-testid="progress">
      <div><h3>Milestones</h3>
        {n('milestones.achieved', p.milestones.achieved)} achieved · {n('milestones.funded', p.milestones.funded)} funded ·{' '}
        {n('milestones.planned', p.milestones.planned)} planned · {n('milestones.cancelled', p.milestones.cancelled)} cancelled ·{' '}
        <span class={p.milestones.overdue ? 'late' : ''}>{n('milestones.overdue', p.milestones.overdue)} overdue</span>
      </div>
      <div><h3>Tasks</h3>
        {n('tasks.open', p.tasks.open)} open · {n('tasks.claimed', p.tasks.claimed)} claimed ·{' '}
        {n('tasks.submitted', p.tasks.submitted)} in review · {n('tasks.paid', p.tasks.paid)} paid ·{' '}
        {n('tasks.cancelled', p.tasks.cancelled)} cancelled · {n('tasks.expired', p.tasks.expired)} expired ·{' '}
        <span class={p.tasks.overdue ? 'late' : ''}>{n('tasks.overdue', p.tasks.overdue)} overdue</span>
      </div>
      <div><h3>Plan and people</h3>
        plan v{n('planVersion', p.planVersion)} ·{' '}
        {n('members', p.members)} members · {n('contributors', p.contributors)} contributors · {n('openPolls', p.openPolls)} open polls
      </div>
      <div><h3>Budget</h3>
        {currency && <>{n('budget.minted', amount(p.budget.minted, c))} {currency.symbol} minted ·{' '}
          {n('budget.spentCurrency', amount(p.budget.spentCurrency, c))} spent · {n('budget.escrowedCurrency', amount(p.budget.escrowedCurrency, c))} escrowed ·{' '}
          {n('budget.paidCurrency', amount(p.budget.paidCurrency, c))} paid · {n('budget.burned', amount(p.budget.burned, c))} burned<br /></>}
        {n('budget.spentNative', amount(p.budget.spentNative, d))} {context.info.tokenSymbol} spent ·{' '}
        {n('budget.escrowedNative', amount(p.budget.escrowedNative, d))} escrowed · {n('budget.paidNative', amount(p.budget.paidNative, d))} paid
      </div>
    </section>
  );
}

/**
 * Plan amendments and payments: at the first block the page shows, the recent past (what the node
 * keeps); at every later one, the blocks since the last read — following the page's own block
 * subscription. The page is keyed by project and lives within one connection, so `api` and `id`
 * are fixed for its lifetime.
 */
function useHistory(context: Context, id: number): HistoryEntry[] {
  const { api, block } = context;
  const [entries, setEntries] = useState<HistoryEntry[]>([]);
  const read = useRef<number | undefined>(undefined);
  const reading = useRef(Promise.resolve());
  const mounted = useRef(true);
  useEffect(() => () => { mounted.current = false; }, []);
  useEffect(() => {
    const to = block.number;
    // One catch-up at a time, in order: each reads the blocks after the last one read.
    reading.current = reading.current.then(async () => {
      const from = read.current === undefined ? Math.max(1, to - HISTORY_DEPTH + 1) : read.current + 1;
      if (!mounted.current || to < from) return;
      const added = await history(api, id, from, to);
      read.current = to;
      if (mounted.current && added.length > 0) setEntries((old) => [...added, ...old]);
    }).catch(() => { /* the page's own loads report a lost node */ });
  }, [block.number]);
  return entries;
}
