/**
 * The function reference, generated from the registry: docs/FUNCTIONS.md
 * (renderFunctionsDoc) and per-language help objects for the sidebar (functionHelp).
 *
 * Pure (no Node API), so the sidebar build, or src/ itself, can use it as it is.
 */
import type { Language } from '../src/core/context';
import { decimalSeparatorOf } from '../src/core/context';
import type { FunctionCategory, FunctionDefinition } from '../src/functions/define';
import { FUNCTIONS } from '../src/functions/registry';

/** How formulas are typed: `,` where the decimal point is `.` (en_US), `;` elsewhere (fr_FR). */
export type SeparatorStyle = ',' | ';';

/** The style Sheets uses for a spreadsheet locale (the same split as contract rule 6). */
export function separatorStyleOf(locale: string): SeparatorStyle {
  return decimalSeparatorOf(locale) === '.' ? ',' : ';';
}

/**
 * Rewrites a formula written with `,` separators for `;` locales: argument `,` → `;`,
 * array-literal column `,` → `\` (rows stay `;`), decimal point → `,`. Text in double
 * quotes and sheet names in single quotes are left as they are.
 */
export function toSemicolonStyle(formula: string): string {
  let out = '';
  let braces = 0;
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      // A quote inside is doubled ("" or ''), which this loop reads as two quoted runs.
      const close = formula.indexOf(ch, i + 1);
      const end = close === -1 ? formula.length : close + 1;
      out += formula.slice(i, end);
      i = end;
      continue;
    }
    if (ch === '{') braces++;
    else if (ch === '}') braces = Math.max(0, braces - 1);
    if (ch === ',') {
      out += braces > 0 ? '\\' : ';';
    } else if (
      ch === '.' &&
      /\d/.test(formula[i + 1] ?? '') &&
      /\d/.test(formula[i - 1] ?? '') &&
      !/[A-Za-z_$]\d*$/.test(formula.slice(0, i)) // not after a cell reference such as A1
    ) {
      out += ',';
    } else {
      out += ch;
    }
    i++;
  }
  return out;
}

export function inStyle(formula: string, style: SeparatorStyle): string {
  return style === ',' ? formula : toSemicolonStyle(formula);
}

const CATEGORIES: Record<FunctionCategory, { en: string; fr: string }> = {
  rates: { en: 'Rates', fr: 'Taux' },
  quantities: { en: 'Quantities', fr: 'Quantités' },
  money: { en: 'Money', fr: 'Données financières' },
  roi: { en: 'Return on investment', fr: 'Retour sur investissement (ROI)' },
  table: { en: 'Whole table', fr: 'Tableau complet' },
};
const CATEGORY_ORDER: readonly FunctionCategory[] = [
  'rates',
  'quantities',
  'money',
  'roi',
  'table',
];

export function syntaxOf(definition: FunctionDefinition, style: SeparatorStyle = ','): string {
  const args = definition.args.map((arg) => (arg.optional ? `[${arg.name}]` : arg.name));
  return `${definition.name}(${args.join(style === ',' ? ', ' : '; ')})`;
}

/** What the sidebar shows for one function, in one language. */
export interface FunctionHelp {
  readonly name: string;
  readonly category: FunctionCategory;
  readonly categoryTitle: string;
  /** The KPI's name in this language. */
  readonly title: string;
  readonly summary: string;
  readonly details: string;
  /** `WIN_RATE(statuses; [won_labels]; [lost_labels])` in the separator style. */
  readonly syntax: string;
  readonly args: readonly {
    readonly name: string;
    readonly optional: boolean;
    readonly description: string;
  }[];
  readonly result: string;
  readonly examples: readonly { readonly formula: string; readonly explanation: string }[];
}

/**
 * Help for every registry function in one language; formulas are shown in the given
 * separator style (by default the one of that language's usual locale).
 */
export function functionHelp(
  language: Language,
  style: SeparatorStyle = language === 'fr' ? ';' : ',',
  definitions: readonly FunctionDefinition[] = FUNCTIONS,
): FunctionHelp[] {
  return definitions.map((definition) => ({
    name: definition.name,
    category: definition.category,
    categoryTitle: CATEGORIES[definition.category][language],
    title: definition.title[language],
    summary: definition.summary[language],
    details: definition.details[language],
    syntax: syntaxOf(definition, style),
    args: definition.args.map((arg) => ({
      name: arg.name,
      optional: arg.optional === true,
      description: arg.description[language],
    })),
    result: definition.result[language],
    examples: definition.examples.map((example) => ({
      formula: inStyle(example.formula, style),
      explanation: example.explanation[language],
    })),
  }));
}

