import type { Core } from '@strapi/strapi';
import type { GetNavigation } from '../../../shared/contracts/admin-navigation';
import { groupByAdminGroup } from '../domain/admin-groups';

export const NAVIGATION_ACTION = 'plugin::staff.navigation.read';

interface CmModel {
  uid: string;
  kind: 'collectionType' | 'singleType';
  isDisplayed: boolean;
  info: { displayName: string };
  pluginOptions?: Record<string, any>;
}

/**
 * The admin navigation page's data: every content type the Content Manager displays and this admin
 * user may read there, with its record count, grouped after seed 002's sidebar.
 */
export const createNavigationService = ({ strapi }: { strapi: Core.Strapi }) => {
  const contentManager = () => strapi.plugin('content-manager');

  const readable = (userAbility: unknown): CmModel[] => {
    const models = contentManager().service('content-types').findDisplayedContentTypes() as CmModel[];
    const checker = contentManager().service('permission-checker') as any;
    return models.filter((model) => checker.create({ userAbility, model: model.uid }).can.read());
  };

  const toEntry = async (model: CmModel): Promise<GetNavigation.ContentTypeEntry> => {
    const path = model.kind === 'singleType' ? 'single-types' : 'collection-types';
    // The Document Service, so the count matches what the list view shows (drafts; soft-deleted hidden).
    const count = await strapi.documents(model.uid as any).count({});
    const to = `/content-manager/${path}/${model.uid}`;
    return { uid: model.uid, displayName: model.info.displayName, kind: model.kind, count, href: `/admin${to}`, to };
  };

  return {
    async list(userAbility: unknown): Promise<GetNavigation.Group[]> {
      const models = readable(userAbility);
      const entries = await Promise.all(models.map(toEntry));
      const grouped = groupByAdminGroup(
        models.map((model, i) => ({ group: model.pluginOptions?.['admin-groups']?.group, displayName: model.info.displayName, item: entries[i] }))
      );
      return grouped.map(({ id, label, items }) => ({ id, label, contentTypes: items }));
    },
  };
};

export type NavigationService = ReturnType<typeof createNavigationService>;
