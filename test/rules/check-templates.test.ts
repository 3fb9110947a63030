import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { loadRules } from '../../src/rules/load-rules.js';
import { formatRuleFileError } from '../../src/rules/rule-error.js';
import { ROOT, runCli } from '../cli/run-cli.js';

const templates = suite('rule templates resolved when the rule loads');

/** A rule over the partner's contacts, its texts given line by line (so that positions are known). */
function contactRule(id: string, texts: { message?: string; label?: string; subject?: string; evaluable?: string; applies?: string } = {}): string {
  return [
    `id: ${id}`,
    'severity: warning',
    `title: {fr: ${id}, en: ${id}}`,
    'source: {document: CONV, article: "1", quote: "une clause de la convention"}',
    'params: {max: 3}',
    'needs: {partner: [contacts]}',
    'for_each: {from: contacts}',
    `subject: {type: contact, id: "${texts.subject ?? '{record.role} {record.email|record.last_name}'}"}`,
    'facts:',
    '  phone_digits: {normalize: {value: $record.phone, remove: "[ .]"}}',
    'applies_when:',
    '  conditions: {all: [{fact: as_of, operator: isPresent, value: true}]}',
    `  otherwise: {fr: "${texts.applies ?? 'sans objet'}", en: "not applicable"}`,
    'evaluable_when:',
    '  conditions: {all: [{fact: as_of, operator: isPresent, value: true}]}',
    `  otherwise: {fr: "${texts.evaluable ?? 'au {as_of}, {param.max} au plus ({convention.signed_on})'}", en: "never"}`,
    'conditions:',
    '  any:',
    '    - {name: no_name, fact: record, path: $.last_name, operator: isAbsent, value: true}',
    'condition_labels:',
    `  no_name: {fr: "${texts.label ?? 'nom absent ({record.first_name}, {subject.id}, {phone_digits})'}", en: "no name"}`,
    'message:',
    `  fr: "${texts.message ?? '{record.first_name} {record.role} : {matched} ({management_mode}, {data.countries}, {as_of}, {subject.type})'}"`,
    '  en: "{record.first_name}: {matched}"',
    'remediation: {fr: "Compléter {partner.name}.", en: "Complete it."}',
    `obligation: {fr: ${id}, en: ${id}}`,
    '',
  ].join('\n');
}

