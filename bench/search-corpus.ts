/**
 * A generated help center for the search bench: articles about what a video-meeting product's
 * help center is about (audio, video, meetings, screen sharing, recording, chat, billing,
 * accounts, sign-in, devices, errors with codes), English for every article and one more locale
 * for about 40 % of them, with word frequencies that fall off like natural text (Zipf: a topic's
 * first words are common, its last ones rare), titles of 4–10 words and bodies of 100–400 words.
 * And the queries readers type: 1–4 words, some with an error code, some in French or Russian.
 * Everything comes from one seed, so two runs generate the same corpus and the same queries.
 */

export type CorpusLocale = 'en' | 'fr' | 'ru' | 'de' | 'es';

// One concept per row, in en, fr, ru, de, es; "a|b" lists word forms a text may use.
type Concept = readonly [string, string, string, string, string];

interface Topic {
  name: string;
  /** most characteristic first: earlier words are drawn more often (Zipf) */
  words: readonly Concept[];
}

const TOPICS: readonly Topic[] = [
  {
    name: 'audio',
    words: [
      ['audio', 'audio|son', 'звук|звука|звуком', 'Audio|Ton', 'audio|sonido'],
      ['microphone', 'micro|microphone', 'микрофон|микрофона', 'Mikrofon', 'micrófono'],
      ['echo', 'écho', 'эхо', 'Echo', 'eco'],
      ['speaker', 'haut-parleur', 'динамик|динамика', 'Lautsprecher', 'altavoz'],
      ['headset', 'casque', 'гарнитура|гарнитуру', 'Headset', 'auriculares'],
      ['mute', 'muet|couper', 'выключить|отключен', 'stumm', 'silenciar'],
      ['noise', 'bruit', 'шум|шума', 'Rauschen|Lärm', 'ruido'],
      ['volume', 'volume', 'громкость', 'Lautstärke', 'volumen'],
      ['voice', 'voix', 'голос|голоса', 'Stimme', 'voz'],
      ['crackling', 'grésillement', 'треск', 'Knistern', 'chasquido'],
      ['bluetooth', 'bluetooth', 'bluetooth', 'Bluetooth', 'bluetooth'],
      ['suppression', 'suppression', 'подавление', 'Unterdrückung', 'supresión'],
    ],
  },
  {
    name: 'video',
    words: [
      ['video', 'vidéo', 'видео', 'Video', 'vídeo'],
      ['camera', 'caméra', 'камера|камеру|камеры', 'Kamera', 'cámara'],
      ['background', 'arrière-plan', 'фон|фона', 'Hintergrund', 'fondo'],
      ['virtual', 'virtuel', 'виртуальный', 'virtuell', 'virtual'],
      ['blurry', 'floue', 'размытое', 'unscharf', 'borroso'],
      ['quality', 'qualité', 'качество', 'Qualität', 'calidad'],
      ['resolution', 'résolution', 'разрешение', 'Auflösung', 'resolución'],
      ['frozen', 'figée', 'зависает', 'eingefroren', 'congelado'],
      ['webcam', 'webcam', 'вебкамера', 'Webcam', 'webcam'],
      ['lighting', 'éclairage', 'освещение', 'Beleuchtung', 'iluminación'],
      ['mirror', 'miroir', 'зеркало', 'spiegeln', 'espejo'],
      ['hd', 'hd', 'hd', 'HD', 'hd'],
    ],
  },
  {
    name: 'meetings',
    words: [
      ['meeting', 'réunion', 'встреча|встречи|встречу', 'Meeting|Besprechung', 'reunión'],
      ['join', 'rejoindre', 'присоединиться|войти', 'beitreten', 'unirse'],
      ['host', 'hôte', 'организатор|организатора', 'Gastgeber', 'anfitrión'],
      ['participants', 'participants', 'участники|участников', 'Teilnehmer', 'participantes'],
      ['waiting', 'attente', 'ожидания', 'Warteraum', 'espera'],
      ['room', 'salle', 'комната|комнаты', 'Raum', 'sala'],
      ['breakout', 'sous-commission', 'сессионные', 'Breakout', 'grupos'],
      ['invite', 'inviter|invitation', 'пригласить|приглашение', 'einladen|Einladung', 'invitar|invitación'],
      ['link', 'lien', 'ссылка|ссылку', 'Link', 'enlace'],
      ['password', 'mot de passe', 'пароль|пароля', 'Passwort', 'contraseña'],
      ['schedule', 'planifier', 'запланировать', 'planen', 'programar'],
      ['calendar', 'calendrier', 'календарь|календаря', 'Kalender', 'calendario'],
      ['webinar', 'webinaire', 'вебинар|вебинара', 'Webinar', 'seminario'],
      ['reactions', 'réactions', 'реакции', 'Reaktionen', 'reacciones'],
      ['polls', 'sondages', 'опросы', 'Umfragen', 'encuestas'],
    ],
  },
  {
    name: 'sharing',
    words: [
      ['screen', 'écran', 'экран|экрана', 'Bildschirm', 'pantalla'],
      ['share', 'partager|partage', 'демонстрация|показать', 'teilen|Freigabe', 'compartir'],
      ['presentation', 'présentation', 'презентация|презентацию', 'Präsentation', 'presentación'],
      ['whiteboard', 'tableau blanc', 'доска|доску', 'Whiteboard', 'pizarra'],
      ['window', 'fenêtre', 'окно|окна', 'Fenster', 'ventana'],
      ['annotate', 'annoter', 'аннотации', 'kommentieren', 'anotar'],
      ['remote', 'à distance', 'удаленное', 'Fernsteuerung', 'remoto'],
      ['black', 'noir', 'черный|черным', 'schwarz', 'negra'],
    ],
  },
  {
    name: 'recording',
    words: [
      ['recording', 'enregistrement', 'запись|записи', 'Aufnahme|Aufzeichnung', 'grabación'],
      ['record', 'enregistrer', 'записать', 'aufnehmen', 'grabar'],
      ['cloud', 'cloud', 'облако|облаке', 'Cloud', 'nube'],
      ['transcript', 'transcription', 'расшифровка|транскрипт', 'Transkript', 'transcripción'],
      ['download', 'télécharger', 'скачать|загрузить', 'herunterladen', 'descargar'],
      ['storage', 'stockage', 'хранилище', 'Speicher', 'almacenamiento'],
      ['local', 'local', 'локальная', 'lokal', 'local'],
      ['captions', 'sous-titres', 'субтитры', 'Untertitel', 'subtítulos'],
    ],
  },
  {
    name: 'chat',
    words: [
      ['chat', 'chat|discussion', 'чат|чате', 'Chat', 'chat'],
      ['message', 'message', 'сообщение|сообщения', 'Nachricht', 'mensaje'],
      ['channel', 'canal', 'канал|канала', 'Kanal', 'canal'],
      ['file', 'fichier', 'файл|файлы', 'Datei', 'archivo'],
      ['notifications', 'notifications', 'уведомления|уведомлений', 'Benachrichtigungen', 'notificaciones'],
      ['emoji', 'émoji', 'эмодзи', 'Emoji', 'emoji'],
      ['history', 'historique', 'история|историю', 'Verlauf', 'historial'],
    ],
  },
  {
    name: 'billing',
    words: [
      ['billing', 'facturation', 'оплата|оплаты', 'Abrechnung', 'facturación'],
      ['invoice', 'facture', 'счет|счета', 'Rechnung', 'factura'],
      ['plan', 'forfait|abonnement', 'тариф|тарифа', 'Tarif|Plan', 'plan'],
      ['payment', 'paiement', 'платеж|платежа', 'Zahlung', 'pago'],
      ['subscription', 'abonnement', 'подписка|подписку', 'Abonnement', 'suscripción'],
      ['card', 'carte', 'карта|карты', 'Karte', 'tarjeta'],
      ['refund', 'remboursement', 'возврат', 'Rückerstattung', 'reembolso'],
      ['upgrade', 'mise à niveau', 'повысить', 'Upgrade', 'mejorar'],
      ['cancel', 'annuler', 'отменить', 'kündigen', 'cancelar'],
      ['tax', 'taxe|tva', 'налог|ндс', 'Steuer', 'impuesto'],
      ['licenses', 'licences', 'лицензии|лицензий', 'Lizenzen', 'licencias'],
    ],
  },
  {
    name: 'accounts',
    words: [
      ['account', 'compte', 'аккаунт|учетная запись', 'Konto', 'cuenta'],
      ['sign', 'connexion|connecter', 'вход|войти', 'anmelden|Anmeldung', 'iniciar|sesión'],
      ['password', 'mot de passe', 'пароль|пароля', 'Passwort', 'contraseña'],
      ['reset', 'réinitialiser', 'сбросить|сброс', 'zurücksetzen', 'restablecer'],
      ['email', 'e-mail|courriel', 'почта|почту', 'E-Mail', 'correo'],
      ['profile', 'profil', 'профиль|профиля', 'Profil', 'perfil'],
      ['users', 'utilisateurs', 'пользователи|пользователей', 'Benutzer', 'usuarios'],
      ['admin', 'administrateur', 'администратор', 'Administrator', 'administrador'],
      ['sso', 'sso', 'sso', 'SSO', 'sso'],
      ['authentication', 'authentification', 'аутентификация', 'Authentifizierung', 'autenticación'],
      ['owner', 'propriétaire', 'владелец|владельца', 'Eigentümer', 'propietario'],
      ['roles', 'rôles', 'роли|ролей', 'Rollen', 'roles'],
      ['locked', 'verrouillé', 'заблокирован', 'gesperrt', 'bloqueada'],
    ],
  },
  {
    name: 'devices',
    words: [
      ['app', 'application', 'приложение|приложения', 'App', 'aplicación'],
      ['desktop', 'bureau', 'настольное', 'Desktop', 'escritorio'],
      ['mobile', 'mobile', 'мобильное|телефон', 'Handy|mobil', 'móvil'],
      ['browser', 'navigateur', 'браузер|браузере', 'Browser', 'navegador'],
      ['windows', 'windows', 'windows', 'Windows', 'windows'],
      ['mac', 'mac', 'mac', 'Mac', 'mac'],
      ['iphone', 'iphone', 'iphone', 'iPhone', 'iphone'],
      ['android', 'android', 'android', 'Android', 'android'],
      ['install', 'installer', 'установить|установка', 'installieren', 'instalar'],
      ['update', 'mise à jour', 'обновление|обновить', 'Update|aktualisieren', 'actualizar'],
      ['tablet', 'tablette', 'планшет', 'Tablet', 'tableta'],
      ['tv', 'tv', 'тв', 'TV', 'tv'],
      ['linux', 'linux', 'linux', 'Linux', 'linux'],
    ],
  },
  {
    name: 'connectivity',
    words: [
      ['connection', 'connexion', 'соединение|подключение', 'Verbindung', 'conexión'],
      ['network', 'réseau', 'сеть|сети', 'Netzwerk', 'red'],
      ['firewall', 'pare-feu', 'брандмауэр', 'Firewall', 'cortafuegos'],
      ['proxy', 'proxy', 'прокси', 'Proxy', 'proxy'],
      ['bandwidth', 'bande passante', 'пропускная', 'Bandbreite', 'ancho de banda'],
      ['vpn', 'vpn', 'vpn', 'VPN', 'vpn'],
      ['timeout', 'délai', 'тайм-аут', 'Zeitüberschreitung', 'tiempo de espera'],
      ['lag', 'latence', 'задержка', 'Verzögerung', 'retraso'],
      ['wifi', 'wi-fi', 'wi-fi', 'WLAN', 'wifi'],
      ['dropped', 'coupée', 'обрывается', 'getrennt', 'cortada'],
    ],
  },
];

