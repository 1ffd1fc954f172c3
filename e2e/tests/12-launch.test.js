// Launch safety: the chain spec a community launches with holds only the operator's keys.
//
// e2e/tools/production-spec.js (scripts/production-spec) builds it from an operator's file with
// the node's chain-spec-builder and the production runtime of chain-specs/commons-production.json:
// the raw genesis must hold the operator's collator and session key, its para id, no sudo key and
// no well-known development account; a file naming a development key (in any spelling) is refused.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Keyring } from '@polkadot/keyring';
import { u8aToHex, u8aConcat } from '@polkadot/util';
import { cryptoWaitReady, mnemonicGenerate, xxhashAsU8a, blake2AsU8a, decodeAddress } from '@polkadot/util-crypto';

import { NODE_BINARY } from '../lib/node.js';
import { buildProductionSpec, devKeys, devKeysIn } from '../tools/production-spec.js';

const storageValueKey = (pallet, item) => u8aToHex(u8aConcat(xxhashAsU8a(pallet, 128), xxhashAsU8a(item, 128)));
const palletPrefix = (pallet) => u8aToHex(xxhashAsU8a(pallet, 128));

async function operator() {
  await cryptoWaitReady();
  const keyring = new Keyring({ type: 'sr25519' });
  const collator = keyring.addFromUri(mnemonicGenerate());
  const aura = keyring.addFromUri(mnemonicGenerate());
  const council = keyring.addFromUri(mnemonicGenerate());
  return {
    keys: { collator, aura, council },
    file: {
      name: 'Commons Test Launch',
      id: 'commons_test_launch',
      relayChain: 'paseo',
      paraId: 4321,
      collators: [{ account: collator.address, aura: aura.address }],
      endowments: [[collator.address, '1000000000000000'], [council.address, '25000000000000000000']],
      bootNodes: ['/dns/collator-1.example.org/tcp/30333/p2p/12D3KooWEyoppNCUx8Yx66oV9fJnriXwCcXwDDUA2kj6vnc6iDEp'],
    },
  };
}

function write(dir, content) {
  const file = join(dir, 'operator.json');
  writeFileSync(file, JSON.stringify(content, null, 2));
  return file;
}

describe('a production chain spec from the operator\'s keys', () => {
  it('holds the operator\'s collator, session key, endowments and para id, and no sudo or dev key', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'commons-launch-'));
    const { keys, file } = await operator();
    const { plain, raw } = await buildProductionSpec({ operatorFile: write(dir, file), node: NODE_BINARY, out: dir });
    assert.ok(existsSync(plain) && existsSync(raw));

    const spec = JSON.parse(readFileSync(raw, 'utf8'));
    assert.equal(spec.id, 'commons_test_launch');
    assert.equal(spec.chainType, 'Live');
    assert.equal(spec.relay_chain ?? spec.relayChain, 'paseo');
    assert.equal(spec.para_id ?? spec.paraId, 4321);
    assert.deepEqual(spec.bootNodes, file.bootNodes);
    const top = spec.genesis.raw.top;

    // Aura's authorities: exactly the operator's session key (a SCALE vec of one 32-byte key).
    const authorities = top[storageValueKey('Aura', 'Authorities')];
    assert.equal(authorities, u8aToHex(u8aConcat(new Uint8Array([4]), keys.aura.publicKey)));
    // Collator selection's invulnerables: the operator's collator account.
    assert.equal(top[storageValueKey('CollatorSelection', 'Invulnerables')],
      u8aToHex(u8aConcat(new Uint8Array([4]), keys.collator.publicKey)));
    // The para id.
    assert.equal(top[storageValueKey('ParachainInfo', 'ParachainId')], '0xe1100000');
    // No sudo pallet storage at all: the production runtime has none.
    assert.ok(!Object.keys(top).some((k) => k.startsWith(palletPrefix('Sudo'))), 'the production genesis has a sudo key');
    // The council account is endowed (System::Account is a Blake2_128Concat map).
    const account = decodeAddress(keys.council.address);
    const accountKey = u8aToHex(u8aConcat(xxhashAsU8a('System', 128), xxhashAsU8a('Account', 128), blake2AsU8a(account, 128), account));
    assert.ok(top[accountKey], 'the endowed account exists at genesis');
    // The endowment, 25 CMN × 10^6 (past 2^64 plancks), is exact: free balance after nonce,
    // consumers, providers, sufficients (4 × u32).
    const free = BigInt(`0x${Buffer.from(top[accountKey].slice(2 + 32, 2 + 64), 'hex').reverse().toString('hex')}`);
    assert.equal(free, 25000000000000000000n);

    // No well-known development key anywhere in the readable or the raw spec.
    const dev = await devKeys();
    assert.deepEqual(devKeysIn(readFileSync(plain, 'utf8'), dev), []);
    assert.deepEqual(devKeysIn(readFileSync(raw, 'utf8'), dev), []);
  });

  it('refuses a development key as a collator, a session key or an endowment, in any spelling', async () => {
    await cryptoWaitReady();
    const dir = mkdtempSync(join(tmpdir(), 'commons-launch-'));
    const { file } = await operator();
    const sr = new Keyring({ type: 'sr25519', ss58Format: 0 });
    const alice = sr.addFromUri('//Alice');
    const ferdieEd = new Keyring({ type: 'ed25519' }).addFromUri('//Ferdie');
    const attempts = [
      { ...file, collators: [{ account: alice.address, aura: file.collators[0].aura }] }, // Polkadot prefix
      { ...file, collators: [{ account: file.collators[0].account, aura: u8aToHex(alice.publicKey) }] }, // hex
      { ...file, endowments: [[new Keyring({ type: 'sr25519' }).addFromUri('//Bob//stash').address, '1000']] },
      { ...file, endowments: [[ferdieEd.address, '1000']] },
    ];
    for (const attempt of attempts) {
      await assert.rejects(
        buildProductionSpec({ operatorFile: write(dir, attempt), node: NODE_BINARY, out: dir }),
        /well-known development keys/,
      );
    }
    assert.ok(!existsSync(join(dir, 'commons_test_launch-raw.json')), 'nothing is written for a refused file');
  });

  it('refuses a file without collators or with a malformed amount', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'commons-launch-'));
    const { file } = await operator();
    await assert.rejects(buildProductionSpec({ operatorFile: write(dir, { ...file, collators: [] }), node: NODE_BINARY, out: dir }), /at least one collator/);
    await assert.rejects(
      buildProductionSpec({ operatorFile: write(dir, { ...file, endowments: [[file.collators[0].account, 1000]] }), node: NODE_BINARY, out: dir }),
      /positive integer string/,
    );
  });
});
