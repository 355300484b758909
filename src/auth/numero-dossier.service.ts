import { randomInt } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock } from '../common/clock/clock';
import { NumeroDossier } from './entities/numero-dossier.entity';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** Numéros de dossier: 8 characters from 0-9A-Z, never issued twice (the numero_dossier table keeps every number, purges included). */
@Injectable()
export class NumeroDossierService {
  constructor(private readonly clock: Clock) {}

  /** Burns and returns a new number, inside the caller's transaction. */
  async issue(em: EntityManager): Promise<string> {
    const numeros = em.getRepository(NumeroDossier);
    for (;;) {
      const numero = Array.from({ length: 8 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
      // 36^8 ≈ 2.8e12 numbers: a collision is rare; the primary key settles a race between two instances.
      if (await numeros.existsBy({ numero })) continue;
      await numeros.insert({ numero, issuedAt: this.clock.now() });
      return numero;
    }
  }
}