// The words of every article, whatever its topic: what a help center says all the time.
const PRODUCT: readonly Concept[] = [
  ['settings', 'paramètres', 'настройки|настройках', 'Einstellungen', 'configuración'],
  ['click', 'cliquez', 'нажмите', 'klicken', 'haga clic'],
  ['select', 'sélectionnez', 'выберите', 'wählen', 'seleccione'],
  ['open', 'ouvrez', 'откройте', 'öffnen', 'abra'],
  ['option', 'option', 'параметр|опцию', 'Option', 'opción'],
  ['menu', 'menu', 'меню', 'Menü', 'menú'],
  ['button', 'bouton', 'кнопку|кнопка', 'Schaltfläche', 'botón'],
  ['problem', 'problème', 'проблема|проблему', 'Problem', 'problema'],
  ['support', 'assistance', 'поддержка|поддержку', 'Support', 'soporte'],
  ['help', 'aide', 'помощь', 'Hilfe', 'ayuda'],
  ['working', 'fonctionne', 'работает', 'funktioniert', 'funciona'],
  ['check', 'vérifiez', 'проверьте', 'prüfen', 'compruebe'],
  ['enable', 'activez', 'включите', 'aktivieren', 'active'],
  ['restart', 'redémarrez', 'перезапустите', 'neu starten', 'reinicie'],
  ['version', 'version', 'версия|версию', 'Version', 'versión'],
  ['admin', 'administrateur', 'администратор', 'Administrator', 'administrador'],
  ['page', 'page', 'страница|странице', 'Seite', 'página'],
  ['tab', 'onglet', 'вкладка|вкладке', 'Registerkarte', 'pestaña'],
  ['allow', 'autoriser', 'разрешить', 'erlauben', 'permitir'],
  ['access', 'accès', 'доступ', 'Zugriff', 'acceso'],
  ['device', 'appareil', 'устройство|устройства', 'Gerät', 'dispositivo'],
  ['error', 'erreur', 'ошибка|ошибку', 'Fehler', 'error'],
  ['feature', 'fonctionnalité', 'функция|функцию', 'Funktion', 'función'],
  ['default', 'par défaut', 'по умолчанию', 'Standard', 'predeterminado'],
];

