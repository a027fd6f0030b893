import { actionId, PLUGIN_ID, type ActionKey } from '../../shared/actions';

export { PLUGIN_ID };

/** Permission lists as the admin expects them; the server routes enforce the same actions. */
export const permission = (key: ActionKey) => [{ action: actionId(key), subject: null }];

/** Admin hrefs from the server start with /admin; the admin router's paths do not. */
export const toRouter = (href: string) => href.replace(/^\/admin/, '') || '/';
