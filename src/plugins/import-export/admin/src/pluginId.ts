export const PLUGIN_ID = 'import-export';

/** The admin routes enforce the same actions server-side (and the Content Manager permissions on the type). */
export const PERMISSIONS = {
  export: [{ action: 'plugin::import-export.export', subject: null }],
  import: [{ action: 'plugin::import-export.import', subject: null }],
};
