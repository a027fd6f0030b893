import * as React from 'react';
import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import { Loaded, Section, SimpleTable, useAdminGet } from '../components/common';
import { Link as RouterLink } from 'react-router-dom';
import { permission, toRouter } from '../pluginId';
import { StatusBadge } from '../widgets/Widgets';

const HealthSection = () => {
  const { state, reload } = useAdminGet<any>('/monitoring/health', 15_000);
  return (
    <Section title="System health" testId="monitoring-health" action={<Button variant="tertiary" onClick={() => void reload()}>Check now</Button>}>
      <Loaded state={state}>
        {(report) => (
          <SimpleTable
            head={['Component', 'Status', 'Observed now', 'Since', 'Summary']}
            rows={report.components.map((c: any) => [c.label, <StatusBadge key="s" status={c.status} />, <StatusBadge key="o" status={c.observed} />, new Date(c.since).toLocaleString(), c.summary])}
          />
        )}
      </Loaded>
    </Section>
  );
};

const AlertsSection = () => {
  const { state } = useAdminGet<any[]>('/monitoring/alerts', 30_000);
  return (
    <Section title="Alerts" testId="monitoring-alerts">
      <Loaded state={state}>
        {(alerts) =>
          alerts.length ? (
            <SimpleTable
              head={['Severity', 'Status', 'Alert', 'Fired', 'Resolved']}
              rows={alerts.map((a) => [
                a.severity,
                a.status,
                a.link ? (
                  <RouterLink key="l" to={toRouter(a.link)}>
                    <Typography textColor="primary600">{a.title}</Typography>
                  </RouterLink>
                ) : (
                  a.title
                ),
                new Date(a.firedAt).toLocaleString(),
                a.resolvedAt ? new Date(a.resolvedAt).toLocaleString() : '',
              ])}
            />
          ) : (
            <Typography textColor="neutral600">No alerts.</Typography>
          )
        }
      </Loaded>
    </Section>
  );
};

const ApiMonitorSection = () => {
  const [window, setWindow] = React.useState<'hour' | 'day'>('hour');
  const { state } = useAdminGet<any>(`/monitoring/api-monitor?window=${window}`, 60_000);
  const ms = (v: number | null) => (v === null ? '–' : `${v} ms`);
  return (
    <Section
      title={`API monitor (last ${window})`}
      testId="monitoring-api"
      action={<Button variant="tertiary" onClick={() => setWindow(window === 'hour' ? 'day' : 'hour')}>Show last {window === 'hour' ? 'day' : 'hour'}</Button>}
    >
      <Loaded state={state}>
        {(report) => (
          <SimpleTable
            head={['Module', 'Endpoint', 'Requests', '5xx rate', '4xx', 'p50', 'p95', 'p99']}
            rows={report.modules.flatMap((m: any) => [
              [<Typography key="m" fontWeight="bold">{m.module}</Typography>, 'all', m.count, `${(m.errorRate * 100).toFixed(2)}%`, m.clientErrors, ms(m.p50), ms(m.p95), ms(m.p99)],
              ...m.endpoints.map((e: any) => ['', `${e.method} ${e.route}`, e.count, `${(e.errorRate * 100).toFixed(2)}%`, e.clientErrors, ms(e.p50), ms(e.p95), ms(e.p99)]),
            ])}
          />
        )}
      </Loaded>
    </Section>
  );
};

/** bull-board, opened in a new tab with a console session cookie issued to this admin. */
const QueueConsoleSection = () => {
  const { post } = useFetchClient();
  const [message, setMessage] = React.useState<string>('');
  const open = async () => {
    try {
      const { data } = await post<{ data: { url: string; scope: string } }>('/monitoring/queue-console/session', {});
      setMessage(data.data.scope === 'read' ? 'Read-only console opened in a new tab.' : 'Console opened in a new tab.');
      window.open(data.data.url, '_blank', 'noopener');
    } catch (error: any) {
      setMessage(error?.response?.status === 403 ? 'You do not have the permission for the queue console.' : 'Could not open the queue console.');
    }
  };
  return (
    <Section
      title="Queue console"
      testId="monitoring-queue-console"
      action={
        <Flex gap={2}>
          <Button variant="secondary" tag={RouterLink} to="jobs">Find jobs</Button>
          <Button onClick={() => void open()}>Open queue console</Button>
        </Flex>
      }
    >
      <Typography textColor="neutral600">
        Jobs of every queue (bull-board): waiting, active, delayed, failed and completed, with their data and errors. {message}
      </Typography>
    </Section>
  );
};

/** The on-demand check: real requests to the critical endpoints, each against the status it should answer. */
const EndpointCheckSection = () => {
  const { post } = useFetchClient();
  const [state, setState] = React.useState<{ status: 'idle' | 'running' | 'error'; message?: string } | { status: 'ready'; data: any }>({ status: 'idle' });
  const run = async () => {
    setState({ status: 'running' });
    try {
      const { data } = await post<{ data: any }>('/monitoring/api-monitor/check', {});
      setState({ status: 'ready', data: data.data });
    } catch (error: any) {
      setState({ status: 'error', message: error?.response?.status === 403 ? 'You do not have the permission to run the check.' : 'The check failed to run.' });
    }
  };
  return (
    <Section
      title="Critical endpoints"
      testId="monitoring-endpoints"
      action={<Button variant="tertiary" loading={state.status === 'running'} onClick={() => void run()}>Check now</Button>}
    >
      {state.status === 'ready' ? (
        <SimpleTable
          head={['Endpoint', 'Request', 'Expected', 'Answered', 'Time', 'Result']}
          rows={state.data.endpoints.map((e: any) => [e.name, `${e.method} ${e.path}`, e.expectStatus, e.status ?? e.error, `${e.durationMs} ms`, <StatusBadge key="r" status={e.ok ? 'green' : 'red'} />])}
        />
      ) : (
        <Typography textColor="neutral600">{state.status === 'error' ? state.message : state.status === 'running' ? 'Checking…' : 'Calls each critical endpoint over HTTP and compares the status it answers.'}</Typography>
      )}
    </Section>
  );
};

const DebugSection = () => {
  const { state } = useAdminGet<any>('/monitoring/debug');
  return (
    <Section title="Debug console (secrets redacted)" testId="monitoring-debug">
      <Loaded state={state}>
        {(data) => (
          <Box tag="pre" padding={4} background="neutral100" hasRadius style={{ overflow: 'auto', maxHeight: 480, fontSize: 12 }}>
            {JSON.stringify(data, null, 2)}
          </Box>
        )}
      </Loaded>
    </Section>
  );
};

const MonitoringPage = () => (
  <Page.Main>
    <Page.Protect permissions={permission('healthRead')}>
      <Page.Title>Monitoring</Page.Title>
      <Layouts.Header title="Monitoring" subtitle="System health, alerts, API traffic and configuration" />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          <HealthSection />
          <AlertsSection />
          <QueueConsoleSection />
          <EndpointCheckSection />
          <ApiMonitorSection />
          <DebugSection />
        </Flex>
      </Layouts.Content>
    </Page.Protect>
  </Page.Main>
);

export default MonitoringPage;
