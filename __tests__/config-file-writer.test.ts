// The module object itself (not a namespace copy), so jest.spyOn reaches the writer's calls.
import fs from 'node:fs';
import {
  chmodSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { updateConfigFile } from '../src/aws-config/config-file-writer';
import type { ConfigSection } from '../src/aws-config/config-file-sections';
import { assertWritableSection } from '../src/aws-config/config-file-grammar';
import { writeProfiles } from '../src/cli/profiles-command';
import { UserError } from '../src/user-error';
import { startCliProcess } from './support/cli-process';
import { cli } from './support/run-cli';
import { synthesizeFileToOutdir } from './support/synthesized-outdir';
import { tempFolder } from './support/temp-folder';

// `profiles` writes into every teammate's ~/.aws/config: one writer, atomic (temp file in the
// same folder, fsync, rename), refusing any text that could add a line or a section of its own.

const USER_CONFIG = "# David's profiles\n[default]\nregion = eu-west-1\n\n[profile acc]\nsso_session = work\n";
let outdir: string;
let hardenedOutdir: string;

beforeAll(() => {
  outdir = synthesizeFileToOutdir('config/examples/acc-to-prod-s3.yaml');
  hardenedOutdir = synthesizeFileToOutdir('config/examples/hardened.yaml');
});
afterEach(() => jest.restoreAllMocks());

function configFolder(text = USER_CONFIG): { folder: string; file: string } {
  const folder = tempFolder('aws-config-');
  const file = join(folder, 'config');
  writeFileSync(file, text);
  return { folder, file };
}

const backupsIn = (folder: string) => readdirSync(folder).filter((name) => name.endsWith('.bak'));

describe('writing the AWS config file', () => {
  it('never writes into the old file: a hard link to it still holds the old text (a kill mid-write cannot truncate it)', () => {
    const { folder, file } = configFolder();
    linkSync(file, join(folder, 'old-config'));
    writeProfiles({ config: 'config/examples/acc-to-prod-s3.yaml', configFile: file, outdir });
    expect(readFileSync(file, 'utf8')).toContain('[profile prod-s3]');
    expect(readFileSync(join(folder, 'old-config'), 'utf8')).toBe(USER_CONFIG);
  });

  it('writes a temp file in the same folder, fsyncs it, then renames it over the file, after a backup', () => {
    const { folder, file } = configFolder();
    const calls: string[] = [];
    const realRename = fs.renameSync;
    const rename = jest.spyOn(fs, 'renameSync');
    jest.spyOn(fs, 'fsyncSync').mockImplementation((fd) => void calls.push(`fsync ${fd}`));
    rename.mockImplementation((from, to) => {
      calls.push('rename');
      realRename(from, to);
    });
    writeProfiles({ config: 'config/examples/acc-to-prod-s3.yaml', configFile: file, outdir });
    expect(calls.indexOf('rename')).toBeGreaterThan(0);
    expect(calls[0]).toMatch(/^fsync \d+$/);
    const [from, to] = rename.mock.calls[0];
    expect(String(from).startsWith(`${folder}/`)).toBe(true);
    expect(to).toBe(file);
    expect(readdirSync(folder).sort()).toEqual(['config', backupsIn(folder)[0]].sort());
    expect(readFileSync(join(folder, backupsIn(folder)[0]), 'utf8')).toBe(USER_CONFIG);
  });

  it("keeps the file's mode", () => {
    const { file } = configFolder();
    chmodSync(file, 0o640);
    writeProfiles({ config: 'config/examples/acc-to-prod-s3.yaml', configFile: file, outdir });
    expect(statSync(file).mode & 0o7777).toBe(0o640);
  });

  it('writes through a symlinked config to its target and keeps the link', () => {
    const { folder, file: target } = configFolder();
    chmodSync(target, 0o600);
    const link = join(tempFolder('aws-home-'), 'config');
    symlinkSync(target, link);
    const { report } = writeProfiles({ config: 'config/examples/acc-to-prod-s3.yaml', configFile: link, outdir });
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.readlinkSync(link)).toBe(target);
    expect(readFileSync(target, 'utf8')).toContain('[profile prod-s3]');
    expect(statSync(target).mode & 0o7777).toBe(0o600);
    expect(backupsIn(folder)).toHaveLength(1);
    expect(report).toContain(`wrote     ${target} (through the link ${link})`);
  });

  it.each(['writeFileSync', 'fsyncSync', 'copyFileSync', 'renameSync'] as const)(
    'leaves the file as it was, with no backup and no temp file, when %s fails',
    (step) => {
      const { folder, file } = configFolder();
      jest.spyOn(fs, step).mockImplementation(() => {
        throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      });
      expect(() => writeProfiles({ config: 'config/examples/acc-to-prod-s3.yaml', configFile: file, outdir })).toThrow(
        new UserError(`could not write ${file} (ENOSPC: no space left on device): it is left as it was`),
      );
      jest.restoreAllMocks();
      expect(readFileSync(file, 'utf8')).toBe(USER_CONFIG);
      expect(readdirSync(folder)).toEqual(['config']);
    },
  );
});

