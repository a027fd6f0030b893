import { randomBytes } from 'node:crypto';
import type { TestApp } from './strapi';

export interface Tenant {
  jwt: string;
  userId: number;
  username: string;
  email: string;
  password: string;
  accountDocumentId: string;
  accountId: number;
}

const rand = () => randomBytes(4).toString('hex');

/** Signs a new tenant up through the public register endpoint, as a real client would. */
export const signUp = async (app: TestApp, options: { accountName?: string; plan?: string } = {}): Promise<Tenant> => {
  const username = `user_${rand()}`;
  const email = `${username}@example.test`;
  const password = 'Secret-pass-123';
  const res = await app.request().post('/api/auth/local/register').send({ username, email, password, ...(options.accountName ? { accountName: options.accountName } : {}) });
  if (res.status !== 200) throw new Error(`signup failed: ${res.status} ${JSON.stringify(res.body)}`);
  const account = await app.strapi.db.query('api::account.account').findOne({ where: { documentId: res.body.user.account.documentId } });
  if (options.plan) await setPlan(app, account.id, options.plan);
  return { jwt: res.body.jwt, userId: res.body.user.id, username, email, password, accountDocumentId: account.documentId, accountId: account.id };
};

/** Staff-side plan change, as the billing plugin will do after a paid upgrade. */
export const setPlan = async (app: TestApp, accountId: number, slug: string) => {
  const plan = await app.strapi.db.query('api::plan.plan').findOne({ where: { slug } });
  await app.strapi.db.query('api::account.account').update({ where: { id: accountId }, data: { plan: plan.id } });
};

export const as = (app: TestApp, token: string) => ({
  get: (url: string) => app.request().get(url).set('Authorization', `Bearer ${token}`),
  post: (url: string, body?: unknown) => app.request().post(url).set('Authorization', `Bearer ${token}`).send(body as object),
  put: (url: string, body?: unknown) => app.request().put(url).set('Authorization', `Bearer ${token}`).send(body as object),
  delete: (url: string) => app.request().delete(url).set('Authorization', `Bearer ${token}`),
  graphql: (query: string, variables?: Record<string, unknown>) =>
    app.request().post('/graphql').set('Authorization', `Bearer ${token}`).send({ query, variables }),
});

/** A Super Admin and its admin-panel token, for staff-route tests. */
export const staffToken = async (app: TestApp, roleCode?: string) => {
  const email = `staff_${rand()}@igny8.test`;
  const password = 'Staff-pass-123';
  const role = roleCode
    ? await (app.strapi.service('admin::role') as any).findOne({ code: roleCode })
    : await (app.strapi.service('admin::role') as any).getSuperAdmin();
  await (app.strapi.service('admin::user') as any).create({ email, firstname: 'Staff', lastname: 'Test', password, isActive: true, roles: [role.id], registrationToken: null });
  const res = await app.request().post('/admin/login').send({ email, password });
  if (res.status !== 200) throw new Error(`admin login failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.data.token as string;
};
