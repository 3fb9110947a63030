// Loaded with `node --import`: records every module the process resolves, so a test can
// prove that `--format json` never loads ink or react.
import { register } from 'node:module';

register('./record-imports-hooks.mjs', import.meta.url, { data: { file: process.env.VIGIE_IMPORT_LOG } });
