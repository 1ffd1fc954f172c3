#!/usr/bin/env node
// Builds the chain spec a community launches Commons with, from the operator's own keys.
//
//   node e2e/tools/production-spec.js OPERATOR.json --node PATH/commons-node
//        [--runtime WASM] [--out DIR]
//
// (scripts/production-spec runs it with the node it builds.) OPERATOR.json says what only the
// operator knows:
//
//   {
//     "name": "Commons", "id": "commons", "relayChain": "polkadot", "paraId": 3417,
//     "collators": [ { "account": "5F…", "aura": "5G…" } ],
//     "endowments": [ ["5F…", "1000000000000000"] ],
//     "bootNodes": ["/dns/collator-1.example.org/tcp/30333/p2p/12D3…"]
//   }
//
// `collators` are the invulnerable collators at genesis: each one's account and its Aura session
// key (sr25519, SS58); `endowments` the accounts funded at genesis, amounts in plancks (10^-12 CMN)
// as strings — a collator needs a little to rotate its keys; `bootNodes` optional. The runtime's
// `production` preset (the treasury's endowment; no key) is patched with them by the node's
// `chain-spec-builder` (the tool of crates.io's staging-chain-spec-builder), and the spec is
// converted to raw: DIR/<id>.json (readable, for review) and DIR/<id>-raw.json (to launch with,
// and to register on the relay chain). The Wasm is `--runtime`, by default the one in
// chain-specs/commons-production.json.
//
// It refuses, before writing anything, a well-known development key anywhere in the file (Alice to
// Ferdie and their stashes, One, Two, the dev phrase's root; sr25519, ed25519 and ecdsa accounts)
// — their secret keys are public, whoever holds them would own the chain — and checks the written
// spec again for any of them.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Keyring } from '@polkadot/keyring';
import { u8aToHex } from '@polkadot/util';
import { cryptoWaitReady, decodeAddress, encodeAddress } from '@polkadot/util-crypto';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const DEV_PHRASE = 'bottom drive obey lake curtain smoke basket hold race lonely fit walk';
const DEV_NAMES = ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie', 'One', 'Two'];
const PROPERTIES = 'tokenSymbol=CMN,tokenDecimals=12,ss58Format=42';

/** Every public key and account id of the development keyrings, as lowercase hex (no 0x). */
export async function devKeys() {
  await cryptoWaitReady();
  const keys = new Set();
  for (const type of ['sr25519', 'ed25519', 'ecdsa']) {
    const keyring = new Keyring({ type });
    const uris = [DEV_PHRASE, ...DEV_NAMES.flatMap((n) => [`${DEV_PHRASE}//${n}`, `${DEV_PHRASE}//${n}//stash`])];
    for (const uri of uris) {
      const pair = keyring.addFromUri(uri);
      keys.add(u8aToHex(pair.publicKey, -1, false)); // the key (33 bytes for ecdsa)
      keys.add(u8aToHex(decodeAddress(pair.address), -1, false)); // the account id
    }
  }
  return keys;
}

/** Each spelling of `keys` that `text` contains: hex (with or without 0x) or SS58 (prefix 42). */
export function devKeysIn(text, keys) {
  const found = [];
  const lower = text.toLowerCase();
  for (const key of keys) {
    if (lower.includes(key)) found.push(key);
    if (key.length === 64) {
      const address = encodeAddress(`0x${key}`, 42);
      if (text.includes(address)) found.push(address);
    }
  }
  return found;
}

// Balances are u128: JSON numbers past 2^53 would lose digits in JavaScript. Integers of 16 digits
// or more are carried as marked strings between parsing and writing.
const big = (digits) => `@@${digits}@@`;
function parseJson(text) {
  return JSON.parse(text.replace(/([:[,]\s*)([0-9]{16,})(?=\s*[,\]}])/g, (_, pre, n) => `${pre}"${big(n)}"`));
}
function toJson(value) {
  return JSON.stringify(value, null, 2).replace(/"@@([0-9]+)@@"/g, '$1');
}

/** The operator's file, validated; throws with what is wrong. */
export function readOperator(file) {
  const op = JSON.parse(readFileSync(file, 'utf8'));
  const fail = (what) => { throw new Error(`${file}: ${what}`); };
  for (const field of ['name', 'id', 'relayChain']) {
    if (typeof op[field] !== 'string' || op[field] === '') fail(`"${field}" must be a non-empty string`);
  }
  if (!/^[a-z0-9_]+$/.test(op.id)) fail('"id" may use lowercase letters, digits and _ only');
  if (!Number.isInteger(op.paraId) || op.paraId < 1) fail('"paraId" must be the para id the relay chain reserved for you');
  if (!Array.isArray(op.collators) || op.collators.length === 0) fail('"collators" must list at least one collator');
  const ss58 = (value, what) => {
    try { return encodeAddress(decodeAddress(value), 42); } catch { return fail(`${what} is not an SS58 address: ${value}`); }
  };
  const collators = op.collators.map((c, i) => ({
    account: ss58(c.account, `collators[${i}].account`),
    aura: ss58(c.aura, `collators[${i}].aura`),
  }));
  const endowments = (op.endowments ?? []).map(([who, amount], i) => {
    if (typeof amount !== 'string' || !/^[1-9][0-9]*$/.test(amount)) fail(`endowments[${i}]: the amount must be a positive integer string (plancks)`);
    return [ss58(who, `endowments[${i}]`), amount];
  });
  const bootNodes = op.bootNodes ?? [];
  if (!Array.isArray(bootNodes) || bootNodes.some((b) => typeof b !== 'string')) fail('"bootNodes" must be a list of multiaddresses');
  return { ...op, collators, endowments, bootNodes };
}

