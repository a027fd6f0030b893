/**
 * Prompt rules: which prompt is in force for an account, and rendering with declared variables only.
 * Placeholders are `{name}` (letters, digits, underscore). `{{` and `}}` are literal braces.
 */
export interface GlobalPromptData {
  promptType: string;
  value: string;
  variables: string[];
  version: number;
  active: boolean;
}

export interface AccountPromptData {
  promptType: string;
  value: string;
  isCustomized: boolean;
  /** The global version this customisation started from. */
  baseVersion: number | null;
}

export type PromptSource = 'task' | 'account' | 'global';

export interface EffectivePrompt {
  promptType: string;
  value: string;
  variables: string[];
  source: PromptSource;
  globalVersion: number | null;
  baseVersion: number | null;
  /** The account's customisation is based on an older global version than the current one. */
  drifted: boolean;
}

export class PromptError extends Error {
  name = 'PromptError';
  constructor(
    message: string,
    readonly details: { missing?: string[]; unknown?: string[]; undeclared?: string[] } = {}
  ) {
    super(message);
  }
}

const PLACEHOLDER = /\{\{|\}\}|\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/** Every placeholder a template uses, in order of first appearance. */
export const placeholdersOf = (template: string): string[] => {
  const found = new Set<string>();
  for (const match of template.matchAll(PLACEHOLDER)) if (match[1]) found.add(match[1]);
  return [...found];
};

/** A template may only use the variables its prompt type declares. */
export const assertTemplateUsesDeclared = (template: string, declared: string[]) => {
  const undeclared = placeholdersOf(template).filter((p) => !declared.includes(p));
  if (undeclared.length) throw new PromptError(`uses undeclared variables: ${undeclared.join(', ')}`, { undeclared });
};

/**
 * Renders `template`: every declared variable must be supplied (a missing one would send a literal
 * `{keyword}` to the model) and nothing undeclared may be passed (a typo would silently drop data).
 */
export const renderPrompt = (args: { template: string; declared: string[]; values: Record<string, string | number> }): string => {
  const { template, declared, values } = args;
  const missing = declared.filter((v) => values[v] === undefined || values[v] === null);
  const unknown = Object.keys(values).filter((v) => !declared.includes(v));
  if (missing.length || unknown.length) {
    const parts = [missing.length ? `missing ${missing.join(', ')}` : '', unknown.length ? `unknown ${unknown.join(', ')}` : ''].filter(Boolean);
    throw new PromptError(`prompt variables: ${parts.join('; ')}`, { missing, unknown });
  }
  assertTemplateUsesDeclared(template, declared);
  return template.replace(PLACEHOLDER, (whole, name?: string) => (whole === '{{' ? '{' : whole === '}}' ? '}' : String(values[name!])));
};

/** Task override, else the account's customised prompt, else the active global one. */
export const effectivePrompt = (args: {
  global: GlobalPromptData | null;
  account: AccountPromptData | null;
  taskOverride?: string | null;
}): EffectivePrompt | null => {
  const { global, account, taskOverride } = args;
  if (!global || !global.active) {
    // Without an active global prompt there are no declared variables to check against.
    return null;
  }
  const customised = account?.isCustomized ? account : null;
  const base = {
    promptType: global.promptType,
    variables: global.variables,
    globalVersion: global.version,
    baseVersion: customised?.baseVersion ?? null,
    drifted: !!customised && (customised.baseVersion ?? 0) < global.version,
  };
  if (taskOverride) return { ...base, value: taskOverride, source: 'task' };
  if (customised) return { ...base, value: customised.value, source: 'account' };
  return { ...base, value: global.value, source: 'global' };
};

/** The account row after customising: records the global version it started from. */
export const customisePrompt = (global: GlobalPromptData, value: string): AccountPromptData => {
  assertTemplateUsesDeclared(value, global.variables);
  return { promptType: global.promptType, value, isCustomized: true, baseVersion: global.version };
};

/** Reset discards the customisation: the account follows the global prompt again. */
export const resetPrompt = (global: GlobalPromptData): AccountPromptData => ({
  promptType: global.promptType,
  value: global.value,
  isCustomized: false,
  baseVersion: global.version,
});
