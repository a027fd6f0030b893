import bootstrap from './bootstrap';
import config from './config';
import audit from './controllers/audit';
import register from './register';
import adminRoutes from './routes/admin';
import { createCaptureService } from './services/capture';
import { createTrailService } from './services/trail';
import { getAuditService } from './utils/get-service';

export default {
  register,
  bootstrap,
  config,
  services: { trail: createTrailService, capture: createCaptureService },
  controllers: { audit },
  routes: { admin: adminRoutes },
};

export { getAuditService };
export type { AuditEntryInput, AuditContext } from './services/trail';
export type { FieldDiff } from './domain/diff';
