// Every project on the chain: status, members, budget and progress, one row each.

import { projects, type ProjectSummary } from '../data';
import { amount } from '../format';
import { Bar } from './widgets';
import { useLive, type Context } from './context';

export function ProjectList({ context }: { context: Context }) {
  const { api, block } = context;
  const loaded = useLive(() => projects(api, block.hash), block.number);
  if (loaded.kind === 'loading') return <p class="notice" data-testid="state-loading">Loading projects…</p>;
  if (loaded.kind === 'failed') return <p class="notice error">Could not read the projects: {loaded.error}</p>;
  const list = loaded.value;
  if (list.length === 0) {
    return (
      <div class="notice" data-testid="state-empty">
        <h2>No projects yet</h2>
        <p>A project is created with <code>projects.createProject</code>; it appears here in the block that creates it.</p>
      </div>
    );
  }
  return (
    <section data-testid="project-list">
      <h1>Projects</h1>
      <table class="projects">
        <thead>
          <tr><th>Project</th><th>Status</th><th>Members</th><th>Milestones</th><th>Tasks</th><th>Budget</th></tr>
        </thead>
        <tbody>
          {list.map((p) => <Row key={p.id} project={p} context={context} />)}
        </tbody>
      </table>
    </section>
  );
}

function Row({ project: p, context }: { project: ProjectSummary; context: Context }) {
  const { milestones: m, tasks: t, budget: b } = p.progress;
  const milestonesLive = m.planned + m.funded + m.achieved;
  const tasksLive = t.open + t.claimed + t.submitted + t.paid;
  const decimals = context.info.tokenDecimals;
  return (
    <tr data-testid={`project-${p.id}`}>
      <td><a href={`#/project/${p.id}`}>{p.name}</a> <span class="muted">#{p.id}</span></td>
      <td><span class={`badge ${p.status.toLowerCase()}`}>{p.status}</span></td>
      <td data-testid="members">{p.progress.members}</td>
      <td>
        <Bar parts={[[m.achieved, 'done'], [m.funded, 'funded'], [m.planned, 'planned']]} total={milestonesLive} />
        <span class="muted">{m.achieved}/{milestonesLive} achieved{m.overdue > 0 && <b class="late"> · {m.overdue} overdue</b>}</span>
      </td>
      <td>
        <Bar parts={[[t.paid, 'done'], [t.submitted, 'review'], [t.claimed, 'claimed'], [t.open, 'open']]} total={tasksLive} />
        <span class="muted">{t.paid} paid · {t.open} open{t.overdue > 0 && <b class="late"> · {t.overdue} overdue</b>}</span>
      </td>
      <td class="muted">
        {p.currency
          ? `${amount(b.minted, p.currency.decimals, p.currency.symbol)} minted · ${amount(b.paidCurrency, p.currency.decimals)} paid`
          : `${amount(b.paidNative, decimals, context.info.tokenSymbol)} paid`}
      </td>
    </tr>
  );
}
