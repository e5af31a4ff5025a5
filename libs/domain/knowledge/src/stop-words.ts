// Small curated lists: enough to keep the filler of a typed question or a ticket ("how do I…",
// "bonjour, je n'arrive pas à…", "здравствуйте, у меня не работает…") out of a search, short
// enough to read and correct. Words a reader may genuinely search for ("meeting", "audio",
// "support", "не работает" as a whole) are deliberately absent. Apostrophe fragments ("l", "qu",
// "n") appear because the word split breaks elisions apart.

const ENGLISH = `
a about above after again all also am an and any are as at be because been before being below
between both but by can cannot could did do does doing don done during each even ever every few
for from further get gets getting got had has have having he her here hers him his how however i
if im in into is isn it its itself ive just let like me more most my myself need no nor not now
of off on once only or other our ours out over own please same she should so some still such than
that the their them then there these they this those through to too under until up upon us very
want was we were what when where which while who whom why will with would yet you your yours since
though although
others dont doesnt didnt cant couldnt wont wouldnt shouldnt isnt arent wasnt werent hasnt havent hadnt
whos whats wheres hows theres thats youre youve theyre
hi hello hey dear thanks thank regards cheers kindly issue problem help trying tried
`;

const FRENCH = `
a à afin ai aie aient ainsi alors as au aucun aucune aujourd aussi autre aux avait avant avec
avez avoir avons bien c ça car ce ceci cela celle celui ces cet cette chaque chez comme comment d
dans de des donc dont du elle elles en encore es est et été être eu fait faire fais fois j je
jusqu l la le les leur leurs lorsque lui m ma mais me même mes moi mon n ne ni nos notre nous on
ont ou où par parce pas peu peut peux plus pour pourquoi pouvez puis qu quand que quel quelle
quelles quels qui quoi s sa sans se ses si sien sont sous suis sur t ta te tes toi ton tous
tout toute toutes très tu un une vos votre vous y
pendant depuis durant lors après vers entre
dois doit doivent devons devez devoir
bonjour bonsoir merci cordialement svp madame monsieur aide aider problème souci
`;

const RUSSIAN = `
а без более больше будет будто бы был была были было быть в вам вас ведь весь во вот все всегда
всего всех всю вы где да даже для до его ее её ей ему если есть еще ещё же за зачем здесь и из
или им их к как какая какой когда конечно кто куда ли лучше между меня мне много может можно мой
моя мы на над надо нас не него нее неё нельзя нет ни ним них ничего но ну о об один он она они
оно опять от перед по под после потом потому почему почти при про раз разве с сам себе себя
сейчас со совсем так также такой там тебя тем теперь то тогда того тоже только том тот три тут пока
ты у уж уже хоть чего чем через что чтобы чуть эти этого этой этом этот эту это я
здравствуйте привет добрый день вечер утро спасибо пожалуйста помогите подскажите проблема
вопрос
какие какое каких каким какими какую
могу можешь можем можете могут мог могла могло могли нужно нужен нужна нужны хочу хотим
моё мои моего моей моему моим моих мою моими твой твоя твоё твои твоего твоей твоих твою
свой своя своё свои своего своей своему своим своих свою своими наш наша наше наши нашего
нашей нашим наших нашу ваш ваша ваше ваши вашего вашей вашим ваших вашу другой другая другое
другие другого других другим другими
`;

function list(text: string): string[] {
  return text.split(/\s+/).filter(Boolean);
}

export const STOP_WORDS: Readonly<Record<'en' | 'fr' | 'ru', readonly string[]>> = {
  en: list(ENGLISH),
  fr: list(FRENCH),
  ru: list(RUSSIAN),
};

/**
 * Filler of a written message only ("Hi team," "Thanks, the team"): dropped from a ticket's text
 * before its articles are looked up, but searched for when typed, since "Team Chat" is a product.
 */
export const MESSAGE_ONLY_FILLER: readonly string[] = ['team'];

const ALL_STOP_WORDS: ReadonlySet<string> = new Set([...STOP_WORDS.en, ...STOP_WORDS.fr, ...STOP_WORDS.ru, ...MESSAGE_ONLY_FILLER]);

/** True for filler words of any of the curated languages or of a message (ticket text); expects a lower-cased word. */
export function isStopWord(word: string): boolean {
  return ALL_STOP_WORDS.has(word.normalize('NFC'));
}
