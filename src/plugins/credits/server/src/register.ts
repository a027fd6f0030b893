import type { Core } from '@strapi/strapi';
import { getQueueService } from '../../../queue/server/src/utils/get-service';
import { getService } from './utils/get-service';

const ACCOUNT_UID = 'api::account.account';
/** Balance columns: a projection of the ledger, written only by the ledger's own SQL. */
const BALANCE_FIELDS = ['planCredits', 'bonusCredits', 'heldCredits'];
export const CREDITS_QUEUE = 'credits';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  // The Content Manager's edit form sends every field back, balances included; dropping them here
  // (rather than refusing) lets staff edit an account's other fields while balances stay ledger-only.
  strapi.documents.use((context: any, next: any) => {
    if (context.uid === ACCOUNT_UID && (context.action === 'create' || context.action === 'update') && context.params?.data) {
      for (const field of BALANCE_FIELDS) delete context.params.data[field];
    }
    return next();
  });

  getQueueService(strapi).define({
    name: CREDITS_QUEUE,
    description: 'Ledger housekeeping: releases holds that expired without being settled',
    processors: {
      'expire-holds': { concurrency: 1, handler: async () => ({ expired: await getService(strapi, 'ledger').expireHolds() }) },
    },
  });
};