/** Sheets' own functions the recipes use; any other name called must be in the registry. */
const SHEETS_FUNCTIONS = new Set([
  'FILTER',
  'DATE',
  'COUNTIFS',
  'SUMIFS',
  'EOMONTH',
  'TODAY',
  'IFERROR',
  'AND',
]);

export interface Recipe {
  readonly title: { readonly en: string; readonly fr: string };
  readonly formula: string;
}

/**
 * Layout of the recipes: the Deals tab as in samples/ (A ID, B deal, C customer, D rep,
 * E status, F amount, G cost, H created, I closed, J source, K probability) and an
 * Activities tab (A date, B rep, C type, D customer).
 */
export const RECIPES: readonly Recipe[] = [
  {
    title: { en: 'Win rate of one rep', fr: 'Taux de transformation d’un commercial' },
    formula: '=WIN_RATE(FILTER(E2:E, D2:D="Alice"))',
  },
  {
    title: {
      en: 'Win rate of the deals closed in Q1 2025',
      fr: 'Taux de transformation des affaires clôturées au 1er trimestre 2025',
    },
    formula: '=WIN_RATE(FILTER(E2:E, I2:I>=DATE(2025,1,1), I2:I<=DATE(2025,3,31)))',
  },
  {
    title: {
      en: 'Revenue of a quarter (won deals closed between two dates)',
      fr: 'Chiffre d’affaires d’un trimestre (affaires gagnées signées entre deux dates)',
    },
    formula:
      '=REVENUE(FILTER(F2:F, I2:I>=DATE(2025,1,1), I2:I<=DATE(2025,3,31)), FILTER(E2:E, I2:I>=DATE(2025,1,1), I2:I<=DATE(2025,3,31)))',
  },
  {
    title: {
      en: 'Revenue of the rep named in cell M1, since the date typed in N1',
      fr: 'Chiffre d’affaires du commercial nommé en M1, depuis la date saisie en N1',
    },
    formula: '=REVENUE(FILTER(F2:F, D2:D=M1, I2:I>=N1), FILTER(E2:E, D2:D=M1, I2:I>=N1))',
  },
  {
    title: { en: 'Average deal size of one source', fr: 'Panier moyen d’une origine' },
    formula: '=AVERAGE_DEAL_SIZE(FILTER(F2:F, J2:J="Website"), FILTER(E2:E, J2:J="Website"))',
  },
  {
    title: { en: 'Weighted pipeline of one rep', fr: 'Pipeline pondéré d’un commercial' },
    formula:
      '=PIPELINE_VALUE(FILTER(F2:F, D2:D="Alice"), FILTER(E2:E, D2:D="Alice"), FILTER(K2:K, D2:D="Alice"))',
  },
  {
    title: {
      en: 'Growth of won revenue, Q2 against Q1',
      fr: 'Croissance du CA gagné, 2e trimestre contre 1er',
    },
    formula:
      '=GROWTH_RATE(REVENUE(FILTER(F2:F, I2:I>=DATE(2025,4,1), I2:I<=DATE(2025,6,30)), FILTER(E2:E, I2:I>=DATE(2025,4,1), I2:I<=DATE(2025,6,30))), REVENUE(FILTER(F2:F, I2:I>=DATE(2025,1,1), I2:I<=DATE(2025,3,31)), FILTER(E2:E, I2:I>=DATE(2025,1,1), I2:I<=DATE(2025,3,31))))',
  },
  {
    title: {
      en: 'Active customers of one rep in Q1 2025 (the period is an argument here)',
      fr: 'Clients actifs d’un commercial au 1er trimestre 2025 (la période est un argument)',
    },
    formula:
      '=ACTIVE_CUSTOMERS(FILTER(C2:C, D2:D="Alice"), FILTER(I2:I, D2:D="Alice"), DATE(2025,1,1), DATE(2025,3,31), FILTER(E2:E, D2:D="Alice"))',
  },
  {
    title: {
      en: 'Pipeline with a 1.5 safety factor removed',
      fr: 'Pipeline divisé par un coefficient de prudence de 1,5',
    },
    formula: '=PIPELINE_VALUE(F2:F, E2:E, K2:K) / 1.5',
  },
  {
    title: {
      en: 'Plain count: calls made by Alice in March 2025',
      fr: 'Simple comptage : appels passés par Alice en mars 2025',
    },
    formula:
      '=COUNTIFS(Activities!C2:C, "Call", Activities!B2:B, "Alice", Activities!A2:A, ">="&DATE(2025,3,1), Activities!A2:A, "<="&DATE(2025,3,31))',
  },
  {
    title: {
      en: 'Plain count: won deals (statuses as typed in the sheet)',
      fr: 'Simple comptage : affaires gagnées (statuts tels que saisis)',
    },
    formula: '=COUNTIFS(E2:E, "Closed Won") + COUNTIFS(E2:E, "Won")',
  },
  {
    title: {
      en: 'Meetings per won deal in 2025',
      fr: 'Rendez-vous par affaire gagnée en 2025',
    },
    formula:
      '=COUNTIFS(Activities!C2:C, "Meeting", Activities!A2:A, ">="&DATE(2025,1,1), Activities!A2:A, "<"&DATE(2026,1,1)) / COUNTIFS(E2:E, "Won", I2:I, ">="&DATE(2025,1,1), I2:I, "<"&DATE(2026,1,1))',
  },
];

