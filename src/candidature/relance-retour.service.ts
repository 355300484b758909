import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, Not } from 'typeorm';
import { Clock, parisDate } from '../common/clock/clock';
import { relanceRetour } from '../mail/templates/candidature.templates';
import { plusJours } from './avis/avis-rules';
import { CourrierCandidature } from './courrier-candidature.service';
import { datesDe } from './dates-archivees';
import { Candidature } from './entities/candidature.entity';

/**
 * The reminder before the return date (upstream #66): for the formations that ask for it (relanceRetourJours), each
 * live candidature not transmitted yet is reminded once, from that many days before its return date (the
 * candidature's own when staff extended it) until the date itself. A run of the job may stop anywhere: the next one
 * sends what is left.
 */
@Injectable()
export class RelanceRetourService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly courrier: CourrierCandidature,
  ) {}

  async relancer(): Promise<{ relances: number }> {
    const today = parisDate(this.clock.now());
    let relances = 0;
    const candidatures = await this.dataSource.getRepository(Candidature).find({
      where: { nonAnnulee: true, transmiseAt: IsNull(), relanceRetourEnvoyee: false, datesArchivees: IsNull(), formation: { relanceRetourJours: Not(IsNull()) } },
      relations: { formation: true },
    });
    for (const c of candidatures) {
      const formation = c.formation!;
      const dateRetour = datesDe({ ...c, formation }).dateRetour;
      if (dateRetour < today || dateRetour > plusJours(today, formation.relanceRetourJours!)) continue;
      await this.dataSource.transaction(async (em) => {
        // The claim: one transaction (this run's, another instance's) turns the flag, only while still not transmitted.
        const claim = await em.getRepository(Candidature).update({ id: c.id, relanceRetourEnvoyee: false, transmiseAt: IsNull(), nonAnnulee: true }, { relanceRetourEnvoyee: true });
        if (claim.affected !== 1) return;
        await this.courrier.auCandidat(em, { ...c, formation }, 'CANDIDATURE_RELANCE_RETOUR', (d) => relanceRetour({ ...d, dateRetour }));
        relances++;
      });
    }
    return { relances };
  }
}
