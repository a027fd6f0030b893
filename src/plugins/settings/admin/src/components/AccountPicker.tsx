import * as React from 'react';
import { Combobox, ComboboxOption, Field } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import type { AccountRow } from '../constants';

/** Searches accounts by name or slug (GET /settings/accounts?q=). */
export const AccountPicker = ({ onSelect }: { onSelect: (account: AccountRow | null) => void }) => {
  const { get } = useFetchClient();
  const [query, setQuery] = React.useState('');
  const [rows, setRows] = React.useState<AccountRow[]>([]);
  const [selected, setSelected] = React.useState<string | undefined>();

  React.useEffect(() => {
    let cancelled = false;
    const timer = setTimeout(async () => {
      const { data } = await get<{ data: AccountRow[] }>(`/settings/accounts?q=${encodeURIComponent(query)}`);
      if (!cancelled) setRows(data.data);
    }, 200);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [query]);

  return (
    <Field.Root name="account">
      <Field.Label>Account</Field.Label>
      <Combobox
        placeholder="Search accounts by name or slug"
        value={selected}
        onInputChange={(e: React.ChangeEvent<HTMLInputElement>) => setQuery(e.target.value)}
        onChange={(value?: string) => {
          setSelected(value);
          onSelect(rows.find((r) => String(r.id) === value) ?? null);
        }}
      >
        {rows.map((r) => (
          <ComboboxOption key={r.id} value={String(r.id)}>
            {`${r.name} (${r.slug}, plan ${r.plan?.slug ?? 'none'}${r.plan?.allowsOwnApiKeys ? ', own keys allowed' : ''})`}
          </ComboboxOption>
        ))}
      </Combobox>
    </Field.Root>
  );
};
