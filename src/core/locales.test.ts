import { dateOrderOf, decimalSeparatorOf, isMonthFirst, languageOf } from './context';
import { isKnownLocale, localeFormat } from './locales';

/** The locales of File → Settings in Sheets, as getSpreadsheetLocale() spells them. */
const SHEETS_LOCALES = `es_AR hy_AM en_AU az_AZ es_BY es_BO pt_BR bg_BG en_CA fr_CA es_CL zh_CN
  es_CO hr_HR cs_CZ da_DK es_EC ar_EG fi_FI fr_FR ka_GE de_DE el_GR zh_HK hu_HU hi_IN bn_IN gu_IN
  kn_IN ml_IN mr_IN pa_IN ta_IN te_IN in_ID en_IE iw_IL he_IL it_IT ja_JP kk_KZ lv_LV lt_LT es_MX
  mn_MN my_MM nl_NL no_NO nn_NO es_PY fil_PH pl_PL pt_PT ro_RO ru_RU sr_RS sk_SK sl_SL ko_KR
  es_ES ca_ES sv_SE de_CH zh_TW th_TH tr_TR uk_UA en_GB cy_GB en_US es_UY es_VE vi_VN`.split(/\s+/);

/** Intl's tag for a Sheets locale code (Sheets keeps Java's old codes for two languages). */
const intlTag = (code: string) =>
  code
    .replace('_', '-')
    .replace(/^in-/, 'id-')
    .replace(/^iw-/, 'he-')
    .replace(/^sl-SL/, 'sl-SI');

describe('the locale table', () => {
  it('gives a decimal point where Sheets writes one, bare languages included', () => {
    for (const locale of ['en', 'en_US', 'en_GB', 'ja_JP', 'ja', 'zh_CN', 'zh_TW', 'zh_HK']) {
      expect([locale, decimalSeparatorOf(locale)]).toEqual([locale, '.']);
    }
    for (const locale of ['ko_KR', 'es_MX', 'he_IL', 'iw_IL', 'th_TH', 'de_CH', 'hi_IN']) {
      expect([locale, decimalSeparatorOf(locale)]).toEqual([locale, '.']);
    }
    for (const locale of ['fr', 'fr_FR', 'fr_CA', 'de', 'de_DE', 'es_ES', 'es', 'it_IT', 'pt_BR']) {
      expect([locale, decimalSeparatorOf(locale)]).toEqual([locale, ',']);
    }
    for (const locale of ['pt_PT', 'nl_NL', 'ru_RU', 'pl_PL', 'sv_SE', 'tr_TR', 'vi_VN']) {
      expect([locale, decimalSeparatorOf(locale)]).toEqual([locale, ',']);
    }
  });

  it('groups Swiss German thousands with an apostrophe and French ones with a space', () => {
    expect(localeFormat('de_CH').group).toBe("'");
    expect(localeFormat('fr_FR').group).toBe('\u202f');
    expect(localeFormat('de_DE').group).toBe('.');
    expect(localeFormat('en_US').group).toBe(',');
  });

  it('writes dates year first in Japanese, Chinese and Korean, month first in the US', () => {
    for (const locale of ['ja_JP', 'ja', 'zh_CN', 'zh_TW', 'zh_HK', 'ko_KR', 'ko']) {
      expect([locale, dateOrderOf(locale)]).toEqual([locale, 'ymd']);
    }
    expect(dateOrderOf('en_US')).toBe('mdy');
    expect(isMonthFirst('en_US')).toBe(true);
    for (const locale of ['en', 'en_GB', 'fr', 'fr_FR', 'de_DE', 'es_MX', 'pt_BR', 'it', 'xx_YY']) {
      expect([locale, dateOrderOf(locale)]).toEqual([locale, 'dmy']);
      expect(isMonthFirst(locale)).toBe(false);
    }
  });

  it('accepts any spelling of a locale and never uses inherited object keys', () => {
    expect(localeFormat('FR-fr')).toBe(localeFormat('fr_FR'));
    expect(localeFormat(' de_ch ')).toBe(localeFormat('de_CH'));
    for (const odd of ['__proto__', 'constructor', 'toString', '', 'hasOwnProperty_US']) {
      expect(localeFormat(odd)).toEqual({ decimal: ',', group: '.', dateOrder: 'dmy' });
      expect(isKnownLocale(odd)).toBe(false);
    }
    expect(isKnownLocale('fr')).toBe(true);
    expect(isKnownLocale('en_US')).toBe(true);
    expect(isKnownLocale('xx')).toBe(false);
  });

  it('speaks French in fr* locales only', () => {
    expect(['fr', 'fr_FR', 'fr-CA', 'FR_ch'].map(languageOf)).toEqual(['fr', 'fr', 'fr', 'fr']);
    expect(['en', 'fil_PH', 'fur', 'de_DE'].map(languageOf)).toEqual(['en', 'en', 'en', 'en']);
  });

  it('knows every locale Sheets offers and agrees with CLDR on its decimal separator', () => {
    const differences: string[] = [];
    for (const code of SHEETS_LOCALES) {
      expect([code, isKnownLocale(code)]).toEqual([code, true]);
      const parts = new Intl.NumberFormat(intlTag(code), { numberingSystem: 'latn' }).formatToParts(
        1234.5,
      );
      const cldr = parts.find((p) => p.type === 'decimal')?.value;
      if (cldr !== localeFormat(code).decimal) differences.push(code);
    }
    expect(differences).toEqual([]);
  });
});
