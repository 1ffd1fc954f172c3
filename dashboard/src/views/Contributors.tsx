// Contributors ranked by reputation now, each with their record (tasks, reviews, donations,
// recognitions) and their reputation's decay as a chart; stewards recognise from here.

import { Fragment } from 'preact';
import { useState } from 'preact/hooks';

import type { ContributorView, ProjectView } from '../data';
import { amount, parseAmount, who } from '../format';
import { Act } from './Act';
import { ReputationChart } from './widgets';
import type { Context } from './context';

const points = (score: bigint) => (Number(score) / 1e6).toFixed(2);

/** Stewards are members by office; others by reputation, from a block until one (if it decays). */
function membership(c: ContributorView, stewards: string[]): string {
  if (stewards.includes(c.account)) return 'steward';
  if (!c.member) return 'no';
  const since = c.memberSince !== undefined ? `since #${c.memberSince}` : 'yes';
  return c.memberUntil !== undefined ? `${since}, until #${c.memberUntil} unless they earn reputation` : since;
}

export function Contributors({ view, context }: { view: ProjectView; context: Context }) {
  const { contributors } = view;
  const [open, setOpen] = useState<string | undefined>();
  const threshold = Number(context.api.consts.contributions.memberThreshold.toString());
  const ranked = new Set(view.summary.progress.topContributors.map((t) => t.account));
  const everyone = view.summary.progress.contributors;
  return (
    <section class="panel" data-testid="contributors">
      <h2>
        Contributors{' '}
        <span class="muted">the {ranked.size} member{ranked.size === 1 ? '' : 's'} by reputation the runtime ranks first, of {everyone} who ever contributed</span>
      </h2>
      {contributors.length === 0 && (
        <p class="muted" data-testid="contributors-empty">
          {everyone === 0 ? 'Nobody has contributed yet.' : 'No member holds reputation now (donors and past contributors are counted above).'}
        </p>
      )}
      {contributors.length > 0 && (
        <table class="contributors">
          <thead><tr><th>#</th><th>Contributor</th><th>Reputation</th><th>Member</th><th>Tasks</th><th>Reviews</th><th>Donations</th><th>Recognitions</th></tr></thead>
          <tbody>
            {contributors.map((c, rank) => (
              <Fragment key={c.account}>
                <tr class="clickable" data-testid={`contributor-${c.account}`} onClick={() => setOpen(open === c.account ? undefined : c.account)}>
                  <td>{ranked.has(c.account) ? rank + 1 : 'you'}</td>
                  <td>{who(c.account, context.names)}</td>
                  <td data-testid="reputation">{points(c.reputation)}</td>
                  <td>{membership(c, view.summary.stewards)}</td>
                  <td>{c.totals.tasks.count}</td>
                  <td>{c.totals.reviews.count}</td>
                  <td>{c.totals.donations.count}</td>
                  <td>{c.totals.recognitions.count}</td>
                </tr>
                {open === c.account && (
                  <tr><td colSpan={8}><Record contributor={c} view={view} context={context} threshold={threshold} /></td></tr>
                )}
              </Fragment>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** What recognitions may still give this period, in words (budgets only governance sets). */
function budgetsText(view: ProjectView, inUnits: (value: bigint) => string): string {
  const { bonus, reputation, renews } = view.budgets;
  if (bonus.budget === 0n && reputation.budget === 0n) {
    return 'The project\'s governance has set no recognition budget: bonuses and reputation boosts are refused until it does.';
  }
  return `Left to give until block #${renews}: ${inUnits(bonus.left)} of ${inUnits(bonus.budget)} in bonuses, `
    + `${points(reputation.left)} of ${points(reputation.budget)} reputation (budgets the project's governance sets).`;
}

function Record({ contributor: c, view, context, threshold }: { contributor: ContributorView; view: ProjectView; context: Context; threshold: number }) {
  const { api, account, info } = context;
  const steward = account && view.summary.stewards.includes(account.address);
  // A recognition draws on a milestone: its bonus (if any) from that milestone's budget.
  const open = view.milestones.filter((m) => m.status === 'Funded' || m.status === 'Planned');
  const [chosen, setMilestone] = useState<number | undefined>(undefined);
  const milestone = open.some((m) => m.id === chosen) ? chosen as number : open[0]?.id ?? 0;
  const [bonus, setBonus] = useState('0');
  const [boost, setBoost] = useState('1');
  const [reason, setReason] = useState('');
  const decimalsOf = (id: number) => (view.milestones.find((m) => m.id === id)?.asset === 'ProjectCurrency'
    ? view.currency?.decimals ?? info.tokenDecimals
    : info.tokenDecimals);
  const unitOf = (id: number) => (view.milestones.find((m) => m.id === id)?.asset === 'ProjectCurrency'
    ? view.currency?.symbol ?? ''
    : info.tokenSymbol);
  const decimals = decimalsOf(milestone);
  const value = parseAmount(bonus, decimals);
  const boostScore = parseAmount(boost, 6);
  const input = (set: (v: string) => void) => (e: Event) => set((e.target as HTMLInputElement).value);
  return (
    <div class="record" data-testid="record">
      <div>
        <p>
          Tasks {c.totals.tasks.count} · reviews {c.totals.reviews.count} · donations{' '}
          {c.totals.donations.count} ({amount(c.totals.donations.value, info.tokenDecimals, info.tokenSymbol)}) · recognitions{' '}
          {c.totals.recognitions.count} · attested {c.totals.attested.count}
        </p>
        {c.recognitions.length > 0 && (
          <ul class="history">
            {c.recognitions.map((r) => (
              <li key={`${r.block}-${r.reason}`}>
                block #{r.block}: recognised by {r.by === 'governance' ? 'the project\'s governance' : who(r.by, context.names)} for "{r.reason}" ·
                +{points(r.boost)} reputation{r.amount > 0n && ` · bonus ${amount(r.amount, decimalsOf(r.milestone), unitOf(r.milestone))}`}
              </li>
            ))}
          </ul>
        )}
        {steward && account?.address !== c.account && open.length > 0 && (<>
          <p class="muted" data-testid="recognise-budgets">{budgetsText(view, (v) => amount(v, decimals, unitOf(milestone)))}</p>
          <form class="inline" onSubmit={(e) => e.preventDefault()} data-testid="recognise">
            <select value={milestone} onChange={(e) => setMilestone(Number((e.target as HTMLSelectElement).value))}>
              {open.map((m) => <option key={m.id} value={m.id}>milestone {m.id} ({m.status.toLowerCase()})</option>)}
            </select>
            <label>bonus ({unitOf(milestone)}, from a funded milestone) <input value={bonus} onInput={input(setBonus)} size={6} data-testid="recognise-bonus" /></label>
            <label>reputation <input value={boost} onInput={input(setBoost)} size={4} data-testid="recognise-boost" /></label>
            <input placeholder="reason (CID)" value={reason} onInput={input(setReason)} data-testid="recognise-reason" />
            <Act context={context} label="Recognise" testid="recognise-send" describe={`${milestone}|${bonus}|${boost}|${reason}`}
              build={() => {
                if (!reason.trim()) return 'say why: enter a reason CID';
                if (value === undefined || boostScore === undefined) return 'bonus and reputation are numbers';
                return api.tx.contributions.recognize(view.summary.id, milestone, c.account, value, boostScore, reason.trim());
              }} />
          </form>
        </>)}
      </div>
      <ReputationChart score={c.stored.score} updated={c.stored.updated} halfLife={c.stored.halfLife} now={view.now} threshold={threshold} />
    </div>
  );
}
