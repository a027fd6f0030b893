/**
 * The shapes providers and operations work with. No Strapi and no SDK here: providers are adapters
 * behind these interfaces, so a new vendor (or an OpenAI-compatible endpoint) is one registry entry.
 */

/** Which stored key pays for a call (the settings plugin's provider names). */
export type KeyProvider = 'openai' | 'dalle' | 'anthropic';

/** What a provider is given to call out: resolved by the settings plugin, never logged. */
export interface ProviderCall {
  apiKey: string;
  baseUrl: string | null;
  timeoutMs: number;
  /** SDK-level retries. 0 by default: every retry decision is the job's, by error kind (no 3×3 stacking). */
  maxRetries: number;
}

export interface ChatMessage {
  role: 'user' | 'assistant';
  content: string;
}

export interface ChatRequest {
  model: string;
  system: string;
  messages: ChatMessage[];
  /** The output's name and JSON Schema (OpenAI `response_format.json_schema`). */
  schemaName: string;
  jsonSchema: Record<string, unknown>;
  temperature?: number;
  maxTokens?: number;
}

export interface ChatResult {
  text: string;
  model: string;
  inputTokens: number;
  outputTokens: number;
  /** The provider's answer, for the (redacted) run log. */
  raw: unknown;
}

export interface ImageRequest {
  model: string;
  prompt: string;
  size?: string;
  quality?: string;
  style?: string;
}

export interface ImageResult {
  /** The image bytes. */
  data: Buffer;
  mime: string;
  model: string;
  revisedPrompt?: string | null;
  raw: unknown;
}

interface ProviderBase {
  /** Registry key, e.g. `openai-chat`. */
  name: string;
  /** Provider name recorded on runs, usage rows and provenance (`openai`, `anthropic`). */
  vendor: string;
  /** The settings plugin's key (and base URL) this provider calls with. */
  keyProvider: KeyProvider;
  /** The model to use when the run does not name one, from the effective integration settings. */
  defaultModel(settings: Record<string, unknown>): string;
}

export interface ChatProvider extends ProviderBase {
  kind: 'chat';
  chat(call: ProviderCall, request: ChatRequest): Promise<ChatResult>;
}

export interface ImageProvider extends ProviderBase {
  kind: 'image';
  image(call: ProviderCall, request: ImageRequest): Promise<ImageResult>;
}

export type AiProvider = ChatProvider | ImageProvider;

/** What the run produced, recorded on the run and returned by the API. */
export interface Produced {
  type: string;
  id: number;
  documentId?: string;
}

/** Recorded on everything a run produces. */
export interface Provenance {
  runId: number;
  function: string;
  provider: string | null;
  model: string | null;
  promptType: string | null;
  promptSource: string | null;
  promptVersion: number | null;
  inputTokens: number;
  outputTokens: number;
  credits: number;
  generatedAt: string;
}
