/** One id per rep (rule 4) across deals, activities, targets and feedback; first spelling shown. */
export class RepRegistry {
  readonly labels: string[] = [];
  private readonly byKey = new Map<string, number>();

  /** Local codes of a label column → registry ids. */
  map(
    column: { readonly keys: string[]; readonly labels: string[] } | null | undefined,
  ): Int32Array {
    if (!column) return new Int32Array(0);
    const ids = new Int32Array(column.keys.length);
    column.keys.forEach((key, code) => {
      let id = this.byKey.get(key);
      if (id === undefined) {
        id = this.labels.length;
        this.labels.push(column.labels[code]);
        this.byKey.set(key, id);
      }
      ids[code] = id;
    });
    return ids;
  }

  get size(): number {
    return this.labels.length;
  }
}
