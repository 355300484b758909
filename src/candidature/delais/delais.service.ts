import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CandidatureService } from '../candidature.service';
import { datesDe } from '../dates-archivees';
import { CandidatureDto } from '../dto/candidature.dto';
import { Candidature } from '../entities/candidature.entity';
import { Clock, parisDate, formatDate } from '../../common/clock/clock';
import { Principal } from '../../common/auth/roles';
import { BusinessRule, FieldError } from '../../common/errors/domain-errors';

import { AccesCandidatures } from '../acces-candidatures';
import { exigerEtat } from '../etat-candidature';
import { DelaisCandidatureInput } from './delais.dto';

/**
 * Deadlines of one candidature set by its gestionnaire, scolarité or admin (reference §2.6): a confirmation date that
 * replaces the formation's date or delay, and a return date that extends the formation's. They are read where every
 * deadline is read: `datesDe` (return) and `dateLimiteConfirmation` (confirmation).
 */
@Injectable()
export class DelaisService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly candidatures: CandidatureService,
  ) {}

  async fixer(principal: Principal, id: number, input: DelaisCandidatureInput): Promise<CandidatureDto> {
    await this.fixerPour(principal, [id], input);
    return this.candidatures.recapitulatif(await AccesCandidatures.lire(this.dataSource.manager, principal, id));
  }

  /**
   * The same deadlines for 1 to 200 candidatures of the caller's scope, all or nothing: every candidature checked (scope,
   * state, a return date that extends each one's formation's), then every one changed, or none.
   */
  async fixerPour(principal: Principal, ids: number[], input: DelaisCandidatureInput): Promise<{ candidatureIds: number[] }> {
    const dateConfirmation = input.dateConfirmation ?? null;
    const dateRetour = input.dateRetour ?? null;
    await this.dataSource.transaction(async (em) => {
      const candidatures = await AccesCandidatures.agir(em, principal, ids, 'gestion');
      const today = parisDate(this.clock.now());
      await exigerEtat(em, 'fixerDelais', candidatures, today);
      const errors: FieldError[] = [];
      if (dateConfirmation !== null && dateConfirmation < today) errors.push({ field: 'dateConfirmation', message: `ne peut pas être passée (nous sommes le ${formatDate(today)})` });
      if (dateRetour !== null && dateRetour < today) errors.push({ field: 'dateRetour', message: `ne peut pas être passée (nous sommes le ${formatDate(today)})` });
      else if (dateRetour !== null) {
        // The latest of the formations' return dates: the one date must extend every one of them.
        const formation = candidatures.map((c) => datesDe({ ...c, dateRetourCandidature: null }).dateRetour).reduce((a, b) => (a > b ? a : b));
        if (dateRetour <= formation) errors.push({ field: 'dateRetour', message: `doit prolonger la date limite de retour de ${ids.length === 1 ? 'la formation' : 'chaque formation'} (${formatDate(formation)})` });
      }
      if (errors.length > 0) throw new BusinessRule('DELAI_INVALIDE', 'Ces dates ne peuvent pas être retenues : rien n’a été modifié.', errors);
      for (const c of candidatures) {
        await em.getRepository(Candidature).update(
          { id: c.id },
          {
            dateConfirmationCandidature: dateConfirmation,
            dateRetourCandidature: dateRetour,
            // A new confirmation deadline gets its own reminder.
            ...(dateConfirmation !== c.dateConfirmationCandidature ? { relanceEnvoyee: false } : {}),
            // And a new return deadline, its own reminder before it.
            ...(dateRetour !== c.dateRetourCandidature ? { relanceRetourEnvoyee: false } : {}),
            version: c.version + 1,
          },
        );
      }
    });
    return { candidatureIds: ids };
  }
}
