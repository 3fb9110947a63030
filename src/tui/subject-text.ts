/** A finding's subject as people read it: `utilisateur U004`, `interlocuteur administrateur chuygen@…` (the reports' own wording). */
export { subjectText } from '../report/labels.js';
