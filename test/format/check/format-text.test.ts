import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { formatText } from '../../../src/format/check/format-text.js';
import { HOSTILE, hostileSnapshot, removeHostileCopies } from '../../cli/hostile-snapshot.js';
import { rawControls } from '../../util/raw-control.js';
import { ca2cReport } from '../ca2c-report.js';

const text = suite('formatText on hostile data');

text('in colour: vigie paints with its own escape codes, the data only shows its controls', async () => {
  const report = await ca2cReport('fr', hostileSnapshot());
  const output = formatText(report, { lang: 'fr', color: true });
  // Only SGR colour codes, vigie's own: no OSC, no screen clear, no BEL.
  assert.match(output, '\u001b[1m');
  assert.equal(rawControls(output.replace(/\u001b\[[0-9;]*m/g, '')), []);
  assert.match(output, `Julie ${HOSTILE.lastNameShown} (U004)`);
  assert.match(output, HOSTILE.employerShown);
  assert.is(report.snapshot.partner, HOSTILE.partner, 'the report itself is left as it was');
});

text.after(removeHostileCopies);
text.run();
