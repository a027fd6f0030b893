import * as React from 'react';
import { Box, Button, Field, Flex, SingleSelect, SingleSelectOption, Textarea, Typography } from '@strapi/design-system';
import { useNotification } from '@strapi/strapi/admin';
import type { CreditAdjustment } from '../../../shared/contracts/desk';
import { useCreditAdjustment } from '../hooks/useCreditAdjustment';
import { errorMessage } from '../utils/errorMessage';
import { BalanceSummary } from './BalanceSummary';

interface Values {
  accountId: string;
  pool: CreditAdjustment.Pool;
  amount: string;
  reason: string;
}

const EMPTY: Values = { accountId: '', pool: 'bonus', amount: '', reason: '' };

/** Client-side checks mirroring the API's (it checks again and names the field). */
const check = (v: Values) => {
  const errors: Partial<Record<keyof Values, string>> = {};
  if (!/^[1-9]\d*$/.test(v.accountId.trim())) errors.accountId = 'An account id (a positive whole number)';
  if (!/^[-+]?[1-9]\d*$/.test(v.amount.trim())) errors.amount = 'A non-zero whole number; negative subtracts';
  if (v.reason.trim().length < 3) errors.reason = 'Required (at least 3 characters)';
  return errors;
};

/** Staff add or subtract credits on one pool of an account, with a required reason. */
export const CreditAdjustmentForm = () => {
  const adjust = useCreditAdjustment();
  const { toggleNotification } = useNotification();
  const [values, setValues] = React.useState<Values>(EMPTY);
  const [touched, setTouched] = React.useState(false);
  const [busy, setBusy] = React.useState(false);
  const [result, setResult] = React.useState<{ accountId: number; balance: CreditAdjustment.Balance; replayed: boolean } | null>(null);
  const errors = check(values);
  const shown = touched ? errors : {};
  const set = (name: keyof Values) => (value: string) => setValues((prev) => ({ ...prev, [name]: value }));

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (Object.keys(errors).length || busy) return;
    setBusy(true);
    const accountId = Number(values.accountId);
    try {
      const data = await adjust(accountId, { pool: values.pool, amount: Number(values.amount), reason: values.reason.trim() });
      setResult({ accountId, balance: data.balance, replayed: data.replayed });
      toggleNotification({ type: 'success', message: `Adjusted account #${accountId}: ${Number(values.amount) > 0 ? '+' : ''}${values.amount} ${values.pool} credits` });
      setValues((prev) => ({ ...prev, amount: '', reason: '' }));
      setTouched(false);
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box background="neutral0" shadow="tableShadow" hasRadius padding={6}>
      <form onSubmit={submit} data-testid="adjustment-form" noValidate>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <Typography tag="h2" variant="delta">
            Adjust an account's credits
          </Typography>
          <Flex gap={4} alignItems="flex-start" wrap="wrap">
            <Field.Root name="accountId" required error={shown.accountId}>
              <Field.Label>Account id</Field.Label>
              <Field.Input name="accountId" inputMode="numeric" value={values.accountId} onChange={(e) => set('accountId')(e.target.value)} />
              <Field.Error />
            </Field.Root>
            <Field.Root name="pool" required>
              <Field.Label>Pool</Field.Label>
              <SingleSelect value={values.pool} onChange={(v) => set('pool')(String(v))}>
                <SingleSelectOption value="bonus">Bonus</SingleSelectOption>
                <SingleSelectOption value="plan">Plan</SingleSelectOption>
              </SingleSelect>
            </Field.Root>
            <Field.Root name="amount" required error={shown.amount} hint="Negative subtracts">
              <Field.Label>Amount (credits)</Field.Label>
              <Field.Input name="amount" inputMode="numeric" value={values.amount} onChange={(e) => set('amount')(e.target.value)} />
              <Field.Hint />
              <Field.Error />
            </Field.Root>
          </Flex>
          <Field.Root name="reason" required error={shown.reason}>
            <Field.Label>Reason</Field.Label>
            <Textarea name="reason" value={values.reason} onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => set('reason')(e.target.value)} />
            <Field.Error />
          </Field.Root>
          <Flex>
            <Button type="submit" loading={busy} disabled={busy}>
              Apply adjustment
            </Button>
          </Flex>
          {result && <BalanceSummary {...result} />}
        </Flex>
      </form>
    </Box>
  );
};
