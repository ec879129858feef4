import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli } from './support/run-cli';
import { tempFolder } from './support/temp-folder';

const fixture = (name: string) => join(__dirname, 'fixtures/diff', `${name}.yaml`);

/**
 * A git repository of its own (never the project's), whose history is:
 * v1 (base.yaml) → broken (a YAML syntax error) → old-schema (keys this version
 * refuses) → HEAD (base.yaml again), with a clean work tree.
 */
function makeRepository(): { repo: string; settings: string; git: (...args: string[]) => string } {
  const repo = tempFolder('diff-git-');
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', ...args], {
      cwd: repo,
      encoding: 'utf8',
    });
  const settings = join(repo, 'config', 'default.yaml');
  const commit = (text: string, tag: string) => {
    writeFileSync(settings, text);
    git('add', '.');
    git('commit', '-q', '-m', tag);
    git('tag', tag);
  };
  git('init', '-q', '-b', 'main');
  mkdirSync(join(repo, 'config'));
  const base = readFileSync(fixture('base'), 'utf8');
  commit(base, 'v1');
  commit(`${base}users: [\n`, 'broken');
  commit(
    base
      .replace('identityAccount: dev', 'identityAccount: dev\ntrustingAccount: prod')
      .replace('    account: prod\n', '    account: prod\n    readOnly: true\n'),
    'old-schema',
  );
  commit(base, 'current');
  return { repo, settings, git };
}

/** Runs diff on the repository's settings file and checks that it wrote nothing in its work tree. */
async function diffIn(repository: ReturnType<typeof makeRepository>, ...args: string[]) {
  const before = readFileSync(repository.settings, 'utf8');
  const status = repository.git('status', '--porcelain', '--ignored');
  const result = await cli('diff', '--head', repository.settings, ...args);
  expect(repository.git('status', '--porcelain', '--ignored')).toBe(status);
  expect(readFileSync(repository.settings, 'utf8')).toBe(before);
  expect(existsSync(join(repository.repo, 'cdktf.out'))).toBe(false);
  return result;
}

describe('cross-account diff --base <git revision>', () => {
  const repository = makeRepository();

  it('is empty for --base HEAD on a clean tree', async () => {
    const { code, stdout, stderr } = await diffIn(repository, '--base', 'HEAD', '--format', 'json');
    expect([code, stderr]).toEqual([0, '']);
    expect(JSON.parse(stdout)).toEqual({ gained: [], lost: [] });
  });

  it('reads the base from git, not from the work tree, and leaves the edited file alone', async () => {
    copyFileSync(fixture('john-to-testers'), repository.settings);
    try {
      const { code, stdout } = await diffIn(repository, '--base', 'HEAD', '--format', 'json');
      expect(code).toBe(0);
      expect(JSON.parse(stdout).lost.map((entry: { principal: string }) => entry.principal)).toEqual(['John']);
      expect(repository.git('status', '--porcelain')).toBe(' M config/default.yaml\n');
    } finally {
      repository.git('checkout', '--', 'config/default.yaml');
    }
  });

  it('names the revision and its commit in the summary line', async () => {
    const commit = repository.git('rev-parse', '--short', 'v1').trim();
    const { stdout } = await diffIn(repository, '--base', 'v1');
    expect(stdout.split('\n')[0]).toBe(
      `Access diff v1:config/default.yaml (${commit}) -> ${repository.settings}: no access gained or lost (14 requests compared)`,
    );
  });

  it('names a revision given as a commit hash by its short hash', async () => {
    const hash = repository.git('rev-parse', 'v1').trim();
    const { stdout } = await diffIn(repository, '--base', hash);
    expect(stdout.split('\n')[0]).toMatch(
      new RegExp(`^Access diff ${hash.slice(0, 7)}[0-9a-f]*:config/default\\.yaml -> `),
    );
  });

  it('reads another file of the revision with <revision>:<path>', async () => {
    const other = join(repository.repo, 'config', 'other.yaml');
    const { code, stderr } = await diffIn(repository, '--base', `v1:${other}`);
    expect([code, stderr]).toEqual([1, '--base v1:' + other + ': revision v1 has no config/other.yaml\n']);
  });

  it('refuses a revision that does not exist with one line', async () => {
    const { code, stderr } = await diffIn(repository, '--base', 'no-such-branch');
    expect(code).toBe(1);
    expect(stderr).toBe(
      '--base no-such-branch: no file or folder of that name, and no git revision of that name in ' +
        `${repository.repo}\n`,
    );
  });

  it('refuses a revision whose settings file does not parse, naming the revision and the file', async () => {
    const { code, stderr } = await diffIn(repository, '--base', 'broken');
    expect(code).toBe(1);
    expect(stderr).toMatch(
      /^--base broken: broken:config\/default\.yaml: line \d+, column \d+: YAML syntax error: .*\n$/,
    );
  });

  it('says in one line that a base written for an older schema has keys this version refuses', async () => {
    const { code, stderr } = await diffIn(repository, '--base', 'old-schema');
    expect(code).toBe(1);
    expect(stderr).toBe(
      '--base old-schema: old-schema:config/default.yaml was written for an older settings schema: ' +
        'roles[0].readOnly, trustingAccount are keys this version does not know; ' +
        'update the settings at that revision, or pass --base a cdktf.out folder synthesized from it\n',
    );
  });

  it('refuses an option-like revision instead of passing it to git', async () => {
    const { code, stderr } = await diffIn(repository, '--base=--output=/tmp/x');
    expect(code).toBe(1);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});
