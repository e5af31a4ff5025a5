import type { SeedArticle } from '@support/domain-knowledge';
import { md } from '../markdown';

export const WHATS_NEW_ARTICLES: readonly SeedArticle[] = [
  {
    slug: 'release-notes-2026-01-20',
    category: 'whats-new',
    section: 'releases-2026-q1',
    kind: 'release_note',
    audience: 'everyone',
    releasedOn: '2026-01-20',
    translations: {
      en: {
        title: 'Release notes: January 20, 2026',
        body: md`
          Desktop app 6.4.0, mobile apps 6.4.0, web portal.

          ## New

          - **Live captions in more languages.** Captions are now available in French, German, Russian, Spanish, Japanese and Portuguese, in addition to English. The host chooses the spoken language in **Captions** > **Meeting language**; each participant can pick a translation on Business plans and above.
          - **Waiting room messages per group.** Admins can show a different waiting room title and description to each group's meetings, under **Admin** > **Groups** > **Settings**.
          - **Raise hand from the keyboard on Linux.** Alt+Y now works on Linux as on Windows.

          ## Improved

          - Joining from a link is about one second faster on Windows.
          - Gallery view keeps the order you arranged when someone shares their screen.

          ## Fixed

          - Reactions sometimes stayed on screen after the 10-second display time.
          - The Android app could show the meeting timer in the wrong time zone after travelling.
          - Exported usage reports listed some durations in seconds instead of minutes.
        `,
      },
    },
  },
  {
    slug: 'release-notes-2026-02-17',
    category: 'whats-new',
    section: 'releases-2026-q1',
    kind: 'release_note',
    audience: 'everyone',
    releasedOn: '2026-02-17',
    translations: {
      en: {
        title: 'Release notes: February 17, 2026',
        body: md`
          Desktop app 6.5.0, mobile apps 6.5.0, web portal.

          ## New

          - **Scheduled chat messages.** In team chat, click the arrow next to **Send** and pick a date and time. Scheduled messages are listed under **Chat** > **Scheduled** until they are sent.
          - **Sections in the chat sidebar.** Group conversations and channels into your own collapsible sections, such as "Projects" or "Customers".
          - **SCIM group sync.** Identity providers that support SCIM can now create and update Meetly groups, not only users. Turn it on under **Single sign-on** > **Provisioning**.

          ## Improved

          - Admins can set a retention period for files shared in chat separately from the messages themselves.
          - The phone dial-in list in invitations shows the caller's country first.

          ## Fixed

          - Messages edited on mobile did not show "(edited)" on the desktop app.
          - Some CSV imports of users failed when the file used semicolons as separators; both commas and semicolons are now accepted.
        `,
      },
    },
  },
  {
    slug: 'release-notes-2026-03-24',
    category: 'whats-new',
    section: 'releases-2026-q1',
    kind: 'release_note',
    audience: 'everyone',
    releasedOn: '2026-03-24',
    translations: {
      en: {
        title: 'Release notes: March 24, 2026',
        body: md`
          Desktop app 6.6.0, web portal, webinars.

          ## New

          - **Webinar waiting list.** When a webinar reaches its registration limit, new registrants can join a waiting list. They are approved in order when someone cancels, and receive their join link by e-mail.
          - **Import poll questions.** Upload a CSV file of questions and answers to create a poll in one step, for meetings and webinars.
          - **Linux on ARM.** The desktop app is now available for 64-bit ARM Linux computers, on the download page.

          ## Improved

          - Panelists see how many attendees are in the webinar, not only the host.
          - Breakout room assignments can be saved as a template and reused for recurring meetings.

          ## Fixed

          - The practice session banner remained visible to panelists after the webinar had started.
          - Q&A questions with long links were cut off in the Q&A report.
          - On macOS, the app sometimes asked for the screen recording permission again after an update.
        `,
      },
    },
  },
  {
    slug: 'release-notes-2026-04-28',
    category: 'whats-new',
    section: 'releases-2026-q2',
    kind: 'release_note',
    audience: 'everyone',
    releasedOn: '2026-04-28',
    translations: {
      en: {
        title: 'Release notes: April 28, 2026',
        body: md`
          Desktop app 6.7.0, mobile apps 6.7.0, web portal.

          ## New

          - **Search inside recordings.** Cloud recordings with a transcript can now be searched by word: results jump to the moment the word was spoken.
          - **Clips.** Select a part of a cloud recording and share it as a separate clip, without downloading and editing the file.
          - **Smart gallery for rooms.** When a conference room joins, the room's camera frames each person in it separately, so remote participants see everyone's face.

          ## Improved

          - Cloud recordings of meetings shorter than one hour are ready in half the time.
          - The **Recordings** page can be filtered by host, date and size, which helps admins free up storage.

          ## Fixed

          - Cloud recording did not start when the host started it while a breakout room was open.
          - Shared recording links with a passcode opened without asking for it in some browsers.
        `,
      },
    },
  },
  {
    slug: 'release-notes-2026-05-26',
    category: 'whats-new',
    section: 'releases-2026-q2',
    kind: 'release_note',
    audience: 'everyone',
    releasedOn: '2026-05-26',
    translations: {
      en: {
        title: 'Release notes: May 26, 2026',
        body: md`
          Desktop app 6.8.0, mobile apps 6.8.0.

          ## New

          - **Feedback warning for the host.** When two participants in the same room join with computer audio, Meetly now detects the loop and suggests that one of them leaves computer audio, before the howl starts.
          - **Studio noise suppression.** A new **Studio** level in **Settings** > **Audio** removes background voices as well as noise. It needs a processor with four cores or more.
          - **Headset buttons.** The answer and mute buttons of supported USB and Bluetooth headsets now control Meetly on macOS too.

          ## Improved

          - Audio recovers faster after a short Wi-Fi interruption, and the video resumes at full quality sooner.
          - The audio test in settings shows the input level of each microphone in the list.

          ## Fixed

          - On Windows, the microphone could stay muted after switching from a Bluetooth headset back to the laptop microphone.
          - **Switch to phone audio** sometimes showed the dial-in numbers of the wrong country.
        `,
      },
    },
  },
  {
    slug: 'release-notes-2026-06-23',
    category: 'whats-new',
    section: 'releases-2026-q2',
    kind: 'release_note',
    audience: 'everyone',
    releasedOn: '2026-06-23',
    topResourceRank: 20,
    translations: {
      en: {
        title: 'Release notes: June 23, 2026',
        body: md`
          Desktop app 7.0.0, mobile apps 7.0.0, web portal.

          ## New

          - **Your support requests in the app.** Owners and admins can follow their support tickets under **Help** > **My requests**: status, priority and the latest reply, without opening e-mail.
          - **Data regions per group.** Admins of Enterprise accounts can choose a different data region for each group, for example to keep a European subsidiary's recordings in Europe.
          - **New look for the meeting controls.** The most used buttons stay visible; the rest move to **More**. You can pin the buttons you use most.

          ## Improved

          - The help center search in the app now suggests articles as you type and finds error codes directly.
          - Starting the desktop app takes about 30 % less time.

          ## Fixed

          - Alternative hosts did not receive the e-mail when a meeting was rescheduled.
          - The waiting room showed the wrong logo for some accounts with several groups.
        `,
      },
      fr: {
        title: 'Notes de version : 23 juin 2026',
        body: md`
          Application de bureau 7.0.0, applications mobiles 7.0.0, portail web.

          ## Nouveautés

          - **Vos demandes d'assistance dans l'application.** Les propriétaires et administrateurs peuvent suivre leurs tickets dans **Aide** > **Mes demandes** : statut, priorité et dernière réponse, sans ouvrir leurs e-mails.
          - **Régions de données par groupe.** Les administrateurs des comptes Enterprise peuvent choisir une région de données différente pour chaque groupe, par exemple pour conserver en Europe les enregistrements d'une filiale européenne.
          - **Nouvelle présentation des commandes de réunion.** Les boutons les plus utilisés restent visibles ; les autres passent dans **Plus**. Vous pouvez épingler les boutons dont vous vous servez le plus.

          ## Améliorations

          - La recherche du centre d'aide dans l'application suggère des articles pendant la saisie et trouve directement les codes d'erreur.
          - Le démarrage de l'application de bureau prend environ 30 % de temps en moins.

          ## Corrections

          - Les organisateurs suppléants ne recevaient pas l'e-mail quand une réunion était reprogrammée.
          - La salle d'attente affichait le mauvais logo pour certains comptes comptant plusieurs groupes.
        `,
      },
    },
  },
];
