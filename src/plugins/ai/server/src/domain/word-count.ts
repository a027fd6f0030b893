/** Words a reader sees in an HTML body: tags, comments and entities do not count. */
export const wordCount = (html: string): number => {
  const text = html
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    // An apostrophe entity joins its word ("It&rsquo;s" is one word); other entities separate.
    .replace(/&(rsquo|lsquo|apos|#39|#x27|#8217);/gi, "'")
    .replace(/&[a-z#0-9]+;/gi, ' ');
  const words = text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu);
  return words ? words.length : 0;
};
