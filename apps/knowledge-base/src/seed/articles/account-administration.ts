import type { SeedArticle } from '@support/domain-knowledge';
import { md } from '../markdown';

export const ACCOUNT_ADMINISTRATION_ARTICLES: readonly SeedArticle[] = [
  {
    slug: 'account-roles-owner-admin-member',
    category: 'account-administration',
    section: 'users-roles',
    kind: 'faq',
    audience: 'owners_admins',
    topResourceRank: 13,
    translations: {
      en: {
        title: 'Account roles: owner, admin and member',
        body: md`
          Every Meetly account has three roles. They decide who manages the account and also who may contact support.

          |                                                    | Owner | Admin      | Member |
          | -------------------------------------------------- | ----- | ---------- | ------ |
          | Host meetings (with a licence)                     | yes   | yes        | yes    |
          | Add, edit and remove users                         | yes   | yes        | no     |
          | Change account settings                            | yes   | yes        | no     |
          | View reports                                       | yes   | yes        | no     |
          | Billing and plan changes                           | yes   | if granted | no     |
          | Transfer ownership                                 | yes   | no         | no     |
          | File support tickets and use web chat (paid plans) | yes   | yes        | no     |

          **Owner.** The person who created the account, or to whom ownership was transferred. There is exactly one owner. The owner cannot be removed or demoted; they must first hand over ownership.

          **Admin.** Appointed by the owner or another admin. Admins run the account day to day. The owner can give individual admins extra permissions, such as billing or recording management, or create custom roles with a narrower set of rights.

          **Member.** Everyone else. Members host and join meetings and use chat, with the features their licence allows. Members get help through the help center; for anything the help center does not solve, they ask an owner or admin, who can contact support for them.

          To change someone's role, go to **Admin** > **Users**, click the user and choose **Edit** > **Role**.
        `,
      },
      ru: {
        title: 'Роли в учетной записи: владелец, администратор и участник',
        body: md`
          В каждой учетной записи Meetly есть три роли. От них зависит, кто управляет учетной записью, а также кто может обращаться в службу поддержки.

          |                                                                   | Владелец | Администратор  | Участник |
          | ----------------------------------------------------------------- | -------- | -------------- | -------- |
          | Проводить конференции (с лицензией)                               | да       | да             | да       |
          | Добавлять, изменять и удалять пользователей                       | да       | да             | нет      |
          | Менять параметры учетной записи                                   | да       | да             | нет      |
          | Просматривать отчеты                                              | да       | да             | нет      |
          | Оплата и смена тарифа                                             | да       | если разрешено | нет      |
          | Передавать права владельца                                        | да       | нет            | нет      |
          | Создавать запросы в поддержку и писать в веб-чат (платные тарифы) | да       | да             | нет      |

          **Владелец.** Тот, кто создал учетную запись или кому были переданы права владельца. Владелец всегда один. Его нельзя удалить или понизить в роли: сначала он должен передать права владельца другому пользователю.

          **Администратор.** Назначается владельцем или другим администратором. Администраторы ведут повседневную работу с учетной записью. Владелец может дать отдельным администраторам дополнительные права, например на оплату или управление записями, или создать собственные роли с более узким набором прав.

          **Участник.** Все остальные. Участники проводят конференции, подключаются к ним и пользуются чатом в пределах своей лицензии. Помощь они получают в центре справки; если там нет решения, они обращаются к владельцу или администратору, который может связаться с поддержкой от их имени.

          Чтобы изменить роль пользователя, откройте **Администрирование** > **Пользователи**, выберите пользователя и нажмите **Изменить** > **Роль**.
        `,
      },
    },
  },
  {
    slug: 'add-and-remove-users',
    category: 'account-administration',
    section: 'users-roles',
    kind: 'tutorial',
    audience: 'owners_admins',
    translations: {
      en: {
        title: 'Add and remove users',
        body: md`
          ## Add users

          1. Go to **Admin** > **Users** > **Add users**.
          2. Enter one or more e-mail addresses, separated by commas.
          3. Choose the user type: **Licensed** (uses one of your paid licences) or **Basic** (free, meetings limited to 45 minutes with three or more people).
          4. Choose the role (**Member** or **Admin**) and, optionally, a group.
          5. Click **Add**. Each person receives an invitation and joins your account when they accept it.

          To add many people at once, click **Import** and upload a CSV file with the columns email, first name, last name, user type and group.

          If a person already has a Meetly account with that address, they are asked to move it into yours; their existing meetings and recordings move with them.

          ## Managed domains

          On Business plans and above, claim your company domain under **Admin** > **Account profile** > **Managed domains**. Anyone who signs up with that domain is added to your account automatically.

          ## Remove a user

          Click the user > **More**:

          - **Deactivate** blocks sign-in but keeps their data. Use it for a leave of absence.
          - **Delete** removes the user. First choose who receives their upcoming meetings, webinars and cloud recordings; otherwise they are deleted too.
          - **Unlink** turns the person into an independent free account, keeping their data.
        `,
      },
      fr: {
        title: 'Ajouter et supprimer des utilisateurs',
        body: md`
          ## Ajouter des utilisateurs

          1. Allez dans **Admin** > **Utilisateurs** > **Ajouter des utilisateurs**.
          2. Saisissez une ou plusieurs adresses e-mail, séparées par des virgules.
          3. Choisissez le type d'utilisateur : **Avec licence** (utilise l'une de vos licences payantes) ou **Basique** (gratuit, réunions limitées à 45 minutes à partir de trois personnes).
          4. Choisissez le rôle (**Membre** ou **Admin**) et, si besoin, un groupe.
          5. Cliquez sur **Ajouter**. Chaque personne reçoit une invitation et rejoint votre compte en l'acceptant.

          Pour ajouter beaucoup de personnes d'un coup, cliquez sur **Importer** et chargez un fichier CSV avec les colonnes e-mail, prénom, nom, type d'utilisateur et groupe.

          Si une personne possède déjà un compte Meetly avec cette adresse, on lui propose de le rattacher au vôtre ; ses réunions et enregistrements suivent.

          ## Domaines gérés

          À partir du forfait Business, revendiquez le domaine de votre entreprise dans **Admin** > **Profil du compte** > **Domaines gérés**. Toute personne qui s'inscrit avec ce domaine est ajoutée automatiquement à votre compte.

          ## Supprimer un utilisateur

          Cliquez sur l'utilisateur > **Plus** :

          - **Désactiver** bloque la connexion mais conserve ses données. Utile pour une absence prolongée.
          - **Supprimer** retire l'utilisateur. Choisissez d'abord qui reçoit ses réunions, webinaires et enregistrements à venir ; sinon ils sont supprimés aussi.
          - **Dissocier** transforme la personne en compte gratuit indépendant, en conservant ses données.
        `,
      },
    },
  },
  {
    slug: 'transfer-account-ownership',
    category: 'account-administration',
    section: 'users-roles',
    kind: 'tutorial',
    audience: 'owners_admins',
    translations: {
      en: {
        title: 'Transfer account ownership to another user',
        body: md`
          Only the current owner can hand over ownership, for example before leaving the company. The new owner must already be an admin in the same account and must have signed in at least once.

          1. Sign in to the web portal as the owner.
          2. Go to **Admin** > **Account profile**.
          3. Under **Account owner**, click **Transfer ownership**.
          4. Choose the new owner from the list of admins.
          5. Confirm with your password and the code from your authenticator app.

          The new owner receives an e-mail and must accept within 72 hours. Until they accept, nothing changes. After the transfer you become an admin; the new owner can change your role or remove you.

          ## What moves and what does not

          - The new owner gets billing, plan changes and the right to transfer ownership again.
          - Payment methods and invoices stay with the account; the new owner should check the billing contact under **Billing** > **Contacts**.
          - Your own meetings, recordings and chat history stay yours.

          ## When the owner has already left

          If the owner can no longer sign in, an admin can file a support ticket asking for an ownership change. Support will ask for proof that you are authorised to act for the organisation, such as a signed letter on company paper, before making the change.
        `,
      },
    },
  },
  {
    slug: 'quick-start-secure-your-account',
    category: 'account-administration',
    section: 'security-sign-in',
    kind: 'quick_start',
    audience: 'owners_admins',
    translations: {
      en: {
        title: 'Quick start: security settings for owners and admins',
        body: md`
          A short list of settings that prevent most incidents. Find them under **Admin** > **Account settings** and click the lock icon next to each one, so members cannot undo them.

          1. **Require two-factor authentication** for admins at least, ideally for everyone (**Security** > **Sign-in**).
          2. **Keep passcodes on** for scheduled, instant and personal meetings.
          3. **Keep the waiting room on** for guests from outside the organisation.
          4. **Limit screen sharing** to the host in meetings with external participants.
          5. **Turn off file transfer** in meetings if you do not need it, or allow only common document types.
          6. **Choose data regions** for meeting traffic and recordings (**Account profile** > **Data regions**).
          7. **Use single sign-on** on Business plans and above, so that leaving the company also removes access to Meetly.
          8. **Review admin roles** every quarter under **Admin** > **Roles**. Give billing and recording management only to those who need it.

          Then check **Admin** > **Reports** > **Sign-in and sign-out** once in a while for unusual locations, and set up e-mail alerts for new admin sign-ins.

          If you suspect an account was compromised, deactivate the user, reset their password and file a support ticket with priority High.
        `,
      },
    },
  },
  {
    slug: 'enable-two-factor-authentication',
    category: 'account-administration',
    section: 'security-sign-in',
    kind: 'tutorial',
    audience: 'everyone',
    translations: {
      en: {
        title: 'Turn on two-factor authentication',
        body: md`
          Two-factor authentication (2FA) asks for a one-time code in addition to your password, so a stolen password is not enough to sign in.

          ## Turn it on

          1. Sign in at https://meetly.example.com and open **Profile** > **Security**.
          2. Next to **Two-factor authentication**, click **Turn on**.
          3. Choose a method:
             - **Authenticator app** (recommended): scan the QR code with an app such as a password manager or authenticator, then type the six-digit code it shows.
             - **Text message**: enter your mobile number and type the code you receive.
          4. Save the **recovery codes** somewhere safe. Each one can be used once if you lose your phone.

          From now on, Meetly asks for a code when you sign in on a new device or browser.

          ## If your admin requires it

          You are asked to set it up at your next sign-in and cannot skip the step.

          ## Lost your phone?

          Use a recovery code to sign in, then set up 2FA again on your new phone. No recovery codes left? Members should ask their account admin, who can reset 2FA under **Admin** > **Users** > **More** > **Reset two-factor authentication**. Account owners and users of free accounts can request a reset through the help center; support checks your identity first, which takes up to three working days.
        `,
      },
      fr: {
        title: 'Activer l’authentification à deux facteurs',
        body: md`
          L'authentification à deux facteurs (2FA) demande un code à usage unique en plus du mot de passe : un mot de passe volé ne suffit plus pour se connecter.

          ## L'activer

          1. Connectez-vous sur https://meetly.example.com et ouvrez **Profil** > **Sécurité**.
          2. À côté de **Authentification à deux facteurs**, cliquez sur **Activer**.
          3. Choisissez une méthode :
             - **Application d'authentification** (recommandée) : scannez le code QR avec une application comme un gestionnaire de mots de passe ou un authentificateur, puis saisissez le code à six chiffres affiché.
             - **SMS** : saisissez votre numéro de mobile et le code reçu.
          4. Conservez les **codes de récupération** en lieu sûr. Chacun peut servir une fois si vous perdez votre téléphone.

          Désormais, Meetly demande un code lorsque vous vous connectez sur un nouvel appareil ou un nouveau navigateur.

          ## Si votre administrateur l'impose

          La configuration vous est demandée à la prochaine connexion, sans possibilité de passer l'étape.

          ## Téléphone perdu ?

          Connectez-vous avec un code de récupération, puis configurez de nouveau la 2FA sur votre nouveau téléphone. Plus de codes de récupération ? Les membres s'adressent à l'administrateur de leur compte, qui peut réinitialiser la 2FA dans **Admin** > **Utilisateurs** > **Plus** > **Réinitialiser l'authentification à deux facteurs**. Les propriétaires de compte et les utilisateurs de comptes gratuits peuvent demander une réinitialisation via le centre d'aide ; l'assistance vérifie d'abord votre identité, ce qui prend jusqu'à trois jours ouvrés.
        `,
      },
    },
  },
  {
    slug: 'reset-password-and-sign-in',
    category: 'account-administration',
    section: 'security-sign-in',
    kind: 'faq',
    audience: 'users_participants',
    topResourceRank: 18,
    translations: {
      en: {
        title: 'Reset your password or fix sign-in problems',
        body: md`
          **I forgot my password.**
          On the sign-in page, click **Forgot password?**, enter your e-mail address and follow the link you receive within a few minutes. Check your spam folder. The link is valid for 24 hours.

          **I never receive the reset e-mail.**
          Your company may sign in through single sign-on (SSO): click **Sign in with SSO** and enter your company's domain instead of a password. If you signed up with Google, Apple or Microsoft, use that button; such accounts have no Meetly password.

          **The app says my account is locked.**
          After six wrong passwords, sign-in is locked for 30 minutes. Wait, or reset your password to unlock it at once.

          **I changed my e-mail address at work.**
          Ask your account admin to update it under **Admin** > **Users**. Your meetings and recordings stay attached to your account.

          **I am signed in but see "You are not on this account".**
          You signed in with a personal account rather than your work one. Sign out, then sign in with your work address or through SSO.

          **The app keeps signing me out.**
          Your admin may have set a maximum session length. Tick **Keep me signed in** when you sign in, if your organisation allows it.

          For error codes shown during sign-in, search for the code in the help center.
        `,
      },
      ru: {
        title: 'Сброс пароля и проблемы со входом',
        body: md`
          **Я забыл пароль.**
          На странице входа нажмите **Забыли пароль?**, введите адрес электронной почты и перейдите по ссылке из письма, которое придет через несколько минут. Проверьте папку «Спам». Ссылка действует 24 часа.

          **Письмо для сброса пароля не приходит.**
          Возможно, в вашей компании вход выполняется через единый вход (SSO): нажмите **Войти через SSO** и введите домен компании вместо пароля. Если вы регистрировались через Google, Apple или Microsoft, используйте соответствующую кнопку: у таких учетных записей нет пароля Meetly.

          **Приложение сообщает, что учетная запись заблокирована.**
          После шести неверных паролей вход блокируется на 30 минут. Подождите или сбросьте пароль, чтобы сразу снять блокировку.

          **У меня сменился рабочий адрес электронной почты.**
          Попросите администратора учетной записи изменить его в разделе **Администрирование** > **Пользователи**. Ваши конференции и записи останутся в вашей учетной записи.

          **Я вошел, но вижу сообщение «Вы не состоите в этой учетной записи».**
          Вы вошли с личной учетной записью, а не с рабочей. Выйдите и войдите снова с рабочим адресом или через SSO.

          **Приложение постоянно завершает сеанс.**
          Возможно, администратор ограничил длительность сеанса. При входе установите флажок **Не выходить из системы**, если ваша организация это разрешает.

          Если при входе появляется код ошибки, найдите этот код в центре справки.
        `,
      },
    },
  },
  {
    slug: 'set-up-single-sign-on',
    category: 'account-administration',
    section: 'security-sign-in',
    kind: 'tutorial',
    audience: 'owners_admins',
    videoUrl: 'https://videos.example.com/meetly/tutorials/single-sign-on',
    translations: {
      en: {
        title: 'Set up single sign-on (SSO)',
        body: md`
          With single sign-on, your users sign in to Meetly with their company credentials through your identity provider (IdP), using SAML 2.0 or OpenID Connect. SSO is available on Business, Education, Enterprise and API plans.

          ## Before you start

          - Claim your company domain under **Admin** > **Account profile** > **Managed domains**.
          - Choose a **vanity URL**, such as yourcompany.meetly.example.com, under **Account profile** > **Vanity URL**.

          ## Configure SAML

          1. In your identity provider, create a SAML application for Meetly. Use the entity ID and the assertion consumer service URL shown in **Admin** > **Advanced** > **Single sign-on**.
          2. Map the attributes email (required), first name, last name and, optionally, group and role.
          3. In Meetly, paste the IdP's sign-in URL and signing certificate, or upload its metadata file.
          4. Click **Test** and sign in with a test user. Only then turn on **Enforce SSO** for the domain.

          ## Provisioning

          - **Just-in-time**: users are created the first time they sign in.
          - **SCIM**: your IdP creates, updates and deactivates users automatically. Generate the SCIM token under **Single sign-on** > **Provisioning**.

          Keep one owner or admin who can sign in with a password and 2FA, so that a broken IdP configuration cannot lock everyone out. If SSO sign-in fails with error 7200, see the article about that error.
        `,
      },
    },
  },
  {
    slug: 'lock-settings-for-the-account',
    category: 'account-administration',
    section: 'account-settings',
    kind: 'tutorial',
    audience: 'owners_admins',
    translations: {
      en: {
        title: 'Apply and lock settings for the whole account or a group',
        body: md`
          Meetly settings apply at three levels: the account, groups of users, and each user. A setting changed at a higher level becomes the default below it; **locking** it also stops anyone below from changing it.

          ## Change an account setting

          1. Go to **Admin** > **Account settings**.
          2. Pick a tab: **Meetings**, **Recording**, **Team chat**, **Audio** or **Security**.
          3. Change the setting. If asked, choose whether to apply the new value to users who had already changed it themselves.
          4. Click the lock icon to lock it. Locked settings appear grey in users' settings, with the message "Locked by your admin".

          ## Groups

          Groups let part of the account work differently, for example allowing cloud recording for the training team only.

          1. **Admin** > **Groups** > **Add group**, then add users.
          2. Open the group's **Settings** tab: they start from the account values. Change and lock them there.

          A user can be in several groups; choose one as their **main group**, whose settings they follow.

          ## Check a user's effective settings

          Open **Admin** > **Users**, click the user, then **Settings**. Each value shows where it comes from: account, group or the user.

          Every change is recorded with the admin's name and the time under **Admin** > **Reports** > **Operation logs**.
        `,
      },
    },
  },
  {
    slug: 'faq-owners-admins-account-settings',
    category: 'account-administration',
    section: 'account-settings',
    kind: 'faq',
    audience: 'owners_admins',
    translations: {
      en: {
        title: 'FAQ for owners and admins: account settings',
        body: md`
          **Can we use our own logo?**
          Yes, on Business plans and above: **Admin** > **Branding**. The logo appears in the web portal, the waiting room and invitations.

          **How do we choose where our data is stored?**
          Under **Account profile** > **Data regions**. Meeting traffic can be limited to chosen regions; recordings and chat are stored in the account's home region.

          **Can we block people from other companies joining our meetings?**
          Set **Only authenticated users can join** and add an authentication profile that accepts only your domain. Locked, it applies to every meeting in the account.

          **Can we change the account name?**
          The owner can, under **Account profile**. The name appears on invoices and in invitations.

          **How do we delete the account?**
          Only the owner can, under **Account profile** > **Terminate account**, after cancelling any paid plan. All users, meetings, recordings and chat are deleted after 30 days.

          **Who sees changes admins make?**
          All admins, in **Reports** > **Operation logs**: who changed what and when, kept for 12 months.

          **We need a setting that does not exist.**
          Send it as a low-priority support ticket: ideas and feedback are welcome and reviewed by the product team.
        `,
      },
    },
  },
  {
    slug: 'usage-reports',
    category: 'account-administration',
    section: 'account-settings',
    kind: 'tutorial',
    audience: 'owners_admins',
    translations: {
      en: {
        title: 'Usage and meeting reports',
        body: md`
          Reports show how your account is used and help answer questions such as "who attended?" or "why was this meeting poor?". Find them under **Admin** > **Reports**.

          ## Usage

          Meetings, participants and minutes per user for a date range of up to one month at a time, kept for 12 months. Click a number to drill down to the individual meetings. Use it to spot unused licences before renewal.

          ## Active hosts and inactive users

          Who hosted meetings in a period, and who has not signed in for 30, 60 or 90 days.

          ## Meeting details

          Search by meeting ID or topic. For each meeting: start and end times, participants with join and leave times, their device, app version and location, and the network quality during the meeting. This is the first place to look when a user reports a problem: note the meeting ID and the time and add them to a support ticket.

          ## Webinars

          Registration, attendance, Q&A and polls, per webinar.

          ## Exporting

          Every report has **Export as CSV**. For regular exports, schedule the report to be e-mailed weekly or monthly, or use the reports API on Business plans and above.

          Reports show data from the time zone set in **Account profile**; times in CSV files are in UTC.
        `,
      },
    },
  },
];