// Filler: the most frequent words of each language.
const FUNCTION_WORDS: Record<CorpusLocale, readonly string[]> = {
  en: [
    'the',
    'to',
    'and',
    'a',
    'of',
    'in',
    'you',
    'your',
    'is',
    'on',
    'for',
    'if',
    'it',
    'with',
    'can',
    'that',
    'or',
    'this',
    'from',
    'then',
    'when',
    'are',
    'not',
    'be',
    'at',
    'by',
    'an',
    'more',
    'after',
    'all',
  ],
  fr: [
    'le',
    'la',
    'de',
    'et',
    'les',
    'des',
    'vous',
    'à',
    'un',
    'une',
    'pour',
    'dans',
    'votre',
    'en',
    'sur',
    'est',
    'pas',
    'si',
    'que',
    'avec',
    'du',
    'puis',
    'ou',
    'ne',
    'plus',
    'au',
    'vos',
    'sont',
    'quand',
    'par',
  ],
  ru: [
    'и',
    'в',
    'не',
    'на',
    'с',
    'что',
    'для',
    'если',
    'вы',
    'это',
    'по',
    'к',
    'как',
    'или',
    'ваш',
    'из',
    'затем',
    'все',
    'когда',
    'чтобы',
    'от',
    'уже',
    'есть',
    'при',
    'так',
    'можно',
    'нет',
    'только',
    'после',
    'будет',
  ],
  de: [
    'der',
    'die',
    'und',
    'in',
    'den',
    'von',
    'zu',
    'das',
    'mit',
    'sich',
    'des',
    'auf',
    'für',
    'ist',
    'im',
    'dem',
    'nicht',
    'ein',
    'eine',
    'als',
    'auch',
    'es',
    'an',
    'wenn',
    'Sie',
    'Ihr',
    'oder',
    'dann',
    'wird',
    'bei',
  ],
  es: [
    'de',
    'la',
    'que',
    'el',
    'en',
    'y',
    'a',
    'los',
    'se',
    'del',
    'las',
    'un',
    'por',
    'con',
    'no',
    'una',
    'su',
    'para',
    'es',
    'al',
    'lo',
    'como',
    'más',
    'o',
    'pero',
    'sus',
    'le',
    'si',
    'cuando',
    'luego',
  ],
};

