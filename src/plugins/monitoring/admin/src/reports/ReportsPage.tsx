import * as React from 'react';
import { Box, Button, Flex, Grid, Tabs, Typography } from '@strapi/design-system';
import { Layouts, Page, useRBAC } from '@strapi/strapi/admin';
import { Link as RouterLink } from 'react-router-dom';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { REPORT_ACTIONS } from '../../../shared/actions';
import { Loaded, Section, SimpleTable, useAdminGet } from '../components/common';
import { permission, toRouter } from '../pluginId';
import { downloadCsv } from './csv-download';

type ReportName = keyof typeof REPORT_ACTIONS;
const COLORS = ['#4945ff', '#ee5e52', '#5cb176', '#f29d41', '#0c75af', '#8e75ff', '#d02b20', '#328048'];
const fmt = (n: number | null | undefined, digits = 2) => (n === null || n === undefined ? '–' : Number(n).toLocaleString(undefined, { maximumFractionDigits: digits }));

const Chart = ({ children, height = 260 }: { children: React.ReactElement; height?: number }) => (
  <Box paddingBottom={4} style={{ width: '100%', height }}>
    <ResponsiveContainer width="100%" height="100%">
      {children}
    </ResponsiveContainer>
  </Box>
);

const ListLink = ({ href, children }: { href: string | null; children: React.ReactNode }) =>
  href ? (
    <RouterLink to={toRouter(href)}>
      <Typography textColor="primary600">{children}</Typography>
    </RouterLink>
  ) : (
    <Typography>{children}</Typography>
  );

const CsvButton = ({ name, query }: { name: ReportName; query: string }) => {
  const [busy, setBusy] = React.useState(false);
  return (
    <Button
      variant="secondary"
      loading={busy}
      data-testid={`report-csv-${name}`}
      onClick={async () => {
        setBusy(true);
        await downloadCsv(name, query).finally(() => setBusy(false));
      }}
    >
      Export CSV
    </Button>
  );
};

/** Months down, currencies across (recharts wants one object per x value). */
const pivotMonths = (rows: Array<{ month: string; currency: string; total: number }>) => {
  const byMonth = new Map<string, Record<string, number | string>>();
  const currencies = new Set<string>();
  for (const r of rows) {
    const m = byMonth.get(r.month) ?? { month: r.month };
    if (r.currency) {
      m[r.currency] = r.total;
      currencies.add(r.currency);
    }
    byMonth.set(r.month, m);
  }
  return { data: [...byMonth.values()], currencies: [...currencies] };
};

const RevenueReport = () => {
  const query = '?months=6';
  const { state } = useAdminGet<any>(`/monitoring/reports/revenue${query}`);
  return (
    <Section title="Revenue, last 6 months" testId="report-revenue" action={<CsvButton name="revenue" query={query} />}>
      <Loaded state={state}>
        {(r) => {
          if (!r.available) return <Typography textColor="neutral600">The billing plugin is not installed.</Typography>;
          const { data, currencies } = pivotMonths(r.monthly);
          return (
            <>
              <Chart>
                <BarChart data={data}>
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis dataKey="month" />
                  <YAxis />
                  <Tooltip />
                  <Legend />
                  {currencies.map((c, i) => (
                    <Bar key={c} dataKey={c} stackId="revenue" fill={COLORS[i % COLORS.length]} name={`Paid (${c})`} />
                  ))}
                </BarChart>
              </Chart>
              <Grid.Root gap={6}>
                <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                  <Typography variant="delta">By plan</Typography>
                  <SimpleTable head={['Plan', 'Currency', 'Paid', 'Invoices']} rows={r.byPlan.map((p: any) => [<ListLink key="p" href={p.link}>{p.plan}</ListLink>, p.currency, fmt(p.total), p.invoices])} />
                </Grid.Item>
                <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                  <Typography variant="delta">By payment method</Typography>
                  <SimpleTable head={['Method', 'Currency', 'Received', 'Payments']} rows={r.byMethod.map((p: any) => [p.method, p.currency, fmt(p.amount), p.payments])} />
                </Grid.Item>
              </Grid.Root>
            </>
          );
        }}
      </Loaded>
    </Section>
  );
};

