// The milestones on a timeline by due block, each with its budget planned, funded and spent, the
// overdue ones marked; and the project's budget as minted, spent, escrowed and paid.

import type { ProjectView } from '../data';
import { amount, duration, percent } from '../format';
import { Bar } from './widgets';
import type { Context } from './context';

export function Milestones({ view, context }: { view: ProjectView; context: Context }) {
  const { milestones, now, summary, currency } = view;
  const { info, blockMs } = context;
  const b = summary.progress.budget;
  if (milestones.length === 0) {
    return (
      <section class="panel" data-testid="milestones">
        <h2>Milestones</h2>
        <p class="muted" data-testid="milestones-empty">No milestones yet: a steward adds them with <code>projects.addMilestone</code>.</p>
      </section>
    );
  }
  const first = Math.min(summary.created, ...milestones.map((m) => m.due));
  const last = Math.max(now, ...milestones.map((m) => m.due));
  const span = Math.max(1, last - first);
  const x = (block: number) => `${((block - first) / span) * 100}%`;
  const unit = (asset: string) => (asset === 'Native' ? info.tokenSymbol : currency?.symbol ?? '');
  const decimals = (asset: string) => (asset === 'Native' ? info.tokenDecimals : currency?.decimals ?? info.tokenDecimals);
  const escrowed = b.escrowedCurrency + b.escrowedNative;
  // What the funded milestones still hold of the currency minted for them.
  const unspent = milestones
    .filter((m) => m.status === 'Funded' && m.asset === 'ProjectCurrency')
    .reduce((sum, m) => sum + (m.budget > m.spent ? m.budget - m.spent : 0n), 0n);

  return (
    <section class="panel" data-testid="milestones">
      <h2>Milestones</h2>
      <div class="timeline" aria-label="milestones by due block">
        <span class="now" style={{ left: x(now) }} title={`now: block #${now}`}>now</span>
        {milestones.map((m) => (
          <span key={m.id} class={`pin ${m.status.toLowerCase()} ${m.overdue ? 'overdue' : ''}`} style={{ left: x(m.due) }}
            title={`${m.title}: due at block #${m.due}`}>{m.id}</span>
        ))}
      </div>
      <table class="milestones">
        <thead><tr><th>#</th><th>Milestone</th><th>Status</th><th>Due</th><th>Budget: spent of funded</th></tr></thead>
        <tbody>
          {milestones.map((m) => {
            const funded = m.status === 'Funded' || m.status === 'Achieved';
            return (
              <tr key={m.id} class={m.overdue ? 'overdue' : ''} data-testid={`milestone-${m.id}`}>
                <td>{m.id}</td>
                <td>{m.title}{m.evidence && <div class="muted">evidence: {m.evidence}</div>}</td>
                <td><span class={`badge ${m.status.toLowerCase()}`}>{m.status}</span>{m.overdue && <b class="late"> overdue</b>}</td>
                <td>#{m.due} <span class="muted">({m.due >= now ? 'in' : ''} {duration(m.due - now, blockMs)}{m.due < now ? ' ago' : ''})</span></td>
                <td>
                  <Bar parts={[[m.spent, 'done'], [funded ? m.budget - m.spent : 0n, 'funded'], [funded ? 0n : m.budget, 'planned']]} total={m.budget} />
                  <span class="muted">
                    {amount(m.spent, decimals(m.asset))} of {amount(m.budget, decimals(m.asset), unit(m.asset))} {funded ? 'funded' : m.status.toLowerCase()}
                  </span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <h3>Budget</h3>
      <div class="budget" data-testid="budget">
        {currency && (
          <div>
            <Bar parts={[[b.paidCurrency, 'done'], [b.escrowedCurrency, 'claimed'], [unspent, 'funded']]} total={b.minted}
              title="paid · escrowed in tasks · left in milestone budgets, of what was minted" />
            <span class="muted">
              {currency.symbol}: {amount(b.minted, currency.decimals)} minted · {amount(b.spentCurrency, currency.decimals)} spent
              ({percent(b.spentCurrency, b.minted).toFixed(0)}%) · {amount(b.escrowedCurrency, currency.decimals)} in task escrow ·{' '}
              {amount(b.paidCurrency, currency.decimals)} paid
            </span>
          </div>
        )}
        <div>
          <span class="muted">
            {info.tokenSymbol}: {amount(b.spentNative, info.tokenDecimals)} spent · {amount(b.escrowedNative, info.tokenDecimals)} in task escrow ·{' '}
            {amount(b.paidNative, info.tokenDecimals)} paid
          </span>
        </div>
        {escrowed > 0n && <p class="muted">Escrow is released to workers when reviewers approve their work.</p>}
      </div>
    </section>
  );
}
