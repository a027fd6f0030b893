import { imageTypeOf } from '../image-type';

const bytes = (...parts: Array<number[] | string>) => Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p)] : p)));

describe('imageTypeOf', () => {
  it.each([
    ['a PNG', bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), 'image/png'],
    ['a JPEG', bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), 'image/jpeg'],
    ['a GIF', bytes('GIF89a'), 'image/gif'],
    ['a WebP', bytes('RIFF', [1, 2, 3, 4], 'WEBPVP8 '), 'image/webp'],
    ['a RIFF that is not WebP (WAV)', bytes('RIFF', [1, 2, 3, 4], 'WAVEfmt '), null],
    ['an SVG (text, scriptable)', bytes('<svg xmlns="http://www.w3.org/2000/svg">'), null],
    ['a PDF', bytes('%PDF-1.7'), null],
    ['nothing', bytes(), null],
  ])('%s is %s', (_label, head, expected) => {
    expect(imageTypeOf(head)).toBe(expected);
  });
});
