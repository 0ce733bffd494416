/**
 * `npm run docs`: writes docs/FUNCTIONS.md from the registry. A bundle test fails when
 * the committed file differs from renderFunctionsDoc(), so the reference never drifts.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { renderFunctionsDoc } from './reference';

export { functionHelp, renderFunctionsDoc } from './reference';

export const FUNCTIONS_DOC = path.resolve(__dirname, '..', 'docs', 'FUNCTIONS.md');

async function main(): Promise<void> {
  await fs.mkdir(path.dirname(FUNCTIONS_DOC), { recursive: true });
  await fs.writeFile(FUNCTIONS_DOC, renderFunctionsDoc());
  console.log(`wrote ${path.relative(process.cwd(), FUNCTIONS_DOC)}`);
}

if (require.main === module) {
  main().catch((error: Error) => {
    console.error(`docs failed: ${error.message}`);
    process.exitCode = 1;
  });
}
