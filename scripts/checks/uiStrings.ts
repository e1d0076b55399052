/**
 * Every word the UI shows comes from the locale files: a scan of the React components for text
 * written into the markup itself (JSX text, user-visible string attributes, string literals
 * rendered as children). Code and protocol words may be written there (`clear_expired()`,
 * `HttpOnly`, `SECRET_KEY`); a word of English or Bangla may not.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { ALLOWED_LATIN, looksLikeCode } from './bangla';

/** Attributes a reader sees or hears. */
const VISIBLE_ATTRIBUTES = new Set([
  'title',
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'aria-valuetext',
  'placeholder',
  'alt',
  'label',
]);

export interface UiStringFinding {
  file: string;
  line: number;
  text: string;
}

/** Text that needs translating: a Bangla letter, or a Latin word that is neither code nor a
 * protocol word. Punctuation, arrows and digits need nothing. */
export function needsTranslation(text: string): boolean {
  if (/[\u0980-\u09FF]/.test(text)) return true;
  const tokens = text.match(/[^\s…·,;!?()[\]{}"“”‘’]+/g) ?? [];
  return tokens.some((raw) => {
    const token = raw.replace(/[:.]+$/, '');
    if (!/[A-Za-z]/.test(token)) return false;
    return !(ALLOWED_LATIN.has(token) || looksLikeCode(token));
  });
}

/** JSX text keeps HTML entities as written (`&gt;&gt;&gt;` is the Python prompt). */
function decodeEntities(text: string): string {
  const named: Record<string, string> = {
    gt: '>',
    lt: '<',
    amp: '&',
    quot: '"',
    apos: "'",
    nbsp: ' ',
  };
  return text.replace(/&(#x?[0-9a-f]+|\w+);/gi, (m, e: string) =>
    e.startsWith('#')
      ? String.fromCodePoint(parseInt(e.slice(e[1] === 'x' ? 2 : 1), e[1] === 'x' ? 16 : 10))
      : (named[e] ?? m),
  );
}

function* tsxFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* tsxFiles(path);
    else if (entry.name.endsWith('.tsx')) yield path;
  }
}

/** String literals an expression renders as text: `{'x'}`, `{a ? 'x' : 'y'}`, `{a && 'x'}`. */
function renderedStrings(node: ts.Expression): ts.StringLiteralLike[] {
  if (ts.isStringLiteralLike(node)) return [node];
  if (ts.isParenthesizedExpression(node)) return renderedStrings(node.expression);
  if (ts.isConditionalExpression(node))
    return [...renderedStrings(node.whenTrue), ...renderedStrings(node.whenFalse)];
  if (ts.isBinaryExpression(node)) {
    const op = node.operatorToken.kind;
    if (op === ts.SyntaxKind.AmpersandAmpersandToken) return renderedStrings(node.right);
    if (op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.QuestionQuestionToken)
      return [...renderedStrings(node.left), ...renderedStrings(node.right)];
  }
  return [];
}

export function scanSource(file: string, source: string): UiStringFinding[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const out: UiStringFinding[] = [];
  const report = (node: ts.Node, text: string) => {
    const clean = decodeEntities(text).replace(/\s+/g, ' ').trim();
    if (clean && needsTranslation(clean))
      out.push({
        file,
        line: sf.getLineAndCharacterOfPosition(node.getStart()).line + 1,
        text: clean,
      });
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) report(node, node.text);
    else if (ts.isJsxAttribute(node)) {
      const name = node.name.getText(sf);
      if (VISIBLE_ATTRIBUTES.has(name) && node.initializer) {
        if (ts.isStringLiteral(node.initializer)) report(node, node.initializer.text);
        else if (ts.isJsxExpression(node.initializer) && node.initializer.expression)
          for (const s of renderedStrings(node.initializer.expression)) report(s, s.text);
      }
    } else if (
      ts.isJsxExpression(node) &&
      node.expression &&
      (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))
    ) {
      for (const s of renderedStrings(node.expression)) report(s, s.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

/** Every component under `dir`, paths relative to `root`. */
export function scanUi(root: string, dir = 'src/ui'): UiStringFinding[] {
  const out: UiStringFinding[] = [];
  for (const path of tsxFiles(join(root, dir)))
    out.push(...scanSource(relative(root, path), readFileSync(path, 'utf8')));
  return out;
}