const CreditsReport = () => {
  const query = '?days=30';
  const { state } = useAdminGet<any>(`/monitoring/reports/credits${query}`);
  return (
    <Section title="Credit usage, last 30 days" testId="report-credits" action={<CsvButton name="credits" query={query} />}>
      <Loaded state={state}>
        {(r) => {
          if (!r.available) return <Typography textColor="neutral600">The credits plugin is not installed.</Typography>;
          const m = r.margin;
          return (
            <>
              <Flex gap={8} paddingBottom={4} wrap="wrap">
                <Typography data-testid="credits-billed">Credits billed: <b>{fmt(m.creditsBilled, 0)}</b></Typography>
                <Typography>Platform cost: <b>${fmt(m.platformUsdCost, 4)}</b></Typography>
                <Typography>Credits sold at: <b>{m.usdPerCredit === null ? 'unknown (no USD credit package, set MONITORING_USD_PER_CREDIT)' : `$${fmt(m.usdPerCredit, 4)}`}</b></Typography>
                <Typography data-testid="credits-margin">Margin: <b>{m.marginUsd === null ? '–' : `$${fmt(m.marginUsd)} (${fmt(m.marginPct)}%)`}</b></Typography>
              </Flex>
              <Chart>
                <BarChart data={r.byOperation}>
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis dataKey="operation" />
                  <YAxis yAxisId="credits" />
                  <YAxis yAxisId="usd" orientation="right" />
                  <Tooltip />
                  <Legend />
                  <Bar yAxisId="credits" dataKey="credits" fill={COLORS[0]} name="Credits" />
                  <Bar yAxisId="usd" dataKey="platformUsd" fill={COLORS[1]} name="Platform cost (USD)" />
                </BarChart>
              </Chart>
              <Grid.Root gap={6}>
                <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                  <Typography variant="delta">By model</Typography>
                  <SimpleTable head={['Provider', 'Model', 'Credits', 'Cost (USD)']} rows={r.byModel.map((x: any) => [x.provider, x.model, fmt(x.credits, 0), fmt(x.usd, 4)])} />
                </Grid.Item>
                <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                  <Typography variant="delta">Top accounts</Typography>
                  <SimpleTable head={['Account', 'Credits', 'Cost (USD)']} rows={r.topAccounts.map((a: any) => [<ListLink key="a" href={a.link}>{a.name ?? `#${a.accountId}`}</ListLink>, fmt(a.credits, 0), fmt(a.usd, 4)])} />
                </Grid.Item>
              </Grid.Root>
            </>
          );
        }}
      </Loaded>
    </Section>
  );
};

const ContentReport = () => {
  const query = '?days=30';
  const { state } = useAdminGet<any>(`/monitoring/reports/content${query}`);
  return (
    <Section title="Content production, last 30 days" testId="report-content" action={<CsvButton name="content" query={query} />}>
      <Loaded state={state}>
        {(r) => (
          <>
            <Flex gap={8} paddingBottom={4} wrap="wrap">
              <Typography data-testid="content-total">Created: <b>{fmt(r.totals.content, 0)}</b></Typography>
              <Typography>Average words: <b>{fmt(r.totals.averageWords, 0)}</b></Typography>
              <Typography>
                Tasks completed: <b>{r.tasks.completed}</b> of {r.tasks.created - r.tasks.cancelled} ({r.tasks.completionRate === null ? '–' : `${fmt(r.tasks.completionRate * 100, 1)}%`})
              </Typography>
            </Flex>
            <Chart>
              <LineChart data={r.timeline}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="day" />
                <YAxis allowDecimals={false} />
                <Tooltip />
                <Line type="monotone" dataKey="created" stroke={COLORS[0]} name="Content created" dot={false} />
              </LineChart>
            </Chart>
            <SimpleTable head={['Type', 'Created', 'Average words']} rows={r.byType.map((t: any) => [t.contentType, fmt(t.count, 0), fmt(t.averageWords, 0)])} />
          </>
        )}
      </Loaded>
    </Section>
  );
};

