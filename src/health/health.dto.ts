export class HealthCheckDto {
  /** @example "up" */
  status: string;
  /** Round trip in milliseconds @example 2 */
  responseTime?: number;
}

export class HealthDto {
  /** @example "ok" */
  status: 'ok';
  /** Server time, UTC @example "2026-11-22T18:00:00.000Z" */
  time: string;
  /** Seconds since the process started @example 3600 */
  uptimeSeconds: number;
  /** Dependencies checked, by name (readiness only); `clamav`, present when CLAMAV_URL is set, is shown but does not decide readiness (only uploads need clamd) @example {"database":{"status":"up","responseTime":2},"clamav":{"status":"up","responseTime":1}} */
  checks?: Record<string, HealthCheckDto>;
}
