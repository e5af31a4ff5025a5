import type { SeedArticle } from '@support/domain-knowledge';
import { md } from '../markdown';

export const MESSAGING_CHAT_ARTICLES: readonly SeedArticle[] = [
  {
    slug: 'quick-start-team-chat',
    category: 'messaging-chat',
    section: 'channels',
    kind: 'quick_start',
    audience: 'everyone',
    translations: {
      en: {
        title: 'Quick start: team chat',
        body: md`
          Team chat is where you talk with colleagues between meetings: one-to-one messages, group conversations and channels. It is part of every Meetly plan and works in the desktop app, the mobile app and the web portal.

          1. Click **Chat** in the app's top bar.
          2. Click **+** > **New chat** and type a colleague's name or e-mail address to start a direct conversation.
          3. To talk with a team, join a channel: **+** > **Browse channels**, pick one and click **Join**.
          4. Type your message and press Enter. Shift+Enter starts a new line. Use the toolbar for bold, lists, code blocks, emoji and attachments.
          5. Type @ followed by a name to mention someone; they are notified even if the channel is muted.

          ## Turn a chat into a meeting

          Click the camera icon at the top of any conversation to start a meeting with its members. Everyone in the conversation gets a ring and a **Join** button.

          ## Keep track

          Hover over a message and click **Save** to find it later under **Saved items**, or **Reply in thread** to keep side discussions out of the main stream. Unread conversations are shown in bold.

          On the Free plan, messages older than 90 days are hidden; paid plans keep the whole history unless the admin set a retention period.
        `,
      },
    },
  },
  {
    slug: 'create-and-manage-chat-channels',
    category: 'messaging-chat',
    section: 'channels',
    kind: 'tutorial',
    audience: 'everyone',
    videoUrl: 'https://videos.example.com/meetly/tutorials/chat-channels',
    translations: {
      en: {
        title: 'Create and manage chat channels',
        body: md`
          A channel is a group conversation with a name and a purpose, such as #sales-emea or #project-atlas. Anyone on a paid account can create one, unless the admin restricted it.

          ## Create a channel

          1. In **Chat**, click **+** > **Create channel**.
          2. Enter a name and a description of what the channel is for.
          3. Choose the type:
             - **Public**: anyone in your organisation can find and join it.
             - **Private**: only people you add can see it.
          4. Tick **Allow external users** if partners from other Meetly accounts must take part (only if your admin allows external contacts).
          5. Add members, then click **Create**.

          ## Manage a channel

          Click the channel name > **Settings**:

          - **Members**: add or remove people, and appoint other channel admins.
          - **Posting permissions**: let everyone post, or only admins, which suits announcement channels. You can also stop @all mentions.
          - **Archive**: keeps the history read-only and removes the channel from everyone's list. Only the channel owner can delete a channel for good.

          ## Channel meetings

          Click the camera icon to start a meeting with the members, or schedule one from the channel: its link and recording are posted in the channel.
        `,
      },
      fr: {
        title: 'Créer et gérer des canaux de chat',
        body: md`
          Un canal est une conversation de groupe avec un nom et un objet, comme #ventes-emea ou #projet-atlas. Toute personne d'un compte payant peut en créer un, sauf si l'administrateur l'a limité.

          ## Créer un canal

          1. Dans **Chat**, cliquez sur **+** > **Créer un canal**.
          2. Saisissez un nom et une description de l'objet du canal.
          3. Choisissez le type :
             - **Public** : toute personne de votre organisation peut le trouver et le rejoindre.
             - **Privé** : seules les personnes que vous ajoutez le voient.
          4. Cochez **Autoriser les utilisateurs externes** si des partenaires d'autres comptes Meetly doivent participer (uniquement si votre administrateur autorise les contacts externes).
          5. Ajoutez les membres, puis cliquez sur **Créer**.

          ## Gérer un canal

          Cliquez sur le nom du canal > **Paramètres** :

          - **Membres** : ajoutez ou retirez des personnes, et nommez d'autres administrateurs du canal.
          - **Droits de publication** : laissez tout le monde publier, ou seulement les administrateurs, ce qui convient aux canaux d'annonces. Vous pouvez aussi interdire les mentions @all.
          - **Archiver** : conserve l'historique en lecture seule et retire le canal de la liste de chacun. Seul le propriétaire du canal peut le supprimer définitivement.

          ## Réunions de canal

          Cliquez sur l'icône de caméra pour lancer une réunion avec les membres, ou planifiez-en une depuis le canal : son lien et son enregistrement y sont publiés.
        `,
      },
    },
  },
  {
    slug: 'in-meeting-chat',
    category: 'messaging-chat',
    section: 'in-meeting-chat',
    kind: 'tutorial',
    audience: 'users_participants',
    translations: {
      en: {
        title: 'Chat during a meeting and save the conversation',
        body: md`
          Click **Chat** in the meeting controls (or press Alt+H; Cmd+Shift+H on a Mac) to open the chat panel.

          ## Send a message

          Type in the box at the bottom and press Enter. Next to **To**, choose **Everyone** or one person for a private message. Private messages are shown in red with "(privately)" and only the two of you see them. The host can limit chat to **Host and co-hosts only** or turn it off.

          ## Send a file

          Click **File** to send a document of up to 512 MB to everyone or one person. Hosts can restrict the allowed file types.

          ## React and reply

          Hover over a message to add an emoji reaction or reply in a thread. Use @ to mention someone in the meeting.

          ## Save the chat

          Click **More** (the three dots) > **Save chat**. The file is saved as a text file in the meeting's recording folder, by default Documents/Meetly. Hosts can also save the chat automatically for every meeting under **Settings** > **Meetings** > **Auto-save chats**.

          Meeting chat disappears from the window when the meeting ends. If the meeting was started from a team chat channel, its messages are also posted in that channel.
        `,
      },
      ru: {
        title: 'Чат во время конференции и сохранение переписки',
        body: md`
          Нажмите **Чат** на панели управления конференцией (или Alt+H; на Mac Cmd+Shift+H), чтобы открыть панель чата.

          ## Отправка сообщения

          Введите текст в поле внизу и нажмите Enter. В поле **Кому** выберите **Всем** или одного человека, чтобы написать лично. Личные сообщения отмечены красным цветом и надписью «(лично)», их видите только вы двое. Организатор может ограничить чат вариантом **Только организатор и соорганизаторы** или отключить его.

          ## Отправка файла

          Нажмите **Файл**, чтобы отправить документ размером до 512 МБ всем или одному участнику. Организатор может ограничить допустимые типы файлов.

          ## Реакции и ответы

          Наведите указатель на сообщение, чтобы добавить реакцию-эмодзи или ответить в ветке. Чтобы упомянуть участника конференции, используйте @.

          ## Сохранение чата

          Нажмите **Еще** (три точки) > **Сохранить чат**. Переписка сохраняется в текстовый файл в папке записей конференции, по умолчанию Documents/Meetly. Организатор также может включить автоматическое сохранение чата для всех конференций: **Настройки** > **Конференции** > **Автосохранение чатов**.

          После окончания конференции чат исчезает из окна. Если конференция была запущена из канала командного чата, ее сообщения публикуются и в этом канале.
        `,
      },
    },
  },
  {
    slug: 'share-files-in-chat',
    category: 'messaging-chat',
    section: 'channels',
    kind: 'tutorial',
    audience: 'everyone',
    translations: {
      en: {
        title: 'Share files and screenshots in team chat',
        body: md`
          You can send files to a person or a channel from the desktop app, the mobile app or the web portal.

          ## Send a file

          - Drag the file into the conversation, or click the paper clip > **Upload from computer**.
          - Paste an image from the clipboard with Ctrl+V (Cmd+V on a Mac).
          - Click the paper clip > **Cloud storage** to share a link to a file in a connected cloud drive instead of a copy.

          The maximum size is 512 MB per file. Images and PDF files show a preview; other files show their name, size and a download button.

          ## Take a screenshot

          Click the scissors icon (or press Alt+Shift+T; Cmd+T on a Mac), select an area, draw or write on it, and click **Send**.

          ## Find files later

          Click the conversation's name > **Files** to list everything shared there, or search from **Chat** > **Files** across all conversations, filtered by type or by sender.

          ## Limits set by your admin

          Admins can block file transfer, allow only certain file types, or scan files for malware before they are delivered. If a file cannot be sent, the chat shows an error code; see the article about messages that are not sent.

          Deleting a message also deletes its file for everyone. Files shared in a channel stay available to new members.
        `,
      },
    },
  },
  {
    slug: 'chat-notifications-and-do-not-disturb',
    category: 'messaging-chat',
    section: 'notifications',
    kind: 'tutorial',
    audience: 'everyone',
    translations: {
      en: {
        title: 'Chat notifications and Do not disturb',
        body: md`
          Meetly notifies you of new chat messages with a banner, a sound and a badge on the app icon. Choose how much you want to hear in **Settings** > **Team chat** > **Notifications**.

          ## Notification levels

          - **All messages**: every new message in every conversation.
          - **Direct messages, mentions and replies**: the default. Channel messages only show as unread.
          - **Nothing**: only the unread badge.

          To change one channel, click its name > **Notification settings**. You can mute a busy channel but keep @mentions, or get every message from a channel you need to watch closely.

          ## Keywords

          Add words such as your project name or your on-call rota under **Keywords**. Any message containing them notifies you.

          ## Do not disturb

          Click your profile picture > **Do not disturb** and choose a duration. Set a daily schedule (for example 19:00 to 08:00) in the notification settings. Notifications are held during meetings and while you share your screen, so pop-ups never appear in front of your audience.

          ## Mobile

          When you are active on your computer, the mobile app stays quiet. Change that under **Settings** > **Notifications** > **Push to mobile when I'm active on desktop**.
        `,
      },
    },
  },
  {
    slug: 'faq-chat-admins',
    category: 'messaging-chat',
    section: 'channels',
    kind: 'faq',
    audience: 'owners_admins',
    translations: {
      en: {
        title: 'FAQ for owners and admins: chat policies',
        body: md`
          **How long are chat messages kept?**
          By default, for as long as the account exists (90 days on Free). Set a retention period for direct messages and for channels separately in **Admin** > **Account settings** > **Team chat** > **Retention**. Expired messages are deleted on the server and on every device.

          **Can members talk with people outside the company?**
          Only if **External contacts** is on. You can limit it to approved domains. External members are marked with an "External" label in every conversation.

          **Can I stop file sharing?**
          Turn off **File transfer**, or allow only listed file types, such as pdf, png, jpg and docx. Files are scanned for malware before delivery on Business plans and above.

          **Can admins read members' messages?**
          Not from the admin portal. On Enterprise plans, the owner can enable **Archiving** to an external compliance system; members are told in the app that archiving is on.

          **Who can create channels?**
          Everyone by default. Restrict it to admins or to selected groups under **Channel creation**.

          **Can I delete a message that breaks our policy?**
          Yes: admins with the **Chat moderation** permission can delete any message in public channels. The deletion is recorded in the operation log.
        `,
      },
    },
  },
  {
    slug: 'faq-chat-users',
    category: 'messaging-chat',
    section: 'in-meeting-chat',
    kind: 'faq',
    audience: 'users_participants',
    translations: {
      en: {
        title: 'FAQ for users: editing, deleting and finding messages',
        body: md`
          **Can I edit or delete a message I sent?**
          Yes. Hover over it, click **More** and choose **Edit** or **Delete**. Edited messages show "(edited)". In meeting chat, you can delete messages only while the meeting is running, and only if the host allows it.

          **Can I recall a message after someone read it?**
          Deleting removes it for everyone, read or not. If the conversation is archived by your organisation, the archive keeps a copy.

          **How do I find an old message?**
          Use the search box at the top of **Chat**. Filter by person, channel, date or "has file". Search covers every conversation you are part of.

          **Why can't I see messages from before I joined a channel?**
          Private channels can hide earlier history from new members. Ask a channel admin to change **Show history to new members**.

          **Do my contacts know when I read their message?**
          In direct messages, yes, if read receipts are on in your settings. In channels, nobody sees who read what.

          **How do I mark a conversation as unread?**
          Right-click it in the list and choose **Mark as unread**, so it stays bold until you come back to it.
        `,
      },
    },
  },
  {
    slug: 'chat-messages-not-sent',
    category: 'messaging-chat',
    section: 'notifications',
    kind: 'troubleshooting',
    audience: 'everyone',
    errorCodes: ['4105', '4106'],
    translations: {
      en: {
        title: 'Chat messages or files are not sent (error 4105 or 4106)',
        body: md`
          A red exclamation mark next to a message means it did not reach the server. Click it and choose **Resend**. If that fails, check the error code shown.

          ## Error 4105: the file cannot be sent

          - The file is larger than 512 MB. Share a link from cloud storage instead.
          - The file type is not allowed by your organisation, for example .exe or .zip. Ask your admin which types are allowed.
          - The malware scan rejected the file. Do not try again with the same file; tell your IT team.

          ## Error 4106: you cannot post in this conversation

          - The channel allows posting by channel admins only.
          - You were removed from the channel, or the channel was archived.
          - The person is an external contact and your admin turned off external messaging.

          ## Messages stay "sending"

          1. Check your connection: if meetings also fail, the problem is the network, not chat.
          2. Sign out and back in to refresh your session.
          3. On the desktop app, click your profile picture > **Settings** > **Team chat** > **Clear local chat cache**. Your messages stay on the server and reload.

          Nothing helps? Collect the app logs as described in the article about logs and send them with your request.
        `,
      },
    },
  },
];
