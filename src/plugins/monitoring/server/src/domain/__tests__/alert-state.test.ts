import { diffAlerts, type AlertCondition } from '../alert-state';
import { resolveConfig } from '../config';

const c = (key: string): AlertCondition => ({ key, rule: key.split(':')[0], severity: 'warning', title: key, message: key });

describe('diffAlerts', () => {
  it('fires new conditions, keeps persisting ones quiet and clears vanished ones', () => {
    const { fired, ongoing, cleared } = diffAlerts(['low-credit:1', 'health:redis'], [c('low-credit:1'), c('low-credit:2'), c('low-credit:2')]);
    expect(fired.map((x) => x.key)).toEqual(['low-credit:2']);
    expect(ongoing.map((x) => x.key)).toEqual(['low-credit:1']);
    expect(cleared).toEqual(['health:redis']);
  });

  it('fires a condition again only after it cleared', () => {
    let active: string[] = [];
    const sequence = [[c('x')], [c('x')], [], [c('x')]];
    const firedPerStep = sequence.map((current) => {
      const d = diffAlerts(active, current);
      active = [...d.fired, ...d.ongoing].map((x) => x.key);
      return d.fired.length;
    });
    expect(firedPerStep).toEqual([1, 0, 0, 1]);
  });
});

describe('resolveConfig', () => {
  it('fills defaults', () => {
    const config = resolveConfig({ health: { degradeAfterMs: 0 } });
    expect(config.health.degradeAfterMs).toBe(0);
    expect(config.health.recoverAfterMs).toBe(60000);
    expect(config.alerts.emailTo).toEqual([]);
  });

  it('names the key and the fix when thresholds are inverted', () => {
    expect(() => resolveConfig({ health: { databaseLatencyMs: { yellow: 500, red: 100 } } })).toThrow('health.databaseLatencyMs: red (100) must be at least yellow (500)');
    expect(() => resolveConfig({ health: { diskFreePct: { yellow: 5, red: 15 } } })).toThrow('at most');
    expect(() => resolveConfig({ alerts: { webhookUrl: 'ftp://x' } })).toThrow('MONITORING_ALERT_WEBHOOK_URL');
  });
});
