/**
 * The peers bench's Python side: two pinned venvs and the fetched models, all under one cache folder.
 *   ONNX_DIET_PEERS_VENV   main venv (default ~/.cache/onnx-diet/peers-venv): bench/peers/requirements.txt
 *   ONNX_DIET_PEERS_HQQ_VENV  HQQ venv (default …/peers-venv-hqq): requirements-hqq.txt over Debian's
 *                          python3-torch (HQQ imports torch; a PyPI torch is gigabytes)
 *   ONNX_DIET_PEERS_CACHE  models and their inputs (default ~/.cache/onnx-diet/peers-models)
 *   ONNX_DIET_PEERS_PYTHON the interpreter the main venv is made from (default python3.11, then python3)
 *   ONNX_DIET_TORCH_PYTHON an interpreter with torch, for HQQ and the encoders' export (default /usr/bin/python3)
 * A venv is (re)installed when its stamp differs from the requirements file's contents.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const PEERS_DIR = path.join(here, 'peers');
const cacheRoot = path.join(homedir(), '.cache', 'onnx-diet');

export interface PeersEnv {
  python: string;
  /** undefined when the HQQ venv could not be made (the HQQ rows then say why). */
  hqqPython: string | undefined;
  hqqWhyNot: string;
  cache: string;
}

function run(cmd: string, args: string[], what: string): void {
  const r = spawnSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'inherit', 'pipe'] });
  if (r.status !== 0) throw new Error(`${what} failed (${r.status ?? r.signal}): ${(r.stderr ?? '').trim().split('\n').slice(-3).join(' | ')}`);
}

function which(names: string[]): string | undefined {
  return names.find((n) => spawnSync(n, ['--version'], { stdio: 'ignore' }).status === 0);
}

/** Makes `dir` a venv holding exactly `requirements` (pip --no-deps when the file pins everything). */
function ensureVenv(dir: string, base: string, requirements: string, extraVenvArgs: string[], noDeps: boolean): string {
  const python = path.join(dir, 'bin', 'python');
  const stamp = path.join(dir, '.onnx-diet-requirements');
  const wanted = readFileSync(requirements, 'utf8');
  if (existsSync(python) && existsSync(stamp) && readFileSync(stamp, 'utf8') === wanted) return python;
  console.log(`peers: installing ${path.basename(requirements)} into ${dir}`);
  if (!existsSync(python)) run(base, ['-m', 'venv', ...extraVenvArgs, dir], `python -m venv ${dir}`);
  run(python, ['-m', 'pip', 'install', '-q', ...(noDeps ? ['--no-deps'] : []), '-r', requirements], `pip install -r ${requirements}`);
  writeFileSync(stamp, wanted);
  return python;
}

export function setUpPeers(): PeersEnv {
  const base = process.env.ONNX_DIET_PEERS_PYTHON ?? which(['python3.11', 'python3']);
  if (!base) throw new Error('peers bench: no python3 found; set ONNX_DIET_PEERS_PYTHON');
  const torchPython = process.env.ONNX_DIET_TORCH_PYTHON ?? '/usr/bin/python3';
  const python = ensureVenv(process.env.ONNX_DIET_PEERS_VENV ?? path.join(cacheRoot, 'peers-venv'), base,
    path.join(PEERS_DIR, 'requirements.txt'), [], false);
  let hqqPython: string | undefined;
  let hqqWhyNot = '';
  try {
    hqqPython = ensureVenv(process.env.ONNX_DIET_PEERS_HQQ_VENV ?? path.join(cacheRoot, 'peers-venv-hqq'), torchPython,
      path.join(PEERS_DIR, 'requirements-hqq.txt'), ['--system-site-packages'], true);
    run(hqqPython, ['-c', 'import torch, onnxruntime'], 'HQQ venv check');
  } catch (e) {
    hqqPython = undefined;
    hqqWhyNot = `no venv with torch for HQQ (${(e as Error).message.slice(0, 120)})`;
  }
  const cache = process.env.ONNX_DIET_PEERS_CACHE ?? path.join(cacheRoot, 'peers-models');
  mkdirSync(cache, { recursive: true });
  run(python, [path.join(PEERS_DIR, 'fetch_models.py'), cache, torchPython], 'fetching the peers bench models');
  return { python, hqqPython, hqqWhyNot, cache };
}

/** Versions of what the peers run, for the table's header line. */
export function peerVersions(python: string): string {
  const r = spawnSync(python, ['-c', 'import onnxruntime, onnx, onnxslim, onnxconverter_common, numpy; print(f"onnxruntime {onnxruntime.__version__}, onnx {onnx.__version__}, onnxslim {onnxslim.__version__}, onnxconverter-common {onnxconverter_common.__version__}, numpy {numpy.__version__}")'], { encoding: 'utf8' });
  return r.stdout.trim();
}
