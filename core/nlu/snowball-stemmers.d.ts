// The package ships no types; only the part Sovetnik uses is declared.
declare module 'snowball-stemmers' {
  interface SnowballStemmer {
    stem(word: string): string;
  }
  interface Snowball {
    newStemmer(algorithm: string): SnowballStemmer;
    algorithms(): string[];
  }
  const snowball: Snowball;
  // eslint-disable-next-line no-restricted-syntax -- the CommonJS module.exports arrives as the default import
  export default snowball;
}
