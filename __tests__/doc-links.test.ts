import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { parseSettings } from '../src/config';
import { headingSlugs, linkProblems } from '../tools/docs/doc-links';
import { documentFiles } from '../tools/docs/generated-docs';
import { PROJECT_ROOT } from './support/project';
import { tempFolder } from './support/temp-folder';

const fence = '```';

describe('the README and docs/', () => {
  it('point only at files, headings and paths inside the repository, and show code only from docs/examples/', () => {
    expect(linkProblems(PROJECT_ROOT, documentFiles(PROJECT_ROOT))).toEqual([]);
  });

  it('show YAML that is valid settings, put over the default settings (unless marked as another kind of YAML)', () => {
    const defaults = parseDocument(readFileSync(join(PROJECT_ROOT, 'config/default.yaml'), 'utf8')).toJS();
    const blocks = documentFiles(PROJECT_ROOT).flatMap((file) =>
      // Blocks inside list items are indented; their lines lose that indent.
      // A block right under `<!-- not settings: … -->` is YAML of another tool (a CI job), not checked here.
      [
        ...readFileSync(join(PROJECT_ROOT, file), 'utf8').matchAll(
          /^(<!-- not settings:.*-->\n\n?)?( *)```yaml\n([\s\S]*?)^\2```$/gm,
        ),
      ]
        .filter(([, notSettings]) => !notSettings)
        .map(([, , indent, yaml]) => [file, yaml.replace(new RegExp(`^${indent}`, 'gm'), '')] as const),
    );
    expect(blocks.map(([file]) => file)).toEqual(expect.arrayContaining(['docs/security.md', 'docs/verify.md']));
    for (const [file, yaml] of blocks) {
      const settings = JSON.stringify({ ...defaults, ...parseDocument(yaml).toJS() });
      expect(() => parseSettings(settings, `${file} block`, {})).not.toThrow();
    }
  });
});

describe('the docs link check', () => {
  const root = tempFolder('doc-links-');
  mkdirSync(join(root, 'docs'));
  writeFileSync(join(root, 'docs/settings.md'), '# Settings reference\n\n## `roles[]`\n');
  const page = (text: string) => {
    writeFileSync(join(root, 'README.md'), text);
    return linkProblems(root, ['README.md']);
  };

  it('accepts links to files and headings that exist, and to the web', () => {
    expect(page('[roles](docs/settings.md#roles), [cdktf](https://developer.hashicorp.com/terraform/cdktf)\n')).toEqual(
      [],
    );
  });

  it('names each link, anchor and repository path that points nowhere, and each path outside the clone', () => {
    expect(
      page(
        [
          'See [the bench](docs/bench.md) and [hardening](docs/settings.md#hardening).',
          'The tutorials are in `../shared/reference/`, the code in `src/verify/nothing.ts`.',
          '[up](../outside.md)',
          'As tutorial 004 does.',
        ].join('\n'),
      ),
    ).toEqual([
      'README.md:1: link docs/bench.md: docs/bench.md does not exist',
      'README.md:1: link docs/settings.md#hardening: docs/settings.md has no heading #hardening',
      'README.md:2: points outside the repository (\\.\\.\\/shared\\b)',
      'README.md:2: points outside the repository (\\bshared\\/reference\\b)',
      'README.md:2: src/verify/nothing.ts does not exist',
      'README.md:3: link ../outside.md leaves the repository',
      'README.md:4: points outside the repository (\\btutorials? \\d{3}\\b)',
    ]);
  });

  it('refuses a TypeScript block that is not a file of docs/examples/', () => {
    expect(page(`Run this:\n\n${fence}ts\nconst x = await f();\n${fence}\n`)).toEqual([
      'README.md:3: a ts block must show a file of docs/examples/ (<!-- example: … --> before it)',
    ]);
    expect(page(`<!-- example: docs/examples/x.ts -->\n\n${fence}ts\nconst x = 1;\n${fence}\n`)).toEqual([]);
  });

  it('gives headings the anchors GitHub gives them', () => {
    expect([
      ...headingSlugs(
        '# Settings reference\n## `roles[].bucketAccess[]`\n## `backend` with `type: local`\n## A\n## A\n',
      ),
    ]).toEqual(['settings-reference', 'rolesbucketaccess', 'backend-with-type-local', 'a', 'a-1']);
  });
});
