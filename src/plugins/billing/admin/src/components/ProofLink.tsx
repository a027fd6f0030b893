import { Typography } from '@strapi/design-system';

/** The tenant's proof of payment, opened in a new tab; only http(s) URLs are linked. */
export const ProofLink = ({ url }: { url: string | null }) => {
  if (!url || !/^https?:\/\//i.test(url)) return <Typography textColor="neutral500">-</Typography>;
  return (
    <a href={url} target="_blank" rel="noopener noreferrer" data-testid="proof-link">
      <Typography textColor="primary600">View proof</Typography>
    </a>
  );
};
