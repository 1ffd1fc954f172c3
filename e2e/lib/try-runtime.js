// An upgrade checked before it is voted on: the new runtime's migrations and every pallet's
// `try_state` run against the live chain's state, with chopsticks' `try-runtime` (it forks the
// chain over RPC and calls `TryRuntime_on_runtime_upgrade` of the given Wasm with checks `All`).
//
// The Wasm must be built with the runtime's `try-runtime` feature: scripts/build-try-runtime.sh
// builds the upgrade of the tests (`test-upgrade`) and a deliberately broken one
// (`test-broken-upgrade`, whose migration breaks a contributions invariant) in
// $CARGO_TARGET_DIR/try-runtime.

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { homedir } from 'node:os';
import { fileURLToPath } from 'node:url';

const targetDir = process.env.CARGO_TARGET_DIR || join(homedir(), '.cache/commons/target');
const WBUILD = join(targetDir, 'try-runtime/release/wbuild/commons-runtime');
const CHOPSTICKS = join(dirname(fileURLToPath(import.meta.url)), '../node_modules/.bin/chopsticks');

/** The try-runtime build of `name` (`upgrade` or `broken_upgrade`); throws if it is not built. */
export function tryRuntimeWasm(name) {
  const path = join(WBUILD, `commons_runtime_${name}.compact.compressed.wasm`);
  if (!existsSync(path)) throw new Error(`${path} missing: run scripts/build-try-runtime.sh`);
  return path;
}

/**
 * Runs the upgrade to `wasm` against the chain at `endpoint` (its latest block) with every check.
 * Resolves with `{ ok, output }`: `ok` when the migrations' pre/post checks and every pallet's
 * `try_state` passed.
 */
export function checkUpgrade(endpoint, wasm, { timeoutMs = 300_000 } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(CHOPSTICKS, [
      'try-runtime', '--endpoint', endpoint, '--runtime', wasm, '--checks', 'All', '--runtime-log-level', '2',
    ], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => { output += d; });
    child.stderr.on('data', (d) => { output += d; });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`chopsticks try-runtime took over ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    child.on('error', (e) => { clearTimeout(timer); reject(e); });
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ ok: code === 0 && !/error|panicked|failed/i.test(lastLines(output)), output, code });
    });
  });
}

function lastLines(text, n = 20) {
  return text.trim().split('\n').slice(-n).join('\n');
}
