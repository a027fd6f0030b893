/** Plain data the settings rules work on. No Strapi, no I/O: rows are mapped into these shapes by services. */

export const PROVIDERS = ['openai', 'dalle', 'anthropic'] as const;
export type Provider = (typeof PROVIDERS)[number];
export const isProvider = (value: unknown): value is Provider => typeof value === 'string' && (PROVIDERS as readonly string[]).includes(value);

export const MODULES = ['planner', 'writer', 'thinker', 'automation'] as const;
export type ModuleName = (typeof MODULES)[number];

/** The non-secret integration fields, global and (nullable) in an account override. */
export const INTEGRATION_FIELDS = [
  'openaiModel',
  'openaiBaseUrl',
  'anthropicModel',
  'anthropicBaseUrl',
  'imageModel',
  'temperature',
  'maxTokens',
  'imageSize',
  'imageQuality',
  'imageStyle',
] as const;
export type IntegrationField = (typeof INTEGRATION_FIELDS)[number];

export interface IntegrationValues {
  openaiModel: string;
  openaiBaseUrl: string | null;
  anthropicModel: string;
  anthropicBaseUrl: string | null;
  imageModel: string;
  temperature: number;
  maxTokens: number;
  imageSize: string;
  imageQuality: string;
  imageStyle: string;
}

/** What is known about a stored secret without decrypting it. */
export interface SecretInfo {
  configured: boolean;
  last4: string | null;
}

export interface GlobalSettingsData {
  values: IntegrationValues;
  keys: Record<Provider, SecretInfo>;
}

export interface OverrideData {
  useOwnKeys: boolean;
  values: Partial<{ [K in IntegrationField]: IntegrationValues[K] | null }>;
  keys: Partial<Record<Provider, SecretInfo>>;
}

export interface PlanData {
  slug: string | null;
  allowsOwnApiKeys: boolean;
  /** Plan features, e.g. ['planner', 'writer', 'publishing']: a module the plan lacks stays off. */
  features: string[];
}

export interface PublishingPrefs {
  autoPublish: boolean;
  defaultStatus: 'draft' | 'publish';
  includeFeaturedImage: boolean;
}

export interface AccountSettingsData {
  modules: Partial<Record<ModuleName, boolean>>;
  publishing: Partial<PublishingPrefs>;
}

export type Source = 'global' | 'account' | 'plan';
export type KeySource = 'platform' | 'account';

export interface Sourced<T> {
  value: T;
  source: Source;
}
