import { errors } from '@strapi/utils';

/** A 400 in Strapi's validation shape, naming one field. */
export const fieldError = (field: string, message: string) =>
  new errors.ValidationError(`${field}: ${message}`, { errors: [{ path: [field], message, name: 'ValidationError' }] });

/**
 * A 403 whose message and details reach the client (Strapi's route `authorize` middleware reduces a
 * plain ForbiddenError raised inside a handler to a bare "Forbidden"; see tenancy's public-forbidden).
 */
export class PublicForbiddenError extends errors.PolicyError {
  constructor(message?: string, details?: Record<string, unknown>) {
    super(message, details);
    (this as { name: string }).name = 'ForbiddenError';
  }
}

/** Removes every occurrence of the given secrets from a message before it is logged or returned. */
export const redact = (message: string, secrets: Array<string | null | undefined>) =>
  secrets.reduce<string>((m, s) => (s && s.length >= 4 ? m.split(s).join('[redacted]') : m), message);
