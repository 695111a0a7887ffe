/**
 * Gets onnxruntime-node's native binding next to the bundle before the first model is checked.
 *
 * Why not commit it: the npm package carries prebuilt binaries for every platform, about 290 MB
 * unpacked (linux x64 45 MB, linux arm64 25 MB, darwin arm64 86 MB, win32 x64 64 MB, win32 arm64 70 MB),
 * and every release would add them again to the repository's history. Why not bundle it: a `.node`
 * addon and its shared library cannot live inside one JS file. So on first use the Action installs the
 * pinned version from the npm registry with npm (every hosted runner image has it; the user's npm
 * config, proxy and registry mirror apply), with `--ignore-scripts` (its postinstall only fetches CUDA
 * binaries, which CPU checks do not need), into the runner's tool cache keyed by version and platform,
 * and links `<action>/node_modules/onnxruntime-node` to it. ort-worker.js (the only importer, in a
 * child process) then resolves it like any package. With node_modules already present (a source
 * checkout, the CLI installed from npm) nothing happens.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readlinkSync, renameSync, rmSync, symlinkSync, writeFileSync, lstatSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Kept equal to the version in package-lock.json (a test checks): the bundle was tested against it. */
export const ONNXRUNTIME_VERSION = '1.30.0';
const PACKAGE = 'onnxruntime-node';

export interface OnnxRuntimeSetup {
  /** Where the package was found or installed; undefined when it was already resolvable. */
  installedIn?: string;
  /** True when this call ran npm. */
  downloaded: boolean;
}

export interface SetupOptions {
  /** A file URL of a module in the action's dist/ folder (default: this module). */
  from?: string;
  log?: (line: string) => void;
  env?: NodeJS.ProcessEnv;
}

function resolvable(from: string): boolean {
  try {
    createRequire(from).resolve(PACKAGE);
    return true;
  } catch {
    return false;
  }
}

/** The binary directory onnxruntime-node loads from (its dist/binding.js: bin/napi-v6/<platform>/<arch>). */
export function bindingDir(packageDir: string, platform = process.platform, arch = process.arch): string {
  return path.join(packageDir, 'bin', 'napi-v6', platform, arch);
}

/** The package holds every platform's binaries (~290 MB); this runner keeps its own (25-86 MB). */
function pruneOtherPlatforms(packageDir: string): void {
  const root = path.join(packageDir, 'bin', 'napi-v6');
  if (!existsSync(root)) return;
  for (const platform of readdirSync(root)) {
    for (const arch of readdirSync(path.join(root, platform))) {
      if (platform !== process.platform || arch !== process.arch) rmSync(path.join(root, platform, arch), { recursive: true, force: true });
    }
  }
}

function npmInstall(dir: string, log: (line: string) => void, env: NodeJS.ProcessEnv): void {
  const tmp = `${dir}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  writeFileSync(path.join(tmp, 'package.json'), '{ "private": true }\n');
  const args = ['install', `${PACKAGE}@${ONNXRUNTIME_VERSION}`, '--ignore-scripts', '--omit=dev', '--no-audit', '--no-fund',
    '--no-package-lock', '--no-save', '--loglevel=error'];
  log(`Installing ${PACKAGE}@${ONNXRUNTIME_VERSION} for ${process.platform}-${process.arch} (once per runner tool cache)`);
  try {
    // npm is a .cmd script on Windows, which Node only starts through a shell; the arguments are constants.
    execFileSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', args, {
      cwd: tmp,
      stdio: ['ignore', 'inherit', 'inherit'],
      shell: process.platform === 'win32',
      env: { ...env, npm_config_update_notifier: 'false' },
    });
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    const why = (e as { code?: string }).code === 'ENOENT' ? 'npm was not found on PATH' : (e as Error).message.split('\n')[0];
    throw new Error(
      `onnx-diet needs ${PACKAGE}@${ONNXRUNTIME_VERSION} and could not install it (${why}); ` +
        'add actions/setup-node before this step, or make the npm registry reachable from the runner',
    );
  }
  pruneOtherPlatforms(path.join(tmp, 'node_modules', PACKAGE));
  writeFileSync(path.join(tmp, '.complete'), `${ONNXRUNTIME_VERSION}\n`);
  try {
    renameSync(tmp, dir);
  } catch {
    // Another job on the same runner finished first; its copy is as good as ours.
    rmSync(tmp, { recursive: true, force: true });
    if (!existsSync(path.join(dir, '.complete'))) throw new Error(`could not place ${PACKAGE} in ${dir}`);
  }
}

/** Points `link` at `target` (a directory junction on Windows, which needs no admin rights). */
function linkDir(target: string, link: string): void {
  try {
    if (lstatSync(link).isSymbolicLink() && path.resolve(path.dirname(link), readlinkSync(link)) === path.resolve(target)) return;
    rmSync(link, { recursive: true, force: true });
  } catch {
    // does not exist yet
  }
  mkdirSync(path.dirname(link), { recursive: true });
  symlinkSync(target, link, 'junction');
}

export function ensureOnnxRuntime(opts: SetupOptions = {}): OnnxRuntimeSetup {
  const from = opts.from ?? import.meta.url;
  if (resolvable(from)) return { downloaded: false };
  const log = opts.log ?? (() => {});
  const env = opts.env ?? process.env;
  // dist/index.js → the action's root is dist/..
  const actionRoot = path.resolve(path.dirname(fileURLToPath(from)), '..');
  const cacheRoot = env['RUNNER_TOOL_CACHE']
    ? path.join(env['RUNNER_TOOL_CACHE'], 'onnx-diet-onnxruntime')
    : path.join(actionRoot, '.onnxruntime');
  const dir = path.join(cacheRoot, ONNXRUNTIME_VERSION, `${process.platform}-${process.arch}`);
  let downloaded = false;
  if (!existsSync(path.join(dir, '.complete'))) {
    mkdirSync(path.dirname(dir), { recursive: true });
    npmInstall(dir, log, env);
    downloaded = true;
  } else {
    log(`Using ${PACKAGE}@${ONNXRUNTIME_VERSION} from ${dir}`);
  }
  const pkg = path.join(dir, 'node_modules', PACKAGE);
  if (!existsSync(path.join(bindingDir(pkg), 'onnxruntime_binding.node'))) {
    throw new Error(
      `${PACKAGE}@${ONNXRUNTIME_VERSION} ships no binary for ${process.platform}-${process.arch}; ` +
        'run onnx-diet on linux x64/arm64, macOS arm64 or Windows x64/arm64 runners',
    );
  }
  linkDir(pkg, path.join(actionRoot, 'node_modules', PACKAGE));
  if (!resolvable(from)) throw new Error(`${PACKAGE} was installed in ${dir} but cannot be resolved from ${fileURLToPath(from)}`);
  return { installedIn: dir, downloaded };
}
