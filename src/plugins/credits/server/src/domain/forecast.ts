/**
 * Burn rate, pure: credits used per day over a window and how long the available balance lasts.
 * `daily` holds one total per day that had usage (missing days count as zero).
 */
export interface BurnForecast {
  windowDays: number;
  usedInWindow: number;
  perDay: number;
  available: number;
  /** null when nothing is being spent. */
  daysUntilEmpty: number | null;
  lowBalance: boolean;
  threshold: number;
}

export function forecast(daily: number[], available: number, threshold: number, windowDays = 7): BurnForecast {
  const usedInWindow = daily.reduce((sum, v) => sum + v, 0);
  const perDay = Math.round((usedInWindow / windowDays) * 100) / 100;
  const daysUntilEmpty = perDay > 0 ? Math.floor((available / perDay) * 10) / 10 : null;
  return { windowDays, usedInWindow, perDay, available, daysUntilEmpty, lowBalance: available < threshold, threshold };
}
