/**
 * The help center's relevance test set (issue 12): what readers type, in their own words, with the
 * article that answers it. Written from the articles' content before the engine was tuned, and
 * never edited to make a query pass: symptoms instead of titles, inflected word forms, everyday
 * words for the product's terms, typos, missing accents. Each reader searches what they are
 * served (their locale's translation, English otherwise), so some French and Russian queries
 * target articles a reader of that language gets in English.
 *
 * test/relevance.int-spec.ts loads the seed, runs every query through the search port and prints
 * success@3 (the expected article among the first three) and the mean reciprocal rank; it fails
 * below 90 % success@3.
 */
export interface RelevanceQuery {
  query: string;
  locale: 'en' | 'fr' | 'ru';
  /** slug of the seed article that answers it */
  expected: string;
  /** what the query tests, for the report */
  kind: 'symptom' | 'word form' | 'synonym' | 'typo' | 'accents' | 'question';
}

export const RELEVANCE_QUERIES: readonly RelevanceQuery[] = [
  // English
  { locale: 'en', query: 'i can hear myself repeating in calls', expected: 'fix-audio-echo', kind: 'symptom' },
  { locale: 'en', query: 'loud whistling noise when two laptops are in the same room', expected: 'fix-audio-echo', kind: 'symptom' },
  { locale: 'en', query: 'nobody can hear me', expected: 'microphone-or-speaker-not-working', kind: 'symptom' },
  { locale: 'en', query: 'my mic doesnt work', expected: 'microphone-or-speaker-not-working', kind: 'synonym' },
  { locale: 'en', query: 'webcam shows a black picture', expected: 'camera-not-detected', kind: 'synonym' },
  { locale: 'en', query: 'camra not found', expected: 'camera-not-detected', kind: 'typo' },
  { locale: 'en', query: 'blur the room behind me', expected: 'virtual-background', kind: 'symptom' },
  { locale: 'en', query: 'change backround image', expected: 'virtual-background', kind: 'typo' },
  { locale: 'en', query: 'my video looks dark and blurry', expected: 'improve-video-quality', kind: 'symptom' },
  { locale: 'en', query: 'present my slides to everyone', expected: 'share-your-screen', kind: 'synonym' },
  { locale: 'en', query: 'others only see black when i present', expected: 'screen-sharing-black-screen', kind: 'symptom' },
  { locale: 'en', query: 'play a video with sound to attendees', expected: 'share-sound-and-video-clips', kind: 'symptom' },
  { locale: 'en', query: 'forgot my password', expected: 'reset-password-and-sign-in', kind: 'word form' },
  { locale: 'en', query: 'turn on 2fa', expected: 'enable-two-factor-authentication', kind: 'synonym' },
  { locale: 'en', query: 'where can i download my bill', expected: 'invoices-and-payment-methods', kind: 'synonym' },
  { locale: 'en', query: 'credit card declined', expected: 'payment-failed', kind: 'symptom' },
  { locale: 'en', query: 'cancel my subscription', expected: 'upgrade-or-downgrade-your-plan', kind: 'synonym' },
  { locale: 'en', query: 'differences between free and pro', expected: 'compare-plans', kind: 'question' },
  { locale: 'en', query: 'let people in from the lobby', expected: 'use-the-waiting-room', kind: 'synonym' },
  { locale: 'en', query: 'split attendees into small groups', expected: 'breakout-rooms', kind: 'symptom' },
  { locale: 'en', query: 'save the meeting as a video file', expected: 'record-a-meeting', kind: 'synonym' },
  { locale: 'en', query: 'call in by telephone without internet', expected: 'join-by-phone', kind: 'symptom' },
  { locale: 'en', query: 'installer fails when updating the app', expected: 'error-3000-install-or-update-failed', kind: 'word form' },
  { locale: 'en', query: 'says the meeting number is invalid', expected: 'error-3001-meeting-does-not-exist', kind: 'symptom' },
  { locale: 'en', query: 'keeps disconnecting in the middle of meetings', expected: 'error-104101-connection-lost', kind: 'symptom' },
  { locale: 'en', query: 'choppy robotic voice', expected: 'poor-connection-frozen-video', kind: 'word form' },
  { locale: 'en', query: 'app cannot reach the servers behind our firewall', expected: 'error-5003-cannot-connect', kind: 'symptom' },
  { locale: 'en', query: 'hand over the account to a colleague', expected: 'transfer-account-ownership', kind: 'synonym' },
  { locale: 'en', query: 'invite new employees to our company account', expected: 'add-and-remove-users', kind: 'synonym' },
  { locale: 'en', query: 'login through our identity provider fails', expected: 'sso-sign-in-error-7200', kind: 'symptom' },
  { locale: 'en', query: 'schedule a weekly meeting that repeats', expected: 'recurring-meetings', kind: 'word form' },
  { locale: 'en', query: 'messages stuck and not delivered', expected: 'chat-messages-not-sent', kind: 'symptom' },
  { locale: 'en', query: 'silence chat alerts at night', expected: 'chat-notifications-and-do-not-disturb', kind: 'synonym' },
  { locale: 'en', query: 'how fast will support answer me', expected: 'support-priority-levels', kind: 'question' },
  { locale: 'en', query: 'phone number to call support', expected: 'contact-support', kind: 'question' },
  { locale: 'en', query: 'minimum internet speed needed', expected: 'system-requirements', kind: 'question' },
  { locale: 'en', query: 'join without downloading anything', expected: 'join-from-a-web-browser', kind: 'symptom' },
  { locale: 'en', query: 'ask the audience questions during a webinar', expected: 'webinar-q-and-a-and-polls', kind: 'question' },
  { locale: 'en', query: 'screen shring', expected: 'share-your-screen', kind: 'typo' },
  { locale: 'en', query: 'breakout romms', expected: 'breakout-rooms', kind: 'typo' },

  // French
  { locale: 'fr', query: "j'entends ma propre voix en écho", expected: 'fix-audio-echo', kind: 'symptom' },
  { locale: 'fr', query: 'sifflement aigu pendant la visio', expected: 'fix-audio-echo', kind: 'symptom' },
  { locale: 'fr', query: 'flouter le fond derrière moi', expected: 'virtual-background', kind: 'word form' },
  { locale: 'fr', query: 'mettre une image en fond', expected: 'virtual-background', kind: 'synonym' },
  { locale: 'fr', query: 'ma webcam donne une image sombre', expected: 'improve-video-quality', kind: 'symptom' },
  { locale: 'fr', query: 'montrer mon écran aux participants', expected: 'share-your-screen', kind: 'synonym' },
  { locale: 'fr', query: 'partage d ecran', expected: 'share-your-screen', kind: 'accents' },
  { locale: 'fr', query: 'faire entrer les invités qui attendent', expected: 'use-the-waiting-room', kind: 'word form' },
  { locale: 'fr', query: "salle d'atente", expected: 'use-the-waiting-room', kind: 'typo' },
  { locale: 'fr', query: 'diviser les participants en équipes', expected: 'breakout-rooms', kind: 'synonym' },
  { locale: 'fr', query: 'où trouver ma facture en pdf', expected: 'invoices-and-payment-methods', kind: 'word form' },
  { locale: 'fr', query: 'changer de carte bancaire', expected: 'invoices-and-payment-methods', kind: 'symptom' },
  { locale: 'fr', query: 'arrêter mon abonnement', expected: 'upgrade-or-downgrade-your-plan', kind: 'synonym' },
  { locale: 'fr', query: 'passer au forfait business', expected: 'upgrade-or-downgrade-your-plan', kind: 'question' },
  { locale: 'fr', query: "différences entre l'offre gratuite et pro", expected: 'compare-plans', kind: 'synonym' },
  { locale: 'fr', query: 'code de vérification par sms', expected: 'enable-two-factor-authentication', kind: 'symptom' },
  { locale: 'fr', query: 'double authentification', expected: 'enable-two-factor-authentication', kind: 'synonym' },
  { locale: 'fr', query: 'inviter des collègues dans notre compte', expected: 'add-and-remove-users', kind: 'synonym' },
  { locale: 'fr', query: 'importer des utilisateurs depuis un fichier csv', expected: 'add-and-remove-users', kind: 'word form' },
  { locale: 'fr', query: 'programmer une réunion pour demain', expected: 'schedule-a-meeting', kind: 'synonym' },
  { locale: 'fr', query: 'installer meetly sur mon iphone', expected: 'install-the-apps', kind: 'word form' },
  { locale: 'fr', query: "l'installation échoue", expected: 'error-3000-install-or-update-failed', kind: 'word form' },
  { locale: 'fr', query: 'la mise a jour ne se fait pas', expected: 'error-3000-install-or-update-failed', kind: 'accents' },
  { locale: 'fr', query: 'identifiant de reunion invalide', expected: 'error-3001-meeting-does-not-exist', kind: 'accents' },
  { locale: 'fr', query: 'rejoindre une visio avec le lien reçu', expected: 'quick-start-join-a-meeting', kind: 'synonym' },
  { locale: 'fr', query: 'lancer ma première visioconférence', expected: 'quick-start-host-your-first-meeting', kind: 'synonym' },
  { locale: 'fr', query: 'combien de spectateurs dans un webinaire', expected: 'webinars-vs-meetings', kind: 'question' },
  { locale: 'fr', query: 'conférence en ligne avec inscription des intervenants', expected: 'quick-start-host-a-webinar', kind: 'synonym' },
  { locale: 'fr', query: 'créer un salon de discussion pour mon équipe', expected: 'create-and-manage-chat-channels', kind: 'synonym' },
  { locale: 'fr', query: "appeler l'assistance par téléphone", expected: 'contact-support', kind: 'word form' },
  { locale: 'fr', query: "ouvrir une demande d'aide auprès du support", expected: 'submit-a-support-ticket', kind: 'synonym' },
  { locale: 'fr', query: 'en combien de temps le support répond', expected: 'support-priority-levels', kind: 'question' },
  { locale: 'fr', query: 'nouveautés de juin', expected: 'release-notes-2026-06-23', kind: 'word form' },
  { locale: 'fr', query: 'enregistrer ma réunion', expected: 'record-a-meeting', kind: 'synonym' },

  // Russian
  { locale: 'ru', query: 'меня не слышат собеседники', expected: 'microphone-or-speaker-not-working', kind: 'symptom' },
  { locale: 'ru', query: 'не слышу других участников', expected: 'microphone-or-speaker-not-working', kind: 'symptom' },
  { locale: 'ru', query: 'черный экран вместо видео с камеры', expected: 'camera-not-detected', kind: 'symptom' },
  { locale: 'ru', query: 'вебка не определяется', expected: 'camera-not-detected', kind: 'synonym' },
  { locale: 'ru', query: 'размыть задний фон', expected: 'virtual-background', kind: 'word form' },
  { locale: 'ru', query: 'поставить картинку на фон', expected: 'virtual-background', kind: 'word form' },
  { locale: 'ru', query: 'показать презентацию участникам', expected: 'share-your-screen', kind: 'synonym' },
  { locale: 'ru', query: 'как показать свой экран', expected: 'share-your-screen', kind: 'word form' },
  { locale: 'ru', query: 'слышу свой голос повторно', expected: 'fix-audio-echo', kind: 'symptom' },
  { locale: 'ru', query: 'громкий вой в конференции', expected: 'fix-audio-echo', kind: 'symptom' },
  { locale: 'ru', query: 'записать встречу', expected: 'record-a-meeting', kind: 'word form' },
  { locale: 'ru', query: 'где хранятся записи конференций', expected: 'record-a-meeting', kind: 'word form' },
  { locale: 'ru', query: 'запись', expected: 'record-a-meeting', kind: 'word form' },
  { locale: 'ru', query: 'забыл пароль', expected: 'reset-password-and-sign-in', kind: 'word form' },
  { locale: 'ru', query: 'не могу войти в аккаунт', expected: 'reset-password-and-sign-in', kind: 'synonym' },
  { locale: 'ru', query: 'позвонить в конференцию с мобильного', expected: 'join-by-phone', kind: 'word form' },
  { locale: 'ru', query: 'где найти номер конференции', expected: 'meeting-id-and-passcode', kind: 'synonym' },
  { locale: 'ru', query: 'впустить гостей', expected: 'use-the-waiting-room', kind: 'word form' },
  { locale: 'ru', query: 'комната ожидания', expected: 'use-the-waiting-room', kind: 'synonym' },
  { locale: 'ru', query: 'написать личное сообщение участнику', expected: 'in-meeting-chat', kind: 'word form' },
  { locale: 'ru', query: 'проверить микрофон перед встречей', expected: 'test-audio-and-video-before-joining', kind: 'word form' },
  { locale: 'ru', query: 'чем отличается владелец от администратора', expected: 'account-roles-owner-admin-member', kind: 'word form' },
  { locale: 'ru', query: 'какой тариф выбрать', expected: 'compare-plans', kind: 'question' },
  { locale: 'ru', query: 'телефон техподдержки', expected: 'contact-support', kind: 'synonym' },
  { locale: 'ru', query: 'создать обращение в поддержку', expected: 'submit-a-support-ticket', kind: 'synonym' },
  { locale: 'ru', query: 'как быстро ответит поддержка', expected: 'support-priority-levels', kind: 'question' },
  { locale: 'ru', query: 'онлайн чат с инженером', expected: 'web-chat-with-support', kind: 'word form' },
  { locale: 'ru', query: 'у меня бесплатный аккаунт куда обращаться', expected: 'faq-support-for-free-and-members', kind: 'question' },
  { locale: 'ru', query: 'приложение не может связаться с серверами', expected: 'error-5003-cannot-connect', kind: 'symptom' },
  { locale: 'ru', query: 'постоянно прерывается соединение', expected: 'error-104101-connection-lost', kind: 'word form' },
  {
    locale: 'ru',
    query: 'учетную запись ограничили не пускает на конференции',
    expected: 'error-1132-account-cannot-join',
    kind: 'symptom',
  },
  { locale: 'ru', query: 'первый раз провожу конференцию', expected: 'quick-start-host-your-first-meeting', kind: 'word form' },
  { locale: 'ru', query: 'как присоединиться к конференции по ссылке', expected: 'quick-start-join-a-meeting', kind: 'word form' },
  { locale: 'ru', query: 'идентификатор конференциии', expected: 'meeting-id-and-passcode', kind: 'typo' },
];
