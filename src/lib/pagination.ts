/** The `meta` of a paged list, in the shape Strapi's REST API answers with. */
export const paginationMeta = ({ page, pageSize }: { page: number; pageSize: number }, total: number) => ({
  pagination: { page, pageSize, pageCount: Math.ceil(total / pageSize), total },
});
