/**
 * The sidebar's "Generate KPI summary" button (in #summary-slot of page.html): it runs
 * the server's generateSummary, shows progress, then the result (tabs written, rows
 * read, rows skipped, what to check) or, in plain words, why nothing was written.
 */
import type { Language } from '../core/context';
import type * as summaryServer from '../server/generate';
import { asError, call } from './client';
import { h, replaceChildren } from './dom';

type SummaryResult = ReturnType<typeof summaryServer.generateSummary>;

const TEXTS = {
  en: {
    title: 'KPI summary',
    help: 'Writes the summary tabs (overview, reps, trends, funnel…) with charts, from the saved mapping.',
    button: 'Generate KPI summary',
    working:
      'Generating the summary tabs… This takes a few seconds, up to a minute for large sheets.',
    saveFirst: 'Save your changes first: the summary uses the saved mapping.',
    failed: 'The KPI summary was not written: {message}',
    tabs: 'Tabs written: {tabs}.',
  },
  fr: {
    title: 'Synthèse KPI',
    help: 'Écrit les onglets de synthèse (synthèse, commerciaux, tendances, entonnoir…) avec graphiques, à partir de l’association enregistrée.',
    button: 'Générer la synthèse KPI',
    working:
      'Génération des onglets de synthèse… Quelques secondes, jusqu’à une minute pour de grandes feuilles.',
    saveFirst:
      'Enregistrez d’abord vos modifications : la synthèse utilise l’association enregistrée.',
    failed: 'La synthèse KPI n’a pas été écrite : {message}',
    tabs: 'Onglets écrits : {tabs}.',
  },
};
type TextKey = keyof (typeof TEXTS)['en'];

/** What the summary block needs from the sidebar around it. */
export interface SummaryHost {
  language(): Language;
  /** Unsaved mapping changes (the summary would not use them). */
  isDirty(): boolean;
  isBusy(): boolean;
  setBusy(value: boolean): void;
  say(message: string): void;
  sayError(message: string): void;
}

/** google.script.run's generateSummary, as a promise typed by the server module. */
export interface SummaryBlock {
  /** Redraws the block (after a change of language). */
  render(): void;
}

export function mountSummary(slot: HTMLElement, host: SummaryHost): SummaryBlock {
  let running = false;
  let result: SummaryResult | null = null;
  const t = (key: TextKey, params: Record<string, string> = {}) =>
    TEXTS[host.language()][key].replace(
      /\{(\w+)\}/g,
      (whole, name: string) => params[name] ?? whole,
    );

  const render = () => {
    const button = h('button', {
      type: 'button',
      id: 'generate-summary',
      className: 'primary',
      'aria-disabled': running ? 'true' : 'false',
      'aria-describedby': 'summary-help',
      text: t('button'),
    });
    button.addEventListener('click', () => void generate());
    const outcome: (HTMLElement | null)[] = [];
    if (result?.ok) {
      outcome.push(h('p', { className: 'ok', text: result.message }));
      outcome.push(
        h('p', {
          className: 'muted',
          text: t('tabs', { tabs: result.tabs.map((tab) => tab.name).join(', ') }),
        }),
      );
      if (result.warnings.length > 0) {
        outcome.push(
          h('ul', { className: 'problems' }, ...result.warnings.map((w) => h('li', { text: w }))),
        );
      }
    }
    replaceChildren(slot, [
      h('h2', { text: t('title') }),
      h('p', { className: 'muted', id: 'summary-help', text: t('help') }),
      h('div', { className: 'buttons' }, button),
      h('div', { id: 'summary-result', 'aria-live': 'polite' }, ...outcome),
    ]);
  };

  const generate = async () => {
    if (running || host.isBusy()) return;
    if (host.isDirty()) {
      host.sayError(t('saveFirst'));
      return;
    }
    running = true;
    result = null;
    host.setBusy(true);
    render();
    slot.setAttribute('aria-busy', 'true');
    host.say(t('working'));
    try {
      result = await call('generateSummary', {});
      if (result.ok) host.say('');
      else host.sayError(result.message);
    } catch (error) {
      host.sayError(t('failed', { message: asError(error).message }));
    } finally {
      running = false;
      host.setBusy(false);
      slot.setAttribute('aria-busy', 'false');
      render();
      document.getElementById('generate-summary')?.focus();
    }
  };

  render();
  return { render };
}
