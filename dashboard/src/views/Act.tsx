// One action: a button that signs and sends a call as the chosen account, showing its fee before
// and its outcome after (the block it is in, or the reason it failed, in words).

import type { SubmittableExtrinsic } from '@polkadot/api/types';
import { useEffect, useState } from 'preact/hooks';

import { fee, send } from '../actions';
import { amount } from '../format';
import type { Context } from './context';

type Tx = SubmittableExtrinsic<'promise'>;

/** An action's outcome, as the activity list shows it. */
export interface Activity { ok: boolean; text: string; label: string; by: string }
export const ACTIVITY = 'commons-activity';

export function Act({ context, label, build, testid, describe }: {
  context: Context;
  label: string;
  /** The call to send, or a reason it cannot be sent yet (a field to fill in). */
  build: () => Tx | string;
  testid: string;
  /** A key that changes when the call's arguments change: the fee is estimated again. */
  describe: string;
}) {
  const { api, account, info } = context;
  const [estimate, setEstimate] = useState<string>('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | undefined>();

  useEffect(() => {
    let current = true;
    const tx = build();
    if (typeof tx === 'string' || !account) {
      setEstimate('');
      return;
    }
    fee(tx, account).then(
      (f) => { if (current) setEstimate(`fee ≈ ${amount(f, info.tokenDecimals, info.tokenSymbol)}`); },
      () => { if (current) setEstimate(''); },
    );
    return () => { current = false; };
  }, [describe, account?.address]);

  const run = async () => {
    if (!account) return;
    const tx = build();
    if (typeof tx === 'string') {
      setOutcome({ ok: false, text: tx });
      return;
    }
    setBusy(true);
    setOutcome(undefined);
    const result = await send(api, tx, account);
    setBusy(false);
    const shown = result.ok
      ? { ok: true, text: `done in block #${result.block}` }
      : { ok: false, text: result.name ? `${result.error} (${result.name})` : result.error };
    setOutcome(shown);
    // The page's activity list keeps it once the card that sent it has moved on (a claimed task
    // leaves the open column).
    window.dispatchEvent(new CustomEvent<Activity>(ACTIVITY, { detail: { ...shown, label, by: account.name } }));
  };

  return (
    <span class="act" data-testid={testid}>
      <button type="button" disabled={busy || !account} onClick={run} title={account ? `as ${account.name}` : 'choose an account'}>
        {busy ? `${label}…` : label}
      </button>
      {estimate && <span class="fee">{estimate}</span>}
      {outcome && <span class={outcome.ok ? 'ok' : 'failed'} data-testid={`${testid}-outcome`}>{outcome.text}</span>}
    </span>
  );
}
