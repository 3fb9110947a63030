import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { compileForEach } from '../../src/rules/compile-for-each.js';
import { compileWhereClause } from '../../src/rules/compile-where.js';
import { conditionReads } from '../../src/rules/condition-types.js';
import { BUNDLED_RULES, loadRules } from '../../src/rules/load-rules.js';

// What the compile step now works out once per rule, in place of the memo caches that the
// selection, the grouping and the condition reads kept by text or by object.

const compiled = suite('where, for_each and condition reads compiled');

compiled('a where clause keeps its entries in order, and its not_exists sub-query compiled to any depth', () => {
  const inner = { user_id: '$row.user_id' };
  const clause = { profile: 'D1', not_exists: { from: 'users', where: { active: true, not_exists: { from: 'grants', where: inner } } }, service: 'AFAS' };
  const where = compileWhereClause(clause)!;
  assert.is(where.clause, clause);
  assert.equal(where.entries, Object.entries(clause));
  assert.is(where.notExists!.from, 'users');
  assert.is(where.notExists!.where!.clause, clause.not_exists.where);
  assert.is(where.notExists!.where!.notExists!.where!.clause, inner);
  assert.is(where.notExists!.where!.notExists!.where!.notExists, undefined);
  assert.is(compileWhereClause(undefined), undefined);
  assert.equal(compileWhereClause({})!.entries, []);
});

compiled('a group record holds the group_by fields, absent ones as null, a field named __proto__ as a field', () => {
  const build = compileForEach({ from: 'grants', group_by: ['user_id', '__proto__', 'scope_id'] }).keyRecord!;
  // JSON.parse makes `__proto__` an own field.
  const record = build(JSON.parse('{"user_id": "u1", "__proto__": "x", "other": 1}') as Record<string, unknown>);
  assert.equal(Object.entries(record), [['user_id', 'u1'], ['__proto__', 'x'], ['scope_id', null]]);
  assert.is(Object.getPrototypeOf(record), Object.prototype);
  assert.is(compileForEach({ from: 'grants' }).keyRecord, undefined);
});

compiled('every bundled rule: its for_each, its facts\' where and lookups, and its condition paths compiled as written', () => {
  const { rules } = loadRules([BUNDLED_RULES], undefined);
  let paths = 0;
  for (const rule of rules) {
    const forEach = rule.compiled.forEach;
    assert.is(forEach.where?.clause, rule.for_each.where, rule.id);
    assert.is(forEach.groupBy, rule.for_each.group_by, rule.id);
    for (const fact of rule.compiled.facts) {
      assert.is(fact.compiledWhere?.clause, fact.where, `${rule.id} ${fact.name}`);
      assert.equal(Object.keys(fact.compiledLookups), Object.keys(fact.lookups), `${rule.id} ${fact.name}`);
      for (const [name, lookup] of Object.entries(fact.lookups)) assert.is(fact.compiledLookups[name].where?.clause, lookup.where);
    }
    for (const read of conditionReads(rule.conditions)) {
      if (read.path === undefined) continue;
      paths++;
      assert.equal(read.keys, read.path.replace(/^\$\./, '').split('.'), `${rule.id} ${read.path}`);
    }
  }
  assert.ok(paths > 0 && rules.some((rule) => rule.compiled.forEach.keyRecord !== undefined));
});

compiled.run();
