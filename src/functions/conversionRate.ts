import type { Column } from '../core/args';
import { Parsers, requireArg, toColumn, toLabelSet } from '../core/args';
import { inputError } from '../core/errors';
import { normalizeLabel } from '../core/labels';
import { MAX_AMOUNT, NOT_A_NUMBER, parseNumber } from '../core/numbers';
import { ratio } from '../core/status';
import { cell, defineFunction } from './define';
import { sumOf } from '../core/money';

const COUNTED = 1;
const CONVERTED = 2;

/**
 * Pure core of the label form: rows whose status is in `converted` ÷ rows whose status
 * is in `eligible` or `converted` (every non-blank status without `eligible`).
 */
export function conversionRateOf(
  statuses: Column,
  converted: ReadonlySet<string>,
  eligible: ReadonlySet<string> | undefined,
): number | null {
  const memo = new Map<unknown, number>();
  const values = statuses.values;
  let hits = 0;
  let counted = 0;
  for (let row = 0; row < values.length; row++) {
    const raw = values[row];
    let code = memo.get(raw);
    if (code === undefined) {
      const label = normalizeLabel(raw);
      code =
        label === ''
          ? 0
          : converted.has(label)
            ? COUNTED | CONVERTED
            : eligible === undefined || eligible.has(label)
              ? COUNTED
              : 0;
      if (memo.size < 10000) memo.set(raw, code);
    }
    if (code & COUNTED) counted++;
    if (code & CONVERTED) hits++;
  }
  return ratio(hits, counted);
}

/**
 * Σ of an argument when every non-blank cell of it is a number (rule 6: numeric cells,
 * or text that parses as one), else null. `cells` counts the non-blank cells seen.
 */
function numericTotal(
  name: string,
  value: unknown,
  parsers: Parsers,
): { total: number; cells: number } | null {
  const grid: readonly unknown[] = Array.isArray(value) ? value : [value];
  let total = 0;
  let cells = 0;
  for (let r = 0; r < grid.length; r++) {
    const line = grid[r];
    const width = Array.isArray(line) ? line.length : 1;
    for (let c = 0; c < width; c++) {
      const parsed = parseNumber(Array.isArray(line) ? line[c] : line, parsers.decimal);
      if (parsed === NOT_A_NUMBER) return null;
      if (parsed !== null) {
        total += parsed;
        cells++;
        if (parsed > MAX_AMOUNT || parsed < -MAX_AMOUNT) {
          const raw = Array.isArray(line) ? line[c] : line;
          throw inputError('tooLarge', { arg: name, position: r * width + c + 1, value: raw });
        }
      }
    }
  }
  return { total, cells };
}

export const CONVERSION_RATE = defineFunction({
  name: 'CONVERSION_RATE',
  category: 'rates',
  title: { en: 'Conversion rate', fr: 'Taux de conversion' },
  summary: {
    en: 'Share of rows that converted: by status (converted ÷ eligible), or Σconverted ÷ Σtotal from counts.',
    fr: 'Part des lignes converties : par statut (converties ÷ éligibles), ou Σconverted ÷ Σtotal à partir de comptes.',
  },
  details: {
    en: 'Label form: rows whose status is one of converted_labels ÷ rows whose status is one of eligible_labels or converted_labels; without eligible_labels, ÷ every non-blank status. Statuses are compared ignoring case, accents and extra spaces; blank statuses are skipped. Numeric form, used when every non-blank cell of the first argument is a number (text such as "1 234" included): Σ of the first argument ÷ Σ of the second, each summed on its own; the third argument has no use there and is ignored. When the first argument is entirely blank, the numeric form is used only if the second argument is numbers too. This counts rows; to count distinct customers, combine UNIQUE and FILTER.',
    fr: 'Forme par libellés : lignes dont le statut est dans converted_labels ÷ lignes dont le statut est dans eligible_labels ou converted_labels ; sans eligible_labels, ÷ tous les statuts non vides. Les statuts sont comparés sans tenir compte de la casse, des accents ni des espaces en trop ; les statuts vides sont ignorés. Forme numérique, retenue quand toutes les cellules non vides du premier argument sont des nombres (textes comme « 1 234 » compris) : Σ du premier argument ÷ Σ du second, chacun additionné séparément ; le troisième argument n’y sert pas et est ignoré. Si le premier argument est entièrement vide, la forme numérique n’est retenue que si le second contient aussi des nombres. Cette fonction compte des lignes ; pour compter des clients distincts, combinez UNIQUE et FILTER.',
  },
  frenchNames: new Map([
    ['converted', 'convertis'],
    ['total', 'total'],
  ]),
  args: [
    {
      name: 'statuses',
      frenchName: 'statuts',
      kind: 'column',
      description: {
        en: 'The status of each row, e.g. E2:E; or, for the numeric form, the converted counts (a number or a range, summed).',
        fr: 'Le statut de chaque ligne, p. ex. E2:E ; ou, pour la forme numérique, les nombres de conversions (un nombre ou une plage, additionnés).',
      },
    },
    {
      name: 'converted_labels',
      frenchName: 'statuts convertis',
      kind: 'labels',
      description: {
        en: 'The status(es) that mean converted, e.g. "Customer"; or, for the numeric form, the totals (a number or a range, summed).',
        fr: 'Le ou les statuts qui signifient converti, p. ex. "Client" ; ou, pour la forme numérique, les totaux (un nombre ou une plage, additionnés).',
      },
    },
    {
      name: 'eligible_labels',
      frenchName: 'statuts éligibles',
      kind: 'labels',
      optional: true,
      description: {
        en: 'Label form only: the other statuses that count in the denominator (default: every non-blank status).',
        fr: 'Forme par libellés seulement : les autres statuts comptés au dénominateur (par défaut : tous les statuts non vides).',
      },
    },
  ],
  result: {
    en: 'A fraction (format as %); empty when the denominator is 0.',
    fr: 'Une fraction (format %) ; vide si le dénominateur est 0.',
  },
  examples: [
    {
      formula: '=CONVERSION_RATE(E2:E, "Customer", {"Lead", "Prospect"})',
      explanation: {
        en: 'Customers ÷ (leads + prospects + customers).',
        fr: 'Clients ÷ (leads + prospects + clients).',
      },
    },
    {
      formula: '=CONVERSION_RATE(12, 48)',
      explanation: {
        en: 'Numeric form: 12 conversions out of 48, so 0.25.',
        fr: 'Forme numérique : 12 conversions sur 48, soit 0,25.',
      },
    },
  ],
  implementation(context, [firstArg, secondArg, eligibleArg]) {
    const parsers = new Parsers(context);
    requireArg('statuses', firstArg);
    const numeric = numericTotal('converted', firstArg, parsers);
    if (numeric !== null && (numeric.cells > 0 || isNumbers(secondArg, parsers))) {
      toColumn('converted', firstArg); // rule 1 applies to the numeric form too
      return cell(ratio(numeric.total, sumOf('total', secondArg, parsers)));
    }
    const statuses = toColumn('statuses', firstArg);
    const converted = toLabelSet(secondArg);
    if (converted === undefined) throw inputError('required', { arg: 'converted_labels' });
    return cell(conversionRateOf(statuses, converted, toLabelSet(eligibleArg)));
  },
});

/** An all-blank first argument takes the numeric form only when the second one is numbers. */
function isNumbers(value: unknown, parsers: Parsers): boolean {
  return value !== undefined && numericTotal('total', value, parsers) !== null;
}
