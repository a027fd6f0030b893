export const PLUGIN_ID = 'settings';
export const PROVIDERS = ['openai', 'dalle', 'anthropic'] as const;
export type Provider = (typeof PROVIDERS)[number];
export const PROVIDER_LABELS: Record<Provider, string> = { openai: 'OpenAI (text)', dalle: 'DALL-E (images, through OpenAI)', anthropic: 'Anthropic' };

export const PERMISSIONS = {
  read: [{ action: 'plugin::settings.read', subject: null }],
  manage: [{ action: 'plugin::settings.manage', subject: null }],
  keys: [{ action: 'plugin::settings.keys.manage', subject: null }],
};

/** Shapes returned by the admin API (see server/src/controllers/admin.ts). Secrets never appear in them. */
export interface KeyInfo {
  configured: boolean;
  last4: string | null;
  keyVersion?: string | null;
  updatedAt?: string | null;
}
export interface IntegrationValues {
  openaiModel: string | null;
  openaiBaseUrl: string | null;
  anthropicModel: string | null;
  anthropicBaseUrl: string | null;
  imageModel: string | null;
  temperature: number | null;
  maxTokens: number | null;
  imageSize: string | null;
  imageQuality: string | null;
  imageStyle: string | null;
}
export type GlobalSettings = IntegrationValues & { keys: Record<Provider, KeyInfo> };
export type Override = IntegrationValues & { allowed: boolean; plan: string | null; exists: boolean; useOwnKeys: boolean; keys: Record<Provider, KeyInfo> };
export interface AccountRow {
  id: number;
  name: string;
  slug: string;
  plan?: { slug: string; allowsOwnApiKeys: boolean } | null;
}
export const TEXT_FIELDS: Array<{ name: keyof IntegrationValues; label: string }> = [
  { name: 'openaiModel', label: 'OpenAI text model' },
  { name: 'openaiBaseUrl', label: 'OpenAI base URL' },
  { name: 'imageModel', label: 'Image model' },
  { name: 'anthropicModel', label: 'Anthropic model' },
  { name: 'anthropicBaseUrl', label: 'Anthropic base URL' },
  { name: 'imageSize', label: 'Image size' },
  { name: 'imageQuality', label: 'Image quality' },
  { name: 'imageStyle', label: 'Image style' },
];
export const NUMBER_FIELDS: Array<{ name: keyof IntegrationValues; label: string; step: number }> = [
  { name: 'temperature', label: 'Temperature', step: 0.1 },
  { name: 'maxTokens', label: 'Max tokens', step: 1 },
];