function load(files: Readonly<Record<string, string>>): { ids: string[]; errors: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-templates-'));
  try {
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    const { rules, errors } = loadRules([dir], undefined);
    return { ids: rules.map((rule) => rule.id), errors: errors.map((error) => `${error.file.slice(dir.length + 1)}:${error.line}:${error.column} ${formatRuleFileError(error, 'en')}`) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

templates('what each text can show loads: record fields, facts, shared facts, partner keys, params, data, subject, matched, as_of', () => {
  assert.equal(load({ 'T-OK.yaml': contactRule('T-OK') }), { ids: ['T-OK'], errors: [] });
  // applies_when.otherwise: shared facts, partner keys, parameters and as_of.
  assert.equal(load({ 'T-APPLIES-OK.yaml': contactRule('T-APPLIES-OK', { applies: 'mode {management_mode} au {as_of}, {param.max} ({convention.signed_on})' }) }), { ids: ['T-APPLIES-OK'], errors: [] });
});

templates('a placeholder naming nothing is a rule error at its own line and column', () => {
  const { ids, errors } = load({
    'T-FIELD.yaml': contactRule('T-FIELD', { message: 'Contact {record.last_nmae}' }),
    'T-INHERITED.yaml': contactRule('T-INHERITED', { message: 'x {constructor} {record.toString}' }),
    'T-LABEL.yaml': contactRule('T-LABEL', { label: 'sans nom : {matched} {subject.name}' }),
    'T-PARAM.yaml': contactRule('T-PARAM', { subject: '{record.role} {param.min} {subject.id}' }),
    'T-EVALUABLE.yaml': contactRule('T-EVALUABLE', { evaluable: 'pas de {record.email} ni {data.pays}' }),
    'T-APPLIES.yaml': contactRule('T-APPLIES', { applies: 'mode {management_mode} {phone_digits} {record.role}' }),
  });
  assert.equal(ids, []);
  assert.equal(errors, [
    'T-APPLIES.yaml:13:43 {phone_digits}: « phone_digits » is nothing this text can show (not a fact of the rule or a shared one, not a partner.yaml key, nor record, subject, param, data, as_of, matched where they apply)',
    'T-APPLIES.yaml:13:58 {record.role}: « record » is nothing this text can show (not a fact of the rule or a shared one, not a partner.yaml key, nor record, subject, param, data, as_of, matched where they apply)',
    'T-EVALUABLE.yaml:16:27 {record.email}: « record » is nothing this text can show (not a fact of the rule or a shared one, not a partner.yaml key, nor record, subject, param, data, as_of, matched where they apply)',
    'T-EVALUABLE.yaml:16:45 {data.pays}: no reference data « pays » (rules/_data)',
    'T-FIELD.yaml:23:16 {record.last_nmae}: records of contacts have no field « last_nmae »',
    'T-INHERITED.yaml:23:10 {constructor}: « constructor » is nothing this text can show (not a fact of the rule or a shared one, not a partner.yaml key, nor record, subject, param, data, as_of, matched where they apply)',
    'T-INHERITED.yaml:23:24 {record.toString}: records of contacts have no field « toString »',
    'T-LABEL.yaml:21:29 {matched}: « matched » is nothing this text can show (not a fact of the rule or a shared one, not a partner.yaml key, nor record, subject, param, data, as_of, matched where they apply)',
    'T-LABEL.yaml:21:39 {subject.name}: the subject has only type and id, not « name »',
    'T-PARAM.yaml:8:45 {param.min}: parameter « min » not declared by the rule',
    'T-PARAM.yaml:8:57 {subject.id}: « subject » is nothing this text can show (not a fact of the rule or a shared one, not a partner.yaml key, nor record, subject, param, data, as_of, matched where they apply)',
  ]);
});

templates('grouped entities show their group_by fields only; a table rule its table’s columns and their dates', () => {
  const rule = (id: string, groupBy: string, message: string) =>
    [
      `id: ${id}`,
      'severity: info',
      `title: {fr: ${id}, en: ${id}}`,
      'source: {document: CONV, article: "1", quote: "une clause"}',
      'needs: {tables: [traces]}',
      `for_each: {from: traces${groupBy}}`,
      'subject: {type: user, id: "{record.user_id}"}',
      'conditions: {all: [{fact: record, operator: isPresent, value: true}]}',
      `message: {fr: "${message}", en: "x"}`,
      'remediation: {fr: "—", en: "—"}',
      `obligation: {fr: ${id}, en: ${id}}`,
      '',
    ].join('\n');
  const { errors } = load({
    'T-ROW.yaml': rule('T-ROW', '', '{record.at_date} {record.origin} {record.at_day}'),
    'T-GROUP.yaml': rule('T-GROUP', ', group_by: [user_id]', '{record.user_id} {record.origin}'),
  });
  assert.equal(errors, [
    'T-GROUP.yaml:9:33 {record.origin}: records of traces (group_by) have no field « origin »',
    'T-ROW.yaml:9:49 {record.at_day}: records of traces have no field « at_day »',
  ]);
});

templates('through the CLI: check and rules test exit 2 with the located error, in French by default', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-templates-'));
  try {
    writeFileSync(join(dir, 'T-FIELD.yaml'), contactRule('T-FIELD', { message: 'Contact {record.last_nmae}' }));
    for (const command of [['check', join(ROOT, 'samples/ca2c-2023')], ['rules', 'test', dir]]) {
      const run = runCli([...command, '--rules', dir]);
      assert.is(run.code, 2, run.stderr);
      assert.ok(run.stderr.includes(`${join(dir, 'T-FIELD.yaml')}:23:16`) && run.stderr.includes('{record.last_nmae} : les enregistrements de contacts n’ont pas de champ « last_nmae »'), run.stderr);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

templates.run();
