// Types for the `snowball-stemmers` package (Snowball's own algorithms compiled to JavaScript),
// which ships none.
declare module 'snowball-stemmers' {
  export interface Stemmer {
    stem(word: string): string;
  }
  export function newStemmer(algorithm: string): Stemmer;
  export function algorithms(): string[];
}
