// The package ships no types; only the part Sovetnik uses is declared.
declare module 'snowball-stemmers' {
  interface SnowballStemmer {
    stem(word: string): string;
  }
  function newStemmer(algorithm: string): SnowballStemmer;
  function algorithms(): string[];
  const snowball: { newStemmer: typeof newStemmer; algorithms: typeof algorithms };
  export default snowball;
}