// How titles begin, per language and kind of article.
const TITLE_OPENERS: Record<CorpusLocale, readonly string[]> = {
  en: ['How to', 'Fix', 'Troubleshoot', 'Set up', 'Manage', 'Use', 'Why is', 'Change', 'Turn on', 'Understanding'],
  fr: ['Comment', 'Résoudre', 'Dépanner', 'Configurer', 'Gérer', 'Utiliser', 'Pourquoi', 'Modifier', 'Activer', 'Comprendre'],
  ru: [
    'Как',
    'Исправить',
    'Устранение неполадок',
    'Настроить',
    'Управление',
    'Использовать',
    'Почему',
    'Изменить',
    'Включить',
    'Что такое',
  ],
  de: ['So', 'Beheben', 'Fehlerbehebung', 'Einrichten', 'Verwalten', 'Verwenden', 'Warum', 'Ändern', 'Aktivieren', 'Grundlagen'],
  es: ['Cómo', 'Solucionar', 'Resolver', 'Configurar', 'Administrar', 'Usar', 'Por qué', 'Cambiar', 'Activar', 'Entender'],
};

const SYMPTOMS: Record<CorpusLocale, readonly string[]> = {
  en: ['not working', 'cannot connect', 'keeps dropping', 'is missing', 'does not start', 'is slow', 'stopped working'],
  fr: ['ne fonctionne pas', 'impossible de se connecter', 'se coupe', 'est absent', 'ne démarre pas', 'est lent', 'ne marche plus'],
  ru: ['не работает', 'не подключается', 'постоянно обрывается', 'пропал', 'не запускается', 'тормозит', 'перестал работать'],
  de: ['funktioniert nicht', 'keine Verbindung', 'bricht ab', 'fehlt', 'startet nicht', 'ist langsam', 'geht nicht mehr'],
  es: ['no funciona', 'no se conecta', 'se corta', 'no aparece', 'no inicia', 'va lento', 'dejó de funcionar'],
};

