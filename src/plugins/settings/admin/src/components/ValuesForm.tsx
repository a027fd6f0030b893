import * as React from 'react';
import { Box, Button, Field, Flex, Grid, NumberInput, Toggle, Typography } from '@strapi/design-system';
import { NUMBER_FIELDS, TEXT_FIELDS, type IntegrationValues } from '../constants';

interface Props {
  initial: IntegrationValues & { useOwnKeys?: boolean };
  /** Override forms: empty means "use the global value" (sent as null) and show the switch. */
  override?: boolean;
  canWrite: boolean;
  onSubmit: (values: Record<string, unknown>) => Promise<void>;
}

/** The non-secret integration values. Field errors from the API (400 with paths) show under each field. */
export const ValuesForm = ({ initial, override, canWrite, onSubmit }: Props) => {
  const [values, setValues] = React.useState<Record<string, any>>(initial);
  const [errors, setErrors] = React.useState<Record<string, string>>({});
  const [saving, setSaving] = React.useState(false);
  React.useEffect(() => setValues(initial), [initial]);

  const submit = async () => {
    setSaving(true);
    setErrors({});
    const payload: Record<string, unknown> = {};
    for (const { name } of [...TEXT_FIELDS, ...NUMBER_FIELDS]) {
      const v = values[name];
      payload[name] = v === '' || v === undefined ? null : v;
    }
    if (override) payload.useOwnKeys = !!values.useOwnKeys;
    try {
      await onSubmit(payload);
    } catch (e: any) {
      const details = e?.response?.data?.error?.details?.errors ?? [];
      setErrors(Object.fromEntries(details.map((d: any) => [d.path.join('.'), d.message])));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Box>
      {override ? (
        <Box paddingBottom={4}>
          <Field.Root name="useOwnKeys" hint="When on (and the plan allows it), non-empty values and keys below replace the platform's.">
            <Field.Label>Use the account's own keys and settings</Field.Label>
            <Toggle
              onLabel="On"
              offLabel="Off"
              checked={!!values.useOwnKeys}
              disabled={!canWrite}
              onChange={(e: React.ChangeEvent<HTMLInputElement>) => setValues({ ...values, useOwnKeys: e.target.checked })}
            />
            <Field.Hint />
          </Field.Root>
        </Box>
      ) : null}
      <Grid.Root gap={4}>
        {TEXT_FIELDS.map(({ name, label }) => (
          <Grid.Item key={name} col={6} s={12} direction="column" alignItems="stretch">
            <Field.Root name={name} error={errors[name]} hint={override ? 'Empty: use the global value' : undefined}>
              <Field.Label>{label}</Field.Label>
              <Field.Input
                value={values[name] ?? ''}
                disabled={!canWrite}
                onChange={(e: React.ChangeEvent<HTMLInputElement>) => setValues({ ...values, [name]: e.target.value })}
              />
              <Field.Hint />
              <Field.Error />
            </Field.Root>
          </Grid.Item>
        ))}
        {NUMBER_FIELDS.map(({ name, label, step }) => (
          <Grid.Item key={name} col={6} s={12} direction="column" alignItems="stretch">
            <Field.Root name={name} error={errors[name]} hint={override ? 'Empty: use the global value' : undefined}>
              <Field.Label>{label}</Field.Label>
              <NumberInput
                step={step}
                value={values[name] ?? undefined}
                disabled={!canWrite}
                onValueChange={(v: number | undefined) => setValues({ ...values, [name]: v ?? null })}
              />
              <Field.Hint />
              <Field.Error />
            </Field.Root>
          </Grid.Item>
        ))}
      </Grid.Root>
      <Flex paddingTop={4} gap={2}>
        <Button onClick={submit} loading={saving} disabled={!canWrite}>Save settings</Button>
        {Object.keys(errors).length ? <Typography textColor="danger600">Fix the fields marked above.</Typography> : null}
      </Flex>
    </Box>
  );
};
