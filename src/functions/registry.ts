import type { FunctionDefinition } from './define';
import { WIN_RATE } from './winRate';
// rates & quantities: imports
// money & roi: imports
// table: imports

/**
 * Every custom function of the add-on, in the order of the reference documentation.
 * The build turns this list into JSDoc'd top-level stubs; scripts/docs.ts into
 * docs/FUNCTIONS.md.
 */
export const FUNCTIONS: readonly FunctionDefinition[] = [
  WIN_RATE,
  // rates & quantities: entries
  // money & roi: entries
  // table: entries
];
