/**
 * The parts of Python's `ast` module that the parser builds. Node kinds and field names follow
 * Python's, so that `exprName` gives the words Python uses in its messages ("function call",
 * "literal", ...).
 */
import type { PyValue } from '../values';
import type { FPiece } from './fstrings';

interface Node {
  /** Index of the node's first and last token. */
  first: number;
  last: number;
}

export type BinOperator =
  '+' | '-' | '*' | '/' | '//' | '%' | '**' | '@' | '<<' | '>>' | '&' | '|' | '^';
export type CmpOperator = '==' | '!=' | '<' | '<=' | '>' | '>=' | 'in' | 'not in' | 'is' | 'is not';

export interface Keyword {
  /** null for `**mapping`. */
  arg: string | null;
  value: Expr;
}

export interface Comprehension {
  target: Expr;
  iter: Expr;
  ifs: Expr[];
}

export type Expr = Node &
  (
    | { kind: 'Name'; id: string }
    | {
        kind: 'Constant';
        value: PyValue;
        /** `...`, bytes, complex numbers: valid Python the evaluator refuses. */
        special?: 'ellipsis' | 'bytes' | 'complex';
        /** Why the value cannot be known here (e.g. a `\N{...}` escape). */
        unsupported?: string;
      }
    | { kind: 'JoinedStr'; pieces: FPiece[] }
    | { kind: 'Attribute'; value: Expr; attr: string }
    | { kind: 'Subscript'; value: Expr; slice: Expr }
    | { kind: 'Call'; func: Expr; args: Expr[]; keywords: Keyword[] }
    | { kind: 'BinOp'; left: Expr; op: BinOperator; right: Expr }
    | { kind: 'UnaryOp'; op: '+' | '-' | '~' | 'not'; operand: Expr }
    | { kind: 'BoolOp'; op: 'and' | 'or'; values: Expr[] }
    | { kind: 'Compare'; left: Expr; ops: CmpOperator[]; comparators: Expr[] }
    | { kind: 'List' | 'Tuple' | 'Set'; elts: Expr[] }
    | { kind: 'Dict'; keys: (Expr | null)[]; values: Expr[] }
    | { kind: 'Starred'; value: Expr }
    | { kind: 'Slice'; lower: Expr | null; upper: Expr | null; step: Expr | null }
    | { kind: 'IfExp'; test: Expr; body: Expr; orelse: Expr }
    | { kind: 'NamedExpr'; target: Expr; value: Expr }
    | { kind: 'Lambda'; body: Expr }
    | {
        kind: 'ListComp' | 'SetComp' | 'GeneratorExp';
        elt: Expr;
        generators: Comprehension[];
      }
    | { kind: 'DictComp'; key: Expr; elt: Expr; generators: Comprehension[] }
    | { kind: 'Await' | 'Yield' | 'YieldFrom'; value: Expr | null }
  );

export interface Alias {
  name: string;
  asname: string | null;
}

export type Stmt = Node &
  (
    | { kind: 'Expr'; value: Expr }
    | { kind: 'Assign'; targets: Expr[]; value: Expr }
    | { kind: 'AugAssign'; target: Expr; op: string; value: Expr }
    | { kind: 'AnnAssign'; target: Expr; annotation: Expr; value: Expr | null }
    | { kind: 'Delete'; targets: Expr[] }
    | { kind: 'Pass' | 'Break' | 'Continue' }
    | { kind: 'Return'; value: Expr | null }
    | { kind: 'Raise'; exc: Expr | null; cause: Expr | null }
    | { kind: 'Assert'; test: Expr; msg: Expr | null }
    | { kind: 'Global' | 'Nonlocal'; names: string[] }
    | { kind: 'Import'; names: Alias[] }
    | { kind: 'ImportFrom'; module: string | null; names: Alias[]; level: number }
    /** A compound statement (`if`, `for`, `def`, ...): recognised, not parsed. */
    | { kind: 'Compound'; keyword: string }
  );

/** `_PyPegen_get_expr_name`: how Python's messages name an expression. */
export function exprName(e: Expr): string {
  switch (e.kind) {
    case 'Attribute':
      return 'attribute';
    case 'Subscript':
      return 'subscript';
    case 'Starred':
      return 'starred';
    case 'Name':
      return 'name';
    case 'List':
      return 'list';
    case 'Tuple':
      return 'tuple';
    case 'Lambda':
      return 'lambda';
    case 'Call':
      return 'function call';
    case 'BoolOp':
    case 'BinOp':
    case 'UnaryOp':
      return 'expression';
    case 'GeneratorExp':
      return 'generator expression';
    case 'Yield':
    case 'YieldFrom':
      return 'yield expression';
    case 'Await':
      return 'await expression';
    case 'ListComp':
      return 'list comprehension';
    case 'SetComp':
      return 'set comprehension';
    case 'DictComp':
      return 'dict comprehension';
    case 'Dict':
      return 'dict literal';
    case 'Set':
      return 'set display';
    case 'JoinedStr':
      return 'f-string expression';
    case 'Constant':
      if (e.special === 'ellipsis') return 'ellipsis';
      if (e.value === null && !e.special) return 'None';
      if (e.value === true) return 'True';
      if (e.value === false) return 'False';
      return 'literal';
    case 'Compare':
      return 'comparison';
    case 'IfExp':
      return 'conditional expression';
    case 'NamedExpr':
      return 'named expression';
    case 'Slice':
      return 'slice';
  }
}

export type TargetsType = 'star' | 'del' | 'for';

/** `_PyPegen_get_invalid_target`: the part of an expression that cannot be assigned to. */
export function invalidTarget(e: Expr | null, type: TargetsType): Expr | null {
  if (e === null) return null;
  switch (e.kind) {
    case 'List':
    case 'Tuple':
      for (const elt of e.elts) {
        const bad = invalidTarget(elt, type);
        if (bad) return bad;
      }
      return null;
    case 'Starred':
      return type === 'del' ? e : invalidTarget(e.value, type);
    case 'Compare':
      if (type === 'for') return e.ops[0] === 'in' ? invalidTarget(e.left, type) : null;
      return e;
    case 'Name':
    case 'Subscript':
    case 'Attribute':
      return null;
    default:
      return e;
  }
}
