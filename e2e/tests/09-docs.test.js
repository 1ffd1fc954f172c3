// The guide in docs/ is accurate against the running node: every call it names as
// `pallet.call(arg, ...)` is in the metadata with exactly those arguments, and every runtime
// call it names as `someApi → method(param, ...)` exists with those parameters.

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
  }
  return found;
}

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
    const wrong = [];
    for (const [file, kind, section, method, args] of all) {
      const where = `${file}: ${section}.${method}(${args.join(', ')})`;
      if (kind === 'tx') {
        const call = api.tx[section]?.[method];
        if (!call) { wrong.push(`${where}: no such call`); continue; }
        const actual = call.meta.args.map((a) => a.name.toString());
        if (actual.join() !== args.join()) wrong.push(`${where}: the call takes (${actual.join(', ')})`);
      } else {
        const call = api.call[section]?.[method];
        if (!call) { wrong.push(`${where}: no such runtime call`); continue; }
        const actual = call.meta.params.map((p) => p.name.toString());
        if (actual.join() !== args.join()) wrong.push(`${where}: it takes (${actual.join(', ')})`);
      }
    }
    assert.deepEqual(wrong, [], `the docs name what the chain does not have:\n${wrong.join('\n')}`);
  });
});
