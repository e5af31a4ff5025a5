import { defaultHotlines, validateHotline, type HotlineNumber } from './index';

describe('defaultHotlines', () => {
  it('holds exactly the English-speaking lines of domain.md, each reached by extension 2', () => {
    expect(defaultHotlines()).toEqual([
      { country: 'US', countryName: 'United States', number: '+1.888.799.9666', extension: '2', language: 'en', tollFree: true },
      { country: 'US', countryName: 'United States', number: '+1.650.397.6096', extension: '2', language: 'en', tollFree: false },
      { country: 'AU', countryName: 'Australia', number: '+61.1800.768.027', extension: '2', language: 'en', tollFree: true },
      { country: 'GB', countryName: 'United Kingdom', number: '+44.800.368.7314', extension: '2', language: 'en', tollFree: true },
      { country: 'GB', countryName: 'United Kingdom', number: '+44.20.7039.8961', extension: '2', language: 'en', tollFree: false },
    ]);
  });

  it('passes its own validation', () => {
    for (const hotline of defaultHotlines()) expect(validateHotline(hotline)).toEqual([]);
  });

  it('returns a fresh list each time', () => {
    defaultHotlines()[0].number = '+1.000';
    expect(defaultHotlines()[0].number).toBe('+1.888.799.9666');
  });
});

describe('validateHotline', () => {
  const line = (overrides: Partial<Record<keyof HotlineNumber, unknown>>) => ({ ...defaultHotlines()[0], ...overrides });

  it('accepts a line without an extension and a regional language', () => {
    expect(validateHotline(line({ extension: '', language: 'en-GB' }))).toEqual([]);
  });

  it('names every bad field', () => {
    expect(
      validateHotline(
        line({ country: 'USA', countryName: '', number: '1-888-799-9666', extension: 'two', language: 'English', tollFree: 'yes' }),
      ),
    ).toEqual([
      'country: must be an ISO 3166-1 alpha-2 code such as \'US\' (got "USA")',
      'countryName: must be a non-empty string',
      "number: must be '+', a country code and dot-separated digit groups such as '+1.888.799.9666' (got \"1-888-799-9666\")",
      'extension: must be up to 6 digits, or empty when none is needed (got "two")',
      "language: must be a language tag such as 'en' or 'en-GB' (got \"English\")",
      'tollFree: must be true or false (got "yes")',
    ]);
  });

  it('refuses a number longer than E.164 allows', () => {
    expect(validateHotline(line({ number: '+44.20.7039.8961.12345' }))).toEqual([
      'number: has more than 15 digits (got "+44.20.7039.8961.12345")',
    ]);
  });

  it('refuses what is not a hotline at all', () => {
    expect(validateHotline('+1.888.799.9666')).toEqual(['hotline: must be an object']);
  });
});
