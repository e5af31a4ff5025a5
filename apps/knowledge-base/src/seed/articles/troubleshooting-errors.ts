import type { SeedArticle } from '@support/domain-knowledge';
import { md } from '../markdown';

export const TROUBLESHOOTING_ERRORS_ARTICLES: readonly SeedArticle[] = [
  {
    slug: 'error-5003-cannot-connect',
    category: 'troubleshooting-errors',
    section: 'connection-errors',
    kind: 'troubleshooting',
    audience: 'everyone',
    errorCodes: ['5003', '5004'],
    topResourceRank: 11,
    translations: {
      en: {
        title: 'Error 5003 or 5004: cannot connect to Meetly',
        body: md`
          These errors appear when you try to join or start a meeting and the app cannot reach Meetly's servers at all. Your internet connection may work for other sites while something on the way blocks Meetly.

          ## Check in this order

          1. **Is Meetly up?** Look at https://status.meetly.example.com. During an incident, the page says which regions are affected.
          2. **Does the web client work?** Open the meeting link in a browser and choose **Join from your browser**. If it works, the problem is specific to the app.
          3. **Firewall or antivirus.** Allow the Meetly app through the firewall and exclude it from HTTPS scanning in your antivirus or security suite. Then restart the app.
          4. **Proxy or VPN.** Disconnect the VPN and try again. Behind a company proxy, check that **Settings** > **Network** > **Proxy** matches the system settings.
          5. **DNS.** Restart your router, or try another DNS server. On Windows, run "ipconfig /flushdns" in a command prompt.

          ## For network administrators

          Allow outbound TCP 443 and UDP 8801–8810 to the Meetly address ranges published at https://meetly.example.com/network, and do not inspect TLS traffic to them. Error 5004 specifically means the TLS connection was interrupted, which is typical of traffic inspection.

          If several people in the same office see the error, file a ticket with priority High and include the office's public IP address and the time the errors started.
        `,
      },
      ru: {
        title: 'Ошибка 5003 или 5004: не удается подключиться к Meetly',
        body: md`
          Эти ошибки появляются, когда вы пытаетесь подключиться к конференции или начать ее, а приложение вообще не может связаться с серверами Meetly. При этом другие сайты могут открываться нормально: что-то на пути блокирует именно Meetly.

          ## Проверьте по порядку

          1. **Работает ли Meetly?** Откройте https://status.meetly.example.com. Во время сбоя там указано, какие регионы затронуты.
          2. **Работает ли веб-версия?** Откройте ссылку на конференцию в браузере и выберите **Подключиться из браузера**. Если так получается, проблема в приложении.
          3. **Брандмауэр или антивирус.** Разрешите приложению Meetly доступ через брандмауэр и исключите его из проверки HTTPS в антивирусе. Затем перезапустите приложение.
          4. **Прокси-сервер или VPN.** Отключите VPN и попробуйте снова. Если вы работаете через корпоративный прокси-сервер, проверьте, что параметры в разделе **Настройки** > **Сеть** > **Прокси** совпадают с системными.
          5. **DNS.** Перезагрузите роутер или попробуйте другой DNS-сервер. В Windows выполните в командной строке «ipconfig /flushdns».

          ## Для сетевых администраторов

          Разрешите исходящие подключения TCP 443 и UDP 8801–8810 к диапазонам адресов Meetly, опубликованным на https://meetly.example.com/network, и не проверяйте TLS-трафик к ним. Ошибка 5004 означает, что TLS-соединение было прервано; обычно это происходит из-за проверки трафика.

          Если ошибка возникает у нескольких человек в одном офисе, создайте запрос с приоритетом «Высокий» и укажите внешний IP-адрес офиса и время, когда начались ошибки.
        `,
      },
    },
  },
  {
    slug: 'error-104101-connection-lost',
    category: 'troubleshooting-errors',
    section: 'connection-errors',
    kind: 'troubleshooting',
    audience: 'everyone',
    errorCodes: ['104101', '104102', '104103'],
    translations: {
      en: {
        title: 'Error 104101, 104102 or 104103: connection to the meeting lost',
        body: md`
          These errors mean you were connected, then the connection dropped and the app could not reconnect within 30 seconds.

          | Code   | Meaning                                                                            |
          | ------ | ---------------------------------------------------------------------------------- |
          | 104101 | The network connection was lost (Wi-Fi dropped, cable unplugged, VPN reconnected). |
          | 104102 | The app reconnected to the network but not to the meeting in time.                 |
          | 104103 | The meeting server stopped answering.                                              |

          ## What to do now

          Click **Rejoin**. If you were the host, you get the host role back when you return, as long as nobody else was made host.

          ## If it keeps happening

          - **Wi-Fi**: move closer to the router, or use the 5 GHz network. Walls, microwaves and busy channels make Wi-Fi drop for a few seconds, which is enough to end a call.
          - **Mobile data**: meetings survive switching between Wi-Fi and mobile data only in the mobile app, not on a laptop using a phone hotspot.
          - **VPN**: some VPNs reconnect every few hours; each reconnection breaks the meeting. Ask your IT team whether Meetly traffic can bypass the VPN.
          - **Power saving**: on Windows, stop the network adapter from sleeping (**Device Manager** > network adapter > **Power management**).
          - **104103 for everyone at the same time**: check https://status.meetly.example.com.

          When reporting the problem, give the meeting ID, the time of each disconnection and the code you saw.
        `,
      },
      ru: {
        title: 'Ошибка 104101, 104102 или 104103: потеряно соединение с конференцией',
        body: md`
          Эти ошибки означают, что вы были подключены, затем соединение прервалось и приложению не удалось переподключиться в течение 30 секунд.

          | Код    | Значение                                                                           |
          | ------ | ---------------------------------------------------------------------------------- |
          | 104101 | Потеряно сетевое подключение (пропал Wi-Fi, отключен кабель, переподключился VPN). |
          | 104102 | Приложение восстановило подключение к сети, но не успело вернуться в конференцию.  |
          | 104103 | Сервер конференции перестал отвечать.                                              |

          ## Что делать сейчас

          Нажмите **Подключиться снова**. Если вы были организатором, роль вернется к вам, если за это время организатором не назначили кого-то другого.

          ## Если это повторяется

          - **Wi-Fi**: подойдите ближе к роутеру или используйте сеть 5 ГГц. Стены, микроволновые печи и загруженные каналы приводят к обрывам Wi-Fi на несколько секунд, а этого достаточно, чтобы звонок прервался.
          - **Мобильный интернет**: переход между Wi-Fi и мобильной сетью без обрыва конференции возможен только в мобильном приложении, но не на ноутбуке, подключенном через точку доступа телефона.
          - **VPN**: некоторые VPN переподключаются каждые несколько часов, и каждое переподключение обрывает конференцию. Спросите ИТ-отдел, можно ли направлять трафик Meetly в обход VPN.
          - **Энергосбережение**: в Windows запретите сетевому адаптеру переходить в спящий режим (**Диспетчер устройств** > сетевой адаптер > **Управление электропитанием**).
          - **104103 у всех одновременно**: проверьте https://status.meetly.example.com.

          Сообщая о проблеме, укажите идентификатор конференции, время каждого обрыва и код, который вы видели.
        `,
      },
    },
  },
  {
    slug: 'poor-connection-frozen-video',
    category: 'troubleshooting-errors',
    section: 'connection-errors',
    kind: 'troubleshooting',
    audience: 'everyone',
    translations: {
      en: {
        title: 'Unstable connection: frozen video, choppy or robotic sound',
        body: md`
          When the app shows **Your internet connection is unstable**, the bandwidth or the quality of your connection dropped below what the meeting needs. Meetly first lowers video quality, then pauses incoming video, and keeps audio going as long as possible.

          ## Quick relief during the meeting

          1. Turn off your own video.
          2. Switch to **Speaker view** instead of gallery: fewer video streams to receive.
          3. Ask others in your home to pause streaming and large downloads.
          4. If audio still breaks up, choose **Switch to phone audio** and keep the video on your computer.

          ## Find the cause after the meeting

          - Open **Settings** > **Statistics** during a test meeting. Packet loss above 2 % or jitter above 40 ms means the connection itself is the problem.
          - Compare Wi-Fi and a cable. If the cable is fine, improve the Wi-Fi: move the router, use 5 GHz, or add a mesh point.
          - If only Meetly is affected and other video calls work, check the firewall rules for UDP 8801–8810: without UDP, Meetly uses TCP, which copes less well with loss.
          - A slow computer also causes frozen video. If **Statistics** shows CPU above 80 %, close other apps, turn off the virtual background and HD.

          ## For admins

          **Admin** > **Reports** > **Meeting details** shows each participant's network quality minute by minute, which helps tell a single user's problem from an office-wide one.
        `,
      },
    },
  },
  {
    slug: 'error-3000-install-or-update-failed',
    category: 'troubleshooting-errors',
    section: 'app-errors',
    kind: 'troubleshooting',
    audience: 'everyone',
    errorCodes: ['3000'],
    translations: {
      en: {
        title: 'Error 3000: the app could not be installed or updated',
        body: md`
          The installer stops with error 3000 when it cannot replace the files of the Meetly app.

          ## Try these steps

          1. **Close Meetly completely.** On Windows, right-click the Meetly icon next to the clock and choose **Exit**; then check in **Task Manager** that no Meetly process is left. On macOS, press Cmd+Q.
          2. **Run the installer again** from https://meetly.example.com/download rather than the in-app update.
          3. **Free disk space.** The installer needs 500 MB free on the system drive.
          4. **Pause the antivirus** during installation, or add the Meetly folder to its exclusions. Some security tools lock files they are scanning.
          5. **Remove the old version.** Uninstall Meetly from **Settings** > **Apps** (Windows) or move it to the Trash (macOS), restart the computer, then install again. Your settings and recordings are kept.

          ## Managed computers

          If Meetly was installed by your IT department for all users of the computer, a per-user update cannot replace it and fails with error 3000. Ask IT to deploy the new version, or to switch to the per-user installer.

          ## Still failing?

          Attach the installer log to your request: on Windows it is in %TEMP%\\MeetlyInstall.log, on macOS in /Library/Logs/MeetlyInstall.log.
        `,
      },
      fr: {
        title: 'Erreur 3000 : impossible d’installer ou de mettre à jour l’application',
        body: md`
          Le programme d'installation s'arrête avec l'erreur 3000 quand il ne peut pas remplacer les fichiers de l'application Meetly.

          ## Essayez ces étapes

          1. **Fermez complètement Meetly.** Sous Windows, faites un clic droit sur l'icône Meetly près de l'horloge et choisissez **Quitter** ; vérifiez ensuite dans le **Gestionnaire des tâches** qu'aucun processus Meetly ne reste. Sous macOS, appuyez sur Cmd+Q.
          2. **Relancez le programme d'installation** téléchargé sur https://meetly.example.com/download plutôt que la mise à jour intégrée.
          3. **Libérez de l'espace disque.** L'installation nécessite 500 Mo libres sur le disque système.
          4. **Suspendez l'antivirus** pendant l'installation, ou ajoutez le dossier Meetly à ses exclusions. Certains outils de sécurité verrouillent les fichiers qu'ils analysent.
          5. **Supprimez l'ancienne version.** Désinstallez Meetly depuis **Paramètres** > **Applications** (Windows) ou placez-le dans la corbeille (macOS), redémarrez l'ordinateur, puis réinstallez. Vos paramètres et vos enregistrements sont conservés.

          ## Ordinateurs gérés

          Si Meetly a été installé par votre service informatique pour tous les utilisateurs de l'ordinateur, une mise à jour par utilisateur ne peut pas le remplacer et échoue avec l'erreur 3000. Demandez au service informatique de déployer la nouvelle version, ou de passer au programme d'installation par utilisateur.

          ## Toujours en échec ?

          Joignez le journal d'installation à votre demande : sous Windows, il se trouve dans %TEMP%\\MeetlyInstall.log, sous macOS dans /Library/Logs/MeetlyInstall.log.
        `,
      },
    },
  },
  {
    slug: 'error-3001-meeting-does-not-exist',
    category: 'troubleshooting-errors',
    section: 'app-errors',
    kind: 'troubleshooting',
    audience: 'everyone',
    errorCodes: ['3001'],
    translations: {
      en: {
        title: 'Error 3001: this meeting ID is not valid',
        body: md`
          The app shows error 3001 when the meeting ID you entered does not match any meeting that can be joined.

          ## If you are joining

          - **Check the digits.** Meeting IDs have 10 or 11 digits. Copy the ID from the invitation rather than typing it, or click the link instead.
          - **Check the date.** A one-off meeting can be joined from 30 minutes before its start until it ends. After that, the host must start it again or schedule a new one.
          - **Ask the host** whether the meeting was deleted or rescheduled: a rescheduled meeting sometimes gets a new ID.

          ## If you are the host

          - Meetings deleted from **Meetings** cannot be joined. Restore them from **Meetings** > **Recently deleted** within 7 days.
          - Recurring meetings with **No fixed time** expire 365 days after they were last started. Schedule a new meeting and send the new invitation.
          - If your account was moved to another Meetly account, meetings created before the move keep working; if they do not, check that you are signed in to the right account.
          - Meetings restricted to your organisation show error 3001 to people outside it only if **Hide meeting from external users** is on.

          If the ID is correct, the meeting exists and error 3001 still appears, file a ticket with the meeting ID and the time you tried.
        `,
      },
      fr: {
        title: 'Erreur 3001 : cet ID de réunion n’est pas valide',
        body: md`
          L'application affiche l'erreur 3001 quand l'ID de réunion saisi ne correspond à aucune réunion que l'on peut rejoindre.

          ## Si vous essayez de rejoindre

          - **Vérifiez les chiffres.** Les ID de réunion comptent 10 ou 11 chiffres. Copiez l'ID depuis l'invitation plutôt que de le taper, ou cliquez sur le lien.
          - **Vérifiez la date.** Une réunion ponctuelle peut être rejointe de 30 minutes avant son début jusqu'à sa fin. Ensuite, l'organisateur doit la relancer ou en planifier une nouvelle.
          - **Demandez à l'organisateur** si la réunion a été supprimée ou reprogrammée : une réunion reprogrammée reçoit parfois un nouvel ID.

          ## Si vous êtes l'organisateur

          - Les réunions supprimées de **Réunions** ne peuvent plus être rejointes. Restaurez-les dans **Réunions** > **Supprimées récemment** dans les 7 jours.
          - Les réunions récurrentes **Sans heure fixe** expirent 365 jours après leur dernier lancement. Planifiez une nouvelle réunion et envoyez la nouvelle invitation.
          - Si votre compte a été rattaché à un autre compte Meetly, les réunions créées avant le rattachement continuent de fonctionner ; sinon, vérifiez que vous êtes connecté au bon compte.
          - Les réunions réservées à votre organisation n'affichent l'erreur 3001 aux personnes extérieures que si **Masquer la réunion aux utilisateurs externes** est activé.

          Si l'ID est correct, que la réunion existe et que l'erreur 3001 apparaît toujours, créez un ticket avec l'ID de réunion et l'heure de votre tentative.
        `,
      },
    },
  },
  {
    slug: 'error-1132-account-cannot-join',
    category: 'troubleshooting-errors',
    section: 'sign-in-errors',
    kind: 'troubleshooting',
    audience: 'everyone',
    errorCodes: ['1132'],
    translations: {
      en: {
        title: 'Error 1132: this account cannot join meetings right now',
        body: md`
          Error 1132 means Meetly has put a temporary hold on the signed-in account, so it cannot start or join meetings. Signing out does not change it: the hold is on the account, not the device.

          ## Common causes

          - **Security hold** after unusual sign-ins, for example from several countries within an hour. You receive an e-mail asking you to confirm it was you.
          - **Unpaid plan**: the account was moved to the Free plan after failed payments, and the meeting uses a feature the Free plan does not include, such as a webinar.
          - **Violation of the acceptable use policy**, such as mass spam invitations. These holds are reviewed by the trust and safety team.

          ## What to do

          1. Look for an e-mail from Meetly sent to the account's address and follow its link. Security holds are lifted as soon as you confirm and change your password.
          2. In the meantime, you can still join meetings as a guest: sign out and use **Join** without signing in, unless the host only admits signed-in users.
          3. **Members of a company account**: tell your account admin. They see the reason under **Admin** > **Users** and can file a ticket.
          4. **Owners and admins**: file a ticket with priority High, include the e-mail address of the account and the time of the first error.

          Never create a new account to get around the hold: new accounts from the same device are also blocked while the hold lasts.
        `,
      },
      ru: {
        title: 'Ошибка 1132: эта учетная запись сейчас не может подключаться к конференциям',
        body: md`
          Ошибка 1132 означает, что Meetly временно ограничил учетную запись, с которой выполнен вход: с нее нельзя начинать конференции и подключаться к ним. Выход из учетной записи не поможет: ограничение наложено на учетную запись, а не на устройство.

          ## Частые причины

          - **Ограничение по соображениям безопасности** после необычных входов, например из нескольких стран в течение часа. Вы получите письмо с просьбой подтвердить, что это были вы.
          - **Неоплаченный тариф**: после неудачных платежей учетная запись переведена на тариф Free, а конференция использует функцию, которой нет в тарифе Free, например вебинар.
          - **Нарушение правил допустимого использования**, например массовая рассылка спам-приглашений. Такие ограничения проверяет команда по доверию и безопасности.

          ## Что делать

          1. Найдите письмо от Meetly, отправленное на адрес учетной записи, и перейдите по ссылке в нем. Ограничение по безопасности снимается сразу после подтверждения и смены пароля.
          2. Пока ограничение действует, вы можете подключаться к конференциям как гость: выйдите из учетной записи и нажмите **Войти в конференцию** без входа, если только организатор не впускает лишь авторизованных пользователей.
          3. **Участникам учетной записи компании**: сообщите администратору. Он увидит причину в разделе **Администрирование** > **Пользователи** и сможет создать запрос.
          4. **Владельцам и администраторам**: создайте запрос с приоритетом «Высокий», укажите адрес электронной почты учетной записи и время первой ошибки.

          Не создавайте новую учетную запись, чтобы обойти ограничение: пока оно действует, новые учетные записи с того же устройства тоже блокируются.
        `,
      },
    },
  },
  {
    slug: 'error-1001-user-not-on-account',
    category: 'troubleshooting-errors',
    section: 'sign-in-errors',
    kind: 'troubleshooting',
    audience: 'everyone',
    errorCodes: ['1001'],
    translations: {
      en: {
        title: 'Error 1001: user does not belong to this account',
        body: md`
          Error 1001 appears when you sign in successfully but the account you are trying to use does not include your user. It usually shows up in one of these situations.

          ## Signing in through your company's SSO

          The identity provider confirmed who you are, but your Meetly user does not exist yet in your company's account, or exists in another account with the same e-mail address.

          - If your company uses just-in-time provisioning, ask your admin to check that your group in the identity provider is assigned to the Meetly application.
          - If you had a personal Meetly account with your work address before the company adopted Meetly, your admin must invite you; accepting moves your personal account into the company's.

          ## Joining a meeting limited to an organisation

          The host allows only users of their own account. Sign out and sign in with the account the invitation was sent to, or ask the host to allow guests.

          ## After you left an account

          When an admin unlinks or deletes your user, your sessions end with error 1001 on every device. Sign in again: you are now in your own free account.

          ## For admins

          Search for the user under **Admin** > **Users**, including **Pending**: invitations not accepted within 30 days expire and must be sent again.
        `,
      },
    },
  },
  {
    slug: 'sso-sign-in-error-7200',
    category: 'troubleshooting-errors',
    section: 'sign-in-errors',
    kind: 'troubleshooting',
    audience: 'owners_admins',
    errorCodes: ['7200', '7201'],
    translations: {
      en: {
        title: 'SSO sign-in fails with error 7200 or 7201',
        body: md`
          These errors come back from Meetly after the identity provider (IdP) has sent the user back, and mean the SAML response could not be accepted. They affect every user of the domain at once, so they are often urgent.

          ## Error 7200: signature not valid

          - The IdP's signing certificate changed or expired. Download the new certificate or metadata from the IdP and upload it under **Admin** > **Advanced** > **Single sign-on**.
          - The IdP signs only the assertion while Meetly expects the whole response, or the other way round. Match the **Sign** setting on both sides.

          ## Error 7201: response not accepted

          - **Clock difference**: the IdP server's clock is more than 5 minutes off. Sync it with a time server.
          - **Wrong audience or URL**: the entity ID or the assertion consumer service URL in the IdP does not match the values shown in Meetly, often after the vanity URL was changed.
          - **Missing e-mail attribute**: the response has no email attribute, or it is empty for this user.

          ## Let admins in while you fix it

          Owners and admins who set a password and two-factor authentication can still sign in at https://meetly.example.com/signin by clicking **Sign in with password**. If nobody can, file a ticket with priority Urgent and call the phone hotline; support verifies your identity before disabling SSO enforcement.

          To diagnose, open **Single sign-on** > **Sign-in log**, which keeps the last 100 SAML responses with the reason for each rejection.
        `,
      },
    },
  },
  {
    slug: 'collect-logs-for-support',
    category: 'troubleshooting-errors',
    section: 'app-errors',
    kind: 'tutorial',
    audience: 'everyone',
    videoUrl: 'https://videos.example.com/meetly/tutorials/collect-logs',
    translations: {
      en: {
        title: 'Collect app logs and diagnostics to attach to a support request',
        body: md`
          Logs let support see what the app saw: which servers it reached, which devices it used and why it stopped. Attach them to your ticket, together with the meeting ID and the time of the problem.

          ## Desktop app (Windows, macOS, Linux)

          1. Reproduce the problem if you can, and note the time.
          2. Click your profile picture > **Help** > **Report a problem**.
          3. Describe the problem in one line, tick **Include log files**, and click **Send**.
          4. Copy the **report ID** shown at the end and put it in your support ticket. Support retrieves the logs with it.

          If the app does not start, zip the log folder by hand and attach the file to the ticket:

          - Windows: %APPDATA%\\Meetly\\logs
          - macOS: ~/Library/Logs/Meetly
          - Linux: ~/.meetly/logs

          ## Mobile apps

          Open **Settings** > **About** > **Send logs**, then share the report ID.

          ## Web client

          Press F12, open the **Console** tab, right-click and choose **Save as**. Attach the file.

          ## Network test

          For connection problems, run the test at https://meetly.example.com/test/network and attach the PDF result. It checks every port and region Meetly uses.

          Logs contain device names and IP addresses, but no meeting content, chat messages or passwords. They are deleted 90 days after the ticket is closed.
        `,
      },
    },
  },
];
