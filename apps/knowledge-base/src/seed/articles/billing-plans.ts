import type { SeedArticle } from '@support/domain-knowledge';
import { md } from '../markdown';

export const BILLING_PLANS_ARTICLES: readonly SeedArticle[] = [
  {
    slug: 'compare-plans',
    category: 'billing-plans',
    section: 'plans',
    kind: 'faq',
    audience: 'everyone',
    topResourceRank: 10,
    translations: {
      en: {
        title: 'Compare plans: Free, Pro, Business, Education, Enterprise and API',
        body: md`
          |                                 | Free                  | Pro  | Business | Education | Enterprise | API         |
          | ------------------------------- | --------------------- | ---- | -------- | --------- | ---------- | ----------- |
          | Participants per meeting        | 100                   | 100  | 300      | 300       | 500        | by contract |
          | Meeting length                  | 45 min with 3+ people | 30 h | 30 h     | 30 h      | 30 h       | 30 h        |
          | Cloud recording per licence     | none                  | 5 GB | 10 GB    | 10 GB     | unlimited  | by usage    |
          | Breakout rooms, polls, co-hosts | no                    | yes  | yes      | yes       | yes        | yes         |
          | Single sign-on, managed domains | no                    | no   | yes      | yes       | yes        | yes         |
          | Webinar add-on                  | no                    | yes  | yes      | yes       | yes        | yes         |

          **Which support does each plan include?**
          Every plan includes the help center. Owners and admins of Pro accounts can also file support tickets and use web chat. Owners and admins of Business, Education, Enterprise and API accounts can also call the phone hotlines. Members of any account get help through their owner or admins.

          **Who is the Education plan for?**
          Accredited schools, colleges and universities. It has the Business features at a lower price per licence.

          **Who is the API plan for?**
          Partners who build Meetly meetings into their own products with the SDK and REST API. It is billed per meeting minute.

          **Can I mix plans in one account?**
          No, but you can mix licensed and basic users, and buy add-ons such as webinars or extra cloud storage.

          **Are prices monthly or yearly?**
          Both. Yearly billing costs about 15 % less. See the current prices at https://meetly.example.com/pricing.
        `,
      },
      ru: {
        title: 'Сравнение тарифов: Free, Pro, Business, Education, Enterprise и API',
        body: md`
          |                                         | Free                            | Pro  | Business | Education | Enterprise      | API              |
          | --------------------------------------- | ------------------------------- | ---- | -------- | --------- | --------------- | ---------------- |
          | Участников в конференции                | 100                             | 100  | 300      | 300       | 500             | по договору      |
          | Длительность конференции                | 45 мин при 3 и более участниках | 30 ч | 30 ч     | 30 ч      | 30 ч            | 30 ч             |
          | Облачная запись на лицензию             | нет                             | 5 ГБ | 10 ГБ    | 10 ГБ     | без ограничений | по использованию |
          | Сессионные залы, опросы, соорганизаторы | нет                             | да   | да       | да        | да              | да               |
          | Единый вход, управляемые домены         | нет                             | нет  | да       | да        | да              | да               |
          | Дополнение «Вебинары»                   | нет                             | да   | да       | да        | да              | да               |

          **Какая поддержка входит в каждый тариф?**
          Центр справки доступен на всех тарифах. Владельцы и администраторы учетных записей Pro могут также создавать запросы в службу поддержки и писать в веб-чат. Владельцы и администраторы учетных записей Business, Education, Enterprise и API могут также звонить на горячие линии. Участники любой учетной записи получают помощь через владельца или администраторов.

          **Для кого тариф Education?**
          Для аккредитованных школ, колледжей и университетов. В нем есть все возможности тарифа Business по более низкой цене за лицензию.

          **Для кого тариф API?**
          Для партнеров, которые встраивают конференции Meetly в свои продукты с помощью SDK и REST API. Оплата взимается за каждую минуту конференций.

          **Можно ли совмещать тарифы в одной учетной записи?**
          Нет, но можно сочетать пользователей с лицензией и базовых пользователей, а также покупать дополнения, например вебинары или дополнительное облачное хранилище.

          **Цены указаны за месяц или за год?**
          Возможны оба варианта. При оплате за год стоимость примерно на 15 % ниже. Актуальные цены: https://meetly.example.com/pricing.
        `,
      },
      fr: {
        title: 'Comparer les forfaits : Free, Pro, Business, Education, Enterprise et API',
        body: md`
          |                                          | Free                           | Pro  | Business | Education | Enterprise | API           |
          | ---------------------------------------- | ------------------------------ | ---- | -------- | --------- | ---------- | ------------- |
          | Participants par réunion                 | 100                            | 100  | 300      | 300       | 500        | selon contrat |
          | Durée des réunions                       | 45 min à partir de 3 personnes | 30 h | 30 h     | 30 h      | 30 h       | 30 h          |
          | Enregistrement cloud par licence         | aucun                          | 5 Go | 10 Go    | 10 Go     | illimité   | à l'usage     |
          | Sous-groupes, sondages, co-organisateurs | non                            | oui  | oui      | oui       | oui        | oui           |
          | Authentification unique, domaines gérés  | non                            | non  | oui      | oui       | oui        | oui           |
          | Option webinaires                        | non                            | oui  | oui      | oui       | oui        | oui           |

          **Quelle assistance chaque forfait comprend-il ?**
          Tous les forfaits donnent accès au centre d'aide. Les propriétaires et administrateurs des comptes Pro peuvent aussi créer des tickets d'assistance et utiliser le chat web. Les propriétaires et administrateurs des comptes Business, Education, Enterprise et API peuvent en plus appeler les lignes d'assistance téléphonique. Les membres de tout compte obtiennent de l'aide par l'intermédiaire de leur propriétaire ou de leurs administrateurs.

          **À qui s'adresse le forfait Education ?**
          Aux écoles, établissements d'enseignement supérieur et universités accrédités. Il offre les fonctionnalités de Business à un prix par licence plus bas.

          **À qui s'adresse le forfait API ?**
          Aux partenaires qui intègrent les réunions Meetly dans leurs propres produits avec le SDK et l'API REST. Il est facturé à la minute de réunion.

          **Peut-on combiner plusieurs forfaits dans un compte ?**
          Non, mais vous pouvez combiner utilisateurs avec licence et utilisateurs basiques, et acheter des options comme les webinaires ou du stockage cloud supplémentaire.

          **Les prix sont-ils mensuels ou annuels ?**
          Les deux. La facturation annuelle coûte environ 15 % de moins. Tarifs actuels : https://meetly.example.com/pricing.
        `,
      },
    },
  },
  {
    slug: 'upgrade-or-downgrade-your-plan',
    category: 'billing-plans',
    section: 'plans',
    kind: 'tutorial',
    audience: 'owners_admins',
    translations: {
      en: {
        title: 'Upgrade, downgrade or cancel your plan',
        body: md`
          Plan changes are made by the account owner, or by an admin with the billing permission, on the web portal under **Admin** > **Billing** > **Plan**.

          ## Upgrade

          1. Click **Upgrade** and choose the plan and the number of licences.
          2. Choose monthly or yearly billing and confirm the payment method.
          3. The change applies at once. You pay a prorated amount for the rest of the current billing period.

          Moving to Business requires at least ten licences. Education requires proof of accreditation; Enterprise and API plans are arranged with the sales team.

          ## Add or remove licences

          Click **Edit licences**. Added licences are charged prorated from today. Removed licences stay usable until the end of the period, and you pay less from the next invoice. You cannot remove more licences than the number of licensed users: change some users to **Basic** first.

          ## Downgrade or cancel

          Click **Downgrade** or **Cancel plan**. The change takes effect at the end of the current period; until then, everything keeps working. Before the date:

          - download cloud recordings beyond the storage of the new plan, because they are deleted after 30 days;
          - check webinars and add-ons, which are cancelled with the plan.

          After cancelling, the account becomes a Free account and your users become basic users. Their meetings and chat history remain.
        `,
      },
      fr: {
        title: 'Passer à un forfait supérieur, inférieur ou résilier',
        body: md`
          Les changements de forfait sont faits par le propriétaire du compte, ou par un administrateur disposant du droit de facturation, sur le portail web dans **Admin** > **Facturation** > **Forfait**.

          ## Passer à un forfait supérieur

          1. Cliquez sur **Mettre à niveau** et choisissez le forfait et le nombre de licences.
          2. Choisissez la facturation mensuelle ou annuelle et confirmez le moyen de paiement.
          3. Le changement s'applique immédiatement. Vous payez un montant au prorata pour le reste de la période en cours.

          Le forfait Business nécessite au moins dix licences. Education demande une preuve d'accréditation ; les forfaits Enterprise et API se concluent avec l'équipe commerciale.

          ## Ajouter ou retirer des licences

          Cliquez sur **Modifier les licences**. Les licences ajoutées sont facturées au prorata à partir d'aujourd'hui. Les licences retirées restent utilisables jusqu'à la fin de la période, et la facture suivante diminue. Vous ne pouvez pas retirer plus de licences que vous n'avez d'utilisateurs avec licence : passez d'abord certains utilisateurs en **Basique**.

          ## Passer à un forfait inférieur ou résilier

          Cliquez sur **Rétrograder** ou **Résilier le forfait**. Le changement prend effet à la fin de la période en cours ; jusque-là, tout continue de fonctionner. Avant cette date :

          - téléchargez les enregistrements cloud qui dépassent le stockage du nouveau forfait, car ils sont supprimés au bout de 30 jours ;
          - vérifiez les webinaires et les options, qui sont résiliés avec le forfait.

          Après la résiliation, le compte devient un compte Free et vos utilisateurs deviennent des utilisateurs basiques. Leurs réunions et leur historique de chat sont conservés.
        `,
      },
    },
  },
  {
    slug: 'education-plan-eligibility',
    category: 'billing-plans',
    section: 'plans',
    kind: 'faq',
    audience: 'owners_admins',
    translations: {
      en: {
        title: 'FAQ for owners and admins: Education plan eligibility',
        body: md`
          **Who can subscribe to the Education plan?**
          Accredited primary and secondary schools, colleges, universities and school districts. Tutoring companies, training providers and student associations are not eligible; the Business plan suits them.

          **What proof is needed?**
          An official document showing the accreditation, such as a ministry registration number, and an e-mail address on the institution's domain for the account owner.

          **How long does verification take?**
          Usually two working days. Meanwhile you can use a 30-day trial with all Education features.

          **What does the plan include?**
          The Business features: 300 participants, SSO, managed domains, 10 GB of cloud recording per licence, and phone support for owners and admins. Students can join meetings without a licence; teachers who host need one.

          **Are there limits on meeting length for students?**
          No. Meetings hosted by licensed teachers can last up to 30 hours, whoever joins.

          **Can students host their own meetings?**
          Yes, if you add them as basic users: their meetings are limited to 45 minutes with three or more people. Many schools create a group for students with settings that suit them, such as chat limited to the host.

          **What happens at the end of the school year?**
          Nothing changes automatically. Review licences before renewal, using the usage report to find teachers who left.
        `,
      },
    },
  },
  {
    slug: 'api-partner-plan',
    category: 'billing-plans',
    section: 'plans',
    kind: 'faq',
    audience: 'owners_admins',
    translations: {
      en: {
        title: 'FAQ for owners and admins: the API partner plan',
        body: md`
          **What is the API plan?**
          A plan for companies that embed Meetly video meetings in their own apps or services, using the Meetly Video SDK (web, iOS, Android, Windows, macOS) and the REST API for scheduling, users and recordings.

          **How is it billed?**
          By the number of participant minutes each month, with a monthly minimum set in the contract. Cloud recording and transcription are billed per GB and per minute. The usage dashboard under **Admin** > **API** > **Usage** is updated every hour.

          **How do we get credentials?**
          In the developer portal, create an app and copy its client ID and secret. Keep the secret on your servers only: never put it in a mobile app or a web page.

          **What support do we get?**
          Owners and admins of API accounts have the same support channels as Business and Enterprise owners and admins: tickets, web chat and the phone hotlines, with the same response times per priority. Questions about your own code are best asked with a minimal example attached to the ticket.

          **Is there a test environment?**
          Yes. Each API account has a sandbox with its own credentials; sandbox minutes are free up to 10,000 per month.

          **What are the rate limits?**
          100 requests per second per app for most endpoints. Responses include headers with the remaining quota.
        `,
      },
    },
  },
  {
    slug: 'invoices-and-payment-methods',
    category: 'billing-plans',
    section: 'payments-invoices',
    kind: 'tutorial',
    audience: 'owners_admins',
    translations: {
      en: {
        title: 'Download invoices and change the payment method',
        body: md`
          Billing pages are visible to the account owner and to admins with the billing permission.

          ## Invoices

          1. Go to **Admin** > **Billing** > **Invoice history**.
          2. Click an invoice number to see the detail, or **Download** for a PDF.
          3. To receive invoices by e-mail, add the addresses under **Billing** > **Contacts**. Your finance team can receive them without being a Meetly user.

          Invoices show the account name and billing address. To change them, edit **Billing** > **Billing information**; the change applies to the next invoice. Meetly cannot reissue past invoices with a new address, except to correct an error.

          ## Tax details

          Enter your VAT or GST number under **Billing information** before the next invoice, so that tax is calculated correctly.

          ## Payment methods

          Meetly accepts credit and debit cards, and on yearly plans of more than 20 licences, bank transfer against an invoice.

          1. Go to **Billing** > **Payment method** > **Edit**.
          2. Enter the new card. Your bank may ask you to confirm it in its app.
          3. Click **Save**. The new method is used for the next payment.

          If a payment fails, the owner and the billing contacts receive an e-mail; see the article about failed payments.
        `,
      },
      fr: {
        title: 'Télécharger les factures et changer de moyen de paiement',
        body: md`
          Les pages de facturation sont visibles par le propriétaire du compte et par les administrateurs disposant du droit de facturation.

          ## Factures

          1. Allez dans **Admin** > **Facturation** > **Historique des factures**.
          2. Cliquez sur un numéro de facture pour voir le détail, ou sur **Télécharger** pour obtenir un PDF.
          3. Pour recevoir les factures par e-mail, ajoutez les adresses dans **Facturation** > **Contacts**. Votre service comptable peut les recevoir sans être utilisateur de Meetly.

          Les factures indiquent le nom du compte et l'adresse de facturation. Pour les modifier, éditez **Facturation** > **Informations de facturation** ; le changement s'applique à la facture suivante. Meetly ne peut pas rééditer les anciennes factures avec une nouvelle adresse, sauf pour corriger une erreur.

          ## Informations fiscales

          Saisissez votre numéro de TVA dans **Informations de facturation** avant la prochaine facture, pour que la taxe soit calculée correctement.

          ## Moyens de paiement

          Meetly accepte les cartes de crédit et de débit et, pour les forfaits annuels de plus de 20 licences, le virement bancaire sur facture.

          1. Allez dans **Facturation** > **Moyen de paiement** > **Modifier**.
          2. Saisissez la nouvelle carte. Votre banque peut vous demander de la confirmer dans son application.
          3. Cliquez sur **Enregistrer**. Le nouveau moyen de paiement sert pour le prochain paiement.

          Si un paiement échoue, le propriétaire et les contacts de facturation reçoivent un e-mail ; consultez l'article sur les paiements refusés.
        `,
      },
    },
  },
  {
    slug: 'payment-failed',
    category: 'billing-plans',
    section: 'payments-invoices',
    kind: 'troubleshooting',
    audience: 'owners_admins',
    errorCodes: ['6002', '6004'],
    translations: {
      en: {
        title: 'Payment failed (error 6002 or 6004)',
        body: md`
          When a payment fails, Meetly retries it three times over ten days and e-mails the owner and the billing contacts each time. Your plan keeps working during that period.

          ## Error 6002: card declined

          The bank refused the payment. Common reasons:

          - the card expired or was replaced: enter the new card under **Admin** > **Billing** > **Payment method**;
          - the amount exceeds the card's limit, which often happens with yearly payments;
          - the bank blocks international or online payments: ask it to allow payments to Meetly.

          ## Error 6004: authentication required

          The bank requires you to confirm the payment (3-D Secure), which is not possible during an automatic renewal. Open the e-mail about the failed payment and click **Confirm payment**, or go to **Billing** > **Invoice history** and click **Pay now** next to the open invoice.

          ## After the last retry

          If the invoice is still unpaid ten days after the first attempt, the account is moved to the Free plan: users become basic users, and cloud recordings above the free limit are kept for 30 days. Paying the open invoice restores the plan at once.

          ## Still failing?

          File a support ticket with priority Normal and attach the invoice number. Never send full card numbers in a ticket or chat: support never asks for them.
        `,
      },
    },
  },
  {
    slug: 'contact-support',
    category: 'billing-plans',
    section: 'support-options',
    kind: 'faq',
    audience: 'everyone',
    topResourceRank: 1,
    translations: {
      en: {
        title: 'How to contact support: channels by plan and phone hotlines',
        body: md`
          Start with the help center: type a keyword or an error code in the search box at the top of the page. Most questions are answered there, at any hour. If the help center does not solve your problem, scroll to the bottom of its main page and click **Contact support** under **Additional resources**.

          **Which channels can I use?**

          | Your plan and role                                   | Help center | Ticket | Web chat | Phone |
          | ---------------------------------------------------- | ----------- | ------ | -------- | ----- |
          | Free account, any role                               | yes         | no     | no       | no    |
          | Member of any account                                | yes         | no     | no       | no    |
          | Pro: owner or admin                                  | yes         | yes    | yes      | no    |
          | Business, Education, Enterprise, API: owner or admin | yes         | yes    | yes      | yes   |

          Members of a paid account: ask your account owner or an admin, who can contact support for you. Where the support desk accepts requests from every registered user, requests from free accounts and members are answered on a best-effort basis, after paid-plan requests and with no committed response time.

          **Where are the phone hotlines?**
          The hotlines are in English only. After dialling, press **extension 2** for technical support.

          - United States: +1.888.799.9666 or +1.650.397.6096
          - Australia: +61.1800.768.027
          - United Kingdom: +44.800.368.7314 or +44.20.7039.8961

          **Where is the web chat?**
          Sign in at https://meetly.example.com/signin and click the blue **Help** button in the lower right corner.

          **When is support open?**
          24 hours a day, 7 days a week, holidays included. Response times depend on the priority you choose; see the article about priority levels.
        `,
      },
      ru: {
        title: 'Как связаться со службой поддержки: каналы по тарифам и горячие линии',
        body: md`
          Начните с центра справки: введите ключевое слово или код ошибки в строку поиска вверху страницы. Ответы на большинство вопросов можно найти там в любое время. Если центр справки не помог, прокрутите его главную страницу вниз и нажмите **Связаться с поддержкой** в разделе **Дополнительные ресурсы**.

          **Какие каналы мне доступны?**

          | Ваш тариф и роль                                                 | Центр справки | Запрос | Веб-чат | Телефон |
          | ---------------------------------------------------------------- | ------------- | ------ | ------- | ------- |
          | Бесплатная учетная запись, любая роль                            | да            | нет    | нет     | нет     |
          | Участник любой учетной записи                                    | да            | нет    | нет     | нет     |
          | Pro: владелец или администратор                                  | да            | да     | да      | нет     |
          | Business, Education, Enterprise, API: владелец или администратор | да            | да     | да      | да      |

          Участникам платной учетной записи следует обратиться к владельцу или администратору: они могут связаться с поддержкой от вашего имени. Если служба поддержки принимает запросы от всех зарегистрированных пользователей, запросы от бесплатных учетных записей и участников рассматриваются по мере возможности: после запросов с платных тарифов и без гарантированного срока ответа.

          **Какие номера у горячих линий?**
          Горячие линии работают только на английском языке. После набора номера введите **добавочный 2**, чтобы попасть в техническую поддержку.

          - США: +1.888.799.9666 или +1.650.397.6096
          - Австралия: +61.1800.768.027
          - Великобритания: +44.800.368.7314 или +44.20.7039.8961

          **Где найти веб-чат?**
          Войдите на https://meetly.example.com/signin и нажмите синюю кнопку **Помощь** в правом нижнем углу.

          **Когда работает поддержка?**
          Круглосуточно, без выходных и праздников. Срок ответа зависит от выбранного приоритета; подробнее в статье об уровнях приоритета.
        `,
      },
      fr: {
        title: 'Contacter l’assistance : canaux selon le forfait et lignes téléphoniques',
        body: md`
          Commencez par le centre d'aide : saisissez un mot-clé ou un code d'erreur dans la barre de recherche en haut de la page. La plupart des questions y trouvent une réponse, à toute heure. Si le centre d'aide ne résout pas votre problème, faites défiler sa page principale jusqu'en bas et cliquez sur **Contacter l'assistance** sous **Ressources supplémentaires**.

          **Quels canaux puis-je utiliser ?**

          | Votre forfait et votre rôle                                           | Centre d'aide | Ticket | Chat web | Téléphone |
          | --------------------------------------------------------------------- | ------------- | ------ | -------- | --------- |
          | Compte Free, tout rôle                                                | oui           | non    | non      | non       |
          | Membre de tout compte                                                 | oui           | non    | non      | non       |
          | Pro : propriétaire ou administrateur                                  | oui           | oui    | oui      | non       |
          | Business, Education, Enterprise, API : propriétaire ou administrateur | oui           | oui    | oui      | oui       |

          Membres d'un compte payant : adressez-vous au propriétaire ou à un administrateur de votre compte, qui peut contacter l'assistance pour vous. Lorsque l'assistance accepte les demandes de tous les utilisateurs inscrits, celles des comptes gratuits et des membres sont traitées au mieux, après les demandes des forfaits payants et sans délai de réponse garanti.

          **Quelles sont les lignes téléphoniques ?**
          Les lignes d'assistance répondent uniquement en anglais. Après avoir composé le numéro, tapez le **poste 2** pour l'assistance technique.

          - États-Unis : +1.888.799.9666 ou +1.650.397.6096
          - Australie : +61.1800.768.027
          - Royaume-Uni : +44.800.368.7314 ou +44.20.7039.8961

          **Où se trouve le chat web ?**
          Connectez-vous sur https://meetly.example.com/signin et cliquez sur le bouton bleu **Aide** en bas à droite.

          **Quand l'assistance est-elle disponible ?**
          24 heures sur 24, 7 jours sur 7, jours fériés compris. Le délai de réponse dépend de la priorité choisie ; consultez l'article sur les niveaux de priorité.
        `,
      },
    },
  },
  {
    slug: 'submit-a-support-ticket',
    category: 'billing-plans',
    section: 'support-options',
    kind: 'tutorial',
    audience: 'everyone',
    topResourceRank: 4,
    translations: {
      en: {
        title: 'Submit a support ticket',
        body: md`
          A ticket is an online request to the support team. It is the channel for owners and admins of Pro, Business, Education, Enterprise and API accounts; whether other users can file one is explained in the article about contacting support.

          1. Open https://meetly.example.com/support/new. Sign in if you have not already: only signed-in users can submit a request.
          2. **CC** (optional): e-mail addresses to copy on the whole conversation, such as a colleague's or your own second address.
          3. **Subject**: one short sentence with the most important point, for example "Error 5003 when joining from the London office".
          4. **Description**: as much detail as you can. Include the **meeting ID**, the **exact or approximate time and date** of the problem with your time zone, what you expected, what happened instead, and what you already tried.
          5. **Priority**: Low, Normal, High or Urgent. Choose honestly; see the article about priority levels.
          6. **Device**: **Desktop** (computers and laptops), **Mobile** (phones and tablets with the app), **Telephone** (ordinary mobile and landline phones joining by dial-in), **Web** (the web version in a browser), or **N/A** if it does not apply or you are not sure.
          7. **Attachments** (optional): screenshots, error logs or other files that show the problem.
          8. Click **Submit**.

          You receive a confirmation e-mail with the ticket number. Reply to that e-mail to add information. Requests are processed 24 hours a day, 7 days a week, including holidays.
        `,
      },
      ru: {
        title: 'Как отправить запрос в службу поддержки',
        body: md`
          Запрос — это обращение к службе поддержки через интернет. Этот канал предназначен для владельцев и администраторов учетных записей Pro, Business, Education, Enterprise и API; могут ли отправлять запросы другие пользователи, объясняется в статье о том, как связаться с поддержкой.

          1. Откройте https://meetly.example.com/support/new. Войдите в учетную запись, если еще не сделали этого: отправить запрос могут только пользователи, выполнившие вход.
          2. **Копия** (необязательно): адреса электронной почты, которые будут получать копию всей переписки, например адрес коллеги или ваш второй адрес.
          3. **Тема**: одно короткое предложение о самом важном, например «Ошибка 5003 при подключении из лондонского офиса».
          4. **Описание**: как можно больше подробностей. Укажите **идентификатор конференции**, **точное или примерное время и дату** проблемы с часовым поясом, чего вы ожидали, что произошло на самом деле и что вы уже пробовали.
          5. **Приоритет**: низкий, нормальный, высокий или срочный. Выбирайте честно; подробнее в статье об уровнях приоритета.
          6. **Устройство**: **Desktop** (компьютеры и ноутбуки), **Mobile** (телефоны и планшеты с приложением), **Telephone** (обычные мобильные и стационарные телефоны, подключенные по номеру), **Web** (веб-версия в браузере) или **N/A**, если это неприменимо или вы не уверены.
          7. **Вложения** (необязательно): снимки экрана, журналы ошибок или другие файлы, которые показывают проблему.
          8. Нажмите **Отправить**.

          Вы получите письмо с подтверждением и номером запроса. Чтобы добавить сведения, ответьте на это письмо. Запросы обрабатываются круглосуточно, без выходных и праздников.
        `,
      },
      fr: {
        title: 'Créer un ticket d’assistance',
        body: md`
          Un ticket est une demande en ligne adressée à l'équipe d'assistance. C'est le canal des propriétaires et administrateurs des comptes Pro, Business, Education, Enterprise et API ; l'article sur les moyens de contacter l'assistance précise si d'autres utilisateurs peuvent en créer un.

          1. Ouvrez https://meetly.example.com/support/new. Connectez-vous si ce n'est pas déjà fait : seuls les utilisateurs connectés peuvent envoyer une demande.
          2. **Cc** (facultatif) : les adresses e-mail à mettre en copie de toute la conversation, par exemple celle d'un collègue ou votre seconde adresse.
          3. **Objet** : une phrase courte avec le point le plus important, par exemple « Erreur 5003 en rejoignant depuis le bureau de Londres ».
          4. **Description** : le plus de détails possible. Indiquez l'**ID de réunion**, la **date et l'heure exactes ou approximatives** du problème avec votre fuseau horaire, ce que vous attendiez, ce qui s'est passé et ce que vous avez déjà essayé.
          5. **Priorité** : faible, normale, élevée ou urgente. Choisissez-la honnêtement ; consultez l'article sur les niveaux de priorité.
          6. **Appareil** : **Desktop** (ordinateurs fixes et portables), **Mobile** (téléphones et tablettes avec l'application), **Telephone** (téléphones mobiles et fixes ordinaires qui rejoignent par appel), **Web** (la version web dans un navigateur), ou **N/A** si cela ne s'applique pas ou si vous n'êtes pas sûr.
          7. **Pièces jointes** (facultatif) : captures d'écran, journaux d'erreurs ou autres fichiers qui montrent le problème.
          8. Cliquez sur **Envoyer**.

          Vous recevez un e-mail de confirmation avec le numéro du ticket. Répondez à cet e-mail pour ajouter des informations. Les demandes sont traitées 24 h sur 24, 7 jours sur 7, jours fériés compris.
        `,
      },
    },
  },
  {
    slug: 'support-priority-levels',
    category: 'billing-plans',
    section: 'support-options',
    kind: 'faq',
    audience: 'owners_admins',
    topResourceRank: 5,
    translations: {
      en: {
        title: 'Support priority levels and first-response times',
        body: md`
          **Which priority should I choose?**

          | Priority  | When to use it                                                                                 | First response within |
          | --------- | ---------------------------------------------------------------------------------------------- | --------------------- |
          | P1 Urgent | The service is down and there is no workaround: nothing works.                                 | 1 hour                |
          | P2 High   | The service is seriously affected: the platform is unstable or some functions are unavailable. | 4 hours               |
          | P3 Normal | General problems with one or more features: billing, call quality, routine faults.             | 24 hours              |
          | P4 Low    | Questions about how to do something, feedback and ideas, with no effect on your business.      | 24 hours              |

          **Who do these times apply to?**
          To owners and administrators of Pro, Business, Education, Enterprise and API accounts. Requests from paid plans are handled before others; requests answered on a best-effort basis, such as those from free accounts where they are accepted, have no committed deadline.

          **Do the times count nights, weekends and holidays?**
          Yes. Support works 24 hours a day, 7 days a week, holidays included, and the times are counted in calendar hours. A P2 ticket submitted on Saturday at 22:00 gets its first response by Sunday 02:00.

          **Is the first response the solution?**
          Not always. It is the first reply from an engineer, who confirms the impact and either solves the problem or explains the next steps.

          **Can the priority change?**
          Yes. Support may raise or lower it to match the impact described, and you can ask for a change by replying to the ticket. The response time then follows the new priority.
        `,
      },
      ru: {
        title: 'Уровни приоритета и сроки первого ответа',
        body: md`
          **Какой приоритет выбрать?**

          | Приоритет     | Когда выбирать                                                                                 | Первый ответ в течение |
          | ------------- | ---------------------------------------------------------------------------------------------- | ---------------------- |
          | P1 Срочный    | Сервис не работает, обходного пути нет: не работает ничего.                                    | 1 часа                 |
          | P2 Высокий    | Работа сервиса серьезно нарушена: платформа работает нестабильно или часть функций недоступна. | 4 часов                |
          | P3 Нормальный | Общие проблемы с одной или несколькими функциями: оплата, качество связи, рядовые неполадки.   | 24 часов               |
          | P4 Низкий     | Вопросы вида «как это сделать», отзывы и идеи, не влияющие на вашу работу.                     | 24 часов               |

          **Для кого действуют эти сроки?**
          Для владельцев и администраторов учетных записей Pro, Business, Education, Enterprise и API. Запросы с платных тарифов обрабатываются в первую очередь; для запросов, которые рассматриваются по мере возможности, например от бесплатных учетных записей там, где такие запросы принимаются, срок не гарантируется.

          **Учитываются ли ночи, выходные и праздники?**
          Да. Поддержка работает круглосуточно, без выходных и праздников, и сроки считаются в календарных часах. На запрос с приоритетом P2, отправленный в субботу в 22:00, первый ответ придет не позднее 02:00 воскресенья.

          **Первый ответ — это решение проблемы?**
          Не всегда. Это первый ответ инженера, который подтверждает масштаб проблемы и либо решает ее, либо объясняет дальнейшие шаги.

          **Может ли приоритет измениться?**
          Да. Служба поддержки может повысить или понизить его в соответствии с описанными последствиями, а вы можете попросить об изменении, ответив на запрос. После этого срок ответа определяется новым приоритетом.
        `,
      },
      fr: {
        title: 'Niveaux de priorité et délais de première réponse',
        body: md`
          **Quelle priorité choisir ?**

          | Priorité   | Quand l'utiliser                                                                                                | Première réponse sous |
          | ---------- | --------------------------------------------------------------------------------------------------------------- | --------------------- |
          | P1 Urgente | Le service est en panne et il n'y a pas de solution de rechange : plus rien ne fonctionne.                      | 1 heure               |
          | P2 Élevée  | Le service est considérablement affecté : la plateforme est instable ou certaines fonctions sont indisponibles. | 4 heures              |
          | P3 Normale | Problèmes généraux liés à une ou plusieurs fonctionnalités : facturation, qualité des appels, pannes courantes. | 24 heures             |
          | P4 Faible  | Demandes d'information ou d'aide sur l'utilisation, avis et idées, sans effet sur votre activité.               | 24 heures             |

          **À qui ces délais s'appliquent-ils ?**
          Aux propriétaires et administrateurs des comptes Pro, Business, Education, Enterprise et API. Les demandes des forfaits payants sont traitées en priorité ; les demandes traitées au mieux, comme celles des comptes gratuits lorsqu'elles sont acceptées, n'ont pas de délai garanti.

          **Les nuits, week-ends et jours fériés comptent-ils ?**
          Oui. L'assistance fonctionne 24 h sur 24, 7 jours sur 7, jours fériés compris, et les délais se comptent en heures calendaires. Un ticket P2 envoyé le samedi à 22 h reçoit sa première réponse au plus tard le dimanche à 2 h.

          **La première réponse est-elle la solution ?**
          Pas toujours. C'est la première réponse d'un ingénieur, qui confirme l'impact et soit résout le problème, soit explique les étapes suivantes.

          **La priorité peut-elle changer ?**
          Oui. L'assistance peut l'augmenter ou la baisser selon l'impact décrit, et vous pouvez demander un changement en répondant au ticket. Le délai de réponse suit alors la nouvelle priorité.
        `,
      },
    },
  },
  {
    slug: 'web-chat-with-support',
    category: 'billing-plans',
    section: 'support-options',
    kind: 'tutorial',
    audience: 'owners_admins',
    translations: {
      en: {
        title: 'Chat with support from the web portal',
        body: md`
          Web chat connects you with a support engineer in real time. It is available to owners and admins of Pro accounts and above, 24 hours a day.

          1. Go to https://meetly.example.com/signin and sign in with your owner or admin account.
          2. Click the blue **Help** button in the lower right corner of the page.
          3. Type your question. The assistant first suggests help center articles that match it; click **Chat with an agent** if none of them helps.
          4. Keep the page open while you wait. The chat shows your place in the queue.

          ## Make the chat short

          Have these ready before you start:

          - the meeting ID and the time of the problem;
          - the error code, if any;
          - the device and app version (click your profile picture > **About**).

          ## When chat is not the right channel

          - For problems that need logs or long investigation, the agent turns the chat into a ticket, and you continue by e-mail. The transcript is attached to it.
          - For an outage affecting your whole organisation, choose priority Urgent in a ticket or, on Business, Education, Enterprise and API plans, call the hotline.

          At the end, you can download the transcript or have it e-mailed to you.
        `,
      },
      ru: {
        title: 'Чат со службой поддержки на веб-портале',
        body: md`
          Веб-чат позволяет общаться с инженером поддержки в реальном времени. Он доступен владельцам и администраторам учетных записей Pro и выше круглосуточно.

          1. Откройте https://meetly.example.com/signin и войдите с учетной записью владельца или администратора.
          2. Нажмите синюю кнопку **Помощь** в правом нижнем углу страницы.
          3. Задайте вопрос. Сначала помощник предложит подходящие статьи центра справки; если ни одна не помогла, нажмите **Чат с сотрудником**.
          4. Не закрывайте страницу, пока ждете. В чате показано ваше место в очереди.

          ## Как сократить переписку

          Приготовьте заранее:

          - идентификатор конференции и время, когда возникла проблема;
          - код ошибки, если он есть;
          - устройство и версию приложения (нажмите на фото профиля > **О программе**).

          ## Когда чат не подходит

          - Если для решения нужны журналы или долгое расследование, сотрудник превратит чат в запрос, и вы продолжите переписку по электронной почте. Запись чата будет приложена к запросу.
          - При сбое, который затрагивает всю организацию, создайте запрос с приоритетом «Срочный» или, на тарифах Business, Education, Enterprise и API, позвоните на горячую линию.

          В конце разговора запись чата можно скачать или получить по электронной почте.
        `,
      },
    },
  },
  {
    slug: 'faq-support-for-free-and-members',
    category: 'billing-plans',
    section: 'support-options',
    kind: 'faq',
    audience: 'users_participants',
    translations: {
      en: {
        title: 'FAQ for users and participants: getting help without an admin role',
        body: md`
          **I use a free account. Can I contact support?**
          Your channel is the help center, which covers every feature, setting and error code. Where the support desk accepts requests from all registered users, you can also submit a request while signed in; it is answered on a best-effort basis, after paid-plan requests, with no committed deadline.

          **I am a member of my company's account. Who helps me?**
          Your account owner or admins. They can change settings you cannot, see meeting reports, and contact support with your details. Tell them the meeting ID, the date and time, and any error code.

          **I only joined someone else's meeting and something went wrong.**
          Tell the host: they can report it to their own admins, who can file a ticket with the meeting ID.

          **How do I find out who my admin is?**
          Sign in at https://meetly.example.com and open **Profile**: the account name and its admins are listed under **Account**.

          **Why can't members call the hotlines?**
          Phone support is for owners and admins of Business, Education, Enterprise and API accounts, who can act on the account, such as changing settings or licences, while on the call.

          **Where do I send feedback or ideas?**
          Use **Help** > **Send feedback** in the app. It goes directly to the product team.
        `,
      },
      ru: {
        title: 'Вопросы пользователей и участников: как получить помощь без роли администратора',
        body: md`
          **У меня бесплатная учетная запись. Могу ли я обратиться в поддержку?**
          Ваш канал — центр справки, где описаны все функции, параметры и коды ошибок. Если служба поддержки принимает запросы от всех зарегистрированных пользователей, вы можете также отправить запрос, выполнив вход; он будет рассмотрен по мере возможности, после запросов с платных тарифов и без гарантированного срока.

          **Я участник учетной записи своей компании. Кто мне поможет?**
          Владелец или администраторы вашей учетной записи. Они могут изменить параметры, недоступные вам, посмотреть отчеты о конференциях и обратиться в поддержку с вашими данными. Сообщите им идентификатор конференции, дату и время, а также код ошибки, если он был.

          **Я только подключился к чужой конференции, и что-то пошло не так.**
          Сообщите организатору: он может передать информацию своим администраторам, а те создадут запрос с идентификатором конференции.

          **Как узнать, кто мой администратор?**
          Войдите на https://meetly.example.com и откройте **Профиль**: название учетной записи и ее администраторы указаны в разделе **Учетная запись**.

          **Почему участники не могут звонить на горячие линии?**
          Телефонная поддержка предназначена для владельцев и администраторов учетных записей Business, Education, Enterprise и API: во время звонка они могут сразу вносить изменения в учетную запись, например в параметры или лицензии.

          **Куда отправить отзыв или идею?**
          В приложении выберите **Справка** > **Отправить отзыв**. Сообщение попадет прямо к команде разработки.
        `,
      },
    },
  },
];
