import { asOfBeyondExport, daysBetween } from '../util/as-of.js';
import { isIsoDate } from '../util/dates.js';
import type { InputError, PartnerDocument } from './snapshot-types.js';

/**
 * Warnings on an `--as-of` the data cannot speak for: more than a week after the export's
 * `extracted_on` (what happened since is not in the export), or before the data begins, which is
 * taken to be the convention's signature (`convention.signed_on`): no obligation ran before it.
 * Each is located at the partner key it is compared with.
 */
export function asOfWarnings(partner: PartnerDocument, asOf: string | undefined): InputError[] {
  if (asOf === undefined) return [];
  const warnings: InputError[] = [];
  const extractedOn = partner.data.extracted_on;
  if (asOfBeyondExport(asOf, extractedOn)) {
    const place = partner.locate(['extracted_on']) ?? { line: 1, column: 1 };
    warnings.push({ file: partner.file, ...place, code: 'as-of-after-export', params: { asOf, extractedOn, days: daysBetween(extractedOn, asOf) } });
  }
  const signedOn = (partner.data.convention as Record<string, unknown> | undefined)?.signed_on;
  if (isIsoDate(signedOn) && asOf < signedOn) {
    const place = partner.locate(['convention', 'signed_on']) ?? { line: 1, column: 1 };
    warnings.push({ file: partner.file, ...place, code: 'as-of-before-data', params: { asOf, signedOn } });
  }
  return warnings;
}
