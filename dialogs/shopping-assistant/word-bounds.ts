// `\b` knows only ASCII letters, so the shopping patterns spell out where a Russian or English word starts and ends.

/** A word starts here: no letter or digit just before. */
export const WORD_START = '(?<![\\p{L}\\p{N}])';

/** A word ends here: no letter just after (a digit may follow, as in "до 500р"). */
export const WORD_END = '(?![\\p{L}])';
