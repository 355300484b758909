import { randomInt } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock } from '../common/clock/clock';
import { AppConfig, appConfig } from '../config';
import { NumeroDossier } from './entities/numero-dossier.entity';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/**
 * Numéros de dossier: 8 characters from 0-9A-Z, starting with the institution's prefix if it has one
 * (COMPTE_NUMERO_PREFIXE), never issued twice (the numero_dossier table keeps every number, purges included).
 */
@Injectable()
export class NumeroDossierService {
  constructor(
    private readonly clock: Clock,
    @Inject(appConfig.KEY) private readonly app: AppConfig,
  ) {}

  /** Burns and returns a new number, inside the caller's transaction. */
  async issue(em: EntityManager): Promise<string> {
    const numeros = em.getRepository(NumeroDossier);
    for (;;) {
      const prefixe = this.app.prefixeNumeroDossier;
      const numero = prefixe + Array.from({ length: 8 - prefixe.length }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
      // At least 36^5 ≈ 6e7 numbers: a collision is rare; the primary key settles a race between two instances.
      if (await numeros.existsBy({ numero })) continue;
      await numeros.insert({ numero, issuedAt: this.clock.now() });
      return numero;
    }
  }
}