/** The production preset patched with the operator's collators, session keys, endowments and para id. */
export function patchPreset(preset, op) {
  const patch = structuredClone(preset);
  const balances = patch.balances?.balances ?? [];
  // Amounts go in as JSON numbers, as the preset's own: serde reads a u128 from them.
  patch.balances = { balances: [...balances, ...op.endowments.map(([who, amount]) => [who, big(amount)])] };
  patch.collatorSelection = { ...(patch.collatorSelection ?? {}), invulnerables: op.collators.map((c) => c.account) };
  patch.session = { keys: op.collators.map((c) => [c.account, c.account, { aura: c.aura }]) };
  patch.parachainInfo = { parachainId: op.paraId };
  return patch;
}

function args(argv) {
  const out = { positional: [] };
  for (let i = 0; i < argv.length; i += 1) {
    const a = argv[i];
    if (a.startsWith('--')) out[a.slice(2)] = argv[++i];
    else out.positional.push(a);
  }
  return out;
}

/** Builds the spec; returns the two files' paths. */
export async function buildProductionSpec({ operatorFile, node, runtime, out }) {
  const keys = await devKeys();
  const op = readOperator(operatorFile);
  const devInFile = devKeysIn(readFileSync(operatorFile, 'utf8'), keys);
  // The normalised addresses too: a dev key given as hex or with another SS58 prefix.
  const devInKeys = devKeysIn(toJson({ collators: op.collators, endowments: op.endowments }), keys);
  const dev = [...new Set([...devInFile, ...devInKeys])];
  if (dev.length > 0) {
    throw new Error(`${operatorFile} holds well-known development keys, whose secret keys are public: ${dev.join(', ')}`);
  }

  const work = mkdtempSync(join(tmpdir(), 'commons-production-spec-'));
  let wasm = runtime;
  if (!wasm) {
    const template = JSON.parse(readFileSync(join(ROOT, 'chain-specs/commons-production.json'), 'utf8'));
    const code = template.genesis?.runtimeGenesis?.code;
    if (!code) throw new Error('chain-specs/commons-production.json has no runtime code: pass --runtime');
    wasm = join(work, 'runtime.wasm');
    writeFileSync(wasm, Buffer.from(code.slice(2), 'hex'));
  }
  const run = (...a) => execFileSync(node, ['chain-spec-builder', ...a], { cwd: work, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const preset = parseJson(run('display-preset', '-r', wasm, '-p', 'production'));
  const patchFile = join(work, 'patch.json');
  writeFileSync(patchFile, toJson(patchPreset(preset, op)));

  mkdirSync(out, { recursive: true });
  const plain = resolve(out, `${op.id}.json`);
  const raw = resolve(out, `${op.id}-raw.json`);
  run('-c', plain, 'create', '-n', op.name, '-i', op.id, '-t', 'live', '--relay-chain', op.relayChain,
    '--para-id', String(op.paraId), '-r', wasm, '--properties', PROPERTIES, 'patch', patchFile);
  const spec = parseJson(readFileSync(plain, 'utf8'));
  // The runtime's own preset and defaults go into the spec too: check the result, not only the
  // input, before the raw spec (what is launched) is written.
  const written = devKeysIn(JSON.stringify(spec.genesis.runtimeGenesis.patch), keys);
  if (written.length > 0) {
    rmSync(plain);
    throw new Error(`the spec holds well-known development keys: ${written.join(', ')}`);
  }
  spec.bootNodes = op.bootNodes;
  writeFileSync(plain, toJson(spec));
  run('-c', raw, 'convert-to-raw', plain);
  rmSync(work, { recursive: true, force: true });
  return { plain, raw };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const a = args(process.argv.slice(2));
  if (a.positional.length !== 1 || !a.node) {
    console.error('usage: production-spec.js OPERATOR.json --node PATH/commons-node [--runtime WASM] [--out DIR]');
    process.exit(2);
  }
  try {
    const { plain, raw } = await buildProductionSpec({
      operatorFile: a.positional[0], node: a.node, runtime: a.runtime, out: a.out ?? join(ROOT, 'chain-specs/launch'),
    });
    console.log(`readable: ${plain}\nraw (launch with it): ${raw}`);
  } catch (e) {
    console.error(`production-spec: ${e.message}`);
    process.exit(1);
  }
}
