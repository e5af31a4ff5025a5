/**
 * Values a wrong or hostile producer could put in any field or attribute: missing, empty, blank,
 * the wrong type, an empty or one-element list, an empty object. The contract checks' tests set
 * each field to each of them (and to values of their own).
 */
export const ODD_VALUES: readonly unknown[] = [undefined, null, '', ' ', 'x', 0, 1, true, [], ['x'], {}];
