import { z } from 'zod';
import { MODULES, PROVIDERS } from '../domain/types';

const url = z
  .string()
  .trim()
  .max(500)
  .refine((v) => {
    try {
      return ['http:', 'https:'].includes(new URL(v).protocol);
    } catch {
      return false;
    }
  }, 'must be an http(s) URL');

const integrationShape = {
  openaiModel: z.string().trim().min(1, 'is required').max(100),
  openaiBaseUrl: url,
  anthropicModel: z.string().trim().min(1, 'is required').max(100),
  anthropicBaseUrl: url,
  imageModel: z.string().trim().min(1, 'is required').max(100),
  temperature: z.number({ error: 'must be a number' }).min(0, 'must be between 0 and 2').max(2, 'must be between 0 and 2'),
  maxTokens: z.number({ error: 'must be an integer' }).int('must be an integer').min(1, 'must be at least 1').max(200000, 'must be at most 200000'),
  imageSize: z.enum(['256x256', '512x512', '1024x1024', '1792x1024', '1024x1792'], { error: 'must be one of 256x256, 512x512, 1024x1024, 1792x1024, 1024x1792' }),
  imageQuality: z.enum(['standard', 'hd'], { error: 'must be standard or hd' }),
  imageStyle: z.enum(['natural', 'vivid'], { error: 'must be natural or vivid' }),
};

/** Global record: every field optional, base URLs may be cleared, others may not. */
export const globalBody = z.strictObject({
  ...Object.fromEntries(Object.entries(integrationShape).map(([k, s]) => [k, k.endsWith('BaseUrl') ? s.nullable().optional() : s.optional()])),
} as { [K in keyof typeof integrationShape]: z.ZodOptional<z.ZodNullable<(typeof integrationShape)[K]>> });

/** Override: every field nullable (null = use the global value), plus the switch. */
export const overrideBody = z.strictObject({
  useOwnKeys: z.boolean({ error: 'must be true or false' }).optional(),
  ...Object.fromEntries(Object.entries(integrationShape).map(([k, s]) => [k, s.nullable().optional()])),
} as { useOwnKeys: z.ZodOptional<z.ZodBoolean> } & { [K in keyof typeof integrationShape]: z.ZodOptional<z.ZodNullable<(typeof integrationShape)[K]>> });

export const providerParam = z.enum(PROVIDERS, { error: `must be one of ${PROVIDERS.join(', ')}` });

/** Messages never quote the value: it is a secret. */
export const keyBody = z.strictObject({
  apiKey: z
    .string({ error: 'must be a string' })
    .trim()
    .min(20, 'must be at least 20 characters')
    .max(400, 'must be at most 400 characters')
    .regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces'),
});

export const promptTypeParam = z.string().regex(/^[a-z][a-z0-9_]{0,59}$/, 'must be a prompt type such as content_generation');
export const promptBody = z.strictObject({ value: z.string({ error: 'must be a string' }).trim().min(1, 'is required').max(20000, 'must be at most 20000 characters') });
export const globalPromptBody = z.strictObject({
  value: z.string().trim().min(1, 'is required').max(20000).optional(),
  variables: z.array(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be variable names')).max(30).optional(),
  description: z.string().max(2000).optional(),
  active: z.boolean().optional(),
});

const category = z.enum(['saas', 'ecommerce', 'blog', 'technical', 'creative'], { error: 'must be one of saas, ecommerce, blog, technical, creative' });
const name = z.string().trim().min(2, 'must be at least 2 characters').max(120, 'must be at most 120 characters');

export const templateBodies = {
  'author-profiles': z.strictObject({
    name,
    description: z.string().max(2000).nullable().optional(),
    tone: z.string().max(200).nullable().optional(),
    language: z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/, 'must be a language code such as en or en-GB').nullable().optional(),
    structureTemplate: z.string().max(5000).nullable().optional(),
    category: category.nullable().optional(),
  }),
  strategies: z.strictObject({
    name,
    description: z.string().max(2000).nullable().optional(),
    promptTypes: z.array(promptTypeParam).max(20).nullable().optional(),
    sectionLogic: z.record(z.string(), z.unknown()).nullable().optional(),
    category: category.nullable().optional(),
  }),
};
export const templateChangeBodies = {
  'author-profiles': templateBodies['author-profiles'].partial(),
  strategies: templateBodies.strategies.partial(),
};
export const globalTemplateChangeBodies = {
  'author-profiles': templateBodies['author-profiles'].partial().extend({ active: z.boolean().optional() }),
  strategies: templateBodies.strategies.partial().extend({ active: z.boolean().optional() }),
};

export const cloneBody = z.strictObject({ templateDocumentId: z.string().trim().min(1, 'is required').max(64), name: name.optional() });
export const documentIdParam = z.string().regex(/^[a-z0-9]{10,40}$/, 'must be a documentId');
export const accountIdParam = z.coerce.number({ error: 'must be an account id' }).int().positive('must be an account id');

export const accountSettingsBody = z.strictObject({
  modules: z.strictObject(Object.fromEntries(MODULES.map((m) => [m, z.boolean({ error: 'must be true or false' }).nullable().optional()])) as Record<(typeof MODULES)[number], z.ZodOptional<z.ZodNullable<z.ZodBoolean>>>).optional(),
  publishing: z
    .strictObject({
      autoPublish: z.boolean({ error: 'must be true or false' }).nullable().optional(),
      defaultStatus: z.enum(['draft', 'publish'], { error: 'must be draft or publish' }).nullable().optional(),
      includeFeaturedImage: z.boolean({ error: 'must be true or false' }).nullable().optional(),
    })
    .optional(),
});

export const preferencesBody = z.strictObject({
  language: z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/, 'must be a language code such as en or en-GB').nullable().optional(),
  timezone: z.string().max(60).refine((tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'must be an IANA time zone such as Europe/Berlin').nullable().optional(),
  emailNotifications: z.boolean({ error: 'must be true or false' }).nullable().optional(),
  defaultAuthorProfile: z.string().max(64).nullable().optional(),
  defaultStrategy: z.string().max(64).nullable().optional(),
});
