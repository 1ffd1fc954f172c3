// The guide in docs/ is accurate against the running node: every call it names as
// `pallet.call(arg, ...)` is in the metadata with exactly those arguments, every runtime call it
// names as `someApi → method(param, ...)` exists with those parameters, every `pallet.name` it
// names (a call as the benchmark tables write it, in snake_case, or a storage item or constant
// in camelCase) exists, and so does every `pallet.Name` (an event or an error). Paths into a
// genesis config are written as jq writes them (`.balances.balances`), so they are not mentions.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { startNode } from '../lib/node.js';

const DOCS = join(dirname(fileURLToPath(import.meta.url)), '../../docs');

/** Every mention in the docs: [file, kind, section, method, [args]]. */
function mentions() {
  const found = [];
  for (const file of readdirSync(DOCS).filter((f) => f.endsWith('.md'))) {
    // Markdown wraps lines: join them so that a mention may span two.
    const text = readFileSync(join(DOCS, file), 'utf8').replace(/\s*\n\s*/g, ' ');
    const args = (list) => list.split(',').map((a) => a.trim()).filter(Boolean);
    for (const [, section, method, list] of text.matchAll(/`([a-z][A-Za-z]*)\.([a-z][A-Za-z]*)\(([^)`]*)\)`/g)) {
      found.push([file, 'tx', section, method, args(list)]);
    }
    for (const [, api, method, list] of text.matchAll(/([a-z][A-Za-z]*Api) → ([a-z][A-Za-z]*)\(([^)]*)\)/g)) {
      found.push([file, 'call', api, method, args(list)]);
    }
    for (const [, section, name] of text.matchAll(/`([a-z][A-Za-z]*)\.([a-z][A-Za-z0-9_]*)`/g)) {
      found.push([file, 'item', section, name, []]);
    }
    for (const [, section, name] of text.matchAll(/`([a-z][A-Za-z]*)\.([A-Z][A-Za-z0-9]*)`/g)) {
      found.push([file, 'variant', section, name, []]);
    }
  }
  return found;
}

/** `transfer_keep_alive` → `transferKeepAlive`, as @polkadot/api names calls, storage and constants. */
const camel = (name) => name.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase());

describe('the guide', () => {
  let node;

  before(async () => {
    node = await startNode();
  });

  after(async () => {
    if (node) await node.stop();
  });

  it('names only calls and arguments that exist', () => {
    const { api } = node;
    const all = mentions();
    assert.ok(all.filter(([, kind]) => kind === 'tx').length >= 20, 'the walkthrough names the calls');
    assert.ok(all.filter(([, kind]) => kind === 'call').length >= 5, 'and the runtime calls');
    assert.ok(all.filter(([, kind]) => kind === 'item').length >= 30, 'the benchmarks name the calls they measure');
    // `lib.rs` and the like are file names, not pallets: only a pallet of the runtime is checked.
    const isPallet = (section) => [api.tx, api.query, api.consts, api.events, api.errors]
      .some((decorated) => decorated[section] !== undefined);
    const wrong = [];
    for (const [file, kind, section, method, args] of all) {
      const where = `${file}: ${section}.${method}${kind === 'tx' || kind === 'call' ? `(${args.join(', ')})` : ''}`;
      if (kind === 'tx') {
        const call = api.tx[section]?.[method];
        if (!call) { wrong.push(`${where}: no such call`); continue; }
        const actual = call.meta.args.map((a) => a.name.toString());
        if (actual.join() !== args.join()) wrong.push(`${where}: the call takes (${actual.join(', ')})`);
      } else if (kind === 'call') {
        const call = api.call[section]?.[method];
        if (!call) { wrong.push(`${where}: no such runtime call`); continue; }
        const actual = call.meta.params.map((p) => p.name.toString());
        if (actual.join() !== args.join()) wrong.push(`${where}: it takes (${actual.join(', ')})`);
      } else if (kind === 'item') {
        if (!isPallet(section)) continue;
        const name = camel(method);
        if (![api.tx, api.query, api.consts].some((decorated) => decorated[section]?.[name])) {
          wrong.push(`${where}: no such call, storage item or constant`);
        }
      } else {
        if (!isPallet(section)) continue;
        if (!api.events[section]?.[method] && !api.errors[section]?.[method]) {
          wrong.push(`${where}: no such event or error`);
        }
      }
    }
    assert.deepEqual(wrong, [], `the docs name what the chain does not have:\n${wrong.join('\n')}`);
  });
});
