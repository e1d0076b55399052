import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { workflowProblems } from '../../scripts/lint-workflows';

const good = `name: CI
on: [push]
jobs:
  test:
    runs-on: ubuntu-24.04
    steps:
      - uses: actions/checkout@v4
      - name: Build
        env:
          TITLE: \${{ github.event.head_commit.message }}
        run: |
          echo "$TITLE"
          npm run build -- --base=/\${{ github.event.repository.name }}/
`;

describe('the workflow check (npm run lint:workflows)', () => {
  it('passes the workflows in .github/workflows', () => {
    const files = readdirSync('.github/workflows');
    expect(files).toEqual(expect.arrayContaining(['ci.yml', 'pages.yml']));
    for (const f of files)
      expect(workflowProblems(f, readFileSync(`.github/workflows/${f}`, 'utf8'))).toEqual([]);
  });

  it('passes a valid workflow', () => {
    expect(workflowProblems('good.yml', good)).toEqual([]);
  });

  it('finds a key the schema does not know, and a job without runs-on', () => {
    const bad = good.replace('runs-on: ubuntu-24.04', 'runs_on: ubuntu-24.04');
    expect(workflowProblems('bad.yml', bad).length).toBeGreaterThan(0);
    expect(workflowProblems('bad.yml', bad).join('\n')).toMatch(/^bad\.yml: /);
  });

  it('finds YAML that does not parse', () => {
    expect(workflowProblems('bad.yml', 'on: [push\njobs: {')).not.toEqual([]);
  });

  it('finds an action not pinned to a version', () => {
    expect(
      workflowProblems('bad.yml', good.replace('actions/checkout@v4', 'actions/checkout')),
    ).toEqual(['bad.yml:7: actions/checkout is not pinned to a version (@v4, @<sha>)']);
  });

  it('finds an untrusted expression pasted into a shell script', () => {
    const bad = good.replace('echo "$TITLE"', 'echo "${{ github.event.head_commit.message }}"');
    expect(workflowProblems('bad.yml', bad)).toEqual([
      'bad.yml:12: ${{ github.event.head_commit.message }} inside run: pass it through env: instead',
    ]);
  });
});
