import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { CA2C } from '../format/ca2c-report.js';

/** Every personal value written in the CA2C sample: users.csv (Nom, Prénom, Adresse mail), partner.yaml's contacts (phones too) and the traces' origins (IP addresses). */
export function ca2cPersonalData(): string[] {
  const [, ...rows] = readFileSync(`${CA2C}/users.csv`, 'utf8').trim().split('\n');
  const fromUsers = rows.flatMap((row) => row.split(';').slice(1, 4));
  const partner = parse(readFileSync(`${CA2C}/partner.yaml`, 'utf8')) as { contacts: Record<string, string>[] };
  const fromContacts = partner.contacts.flatMap((contact) => [contact.last_name, contact.first_name, contact.email, contact.phone]);
  const [, ...traces] = readFileSync(`${CA2C}/traces.csv`, 'utf8').trim().split('\n');
  const fromTraces = traces.map((row) => row.split(';')[4]);
  return [...new Set([...fromUsers, ...fromContacts, ...fromTraces].map((value) => value?.trim()).filter((value): value is string => Boolean(value)))];
}

/** The values of `personal` found in `text` as whole words, any case. */
export function leaks(text: string, personal: readonly string[]): string[] {
  return personal.filter((value) => new RegExp(`(?<![\\p{L}\\p{N}_])${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}_])`, 'iu').test(text));
}