/** Add-on functions a formula calls (names followed by `(` that are not Sheets' own). */
export function addOnFunctionsIn(formula: string): string[] {
  const names = new Set<string>();
  for (const match of formula.replace(/"[^"]*"/g, '""').matchAll(/\b([A-Z][A-Z0-9_]*)\(/g)) {
    if (!SHEETS_FUNCTIONS.has(match[1])) names.add(match[1]);
  }
  return [...names];
}

/** Recipes whose every add-on function is in the registry (the others wait for theirs). */
export function availableRecipes(definitions: readonly FunctionDefinition[] = FUNCTIONS): Recipe[] {
  const known = new Set(definitions.map((definition) => definition.name));
  return RECIPES.filter((recipe) => addOnFunctionsIn(recipe.formula).every((n) => known.has(n)));
}

/** Markdown table cells: one line, `|` escaped. */
function cellText(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/\|/g, '\\|').trim();
}

/** Inline code that survives backticks inside (none expected, but formulas are free text). */
function code(text: string): string {
  const fence = text.includes('`') ? '``' : '`';
  return `${fence}${text}${fence}`;
}

function anchorOf(definition: FunctionDefinition): string {
  return definition.name.toLowerCase();
}

function formulaPair(formula: string): string[] {
  return [
    `  - \`,\` locales (en_US, en_GB…): ${code(formula)}`,
    `  - \`;\` locales (fr_FR, de_DE…): ${code(toSemicolonStyle(formula))}`,
  ];
}

function renderFunction(definition: FunctionDefinition): string[] {
  const lines: string[] = [];
  lines.push(`### ${definition.name}`, '');
  lines.push(`**${definition.title.en}** · *${definition.title.fr}*`, '');
  lines.push(`\`${syntaxOf(definition, ',')}\` · \`${syntaxOf(definition, ';')}\``, '');
  lines.push(`${definition.summary.en} ${definition.details.en}`, '');
  lines.push(`> 🇫🇷 ${definition.summary.fr} ${definition.details.fr}`, '');
  lines.push('| argument | optional | description | description (FR) |');
  lines.push('|---|---|---|---|');
  for (const arg of definition.args) {
    lines.push(
      `| \`${arg.name}\` | ${arg.optional ? 'yes' : 'no'} | ${cellText(arg.description.en)} | ${cellText(arg.description.fr)} |`,
    );
  }
  lines.push('');
  lines.push(`**Result.** ${definition.result.en}`, '');
  lines.push(`**Résultat.** ${definition.result.fr}`, '');
  if (definition.examples.length > 0) {
    lines.push('**Examples · Exemples**', '');
    for (const example of definition.examples) {
      lines.push(`- ${example.explanation.en} · *${example.explanation.fr}*`);
      lines.push(...formulaPair(example.formula));
    }
    lines.push('');
  }
  return lines;
}

