import type { SeedArticle } from '@support/domain-knowledge';
import { md } from '../markdown';

export const MEETINGS_WEBINARS_ARTICLES: readonly SeedArticle[] = [
  {
    slug: 'schedule-a-meeting',
    category: 'meetings-webinars',
    section: 'scheduling',
    kind: 'tutorial',
    audience: 'everyone',
    videoUrl: 'https://videos.example.com/meetly/tutorials/schedule-a-meeting',
    topResourceRank: 14,
    translations: {
      en: {
        title: 'Schedule a meeting and send the invitation',
        body: md`
          Scheduling gives a meeting its own ID, passcode and start time, and puts it in your calendar.

          1. In the app, click **Schedule**. On the web portal, go to **Meetings** > **Schedule a meeting**.
          2. Enter a **topic** and choose the date, time, duration and time zone. The duration only helps calendars: the meeting does not end when it runs over.
          3. Under **Meeting ID**, keep **Generate automatically** for meetings with external guests.
          4. Under **Security**, keep the passcode and the waiting room on. You can also allow only signed-in users.
          5. Choose whether video is on for the host and participants when they join, and which audio options the invitation lists (computer audio, telephone or both).
          6. Click **Save**. Choose **Google Calendar**, **Outlook** or **Other calendars** to add the meeting and its invitation to your calendar.

          ## Send or copy the invitation

          Open the meeting in **Meetings** and click **Copy invitation**. The text includes the link, the meeting ID, the passcode and the dial-in numbers.

          ## Let someone else start it

          Add an **alternative host** in the scheduling form: they can start the meeting if you are late. Alternative hosts must be licensed users on the same account.
        `,
      },
      fr: {
        title: 'Planifier une réunion et envoyer l’invitation',
        body: md`
          Planifier une réunion lui attribue son propre ID, un code secret et une heure de début, et l'ajoute à votre agenda.

          1. Dans l'application, cliquez sur **Planifier**. Sur le portail web, allez dans **Réunions** > **Planifier une réunion**.
          2. Saisissez un **sujet** et choisissez la date, l'heure, la durée et le fuseau horaire. La durée sert seulement aux agendas : la réunion ne s'arrête pas si elle dépasse.
          3. Sous **ID de réunion**, gardez **Générer automatiquement** pour les réunions avec des invités externes.
          4. Sous **Sécurité**, laissez le code secret et la salle d'attente activés. Vous pouvez aussi n'autoriser que les utilisateurs connectés.
          5. Choisissez si la vidéo de l'organisateur et des participants est activée à l'arrivée, et quelles options audio l'invitation propose (audio de l'ordinateur, téléphone ou les deux).
          6. Cliquez sur **Enregistrer**. Choisissez **Google Agenda**, **Outlook** ou **Autres agendas** pour ajouter la réunion et son invitation à votre agenda.

          ## Envoyer ou copier l'invitation

          Ouvrez la réunion dans **Réunions** et cliquez sur **Copier l'invitation**. Le texte contient le lien, l'ID de réunion, le code secret et les numéros d'appel.

          ## Laisser quelqu'un d'autre la lancer

          Ajoutez un **organisateur suppléant** dans le formulaire : il pourra lancer la réunion si vous êtes en retard. Les organisateurs suppléants doivent être des utilisateurs avec licence du même compte.
        `,
      },
    },
  },
  {
    slug: 'recurring-meetings',
    category: 'meetings-webinars',
    section: 'scheduling',
    kind: 'tutorial',
    audience: 'everyone',
    translations: {
      en: {
        title: 'Set up a recurring meeting',
        body: md`
          A recurring meeting keeps the same ID and passcode for every occurrence, so participants can reuse one invitation for a weekly team call or a course.

          1. Schedule a meeting as usual and tick **Recurring meeting**.
          2. Choose how it repeats: daily, weekly (on one or more weekdays), monthly (on a date or a weekday such as the second Tuesday) or **No fixed time**.
          3. Choose when it ends: on a date or after a number of occurrences, up to 60.
          4. Save, and add it to your calendar.

          ## Editing one occurrence or all of them

          When you edit a recurring meeting, Meetly asks whether the change applies to **this occurrence** or **all occurrences**. Registration and recording settings always apply to all of them.

          ## Meetings with no fixed time

          They never appear in a calendar, which suits a standing room for a team. They expire 365 days after they were last started; an expired ID can no longer be joined, and participants see error 3001. Starting the meeting at least once a year keeps it alive.

          ## Good to know

          - Deleting a recurring meeting deletes every future occurrence.
          - Cloud recordings of each occurrence are listed separately under **Recordings**, with the date.
        `,
      },
    },
  },
  {
    slug: 'use-the-waiting-room',
    category: 'meetings-webinars',
    section: 'in-meeting-controls',
    kind: 'tutorial',
    audience: 'everyone',
    videoUrl: 'https://videos.example.com/meetly/tutorials/waiting-room',
    topResourceRank: 8,
    translations: {
      en: {
        title: 'Use the waiting room to admit participants',
        body: md`
          The waiting room holds people who join until the host or a co-host lets them in. It is on by default for new meetings and is the simplest protection against uninvited guests.

          ## Turn it on or off

          - For one meeting: in the scheduling form, under **Security**, tick or clear **Waiting room**.
          - During a meeting: click **Security** > **Enable waiting room**.
          - For every meeting you host: on the web portal, **Settings** > **Meetings** > **Waiting room**. If the option is grey, your account admin has locked it.

          ## Admit people

          When someone arrives, a notification appears. Click **Admit**, or open **Participants** to see everyone waiting and click **Admit all**. Click **Remove** to turn someone away.

          ## Choose who waits

          In the waiting room settings, choose **Everyone**, **Guests outside my organisation** or **Users who are not signed in**. Colleagues from your account can then skip the queue.

          ## Customise what they see

          Add your logo, a title such as "The session starts at 10:00" and a short description. Participants in the waiting room can also send a chat message to the hosts, if you allow it.

          Tip: send someone back to the waiting room during the meeting with **Participants** > **More** > **Put in waiting room**.
        `,
      },
      ru: {
        title: 'Зал ожидания: как впускать участников',
        body: md`
          Зал ожидания удерживает подключившихся, пока организатор или соорганизатор их не впустит. В новых конференциях он включен по умолчанию; это самая простая защита от непрошеных гостей.

          ## Включение и отключение

          - Для одной конференции: в форме планирования, в разделе **Безопасность**, установите или снимите флажок **Зал ожидания**.
          - Во время конференции: нажмите **Безопасность** > **Включить зал ожидания**.
          - Для всех ваших конференций: на веб-портале **Настройки** > **Конференции** > **Зал ожидания**. Если параметр серый, его заблокировал администратор учетной записи.

          ## Как впускать участников

          Когда кто-то подключается, появляется уведомление. Нажмите **Впустить** или откройте **Участники**, чтобы увидеть всех ожидающих, и нажмите **Впустить всех**. Кнопка **Удалить** отказывает участнику во входе.

          ## Кто должен ждать

          В настройках зала ожидания выберите **Все**, **Гости не из моей организации** или **Пользователи, не выполнившие вход**. Тогда коллеги из вашей учетной записи будут входить без ожидания.

          ## Что видят ожидающие

          Добавьте логотип, заголовок, например «Начало в 10:00», и короткое описание. Если вы разрешите, ожидающие смогут отправить сообщение в чат организаторам.

          Совет: чтобы вернуть участника в зал ожидания во время конференции, выберите **Участники** > **Еще** > **Перевести в зал ожидания**.
        `,
      },
      fr: {
        title: 'Utiliser la salle d’attente pour admettre les participants',
        body: md`
          La salle d'attente retient les personnes qui se connectent jusqu'à ce que l'organisateur ou un co-organisateur les fasse entrer. Elle est activée par défaut pour les nouvelles réunions et constitue la protection la plus simple contre les invités indésirables.

          ## L'activer ou la désactiver

          - Pour une réunion : dans le formulaire de planification, sous **Sécurité**, cochez ou décochez **Salle d'attente**.
          - Pendant une réunion : cliquez sur **Sécurité** > **Activer la salle d'attente**.
          - Pour toutes vos réunions : sur le portail web, **Paramètres** > **Réunions** > **Salle d'attente**. Si l'option est grisée, l'administrateur de votre compte l'a verrouillée.

          ## Admettre les participants

          À chaque arrivée, une notification s'affiche. Cliquez sur **Admettre**, ou ouvrez **Participants** pour voir toutes les personnes en attente et cliquez sur **Admettre tout le monde**. Cliquez sur **Retirer** pour refuser quelqu'un.

          ## Choisir qui attend

          Dans les paramètres de la salle d'attente, choisissez **Tout le monde**, **Invités extérieurs à mon organisation** ou **Utilisateurs non connectés**. Vos collègues du même compte entrent alors directement.

          ## Personnaliser l'affichage

          Ajoutez votre logo, un titre comme « La session commence à 10 h » et une courte description. Si vous l'autorisez, les personnes en attente peuvent aussi envoyer un message aux organisateurs.

          Astuce : pour renvoyer quelqu'un en salle d'attente pendant la réunion, utilisez **Participants** > **Plus** > **Mettre en salle d'attente**.
        `,
      },
    },
  },
  {
    slug: 'manage-participants',
    category: 'meetings-webinars',
    section: 'in-meeting-controls',
    kind: 'tutorial',
    audience: 'everyone',
    translations: {
      en: {
        title: 'Manage participants: mute, remove and lock the meeting',
        body: md`
          Hosts and co-hosts manage people from the **Participants** panel. Hover over a name and click **More** to see every action.

          ## Sound and video

          - **Mute** one person, or **Mute all** at the bottom of the panel. By default participants can unmute themselves; clear **Allow participants to unmute themselves** to stop that, for example during a presentation.
          - **Ask to unmute** and **Ask to start video** send a request: you can never turn on someone's microphone or camera yourself.

          ## Roles

          - **Make host** hands the meeting over; you become a participant.
          - **Make co-host** (Pro plans and above) lets a colleague admit people, mute and remove participants and manage breakout rooms.

          ## Remove or report

          **Remove** takes the person out. By default they cannot join this meeting again; you can change that under **Settings** > **Meetings** > **Allow removed participants to rejoin**. **Report** sends the name and a screenshot to the Meetly trust and safety team.

          ## Lock down the meeting

          Click **Security** and choose:

          - **Lock meeting**: nobody else can join, even with the passcode.
          - **Suspend participant activities**: stops all video, sound and sharing at once, and locks the meeting. Use it if someone disrupts the meeting, then remove them and resume.
        `,
      },
    },
  },
  {
    slug: 'breakout-rooms',
    category: 'meetings-webinars',
    section: 'in-meeting-controls',
    kind: 'tutorial',
    audience: 'everyone',
    videoUrl: 'https://videos.example.com/meetly/tutorials/breakout-rooms',
    topResourceRank: 17,
    translations: {
      en: {
        title: 'Breakout rooms: split a meeting into small groups',
        body: md`
          Breakout rooms let the host split a meeting into up to 50 separate sessions and bring everyone back at the end. They are available on Pro plans and above and need the desktop app or a Chromium or Firefox browser.

          ## Before the meeting

          Enable **Settings** > **Meetings** > **Breakout rooms** on the web portal. Tick **Allow pre-assigning** if you want to prepare the groups when you schedule the meeting, from a list or a CSV file of e-mail addresses.

          ## During the meeting

          1. Click **Breakout rooms**.
          2. Choose the number of rooms and how to fill them: **automatically**, **manually**, or **let participants choose**.
          3. Click **Options** to set a countdown, let participants return to the main session on their own, or close rooms automatically after a number of minutes.
          4. Click **Open all rooms**.

          While the rooms are open, the host can **broadcast** a message or audio to all rooms, join any room, and move people between rooms. Participants click **Ask for help** to call the host into their room.

          ## Closing

          **Close all rooms** starts the countdown (60 seconds by default), after which everyone returns to the main session. Chat messages sent in a room stay in that room; cloud recording only captures the main session and the room the host is in.
        `,
      },
      fr: {
        title: 'Sous-groupes : répartir une réunion en petits groupes',
        body: md`
          Les sous-groupes permettent à l'organisateur de répartir une réunion en 50 sessions distinctes au maximum, puis de réunir tout le monde à la fin. Ils sont disponibles à partir du forfait Pro et nécessitent l'application de bureau ou un navigateur Chromium ou Firefox.

          ## Avant la réunion

          Activez **Paramètres** > **Réunions** > **Sous-groupes** sur le portail web. Cochez **Autoriser la pré-affectation** si vous voulez préparer les groupes en planifiant la réunion, à partir d'une liste ou d'un fichier CSV d'adresses e-mail.

          ## Pendant la réunion

          1. Cliquez sur **Sous-groupes**.
          2. Choisissez le nombre de groupes et la façon de les remplir : **automatiquement**, **manuellement**, ou **laisser les participants choisir**.
          3. Cliquez sur **Options** pour définir un compte à rebours, permettre aux participants de revenir seuls à la session principale, ou fermer les groupes automatiquement après un certain nombre de minutes.
          4. Cliquez sur **Ouvrir tous les groupes**.

          Pendant que les groupes sont ouverts, l'organisateur peut **diffuser** un message ou de l'audio à tous les groupes, rejoindre n'importe quel groupe et déplacer des personnes. Les participants cliquent sur **Demander de l'aide** pour appeler l'organisateur dans leur groupe.

          ## Fermeture

          **Fermer tous les groupes** lance le compte à rebours (60 secondes par défaut), après quoi tout le monde revient dans la session principale. Les messages envoyés dans un groupe y restent ; l'enregistrement dans le cloud ne capture que la session principale et le groupe où se trouve l'organisateur.
        `,
      },
    },
  },
  {
    slug: 'record-a-meeting',
    category: 'meetings-webinars',
    section: 'recording',
    kind: 'tutorial',
    audience: 'everyone',
    videoUrl: 'https://videos.example.com/meetly/tutorials/record-a-meeting',
    topResourceRank: 9,
    translations: {
      en: {
        title: 'Record a meeting to your computer or the cloud',
        body: md`
          Meetly can record to your computer (local recording, all plans, desktop app only) or to the cloud (Pro plans and above, from any device). Everyone in the meeting sees a red **Recording** indicator, and people who join later hear an announcement.

          ## Start recording

          1. Click **Record** in the meeting controls. If you are not the host, click **Request recording permission**.
          2. Choose **Record on this computer** or **Record to the cloud**.
          3. Use **Pause** and **Stop** as needed. A paused recording continues in the same file.

          ## Where to find the recording

          - **Local**: when the meeting ends, Meetly converts the recording and opens the folder, by default Documents/Meetly. Do not close the app during conversion.
          - **Cloud**: the host receives an e-mail when processing is done, usually within the meeting's length. Recordings are under **Recordings** on the web portal, where you can share them with a link, add a passcode or download them.

          ## What is recorded

          Choose the layout in **Settings** > **Recording**: active speaker, gallery view, shared screen, or separate files for each. You can also save the chat and an audio-only file. Cloud recordings can include an automatic transcript.

          Storage per licensed user: 5 GB on Pro, 10 GB on Business and Education, unlimited on Enterprise.
        `,
      },
      ru: {
        title: 'Запись конференции на компьютер или в облако',
        body: md`
          Meetly умеет записывать конференцию на компьютер (локальная запись, все тарифы, только приложение для компьютера) или в облако (тарифы Pro и выше, с любого устройства). Все участники видят красный индикатор **Запись**, а те, кто подключается позже, слышат объявление.

          ## Как начать запись

          1. Нажмите **Запись** на панели управления. Если вы не организатор, нажмите **Запросить разрешение на запись**.
          2. Выберите **Записывать на этот компьютер** или **Записывать в облако**.
          3. При необходимости используйте **Пауза** и **Остановить**. После паузы запись продолжается в тот же файл.

          ## Где найти запись

          - **Локальная**: после окончания конференции Meetly преобразует запись и откроет папку, по умолчанию Documents/Meetly. Не закрывайте приложение во время преобразования.
          - **Облачная**: организатор получит письмо, когда обработка закончится; обычно это занимает не больше времени, чем длилась конференция. Записи находятся в разделе **Записи** на веб-портале: ими можно поделиться по ссылке, защитить кодом доступа или скачать.

          ## Что попадает в запись

          Выберите макет в разделе **Настройки** > **Запись**: активный докладчик, галерея, демонстрация экрана или отдельные файлы для каждого вида. Можно также сохранить чат и отдельный аудиофайл. К облачной записи можно добавить автоматическую расшифровку.

          Объем хранилища на одного пользователя с лицензией: 5 ГБ на тарифе Pro, 10 ГБ на тарифах Business и Education, без ограничений на тарифе Enterprise.
        `,
      },
    },
  },
  {
    slug: 'faq-cloud-recordings-admins',
    category: 'meetings-webinars',
    section: 'recording',
    kind: 'faq',
    audience: 'owners_admins',
    translations: {
      en: {
        title: 'FAQ for owners and admins: cloud recording storage and retention',
        body: md`
          **How much cloud storage does the account have?**
          Each licensed user adds to a shared pool: 5 GB on Pro, 10 GB on Business and Education, unlimited on Enterprise. See the total under **Admin** > **Recording management** > **Storage**.

          **What happens when the storage is full?**
          New cloud recordings still start, but processing waits until space is freed or more storage is bought. Meetly warns owners and admins by e-mail at 80 % and 100 %.

          **Can recordings be deleted automatically?**
          Yes. In **Admin** > **Account settings** > **Recording**, set **Delete cloud recordings after** a number of days (30 to 730). Deleted recordings stay in the trash for 30 days.

          **Can admins stop members from recording?**
          Turn off **Local recording** or **Cloud recording** in account settings and click the lock icon. You can also require that participants consent before they are recorded.

          **Can admins watch every recording?**
          Only with the **Recording management** permission, which the owner grants to specific admins. Every view and download is logged in **Admin** > **Reports** > **Operation logs**.

          **Where are recordings stored?**
          In the data region chosen for the account (Europe, North America or Asia-Pacific), encrypted at rest.
        `,
      },
    },
  },
  {
    slug: 'faq-participants-during-meetings',
    category: 'meetings-webinars',
    section: 'in-meeting-controls',
    kind: 'faq',
    audience: 'users_participants',
    translations: {
      en: {
        title: 'FAQ for participants: during a meeting',
        body: md`
          **How do I raise my hand?**
          Click **Reactions** > **Raise hand**, or press Alt+Y (Option+Y on a Mac). By phone, press \\*9. The host sees hands in the order they were raised.

          **Why can't I unmute myself?**
          The host has turned off **Allow participants to unmute themselves**. Raise your hand, and the host can ask you to unmute.

          **Why can't I share my screen?**
          By default only the host can share in meetings with external guests. Ask the host to change **Security** > **Allow participants to share screen**.

          **Who can see my private chat messages?**
          Only the person you sent them to. They are not in the host's saved chat unless you sent them to the host. Administrators cannot read them.

          **How do I see everyone at once?**
          Click **View** > **Gallery**. The desktop app shows up to 49 people per page.

          **Is the meeting being recorded?**
          A red **Recording** label is always shown at the top left while a recording runs, and you hear an announcement if you join after it started.

          **I was removed from the meeting. Can I come back?**
          Not by default. Ask the host to allow removed participants to rejoin.
        `,
      },
    },
  },
  {
    slug: 'webinars-vs-meetings',
    category: 'meetings-webinars',
    section: 'webinars',
    kind: 'faq',
    audience: 'everyone',
    translations: {
      en: {
        title: 'Webinars or meetings: which should I use?',
        body: md`
          **What is the difference?**
          A meeting is a conversation: everyone can turn on their camera and microphone, share their screen and see who else is there. A webinar is a broadcast: the host and **panelists** speak and show video, while **attendees** watch and listen and take part through Q&A, chat (if allowed), polls and raising their hand.

          **How many people can attend?**
          Meetings: 100 participants on Free and Pro, 300 on Business and Education, 500 on Enterprise. Webinars: 500 or 1,000 attendees, depending on the webinar licence, plus up to 100 panelists.

          **Who can host a webinar?**
          A licensed user with a webinar licence, an add-on available on Pro plans and above. The account owner or an admin assigns it in **Admin** > **Users**.

          **Can attendees register in advance?**
          Yes. Webinars can require registration with custom questions, and hosts can approve registrants manually.

          **Can I rehearse?**
          Yes: the **practice session** lets panelists join before the webinar starts without attendees.

          **Which should I choose?**
          Use a meeting for collaboration of up to a few hundred people. Use a webinar for a presentation to a large or public audience, where you want control over who speaks.
        `,
      },
      fr: {
        title: 'Webinaire ou réunion : que choisir ?',
        body: md`
          **Quelle est la différence ?**
          Une réunion est une conversation : chacun peut activer sa caméra et son micro, partager son écran et voir les autres participants. Un webinaire est une diffusion : l'organisateur et les **intervenants** parlent et montrent leur vidéo, tandis que les **spectateurs** regardent, écoutent et participent par les questions-réponses, le chat (s'il est autorisé), les sondages et la main levée.

          **Combien de personnes peuvent participer ?**
          Réunions : 100 participants avec Free et Pro, 300 avec Business et Education, 500 avec Enterprise. Webinaires : 500 ou 1 000 spectateurs selon la licence webinaire, plus 100 intervenants au maximum.

          **Qui peut organiser un webinaire ?**
          Un utilisateur avec licence disposant d'une licence webinaire, une option proposée à partir du forfait Pro. Le propriétaire du compte ou un administrateur l'attribue dans **Admin** > **Utilisateurs**.

          **Les spectateurs peuvent-ils s'inscrire à l'avance ?**
          Oui. Un webinaire peut exiger une inscription avec des questions personnalisées, et l'organisateur peut approuver les inscriptions manuellement.

          **Puis-je répéter ?**
          Oui : la **session d'entraînement** permet aux intervenants de se retrouver avant le début du webinaire, sans les spectateurs.

          **Que choisir ?**
          Choisissez une réunion pour travailler ensemble, jusqu'à quelques centaines de personnes. Choisissez un webinaire pour une présentation devant un public large ou ouvert, quand vous voulez décider qui prend la parole.
        `,
      },
    },
  },
  {
    slug: 'quick-start-host-a-webinar',
    category: 'meetings-webinars',
    section: 'webinars',
    kind: 'quick_start',
    audience: 'everyone',
    topResourceRank: 16,
    translations: {
      en: {
        title: 'Quick start: host a webinar',
        body: md`
          You need a webinar licence on your user (ask your account admin if **Webinars** is missing from the web portal menu).

          1. **Schedule it.** On the web portal, go to **Webinars** > **Schedule a webinar**. Enter the topic, date, time and duration.
          2. **Decide on registration.** Tick **Required** if you want names and e-mail addresses up front; each registrant then gets a personal join link.
          3. **Invite panelists.** On the webinar page, open **Invitations** > **Panelists** and add the speakers. They receive their own link, which lets them speak and share video.
          4. **Prepare interaction.** Turn on **Q&A**, create polls, and decide whether attendees may chat with everyone or only with panelists.
          5. **Rehearse.** Start the webinar 15 minutes early: with **practice session** on, only panelists can enter until you click **Start webinar**.
          6. **Broadcast.** Click **Start webinar**. Attendees join muted and without video. To let one of them speak, click **Allow to talk** next to their raised hand.
          7. **Follow up.** After the webinar, download the registration, attendance, Q&A and poll reports under **Reports** > **Webinars**, and share the cloud recording.
        `,
      },
      fr: {
        title: 'Démarrage rapide : organiser un webinaire',
        body: md`
          Vous devez disposer d'une licence webinaire (demandez à l'administrateur de votre compte si **Webinaires** n'apparaît pas dans le menu du portail web).

          1. **Planifiez-le.** Sur le portail web, allez dans **Webinaires** > **Planifier un webinaire**. Saisissez le sujet, la date, l'heure et la durée.
          2. **Choisissez l'inscription.** Cochez **Obligatoire** pour recueillir à l'avance les noms et adresses e-mail ; chaque inscrit reçoit alors un lien personnel.
          3. **Invitez les intervenants.** Sur la page du webinaire, ouvrez **Invitations** > **Intervenants** et ajoutez les orateurs. Ils reçoivent leur propre lien, qui leur permet de parler et de montrer leur vidéo.
          4. **Préparez l'interaction.** Activez les **questions-réponses**, créez des sondages, et décidez si les spectateurs peuvent écrire à tout le monde ou seulement aux intervenants.
          5. **Répétez.** Lancez le webinaire 15 minutes en avance : avec la **session d'entraînement**, seuls les intervenants peuvent entrer jusqu'à ce que vous cliquiez sur **Démarrer le webinaire**.
          6. **Diffusez.** Cliquez sur **Démarrer le webinaire**. Les spectateurs arrivent sans micro ni vidéo. Pour donner la parole à l'un d'eux, cliquez sur **Autoriser à parler** à côté de sa main levée.
          7. **Assurez le suivi.** Après le webinaire, téléchargez les rapports d'inscription, de présence, de questions-réponses et de sondages dans **Rapports** > **Webinaires**, et partagez l'enregistrement.
        `,
      },
    },
  },
  {
    slug: 'webinar-registration-and-panelists',
    category: 'meetings-webinars',
    section: 'webinars',
    kind: 'tutorial',
    audience: 'everyone',
    translations: {
      en: {
        title: 'Webinar registration, approval and panelist invitations',
        body: md`
          ## Registration form

          On the webinar page, open **Registration** > **Edit**. Name and e-mail are always asked; add fields such as organisation or job title, and up to ten custom questions. Set a **registration limit** if seats are counted.

          ## Approval

          - **Automatically approve**: everyone receives the join link at once.
          - **Manually approve**: registrants wait until you approve them under **Manage attendees**. Approve or decline in bulk from the list.

          You can block registrations from specific e-mail domains, and close registration after the webinar starts.

          ## Panelists

          Panelists are speakers: they join with their own link, can talk, show video and share their screen, and see the attendee list. Add them under **Invitations** > **Panelists** with a name and e-mail address. They do not need a Meetly account. Up to 100 panelists can join one webinar.

          To promote an attendee during the webinar, click **More** > **Promote to panelist**. The attendee rejoins as a panelist after a few seconds.

          ## Reminders

          Meetly sends reminder e-mails one day and one hour before the start; change them under **E-mail settings**. Registrants can add the webinar to their calendar from the confirmation e-mail.
        `,
      },
    },
  },
  {
    slug: 'webinar-q-and-a-and-polls',
    category: 'meetings-webinars',
    section: 'webinars',
    kind: 'tutorial',
    audience: 'everyone',
    translations: {
      en: {
        title: 'Run Q&A and polls in a webinar',
        body: md`
          ## Q&A

          Turn on **Q&A** when you schedule the webinar. Attendees click **Q&A** to type a question; you choose whether they may ask anonymously and whether they see each other's questions.

          Panelists and the host answer in the Q&A window:

          - **Type answer** sends a written reply, privately or to everyone.
          - **Answer live** marks the question as being answered out loud.
          - **Dismiss** removes a question without answering it.

          Attendees can upvote questions, so the most wanted ones rise to the top.

          ## Polls

          Create polls before the webinar on the webinar page under **Polls**, or during the webinar from **Polls** > **Add**. A poll can hold single-choice, multiple-choice and short-answer questions.

          1. Click **Polls** and pick a poll.
          2. Click **Launch**. Attendees answer in a pop-up window.
          3. Click **End poll**, then **Share results** to show the percentages to everyone.

          Results, with names unless the poll is anonymous, are in **Reports** > **Webinars** > **Poll report** after the webinar. Q&A transcripts are in the **Q&A report**.
        `,
      },
    },
  },
];
