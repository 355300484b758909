import { EntityManager } from 'typeorm';
import { SystemClock } from '../common/clock/clock';
import { parseAppConfig } from '../config/app.config';
import { NumeroDossierService } from './numero-dossier.service';

/** An entity manager over a fake numero_dossier table; its first `busy` draws are said to be issued already. */
function fakeManager(busy = 0) {
  const numbers = new Set<string>();
  const drawn: string[] = [];
  const em = {
    getRepository: () => ({
      existsBy: async ({ numero }: { numero: string }) => {
        drawn.push(numero);
        return drawn.length <= busy || numbers.has(numero);
      },
      insert: async ({ numero }: { numero: string }) => void numbers.add(numero),
    }),
  } as unknown as EntityManager;
  return { em, numbers, drawn };
}

describe('NumeroDossierService', () => {
  const clock = new SystemClock();

  it('issues 8 characters from 0-9A-Z and burns each number', async () => {
    const service = new NumeroDossierService(clock, parseAppConfig({}));
    const { em, numbers } = fakeManager();
    const issued = await Promise.all(Array.from({ length: 200 }, () => service.issue(em)));
    for (const numero of issued) expect(numero).toMatch(/^[0-9A-Z]{8}$/);
    expect(new Set(issued).size).toBe(200);
    expect([...numbers].sort()).toEqual([...issued].sort());
  });

  it("starts every number with the institution's prefix, still 8 characters", async () => {
    const service = new NumeroDossierService(clock, parseAppConfig({ COMPTE_NUMERO_PREFIXE: 'UO' }));
    expect(await service.issue(fakeManager().em)).toMatch(/^UO[0-9A-Z]{6}$/);
  });

  it('draws again while the number drawn was issued before', async () => {
    const service = new NumeroDossierService(clock, parseAppConfig({}));
    const { em, numbers, drawn } = fakeManager(3);
    const issued = await service.issue(em);
    expect(drawn).toHaveLength(4);
    expect(drawn[3]).toBe(issued);
    expect([...numbers]).toEqual([issued]);
  });
});
