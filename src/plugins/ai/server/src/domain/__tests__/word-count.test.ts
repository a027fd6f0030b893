import { wordCount } from '../word-count';

describe('wordCount', () => {
  it('counts the words a reader sees', () => {
    expect(wordCount('<h2>Hello world</h2><p>It&rsquo;s a <strong>well-known</strong> fact.</p><!-- not counted -->')).toBe(6);
    expect(wordCount('<p>Ünïcödé wörds çount too</p>')).toBe(4);
    expect(wordCount('')).toBe(0);
  });
});
