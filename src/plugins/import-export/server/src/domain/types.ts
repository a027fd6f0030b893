/**
 * Import/export "datasets": which content types can be exported, which can also be imported, and the
 * natural key an import upserts by. Everything else (the columns, their types, the readable key of
 * each relation) is derived from the Strapi schema and the database metadata.
 */
export interface DatasetDefinition {
  /** Content type uid (`api::keyword.keyword`). */
  uid: string;
  /** true: import and export; false: export only (logs, payments, anything with a lifecycle of its own). */
  import: boolean;
  /**
   * Attributes that identify a record for an upsert: scalars (compared trimmed, case-insensitive) and
   * to-one relations (compared by the resolved target). Tenant-owned types get `account` added.
   */
  naturalKey?: string[];
  /**
   * The attribute other types show when they refer to this one (a keyword's `site` column holds the
   * site's `domain`). Default: the first natural-key attribute, else slug, email, name, title...
   */
  label?: string;
  /** Exported, never written by an import (balances, computed counters, ownership). */
  readOnly?: string[];
  /** Never exported nor imported (secrets beyond `private` attributes, large blobs). */
  exclude?: string[];
}

export type ScalarType = 'text' | 'integer' | 'bigint' | 'decimal' | 'float' | 'boolean' | 'date' | 'datetime' | 'time' | 'json';

export interface ScalarColumn {
  kind: 'scalar';
  /** Attribute name, also the header of the exported column. */
  name: string;
  dbColumn: string;
  type: ScalarType;
  /** Strapi attribute type (`enumeration`, `email`, `uid`...). */
  attributeType: string;
  required: boolean;
  enum?: string[];
  min?: number;
  max?: number;
  maxLength?: number;
  /** The schema default, written on create when the file has no such column. */
  default?: unknown;
  readOnly: boolean;
}

export interface RelationColumn {
  kind: 'relation';
  name: string;
  target: string;
  toMany: boolean;
  required: boolean;
  readOnly: boolean;
  /** The link table Strapi keeps the relation in. */
  link: { table: string; own: string; other: string; inverseOrder?: string; order?: string };
  /** The target's readable key. */
  label: { attribute: string; table: string; column: string; softDeletes: boolean; tenantOwned: boolean };
}

export type Column = ScalarColumn | RelationColumn;

/** A dataset with its derived columns: what export writes and import reads. */
export interface ResolvedDataset {
  uid: string;
  table: string;
  import: boolean;
  softDeletes: boolean;
  tenantOwned: boolean;
  naturalKey: string[];
  columns: Column[];
}

/** The parts of Strapi's schema + `strapi.db.metadata` the column derivation reads. */
export interface AttributeInfo {
  type: string;
  columnName?: string;
  required?: boolean;
  private?: boolean;
  enum?: string[];
  min?: number | string;
  max?: number | string;
  maxLength?: number;
  default?: unknown;
  relation?: string;
  target?: string;
  joinTable?: {
    name: string;
    joinColumn: { name: string };
    inverseJoinColumn: { name: string };
    orderColumnName?: string;
    inverseOrderColumnName?: string;
  };
}

export interface ModelInfo {
  uid: string;
  tableName: string;
  attributes: Record<string, AttributeInfo>;
}

/** What one row of an import becomes after the dry run. */
export type RowAction = 'create' | 'update' | 'skip' | 'error';

export interface RowOutcome {
  /** 1-based line of the record in the file (the header is line 1). */
  line: number;
  action: RowAction;
  /** The natural key as read, for people ("keyword=boots, site=a.example.com"). */
  key: string;
  /** update: the fields that change, old and new value as text. */
  diff?: Record<string, { from: string | null; to: string | null }>;
  /** error: every problem, each naming its column. */
  errors?: string[];
}

export interface ImportCounts {
  total: number;
  create: number;
  update: number;
  skip: number;
  error: number;
}
