import * as React from 'react';
import { Box, Button, Flex, Grid, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { errorMessage } from '../../../../billing/admin/src/utils/errorMessage';
import type { PublishingRecord } from '../types';
import { TextField } from './TextField';

/**
 * Staff publish (or unpublish) any account's content to its site (`POST /publishing/contents/:documentId/
 * publish|unpublish`, plugin::publishing.manage on the server). The request is queued: the answer is the
 * pending record, which then shows in the list below.
 */
export const PublishContentForm = ({ onRequested }: { onRequested: () => void }) => {
  const { post } = useFetchClient();
  const [contentId, setContentId] = React.useState('');
  const [scheduledAt, setScheduledAt] = React.useState('');
  const [busy, setBusy] = React.useState<'publish' | 'unpublish' | null>(null);
  const [outcome, setOutcome] = React.useState<{ tone: 'success600' | 'danger600'; text: string } | null>(null);

  const send = async (action: 'publish' | 'unpublish') => {
    setBusy(action);
    setOutcome(null);
    try {
      const id = contentId.trim();
      if (!id) throw new Error('documentId: is required');
      const body = action === 'publish' && scheduledAt.trim() ? { scheduledAt: scheduledAt.trim() } : {};
      const { data } = await post<{ data: PublishingRecord; meta: { replayed: boolean } }>(`/publishing/contents/${encodeURIComponent(id)}/${action}`, body);
      const r = data.data;
      setOutcome({ tone: 'success600', text: `${data.meta.replayed ? 'Already requested' : 'Requested'}: record #${r.id}, ${r.action}, ${r.status}${r.scheduledFor ? ` (scheduled for ${new Date(r.scheduledFor).toLocaleString()})` : ''}` });
      onRequested();
    } catch (error) {
      setOutcome({ tone: 'danger600', text: errorMessage(error) });
    } finally {
      setBusy(null);
    }
  };

  return (
    <Box background="neutral0" padding={4} hasRadius shadow="tableShadow" data-testid="publish-content-form">
      <Flex direction="column" alignItems="stretch" gap={3}>
        <Typography variant="delta" tag="h2">
          Publish a content
        </Typography>
        <Grid.Root gap={3}>
          <Grid.Item col={6} s={12}>
            <TextField name="contentDocumentId" label="Content (documentId)" value={contentId} onChange={setContentId} hint="Any account's content; it goes to its site's connected WordPress" required />
          </Grid.Item>
          <Grid.Item col={6} s={12}>
            <TextField name="scheduledAt" label="Publish at (optional)" placeholder="2026-12-01T09:00:00Z" value={scheduledAt} onChange={setScheduledAt} hint="An ISO date; empty publishes now" />
          </Grid.Item>
        </Grid.Root>
        <Flex gap={2}>
          <Button loading={busy === 'publish'} disabled={busy !== null} onClick={() => send('publish')}>
            Publish
          </Button>
          <Button variant="secondary" loading={busy === 'unpublish'} disabled={busy !== null} onClick={() => send('unpublish')}>
            Unpublish
          </Button>
        </Flex>
        {outcome && (
          <Typography textColor={outcome.tone} data-testid="publish-outcome">
            {outcome.text}
          </Typography>
        )}
      </Flex>
    </Box>
  );
};