describe('a write killed with SIGKILL before its rename', () => {
  const tempFilesIn = (folder: string) => readdirSync(folder).filter((name) => name.endsWith('.tmp'));

  it('leaves the old file whole, and its temp file is removed by the next write', async () => {
    const { folder, file } = configFolder();
    const killed = await startCliProcess(
      ['profiles', '--config', 'config/examples/acc-to-prod-s3.yaml', '--outdir', outdir, '--config-file', file],
      {
        ...process.env,
        NODE_OPTIONS: `--require ${join(__dirname, 'support/kill-before-rename.js')}`,
        KILL_BEFORE_RENAME_TO: file,
      },
    ).finished;
    expect(killed.signal).toBe('SIGKILL');
    expect(readFileSync(file, 'utf8')).toBe(USER_CONFIG);
    expect(tempFilesIn(folder)).toHaveLength(1);

    writeProfiles({ config: 'config/examples/acc-to-prod-s3.yaml', configFile: file, outdir });
    expect(readFileSync(file, 'utf8')).toContain('[profile prod-s3]');
    expect(tempFilesIn(folder)).toEqual([]);
  });

  it("keeps a temp file whose process still runs (another write in progress), and other programs' files", () => {
    const { folder, file } = configFolder();
    const running = `.config.${process.ppid}.0123abcd.tmp`;
    const others = ['.config.swp', '.config.tmp', 'config.12345.0123abcd.tmp', '.credentials.999999.0123abcd.tmp'];
    for (const name of [running, ...others]) writeFileSync(join(folder, name), 'x');
    writeProfiles({ config: 'config/examples/acc-to-prod-s3.yaml', configFile: file, outdir });
    expect(readdirSync(folder)).toEqual(expect.arrayContaining([running, ...others]));
  });
});

describe('profiles refuses a config file it cannot replace: one line, exit 1, nothing written', () => {
  async function profiles(file: string) {
    return cli(
      'profiles',
      '--config-file',
      file,
      '--outdir',
      outdir,
      '--config',
      'config/examples/acc-to-prod-s3.yaml',
    );
  }

  it('a read-only file', async () => {
    const { folder, file } = configFolder();
    chmodSync(file, 0o444);
    expect(await profiles(file)).toEqual({
      code: 1,
      stdout: '',
      stderr: `${file} is read-only: make it writable (chmod u+w ${file}) or pass --config-file <another file>\n`,
    });
    expect(readFileSync(file, 'utf8')).toBe(USER_CONFIG);
    expect(readdirSync(folder)).toEqual(['config']);
  });

  it('a read-only folder', async () => {
    const { folder, file } = configFolder();
    chmodSync(folder, 0o555);
    try {
      expect(await profiles(file)).toEqual({
        code: 1,
        stdout: '',
        stderr: `cannot write ${file}: its folder ${folder} is read-only (the file is replaced through a temp file there): make the folder writable, or pass --config-file <a file in another folder>\n`,
      });
      expect(readdirSync(folder)).toEqual(['config']);
    } finally {
      chmodSync(folder, 0o755);
    }
    expect(readFileSync(file, 'utf8')).toBe(USER_CONFIG);
  });

  it('a parent that is a file', async () => {
    const { file: parent } = configFolder();
    const file = join(parent, 'config');
    expect(await profiles(file)).toEqual({
      code: 1,
      stdout: '',
      stderr: `cannot write ${file}: ${parent} is a file, not a folder: pass --config-file <file> or set AWS_CONFIG_FILE\n`,
    });
    expect(readFileSync(parent, 'utf8')).toBe(USER_CONFIG);
  });

  it('a path that is a folder', async () => {
    const folder = tempFolder('aws-config-');
    const file = join(folder, 'config');
    mkdirSync(file);
    expect(await profiles(file)).toEqual({
      code: 1,
      stdout: '',
      stderr: `${file} is a folder, not a file: pass --config-file <file> or set AWS_CONFIG_FILE to a file\n`,
    });
    expect(readdirSync(folder)).toEqual(['config']);
  });
});

