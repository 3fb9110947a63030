import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { renderMessage, renderTemplate } from '../../src/engine/render-template.js';
import type { EvaluationContext, Scope } from '../../src/facts/scope.js';

const render = suite('render-template: own properties only');

const context = {
  asOf: '2024-06-30',
  lang: 'fr',
  sharedFacts: { mode: 'centralisé' },
  data: {},
  snapshot: { partner: { data: { name: 'CA2C', convention: { signed_on: '2023-05-02' } } } },
} as unknown as EvaluationContext;
const scope: Scope = { context, params: { max: 3 }, record: { last_name: 'Dupont', at: Date.UTC(2024, 0, 2, 12) }, subject: { type: 'user', id: 'U1' }, facts: { late: { due: '2024-01-31' } } };

render('what objects inherit renders as nothing', () => {
  for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'record.constructor', 'record.toString', 'param.constructor', 'late.valueOf', 'convention.__proto__', 'subject.constructor', 'record.constructor_date']) {
    assert.is(renderTemplate(`{${name}}`, scope, 'fr'), '—', name);
    assert.is(renderMessage(`{${name}}`, scope, 'fr', { matched: [] }), '—', name);
  }
});

render('own values still render: facts, shared facts, partner keys, record fields and their dates, params, subject', () => {
  assert.is(
    renderTemplate('{record.last_name} {record.at_date} {late.due} {mode} {name} {convention.signed_on} {param.max} {subject.id} {as_of}', scope, 'en'),
    'Dupont 2024-01-02 2024-01-31 centralisé CA2C 2023-05-02 3 U1 2024-06-30',
  );
  assert.is(renderTemplate('{record.first_name|record.last_name}', scope, 'fr'), 'Dupont');
  assert.is(renderMessage('{matched}', scope, 'fr', { matched: ['a', 'b'] }), 'a, b');
});

render.run();
