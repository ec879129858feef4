import { execFile } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  statSync,
  unlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { compiledFile, ensureBuild } from '../bin/build';
import { PROJECT_ROOT } from './support/project';
import { tempFolder } from './support/temp-folder';

const run = promisify(execFile);

/** A small project laid out like this one: main.ts, src/, this project's tsconfig.json. */
function makeProject(files: Readonly<Record<string, string>>): string {
  const root = tempFolder('build-');
  copyFileSync(join(PROJECT_ROOT, 'tsconfig.json'), join(root, 'tsconfig.json'));
  for (const [file, text] of Object.entries(files)) writeSource(root, file, text);
  return root;
}

/** Writes a source as an editor would, its modification time moved on so the change is seen at once. */
function writeSource(root: string, file: string, text: string): void {
  mkdirSync(dirname(join(root, file)), { recursive: true });
  const existed = existsSync(join(root, file));
  const before = existed ? statSync(join(root, file)).mtimeMs : 0;
  writeFileSync(join(root, file), text);
  const after = Math.max(Date.now(), before + 1000) / 1000;
  utimesSync(join(root, file), after, after);
}

/**
 * Runs the compiled main.ts of a project in a fresh node, as bin/run.js does, and
 * returns what it printed; with `startAt` (a Date.now() time), it waits until then
 * first, so that processes started together build at the same moment.
 */
async function runMain(root: string, startAt = 0): Promise<string> {
  const build = JSON.stringify(join(PROJECT_ROOT, 'bin/build.js'));
  const code = [
    `while (Date.now() < ${startAt}) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1);`,
    `require(require(${build}).programFile('main.ts', process.argv[1]));`,
  ].join('\n');
  return (await run(process.execPath, ['-e', code, root])).stdout;
}

const GREETING_MAIN = "import { greeting } from './src/greeting';\nconsole.log(greeting);\n";

describe('bin/build.js, the compiled copy of the sources that bin/ runs', () => {
  it('compiles the sources once, and runs them from the same build while nothing changes', async () => {
    const root = makeProject({
      'main.ts': GREETING_MAIN,
      'src/greeting.ts': "export const greeting: string = 'hello';\n",
    });
    const first = ensureBuild(root);
    const compiledAt = statSync(join(first, 'src/greeting.js')).mtimeMs;

    expect(await runMain(root)).toBe('hello\n');
    expect(ensureBuild(root)).toBe(first);
    expect(statSync(join(first, 'src/greeting.js')).mtimeMs).toBe(compiledAt);
  });

  it('compiles an edited source again before the next run loads it', async () => {
    const root = makeProject({
      'main.ts': GREETING_MAIN,
      'src/greeting.ts': "export const greeting: string = 'hello';\n",
    });
    expect(await runMain(root)).toBe('hello\n');

    writeSource(root, 'src/greeting.ts', "export const greeting: string = 'howdy';\n");

    expect(await runMain(root)).toBe('howdy\n');
  });

  it('leaves a deleted source out of the next build, so nothing can still load its old copy', () => {
    const root = makeProject({ 'main.ts': GREETING_MAIN, 'src/greeting.ts': "export const greeting = 'hello';\n" });
    writeSource(root, 'src/farewell.ts', "export const farewell = 'bye';\n");
    expect(existsSync(compiledFile('src/farewell.ts', root))).toBe(true);

    unlinkSync(join(root, 'src/farewell.ts'));

    expect(existsSync(compiledFile('src/farewell.ts', root))).toBe(false);
    expect(existsSync(compiledFile('src/greeting.ts', root))).toBe(true);
  });

  it('names the file and line of a syntax error and publishes no build', () => {
    const root = makeProject({ 'main.ts': GREETING_MAIN, 'src/greeting.ts': 'export const greeting = ;\n' });

    expect(() => ensureBuild(root)).toThrow(/^cannot compile the TypeScript sources:\nsrc\/greeting\.ts:1:\d+: /);
    expect(readdirSync(join(root, 'node_modules/.cache/cross-account'))).toEqual([]);
  });

  it('gives processes that start at the same time one complete build, and leaves no half-written folder', async () => {
    const root = makeProject({ 'main.ts': GREETING_MAIN, 'src/greeting.ts': "export const greeting = 'hello';\n" });

    const startAt = Date.now() + 1500;
    const outputs = await Promise.all([runMain(root, startAt), runMain(root, startAt), runMain(root, startAt)]);

    expect(outputs).toEqual(['hello\n', 'hello\n', 'hello\n']);
    expect(readdirSync(join(root, 'node_modules/.cache/cross-account'))).toEqual([ensureBuild(root).split('/').at(-1)]);
  });

  it("keeps V8's compiled code in the build's folder on Node 22 and later, and writes nothing there on Node 20", async () => {
    const root = makeProject({ 'main.ts': GREETING_MAIN, 'src/greeting.ts': "export const greeting = 'hello';\n" });

    expect(await runMain(root)).toBe('hello\n');

    const cache = join(ensureBuild(root), 'compile-cache');
    const nodeMajor = Number(process.versions.node.split('.')[0]);
    if (nodeMajor >= 22) expect(readdirSync(cache, { recursive: true }).length).toBeGreaterThan(0);
    else expect(existsSync(cache)).toBe(false);
  });
});
