import { statSync } from 'node:fs';
import { CODE_JS } from '../support/loadBundle';

const BUDGET_KB = 150;

test(`dist/Code.js stays under ${BUDGET_KB} KB (parsed on every custom-function call)`, () => {
  const kb = statSync(CODE_JS).size / 1024;
  if (kb >= BUDGET_KB) {
    throw new Error(
      `dist/Code.js is ${kb.toFixed(1)} KB, over ${BUDGET_KB} KB: npm run build lists the heaviest inputs`,
    );
  }
});
