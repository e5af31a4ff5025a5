import { guessTextLocale } from './text-language';

describe('guessTextLocale', () => {
  it.each([
    ['Echo in every meeting: participants hear their own voice when I speak', 'en'],
    ['Здравствуйте! В конференции 845 2913 4470 слышно эхо, что делать?', 'ru'],
    ['Bonjour, je n’arrive pas à activer la salle d’attente pour mes réunions', 'fr'],
    ['Error 5003 when I join from the Meetly app on Windows', 'en'],
    ['Erreur 5003 : impossible de se connecter depuis l’application', 'fr'],
    ['Meetly: ошибка 5003 при подключении через VPN', 'ru'],
    ['', 'en'],
    ['5003', 'en'],
  ])('%s → %s', (text, locale) => {
    expect(guessTextLocale(text)).toBe(locale);
  });
});
