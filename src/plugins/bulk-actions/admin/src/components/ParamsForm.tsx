import { Field, NumberInput, SingleSelect, SingleSelectOption, TextInput } from '@strapi/design-system';
import type { JsonField } from '../api';

/** A form for an action's parameters, from the JSON Schema the server derived from its zod schema. */
export const ParamsForm = ({ schema, value, onChange }: { schema: { properties?: Record<string, JsonField>; required?: string[] }; value: Record<string, unknown>; onChange: (next: Record<string, unknown>) => void }) => (
  <>
    {Object.entries(schema.properties ?? {}).map(([name, field]) => {
      const label = field.description ?? name;
      const set = (v: unknown) => onChange({ ...value, [name]: v });
      return (
        <Field.Root key={name} name={name} required={schema.required?.includes(name)} paddingBottom={3}>
          <Field.Label>{label}</Field.Label>
          {field.enum ? (
            <SingleSelect value={(value[name] as string) ?? (field.default as string) ?? ''} onChange={(v) => set(String(v))}>
              {field.enum.map((option) => (
                <SingleSelectOption key={option} value={option}>
                  {option}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          ) : field.type === 'integer' || field.type === 'number' ? (
            <NumberInput value={value[name] as number | undefined} onValueChange={(v: number | undefined) => set(v)} />
          ) : (
            <TextInput value={(value[name] as string) ?? ''} onChange={(e: React.ChangeEvent<HTMLInputElement>) => set(e.target.value)} />
          )}
        </Field.Root>
      );
    })}
  </>
);
