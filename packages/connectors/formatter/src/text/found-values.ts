/** What a "Find … in text" step gives: the first found (null for none, which leaves a later field empty) and all. */
export const foundValues = <T>(all: T[]) => ({ value: all[0] ?? null, found: all.length > 0, all });
