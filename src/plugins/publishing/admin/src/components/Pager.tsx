import { Button, Flex, Typography } from '@strapi/design-system';
import type { Pagination } from '../types';

/** Previous / next over the records list's pagination meta. */
export const Pager = ({ pagination, onPage }: { pagination: Pagination; onPage: (page: number) => void }) => {
  const { page, pageCount, total } = pagination;
  return (
    <Flex justifyContent="space-between" paddingTop={4}>
      <Typography variant="pi" textColor="neutral600">
        {total} record{total === 1 ? '' : 's'}, page {Math.min(page, Math.max(pageCount, 1))} of {Math.max(pageCount, 1)}
      </Typography>
      <Flex gap={2}>
        <Button variant="tertiary" size="S" disabled={page <= 1} onClick={() => onPage(page - 1)}>
          Previous
        </Button>
        <Button variant="tertiary" size="S" disabled={page >= pageCount} onClick={() => onPage(page + 1)}>
          Next
        </Button>
      </Flex>
    </Flex>
  );
};
