/** The image formats a tenant may attach: what browsers and WordPress's media library take. */
export const ACCEPTED_TYPES = {
  'image/png': '.png',
  'image/jpeg': '.jpg',
  'image/gif': '.gif',
  'image/webp': '.webp',
} as const;
export type ImageType = keyof typeof ACCEPTED_TYPES;

/**
 * The format of a file from its first bytes (magic numbers), or null. The declared MIME type and the
 * file name are the client's word; the bytes are what a browser or WordPress will decode.
 */
export const imageTypeOf = (head: Uint8Array): ImageType | null => {
  const at = (offset: number, bytes: number[]) => bytes.every((b, i) => head[offset + i] === b);
  if (at(0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (at(0, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (at(0, [0x47, 0x49, 0x46, 0x38])) return 'image/gif'; // "GIF8"
  if (at(0, [0x52, 0x49, 0x46, 0x46]) && at(8, [0x57, 0x45, 0x42, 0x50])) return 'image/webp'; // "RIFF" … "WEBP"
  return null;
};
