import type { Core } from '@strapi/strapi';
import { SEED_PROMPTS } from '../seed/prompts';
import { SEED_AUTHOR_PROFILES, SEED_STRATEGIES } from '../seed/templates';
import { UID } from '../utils/constants';
import { q } from '../utils/db';
import { getService } from '../utils/get-service';

/**
 * Platform reference data: the global record, the prompt library, five author profiles and five
 * strategies. Created when missing (matched by prompt type or name), never overwritten: staff edits stick.
 */
export const createSeedService = ({ strapi }: { strapi: Core.Strapi }) => ({
  async run() {
    await getService(strapi, 'store').globalRow();
    let created = 0;
    for (const prompt of SEED_PROMPTS) {
      if (await q(strapi, UID.globalPrompt).findOne({ where: { promptType: prompt.promptType }, select: ['id'] })) continue;
      await q(strapi, UID.globalPrompt).create({ data: { ...prompt, variables: [...prompt.variables], version: 1, active: true } });
      created++;
    }
    for (const [uid, rows] of [
      [UID.globalAuthorProfile, SEED_AUTHOR_PROFILES],
      [UID.globalStrategy, SEED_STRATEGIES],
    ] as const) {
      for (const row of rows) {
        if (await q(strapi, uid).findOne({ where: { name: row.name }, select: ['id'] })) continue;
        await q(strapi, uid).create({ data: { ...JSON.parse(JSON.stringify(row)), version: 1, active: true } });
        created++;
      }
    }
    return { created };
  },
});

export type SeedService = ReturnType<typeof createSeedService>;
