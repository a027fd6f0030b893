import { getFetchClient } from '@strapi/strapi/admin';

/**
 * Downloads a report's CSV with the admin's token (a plain link could not send it): fetched as text
 * through Strapi's fetch client, then saved through a temporary object URL.
 */
export const downloadCsv = async (name: string, query: string) => {
  const { get } = getFetchClient();
  const res = await get<string>(`/monitoring/reports/${name}/csv${query}`, { responseType: 'text' } as any);
  const blob = new Blob([res.data], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `${name}-${new Date().toISOString().slice(0, 10)}.csv`;
  document.body.appendChild(a);
  a.click();
  a.remove();
  URL.revokeObjectURL(url);
};
