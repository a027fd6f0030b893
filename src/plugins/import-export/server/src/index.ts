import bootstrap from './bootstrap';
import importExport from './controllers/import-export';
import register from './register';
import adminRoutes from './routes/admin';
import { createDatasetsService } from './services/datasets';
import { createExporterService } from './services/exporter';
import { createImporterService } from './services/importer';
import { createImportsService } from './services/imports';
import { createRunnerService } from './services/runner';
import { getImportExportService } from './utils/get-service';

export default {
  register,
  bootstrap,
  services: {
    datasets: createDatasetsService,
    exporter: createExporterService,
    importer: createImporterService,
    imports: createImportsService,
    runner: createRunnerService,
  },
  controllers: { importExport },
  routes: { admin: adminRoutes },
};

export { getImportExportService };
export type { DatasetDefinition } from './domain/types';
