import { XMLParser, XMLValidator } from 'fast-xml-parser';
import * as assert from 'uvu/assert';

/** A JUnit test case as a dashboard reads it. */
export interface JunitCase {
  classname: string;
  name: string;
  failure?: { '#text': string; type: string; message: string };
  skipped?: { message: string };
  'system-out'?: string;
}

/** A JUnit test suite as a dashboard reads it. */
export interface JunitSuite {
  name: string;
  tests: string;
  failures: string;
  skipped: string;
  testcase: JunitCase[];
}

// The shape a dashboard reads: attributes as text, every suite and case an array.
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseAttributeValue: false,
  parseTagValue: false,
  trimValues: false,
  htmlEntities: true,
  isArray: (name) => name === 'testsuite' || name === 'testcase',
});

/** Checks that the XML is well-formed, then parses it as a dashboard would. */
export function parseJunit(xml: string): { testsuites: { tests: string; failures: string; skipped: string; testsuite: JunitSuite[] } } {
  const valid = XMLValidator.validate(xml);
  assert.is(valid, true, JSON.stringify(valid));
  return parser.parse(xml);
}
