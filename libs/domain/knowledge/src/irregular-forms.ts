/**
 * English irregular verb forms with their base form, read before stemming: Snowball (Porter 2)
 * strips suffixes only, so "frozen" and "freezes", "broken" and "breaks", "heard" and "hear" would
 * index and search as different words. Each line is "base past participle" (one form when they are
 * the same). Forms that are also common words of another meaning are left out ("left", "found",
 * "bound", "felt", "fell", "lay", "rose", "saw", "led" as in LED, "lit", "wound", "ground", "shot").
 */
const LINES = `
arise arose arisen
awake awoke awoken
bear bore borne
beat beat beaten
become became
begin began begun
bend bent
bite bit bitten
bleed bled
blow blew blown
break broke broken
bring brought
build built
burn burnt
buy bought
catch caught
choose chose chosen
come came
deal dealt
dig dug
draw drew drawn
dream dreamt
drink drank drunk
drive drove driven
eat ate eaten
feed fed
fight fought
find
flee fled
fly flew flown
forbid forbade forbidden
forget forgot forgotten
forgive forgave forgiven
freeze froze frozen
get got gotten
give gave given
go went gone
grow grew grown
hang hung
hear heard
hide hid hidden
hold held
keep kept
know knew known
learn learnt
lend lent
lose lost
make made
mean meant
meet met
overwrite overwrote overwritten
pay paid
prove proven
rewrite rewrote rewritten
ride rode ridden
ring rang rung
run ran
say said
see seen
seek sought
sell sold
send sent
shake shook shaken
shine shone
show shown
shrink shrank shrunk
sing sang sung
sink sank sunk
sit sat
sleep slept
slide slid
speak spoke spoken
spend spent
spill spilt
stand stood
steal stole stolen
stick stuck
strike struck
sweep swept
swim swam swum
take took taken
teach taught
tear tore torn
tell told
think thought
throw threw thrown
undergo underwent undergone
understand understood
undo undid undone
wake woke woken
wear wore worn
win won
withdraw withdrew withdrawn
write wrote written
`;

/** irregular form → base form (the base forms themselves are absent: they stem as they are) */
export const ENGLISH_IRREGULAR_FORMS: ReadonlyMap<string, string> = new Map(
  LINES.trim()
    .split('\n')
    .flatMap((line) => {
      const [base, ...forms] = line.trim().split(/\s+/);
      return forms.filter((form) => form !== base).map((form) => [form, base] as const);
    }),
);
