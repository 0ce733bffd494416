/**
 * Build step (scripts/build.ts EXTRA_BUILD_STEPS): the function reference dialog,
 * dist/Reference_en.html and dist/Reference_fr.html, rendered from the registry by
 * functionHelp() — the same text as docs/FUNCTIONS.md and the JSDoc stubs. Rendering it
 * here keeps the help text out of Code.js, which every custom-function call parses.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Language } from '../src/core/context';
import type { BuildStepContext } from './build';
import type { FunctionHelp } from './reference';
import { availableRecipes, functionHelp, inStyle } from './reference';

export const REFERENCE_FILES: Record<Language, string> = {
  en: 'Reference_en.html',
  fr: 'Reference_fr.html',
};

const HEADINGS = {
  en: {
    title: 'Sales KPI functions',
    syntax: 'Syntax',
    result: 'Result',
    examples: 'Examples',
    recipes: 'Recipes',
    optional: 'optional',
    separators:
      'Formulas are shown with "," between arguments, as in English spreadsheets; French spreadsheets use ";".',
  },
  fr: {
    title: 'Fonctions Sales KPI',
    syntax: 'Syntaxe',
    result: 'Résultat',
    examples: 'Exemples',
    recipes: 'Recettes',
    optional: 'facultatif',
    separators:
      'Les formules sont écrites avec « ; » entre les arguments, comme dans un classeur en français ; un classeur en anglais utilise « , ».',
  },
} as const;

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

function renderFunction(help: FunctionHelp, language: Language): string {
  const h = HEADINGS[language];
  const args = help.args
    .map(
      (arg) =>
        `<li><code>${escapeHtml(arg.name)}</code>${arg.optional ? ` <em>(${h.optional})</em>` : ''} — ${escapeHtml(arg.description)}</li>`,
    )
    .join('');
  const examples = help.examples
    .map(
      (example) =>
        `<li><code>${escapeHtml(example.formula)}</code><br>${escapeHtml(example.explanation)}</li>`,
    )
    .join('');
  return [
    `<section id="${help.name}">`,
    `<h2>${help.name} <small>${escapeHtml(help.title)}</small></h2>`,
    `<p>${escapeHtml(help.summary)}</p>`,
    `<p>${escapeHtml(help.details)}</p>`,
    `<p><strong>${h.syntax}</strong> <code>${escapeHtml(help.syntax)}</code></p>`,
    `<ul>${args}</ul>`,
    `<p><strong>${h.result}</strong> ${escapeHtml(help.result)}</p>`,
    `<p><strong>${h.examples}</strong></p><ul>${examples}</ul>`,
    '</section>',
  ].join('\n');
}

/**
 * The dialog's index links scroll within the dialog and never navigate: the page runs
 * in Apps Script's sandboxed frame, whose "allow-top-navigation keyword, which allows the
 * content to navigate its top-level browsing context, is restricted and not set as an
 * attribute in the sandbox" (developers.google.com/apps-script/guides/html/restrictions),
 * so no link may target the top window (no <base target="_top">).
 */
export const IN_PAGE_LINKS = `document.addEventListener('click', function (event) {
  var link = event.target && event.target.closest ? event.target.closest('a[href^="#"]') : null;
  if (!link) return;
  event.preventDefault();
  var target = document.getElementById(decodeURIComponent(link.getAttribute('href').slice(1)));
  if (target) target.scrollIntoView({ block: 'start' });
});`;

export function renderReferenceHtml(language: Language): string {
  const h = HEADINGS[language];
  const style = language === 'fr' ? ';' : ',';
  const helps = functionHelp(language, style);
  const index = helps.map((help) => `<a href="#${help.name}">${help.name}</a>`).join(' · ');
  const recipes = availableRecipes()
    .map(
      (recipe) =>
        `<li>${escapeHtml(recipe.title[language])}<br><code>${escapeHtml(inStyle(recipe.formula, style))}</code></li>`,
    )
    .join('');
  return `<!DOCTYPE html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<style>
body { font: 13px/1.45 Arial, sans-serif; color: #202124; margin: 12px; }
h1 { font-size: 18px; } h2 { font-size: 15px; margin-top: 24px; border-top: 1px solid #dadce0; padding-top: 12px; }
h2 small { font-weight: normal; color: #5f6368; } code { background: #f1f3f4; padding: 1px 3px; border-radius: 3px; word-break: break-word; }
nav { line-height: 1.9; } a { color: #1a73e8; }
</style>
</head>
<body>
<h1>${h.title}</h1>
<p>${escapeHtml(h.separators)}</p>
<nav>${index}</nav>
${helps.map((help) => renderFunction(help, language)).join('\n')}
<h2>${h.recipes}</h2>
<ul>${recipes}</ul>
<script>${IN_PAGE_LINKS}</script>
</body>
</html>
`;
}

export async function build(context: BuildStepContext): Promise<string[]> {
  const files: string[] = [];
  for (const language of Object.keys(REFERENCE_FILES) as Language[]) {
    const file = path.join(context.distDir, REFERENCE_FILES[language]);
    await fs.writeFile(file, renderReferenceHtml(language), 'utf8');
    files.push(file);
  }
  return files;
}
