import { newDocumentId, newDocumentIds } from '../document-id';

it('makes documentIds in the shape Strapi gives them (a letter, then 23 base-36 characters), never twice', () => {
  const ids = [...Array.from({ length: 10_000 }, newDocumentId), ...newDocumentIds(10_000)];
  for (const id of ids) expect(id).toMatch(/^[a-z][0-9a-z]{23}$/);
  expect(new Set(ids).size).toBe(ids.length);
});
