export const PERMISSIONS = { read: 'plugin::audit.entries.read' } as const;

export const PERMISSION_DEFINITIONS = [{ section: 'plugins', displayName: 'Read the audit trail', uid: 'entries.read', pluginName: 'audit' }];
