import type { SeedCategory } from '@support/domain-knowledge';

export const SEED_CATEGORIES: readonly SeedCategory[] = [
  {
    slug: 'getting-started',
    position: 1,
    title: { en: 'Getting started', ru: 'Начало работы', fr: 'Premiers pas' },
    description: {
      en: 'First steps with Meetly: joining and hosting your first meeting, installing the apps, setting up an account.',
      ru: 'Первые шаги в Meetly: как подключиться к конференции и провести первую, установить приложения и настроить учетную запись.',
      fr: 'Premiers pas avec Meetly : rejoindre et organiser votre première réunion, installer les applications, configurer un compte.',
    },
    sections: [
      { slug: 'first-steps', position: 1, title: { en: 'First steps', ru: 'Первые шаги', fr: 'Premières étapes' } },
      {
        slug: 'join-and-host',
        position: 2,
        title: { en: 'Joining and hosting', ru: 'Подключение и проведение', fr: 'Rejoindre et organiser' },
      },
      {
        slug: 'apps-and-devices',
        position: 3,
        title: { en: 'Apps and devices', ru: 'Приложения и устройства', fr: 'Applications et appareils' },
      },
    ],
  },
  {
    slug: 'meetings-webinars',
    position: 2,
    title: { en: 'Meetings and webinars', ru: 'Конференции и вебинары', fr: 'Réunions et webinaires' },
    description: {
      en: 'Scheduling, host controls, waiting rooms, breakout rooms, recording and webinars.',
      ru: 'Планирование, управление участниками, зал ожидания, сессионные залы, запись и вебинары.',
      fr: 'Planification, contrôles de l’organisateur, salle d’attente, sous-groupes, enregistrement et webinaires.',
    },
    sections: [
      { slug: 'scheduling', position: 1, title: { en: 'Scheduling', ru: 'Планирование', fr: 'Planification' } },
      {
        slug: 'in-meeting-controls',
        position: 2,
        title: { en: 'In-meeting controls', ru: 'Управление во время конференции', fr: 'Commandes en réunion' },
      },
      { slug: 'recording', position: 3, title: { en: 'Recording', ru: 'Запись', fr: 'Enregistrement' } },
      { slug: 'webinars', position: 4, title: { en: 'Webinars', ru: 'Вебинары', fr: 'Webinaires' } },
    ],
  },
  {
    slug: 'messaging-chat',
    position: 3,
    title: { en: 'Messaging and chat', ru: 'Сообщения и чат', fr: 'Messagerie et chat' },
    description: {
      en: 'Team chat channels, chat during meetings, file sharing and notifications.',
      ru: 'Каналы командного чата, чат во время конференции, обмен файлами и уведомления.',
      fr: 'Canaux de discussion d’équipe, chat pendant les réunions, partage de fichiers et notifications.',
    },
    sections: [
      {
        slug: 'channels',
        position: 1,
        title: { en: 'Channels and team chat', ru: 'Каналы и командный чат', fr: 'Canaux et chat d’équipe' },
      },
      { slug: 'in-meeting-chat', position: 2, title: { en: 'Chat in meetings', ru: 'Чат в конференции', fr: 'Chat en réunion' } },
      { slug: 'notifications', position: 3, title: { en: 'Notifications', ru: 'Уведомления', fr: 'Notifications' } },
    ],
  },
  {
    slug: 'audio-video',
    position: 4,
    title: { en: 'Audio and video', ru: 'Звук и видео', fr: 'Audio et vidéo' },
    description: {
      en: 'Microphones, speakers, cameras, backgrounds and screen sharing, and how to fix them.',
      ru: 'Микрофоны, динамики, камеры, фоны и демонстрация экрана, а также решение проблем с ними.',
      fr: 'Micros, haut-parleurs, caméras, arrière-plans et partage d’écran, et comment les dépanner.',
    },
    sections: [
      { slug: 'audio', position: 1, title: { en: 'Audio', ru: 'Звук', fr: 'Audio' } },
      { slug: 'video', position: 2, title: { en: 'Video and camera', ru: 'Видео и камера', fr: 'Vidéo et caméra' } },
      { slug: 'screen-sharing', position: 3, title: { en: 'Screen sharing', ru: 'Демонстрация экрана', fr: 'Partage d’écran' } },
    ],
  },
  {
    slug: 'account-administration',
    position: 5,
    title: { en: 'Account and administration', ru: 'Учетная запись и администрирование', fr: 'Compte et administration' },
    description: {
      en: 'Roles, users, sign-in and security, and the settings owners and admins control for the whole account.',
      ru: 'Роли, пользователи, вход и безопасность, а также параметры, которыми владельцы и администраторы управляют для всей учетной записи.',
      fr: 'Rôles, utilisateurs, connexion et sécurité, et les paramètres que propriétaires et administrateurs gèrent pour tout le compte.',
    },
    sections: [
      { slug: 'users-roles', position: 1, title: { en: 'Users and roles', ru: 'Пользователи и роли', fr: 'Utilisateurs et rôles' } },
      {
        slug: 'security-sign-in',
        position: 2,
        title: { en: 'Sign-in and security', ru: 'Вход и безопасность', fr: 'Connexion et sécurité' },
      },
      {
        slug: 'account-settings',
        position: 3,
        title: { en: 'Account settings and reports', ru: 'Параметры и отчеты', fr: 'Paramètres et rapports' },
      },
    ],
  },
  {
    slug: 'billing-plans',
    position: 6,
    title: { en: 'Plans, billing and support', ru: 'Тарифы, оплата и поддержка', fr: 'Forfaits, facturation et assistance' },
    description: {
      en: 'What each plan includes, invoices and payments, and how to reach the support team on your plan.',
      ru: 'Что входит в каждый тариф, счета и платежи, а также как связаться со службой поддержки на вашем тарифе.',
      fr: 'Ce que comprend chaque forfait, factures et paiements, et comment joindre l’assistance selon votre forfait.',
    },
    sections: [
      { slug: 'plans', position: 1, title: { en: 'Plans', ru: 'Тарифы', fr: 'Forfaits' } },
      {
        slug: 'payments-invoices',
        position: 2,
        title: { en: 'Payments and invoices', ru: 'Платежи и счета', fr: 'Paiements et factures' },
      },
      {
        slug: 'support-options',
        position: 3,
        title: { en: 'Contacting support', ru: 'Обращение в поддержку', fr: 'Contacter l’assistance' },
      },
    ],
  },
  {
    slug: 'troubleshooting-errors',
    position: 7,
    title: { en: 'Troubleshooting and error codes', ru: 'Устранение неполадок и коды ошибок', fr: 'Dépannage et codes d’erreur' },
    description: {
      en: 'What each Meetly error code means and how to fix it, plus what to collect before asking for help.',
      ru: 'Что означает каждый код ошибки Meetly и как ее устранить, а также что собрать перед обращением за помощью.',
      fr: 'La signification de chaque code d’erreur Meetly et la solution, et ce qu’il faut réunir avant de demander de l’aide.',
    },
    sections: [
      { slug: 'connection-errors', position: 1, title: { en: 'Connection errors', ru: 'Ошибки подключения', fr: 'Erreurs de connexion' } },
      {
        slug: 'app-errors',
        position: 2,
        title: { en: 'App and meeting errors', ru: 'Ошибки приложения и конференций', fr: 'Erreurs de l’application et des réunions' },
      },
      {
        slug: 'sign-in-errors',
        position: 3,
        title: { en: 'Sign-in and account errors', ru: 'Ошибки входа и учетной записи', fr: 'Erreurs de connexion au compte' },
      },
    ],
  },
  {
    slug: 'whats-new',
    position: 8,
    title: { en: 'What’s new', ru: 'Что нового', fr: 'Nouveautés' },
    description: {
      en: 'Release notes: what changed in Meetly and when.',
      ru: 'Примечания к выпускам: что и когда изменилось в Meetly.',
      fr: 'Notes de version : ce qui a changé dans Meetly, et quand.',
    },
    sections: [
      { slug: 'releases-2026-q1', position: 1, title: { en: 'January–March 2026', ru: 'Январь–март 2026', fr: 'Janvier–mars 2026' } },
      { slug: 'releases-2026-q2', position: 2, title: { en: 'April–June 2026', ru: 'Апрель–июнь 2026', fr: 'Avril–juin 2026' } },
    ],
  },
];
