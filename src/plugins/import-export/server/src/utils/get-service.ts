import type { Core } from '@strapi/strapi';
import type { DatasetsService } from '../services/datasets';
import type { ExporterService } from '../services/exporter';
import type { ImporterService } from '../services/importer';
import type { ImportsService } from '../services/imports';
import type { RunnerService } from '../services/runner';

interface Services {
  datasets: DatasetsService;
  exporter: ExporterService;
  importer: ImporterService;
  imports: ImportsService;
  runner: RunnerService;
}

export const getService = <K extends keyof Services>(strapi: Core.Strapi, name: K): Services[K] =>
  strapi.plugin('import-export').service(name) as Services[K];

/** For other plugins: `getImportExportService(strapi, 'datasets').register({...})` in their `register()`. */
export const getImportExportService = getService;
