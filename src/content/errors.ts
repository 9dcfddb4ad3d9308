/** ContentError: a bad content file, naming the file and the field so staff can fix it. */
export class ContentError extends Error {
  override name = 'ContentError';
  constructor(
    readonly file: string,
    readonly field: string,
    readonly detail: string,
  ) {
    super(`${file}: ${field ? `${field}: ` : ''}${detail}`);
  }
}

/** Collects many ContentErrors so validation can report all of them at once. */
export class ContentErrors extends Error {
  override name = 'ContentErrors';
  constructor(readonly errors: ContentError[]) {
    super(`${errors.length} content error(s):\n${errors.map((e) => `  ${e.message}`).join('\n')}`);
  }
}
