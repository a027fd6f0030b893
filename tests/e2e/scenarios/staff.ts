/**
 * Staff for the browser scenarios: a user of one of our staff roles, invited and registered through the
 * admin API as the Super Admin would (each scenario its own user, which also keeps its browser login clear
 * of the Super Admin's login rate limit), and a browser page signed in as someone.
 */
import type { Browser, Page } from 'playwright-core';
import { http, type Launched } from '../../helpers/processes';

export interface StaffUser {
  email: string;
  password: string;
  firstname: string;
  lastname: string;
}

/**
 * Strapi's guided tour of the Content Manager opens a dialog over the list view on a browser's first
 * visit, which takes the clicks meant for the table; staff who dismissed it once never see it again.
 * Its state lives in localStorage (`STRAPI_GUIDED_TOUR`, read by the admin's GuidedTour context).
 */
export const dismissGuidedTour = (page: Page) => page.addInitScript(() => (globalThis as any).localStorage.setItem('STRAPI_GUIDED_TOUR', JSON.stringify({ enabled: false })));

/** Invites `staff` with the role of `roleCode` (`igny8-content-manager`, ...) and registers them. */
export const registerStaff = async (app: Launched, superToken: string, roleCode: string, staff: StaffUser) => {
  const roles = await http(app, 'GET', '/admin/roles', { token: superToken });
  const role = roles.body.data.find((r: { code: string }) => r.code === roleCode);
  expect(role).toBeTruthy();
  const { email, firstname, lastname, password } = staff;
  const invited = await http(app, 'POST', '/admin/users', { token: superToken, body: { email, firstname, lastname, roles: [role.id] } });
  expect(invited.status).toBe(201);
  const registered = await http(app, 'POST', '/admin/register', { body: { registrationToken: invited.body.data.registrationToken, userInfo: { firstname, lastname, password } } });
  expect(registered.status).toBe(200);
};

/**
 * A fresh browser context signed in through the admin's login form (guided tour dismissed); page errors
 * are collected in `pageErrors`. The caller waits for what its role should see.
 */
export const signIn = async (browser: Browser, app: Launched, who: { email: string; password: string }, pageErrors: string[]) => {
  const page = await (await browser.newContext()).newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await dismissGuidedTour(page);
  await page.goto(`${app.baseUrl}/admin/auth/login`);
  await page.locator('input[name="email"]').fill(who.email);
  await page.locator('input[name="password"]').fill(who.password);
  await page.locator('button[type="submit"]').click();
  return page;
};
