// The gaps: open tasks first (overdue ones on top), then claimed, in review and paid, as a board.
// Claim, submit, review and post from the cards.

import { useState } from 'preact/hooks';

import type { HistoryEntry, ProjectView, TaskView } from '../data';
import { amount, duration, parseAmount, who } from '../format';
import { Act } from './Act';
import type { Context } from './context';

const byUrgency = (a: TaskView, b: TaskView) => Number(b.overdue) - Number(a.overdue) || a.due - b.due || a.id - b.id;

export function Board({ view, context, paid }: { view: ProjectView; context: Context; paid: HistoryEntry[] }) {
  const { tasks, summary } = view;
  const steward = context.account && summary.stewards.includes(context.account.address);
  const column = (status: TaskView['status']) => tasks.filter((t) => t.status === status).sort(byUrgency);
  const columns: [string, string, TaskView[]][] = [
    ['open', 'Open: help wanted', column('Open')],
    ['claimed', 'Claimed', column('Claimed')],
    ['review', 'In review', column('Submitted')],
  ];
  return (
    <section class="panel" data-testid="board">
      <h2>Tasks</h2>
      {tasks.length === 0 && paid.length === 0 && (
        <p class="muted" data-testid="board-empty">No tasks yet: a steward posts them against a funded milestone.</p>
      )}
      <div class="board">
        {columns.map(([key, title, list]) => (
          <div class={`column ${key}`} data-testid={`column-${key}`} key={key}>
            <h3>{title} <span class="count">{list.length}</span></h3>
            {list.map((t) => <Card key={t.id} task={t} view={view} context={context} />)}
          </div>
        ))}
        <div class="column paid" data-testid="column-paid">
          <h3>Paid <span class="count">{summary.progress.tasks.paid}</span></h3>
          {paid.map((p) => (
            <div class="card" key={`${p.block}-${p.task}`} data-testid={`paid-${p.task}`}>
              <b>#{p.task}</b> {who(p.worker ?? '', context.names)} ·{' '}
              {amount(p.reward ?? 0n, decimalsOf(p.asset ?? 'Native', view, context))} {unitOf(p.asset ?? 'Native', view, context)}
              <div class="muted">block #{p.block}</div>
            </div>
          ))}
          {summary.progress.tasks.paid > paid.length && <p class="muted">and {summary.progress.tasks.paid - paid.length} paid earlier</p>}
        </div>
      </div>
      {steward && <PostTask view={view} context={context} />}
    </section>
  );
}

const unitOf = (asset: string, view: ProjectView, context: Context) =>
  asset === 'Native' ? context.info.tokenSymbol : view.currency?.symbol ?? '';
const decimalsOf = (asset: string, view: ProjectView, context: Context) =>
  asset === 'Native' ? context.info.tokenDecimals : view.currency?.decimals ?? context.info.tokenDecimals;

