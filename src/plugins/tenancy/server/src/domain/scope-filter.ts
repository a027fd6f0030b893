import { andFilters } from '../../../../../lib/filters';

export { andFilters };
import { ACCOUNT_UID } from './constants';

type Filters = Record<string, unknown>;

/** The Document Service filter that limits `uid` to one account's rows. */
export const scopeFilterFor = (uid: string, accountId: number): Filters =>
  uid === ACCOUNT_UID ? { id: { $eq: accountId } } : { account: { id: { $eq: accountId } } };

/** A filter that matches nothing: what anonymous callers get on tenant-owned types. */
export const MATCH_NOTHING: Filters = { id: { $eq: -1 } };

