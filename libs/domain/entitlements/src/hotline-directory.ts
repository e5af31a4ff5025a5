/** One phone line to the support desk, as published to customers. */
export interface HotlineNumber {
  /** ISO 3166-1 alpha-2 */
  country: string;
  countryName: string;
  /** E.164 digits grouped with dots, as the source prints them: '+1.888.799.9666' */
  number: string;
  /** What to dial once connected; the sources route every line through extension 2. */
  extension: string;
  /** The language spoken on the line (BCP 47); the desk answers phones in English only. */
  language: string;
  tollFree: boolean;
}

/** The hotlines named by the source documents. */
export function defaultHotlines(): HotlineNumber[] {
  const line = (country: string, countryName: string, number: string, tollFree: boolean): HotlineNumber => ({
    country,
    countryName,
    number,
    extension: '2',
    language: 'en',
    tollFree,
  });
  return [
    line('US', 'United States', '+1.888.799.9666', true),
    line('US', 'United States', '+1.650.397.6096', false),
    line('AU', 'Australia', '+61.1800.768.027', true),
    line('GB', 'United Kingdom', '+44.800.368.7314', true),
    line('GB', 'United Kingdom', '+44.20.7039.8961', false),
  ];
}

const COUNTRY_CODE = /^[A-Z]{2}$/;
const DOTTED_E164 = /^\+[1-9]\d{0,2}(?:\.\d+)+$/;
// E.164 caps a full international number at 15 digits.
const E164_MAX_DIGITS = 15;
const EXTENSION = /^\d{0,6}$/;
const LANGUAGE_TAG = /^[a-z]{2,3}(?:-[A-Z]{2})?$/;

function show(value: unknown): string {
  return value === undefined ? 'undefined' : JSON.stringify(value);
}

/** Every problem with a hotline entry, each naming its field; empty when it can be published. */
export function validateHotline(hotline: unknown): string[] {
  if (typeof hotline !== 'object' || hotline === null || Array.isArray(hotline)) return ['hotline: must be an object'];
  const h = hotline as Record<string, unknown>;
  const problems: string[] = [];
  if (typeof h.country !== 'string' || !COUNTRY_CODE.test(h.country)) {
    problems.push(`country: must be an ISO 3166-1 alpha-2 code such as 'US' (got ${show(h.country)})`);
  }
  if (typeof h.countryName !== 'string' || h.countryName.trim() === '') problems.push('countryName: must be a non-empty string');
  if (typeof h.number !== 'string' || !DOTTED_E164.test(h.number)) {
    problems.push(`number: must be '+', a country code and dot-separated digit groups such as '+1.888.799.9666' (got ${show(h.number)})`);
  } else if (h.number.replace(/\D/g, '').length > E164_MAX_DIGITS) {
    problems.push(`number: has more than ${E164_MAX_DIGITS} digits (got ${show(h.number)})`);
  }
  if (typeof h.extension !== 'string' || !EXTENSION.test(h.extension)) {
    problems.push(`extension: must be up to 6 digits, or empty when none is needed (got ${show(h.extension)})`);
  }
  if (typeof h.language !== 'string' || !LANGUAGE_TAG.test(h.language)) {
    problems.push(`language: must be a language tag such as 'en' or 'en-GB' (got ${show(h.language)})`);
  }
  if (typeof h.tollFree !== 'boolean') problems.push(`tollFree: must be true or false (got ${show(h.tollFree)})`);
  return problems;
}
