/**
 * Apps Script enum values are objects (not strings or numbers): they print as their
 * name, compare by identity, and have name()/ordinal().
 */
export class EnumValue {
  constructor(
    private readonly enumName: string,
    private readonly valueName: string,
    private readonly index: number,
  ) {}
  name(): string {
    return this.valueName;
  }
  ordinal(): number {
    return this.index;
  }
  toString(): string {
    return this.valueName;
  }
  toJSON(): string {
    return this.valueName;
  }
  /** "ChartType.COLUMN", for messages. */
  qualified(): string {
    return `${this.enumName}.${this.valueName}`;
  }
}

export function makeEnum<T>(enumName: string, names: readonly string[]): T {
  const out: Record<string, EnumValue> = {};
  names.forEach((n, i) => (out[n] = new EnumValue(enumName, n, i)));
  return Object.freeze(out) as unknown as T;
}

export function isEnumValue(value: unknown): value is EnumValue {
  return value instanceof EnumValue;
}

/** The name of an enum value (or of a string standing for one). */
export function enumName(value: unknown): string {
  return value instanceof EnumValue ? value.name() : String(value);
}

type Charts = typeof GoogleAppsScript.Charts;
type Spreadsheet = typeof GoogleAppsScript.Spreadsheet;
type Base = typeof GoogleAppsScript.Base;
type Script = typeof GoogleAppsScript.Script;
type Html = typeof GoogleAppsScript.HTML;

export const ChartType = makeEnum<Charts['ChartType']>('ChartType', [
  'TIMELINE',
  'AREA',
  'BAR',
  'BUBBLE',
  'CANDLESTICK',
  'COLUMN',
  'COMBO',
  'GAUGE',
  'GEO',
  'HISTOGRAM',
  'RADAR',
  'LINE',
  'ORG',
  'PIE',
  'SCATTER',
  'SPARKLINE',
  'STEPPED_AREA',
  'TABLE',
  'TREEMAP',
  'WATERFALL',
]);
export const Position = makeEnum<Charts['Position']>('Position', [
  'TOP',
  'RIGHT',
  'BOTTOM',
  'NONE',
]);
export const CurveStyle = makeEnum<Charts['CurveStyle']>('CurveStyle', ['NORMAL', 'SMOOTH']);
export const PointStyle = makeEnum<Charts['PointStyle']>('PointStyle', [
  'NONE',
  'TINY',
  'MEDIUM',
  'LARGE',
  'HUGE',
]);
export const ChartHiddenDimensionStrategy = makeEnum<Charts['ChartHiddenDimensionStrategy']>(
  'ChartHiddenDimensionStrategy',
  ['IGNORE_BOTH', 'IGNORE_ROWS', 'IGNORE_COLUMNS', 'SHOW_BOTH'],
);
export const ChartMergeStrategy = makeEnum<Charts['ChartMergeStrategy']>('ChartMergeStrategy', [
  'MERGE_COLUMNS',
  'MERGE_ROWS',
]);
export const DeveloperMetadataVisibility = makeEnum<Spreadsheet['DeveloperMetadataVisibility']>(
  'DeveloperMetadataVisibility',
  ['DOCUMENT', 'PROJECT'],
);
export const DeveloperMetadataLocationType = makeEnum<Spreadsheet['DeveloperMetadataLocationType']>(
  'DeveloperMetadataLocationType',
  ['SPREADSHEET', 'SHEET', 'ROW', 'COLUMN'],
);
export const BorderStyle = makeEnum<Spreadsheet['BorderStyle']>('BorderStyle', [
  'DOTTED',
  'DASHED',
  'SOLID',
  'SOLID_MEDIUM',
  'SOLID_THICK',
  'DOUBLE',
]);
export const WrapStrategy = makeEnum<Spreadsheet['WrapStrategy']>('WrapStrategy', [
  'WRAP',
  'OVERFLOW',
  'CLIP',
]);
export const Dimension = makeEnum<Spreadsheet['Dimension']>('Dimension', ['COLUMNS', 'ROWS']);
export const Button = makeEnum<Base['Button']>('Button', ['CLOSE', 'OK', 'CANCEL', 'YES', 'NO']);
export const ButtonSet = makeEnum<Base['ButtonSet']>('ButtonSet', [
  'OK',
  'OK_CANCEL',
  'YES_NO',
  'YES_NO_CANCEL',
]);
export const AuthMode = makeEnum<Script['AuthMode']>('AuthMode', [
  'NONE',
  'CUSTOM_FUNCTION',
  'LIMITED',
  'FULL',
]);
export const AuthorizationStatus = makeEnum<Script['AuthorizationStatus']>('AuthorizationStatus', [
  'REQUIRED',
  'NOT_REQUIRED',
]);
export const SandboxMode = makeEnum<Html['SandboxMode']>('SandboxMode', [
  'EMULATED',
  'IFRAME',
  'NATIVE',
]);
export const XFrameOptionsMode = makeEnum<Html['XFrameOptionsMode']>('XFrameOptionsMode', [
  'ALLOWALL',
  'DEFAULT',
]);
