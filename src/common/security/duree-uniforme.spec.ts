import { CallHandler } from '@nestjs/common';
import { firstValueFrom, from, of, throwError } from 'rxjs';
import { AppConfig } from '../../config';
import { DureeUniformeInterceptor } from './duree-uniforme';

const FLOOR_MS = 150;
const interceptor = new DureeUniformeInterceptor({ reponseCompteMinMs: FLOOR_MS } as AppConfig);
const handler = (answer: () => ReturnType<CallHandler['handle']>): CallHandler => ({ handle: answer });

async function timed(run: () => Promise<unknown>): Promise<{ ms: number; outcome: unknown }> {
  const started = performance.now();
  const outcome = await run().catch((error: unknown) => error);
  return { ms: performance.now() - started, outcome };
}

describe('DureeUniformeInterceptor', () => {
  it('holds a quick answer until the floor, and keeps its value', async () => {
    const { ms, outcome } = await timed(() => firstValueFrom(interceptor.intercept(null, handler(() => of({ message: 'ok' })))));
    expect(outcome).toEqual({ message: 'ok' });
    expect(ms).toBeGreaterThanOrEqual(FLOOR_MS - 1);
  });

  it('holds an error until the floor too, and rethrows it unchanged', async () => {
    const failure = new Error('refusé');
    const { ms, outcome } = await timed(() => firstValueFrom(interceptor.intercept(null, handler(() => throwError(() => failure)))));
    expect(outcome).toBe(failure);
    expect(ms).toBeGreaterThanOrEqual(FLOOR_MS - 1);
  });

  it('adds nothing to an answer slower than the floor', async () => {
    const slow = () => from(new Promise((resolve) => setTimeout(() => resolve('lent'), FLOOR_MS + 100)));
    const { ms, outcome } = await timed(() => firstValueFrom(interceptor.intercept(null, handler(slow))));
    expect(outcome).toBe('lent');
    expect(ms).toBeLessThan(FLOOR_MS + 100 + 80);
  });
});
