import type { SeedArticle } from '@support/domain-knowledge';
import { md } from '../markdown';

export const AUDIO_VIDEO_ARTICLES: readonly SeedArticle[] = [
  {
    slug: 'test-audio-and-video-before-joining',
    category: 'audio-video',
    section: 'audio',
    kind: 'quick_start',
    audience: 'users_participants',
    translations: {
      en: {
        title: 'Quick start: test your audio and video before a meeting',
        body: md`
          Two minutes of testing saves the first ten minutes of a meeting.

          1. Open https://meetly.example.com/test and click **Join**. This is a test meeting with nobody else in it.
          2. **Speaker**: a ringtone plays. If you do not hear it, pick another speaker from the list and raise the volume.
          3. **Microphone**: speak for a few seconds; Meetly plays your voice back. If you hear nothing, choose another microphone.
          4. **Camera**: your preview appears. Choose another camera from the list if the image is black or shows the wrong device.
          5. Click **Join with computer audio**.

          ## Make it automatic

          In **Settings** > **Audio**, tick **Automatically join audio by computer when joining a meeting** and **Mute my microphone when joining**. In **Settings** > **Video**, tick **Always show video preview dialog when joining**, so you can check your camera each time.

          ## Before an important meeting

          - Use headphones or a headset to avoid echo.
          - Close other apps that use the camera or microphone.
          - Plug your laptop in: power saving mode can lower video quality.
          - Check the connection: a wired connection or a seat close to the Wi-Fi router helps more than anything else.
        `,
      },
      ru: {
        title: 'Быстрый старт: проверьте звук и видео перед конференцией',
        body: md`
          Две минуты проверки экономят первые десять минут конференции.

          1. Откройте https://meetly.example.com/test и нажмите **Войти**. Это тестовая конференция, в которой больше никого нет.
          2. **Динамик**: звучит мелодия. Если вы ее не слышите, выберите другой динамик в списке и увеличьте громкость.
          3. **Микрофон**: скажите несколько слов, и Meetly воспроизведет ваш голос. Если ничего не слышно, выберите другой микрофон.
          4. **Камера**: появится изображение с камеры. Если оно черное или показывает не то устройство, выберите другую камеру в списке.
          5. Нажмите **Войти с компьютерным звуком**.

          ## Автоматическая настройка

          В разделе **Настройки** > **Звук** установите флажки **Автоматически подключать звук компьютера при входе в конференцию** и **Выключать микрофон при входе**. В разделе **Настройки** > **Видео** установите флажок **Всегда показывать предпросмотр видео при входе**, чтобы каждый раз проверять камеру.

          ## Перед важной конференцией

          - Используйте наушники или гарнитуру, чтобы не было эха.
          - Закройте другие приложения, которые используют камеру или микрофон.
          - Подключите ноутбук к сети: режим энергосбережения может снизить качество видео.
          - Проверьте подключение: проводная сеть или место рядом с роутером Wi-Fi помогают больше всего.
        `,
      },
    },
  },
  {
    slug: 'fix-audio-echo',
    category: 'audio-video',
    section: 'audio',
    kind: 'troubleshooting',
    audience: 'everyone',
    topResourceRank: 7,
    translations: {
      en: {
        title: 'Fix audio echo and feedback in a meeting',
        body: md`
          If you hear your own voice repeated, the cause is almost never your device: someone else's microphone picks up the sound from their speakers and sends it back. A loud howl (feedback) means two devices are joined in the same room.

          ## Find who causes it

          Open **Participants** and watch the microphone icons while you speak: the person whose icon lights up after you causes the echo. Mute them, then let them know.

          ## Fixes for the person causing the echo

          1. **Use headphones.** This solves the problem in most cases.
          2. **Leave computer audio on one device only.** If you joined on a laptop and a phone, or two people in the same room joined on two laptops, disconnect the audio of all but one: **Audio** > **Leave computer audio**.
          3. **Do not call in by phone while your computer audio is on.** Use **Switch to phone audio** instead.
          4. **Lower the speaker volume** and move the microphone away from it.
          5. **Keep echo cancellation on**: **Settings** > **Audio** > **Advanced**. Turn off **Original sound for musicians** unless you need it, because it disables echo cancellation.

          ## Conference rooms

          Room speakerphones must not be used together with a laptop's audio in the same room. Join the room system for audio and video, and join laptops with **Share screen only**.
        `,
      },
      ru: {
        title: 'Как устранить эхо и обратную связь в конференции',
        body: md`
          Если вы слышите повтор собственного голоса, причина почти никогда не в вашем устройстве: микрофон другого участника улавливает звук из его динамиков и передает его обратно. Громкий вой (обратная связь) означает, что в одном помещении подключены два устройства.

          ## Как найти источник

          Откройте **Участники** и следите за значками микрофонов, пока говорите: значок того, кто создает эхо, загорается сразу после вашего. Выключите ему микрофон и сообщите об этом.

          ## Что сделать участнику, у которого эхо

          1. **Надеть наушники.** В большинстве случаев это решает проблему.
          2. **Оставить звук только на одном устройстве.** Если вы подключились с ноутбука и с телефона или два человека в одной комнате подключились с двух ноутбуков, отключите звук на всех устройствах, кроме одного: **Звук** > **Отключить звук компьютера**.
          3. **Не звонить по телефону, когда включен звук компьютера.** Вместо этого используйте **Перейти на звук по телефону**.
          4. **Уменьшить громкость динамика** и отодвинуть от него микрофон.
          5. **Не отключать эхоподавление**: **Настройки** > **Звук** > **Дополнительно**. Выключите **Оригинальный звук для музыкантов**, если он не нужен: этот режим отключает эхоподавление.

          ## Переговорные комнаты

          Громкую связь переговорной нельзя использовать вместе со звуком ноутбука в том же помещении. Подключите звук и видео через систему переговорной, а ноутбуки подключайте в режиме **Только демонстрация экрана**.
        `,
      },
      fr: {
        title: 'Supprimer l’écho et le larsen en réunion',
        body: md`
          Si vous entendez votre propre voix répétée, votre appareil n'est presque jamais en cause : le micro d'un autre participant capte le son de ses haut-parleurs et vous le renvoie. Un sifflement fort (larsen) signifie que deux appareils sont connectés dans la même pièce.

          ## Trouver l'origine

          Ouvrez **Participants** et observez les icônes de micro pendant que vous parlez : l'icône de la personne qui provoque l'écho s'allume juste après la vôtre. Coupez son micro, puis prévenez-la.

          ## Solutions pour la personne qui provoque l'écho

          1. **Utiliser un casque ou des écouteurs.** Cela règle le problème dans la plupart des cas.
          2. **Garder l'audio sur un seul appareil.** Si vous avez rejoint la réunion sur un ordinateur et un téléphone, ou si deux personnes de la même pièce sont connectées sur deux ordinateurs, déconnectez l'audio de tous les appareils sauf un : **Audio** > **Quitter l'audio de l'ordinateur**.
          3. **Ne pas appeler par téléphone quand l'audio de l'ordinateur est actif.** Utilisez plutôt **Passer à l'audio par téléphone**.
          4. **Baisser le volume des haut-parleurs** et éloigner le micro.
          5. **Laisser l'annulation de l'écho activée** : **Paramètres** > **Audio** > **Avancé**. Désactivez **Son original pour les musiciens** si vous n'en avez pas besoin, car ce mode désactive l'annulation de l'écho.

          ## Salles de réunion

          Le système audio d'une salle ne doit pas être utilisé en même temps que l'audio d'un ordinateur portable dans la même pièce. Connectez le système de la salle pour l'audio et la vidéo, et les ordinateurs avec **Partager l'écran uniquement**.
        `,
      },
    },
  },
  {
    slug: 'microphone-or-speaker-not-working',
    category: 'audio-video',
    section: 'audio',
    kind: 'troubleshooting',
    audience: 'everyone',
    errorCodes: ['2102'],
    translations: {
      en: {
        title: 'Microphone or speaker not working (error 2102)',
        body: md`
          Work through these checks in order; most problems are solved by the first three.

          1. **Are you connected to audio?** If the bottom left shows **Join audio**, click it and choose **Join with computer audio**.
          2. **Are you muted?** A red crossed-out microphone means muted. Also check the mute switch on your headset and the mute key on your keyboard.
          3. **Is the right device selected?** Click the arrow next to the microphone icon and choose the microphone and speaker you actually use. "Same as system" follows your computer's default, which changes when you plug in a headset.
          4. **Does Meetly have permission?**
             - Windows: **Settings** > **Privacy & security** > **Microphone**, allow desktop apps.
             - macOS: **System Settings** > **Privacy & Security** > **Microphone**, tick Meetly, then restart it.
             - Browser: click the icon in the address bar and allow the microphone.
          5. **Is another app using the microphone?** Close other call apps, including ones running in the background.

          ## Error 2102

          The app could not open the audio device at all. Unplug and reconnect the headset, select it again, and restart Meetly. On Windows, update the audio driver from the manufacturer's site; on Bluetooth headsets, remove and pair the device again.

          Still silent? Call in by phone to keep going, and collect the logs for support after the meeting.
        `,
      },
      ru: {
        title: 'Не работает микрофон или динамик (ошибка 2102)',
        body: md`
          Выполните проверки по порядку; большинство проблем решаются на первых трех шагах.

          1. **Подключен ли звук?** Если внизу слева видна кнопка **Подключить звук**, нажмите ее и выберите **Войти с компьютерным звуком**.
          2. **Не выключен ли микрофон?** Красный перечеркнутый микрофон означает, что звук выключен. Проверьте также переключатель на гарнитуре и клавишу отключения микрофона на клавиатуре.
          3. **Выбрано ли нужное устройство?** Нажмите стрелку рядом со значком микрофона и выберите микрофон и динамик, которыми вы пользуетесь. Вариант «Как в системе» следует за устройством по умолчанию, а оно меняется при подключении гарнитуры.
          4. **Есть ли у Meetly разрешение?**
             - Windows: **Параметры** > **Конфиденциальность и защита** > **Микрофон**, разрешите доступ классическим приложениям.
             - macOS: **Системные настройки** > **Конфиденциальность и безопасность** > **Микрофон**, отметьте Meetly и перезапустите его.
             - Браузер: нажмите значок в адресной строке и разрешите доступ к микрофону.
          5. **Не занят ли микрофон другим приложением?** Закройте другие программы для звонков, в том числе работающие в фоне.

          ## Ошибка 2102

          Приложению вообще не удалось открыть звуковое устройство. Отключите и снова подключите гарнитуру, выберите ее заново и перезапустите Meetly. В Windows обновите звуковой драйвер с сайта производителя; Bluetooth-гарнитуру удалите и подключите заново.

          Звука по-прежнему нет? Подключитесь по телефону, чтобы продолжить конференцию, а после нее соберите журналы для службы поддержки.
        `,
      },
    },
  },
  {
    slug: 'camera-not-detected',
    category: 'audio-video',
    section: 'video',
    kind: 'troubleshooting',
    audience: 'everyone',
    errorCodes: ['2101', '2103'],
    topResourceRank: 12,
    translations: {
      en: {
        title: 'Camera not detected or shows a black screen (error 2101 or 2103)',
        body: md`
          ## Quick checks

          1. Click the arrow next to **Start video** and make sure the right camera is selected. Laptops with a docking station often list two.
          2. Check for a privacy shutter on the camera or a camera key on the keyboard (often F8 or F10).
          3. Close every other app that may use the camera, such as another video call or a camera utility. Only one app can use a camera at a time on Windows.

          ## Error 2101: no camera detected

          Meetly sees no camera at all.

          - External camera: plug it into another USB port, directly rather than through a hub.
          - Windows: open **Device Manager** > **Cameras**. If the camera is missing or shows a warning, update or reinstall its driver.
          - macOS: restart the computer; if the camera is still missing in Photo Booth, it is a hardware problem.

          ## Error 2103: permission denied

          The system or the browser blocked access.

          - Windows: **Settings** > **Privacy & security** > **Camera**, turn on access for desktop apps.
          - macOS: **System Settings** > **Privacy & Security** > **Camera**, tick Meetly, then quit and reopen Meetly.
          - Browser: click the camera icon in the address bar, choose **Allow** and reload the page.

          ## Black image but no error

          Turn off **Settings** > **Video** > **Hardware acceleration** and restart Meetly. If you use a virtual background, try without it. Update your graphics driver.
        `,
      },
      ru: {
        title: 'Камера не обнаружена или показывает черный экран (ошибка 2101 или 2103)',
        body: md`
          ## Быстрые проверки

          1. Нажмите стрелку рядом с кнопкой **Включить видео** и убедитесь, что выбрана нужная камера. У ноутбуков с док-станцией в списке часто две камеры.
          2. Проверьте, не закрыта ли камера шторкой и нет ли на клавиатуре клавиши отключения камеры (часто F8 или F10).
          3. Закройте все приложения, которые могут использовать камеру: другой видеозвонок, утилиту производителя камеры. В Windows камерой может одновременно пользоваться только одно приложение.

          ## Ошибка 2101: камера не обнаружена

          Meetly вообще не видит камеру.

          - Внешняя камера: подключите ее к другому USB-порту, напрямую, а не через концентратор.
          - Windows: откройте **Диспетчер устройств** > **Камеры**. Если камеры нет или рядом с ней предупреждение, обновите или переустановите драйвер.
          - macOS: перезагрузите компьютер; если камеры нет и в Photo Booth, неисправно оборудование.

          ## Ошибка 2103: доступ запрещен

          Доступ заблокировала система или браузер.

          - Windows: **Параметры** > **Конфиденциальность и защита** > **Камера**, разрешите доступ классическим приложениям.
          - macOS: **Системные настройки** > **Конфиденциальность и безопасность** > **Камера**, отметьте Meetly, затем закройте и снова откройте приложение.
          - Браузер: нажмите значок камеры в адресной строке, выберите **Разрешить** и перезагрузите страницу.

          ## Черное изображение без ошибки

          Отключите **Настройки** > **Видео** > **Аппаратное ускорение** и перезапустите Meetly. Если вы используете виртуальный фон, попробуйте без него. Обновите драйвер видеокарты.
        `,
      },
    },
  },
  {
    slug: 'virtual-background',
    category: 'audio-video',
    section: 'video',
    kind: 'tutorial',
    audience: 'everyone',
    videoUrl: 'https://videos.example.com/meetly/tutorials/virtual-background',
    topResourceRank: 15,
    translations: {
      en: {
        title: 'Use a virtual background or blur',
        body: md`
          A virtual background replaces what is behind you with an image or a video; blur keeps the room but out of focus.

          ## Choose a background

          1. Before or during a meeting, click the arrow next to **Start video** > **Choose background**.
          2. Pick **Blur**, one of the supplied images, or click **+** to add your own image (PNG or JPG, at least 1280 × 720 pixels) or video (MP4, up to 30 seconds).
          3. Your choice is kept for future meetings.

          ## For the best result

          - Sit in front of an even, plain wall with light on your face, not behind you.
          - Avoid clothes of the same colour as the wall.
          - If you have a green screen, tick **I have a green screen** and click on it to set the exact colour.

          ## If the option is missing

          - Your computer may not meet the requirements: virtual backgrounds without a green screen need a processor with four cores or more. Blur needs less.
          - In a browser, use Chrome or Edge.
          - Your account admin may have turned virtual backgrounds off or may impose a company background. Ask them, or look under **Settings** > **Background & effects**: a lock icon means the setting is managed.

          Backgrounds are also available in the mobile apps, under **More** > **Background and effects**.
        `,
      },
      ru: {
        title: 'Виртуальный фон и размытие фона',
        body: md`
          Виртуальный фон заменяет то, что находится у вас за спиной, изображением или видео; размытие оставляет комнату, но не в фокусе.

          ## Как выбрать фон

          1. До или во время конференции нажмите стрелку рядом с кнопкой **Включить видео** > **Выбрать фон**.
          2. Выберите **Размытие**, одно из готовых изображений или нажмите **+**, чтобы добавить свое изображение (PNG или JPG, не меньше 1280 × 720 пикселей) или видео (MP4, до 30 секунд).
          3. Выбранный фон сохраняется для следующих конференций.

          ## Для лучшего результата

          - Сядьте перед ровной однотонной стеной; свет должен падать на лицо, а не из-за спины.
          - Не надевайте одежду того же цвета, что и стена.
          - Если у вас есть зеленый экран, установите флажок **У меня есть зеленый экран** и щелкните по нему, чтобы задать точный цвет.

          ## Если параметра нет

          - Компьютер может не соответствовать требованиям: для виртуального фона без зеленого экрана нужен процессор с четырьмя ядрами или больше. Размытию требуется меньше ресурсов.
          - В браузере используйте Chrome или Edge.
          - Администратор учетной записи мог отключить виртуальный фон или установить фон компании. Спросите у него или загляните в раздел **Настройки** > **Фон и эффекты**: значок замка означает, что параметр управляется администратором.

          Фоны доступны и в мобильных приложениях: **Еще** > **Фон и эффекты**.
        `,
      },
      fr: {
        title: 'Utiliser un arrière-plan virtuel ou le flou',
        body: md`
          Un arrière-plan virtuel remplace ce qui se trouve derrière vous par une image ou une vidéo ; le flou garde la pièce, mais floutée.

          ## Choisir un arrière-plan

          1. Avant ou pendant une réunion, cliquez sur la flèche à côté de **Démarrer la vidéo** > **Choisir un arrière-plan**.
          2. Choisissez **Flou**, l'une des images fournies, ou cliquez sur **+** pour ajouter votre propre image (PNG ou JPG, au moins 1280 × 720 pixels) ou vidéo (MP4, 30 secondes maximum).
          3. Votre choix est conservé pour les réunions suivantes.

          ## Pour un meilleur résultat

          - Installez-vous devant un mur uni, avec la lumière sur votre visage et non derrière vous.
          - Évitez les vêtements de la même couleur que le mur.
          - Si vous avez un fond vert, cochez **J'ai un fond vert** et cliquez dessus pour indiquer la couleur exacte.

          ## Si l'option n'apparaît pas

          - Votre ordinateur ne remplit peut-être pas les conditions : sans fond vert, l'arrière-plan virtuel nécessite un processeur d'au moins quatre cœurs. Le flou demande moins de ressources.
          - Dans un navigateur, utilisez Chrome ou Edge.
          - L'administrateur de votre compte a peut-être désactivé les arrière-plans virtuels ou imposé un arrière-plan de l'entreprise. Demandez-lui, ou regardez dans **Paramètres** > **Arrière-plan et effets** : une icône de cadenas signifie que le paramètre est géré par l'administrateur.

          Les arrière-plans sont aussi disponibles dans les applications mobiles, sous **Plus** > **Arrière-plan et effets**.
        `,
      },
    },
  },
  {
    slug: 'improve-video-quality',
    category: 'audio-video',
    section: 'video',
    kind: 'tutorial',
    audience: 'everyone',
    translations: {
      en: {
        title: 'Improve your video quality: HD, lighting and framing',
        body: md`
          ## Turn on HD

          In **Settings** > **Video**, tick **HD**. Meetly sends 720p on Free and Pro plans and up to 1080p on Business plans and above, when your connection and processor allow it. In gallery view, everyone's video is smaller, so Meetly lowers the resolution automatically.

          ## Light and framing

          - Face a window or a lamp. Light behind you turns your face into a silhouette.
          - Raise the camera to eye level; a stack of books under a laptop works.
          - Leave a little space above your head and keep your shoulders in the picture.
          - Tick **Adjust for low light** and, if you like, **Touch up my appearance** to soften the image.

          ## Smooth video

          - Video that freezes or turns blocky is usually a network problem. Move closer to the Wi-Fi router or use a cable, and pause large downloads and cloud backups.
          - Close other apps that use a lot of processor time. **Statistics** in **Settings** shows the CPU load and the bandwidth Meetly uses.
          - On a laptop, plug in the charger: battery saving reduces the video frame rate.

          ## Cameras

          An external USB camera usually looks better than a built-in one. Meetly supports any camera your system recognises; choose it from the list next to **Start video**.
        `,
      },
      fr: {
        title: 'Améliorer la qualité de votre vidéo : HD, éclairage et cadrage',
        body: md`
          ## Activer la HD

          Dans **Paramètres** > **Vidéo**, cochez **HD**. Meetly envoie une image en 720p avec les forfaits Free et Pro, et jusqu'en 1080p à partir du forfait Business, si votre connexion et votre processeur le permettent. En vue galerie, chaque vidéo est plus petite, et Meetly réduit donc automatiquement la résolution.

          ## Éclairage et cadrage

          - Placez-vous face à une fenêtre ou une lampe. Une lumière derrière vous transforme votre visage en silhouette.
          - Placez la caméra à hauteur des yeux ; une pile de livres sous l'ordinateur portable suffit.
          - Laissez un peu d'espace au-dessus de votre tête et gardez vos épaules dans l'image.
          - Cochez **Régler pour une faible luminosité** et, si vous le souhaitez, **Retoucher mon apparence** pour adoucir l'image.

          ## Une vidéo fluide

          - Une vidéo qui se fige ou se pixellise vient presque toujours du réseau. Rapprochez-vous du routeur Wi-Fi ou utilisez un câble, et mettez en pause les gros téléchargements et les sauvegardes.
          - Fermez les applications qui consomment beaucoup de processeur. **Statistiques**, dans **Paramètres**, affiche la charge du processeur et la bande passante utilisée par Meetly.
          - Sur un ordinateur portable, branchez le chargeur : l'économie de batterie réduit la fréquence d'images.

          ## Caméras

          Une caméra USB externe donne en général une meilleure image qu'une caméra intégrée. Meetly prend en charge toute caméra reconnue par votre système ; choisissez-la dans la liste à côté de **Démarrer la vidéo**.
        `,
      },
    },
  },
  {
    slug: 'share-your-screen',
    category: 'audio-video',
    section: 'screen-sharing',
    kind: 'tutorial',
    audience: 'everyone',
    videoUrl: 'https://videos.example.com/meetly/tutorials/share-your-screen',
    topResourceRank: 6,
    translations: {
      en: {
        title: 'Share your screen',
        body: md`
          1. Click **Share screen** in the meeting controls (Alt+S; Cmd+Shift+S on a Mac).
          2. Choose what to share:
             - **Screen**: everything on one monitor, including notifications.
             - **Window**: a single application; other windows stay private.
             - **Whiteboard**: a blank board everyone can draw on.
             - **Portion of screen**: a frame you can move and resize.
          3. Tick **Share sound** if you will play audio or video, and **Optimise for video clip** for smooth playback.
          4. Click **Share**.

          A green border shows what others see. The meeting controls move to the top of the screen; click **Stop share** when you are done.

          ## If you cannot share

          - **Sharing is grey**: the host allows only the host to share. Ask them to change **Security** > **Allow participants to share screen**.
          - **macOS**: give Meetly the **Screen Recording** permission in **System Settings** > **Privacy & Security**, then restart it.
          - **Others see a black screen**: see the article about a black screen when sharing.

          ## Tips

          - Share a window rather than the whole screen to keep e-mails and chats private.
          - Turn on **Do not disturb** before presenting.
          - Two people can share at the same time if the host enables **Multiple participants can share simultaneously**.
        `,
      },
      ru: {
        title: 'Демонстрация экрана',
        body: md`
          1. Нажмите **Демонстрация экрана** на панели управления конференцией (Alt+S; на Mac Cmd+Shift+S).
          2. Выберите, что показывать:
             - **Экран**: все, что есть на одном мониторе, включая уведомления.
             - **Окно**: одно приложение; остальные окна никто не увидит.
             - **Доска**: пустая доска, на которой могут рисовать все участники.
             - **Часть экрана**: рамка, которую можно перемещать и менять в размере.
          3. Установите флажок **Передавать звук**, если будете воспроизводить аудио или видео, и **Оптимизировать для видеоклипа**, чтобы видео шло плавно.
          4. Нажмите **Показать**.

          Зеленая рамка обозначает то, что видят другие. Панель управления переместится в верхнюю часть экрана; когда закончите, нажмите **Остановить демонстрацию**.

          ## Если показать экран не получается

          - **Кнопка неактивна**: организатор разрешил демонстрацию только себе. Попросите его изменить параметр **Безопасность** > **Разрешить участникам показывать экран**.
          - **macOS**: дайте Meetly разрешение **Запись экрана** в разделе **Системные настройки** > **Конфиденциальность и безопасность** и перезапустите приложение.
          - **Другие видят черный экран**: прочитайте статью о черном экране при демонстрации.

          ## Советы

          - Показывайте окно, а не весь экран, чтобы почта и чаты остались личными.
          - Перед выступлением включите режим **Не беспокоить**.
          - Два человека могут показывать экран одновременно, если организатор включит параметр **Одновременная демонстрация для нескольких участников**.
        `,
      },
      fr: {
        title: 'Partager votre écran',
        body: md`
          1. Cliquez sur **Partager l'écran** dans les commandes de la réunion (Alt+S ; Cmd+Maj+S sur Mac).
          2. Choisissez ce que vous partagez :
             - **Écran** : tout le contenu d'un moniteur, notifications comprises.
             - **Fenêtre** : une seule application ; les autres fenêtres restent privées.
             - **Tableau blanc** : un tableau vierge sur lequel tout le monde peut dessiner.
             - **Partie de l'écran** : un cadre que vous pouvez déplacer et redimensionner.
          3. Cochez **Partager le son** si vous allez diffuser de l'audio ou une vidéo, et **Optimiser pour les clips vidéo** pour une lecture fluide.
          4. Cliquez sur **Partager**.

          Une bordure verte indique ce que voient les autres. Les commandes de la réunion passent en haut de l'écran ; cliquez sur **Arrêter le partage** quand vous avez terminé.

          ## Si vous ne pouvez pas partager

          - **Le bouton est grisé** : l'organisateur est seul autorisé à partager. Demandez-lui de modifier **Sécurité** > **Autoriser les participants à partager l'écran**.
          - **macOS** : accordez à Meetly l'autorisation **Enregistrement de l'écran** dans **Réglages Système** > **Confidentialité et sécurité**, puis redémarrez l'application.
          - **Les autres voient un écran noir** : consultez l'article sur l'écran noir pendant le partage.

          ## Conseils

          - Partagez une fenêtre plutôt que tout l'écran pour garder vos e-mails et vos chats privés.
          - Activez **Ne pas déranger** avant de présenter.
          - Deux personnes peuvent partager en même temps si l'organisateur active **Plusieurs participants peuvent partager simultanément**.
        `,
      },
    },
  },
  {
    slug: 'share-sound-and-video-clips',
    category: 'audio-video',
    section: 'screen-sharing',
    kind: 'tutorial',
    audience: 'everyone',
    translations: {
      en: {
        title: 'Share computer sound and play video clips to participants',
        body: md`
          Without a few settings, a video you play while sharing reaches participants as a jerky image and your microphone picking up the speakers.

          ## When you start sharing

          1. Click **Share screen** and select the window with the video player.
          2. Tick **Share sound**. Choose **Mono** for speech or **Stereo (high fidelity)** for music.
          3. Tick **Optimise for video clip**. Meetly then favours a smooth frame rate over sharpness.
          4. Click **Share** and start the video.

          Already sharing? Click **More** in the sharing toolbar and choose **Share sound** or **Optimise for video clip** there.

          ## Share sound without sharing the screen

          Click **Share screen** > **Advanced** > **Computer audio**. Useful for a music playlist during a break.

          ## Good practice

          - Play the file from your computer rather than a streaming site, which doubles the load on your connection.
          - Do not play the video in full screen on the monitor you share if you need to see the meeting controls.
          - Ask a participant to confirm they hear the sound before the important part.
          - On macOS, the first time you share sound, Meetly installs an audio driver and asks for your password.

          Shared sound is not available in the web client on Safari, and on iPhone and iPad it works only for the screen of the device itself.
        `,
      },
    },
  },
  {
    slug: 'screen-sharing-black-screen',
    category: 'audio-video',
    section: 'screen-sharing',
    kind: 'troubleshooting',
    audience: 'everyone',
    translations: {
      en: {
        title: 'Participants see a black screen when you share',
        body: md`
          You are sharing and the green border is visible, but participants see a black or frozen image.

          ## macOS

          This is almost always a missing permission. Open **System Settings** > **Privacy & Security** > **Screen & System Audio Recording**, turn on Meetly, then quit Meetly completely (Cmd+Q) and open it again. The permission is not applied until the app restarts.

          ## Windows with two graphics cards

          Laptops that switch between integrated and dedicated graphics can hand the screen to the wrong card.

          1. Open **Settings** > **System** > **Display** > **Graphics**.
          2. Add the Meetly app and set it to **Power saving** (integrated graphics).
          3. Restart Meetly.

          ## Protected content

          Video from streaming services and some banking or DRM-protected apps is shown black on purpose by the system. Share the content another way, or send the link in chat.

          ## Other fixes

          - In **Settings** > **Share screen** > **Advanced**, try turning off **Use hardware acceleration for screen capture**.
          - Share a single window instead of the whole screen, or the other way round.
          - Update the graphics driver and Meetly itself.

          If participants see only part of your screen, check that the scaling setting of each monitor is the same, or share one window.
        `,
      },
    },
  },
  {
    slug: 'faq-audio-video-participants',
    category: 'audio-video',
    section: 'audio',
    kind: 'faq',
    audience: 'users_participants',
    translations: {
      en: {
        title: 'FAQ for participants: sound, camera and shortcuts',
        body: md`
          **How do I mute and unmute quickly?**
          Alt+A (Cmd+Shift+A on a Mac). Or hold Space while muted to talk briefly, like a walkie-talkie; enable it in **Settings** > **Audio** > **Press and hold Space key to temporarily unmute**.

          **How do I turn my camera on or off?**
          Alt+V (Cmd+Shift+V on a Mac), or the **Start video** button.

          **Others say I sound robotic or cut out.**
          That is usually your connection. Turn off your video to save bandwidth, move closer to the Wi-Fi router, or switch to phone audio.

          **How do I reduce noise around me?**
          In **Settings** > **Audio**, set **Suppress background noise** to **High**. It removes keyboard clicks, fans and barking dogs, but can also cut music.

          **Can I hide my own video from myself?**
          Yes: right-click your video > **Hide self view**. Others still see you.

          **My video is mirrored. Do others see it reversed?**
          No. Only your preview is mirrored; clear **Mirror my video** in video settings if it confuses you.

          **Can I join with audio only?**
          Yes. Turn off **Start video** on the preview screen, or join by phone.
        `,
      },
    },
  },
];
