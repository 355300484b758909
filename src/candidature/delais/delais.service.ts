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
    const dateConfirmation = input.dateConfirmation ?? null;
    const dateRetour = input.dateRetour ?? null;
    await this.dataSource.transaction(async (em) => {
      const [c] = await AccesCandidatures.agir(em, principal, [id], 'gestion');
      const today = parisDate(this.clock.now());
      await exigerEtat(em, 'fixerDelais', [c], today);
      const formation = datesDe({ ...c, dateRetourCandidature: null }).dateRetour;
      const errors: FieldError[] = [];
      if (dateConfirmation !== null && dateConfirmation < today) errors.push({ field: 'dateConfirmation', message: `ne peut pas être passée (nous sommes le ${formatDate(today)})` });
      if (dateRetour !== null && dateRetour < today) errors.push({ field: 'dateRetour', message: `ne peut pas être passée (nous sommes le ${formatDate(today)})` });
      else if (dateRetour !== null && dateRetour <= formation) errors.push({ field: 'dateRetour', message: `doit prolonger la date limite de retour de la formation (${formatDate(formation)})` });
      if (errors.length > 0) throw new BusinessRule('DELAI_INVALIDE', 'Ces dates ne peuvent pas être retenues : rien n’a été modifié.', errors);
      await em.getRepository(Candidature).update(
        { id },
        {
          dateConfirmationCandidature: dateConfirmation,
          dateRetourCandidature: dateRetour,
          // A new confirmation deadline gets its own reminder.
          ...(dateConfirmation !== c.dateConfirmationCandidature ? { relanceEnvoyee: false } : {}),
          version: c.version + 1,
        },
      );
    });
    return this.candidatures.recapitulatif(await AccesCandidatures.lire(this.dataSource.manager, principal, id));
  }
}