describe('profiles refuses text that would inject lines into the config file', () => {
  const EVIL = '\n[profile evil]\ncredential_process = /tmp/evil.sh';

  it('in --user, which becomes role_session_name', () => {
    const { folder, file } = configFolder();
    expect(() =>
      writeProfiles({
        config: 'config/examples/hardened.yaml',
        configFile: file,
        outdir: hardenedOutdir,
        user: `John${EVIL}`,
      }),
    ).toThrow(
      new UserError(
        '--user "John\\n[profile evil]\\ncredential_process = /tmp/evil.sh": must be your IAM user name: 1 to 64 letters, digits and + = , . @ _ -',
      ),
    );
    expect(readFileSync(file, 'utf8')).toBe(USER_CONFIG);
    expect(readdirSync(folder)).toEqual(['config']);
  });

  it('in a value that reached the config file check all the same (its last line of defence)', () => {
    expect(() =>
      assertWritableSection({
        name: 'profile S3ProductionAccessRole',
        entries: [['mfa_serial', `arn:aws:iam::111111111111:mfa/John${EVIL}`]],
      }),
    ).toThrow(
      new UserError(
        'refusing to write [profile S3ProductionAccessRole] to the AWS config file: the value of mfa_serial "arn:aws:iam::111111111111:mfa/John\\n[profile evil]\\ncredential_process = /tmp/evil.sh" holds a line break (U+000A): config values are one line of printable characters without spaces, #, ;, [ or ]',
      ),
    );
  });

  it('in --mfa-serial', () => {
    const { file } = configFolder();
    const mfaSerial = `arn:aws:iam::111111111111:mfa/John${EVIL}`;
    expect(() =>
      writeProfiles({
        config: 'config/examples/hardened.yaml',
        configFile: file,
        outdir: hardenedOutdir,
        user: 'John',
        mfaSerial,
      }),
    ).toThrow(
      /^--mfa-serial must be an MFA device ARN \(arn:aws:iam::<account>:mfa\/<name>\) or a hardware token's serial/,
    );
    expect(readFileSync(file, 'utf8')).toBe(USER_CONFIG);
  });

  it('in a profile name of a synthesized stack that bypassed the settings schema (defence in depth)', () => {
    const tampered = synthesizeFileToOutdir('config/examples/acc-to-prod-s3.yaml');
    const manifest = JSON.parse(readFileSync(join(tampered, 'manifest.json'), 'utf8'));
    const stackFile = join(
      tampered,
      Object.values<{ synthesizedStackPath: string }>(manifest.stacks)[0].synthesizedStackPath,
    );
    const stack = JSON.parse(readFileSync(stackFile, 'utf8'));
    const output = Object.values<{ value: Record<string, string> }>(stack.output).find((o) => o.value.profile_name);
    output!.value.profile_name = `prod-s3]${EVIL}`;
    writeFileSync(stackFile, JSON.stringify(stack));
    const { file } = configFolder();
    expect(() =>
      writeProfiles({ config: 'config/examples/acc-to-prod-s3.yaml', configFile: file, outdir: tampered }),
    ).toThrow(
      /^refusing to write \[profile prod-s3\]\\n\[profile evil\]\\ncredential_process = \/tmp\/evil.sh\] to the AWS config file: the profile name .* holds "\]"/,
    );
    expect(readFileSync(file, 'utf8')).toBe(USER_CONFIG);
  });
});

