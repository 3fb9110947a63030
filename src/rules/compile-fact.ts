import { STREAMED_SOURCES } from '../snapshot/table-schemas.js';
import { factKind } from './fact-kinds.js';
import type { FactKindName } from './fact-types.js';
import { referenceField, referenceRoot, referencesIn } from './references.js';
import type { FactDefinition, WhereClause } from './rule-definition.js';
import type { SubQuery } from './where-types.js';
import { compileSubQuery, compileWhereClause, type CompiledSubQuery, type CompiledWhere } from './compile-where.js';

/** The `where` entry that ties rows to the visited entity: `user_id: $record.user_id`. */
export interface FactJoin {
  readonly rowField: string;
  readonly recordField: string;
}

/** What a fact's references read, by root: `$param.NAME`, `$record.FIELD` (or `$record`), `$row.FIELD`, `$subject`, `$as_of`, `$data.NAME`. */
export interface FactReads {
  readonly params: readonly string[];
  readonly recordFields: readonly string[];
  readonly wholeRecord: boolean;
  readonly rowFields: readonly string[];
  readonly subject: boolean;
  readonly asOf: boolean;
  readonly data: readonly string[];
  /** Other roots: facts of the rule, lookups, shared facts, partner keys (`$approvers`, `$facility`). */
  readonly names: readonly string[];
}

/** A fact definition analysed once: what the machinery used to find again for every entity. */
export interface CompiledFact {
  readonly kind: FactKindName;
  readonly from: string | undefined;
  /** Over a streamed table (`from: traces`): aggregated by the streaming pass. */
  readonly streamed: boolean;
  /** An aggregate of the visited entity's own records (no `from`): it depends on the whole entity. */
  readonly ownRecords: boolean;
  readonly references: readonly string[];
  readonly reads: FactReads;
  readonly join: FactJoin | undefined;
  readonly where: WhereClause | undefined;
  /** Over a streamed table: the records found from each row (`$NAME.field` in its filter). */
  readonly lookups: Readonly<Record<string, SubQuery>>;
  readonly compiledWhere: CompiledWhere | undefined;
  readonly compiledLookups: Readonly<Record<string, CompiledSubQuery>>;
  /** Whether `where` refers to nothing (`{profile: D3}`): its test is the same for every entity. */
  readonly whereIsLiteral: boolean;
  /** The field an aggregate reads (`count_distinct: user_id`), or its value (`first: true`). */
  readonly field: unknown;
}

/** The aggregates over held records (kinds whose key names their field). */
const HELD_AGGREGATES: ReadonlySet<FactKindName> = new Set(['count', 'count_distinct', 'exists', 'first', 'values', 'min', 'max']);

const COMPILED = Symbol('vigie.compiledFact');

type Compilable = object & { [COMPILED]?: CompiledFact };

/** The analysis of a definition, made by the loader (or at first use) and kept on it as a hidden property: not enumerable, not JSON, not spread. */
export function compiledFact(definition: FactDefinition): CompiledFact {
  const compilable = definition as Compilable;
  const attached = compilable[COMPILED];
  if (attached !== undefined) return attached;
  const compiled = compileFact(definition);
  if (Object.isExtensible(definition)) Object.defineProperty(definition, COMPILED, { value: compiled });
  return compiled;
}

/** Analyses a definition (see CompiledFact); compiledFact keeps the result. */
export function compileFact(definition: FactDefinition): CompiledFact {
  const kind = factKind(definition);
  const { from, where } = definition;
  const references = referencesIn(definition);
  return {
    kind,
    from: typeof from === 'string' ? from : undefined,
    streamed: typeof from === 'string' && STREAMED_SOURCES.has(from),
    // Without `from`, an aggregate or the record list itself reads the visited entity's own records.
    ownRecords: typeof from !== 'string' && (HELD_AGGREGATES.has(kind) || kind === 'records'),
    references,
    reads: readsOf(references),
    join: joinOf(where),
    where,
    lookups: definition.lookups ?? {},
    compiledWhere: compileWhereClause(where),
    compiledLookups: Object.fromEntries(Object.entries(definition.lookups ?? {}).map(([name, lookup]) => [name, compileSubQuery(lookup)])),
    whereIsLiteral: where !== undefined && referencesIn(where).length === 0,
    field: kind !== 'records' && HELD_AGGREGATES.has(kind) ? definition[kind] : undefined,
  };
}

function joinOf(where: WhereClause | undefined): FactJoin | undefined {
  for (const [field, expected] of Object.entries(where ?? {})) {
    if (typeof expected === 'string' && expected.startsWith('$record.')) return { rowField: field, recordField: expected.slice('$record.'.length) };
  }
  return undefined;
}

function readsOf(references: readonly string[]): FactReads {
  const params = new Set<string>();
  const recordFields = new Set<string>();
  const rowFields = new Set<string>();
  const data = new Set<string>();
  const names = new Set<string>();
  let wholeRecord = false;
  let subject = false;
  let asOf = false;
  for (const reference of references) {
    const root = referenceRoot(reference);
    const field = referenceField(reference);
    switch (root) {
      case 'param':
      case 'params':
        if (field !== undefined) params.add(field);
        break;
      case 'record':
        if (field === undefined) wholeRecord = true;
        else recordFields.add(field);
        break;
      case 'row':
        if (field !== undefined) rowFields.add(field);
        break;
      case 'subject':
        subject = true;
        break;
      case 'as_of':
        asOf = true;
        break;
      case 'data':
        if (field !== undefined) data.add(field);
        break;
      default:
        names.add(root);
    }
  }
  return { params: [...params], recordFields: [...recordFields], wholeRecord, rowFields: [...rowFields], subject, asOf, data: [...data], names: [...names] };
}
