/** A slug the content type's regex accepts (`^[a-z0-9]+(?:-[a-z0-9]+)*$`, at most 200 characters). */
export const slugify = (text: string): string => {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 200)
    .replace(/-+$/g, '');
  return slug || 'untitled';
};
