import { Field, TextInput } from '@strapi/design-system';

/** An account id to narrow the lists to; empty means every account. */
export const AccountFilter = ({ value, onChange, id }: { value: string; onChange: (value: string) => void; id: string }) => (
  <Field.Root name="accountId" id={id} hint="Empty: every account">
    <Field.Label>Account id</Field.Label>
    <TextInput inputMode="numeric" value={value} onChange={(e: React.ChangeEvent<HTMLInputElement>) => onChange(e.target.value.replace(/\D/g, ''))} />
    <Field.Hint />
  </Field.Root>
);
