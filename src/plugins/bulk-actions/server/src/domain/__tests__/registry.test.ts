import { z } from 'zod';
import { createActionRegistry } from '../registry';
import type { BulkActionDefinition, ModelLike } from '../types';

const action = (over: Partial<BulkActionDefinition<any>> = {}): BulkActionDefinition<any> => ({
  id: 'demo.touch',
  label: 'Touch',
  contentTypes: ['api::keyword.keyword'],
  params: z.object({}).strict(),
  reasonRequired: false,
  permission: 'plugin::bulk-actions.records.update',
  cmAction: 'update',
  undoable: false,
  handler: async ({ ids }) => ({ changed: ids.length }),
  ...over,
});

const model = (uid: string, attributes: ModelLike['attributes'] = {}): ModelLike => ({ uid, attributes });

describe('action registry', () => {
  describe('register', () => {
    it('accepts a valid action and returns it by id', () => {
      const registry = createActionRegistry();
      registry.register(action());
      expect(registry.get('demo.touch').label).toBe('Touch');
      expect(registry.has('demo.touch')).toBe(true);
    });

    it('refuses columns or credits that are not functions, naming them', () => {
      const registry = createActionRegistry();
      expect(() => registry.register(action({ columns: { isActive: true } as any }))).toThrow(/columns must be a function/);
      expect(() => registry.register(action({ credits: 'content_generation' as any }))).toThrow(/credits must be a function/);
      registry.register(action({ columns: () => ({ isActive: true }), credits: () => ({ operation: 'content_generation', perItem: { words: 1000 } }) }));
      expect(registry.get('demo.touch').columns!({}, 'api::keyword.keyword')).toEqual({ isActive: true });
    });

    it('refuses a second action with the same id', () => {
      const registry = createActionRegistry();
      registry.register(action());
      expect(() => registry.register(action())).toThrow('already registered');
    });

    it.each([
      ['a bad id', { id: 'Not Kebab' }, 'id must be kebab-case'],
      ['no label', { label: '' }, 'label is required'],
      ['params that are not zod', { params: { parse: 1 } as any }, 'params must be a zod schema'],
      ['a permission that is not an action id', { permission: 'run' }, 'permission must be an admin action id'],
      ['an unknown CM action', { cmAction: 'publish' as any }, "cmAction must be 'read', 'update' or 'delete'"],
      ['no handler', { handler: undefined as any }, 'handler must be a function'],
      ['a silly batch size', { batchSize: 0 }, 'batchSize must be an integer'],
      ['an unknown scope', { scope: 'all' as any }, "scope must be 'live' or 'trash'"],
    ])('refuses %s, naming the problem', (_name, over, message) => {
      expect(() => createActionRegistry().register(action(over))).toThrow(message);
    });
  });

  describe('get', () => {
    it('throws for an unknown id, listing the registered ones', () => {
      const registry = createActionRegistry();
      registry.register(action());
      expect(() => registry.get('nope')).toThrow('Unknown bulk action "nope". Registered: demo.touch');
    });
  });

  describe('forType', () => {
    it('matches by uid list or by predicate over the model', () => {
      const registry = createActionRegistry();
      registry.register(action());
      registry.register(action({ id: 'activate', contentTypes: (_uid, m) => m.attributes.isActive?.type === 'boolean' }));
      expect(registry.forType(model('api::keyword.keyword')).map((a) => a.id)).toEqual(['demo.touch']);
      expect(registry.forType(model('api::site.site', { isActive: { type: 'boolean' } })).map((a) => a.id)).toEqual(['activate']);
    });
  });

  describe('paramsFor', () => {
    it('builds per-type schemas from a factory', () => {
      const registry = createActionRegistry();
      registry.register(action({ id: 'set-status', params: (_uid, m) => z.object({ value: z.enum(m.attributes.status.enum as [string, ...string[]]) }).strict() }));
      const schema = registry.paramsFor(registry.get('set-status'), model('api::keyword.keyword', { status: { type: 'enumeration', enum: ['active', 'archived'] } }));
      expect(schema.safeParse({ value: 'archived' }).success).toBe(true);
      expect(schema.safeParse({ value: 'gone' }).success).toBe(false);
    });
  });
});
