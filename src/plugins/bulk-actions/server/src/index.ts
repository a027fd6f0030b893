import bootstrap from './bootstrap';
import bulk from './controllers/bulk';
import register from './register';
import adminRoutes from './routes/admin';
import { createRegistryService } from './services/registry';
import { createRunnerService } from './services/runner';
import { createRunsService } from './services/runs';
import { createSelectionService } from './services/selection';
import { createSqlService } from './services/sql';
import { getBulkActionsService } from './utils/get-service';

export default {
  register,
  bootstrap,
  services: {
    registry: createRegistryService,
    runner: createRunnerService,
    runs: createRunsService,
    selection: createSelectionService,
    sql: createSqlService,
  },
  controllers: { bulk },
  routes: { admin: adminRoutes },
};

export { getBulkActionsService };
export type { BulkActionDefinition, BatchArgs, BatchOutcome, RowFailure, RunContext, DryRunResult } from './domain/types';
