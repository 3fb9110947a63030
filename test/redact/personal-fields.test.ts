import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { collectMarkedFields, personalFields } from '../../src/redact/personal-fields.js';
import type { JsonSchema } from '../../src/snapshot/table-schemas.js';
import { loadTableSchema } from '../../src/snapshot/table-schemas.js';

const fields = suite('redact: personal fields come from the schemas');

fields('the fields --redact pseudonymises are those the schemas mark x-personal, and the approvers', () => {
  assert.equal(Object.fromEntries(personalFields()), {
    approved_by: 'name', approvedBy: 'name', last_name: 'name', first_name: 'name', email: 'email', origin: 'ip', phone: 'phone',
  });
});

fields('a new column is covered by marking it in its schema', () => {
  const sites = loadTableSchema('sites');
  assert.not.ok(collectMarkedFields([['sites', sites]]).has('address'));
  const marked: JsonSchema = { ...sites, properties: { ...sites.properties, address: { ...sites.properties.address, 'x-personal': 'name' } } };
  assert.is(collectMarkedFields([['sites', marked]]).get('address'), 'name');
  // Inside list items too (partner.yaml's contacts).
  const nested: JsonSchema = { properties: { people: { type: 'array', items: { properties: { mobile: { type: 'string', 'x-personal': 'phone' } } } } } };
  assert.is(collectMarkedFields([['p', nested]]).get('mobile'), 'phone');
});

fields('an unknown kind, or one field with two kinds, is a fault of the schemas', () => {
  const unknown = { properties: { nir: { 'x-personal': 'social-security' } } } as unknown as JsonSchema;
  assert.throws(() => collectMarkedFields([['t.json', unknown]]), /t\.json: nir has x-personal "social-security", not one of name, email, phone, ip/);
  const twice: JsonSchema[] = [{ properties: { contact: { 'x-personal': 'email' } } }, { properties: { contact: { 'x-personal': 'phone' } } }];
  assert.throws(() => collectMarkedFields([['a.json', twice[0]!], ['b.json', twice[1]!]]), /b\.json: contact is x-personal "phone" here and "email" elsewhere/);
});

fields.run();
