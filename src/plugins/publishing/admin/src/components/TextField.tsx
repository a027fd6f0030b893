import { Field, TextInput } from '@strapi/design-system';

/** A labelled text input of the staff forms (the label names the field the server's 400 would name). */
export const TextField = (props: { name: string; label: string; value: string; onChange: (value: string) => void; hint?: string; type?: 'text' | 'password'; placeholder?: string; required?: boolean }) => (
  <Field.Root name={props.name} id={`publishing-${props.name}`} hint={props.hint} required={props.required}>
    <Field.Label>{props.label}</Field.Label>
    <TextInput
      type={props.type ?? 'text'}
      autoComplete={props.type === 'password' ? 'new-password' : 'off'}
      placeholder={props.placeholder}
      value={props.value}
      onChange={(e: React.ChangeEvent<HTMLInputElement>) => props.onChange(e.target.value)}
    />
    {props.hint && <Field.Hint />}
  </Field.Root>
);
