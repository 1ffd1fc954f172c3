// The project's polls: tallies, turnout against quorum, time left; a vote costs n² voice credits
// for n votes, shown as the voter chooses n. A voter's credits are the square of their voice: the
// votes their reputation in the project is worth (at least one).

import { useEffect, useState } from 'preact/hooks';

import { voter, type PollView, type ProjectView } from '../data';
import { duration, percent } from '../format';
import { Act } from './Act';
import type { Context } from './context';

export function Polls({ view, context }: { view: ProjectView; context: Context }) {
  return (
    <section class="panel" data-testid="polls">
      <h2>Polls</h2>
      {view.polls.length === 0 && <p class="muted" data-testid="polls-empty">No open polls.</p>}
      {view.polls.map((poll) => <Poll key={poll.id} poll={poll} view={view} context={context} />)}
    </section>
  );
}

function labels(poll: PollView): string[] {
  return poll.proposal ? ['Aye', 'Nay'] : poll.options;
}

function Poll({ poll, view, context }: { poll: PollView; view: ProjectView; context: Context }) {
  const { api, account, block, blockMs } = context;
  const [mine, setMine] = useState<{ credits?: number; vote?: { choice: number; votes: number } }>({});
  const [choice, setChoice] = useState(0);
  const [votes, setVotes] = useState(1);
  useEffect(() => setMine({}), [account?.address]);
  useEffect(() => {
    if (!account) return;
    let current = true;
    voter(api, poll.id, account.address).then((v) => { if (current) setMine(v); }, () => {});
    return () => { current = false; };
  }, [poll.id, account?.address, block.number]);

  const names = labels(poll);
  const total = poll.tally.reduce((a, b) => a + b, 0n);
  // The chain's quorum: at least one voter, and the quorum's share of the electorate.
  const needed = Math.max(1, Math.ceil((poll.electorate * poll.quorum) / 100));
  const left = poll.end - view.now;
  // A new vote replaces the old one: its credits come back first.
  const available = (mine.credits ?? 0) + (mine.vote ? mine.vote.votes ** 2 : 0);
  const most = Math.floor(Math.sqrt(available));
  // Zero votes withdraws a vote: only offered to who has one.
  const least = mine.vote ? 0 : 1;
  const encoded = poll.proposal ? (choice === 0 ? { Aye: null } : { Nay: null }) : { Option: choice };

  return (
    <div class="poll" data-testid={`poll-${poll.id}`}>
      <h3>
        Poll #{poll.id}: {poll.proposal ? 'a proposal' : 'choose one'}{poll.protected && <span class="badge">protected</span>}{' '}
        <span class="muted">
          {poll.ended ? `ended: ${poll.outcome}` : `${duration(left, blockMs)} left (ends at block #${poll.end})`}
        </span>
      </h3>
      <table class="tally">
        <tbody>
          {names.map((name, i) => (
            <tr key={i}>
              <td>{name}</td>
              <td class="wide"><div class="bar-track"><span class="bar-part done" style={{ width: `${percent(poll.tally[i] ?? 0n, total)}%` }} /></div></td>
              <td data-testid={`tally-${i}`}>{(poll.tally[i] ?? 0n).toString()}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="muted">
        <span data-testid="voters">{poll.voters}</span> of {poll.electorate} members voted · quorum {poll.quorum}% ({needed} voter{needed === 1 ? '' : 's'})
        {poll.voters >= needed ? ' reached' : ' not reached'}{poll.proposal && ` · passes above ${poll.threshold}% ayes`}
      </p>
      {!poll.ended && account && mine.credits === undefined && (
        <p class="muted">{account.name} may not vote in this poll: only members when it was created (block #{poll.created}) and its stewards then vote.</p>
      )}
      {!poll.ended && account && mine.credits !== undefined && (
        <form class="inline vote" onSubmit={(e) => e.preventDefault()}>
          {mine.vote && <span class="muted">your vote: {mine.vote.votes} for {names[mine.vote.choice] ?? `choice ${mine.vote.choice}`} · </span>}
          <select value={choice} data-testid={`choice-${poll.id}`} onChange={(e) => setChoice(Number((e.target as HTMLSelectElement).value))}>
            {names.map((name, i) => <option key={i} value={i}>{name}</option>)}
          </select>
          <input type="range" min={least} max={Math.max(most, 1)} value={Math.max(least, Math.min(votes, Math.max(most, 1)))} data-testid={`votes-${poll.id}`}
            onInput={(e) => setVotes(Number((e.target as HTMLInputElement).value))} />
          <span data-testid={`cost-${poll.id}`}>{votes} vote{votes === 1 ? '' : 's'} cost {votes ** 2} of {available} credits</span>
          <Act context={context} label={votes === 0 ? 'Withdraw' : 'Vote'} testid={`vote-${poll.id}`} describe={`${choice}|${votes}`}
            build={() => (votes ** 2 > available ? `${votes} votes cost ${votes ** 2} credits; ${available} are yours (your voice is the votes your reputation is worth)` : api.tx.quadraticVoting.vote(poll.id, encoded, votes))} />
        </form>
      )}
    </div>
  );
}
