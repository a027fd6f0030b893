import { Button, Flex, Typography } from '@strapi/design-system';
import type { Desk } from '../../../shared/contracts/desk';

/** Previous / next over a list's pagination meta (`noun`: what the list holds, singular). */
export const Pager = ({ pagination, onPage, noun = 'payment' }: { pagination: Desk.Pagination; onPage: (page: number) => void; noun?: string }) => {
  const { page, pageCount, total } = pagination;
  return (
    <Flex justifyContent="space-between" paddingTop={4}>
      <Typography variant="pi" textColor="neutral600">
        {total} {noun}{total === 1 ? '' : 's'}, page {Math.min(page, Math.max(pageCount, 1))} of {Math.max(pageCount, 1)}
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