const ERROR_WORD: Record<CorpusLocale, string> = { en: 'Error', fr: 'Erreur', ru: 'Ошибка', de: 'Fehler', es: 'Error' };
const LOCALE_INDEX: Record<CorpusLocale, number> = { en: 0, fr: 1, ru: 2, de: 3, es: 4 };
/** The share of articles translated into each other locale (one translation at most): 40 % in all. */
const TRANSLATION_SHARES: ReadonlyArray<readonly [CorpusLocale, number]> = [
  ['fr', 0.14],
  ['ru', 0.12],
  ['de', 0.08],
  ['es', 0.06],
];
const KINDS = ['quick_start', 'faq', 'tutorial', 'troubleshooting', 'release_note'] as const;
const AUDIENCES = ['everyone', 'owners_admins', 'users_participants'] as const;

/** mulberry32: small, fast and good enough to draw a corpus from. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Draws indexes 0..n-1 with probability proportional to 1/(rank+1)^s. */
class ZipfSampler {
  private readonly cumulative: number[] = [];

  constructor(n: number, s = 1) {
    let sum = 0;
    for (let i = 0; i < n; i += 1) {
      sum += 1 / (i + 1) ** s;
      this.cumulative.push(sum);
    }
    for (let i = 0; i < n; i += 1) this.cumulative[i] /= sum;
  }

  draw(random: () => number): number {
    const r = random();
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid] < r) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

export interface CorpusText {
  locale: CorpusLocale;
  title: string;
  /** Markdown */
  body: string;
}

