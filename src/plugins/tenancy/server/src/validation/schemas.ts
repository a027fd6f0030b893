import { z } from 'zod';
import { ACCOUNT_ROLES } from '../domain/roles';

const name = z.string().trim().min(2, 'must be at least 2 characters').max(120, 'must be at most 120 characters');

export const signupExtras = z.strictObject({ accountName: name.optional() });

export const updateAccountBody = z.strictObject({
  name: name.optional(),
  billingEmail: z.email('must be an email address').nullable().optional(),
  billingAddress: z.string().max(1000).nullable().optional(),
  billingCountry: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166 two-letter country code').nullable().optional(),
});

const assignableRole = z.enum(ACCOUNT_ROLES.filter((r) => r !== 'owner') as ['admin', 'editor', 'viewer'], {
  error: 'must be one of admin, editor, viewer',
});

export const addMemberBody = z.strictObject({
  username: z.string().trim().min(3, 'must be at least 3 characters').max(60),
  email: z.email('must be an email address').max(254),
  password: z.string().min(8, 'must be at least 8 characters').max(128),
  role: assignableRole,
});

export const updateMemberBody = z.strictObject({ role: assignableRole });

export const memberIdParam = z.coerce.number({ error: 'must be a user id' }).int().positive('must be a user id');

export const createApiKeyBody = z.strictObject({
  name: z.string().trim().min(1, 'is required').max(80),
  role: assignableRole.default('editor'),
  expiresAt: z.iso.datetime({ error: 'must be an ISO 8601 date-time' }).nullable().optional(),
});

export const apiKeyIdParam = memberIdParam;
