/** The shapes of the staff routes' answers (see the plugin README, "HTTP"). */
export interface DoctorCheck {
  id: string;
  status: 'ok' | 'failed' | 'skipped';
  message: string;
  fix?: string;
}

export interface Integration {
  id: number;
  documentId: string;
  accountId: number | null;
  site: { id: number; documentId: string; name: string } | null;
  baseUrl: string;
  username: string;
  applicationPassword: { configured: boolean; last4: string | null };
  isActive: boolean;
  connectionStatus: 'unknown' | 'connected' | 'error';
  lastCheckedAt: string | null;
  lastSyncAt: string | null;
  lastError: string | null;
  doctor: { ok: boolean; checks: DoctorCheck[] } | null;
}

export type RecordStatus = 'pending' | 'published' | 'failed' | 'retracted' | 'cancelled';

export interface PublishingRecord {
  id: number;
  contentDocumentId: string;
  integrationId: number;
  action: 'publish' | 'update' | 'unpublish';
  status: RecordStatus;
  externalUrl: string | null;
  scheduledFor: string | null;
  attempts: number;
  error: string | null;
  requestedBy: string | null;
  createdAt: string;
}

export interface Pagination {
  page: number;
  pageSize: number;
  pageCount: number;
  total: number;
}
