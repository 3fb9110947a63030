import { createRequire } from 'node:module';
import type AjvModule from 'ajv';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { SNAPSHOT_AJV_SETUP } from '../../src/snapshot/schema-validator.js';
import { normalizeHeader } from '../../src/snapshot/normalize-header.js';
import { getTableModel } from '../../src/snapshot/table-model.js';
import { type JsonSchema, loadPartnerSchema, loadTableSchema, TABLE_NAMES } from '../../src/snapshot/table-schemas.js';

// Columns whose meaning changes from table to table: their aliases are the table's own.
const TABLE_SPECIFIC = new Set(['name', 'kind']);

const schemas = suite('table schemas');

schemas('every table of the snapshot format has a coherent schema', () => {
  for (const name of TABLE_NAMES) {
    const schema = loadTableSchema(name);
    assert.is(schema.title, name);
    for (const column of schema.required) assert.ok(schema.properties[column], `${name}.${column} is a property`);
    const key = schema['x-key'];
    if (key !== undefined) assert.ok(schema.required.includes(key), `${name}: the key ${key} is required`);
  }
});

schemas('id columns are the ones of the brief', () => {
  const keys = Object.fromEntries(TABLE_NAMES.map((name) => [name, loadTableSchema(name)['x-key']]));
  assert.equal(keys, {
    users: 'user_id', sites: 'site_id', facilities: 'facility_id', habilitations: undefined, incidents: 'incident_id',
    reviews: 'review_id', meetings: 'meeting_id', notices: 'notice_id', subcontractors: 'subcontractor_id', traces: undefined,
  });
});

schemas("a column's aliases hold in every table that has it", () => {
  const aliases = new Map<string, string>();
  for (const name of TABLE_NAMES) {
    for (const [column, property] of Object.entries(loadTableSchema(name).properties)) {
      if (TABLE_SPECIFIC.has(column)) continue;
      const written = JSON.stringify(property['x-aliases'] ?? []);
      const seen = aliases.get(column);
      if (seen === undefined) aliases.set(column, written);
      else assert.is(written, seen, `${name}.${column}`);
    }
  }
  for (const table of ['users', 'habilitations', 'traces']) assert.is(getTableModel(table).resolveHeader('Identifiant'), 'user_id', table);
});

schemas('within a table, no header and no label stands for two things', () => {
  for (const name of TABLE_NAMES) {
    const headers = new Map<string, string>();
    for (const [column, property] of Object.entries(loadTableSchema(name).properties)) {
      for (const header of [column, ...(property['x-aliases'] ?? [])]) {
        const key = normalizeHeader(header);
        assert.is(headers.get(key) ?? column, column, `${name}: "${header}"`);
        headers.set(key, column);
      }
      const labels = new Map<string, string>();
      for (const [code, spellings] of Object.entries(property['x-labels'] ?? {})) {
        for (const spelling of [code, ...spellings]) {
          const key = normalizeHeader(spelling);
          assert.is(labels.get(key) ?? code, code, `${name}.${column}: "${spelling}"`);
          labels.set(key, code);
        }
      }
    }
  }
});

schemas('the built-in French aliases of the snapshot format are there', () => {
  const cases: [string, string, string][] = [
    ['users', 'Identifiant Mon Compte Partenaire', 'user_id'], ['users', 'Prénom', 'first_name'], ['users', 'Courriel', 'email'],
    ['users', 'Type de compte', 'kind'], ['users', 'Date de départ', 'left_on'], ['users', 'Date de signalement', 'change_reported_on'],
    ['users', 'Date de changement de fonction', 'function_changed_on'], ['users', 'Organisme', 'employer'],
    ['sites', 'Identifiant lieu', 'site_id'], ['sites', 'Nom du lieu', 'name'], ['sites', 'Adresse', 'address'],
    ['facilities', 'N° équipement', 'facility_id'], ['facilities', 'Équipement/Service', 'name'], ['facilities', 'Code lieu', 'site_id'],
    ['habilitations', 'Niveau', 'scope_level'], ['habilitations', 'Code lieu ou équipement', 'scope_id'],
    ['habilitations', "Date d'habilitation", 'granted_on'], ['habilitations', 'Date de clôture', 'revoked_on'],
    ['habilitations', 'Habilité par', 'granted_by'], ['traces', 'Code équipement', 'facility_id'],
  ];
  for (const [table, header, column] of cases) assert.is(getTableModel(table).resolveHeader(header), column, `${table}: ${header}`);
});

schemas('the partner schema requires only partner.name', () => {
  const schema = loadPartnerSchema();
  assert.equal(schema.required, ['partner']);
  assert.equal(schema.properties?.partner.required, ['name']);
});

/** The `x-personal` marks of a schema, by dotted path (`contacts[].email`). */
function personalMarks(schema: JsonSchema, prefix = ''): Record<string, string> {
  const marks: Record<string, string> = {};
  for (const [key, property] of Object.entries(schema.properties ?? {})) {
    if (property['x-personal'] !== undefined) marks[`${prefix}${key}`] = property['x-personal'];
    Object.assign(marks, personalMarks(property, `${prefix}${key}.`));
    if (property.items) Object.assign(marks, personalMarks(property.items, `${prefix}${key}[].`));
  }
  return marks;
}

schemas('the columns and partner keys holding personal data are marked x-personal, with their kind', () => {
  const marked = Object.fromEntries(TABLE_NAMES.map((name) => [name, personalMarks(loadTableSchema(name))]).filter(([, marks]) => Object.keys(marks).length > 0));
  assert.equal(marked, { users: { last_name: 'name', first_name: 'name', email: 'email' }, traces: { origin: 'ip' } });
  assert.equal(personalMarks(loadPartnerSchema()), {
    'contacts[].last_name': 'name', 'contacts[].first_name': 'name', 'contacts[].email': 'email', 'contacts[].phone': 'phone',
  });
});

schemas("vigie's annotations, x-personal included, pass a strict ajv given the snapshot keywords", () => {
  const Ajv = (createRequire(import.meta.url)('ajv') as { default: typeof AjvModule.default }).default;
  for (const schema of [...TABLE_NAMES.map(loadTableSchema), loadPartnerSchema()]) {
    const ajv = new Ajv({ strict: true, allowUnionTypes: true });
    for (const keyword of SNAPSHOT_AJV_SETUP.keywords) ajv.addKeyword(keyword);
    ajv.compile(schema);
  }
});

schemas.run();