function Card({ task: t, view, context }: { task: TaskView; view: ProjectView; context: Context }) {
  const { api, account, names, blockMs } = context;
  const [evidence, setEvidence] = useState('');
  const [comment, setComment] = useState('');
  const me = account?.address;
  const left = t.due - view.now;
  const claimBond = BigInt(api.consts.tasks.claimBond.toString());
  const reviewed = me !== undefined && (t.approvedBy.includes(me) || t.rejectedBy.includes(me));
  return (
    <div class={`card ${t.overdue ? 'overdue' : ''}`} data-testid={`task-${t.id}`} data-status={t.status}>
      <div><b>#{t.id}</b> {t.spec}</div>
      <div>
        <b>{amount(t.reward, decimalsOf(t.asset, view, context))} {unitOf(t.asset, view, context)}</b> · milestone {t.milestone}
      </div>
      <div class={t.overdue ? 'late' : 'muted'}>
        {t.overdue ? `overdue by ${duration(-left, blockMs)}` : `due in ${duration(left, blockMs)}`} (block #{t.due})
      </div>
      {t.worker && <div class="muted">worker: {who(t.worker, names)}</div>}
      {t.status === 'Submitted' && (
        <div class="muted">
          {t.approvedBy.length}/{t.approvalsRequired} approvals · {t.rejectedBy.length} rejections · revision {t.revisions}
          {t.evidence && <> · evidence {t.evidence}</>}
        </div>
      )}
      <div class="muted">reviewers: {t.reviewers.map((r) => who(r, names)).join(', ')}</div>
      {t.status === 'Open' && t.overdue && <div class="late">past due: a steward reschedules or cancels it</div>}
      {t.status === 'Open' && !t.overdue && me && me !== t.poster && !t.reviewers.includes(me) && (
        <Act context={context} label={`Claim (bond ${amount(claimBond, context.info.tokenDecimals, context.info.tokenSymbol)})`}
          testid={`claim-${t.id}`} describe={`claim-${t.id}`} build={() => api.tx.tasks.claimTask(t.id)} />
      )}
      {t.status === 'Claimed' && t.worker === me && (
        <div class="inline">
          <input placeholder="evidence CID" value={evidence} data-testid={`evidence-${t.id}`}
            onInput={(e) => setEvidence((e.target as HTMLInputElement).value)} />
          <Act context={context} label="Submit" testid={`submit-${t.id}`} describe={evidence}
            build={() => (evidence.trim() ? api.tx.tasks.submitWork(t.id, evidence.trim()) : 'enter the CID of the evidence')} />
        </div>
      )}
      {t.status === 'Submitted' && me && t.reviewers.includes(me) && reviewed && <div class="muted">you reviewed this submission</div>}
      {t.status === 'Submitted' && me && t.reviewers.includes(me) && !reviewed && (
        <div class="inline">
          <input placeholder="comment CID" value={comment} data-testid={`comment-${t.id}`} onInput={(e) => setComment((e.target as HTMLInputElement).value)} />
          <Act context={context} label="Approve" testid={`approve-${t.id}`} describe={`a${comment}`}
            build={() => api.tx.tasks.review(t.id, true, comment.trim())} />
          <Act context={context} label="Reject" testid={`reject-${t.id}`} describe={`r${comment}`}
            build={() => (comment.trim() ? api.tx.tasks.review(t.id, false, comment.trim()) : 'say what to change: enter a comment CID')} />
        </div>
      )}
    </div>
  );
}

function PostTask({ view, context }: { view: ProjectView; context: Context }) {
  const { api, accounts, names } = context;
  const funded = view.milestones.filter((m) => m.status === 'Funded');
  const [chosen, setMilestone] = useState<number | undefined>(undefined);
  // The milestone chosen while it is still funded, else the first funded one.
  const milestone = funded.some((m) => m.id === chosen) ? chosen as number : funded[0]?.id ?? 0;
  const [spec, setSpec] = useState('');
  const [reward, setReward] = useState('10');
  const [days, setDays] = useState('7');
  const [reviewers, setReviewers] = useState<string[]>([]);
  const [approvals, setApprovals] = useState(1);
  if (view.summary.status !== 'Active') return <p class="muted">The project is {view.summary.status.toLowerCase()}: no tasks can be posted.</p>;
  if (funded.length === 0) return <p class="muted">Tasks are posted against a funded milestone; the project's governance funds them.</p>;
  const asset = funded.find((m) => m.id === milestone)?.asset ?? 'Native';
  const value = parseAmount(reward, decimalsOf(asset, view, context));
  const dueBlocks = Math.round((Number(days) * 86_400_000) / context.blockMs);
  const input = (set: (v: string) => void) => (e: Event) => set((e.target as HTMLInputElement).value);
  return (
    <form class="post" data-testid="post-task" onSubmit={(e) => e.preventDefault()}>
      <h3>Post a task</h3>
      <label>Milestone{' '}
        <select value={milestone} onChange={(e) => setMilestone(Number((e.target as HTMLSelectElement).value))}>
          {funded.map((m) => <option key={m.id} value={m.id}>{m.id}: {m.title}</option>)}
        </select>
      </label>
      <label>Spec (CID) <input value={spec} onInput={input(setSpec)} data-testid="post-spec" /></label>
      <label>Reward ({unitOf(asset, view, context)}) <input value={reward} onInput={input(setReward)} size={8} data-testid="post-reward" /></label>
      <label>Due in (days) <input value={days} onInput={input(setDays)} size={4} data-testid="post-days" /></label>
      <label title="members of the project, not the poster">Reviewers{' '}
        <select multiple data-testid="post-reviewers" onChange={(e) => setReviewers(Array.from((e.target as HTMLSelectElement).selectedOptions, (o) => o.value))}>
          {accounts.filter((a) => a.address !== context.account?.address).map((a) => (
            <option key={a.address} value={a.address} selected={reviewers.includes(a.address)}>{who(a.address, names)}</option>
          ))}
        </select>
      </label>
      <label>Approvals needed <input type="number" min={1} max={Math.max(1, reviewers.length)} value={approvals}
        onInput={(e) => setApprovals(Number((e.target as HTMLInputElement).value))} size={3} /></label>
      <Act context={context} label="Post" testid="post" describe={`${milestone}|${spec}|${reward}|${days}|${reviewers.join()}|${approvals}`}
        build={() => {
          if (!spec.trim()) return 'enter the CID of the task\'s spec';
          if (value === undefined || value === 0n) return 'enter a reward, a number above zero';
          if (!(dueBlocks > 0)) return 'enter how many days the task has';
          if (reviewers.length === 0) return 'choose at least one reviewer';
          return api.tx.tasks.postTask(view.summary.id, milestone, spec.trim(), value, view.now + dueBlocks, reviewers, approvals);
        }} />
    </form>
  );
}
