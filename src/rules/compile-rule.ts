import { STREAMED_SOURCES } from '../snapshot/table-schemas.js';
import { compiledFact, type CompiledFact } from './compile-fact.js';
import { conditionReads, type ConditionRead } from './condition-types.js';
import { factColumns, whereColumns, withDateBases } from './fact-columns.js';
import { compileForEach, type CompiledForEach } from './compile-for-each.js';
import { applicabilitiesOf, type FactDefinition, type RuleDefinition, type WhereClause } from './rule-definition.js';

/** A fact of a rule, analysed with the rule's other facts. */
export interface CompiledRuleFact extends CompiledFact {
  readonly name: string;
  readonly definition: FactDefinition;
  readonly factsRead: readonly string[];
  /** Independent of the entity (no `$record`, `$subject`, `$row`, own or streamed records; only static facts before it). */
  readonly static: boolean;
}

/** The parts of a rule the analysis was made from, to tell a rule rebuilt with other facts. */
type Sources = Pick<RuleDefinition, 'facts' | 'conditions' | 'for_each' | 'needs' | 'subject' | 'applies_when' | 'evaluable_when'>;

/** What a rule reads, worked out once when it is loaded; left out of the rule's JSON (`vigie rules show` prints the rule as written). */
export class CompiledRule {
  constructor(
    private readonly sources: Sources,
    readonly facts: readonly CompiledRuleFact[],
    /** The fields of the visited record the decision can depend on; undefined when it depends on more. */
    readonly recordFieldsRead: readonly string[] | undefined,
    /** Whether the facts or conditions read the subject (else it is named only for findings). */
    readonly readsSubject: boolean,
    readonly readsStreams: boolean,
    readonly tables: readonly string[],
    /** The columns of their records it names (entities, facts, conditions, subject), sorted. */
    readonly columns: readonly string[],
    readonly forEach: CompiledForEach,
  ) {}

  describes(rule: Sources): boolean {
    const sources = this.sources;
    return (
      sources.facts === rule.facts &&
      sources.conditions === rule.conditions &&
      sources.for_each === rule.for_each &&
      sources.needs === rule.needs &&
      sources.subject === rule.subject &&
      sources.applies_when === rule.applies_when &&
      sources.evaluable_when === rule.evaluable_when
    );
  }

  get staticFacts(): readonly CompiledRuleFact[] {
    return this.facts.filter((fact) => fact.static);
  }

  toJSON(): undefined {
    return undefined;
  }
}

/** The rule's analysis: the one made at load when it still describes the rule, else made now. */
export function compiledRule(rule: RuleDefinition & { readonly compiled?: CompiledRule }): CompiledRule {
  return rule.compiled?.describes(rule) ? rule.compiled : compileRule(rule);
}

/** Analyses a rule (see CompiledRule). */
export function compileRule(rule: Omit<RuleDefinition, 'file'>): CompiledRule {
  const names = new Set(Object.keys(rule.facts));
  const facts: CompiledRuleFact[] = [];
  const staticNames = new Set<string>();
  for (const [name, definition] of Object.entries(rule.facts)) {
    const compiled = compiledFact(definition);
    const factsRead = compiled.reads.names.filter((root) => names.has(root));
    const { reads } = compiled;
    const entityFree = !compiled.streamed && !compiled.ownRecords && !reads.subject && !reads.wholeRecord && reads.recordFields.length === 0 && reads.rowFields.length === 0;
    const isStatic = entityFree && factsRead.every((read) => staticNames.has(read));
    if (isStatic) staticNames.add(name);
    facts.push({ ...compiled, name, definition, factsRead, static: isStatic });
  }
  const conditions = conditionReads(rule.conditions);
  return new CompiledRule(
    rule,
    facts,
    recordFieldsRead(facts, conditions),
    facts.some((fact) => fact.reads.subject) || conditions.some((read) => read.fact === 'subject'),
    STREAMED_SOURCES.has(rule.for_each.from) || facts.some((fact) => fact.streamed),
    tablesRead(rule),
    columnsRead(rule, facts),
    compileForEach(rule.for_each),
  );
}

function recordFieldsRead(facts: readonly CompiledRuleFact[], conditions: readonly ConditionRead[]): string[] | undefined {
  if (facts.some((fact) => fact.ownRecords || fact.reads.wholeRecord)) return undefined;
  const fields = new Set(facts.flatMap((fact) => fact.reads.recordFields));
  for (const read of conditions) {
    if (read.fact !== 'record') continue;
    if (!read.path) return undefined;
    fields.add(read.path.slice(2).split('.')[0]);
  }
  return [...fields].sort();
}

function tablesRead(rule: Omit<RuleDefinition, 'file'>): string[] {
  const tables = new Set<string>([...(rule.needs.tables ?? []), ...(rule.needs.optional_tables ?? []), rule.for_each.from]);
  const addWhere = (where: WhereClause | undefined): void => {
    const query = where?.not_exists;
    if (query === undefined) return;
    if (typeof query.from === 'string') tables.add(query.from);
    addWhere(query.where);
  };
  addWhere(rule.for_each.where);
  for (const definition of Object.values(rule.facts)) {
    if (typeof definition.from === 'string') tables.add(definition.from);
    addWhere(definition.where);
    for (const lookup of Object.values(definition.lookups ?? {})) {
      tables.add(lookup.from);
      addWhere(lookup.where);
    }
  }
  return [...tables].sort();
}

function columnsRead(rule: Omit<RuleDefinition, 'file'>, facts: readonly CompiledRuleFact[]): string[] {
  const columns = new Set<string>(whereColumns(rule.for_each.where));
  for (const field of rule.for_each.group_by ?? []) columns.add(field);
  for (const [, expression] of rule.subject.id.matchAll(/\{([\w.|]+)\}/g)) {
    for (const path of expression.split('|')) if (path.includes('.')) columns.add(path.split('.')[1]);
  }
  for (const column of Object.values(rule.needs.columns ?? {}).flat(2)) columns.add(column);
  for (const fact of facts) for (const column of factColumns(fact.definition, fact)) columns.add(column);
  const conditionTrees = [rule.conditions, ...applicabilitiesOf(rule).map((applicability) => applicability.conditions), rule.evaluable_when?.conditions];
  for (const read of conditionTrees.flatMap(conditionReads)) if (read.path) columns.add(read.path.slice(2).split('.')[0]);
  return withDateBases(columns);
}