const DataQualityReport = () => {
  // The checks scan whole tables: the server keeps their last result for a few minutes ("computed at").
  const [refresh, setRefresh] = React.useState(false);
  const { state, reload } = useAdminGet<any>(`/monitoring/reports/data-quality${refresh ? '?refresh=true' : ''}`);
  const action = (
    <Flex gap={2}>
      <Button variant="tertiary" data-testid="report-data-quality-refresh" onClick={() => (refresh ? void reload() : setRefresh(true))}>
        Recompute now
      </Button>
      <CsvButton name="data-quality" query="" />
    </Flex>
  );
  return (
    <Section title="Data quality" testId="report-data-quality" action={action}>
      <Loaded state={state}>
        {(r) => (
          <>
            <Typography variant="pi" textColor="neutral600" data-testid="report-data-quality-computed-at">
              Computed at {new Date(r.computedAt ?? r.generatedAt).toLocaleString()}
            </Typography>
            <Chart height={220}>
              <BarChart data={r.checks} layout="vertical" margin={{ left: 120 }}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis type="number" allowDecimals={false} />
                <YAxis type="category" dataKey="label" width={240} />
                <Tooltip />
                <Bar dataKey="count" fill={COLORS[1]} name="Records" />
              </BarChart>
            </Chart>
            <SimpleTable
              head={['Check', 'Records', 'Open the list']}
              rows={r.checks.map((c: any) => [c.label, fmt(c.count, 0), c.count ? <ListLink key="l" href={c.link}>Show records</ListLink> : ''])}
            />
          </>
        )}
      </Loaded>
    </Section>
  );
};

const REPORTS: Array<{ name: ReportName; label: string; Component: React.ComponentType }> = [
  { name: 'revenue', label: 'Revenue', Component: RevenueReport },
  { name: 'credits', label: 'Credit usage', Component: CreditsReport },
  { name: 'content', label: 'Content production', Component: ContentReport },
  { name: 'data-quality', label: 'Data quality', Component: DataQualityReport },
];
const camel = (name: string) => name.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());

/** Reports with charts, one tab per report the staff member may read; each exports to CSV. */
const ReportsPage = () => {
  const { allowedActions, isLoading } = useRBAC(Object.fromEntries(REPORTS.map((r) => [camel(r.name), permission(REPORT_ACTIONS[r.name])])));
  const allowed = REPORTS.filter((r) => {
    const key = camel(r.name);
    return (allowedActions as Record<string, boolean>)[`can${key[0].toUpperCase()}${key.slice(1)}`];
  });
  return (
    <Page.Main>
      <Page.Title>Reports</Page.Title>
      <Layouts.Header title="Reports" subtitle="Revenue, credit usage and margin, content production and data quality" />
      <Layouts.Content>
        {isLoading ? (
          <Page.Loading />
        ) : allowed.length ? (
          <Tabs.Root defaultValue={allowed[0].name}>
            <Tabs.List aria-label="Reports">
              {allowed.map((r) => (
                <Tabs.Trigger key={r.name} value={r.name} data-testid={`report-tab-${r.name}`}>
                  {r.label}
                </Tabs.Trigger>
              ))}
            </Tabs.List>
            {allowed.map(({ name, Component }) => (
              <Tabs.Content key={name} value={name}>
                <Box paddingTop={4}>
                  <Component />
                </Box>
              </Tabs.Content>
            ))}
          </Tabs.Root>
        ) : (
          <Page.NoPermissions />
        )}
      </Layouts.Content>
    </Page.Main>
  );
};

export default ReportsPage;