describe('the one check every section passes before it is written', () => {
  const section = (name: string, key = 'region', value = 'us-east-1'): ConfigSection => ({
    name,
    entries: [[key, value]],
  });
  const bad: [string, ConfigSection, string][] = [
    ['a line break in the profile name', section('profile a\n[profile b]'), 'holds a line break (U+000A)'],
    ['a carriage return in the profile name', section('profile a\rb'), 'holds a carriage return (U+000D)'],
    ['"]" in the profile name', section('profile a]b'), 'holds "]"'],
    ['"[" in the profile name', section('profile [a'), 'holds "["'],
    ['a space in the profile name', section('profile a b'), 'holds a space'],
    ['"=" in the profile name', section('profile a=b'), 'holds "="'],
    ['"#" in the profile name', section('profile a#b'), 'holds "#"'],
    ['";" in the profile name', section('profile a;b'), 'holds ";"'],
    ['a quote in the profile name', section('profile "a"'), 'holds "\\""'],
    ['an empty profile name', section('profile '), 'is empty'],
    ['__proto__ as the profile name', section('profile __proto__'), 'is reserved'],
    ['a header that is not a profile', section('sso-session work'), 'is not [default] or [profile <name>]'],
    ['a line break in a key', section('profile a', 'region\ncredential_process', 'x'), 'is not a config key'],
    ['"=" in a key', section('profile a', 'a=b', 'x'), 'is not a config key'],
    ['a space in a key', section('profile a', 'role arn', 'x'), 'is not a config key'],
    ['"[" in a key', section('profile a', '[profile', 'x'), 'is not a config key'],
    ['an upper-case key', section('profile a', 'Region', 'x'), 'is not a config key'],
    [
      'a line break in a value',
      section('profile a', 'region', 'us-east-1\n[profile b]'),
      'holds a line break (U+000A)',
    ],
    [
      'a carriage return in a value',
      section('profile a', 'region', 'us-east-1\rx'),
      'holds a carriage return (U+000D)',
    ],
    ['a Unicode line separator in a value', section('profile a', 'region', 'us-east-1\u2028x'), 'holds U+2028'],
    ['a NEL in a value', section('profile a', 'region', 'us-east-1\u0085x'), 'holds U+0085'],
    ['a form feed in a value', section('profile a', 'region', 'us-east-1\fx'), 'holds U+000C'],
    ['a tab in a value', section('profile a', 'region', 'us-east-1\tx'), 'holds a tab (U+0009)'],
    ['a space in a value', section('profile a', 'region', 'us-east-1 # x'), 'holds a space'],
    ['"#" in a value', section('profile a', 'region', 'us-east-1#x'), 'holds "#"'],
    ['";" in a value', section('profile a', 'region', 'us-east-1;x'), 'holds ";"'],
    ['"[" in a value', section('profile a', 'region', '[profile b]'), 'holds "["'],
    ['an empty value', section('profile a', 'region', ''), 'is empty'],
  ];

  it.each(bad)('refuses %s', (_name, badSection, reason) => {
    const { folder, file } = configFolder();
    let thrown: unknown;
    try {
      updateConfigFile({ file, sections: [badSection], managedKeys: ['region'] });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(UserError);
    expect((thrown as UserError).message).toContain(reason);
    expect((thrown as UserError).message).not.toMatch(/[\r\n\u2028\u0085\f\t]/);
    expect(readFileSync(file, 'utf8')).toBe(USER_CONFIG);
    expect(readdirSync(folder)).toEqual(['config']);
  });

  it('writes the profiles, keys and values AWS uses', () => {
    const { file } = configFolder();
    const result = updateConfigFile({
      file,
      sections: [
        {
          name: 'profile team/prod-s3@eu:1+x%2.y_z-w',
          entries: [
            ['role_arn', 'arn:aws:iam::222222222222:role/path/acc-to-read+=,.@-_'],
            ['external_id', 'a+b=c,d.e@f:g/h-i_j'],
          ],
        },
        { name: 'default', entries: [['region', 'us-gov-west-1']] },
      ],
      managedKeys: ['role_arn', 'external_id', 'region'],
    });
    expect(result.changes.map((change) => change.status)).toEqual(['added', 'updated']);
    expect(readFileSync(file, 'utf8')).toContain(
      '[profile team/prod-s3@eu:1+x%2.y_z-w]\nrole_arn = arn:aws:iam::222222222222:role/path/acc-to-read+=,.@-_\nexternal_id = a+b=c,d.e@f:g/h-i_j\n',
    );
  });
});