/** docs/FUNCTIONS.md, entirely derived from the registry (`npm run docs`). */
export function renderFunctionsDoc(definitions: readonly FunctionDefinition[] = FUNCTIONS): string {
  const lines: string[] = [
    '# Function reference · Référence des fonctions',
    '',
    '<!-- GENERATED by `npm run docs` from src/functions/registry.ts. Do not edit. -->',
    '',
    'Every custom function of the add-on, with its French name, arguments, result and',
    'examples. Type them in any cell like a built-in function; Sheets suggests them as you',
    'type.',
    '',
    '**Separators.** Sheets writes formulas differently by spreadsheet locale (File →',
    'Settings → Locale). Where the decimal separator is `.` (en_US, ja_JP, de_CH…), arguments are',
    'separated by `,`. Where it is `,` (fr_FR, de_DE…), arguments are separated by `;`,',
    'decimals use `,`, and the columns of an array literal `{…}` are separated by `\\`',
    '(its rows by `;` everywhere). Every example below is shown both ways.',
    '',
    '**Séparateurs.** En paramètres régionaux français, les arguments sont séparés par `;`,',
    'les décimales par `,` et les colonnes d’un tableau `{…}` par `\\` : chaque exemple',
    'est donné dans les deux écritures.',
    '',
    '**Numbers and dates in text.** Text cells are read as the spreadsheet locale writes',
    "them: `1 234,50 €` in fr_FR, `1,234.50` in en_US or ja_JP, `1'234.50` in de_CH.",
    'Thousands are grouped by three; currency signs and codes (`€ $ £ ¥`, `EUR`, `USD`…)',
    'stand before or after the number; a trailing `%` divides by 100. An amount written the',
    'other way is read only when both `.` and `,` are in it, each in its only possible role:',
    '`$24,000.00` is 24000 in a French sheet, but `1,234` stays 1.234 there. Dates are',
    '`YYYY-MM-DD` (an optional time, with a UTC offset as CRMs export them:',
    '`2024-01-22T16:14:25.000+0000`) or in the locale’s order: `MM/DD/YYYY` in en_US,',
    '`YYYY/MM/DD` in Japanese, Chinese and Korean, `DD/MM/YYYY` in most others. A year',
    'outside 1900–9999 is not a date.',
    '',
    '**Nombres et dates en texte.** Les cellules de texte sont lues comme les écrivent les',
    'paramètres régionaux du classeur : `1 234,50 €` en fr_FR. Les milliers sont groupés',
    'par trois ; symboles et codes de devise se placent avant ou après le nombre. Un montant',
    'écrit à l’anglaise n’est lu que s’il contient `.` et `,` chacun à sa seule place',
    'possible : `$24,000.00` vaut 24000, mais `1,234` reste 1,234. Les dates s’écrivent',
    '`AAAA-MM-JJ` ou `JJ/MM/AAAA`, entre les années 1900 et 9999.',
    '',
    'Rates are fractions: format their cells as percentages. A rate or average with',
    'nothing to divide by shows an empty cell. Errors show as `#ERROR!`, with the reason,',
    'starting with the function name, on hover.',
    '',
    '## Contents · Sommaire',
    '',
  ];
  const byCategory = CATEGORY_ORDER.map((category) => ({
    category,
    definitions: definitions.filter((definition) => definition.category === category),
  })).filter((group) => group.definitions.length > 0);

  for (const { category, definitions: group } of byCategory) {
    const entries = group.map(
      (definition) =>
        `[${definition.name}](#${anchorOf(definition)}) (${definition.title.en} · *${definition.title.fr}*)`,
    );
    lines.push(
      `- **${CATEGORIES[category].en} · ${CATEGORIES[category].fr}**: ${entries.join(', ')}`,
    );
  }
  lines.push('- [Recipes · Recettes](#recipes--recettes)', '');

  for (const { category, definitions: group } of byCategory) {
    lines.push(`## ${CATEGORIES[category].en} · ${CATEGORIES[category].fr}`, '');
    for (const definition of group) lines.push(...renderFunction(definition));
  }

  lines.push('## Recipes · Recettes', '');
  lines.push(
    'Filters are Sheets’ own job: pass `FILTER(…)` results as arguments to pick a rep, a',
    'source or a period, with the same conditions on every paired column. Plain counts',
    '(calls, meetings, quotes, orders) are `COUNTIFS` territory. `FILTER` shows `#N/A`',
    'when no row matches; wrap the formula in `IFERROR(…, "")` to show an empty cell',
    'instead.',
    '',
    '*Les filtres sont le travail de Sheets : passez des `FILTER(…)` en arguments pour',
    'choisir un commercial, une origine ou une période. Les simples comptages relèvent de',
    '`COUNTIFS`.*',
    '',
    'The recipes assume a Deals tab laid out like the samples (A ID, B deal, C customer,',
    'D rep, E status, F amount, G cost, H created, I closed, J source, K probability) and an',
    'Activities tab (A date, B rep, C type, D customer).',
    '',
  );
  for (const recipe of availableRecipes(definitions)) {
    lines.push(`- ${recipe.title.en} · *${recipe.title.fr}*`);
    lines.push(...formulaPair(recipe.formula));
  }
  lines.push('');
  return lines.join('\n');
}
