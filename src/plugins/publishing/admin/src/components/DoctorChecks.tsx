import { Badge, Flex, Typography } from '@strapi/design-system';
import type { DoctorCheck } from '../types';

const TONE: Record<DoctorCheck['status'], { bg: string; text: string }> = {
  ok: { bg: 'success100', text: 'success700' },
  failed: { bg: 'danger100', text: 'danger700' },
  skipped: { bg: 'neutral100', text: 'neutral600' },
};

/** The connection doctor's last report: every check, and for a failed one what to do about it. */
export const DoctorChecks = ({ checks }: { checks: DoctorCheck[] }) => (
  <Flex direction="column" alignItems="flex-start" gap={1}>
    {checks.map((check) => (
      <Flex key={check.id} gap={2} alignItems="flex-start" data-testid={`doctor-${check.id}`} data-status={check.status}>
        <Badge backgroundColor={TONE[check.status].bg} textColor={TONE[check.status].text}>
          {check.status}
        </Badge>
        <Flex direction="column" alignItems="flex-start">
          <Typography variant="pi">
            <strong>{check.id}</strong>: {check.message}
          </Typography>
          {check.status === 'failed' && check.fix && (
            <Typography variant="pi" textColor="neutral600">
              Fix: {check.fix}
            </Typography>
          )}
        </Flex>
      </Flex>
    ))}
  </Flex>
);
