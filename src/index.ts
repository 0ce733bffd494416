/**
 * The add-on's entry file: only what Apps Script must see, each a one-line call into a
 * module. The build exposes every export as a top-level function of dist/Code.js, and
 * every registry function (under `formulas`) as a JSDoc'd custom function.
 */
import { asCustomFunction } from './functions/adapter';
import { FUNCTIONS } from './functions/registry';

export const formulas: Record<string, (...args: unknown[]) => unknown> = {};
for (const definition of FUNCTIONS) formulas[definition.name] = asCustomFunction(definition);
