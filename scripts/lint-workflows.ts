/**
 * npm run lint:workflows — the GitHub Actions workflows in .github/workflows/ checked against
 * the workflow schema (SchemaStore's, via @action-validator/core: WebAssembly from npm, nothing
 * to download), plus what the schema cannot see: every `uses:` pinned to a version, and no
 * `${{ }}` expression pasted straight into a shell script (an injection risk: pass it through
 * `env:` instead) unless it is a repository or workflow name GitHub itself controls.
 * Exits 1 on any problem, naming the file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateWorkflow } from '@action-validator/core';

const DIR = '.github/workflows';

/** Expressions whose values come from GitHub, not from whoever opened an issue or a pull request. */
const SAFE_IN_RUN =
  /^\$\{\{\s*(github\.event\.repository\.name|github\.repository|github\.ref|steps\.[\w-]+\.outputs\.[\w-]+)\s*\}\}$/;

export function workflowProblems(file: string, text: string): string[] {
  const problems: string[] = [];
  for (const e of validateWorkflow(text).errors) {
    const where = 'path' in e ? e.path : e.location ? `line ${e.location.line}` : '';
    problems.push(
      `${file}: ${e.title}${where ? ` at ${where}` : ''}${e.detail ? `: ${e.detail}` : ''}`,
    );
  }
  const lines = text.split('\n');
  let runIndent = -1;
  lines.forEach((line, i) => {
    const indent = line.length - line.trimStart().length;
    const uses = /^\s*(?:-\s+)?uses:\s*(\S+)/.exec(line);
    if (uses && !/@[\w.-]+$/.test(uses[1] as string) && !(uses[1] as string).startsWith('./'))
      problems.push(`${file}:${i + 1}: ${uses[1]} is not pinned to a version (@v4, @<sha>)`);
    const run = /^(\s*)(?:-\s+)?run:\s*(.*)$/.exec(line);
    if (run) runIndent = indent;
    else if (runIndent >= 0 && line.trim() && indent <= runIndent) runIndent = -1;
    if (run || runIndent >= 0)
      for (const expr of line.match(/\$\{\{[^}]*\}\}/g) ?? [])
        if (!SAFE_IN_RUN.test(expr))
          problems.push(`${file}:${i + 1}: ${expr} inside run: pass it through env: instead`);
  });
  return problems;
}

const isMain = process.argv[1]?.endsWith('lint-workflows.ts');
if (isMain) {
  const files = readdirSync(DIR).filter((f) => /\.ya?ml$/.test(f));
  const problems = files.flatMap((f) =>
    workflowProblems(join(DIR, f), readFileSync(join(DIR, f), 'utf8')),
  );
  for (const p of problems) console.error(p);
  console.log(
    problems.length
      ? `${problems.length} problem(s) in ${files.length} workflow file(s)`
      : `${files.length} workflow file(s) valid: ${files.join(', ')}`,
  );
  process.exit(problems.length ? 1 : 0);
}
