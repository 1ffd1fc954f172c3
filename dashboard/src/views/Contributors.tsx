// Contributors ranked by reputation now, each with their record (tasks, reviews, donations,
// recognitions) and their reputation's decay as a chart; stewards recognise from here.

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
  return c.memberUntil !== undefined ? `${since}, until #${c.memberUntil} unless they contribute` : since;
}

export function Contributors({ view, context }: { view: ProjectView; context: Context }) {
  const { contributors } = view;
  const [open, setOpen] = useState<string | undefined>();
  const threshold = Number(context.api.consts.contributions.memberThreshold.toString());
  return (
    <section class="panel" data-testid="contributors">
      <h2>Contributors <span class="muted">the top {Math.min(contributors.length, view.summary.progress.topContributors.length)} of {view.summary.progress.contributors} by reputation</span></h2>
      {contributors.length === 0 && <p class="muted" data-testid="contributors-empty">Nobody has contributed yet.</p>}
      {contributors.length > 0 && (
        <table class="contributors">
          <thead><tr><th>#</th><th>Contributor</th><th>Reputation</th><th>Member</th><th>Tasks</th><th>Reviews</th><th>Donations</th><th>Recognitions</th></tr></thead>
          <tbody>
            {contributors.map((c, rank) => (
              <>
                <tr key={c.account} class="clickable" data-testid={`contributor-${c.account}`} onClick={() => setOpen(open === c.account ? undefined : c.account)}>
                  <td>{rank + 1}</td>
                  <td>{who(c.account, context.names)}</td>
                  <td data-testid="reputation">{points(c.reputation)}</td>
                  <td>{membership(c, view.summary.stewards)}</td>
                  <td>{c.totals.tasks.count}</td>
                  <td>{c.totals.reviews.count}</td>
                  <td>{c.totals.donations.count}</td>
                  <td>{c.totals.recognitions.count}</td>
                </tr>
                {open === c.account && (
                  <tr key={`${c.account}-detail`}><td colSpan={8}><Record contributor={c} view={view} context={context} threshold={threshold} /></td></tr>
                )}
              </>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Record({ contributor: c, view, context, threshold }: { contributor: ContributorView; view: ProjectView; context: Context; threshold: number }) {
  const { api, account, info } = context;
  const steward = account && view.summary.stewards.includes(account.address);
  const funded = view.milestones.filter((m) => m.status === 'Funded');
  const [milestone, setMilestone] = useState(funded[0]?.id ?? 0);
  const [bonus, setBonus] = useState('0');
  const [boost, setBoost] = useState('1');
  const [reason, setReason] = useState('');
  const asset = funded.find((m) => m.id === milestone)?.asset ?? 'Native';
  const decimals = asset === 'Native' ? info.tokenDecimals : view.currency?.decimals ?? info.tokenDecimals;
  const value = parseAmount(bonus, decimals);
  const boostScore = parseAmount(boost, 6);
  const input = (set: (v: string) => void) => (e: Event) => set((e.target as HTMLInputElement).value);
  return (
    <div class="record" data-testid="record">
      <div>
        <p>
          Tasks {c.totals.tasks.count} ({amount(c.totals.tasks.value, decimals)}) · reviews {c.totals.reviews.count} · donations{' '}
          {c.totals.donations.count} ({amount(c.totals.donations.value, info.tokenDecimals, info.tokenSymbol)}) · recognitions{' '}
          {c.totals.recognitions.count} · attested {c.totals.attested.count}
        </p>
        {c.recognitions.length > 0 && (
          <ul class="history">
            {c.recognitions.map((r) => (
              <li key={`${r.block}-${r.reason}`}>block #{r.block}: recognised by {who(r.by, context.names)} for "{r.reason}" · +{points(r.boost)} reputation{r.amount > 0n && ` · bonus ${amount(r.amount, decimals)}`}</li>
            ))}
          </ul>
        )}
        {steward && funded.length > 0 && (
          <form class="inline" onSubmit={(e) => e.preventDefault()} data-testid="recognise">
            <select value={milestone} onChange={(e) => setMilestone(Number((e.target as HTMLSelectElement).value))}>
              {funded.map((m) => <option key={m.id} value={m.id}>milestone {m.id}</option>)}
            </select>
            <label>bonus <input value={bonus} onInput={input(setBonus)} size={6} /></label>
            <label>reputation <input value={boost} onInput={input(setBoost)} size={4} /></label>
            <input placeholder="reason (CID)" value={reason} onInput={input(setReason)} data-testid="recognise-reason" />
            <Act context={context} label="Recognise" testid="recognise-send" describe={`${milestone}|${bonus}|${boost}|${reason}`}
              build={() => {
                if (!reason.trim()) return 'say why: enter a reason CID';
                if (value === undefined || boostScore === undefined) return 'bonus and reputation are numbers';
                return api.tx.contributions.recognize(view.summary.id, milestone, c.account, value, boostScore, reason.trim());
              }} />
          </form>
        )}
      </div>
      <ReputationChart score={c.stored.score} updated={c.stored.updated} halfLife={c.stored.halfLife} now={view.now} threshold={threshold} />
    </div>
  );
}
