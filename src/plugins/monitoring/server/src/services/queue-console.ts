import type { Core } from '@strapi/strapi';
import { getQueueService } from '../../../../queue/server/src/utils/get-service';
import { issueTicket, verifyTicket, type ConsoleScope } from '../domain/console-ticket';

export const CONSOLE_PATH = '/monitoring/queue-console';
const BOARD_PATH = `${CONSOLE_PATH}/board`;
const COOKIE = 'igny8_queue_console';
const TICKET_TTL_MS = 60 * 60_000;

type Middleware = (ctx: any, next: () => Promise<unknown>) => Promise<unknown>;

/**
 * The queue console: bull-board mounted behind admin authentication. The admin panel calls
 * `POST /monitoring/queue-console/session` (admin auth + `queue-console.read`), which sets a signed,
 * HttpOnly ticket cookie scoped to this path; the board itself is served by an outer Koa middleware
 * that accepts only that cookie. Two boards: `read` (bull-board's read-only mode, for
 * `queue-console.read`) and `manage` (retry, clean, promote..., for `queue-console.manage`).
 */
export const createQueueConsoleService = ({ strapi }: { strapi: Core.Strapi }) => {
  const boards = new Map<ConsoleScope, Middleware>();
  const key = () => String((strapi.config.get('server.app.keys') as string[] | undefined)?.[0] ?? '');

  /** Built on first use: bull-board needs the Bull queues, which need Redis. */
  function board(scope: ConsoleScope): Middleware | null {
    const existing = boards.get(scope);
    if (existing) return existing;
    const queues = getQueueService(strapi);
    if (!queues.isAvailable()) return null;
    /* eslint-disable global-require */
    const { createBullBoard } = require('@bull-board/api');
    const { BullAdapter } = require('@bull-board/api/bullAdapter');
    const { KoaAdapter } = require('@bull-board/koa');
    /* eslint-enable global-require */
    const adapter = new KoaAdapter();
    adapter.setBasePath(`${BOARD_PATH}/${scope}`);
    createBullBoard({
      queues: queues.definitions().map((d) => new BullAdapter(queues.get(d.name), { readOnlyMode: scope === 'read', allowRetries: scope === 'manage', description: d.description })),
      serverAdapter: adapter,
      options: { uiConfig: { boardTitle: scope === 'read' ? 'IGNY8 queues (read only)' : 'IGNY8 queues' } },
    });
    const middleware = adapter.registerPlugin() as Middleware;
    boards.set(scope, middleware);
    return middleware;
  }

  /** Outermost middleware: serves the boards to holders of a valid ticket; everything else passes. */
  const middleware: Middleware = async (ctx, next) => {
    if (!ctx.path.startsWith(`${BOARD_PATH}/`)) return next();
    const scope = ctx.path.slice(BOARD_PATH.length + 1).split('/')[0] as ConsoleScope;
    if (scope !== 'read' && scope !== 'manage') return next();
    const ticket = verifyTicket(ctx.cookies.get(COOKIE), key(), Date.now());
    if (!ticket) {
      ctx.status = 401;
      ctx.body = { error: 'Open the queue console from the admin panel (Monitoring page): no valid console session' };
      return undefined;
    }
    if (scope === 'manage' && ticket.scope !== 'manage') {
      ctx.status = 403;
      ctx.body = { error: 'Your role may only read queues: use the read-only console' };
      return undefined;
    }
    // Defence in depth: the read-only board refuses every change whatever bull-board's UI offers.
    if (scope === 'read' && !['GET', 'HEAD'].includes(ctx.method)) {
      ctx.status = 403;
      ctx.body = { error: 'The read-only queue console cannot change jobs' };
      return undefined;
    }
    const handler = board(scope);
    if (!handler) {
      ctx.status = 503;
      ctx.body = { error: 'Redis is not reachable: the queue console is unavailable' };
      return undefined;
    }
    ctx.set('Cache-Control', 'no-store');
    return handler(ctx, next);
  };

  return {
    middleware,
    /** Sets the ticket cookie for an authenticated admin; returns where the board is. */
    openSession(ctx: any, canManage: boolean) {
      const scope: ConsoleScope = canManage ? 'manage' : 'read';
      const expiresAt = Date.now() + TICKET_TTL_MS;
      ctx.cookies.set(COOKIE, issueTicket({ userId: ctx.state.user.id, scope, expiresAt }, key()), {
        httpOnly: true,
        sameSite: 'strict',
        path: CONSOLE_PATH,
        secure: Boolean(ctx.request.secure),
        expires: new Date(expiresAt),
        overwrite: true,
      });
      return { scope, url: `${BOARD_PATH}/${scope}`, expiresAt: new Date(expiresAt).toISOString() };
    },
  };
};

export type QueueConsoleService = ReturnType<typeof createQueueConsoleService>;
