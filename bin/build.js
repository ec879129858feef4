'use strict';
/**
 * The project's TypeScript compiled to CommonJS by esbuild, file for file, into a
 * cache folder, and compiled again whenever a source changes. Commands then start at
 * compiled-JavaScript speed (no TypeScript compiler in the process) and nobody has
 * to remember a build step: `npm ci && npm run synth` stays the whole set-up, and an
 * edit under src/ is picked up by the next run. Types are checked by
 * `npm run typecheck`, not here (as with ts-node's transpile-only mode before).
 *
 * Hand-written because the libraries that do this (tsx, esbuild-register,
 * @swc-node/register) compile or look up each file as it is required, in every
 * process; measured in docs/bench.md, that costs 4-5× a bare node for `console-url`,
 * where checking a fingerprint and requiring compiled files costs about 1.5×.
 */
const fs = require('node:fs');
const path = require('node:path');

const PROJECT_ROOT = path.join(__dirname, '..');

/** What is compiled: the app, the CLI, and the tools that run as programs. Tests run through @swc/jest. */
const SOURCE_ROOTS = ['main.ts', 'src', 'tools'];

/** Builds younger than this are kept when a newer one lands: a process still running may load from them. */
const KEEP_OLD_BUILDS_MS = 10 * 60 * 1000;

/**
 * The compiled JavaScript of a TypeScript file of the project (`main.ts`,
 * `src/cli/main.ts`), compiling the project first if any source changed.
 */
function compiledFile(file, root = PROJECT_ROOT) {
  return path.join(ensureBuild(root), file.replace(/\.ts$/, '.js'));
}

/**
 * The compiled file of a program this process is about to run (`bin/cross-account.js`, `bin/run.js`). On Node 22
 * and later the process also keeps V8's code for every module it then loads, ours and node_modules', in the
 * build's `compile-cache` folder and reuses it on the next run instead of compiling again
 * (`module.enableCompileCache`; `NODE_DISABLE_COMPILE_CACHE=1` turns it off, as for any node program). The folder
 * goes when the build goes. Node 20 has no such cache, and v8-compile-cache-lib, which adds one, cost `verify`
 * more to load and save than it saved there.
 */
function programFile(file, root = PROJECT_ROOT) {
  const folder = ensureBuild(root);
  require('node:module').enableCompileCache?.(path.join(folder, 'compile-cache'));
  return path.join(folder, file.replace(/\.ts$/, '.js'));
}

/**
 * The folder of the up-to-date build, made first if it is missing. A build is
 * named after its fingerprint and never changes once published (it is written
 * aside and renamed into place), so processes that start during a rebuild, or
 * build at the same time, each load one consistent copy.
 */
function ensureBuild(root = PROJECT_ROOT) {
  const { files, fingerprint } = readSources(root);
  const cache = cacheFolder(root);
  const folder = path.join(cache, `build-${hashOf(fingerprint)}`);
  if (readStamp(folder) === fingerprint) return folder;

  const staging = `${folder}.tmp-${process.pid}-${Date.now()}`;
  try {
    compile(root, files, staging);
    fs.writeFileSync(path.join(staging, '.fingerprint'), fingerprint);
    publish(staging, folder, fingerprint);
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
  removeOldBuilds(cache, folder);
  return folder;
}

/** Renames the finished build into place; when another process published the same build first, its copy is kept. */
function publish(staging, folder, fingerprint) {
  try {
    fs.renameSync(staging, folder);
  } catch (error) {
    if (readStamp(folder) === fingerprint) return;
    if (error.code !== 'ENOTEMPTY' && error.code !== 'EEXIST') throw error;
    // Another fingerprint under the same 32-bit name: replace it.
    fs.rmSync(folder, { recursive: true, force: true });
    fs.renameSync(staging, folder);
  }
}

/** Every source file with its size and modification time: the build is stale when this text changes. */
function readSources(root) {
  const files = [];
  const walk = (relative) => {
    for (const entry of fs.readdirSync(path.join(root, relative), { withFileTypes: true })) {
      const child = `${relative}/${entry.name}`;
      if (entry.isDirectory()) walk(child);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) files.push(child);
    }
  };
  for (const name of SOURCE_ROOTS) {
    const stat = fs.statSync(path.join(root, name), { throwIfNoEntry: false });
    if (stat?.isDirectory()) walk(name);
    else if (stat) files.push(name);
  }
  // The compiler's settings, version and this file change the output too.
  const inputs = [...files.sort(), 'tsconfig.json', __filename, require.resolve('esbuild/package.json')];
  const fingerprint = inputs
    .map((file) => {
      const stat = fs.statSync(path.resolve(root, file));
      return `${file}\t${stat.size}\t${stat.mtimeMs}`;
    })
    .join('\n');
  return { files, fingerprint };
}

function compile(root, files, outdir) {
  // Loaded only to build: the esbuild service is not started on the common, up-to-date path.
  const esbuild = require('esbuild');
  try {
    esbuild.buildSync({
      absWorkingDir: root,
      entryPoints: files,
      outbase: '.',
      outdir,
      format: 'cjs',
      platform: 'node',
      target: 'node20',
      // `import()` becomes a lazy require, as tsc and swc compile it for CommonJS.
      supported: { 'dynamic-import': false },
      tsconfig: path.join(root, 'tsconfig.json'),
      // Maps are written, not loaded: `node --enable-source-maps` shows TypeScript lines when debugging.
      sourcemap: 'linked',
      logLevel: 'silent',
    });
  } catch (error) {
    const lines = (error.errors ?? []).map(
      (e) => `${e.location ? `${e.location.file}:${e.location.line}:${e.location.column}: ` : ''}${e.text}`,
    );
    throw new Error(`cannot compile the TypeScript sources:\n${lines.join('\n') || error.message}`);
  }
}

/** node_modules/.cache, as other build tools use; npm ci starts it afresh. */
function cacheFolder(root) {
  const folder = path.join(root, 'node_modules', '.cache', 'cross-account');
  fs.mkdirSync(folder, { recursive: true });
  return folder;
}

function readStamp(folder) {
  try {
    return fs.readFileSync(path.join(folder, '.fingerprint'), 'utf8');
  } catch {
    return undefined;
  }
}

function removeOldBuilds(cache, current) {
  for (const name of fs.readdirSync(cache)) {
    const folder = path.join(cache, name);
    if (folder === current || !name.startsWith('build-')) continue;
    const stat = fs.statSync(folder, { throwIfNoEntry: false });
    if (stat && Date.now() - stat.mtimeMs > KEEP_OLD_BUILDS_MS) fs.rmSync(folder, { recursive: true, force: true });
  }
}

/** FNV-1a, 32 bits: names a build folder (the stamp inside holds the full fingerprint); no crypto to load. */
function hashOf(text) {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(16).padStart(8, '0');
}

module.exports = { compiledFile, programFile, ensureBuild };

// `node bin/build.js`: compile now (if needed) and print where the build is.
if (require.main === module) process.stdout.write(`${ensureBuild()}\n`);
