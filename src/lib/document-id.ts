import { randomBytes } from 'node:crypto';

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/**
 * `count` new documentIds in the shape Strapi 5 gives them (its default is cuid2's `createId`: a
 * lowercase letter then 23 lowercase base-36 characters), from one random read (about 119 bits of
 * randomness per id). For our set-based writes (AI saves, imports, publishing rows), which insert
 * rows without the Document Service: cuid2 hashes with SHA-3 in JavaScript, about a tenth of a
 * millisecond of CPU per id, and these paths do not need its fingerprinting.
 */
export const newDocumentIds = (count: number): string[] => {
  const bytes = randomBytes(24 * count);
  const ids: string[] = new Array(count);
  for (let n = 0, at = 0; n < count; n++, at += 24) {
    let id = LETTERS[bytes[at] % 26];
    for (let i = 1; i < 24; i++) id += ALPHABET[bytes[at + i] % 36];
    ids[n] = id;
  }
  return ids;
};

/** One new documentId in Strapi's shape. */
export const newDocumentId = (): string => newDocumentIds(1)[0];
