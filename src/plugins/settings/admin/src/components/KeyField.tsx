import * as React from 'react';
import { Badge, Button, Field, Flex, Typography } from '@strapi/design-system';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { PROVIDER_LABELS, type KeyInfo, type Provider } from '../constants';

interface Props {
  provider: Provider;
  info: KeyInfo;
  /** Base path of the key endpoints, e.g. `/settings/global` or `/settings/accounts/12/override`. */
  basePath: string;
  /** Path of the connection test, or none. */
  testPath?: string;
  canWrite: boolean;
  onChanged: () => void;
}

/**
 * A write-only key: shows only whether a key is configured and its last four characters. A new key is
 * typed into a password field, sent once, and the field is cleared; nothing ever fills it back.
 */
export const KeyField = ({ provider, info, basePath, testPath, canWrite, onChanged }: Props) => {
  const { put, del, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [value, setValue] = React.useState('');
  const [busy, setBusy] = React.useState<null | 'save' | 'remove' | 'test'>(null);
  const [error, setError] = React.useState<string | undefined>();

  const run = async (kind: 'save' | 'remove' | 'test', fn: () => Promise<unknown>) => {
    setBusy(kind);
    setError(undefined);
    try {
      await fn();
    } catch (e: any) {
      setError(e?.response?.data?.error?.message ?? e?.message ?? 'Request failed');
    } finally {
      setBusy(null);
    }
  };

  const save = () =>
    run('save', async () => {
      await put(`${basePath}/keys/${provider}`, { apiKey: value });
      setValue('');
      toggleNotification({ type: 'success', message: `${PROVIDER_LABELS[provider]} key saved` });
      onChanged();
    });
  const remove = () =>
    run('remove', async () => {
      await del(`${basePath}/keys/${provider}`);
      toggleNotification({ type: 'info', message: `${PROVIDER_LABELS[provider]} key removed` });
      onChanged();
    });
  const test = () =>
    run('test', async () => {
      const { data } = await post<{ data: { ok: boolean; models?: number; modelAvailable?: boolean; ms: number; error?: string } }>(testPath!, {});
      const r = data.data;
      toggleNotification(
        r.ok
          ? { type: 'success', message: `${PROVIDER_LABELS[provider]}: connected (${r.models} models${r.modelAvailable ? ', configured model available' : ', configured model NOT listed'}, ${r.ms} ms)` }
          : { type: 'danger', message: `${PROVIDER_LABELS[provider]}: ${r.error}` }
      );
    });

  return (
    <Field.Root name={`key-${provider}`} error={error} hint="Write-only: a saved key is never shown again.">
      <Field.Label>{PROVIDER_LABELS[provider]} API key</Field.Label>
      <Flex gap={2} alignItems="center" paddingBottom={1}>
        {info.configured ? <Badge active>configured ••••{info.last4 ?? ''}</Badge> : <Badge>not configured</Badge>}
        {info.keyVersion ? <Typography variant="pi" textColor="neutral600">encryption key {info.keyVersion}</Typography> : null}
      </Flex>
      <Flex gap={2}>
        <Field.Input
          type="password"
          autoComplete="new-password"
          placeholder={info.configured ? 'Type a new key to replace it' : 'Paste the key'}
          value={value}
          disabled={!canWrite}
          onChange={(e: React.ChangeEvent<HTMLInputElement>) => setValue(e.target.value)}
        />
        <Button onClick={save} disabled={!canWrite || value.length < 20} loading={busy === 'save'}>Save key</Button>
        <Button variant="danger-light" onClick={remove} disabled={!canWrite || !info.configured} loading={busy === 'remove'}>Remove</Button>
        {testPath ? (
          <Button variant="secondary" onClick={test} disabled={!canWrite || !info.configured} loading={busy === 'test'}>Test connection</Button>
        ) : null}
      </Flex>
      <Field.Hint />
      <Field.Error />
    </Field.Root>
  );
};
