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
  /** Dependencies checked, by name (readiness only): `database` decides readiness; `stockage` (the files' folder or S3 bucket) and `clamav` (present when CLAMAV_URL is set) are shown but do not decide it (only pièces need them) @example {"database":{"status":"up","responseTime":2},"stockage":{"status":"up","responseTime":1},"clamav":{"status":"up","responseTime":1}} */
  checks?: Record<string, HealthCheckDto>;
}
