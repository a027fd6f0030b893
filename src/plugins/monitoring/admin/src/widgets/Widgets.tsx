import * as React from 'react';
import { Badge, Box, Flex, Typography } from '@strapi/design-system';
import { Widget } from '@strapi/strapi/admin';
import { Link as RouterLink } from 'react-router-dom';
import { toRouter } from '../pluginId';
import { useWidgetData } from './use-widget-data';

type Status = 'green' | 'yellow' | 'red';
const BADGE: Record<Status, { background: string; textColor: string }> = {
  green: { background: 'success100', textColor: 'success700' },
  yellow: { background: 'warning100', textColor: 'warning700' },
  red: { background: 'danger100', textColor: 'danger700' },
};

export const StatusBadge = ({ status }: { status: Status }) => (
  <Badge backgroundColor={BADGE[status].background} textColor={BADGE[status].textColor} data-testid={`status-${status}`}>
    {status}
  </Badge>
);

const fmt = (n: number | null | undefined) => (n === null || n === undefined ? '–' : new Intl.NumberFormat().format(n));

/** One figure: a big number, its label, and a link to the records behind it. */
const Stat = ({ label, value, href, testId }: { label: string; value: React.ReactNode; href?: string; testId: string }) => {
  const body = (
    <Flex direction="column" alignItems="flex-start" gap={1} data-testid={testId}>
      <Typography variant="alpha" textColor={href ? 'primary600' : 'neutral800'}>
        {value}
      </Typography>
      <Typography variant="pi" textColor="neutral600">
        {label}
      </Typography>
    </Flex>
  );
  return (
    <Box padding={2} style={{ flex: '1 1 0', minWidth: 90 }}>
      {href ? <RouterLink to={toRouter(href)} style={{ textDecoration: 'none' }}>{body}</RouterLink> : body}
    </Box>
  );
};

const Stats = ({ children }: { children: React.ReactNode }) => (
  <Flex wrap="wrap" gap={2} width="100%" alignItems="flex-start">
    {children}
  </Flex>
);

function withData<T>(name: string, render: (data: T) => React.ReactNode) {
  return () => {
    const state = useWidgetData<T>(name);
    if (state.status === 'loading') return <Widget.Loading />;
    if (state.status === 'error') return <Widget.Error />;
    return <Box data-testid={`monitoring-widget-${name}`} width="100%">{render(state.data)}</Box>;
  };
}

export const AccountsWidget = withData<{ total: number; active: number; lowCredit: number; lowCreditThreshold: number; links: { accounts: string; active: string } }>('accounts', (d) => (
  <Stats>
    <Stat testId="accounts-total" label="Accounts" value={fmt(d.total)} href={d.links.accounts} />
    <Stat testId="accounts-active" label="Active" value={fmt(d.active)} href={d.links.active} />
    <Stat testId="accounts-low" label={`Under ${fmt(d.lowCreditThreshold)} credits`} value={fmt(d.lowCredit)} />
  </Stats>
));

export const ContentWidget = withData<{ thisWeek: number; thisMonth: number; tasksPending: number; links: { content: string; tasks: string } }>('content', (d) => (
  <Stats>
    <Stat testId="content-week" label="Content this week" value={fmt(d.thisWeek)} href={d.links.content} />
    <Stat testId="content-month" label="This month" value={fmt(d.thisMonth)} href={d.links.content} />
    <Stat testId="tasks-pending" label="Tasks pending" value={fmt(d.tasksPending)} href={d.links.tasks} />
  </Stats>
));

export const BillingWidget = withData<{
  available: boolean;
  pendingApprovals?: number;
  revenueThisMonth?: Array<{ currency: string; total: number }>;
  creditsUsedThisMonth?: number;
  links?: { approvalDesk: string; invoices: string };
}>('billing', (d) => {
  if (!d.available) return <Widget.NoData>The billing plugin is not installed</Widget.NoData>;
  const revenue = d.revenueThisMonth?.length
    ? d.revenueThisMonth.map((r) => new Intl.NumberFormat(undefined, { style: 'currency', currency: r.currency }).format(r.total)).join(' + ')
    : '0';
  return (
    <Stats>
      <Stat testId="billing-pending" label="Payments to approve" value={fmt(d.pendingApprovals)} href={d.links?.approvalDesk} />
      <Stat testId="billing-revenue" label="Revenue this month" value={revenue} href={d.links?.invoices} />
      <Stat testId="billing-credits" label="Credits used this month" value={fmt(d.creditsUsedThisMonth)} />
    </Stats>
  );
});

export const HealthWidget = withData<{ status: Status; components: Array<{ id: string; label: string; status: Status; summary: string }> }>('health', (d) => (
  <Flex direction="column" alignItems="stretch" gap={2}>
    <Flex gap={2}>
      <Typography variant="delta">Overall</Typography>
      <StatusBadge status={d.status} />
    </Flex>
    {d.components.map((c) => (
      <Flex key={c.id} gap={2} justifyContent="space-between" data-testid={`health-${c.id}`}>
        <Typography variant="omega" fontWeight="bold">
          {c.label}
        </Typography>
        <Flex gap={2}>
          <Typography variant="pi" textColor="neutral600" ellipsis>
            {c.summary}
          </Typography>
          <StatusBadge status={c.status} />
        </Flex>
      </Flex>
    ))}
  </Flex>
));

export const QueuesWidget = withData<{
  available: boolean;
  workers: number;
  totals: { waiting: number; active: number; delayed: number; failed: number };
  queues: Array<{ name: string; waiting: number; active: number; delayed: number; failed: number }>;
}>('queues', (d) => {
  if (!d.available) return <Widget.Error>Redis is unreachable: queues unknown</Widget.Error>;
  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      <Stats>
        <Stat testId="queues-waiting" label="Waiting" value={fmt(d.totals.waiting + d.totals.delayed)} />
        <Stat testId="queues-active" label="Active" value={fmt(d.totals.active)} />
        <Stat testId="queues-failed" label="Failed" value={fmt(d.totals.failed)} />
        <Stat testId="queues-workers" label="Workers" value={fmt(d.workers)} />
      </Stats>
      {d.queues.map((q) => (
        <Flex key={q.name} justifyContent="space-between">
          <Typography variant="omega">{q.name}</Typography>
          <Typography variant="pi" textColor="neutral600">
            {q.waiting + q.delayed} waiting · {q.active} active · {q.failed} failed
          </Typography>
        </Flex>
      ))}
    </Flex>
  );
});

export const ActivityWidget = withData<{ metrics: Array<{ id: string; label: string; value: number | null; link: string | null }> }>('activity', (d) => {
  if (!d.metrics.length) return <Widget.NoData>No activity figures yet (AI runs and publishing add theirs)</Widget.NoData>;
  return (
    <Stats>
      {d.metrics.map((m) => (
        <Stat key={m.id} testId={`activity-${m.id}`} label={m.label} value={fmt(m.value)} href={m.link ?? undefined} />
      ))}
    </Stats>
  );
});
