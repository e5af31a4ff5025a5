import type { SeedArticle } from '@support/domain-knowledge';
import { md } from '../markdown';

export const GETTING_STARTED_ARTICLES: readonly SeedArticle[] = [
  {
    slug: 'quick-start-join-a-meeting',
    category: 'getting-started',
    section: 'first-steps',
    kind: 'quick_start',
    audience: 'users_participants',
    topResourceRank: 2,
    translations: {
      en: {
        title: 'Quick start: join a meeting',
        body: md`
          You can join a Meetly meeting from the desktop app, the mobile app, a web browser or an ordinary phone. You do not need an account to join, unless the host requires participants to sign in.

          ## Join with a link

          1. Open the invitation and click the meeting link (it looks like https://meetly.example.com/j/84529134470).
          2. Allow the browser to open the Meetly app, or choose **Join from your browser** if you cannot install it.
          3. Enter your name as you want others to see it, then click **Join**.

          ## Join with the meeting ID

          1. Open the app and click **Join**.
          2. Type the 10- or 11-digit meeting ID from the invitation and your name.
          3. Enter the passcode if you are asked for one. It is in the invitation, below the meeting ID.

          ## Before you are admitted

          If the host uses a waiting room, you will see "Please wait, the host will let you in soon". Use this time to check your speaker and microphone with **Test audio**.

          If the app shows an error code, type the code into the help center search box: every code has its own article.
        `,
      },
      ru: {
        title: 'Быстрый старт: как подключиться к конференции',
        body: md`
          Подключиться к конференции Meetly можно из приложения для компьютера, из мобильного приложения, из браузера или с обычного телефона. Учетная запись для этого не нужна, если только организатор не требует от участников входа в систему.

          ## Подключение по ссылке

          1. Откройте приглашение и нажмите на ссылку конференции (она выглядит так: https://meetly.example.com/j/84529134470).
          2. Разрешите браузеру открыть приложение Meetly или выберите **Подключиться из браузера**, если установить приложение нельзя.
          3. Введите имя, которое увидят другие участники, и нажмите **Войти**.

          ## Подключение по идентификатору конференции

          1. Откройте приложение и нажмите **Войти в конференцию**.
          2. Введите идентификатор конференции из приглашения (10 или 11 цифр) и свое имя.
          3. Если потребуется, введите код доступа. Он указан в приглашении под идентификатором.

          ## Пока вас не впустили

          Если организатор включил зал ожидания, вы увидите сообщение «Подождите, организатор скоро впустит вас». Тем временем проверьте динамик и микрофон кнопкой **Проверить звук**.

          Если приложение показывает код ошибки, введите этот код в строку поиска центра справки: для каждого кода есть отдельная статья.
        `,
      },
      fr: {
        title: 'Démarrage rapide : rejoindre une réunion',
        body: md`
          Vous pouvez rejoindre une réunion Meetly depuis l'application de bureau, l'application mobile, un navigateur web ou un simple téléphone. Aucun compte n'est nécessaire, sauf si l'organisateur exige que les participants se connectent.

          ## Rejoindre avec un lien

          1. Ouvrez l'invitation et cliquez sur le lien de la réunion (il ressemble à https://meetly.example.com/j/84529134470).
          2. Autorisez le navigateur à ouvrir l'application Meetly, ou choisissez **Rejoindre depuis le navigateur** si vous ne pouvez pas l'installer.
          3. Saisissez le nom que les autres participants verront, puis cliquez sur **Rejoindre**.

          ## Rejoindre avec l'ID de réunion

          1. Ouvrez l'application et cliquez sur **Rejoindre**.
          2. Saisissez l'ID de réunion à 10 ou 11 chiffres indiqué dans l'invitation, ainsi que votre nom.
          3. Saisissez le code secret si on vous le demande. Il figure dans l'invitation, sous l'ID de réunion.

          ## En attendant d'être admis

          Si l'organisateur utilise une salle d'attente, le message « Veuillez patienter, l'organisateur va bientôt vous admettre » s'affiche. Profitez-en pour vérifier votre haut-parleur et votre micro avec **Tester l'audio**.

          Si l'application affiche un code d'erreur, saisissez ce code dans la barre de recherche du centre d'aide : chaque code a son propre article.
        `,
      },
    },
  },
  {
    slug: 'quick-start-host-your-first-meeting',
    category: 'getting-started',
    section: 'first-steps',
    kind: 'quick_start',
    audience: 'everyone',
    topResourceRank: 3,
    translations: {
      en: {
        title: 'Quick start: host your first meeting',
        body: md`
          Anyone with a Meetly account can host. On the Free plan, meetings with three or more people end after 45 minutes; paid plans allow meetings of up to 30 hours.

          ## Start an instant meeting

          1. Sign in to the desktop or mobile app.
          2. Click **New meeting**. Turn on **Start with video** if you want your camera on from the start.
          3. Click **Participants** > **Invite** and copy the invitation, or send it by e-mail or chat.

          ## Keep the meeting under control

          - New meetings use the **waiting room** by default, so you decide who comes in. Click **Admit** next to each name, or **Admit all**.
          - Click **Security** to lock the meeting once everyone is in, to stop participants from sharing their screen, or to turn off renaming.
          - **Mute all** silences everyone; participants can unmute themselves unless you clear **Allow participants to unmute themselves**.

          ## End the meeting

          Click **End** > **End meeting for all**. If you only want to leave and let the meeting continue, choose **Leave meeting** and pick a new host first.

          To plan a meeting ahead with a fixed time and passcode, see the article about scheduling a meeting.
        `,
      },
      ru: {
        title: 'Быстрый старт: проведите свою первую конференцию',
        body: md`
          Организатором может стать любой, у кого есть учетная запись Meetly. На тарифе Free конференции с тремя и более участниками завершаются через 45 минут; на платных тарифах конференция может длиться до 30 часов.

          ## Мгновенная конференция

          1. Войдите в приложение для компьютера или в мобильное приложение.
          2. Нажмите **Новая конференция**. Включите **Начинать с видео**, если хотите, чтобы камера работала с самого начала.
          3. Нажмите **Участники** > **Пригласить** и скопируйте приглашение или отправьте его по электронной почте или в чат.

          ## Управление конференцией

          - В новых конференциях по умолчанию включен **зал ожидания**, поэтому вы сами решаете, кого впустить. Нажмите **Впустить** рядом с именем или **Впустить всех**.
          - Через меню **Безопасность** можно заблокировать конференцию, когда все собрались, запретить участникам показывать экран или менять имя.
          - **Выключить звук у всех** отключает микрофоны всех участников; они смогут включить их сами, если вы не снимете флажок **Разрешить участникам включать звук**.

          ## Завершение

          Нажмите **Завершить** > **Завершить конференцию для всех**. Если вы хотите только выйти, а конференцию продолжить, выберите **Покинуть конференцию** и сначала назначьте нового организатора.

          Чтобы заранее запланировать конференцию с определенным временем и кодом доступа, прочитайте статью о планировании конференций.
        `,
      },
      fr: {
        title: 'Démarrage rapide : organiser votre première réunion',
        body: md`
          Toute personne disposant d'un compte Meetly peut organiser une réunion. Avec le forfait Free, les réunions de trois personnes ou plus s'arrêtent au bout de 45 minutes ; les forfaits payants permettent des réunions de 30 heures maximum.

          ## Lancer une réunion instantanée

          1. Connectez-vous à l'application de bureau ou mobile.
          2. Cliquez sur **Nouvelle réunion**. Activez **Démarrer avec la vidéo** si vous voulez que votre caméra soit allumée dès le début.
          3. Cliquez sur **Participants** > **Inviter** et copiez l'invitation, ou envoyez-la par e-mail ou par chat.

          ## Garder le contrôle de la réunion

          - Les nouvelles réunions utilisent la **salle d'attente** par défaut : c'est vous qui décidez qui entre. Cliquez sur **Admettre** à côté de chaque nom, ou sur **Admettre tout le monde**.
          - Le menu **Sécurité** permet de verrouiller la réunion une fois tout le monde arrivé, d'empêcher les participants de partager leur écran ou de se renommer.
          - **Couper le micro de tous** réduit tout le monde au silence ; les participants peuvent réactiver leur micro, sauf si vous décochez **Autoriser les participants à réactiver leur micro**.

          ## Terminer la réunion

          Cliquez sur **Fin** > **Mettre fin à la réunion pour tous**. Pour partir en laissant la réunion continuer, choisissez **Quitter la réunion** et désignez d'abord un nouvel organisateur.

          Pour planifier une réunion à l'avance avec une heure fixe et un code secret, consultez l'article sur la planification des réunions.
        `,
      },
    },
  },
  {
    slug: 'quick-start-set-up-your-account',
    category: 'getting-started',
    section: 'first-steps',
    kind: 'quick_start',
    audience: 'owners_admins',
    translations: {
      en: {
        title: 'Quick start: set up your organisation’s account',
        body: md`
          This guide is for the person who created the account (the owner) and the administrators they appoint. Work through it once, before inviting the whole team.

          1. **Check your plan and licences.** Go to **Admin** > **Billing** > **Plan**. Each licensed member can host meetings without the Free plan's 45-minute limit.
          2. **Appoint a second administrator.** Go to **Admin** > **Users**, open a colleague's profile and set the role to **Admin**, so someone else can help if you are away.
          3. **Add your users.** Invite people by e-mail, or upload a CSV file with one address per line. On Business plans and above you can also claim your company domain so that everyone signing up with it joins your account.
          4. **Set secure defaults.** In **Admin** > **Account settings** > **Meetings**, keep **Waiting room** and **Require a passcode** on, and click the lock icon so members cannot turn them off.
          5. **Decide on recording.** Choose whether members can record to the cloud and how long recordings are kept.
          6. **Know how to reach support.** As owner or admin on a paid plan you can file tickets and use web chat; on Business, Education, Enterprise and API plans you can also call the phone hotlines.

          When this is done, send your team the link to the quick start about joining a meeting.
        `,
      },
    },
  },
  {
    slug: 'faq-owners-admins-getting-started',
    category: 'getting-started',
    section: 'first-steps',
    kind: 'faq',
    audience: 'owners_admins',
    translations: {
      en: {
        title: 'FAQ for owners and admins: the first weeks',
        body: md`
          **Can an account have more than one owner?**
          No. There is exactly one owner, who controls billing and can transfer ownership. You can appoint as many admins as you need.

          **Do admins see members' meetings and recordings?**
          Admins can see meeting details in reports (topic, time, participants, duration) and can manage cloud recordings if the owner gave them the **Recording management** permission. They never see chat messages sent privately during meetings.

          **A member left the company. What happens to their meetings?**
          Before deleting the user, transfer their upcoming meetings, webinars and recordings to another member in **Admin** > **Users** > **Delete** > **Transfer data**. Otherwise they are deleted with the user.

          **Why can't a member start a meeting longer than 45 minutes?**
          They are probably a basic (unlicensed) member. Assign them a licence in **Admin** > **Users** > **Edit** > **User type: Licensed**.

          **Where do I see how much the account is used?**
          Under **Admin** > **Reports** > **Usage**: meetings, participants and minutes per user, exportable as CSV.

          **Who can open a support ticket for the organisation?**
          The owner and admins of paid plans. Members should ask you first: you can then file the ticket with the meeting ID and the time of the problem.
        `,
      },
    },
  },
  {
    slug: 'faq-participants-joining',
    category: 'getting-started',
    section: 'join-and-host',
    kind: 'faq',
    audience: 'users_participants',
    translations: {
      en: {
        title: 'FAQ for participants: joining meetings',
        body: md`
          **Do I need an account to join?**
          No. An account is only needed when the host restricts the meeting to signed-in users or to people from their organisation; the join screen tells you so.

          **Can I join without installing anything?**
          Yes: open the meeting link and click **Join from your browser**. Chrome, Edge, Firefox and Safari are supported. Some features, such as breakout rooms on Safari, need the app.

          **How do I change the name others see?**
          Before joining, edit the name field. During the meeting, open **Participants**, hover over your name and choose **Rename** (unless the host turned renaming off).

          **Why am I stuck on "Please wait, the host will let you in soon"?**
          You are in the waiting room. Only the host or a co-host can admit you. If nobody does, contact the person who invited you.

          **Can I join two meetings at once?**
          Not in the same app. You can join a second meeting from a browser or a phone.

          **The app asks for a passcode I don't have.**
          The passcode is in the invitation next to the meeting ID; links that contain "pwd=" fill it in for you. Ask the host if it is missing.
        `,
      },
    },
  },
  {
    slug: 'meeting-id-and-passcode',
    category: 'getting-started',
    section: 'join-and-host',
    kind: 'faq',
    audience: 'everyone',
    translations: {
      en: {
        title: 'What are the meeting ID and the passcode?',
        body: md`
          Every Meetly meeting has a **meeting ID**: a number of 10 or 11 digits, shown in the invitation and at the top of the meeting window, for example 845 2913 4470. The ID is what you type in **Join** when you do not have the link. It is also what support asks for when you report a problem with a meeting.

          ## Personal meeting ID

          Each user also has a personal meeting ID (PMI). Meetings started on your PMI always have the same ID, which is handy for regular calls with the same people, but anyone who once had the ID can try to join later. For meetings with external guests, prefer a scheduled meeting with its own ID.

          ## Passcode

          The **passcode** protects the meeting: participants type it after the ID. Links that contain "pwd=" include it, so people joining from the link are not asked. Phone participants use a numeric version of the passcode, shown in the dial-in section of the invitation.

          Hosts can change the passcode in the meeting's settings. If your account owner locked **Require a passcode**, it cannot be turned off.

          Lost the invitation? Sign in at https://meetly.example.com, open **Meetings** and copy it again.
        `,
      },
      ru: {
        title: 'Что такое идентификатор конференции и код доступа?',
        body: md`
          У каждой конференции Meetly есть **идентификатор**: число из 10 или 11 цифр, которое указано в приглашении и в верхней части окна конференции, например 845 2913 4470. Именно его нужно ввести в окне **Войти в конференцию**, если у вас нет ссылки. Его же служба поддержки просит указать, когда вы сообщаете о проблеме с конференцией.

          ## Личный идентификатор

          У каждого пользователя есть еще и личный идентификатор конференции (PMI). Конференции, запущенные с PMI, всегда имеют один и тот же идентификатор. Это удобно для регулярных встреч с одними и теми же людьми, но любой, кто когда-то знал этот идентификатор, может попытаться подключиться позже. Для встреч с внешними гостями лучше запланировать конференцию с отдельным идентификатором.

          ## Код доступа

          **Код доступа** защищает конференцию: участники вводят его после идентификатора. Ссылки, содержащие «pwd=», уже включают код, поэтому при входе по ссылке его не спрашивают. Участники, звонящие по телефону, вводят цифровой вариант кода, указанный в разделе приглашения о подключении по телефону.

          Организатор может изменить код доступа в параметрах конференции. Если владелец учетной записи заблокировал параметр **Требовать код доступа**, отключить его нельзя.

          Потеряли приглашение? Войдите на https://meetly.example.com, откройте раздел **Конференции** и скопируйте приглашение снова.
        `,
      },
    },
  },
  {
    slug: 'join-by-phone',
    category: 'getting-started',
    section: 'join-and-host',
    kind: 'tutorial',
    audience: 'users_participants',
    translations: {
      en: {
        title: 'Join a meeting by telephone (dial-in)',
        body: md`
          When you have no internet connection, or your computer has no working microphone, you can join the audio of a meeting from any mobile or landline phone.

          1. Find the **Dial by your location** section of the invitation and call the number for your country.
          2. When asked, enter the meeting ID followed by **#**.
          3. If you are asked for a participant ID, press **#** to skip, or enter the one shown in your meeting window to link your call to your video.
          4. Enter the numeric passcode followed by **#**.

          ## Keypad commands

          | Keys | Action                    |
          | ---- | ------------------------- |
          | \\*6 | Mute or unmute yourself   |
          | \\*9 | Raise or lower your hand  |
          | \\*0 | Hear the list of commands |

          If you are already in the meeting on your computer, click the arrow next to **Audio** > **Switch to phone audio** and follow the instructions: your call replaces the computer's microphone and speaker, which avoids echo.

          Calls are charged by your phone operator at their usual rate. Toll-free numbers are available only if the host's account includes them.
        `,
      },
      ru: {
        title: 'Подключение к конференции по телефону',
        body: md`
          Если у вас нет интернета или на компьютере не работает микрофон, можно подключиться к звуку конференции с любого мобильного или стационарного телефона.

          1. Найдите в приглашении раздел **Номера для звонка по регионам** и позвоните по номеру своей страны.
          2. Когда попросят, введите идентификатор конференции и нажмите **#**.
          3. Если запросят идентификатор участника, нажмите **#**, чтобы пропустить этот шаг, или введите идентификатор из окна конференции, чтобы связать звонок со своим видео.
          4. Введите цифровой код доступа и нажмите **#**.

          ## Команды с клавиатуры телефона

          | Клавиши | Действие                             |
          | ------- | ------------------------------------ |
          | \\*6    | Выключить или включить свой микрофон |
          | \\*9    | Поднять или опустить руку            |
          | \\*0    | Прослушать список команд             |

          Если вы уже находитесь в конференции на компьютере, нажмите стрелку рядом с кнопкой **Звук** > **Перейти на звук по телефону** и следуйте инструкциям: звонок заменит микрофон и динамик компьютера, и эха не будет.

          Звонки оплачиваются по обычному тарифу вашего оператора. Бесплатные номера доступны, только если они входят в учетную запись организатора.
        `,
      },
    },
  },
  {
    slug: 'install-the-apps',
    category: 'getting-started',
    section: 'apps-and-devices',
    kind: 'tutorial',
    audience: 'everyone',
    videoUrl: 'https://videos.example.com/meetly/tutorials/install-the-apps',
    topResourceRank: 19,
    translations: {
      en: {
        title: 'Install the Meetly desktop and mobile apps',
        body: md`
          The apps give you every feature: breakout rooms, virtual backgrounds, HD video and team chat. Watch the two-minute video or follow the steps.

          ## Windows and macOS

          1. Download the installer from https://meetly.example.com/download.
          2. Run it. On Windows no administrator rights are needed; on macOS, drag Meetly to **Applications**.
          3. Open Meetly and sign in, or click **Join** to join without an account.

          ## Linux

          Packages for Ubuntu, Debian, Fedora and openSUSE are on the same download page. Install the one for your distribution with your package manager.

          ## iPhone, iPad and Android

          Search for "Meetly" in the App Store or Google Play and install the app published by Meetly. The first time you join, allow access to the microphone and camera.

          ## Updates

          The desktop app checks for updates when it starts. To update by hand, click your profile picture > **Check for updates**. Organisations that deploy the app themselves can turn automatic updates off in **Admin** > **Account settings** > **Apps**.

          If the installer stops with error 3000, see the article about that error.
        `,
      },
      fr: {
        title: 'Installer les applications Meetly pour ordinateur et mobile',
        body: md`
          Les applications offrent toutes les fonctionnalités : sous-groupes, arrière-plans virtuels, vidéo HD et chat d'équipe. Regardez la vidéo de deux minutes ou suivez les étapes.

          ## Windows et macOS

          1. Téléchargez le programme d'installation sur https://meetly.example.com/download.
          2. Lancez-le. Sous Windows, aucun droit d'administrateur n'est nécessaire ; sous macOS, faites glisser Meetly dans **Applications**.
          3. Ouvrez Meetly et connectez-vous, ou cliquez sur **Rejoindre** pour participer sans compte.

          ## Linux

          Des paquets pour Ubuntu, Debian, Fedora et openSUSE sont disponibles sur la même page. Installez celui de votre distribution avec votre gestionnaire de paquets.

          ## iPhone, iPad et Android

          Cherchez « Meetly » dans l'App Store ou Google Play et installez l'application publiée par Meetly. La première fois que vous rejoignez une réunion, autorisez l'accès au micro et à la caméra.

          ## Mises à jour

          L'application de bureau recherche les mises à jour à chaque démarrage. Pour mettre à jour manuellement, cliquez sur votre photo de profil > **Rechercher des mises à jour**. Les organisations qui déploient elles-mêmes l'application peuvent désactiver les mises à jour automatiques dans **Admin** > **Paramètres du compte** > **Applications**.

          Si l'installation s'arrête avec l'erreur 3000, consultez l'article consacré à cette erreur.
        `,
      },
    },
  },
  {
    slug: 'join-from-a-web-browser',
    category: 'getting-started',
    section: 'apps-and-devices',
    kind: 'tutorial',
    audience: 'users_participants',
    translations: {
      en: {
        title: 'Join from a web browser without installing the app',
        body: md`
          The web client runs in current versions of Chrome, Edge, Firefox and Safari. It is the quickest way in when you are on a borrowed computer or cannot install software.

          1. Open the meeting link. When the page offers to open the app, click **Cancel**.
          2. Click **Join from your browser** at the bottom of the page.
          3. Enter your name and, if asked, the passcode.
          4. When the browser asks for permission to use your microphone and camera, click **Allow**. If you clicked **Block** by mistake, click the camera icon in the address bar to change it, then reload the page.

          ## What works in the browser

          Audio, video, chat, screen sharing, reactions and raising your hand work everywhere. Virtual backgrounds need Chrome or Edge. Breakout rooms work in Chrome, Edge and Firefox.

          ## Tips

          - Close other tabs that use the camera, such as another video call.
          - Use headphones: browsers are less good than the app at cancelling echo.
          - If the page stays blank, allow third-party cookies for meetly.example.com or try a private window.
        `,
      },
    },
  },
  {
    slug: 'system-requirements',
    category: 'getting-started',
    section: 'apps-and-devices',
    kind: 'faq',
    audience: 'everyone',
    translations: {
      en: {
        title: 'System requirements and bandwidth',
        body: md`
          **Which systems are supported?**
          Windows 10 and 11, macOS 12 or later, Ubuntu 22.04 or later and other recent Linux distributions, iOS and iPadOS 16 or later, and Android 10 or later. The web client supports the two latest versions of Chrome, Edge, Firefox and Safari.

          **What hardware do I need?**
          A dual-core processor of 2 GHz or faster and 4 GB of memory. HD video, virtual backgrounds without a green screen and noise suppression work best with a quad-core processor and 8 GB.

          **How much bandwidth does a meeting use?**

          | Use                   | Up and down        |
          | --------------------- | ------------------ |
          | Audio only            | 100 kbps           |
          | Standard video (360p) | 600 kbps           |
          | HD video (720p)       | 1.5 Mbps           |
          | Full HD (1080p)       | 3 Mbps             |
          | Screen sharing        | 150–300 kbps extra |

          **Which network ports must be open?**
          Outbound TCP 443, and UDP 8801–8810 for the best audio and video. Meetly falls back to TCP 443 when UDP is blocked, at the cost of some latency.

          Check your setup before an important meeting at https://meetly.example.com/test.
        `,
      },
    },
  },
];