export interface CorpusArticle {
  /** index of the article, 0-based; slugs and ids derive from it */
  n: number;
  topic: string;
  /** index into the corpus's categories */
  category: number;
  kind: (typeof KINDS)[number];
  audience: (typeof AUDIENCES)[number];
  errorCodes: string[];
  helpfulVotes: number;
  notHelpfulVotes: number;
  /** days before the corpus's "now" the article was last changed */
  ageDays: number;
  texts: CorpusText[];
}

export interface CorpusQuery {
  locale: CorpusLocale;
  q: string;
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}

function form(random: () => number, concept: Concept, locale: CorpusLocale): string {
  return pick(random, concept[LOCALE_INDEX[locale]].split('|'));
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Topic of article n: a few topics are written about much more than others. */
const topicSampler = new ZipfSampler(TOPICS.length, 0.6);
const functionSampler = new ZipfSampler(30, 1);
const productSampler = new ZipfSampler(PRODUCT.length, 1);

export const CORPUS_CATEGORIES = TOPICS.map((t) => t.name);

/** The error codes the corpus's troubleshooting articles document (4–6 digits). */
function errorCodePool(random: () => number, size: number): string[] {
  const codes = new Set<string>();
  while (codes.size < size) {
    const digits = 4 + Math.floor(random() * 3);
    codes.add(String(Math.floor(10 ** (digits - 1) + random() * 9 * 10 ** (digits - 1))));
  }
  return [...codes];
}

export class SearchCorpus {
  readonly codes: string[];
  private readonly topicSamplers = new Map<string, ZipfSampler>();

  constructor(readonly seed = 20251122) {
    this.codes = errorCodePool(seededRandom(seed ^ 0x5eed), 4000);
    for (const topic of TOPICS) this.topicSamplers.set(topic.name, new ZipfSampler(topic.words.length, 1));
  }

  private sampler(topic: Topic): ZipfSampler {
    const sampler = this.topicSamplers.get(topic.name);
    if (!sampler) throw new Error(`no sampler for topic ${topic.name}`);
    return sampler;
  }

  /** Article n, the same for the same seed and n whatever else was generated. */
  article(n: number): CorpusArticle {
    const random = seededRandom(this.seed * 31 + n * 7919);
    const topicIndex = topicSampler.draw(random);
    const topic = TOPICS[topicIndex];
    const kind = random() < 0.3 ? 'troubleshooting' : pick(random, KINDS);
    const errorCodes =
      kind === 'troubleshooting' && random() < 0.5 ? [pick(random, this.codes), ...(random() < 0.2 ? [pick(random, this.codes)] : [])] : [];
    const translationDraw = random();
    let cumulative = 0;
    let translated: CorpusLocale | null = null;
    for (const [locale, share] of TRANSLATION_SHARES) {
      cumulative += share;
      if (translationDraw < cumulative) {
        translated = locale;
        break;
      }
    }
    // the same article in two locales says the same thing: draw both from one plan
    const plan = this.plan(random, topic, errorCodes);
    const votes = Math.floor(random() ** 3 * 200);
    const helpfulShare = 0.4 + random() * 0.6;
    return {
      n,
      topic: topic.name,
      category: topicIndex,
      kind,
      audience: pick(random, AUDIENCES),
      errorCodes,
      helpfulVotes: Math.round(votes * helpfulShare),
      notHelpfulVotes: votes - Math.round(votes * helpfulShare),
      ageDays: Math.floor(random() * 1500),
      texts: [this.render(plan, 'en'), ...(translated ? [this.render(plan, translated)] : [])],
    };
  }

  /**
   * Queries as readers type them: a few words about a topic (the common ones more often), now
   * and then a symptom, an error code, or the word "error" with it; 70 % in English, the rest in
   * French, Russian, German and Spanish.
   */
  queries(count: number, seed = this.seed + 1): CorpusQuery[] {
    const random = seededRandom(seed);
    const queries: CorpusQuery[] = [];
    for (let i = 0; i < count; i += 1) {
      const r = random();
      const locale: CorpusLocale = r < 0.7 ? 'en' : r < 0.82 ? 'fr' : r < 0.92 ? 'ru' : r < 0.96 ? 'de' : 'es';
      const kind = random();
      if (kind < 0.08) {
        queries.push({ locale, q: pick(random, this.codes) });
        continue;
      }
      if (kind < 0.15) {
        queries.push({ locale, q: `${ERROR_WORD[locale].toLowerCase()} ${pick(random, this.codes)}` });
        continue;
      }
      const topic = TOPICS[topicSampler.draw(random)];
      const sampler = this.sampler(topic);
      const wordCount = 1 + Math.floor(random() ** 1.5 * 3);
      const words: string[] = [];
      for (let w = 0; w < wordCount; w += 1) words.push(form(random, topic.words[sampler.draw(random)], locale));
      if (kind < 0.3) words.push(pick(random, SYMPTOMS[locale]));
      queries.push({ locale, q: [...new Set(words)].join(' ').toLowerCase() });
    }
    return queries;
  }

  private plan(random: () => number, topic: Topic, errorCodes: string[]) {
    const sampler = this.sampler(topic);
    const titleWords = Array.from({ length: 3 + Math.floor(random() * 3) }, () => topic.words[sampler.draw(random)]);
    const opener = Math.floor(random() * 10);
    const symptom = random() < 0.4 ? Math.floor(random() * 7) : -1;
    const bodyLength = 100 + Math.floor(random() * 301);
    // a body: mostly filler, then the topic's words, the product's, and now and then another topic's
    const body: Array<{ kind: 'function' | 'concept'; index: number; concept?: Concept }> = [];
    for (let i = 0; i < bodyLength; i += 1) {
      const r = random();
      if (r < 0.5) body.push({ kind: 'function', index: functionSampler.draw(random) });
      else if (r < 0.78) body.push({ kind: 'concept', index: 0, concept: topic.words[sampler.draw(random)] });
      else if (r < 0.95) body.push({ kind: 'concept', index: 0, concept: PRODUCT[productSampler.draw(random)] });
      else {
        const other = TOPICS[Math.floor(random() * TOPICS.length)];
        body.push({ kind: 'concept', index: 0, concept: other.words[Math.floor(random() * other.words.length)] });
      }
    }
    const sentenceBreaks = new Set<number>();
    for (let i = 8 + Math.floor(random() * 8); i < bodyLength; i += 6 + Math.floor(random() * 12)) sentenceBreaks.add(i);
    return { titleWords, opener, symptom, body, sentenceBreaks, errorCodes, formSeed: Math.floor(random() * 2 ** 31) };
  }

  private render(plan: ReturnType<SearchCorpus['plan']>, locale: CorpusLocale): CorpusText {
    const random = seededRandom(plan.formSeed + LOCALE_INDEX[locale]);
    const parts = plan.errorCodes.length > 0 ? [`${ERROR_WORD[locale]} ${plan.errorCodes[0]}:`] : [TITLE_OPENERS[locale][plan.opener]];
    parts.push(...plan.titleWords.map((c) => form(random, c, locale)));
    if (plan.symptom >= 0) parts.push(SYMPTOMS[locale][plan.symptom]);
    const title = capitalise(parts.join(' ').split(' ').slice(0, 10).join(' '));

    const paragraphs: string[] = [];
    let sentence: string[] = [];
    let paragraph: string[] = [];
    plan.body.forEach((word, i) => {
      sentence.push(word.kind === 'function' ? FUNCTION_WORDS[locale][word.index] : form(random, word.concept ?? PRODUCT[0], locale));
      if (plan.sentenceBreaks.has(i) || i === plan.body.length - 1) {
        paragraph.push(`${capitalise(sentence.join(' '))}.`);
        sentence = [];
        if (paragraph.length >= 4) {
          paragraphs.push(paragraph.join(' '));
          paragraph = [];
        }
      }
    });
    if (paragraph.length > 0) paragraphs.push(paragraph.join(' '));
    if (plan.errorCodes.length > 0) paragraphs.unshift(`**${ERROR_WORD[locale]} ${plan.errorCodes.join(', ')}**`);
    return { locale, title, body: paragraphs.join('\n\n') };
  }
}
