import type { Core } from '@strapi/strapi';
import type { CaptureService } from '../services/capture';
import type { TrailService } from '../services/trail';

interface Services {
  trail: TrailService;
  capture: CaptureService;
}

export const getService = <K extends keyof Services>(strapi: Core.Strapi, name: K): Services[K] => strapi.plugin('audit').service(name) as Services[K];

/** For other plugins: `getAuditService(strapi, 'trail').record([...])` / `.withContext({ actor, reason }, fn)`. */
export const getAuditService = getService;
