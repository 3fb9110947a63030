import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { parse } from 'csv-parse/sync';
import { formatReviewCsv } from '../../../src/format/review/format-review-csv.js';
import { formatReviewMarkdown } from '../../../src/format/review/format-review-markdown.js';
import type { ReviewList } from '../../../src/review/review-types.js';
import { BASIC, reviewOf } from '../../review/review-fixture.js';

const csv = suite('review: CSV');
const fr = { lang: 'fr' as const };

const HEADER =
  'identifiant;nom;prénom;fonction;service;profil;libellé du profil;niveau;périmètre;nom du périmètre;habilité depuis le;dernière activité;activité constatée sur;constats;source;décision (conserver / révoquer);commentaire\r\n';

csv('UTF-8 BOM, `;` and CRLF by default, a header, one record per active grant, empty decision columns', async () => {
  const list = await reviewOf();
  const text = formatReviewCsv(list, fr);
  assert.ok(text.startsWith(`\uFEFF${HEADER}`), JSON.stringify(text.slice(0, 80)));
  assert.match(
    text,
    "\r\nU1;DUPONT;Claire;Directrice;AFAS;D3;Approbateur des données;équipement;F1;Crèche Les Lutins;01/01/2023;01/06/2024;périmètre;BP-SELF-APPROVAL;habilitations.csv:3;;\r\n",
  );
  assert.match(text, '\r\nU10;BERNARD;"Jean; dit ""Jo""";"Agent\nd\'accueil";AFAS;D2;');
  assert.match(text, ';03/04/2024;compte (aucune trace sur ce périmètre);AFAS-NO-APPROVER, HAB-OUT-OF-SCOPE-ACCESS;habilitations.csv:2;;\r\n');
  const records = parse(text.slice(1), { delimiter: ';' }) as string[][];
  assert.is(records.length, list.rows.length + 1);
  assert.ok(records.every((record) => record.length === 17));
  assert.equal(records.slice(1).map((record) => record[15] + record[16]), list.rows.map(() => ''));
});

csv('cells from the data cannot run as formulas in a spreadsheet', async () => {
  const text = formatReviewCsv(await reviewOf(), fr);
  const records = parse(text.slice(1), { delimiter: ';' }) as string[][];
  const u2 = records.find((record) => record[0] === 'U2') ?? [];
  assert.equal(u2.slice(1, 4), ['\'=HYPERLINK("http://evil.example","clic")', "'@SUM(1+1)", "'-2+3"]);
  for (const record of records) for (const value of record) assert.not.ok(/^[=+\-@\t\r]/.test(value), value);
});

csv('`,` on request; English headers and dates', async () => {
  const text = formatReviewCsv(await reviewOf(BASIC, 'en'), { lang: 'en', delimiter: ',' });
  assert.ok(text.startsWith('\uFEFFuser_id,last name,first name,function,service,profile,profile name,level,scope,scope name,granted on,last activity,activity seen on,findings,source,decision (keep / revoke),comment\r\n'));
  assert.match(text, '\r\nU10,BERNARD,"Jean; dit ""Jo""",');
  assert.match(text, ',2023-03-01,2024-04-03,account (no trace on this scope),"AFAS-NO-APPROVER, HAB-OUT-OF-SCOPE-ACCESS",habilitations.csv:2,,\r\n');
  const records = parse(text.slice(1), { delimiter: ',' }) as string[][];
  assert.ok(records.every((record) => record.length === 17));
});

const markdown = suite('review: Markdown');

markdown('a table to tick and the administrator’s sign-off', async () => {
  const text = formatReviewMarkdown(await reviewOf(), fr);
  assert.ok(text.startsWith("# Revue inverse des habilitations — Commune d'Exemple-sur-Selle\n"));
  assert.match(text, '| Habilitations actives au | 30/06/2024 |');
  assert.match(text, '5 habilitation(s) active(s) de 4 personne(s).');
  assert.match(text, '| Personne | Profil | Périmètre | Depuis le | Dernière activité | Constats | Décision |\n| --- | --- | --- | --- | --- | --- | --- |\n');
  assert.match(
    text,
    "| `U1` Claire DUPONT<br>*Directrice* | `D3` Approbateur des données | équipement `F1`<br>Crèche Les Lutins | 01/01/2023 | 01/06/2024 | `BP-SELF-APPROVAL` | ☐ conserver ☐ révoquer |",
  );
  assert.match(text, '| 03/04/2024<br>*sur le compte* |');
  assert.match(text, '| *aucune trace* | `HAB-UNKNOWN-USER` |');
  assert.match(text, '## Signature de la revue\n\n| | |\n| --- | --- |\n| Revue réalisée par (gestionnaire principal) | Claire DUPONT |\n| Date | |\n| Résultat transmis à la Caf le | |\n| Signature | <br><br><br> |');
  // Markup and table pipes from the data stay text.
  assert.match(text, '`U10` Jean; dit "Jo" BERNARD<br>*Agent<br>d\'accueil*');
  assert.match(text, '=HYPERLINK("http://evil.example","clic")');
});

markdown('no active grant: said plainly, the sign-off stays', async () => {
  const empty: ReviewList = { ...(await reviewOf()), rows: [] };
  const text = formatReviewMarkdown(empty, fr);
  assert.match(text, 'Aucune habilitation active à cette date.');
  assert.match(text, '## Signature de la revue');
  assert.not.match(text, '| Personne |');
});

markdown('markup in names cannot break the table or inject HTML', async () => {
  const list = await reviewOf();
  const tricky: ReviewList = { ...list, rows: list.rows.map((row, index) => (index === 0 ? { ...row, lastName: '<script>x</script> | **y**' } : row)) };
  const text = formatReviewMarkdown(tricky, fr);
  assert.not.match(text, '<script>');
  assert.match(text, 'Claire &lt;script&gt;x&lt;/script&gt; \\| \\*\\*y\\*\\*');
});

csv.run();
markdown.run();
