/** A dependency's state in the readiness detail (GET /health/ready): up with its round trip, or down. */
export interface EtatDependance {
  status: 'up' | 'down';
  responseTime?: number;
}

/** Runs `sonde` for the readiness detail: up with its round trip, down when it fails or outlasts `timeoutMs`. */
export async function sonder(sonde: (signal: AbortSignal) => Promise<unknown>, timeoutMs: number): Promise<EtatDependance> {
  const debut = Date.now();
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    await Promise.race([
      sonde(signal),
      new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason as Error), { once: true })),
    ]);
    return { status: 'up', responseTime: Date.now() - debut };
  } catch {
    return { status: 'down' };
  }
}
