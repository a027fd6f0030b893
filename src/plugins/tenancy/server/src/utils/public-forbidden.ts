import { errors } from '@strapi/utils';

/**
 * A 403 whose message and details reach the client. Strapi's route `authorize` middleware wraps the
 * whole handler chain and turns any downstream ForbiddenError into a bare "Forbidden" (empty details)
 * unless it is a PolicyError; so this is a PolicyError that still reports itself as a ForbiddenError.
 */
export class PublicForbiddenError extends errors.PolicyError {
  constructor(message?: string, details?: Record<string, unknown>) {
    super(message, details);
    (this as { name: string }).name = 'ForbiddenError';
  }
}
