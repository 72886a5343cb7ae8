// Type declarations for the two text libraries the key-point scorer uses (neither ships its own).
declare module "wink-porter2-stemmer" {
  /** The Porter2 ("Snowball English") stemmer, the algorithm of PostgreSQL's english configuration. */
  export default function stem(word: string): string;
}

declare module "stopword" {
  /** English stop words. */
  export const eng: readonly string[];
}
