import { readFileSync, statSync } from 'node:fs';
import { FUNCTIONS } from '../../src/functions/registry';
import { BUNDLE_AIM_BYTES, BUNDLE_LIMIT_BYTES } from '../../scripts/build';
import { CODE_JS } from '../support/loadBundle';

// Apps Script parses the whole of Code.js on every custom-function call. The aim is
// 150 KB; zod/mini (required for the mapping) and the report engine keep us above it,
// so the test guards against growth and the README reports the measured size.
test(`dist/Code.js stays under ${BUNDLE_LIMIT_BYTES / 1024} KB`, () => {
  const bytes = statSync(CODE_JS).size;
  if (bytes >= BUNDLE_AIM_BYTES) {
    console.warn(
      `dist/Code.js is ${(bytes / 1024).toFixed(1)} KB (aim: ${BUNDLE_AIM_BYTES / 1024} KB)`,
    );
  }
  expect(bytes).toBeLessThan(BUNDLE_LIMIT_BYTES);
});

test('the help text of the registry is only in the JSDoc stubs, not in the bundle', () => {
  const code = readFileSync(CODE_JS, 'utf8');
  const bundle = code.slice(0, code.indexOf('\n/**'));
  for (const definition of FUNCTIONS) {
    expect(bundle).not.toContain(definition.details.en);
    expect(bundle).not.toContain(definition.summary.en);
    expect(code).toContain(definition.summary.en.slice(0, 40));
  }
});
