import { lienSuivi } from '../../mail/templates/candidature.templates';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { CompteCandidat } from '../../auth/entities/compte-candidat.entity';
import { CandidatureComplete, CandidatureService } from '../../candidature/candidature.service';
import { datesDe } from '../../candidature/dates-archivees';
import { decisionsVisibles } from '../../candidature/decisions';
import { CandidatureDto } from '../../candidature/dto/candidature.dto';
import { Candidature } from '../../candidature/entities/candidature.entity';
import { Clock, parisDate } from '../../common/clock/clock';
import { BusinessRule } from '../../common/errors/domain-errors';
import { AppConfig, appConfig } from '../../config';
import { lockRows } from '../../database/row-lock';
import { OutboxService } from '../../mail/outbox.service';
import { alerteDecision, avisFavorable, relanceConfirmation, reponseCandidat } from '../../mail/templates/avis.templates';
import { Formation } from '../../offre/entities/formation.entity';
import { OpiService } from '../../opi/opi.service';
import { dateLimiteConfirmation, nouvelAvis, plusJours } from '../avis/avis-rules';
import { AvisService } from '../avis/avis.service';
import { Avis, TypeAvis } from '../entities/avis.entity';

/** Who withdrew: the candidate (their numéro de dossier), or the job after the deadline. */
export const DESISTEMENT_AUTO = 'autoDesist';
const PROMOTION_AUTO = 'autoListComp';

/**
 * The candidate's answer to a favourable decision (reference §2.6) and the liste complémentaire it moves (§2.7):
 * confirm (OPI code) or withdraw before the deadline; the job withdraws those who let it pass. Every withdrawal in a
 * formation managing its liste complémentaire promotes exactly one candidate, the best ranked: the formation's row
 * is locked first, so concurrent withdrawals promote one after the other and never the same candidate twice.
 */
@Injectable()
export class ConfirmationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly candidatures: CandidatureService,
    private readonly avis: AvisService,
    private readonly outbox: OutboxService,
    private readonly opi: OpiService,
    @Inject(appConfig.KEY) private readonly app: AppConfig,
  ) {}

  async confirmer(compteId: number, id: number, par: string): Promise<CandidatureDto> {
    await this.dataSource.transaction(async (em) => {
      await lockRows(em, Candidature, { id, compteCandidatId: compteId });
      const c = await this.candidatures.owned(compteId, id, em);
      await this.candidatures.assertPossible(c, 'confirmer', 'CONFIRMATION_IMPOSSIBLE', em);
      const codeOpi = `${this.app.prefixeOpi}${(await this.compte(em, c)).numeroDossier}`;
      await em.getRepository(Candidature).update({ id }, { acceptee: true, accepteeAt: this.clock.now(), acceptePar: par, codeOpi, version: c.version + 1 });
      await this.opi.admission(em, id, codeOpi);
      await this.mail(em, c, 'CANDIDATURE_CONFIRM', (d) => reponseCandidat({ ...d, reponse: 'confirmation', codeOpi }));
    });
    return this.candidatures.detail(compteId, id);
  }

  async desister(compteId: number, id: number, par: string): Promise<CandidatureDto> {
    const c = await this.candidatures.owned(compteId, id);
    await this.dataSource.transaction((em) => this.retirer(em, c, par));
    return this.candidatures.detail(compteId, id);
  }

  /** The job: withdraws every favourable decision left unanswered past its deadline, each in its own transaction. */
  async desisterEchus(): Promise<{ desistements: number; promotions: number }> {
    const today = parisDate(this.clock.now());
    let desistements = 0;
    let promotions = 0;
    for (const c of await this.enAttenteDeReponse()) {
      const { limite } = await this.etat(this.dataSource.manager, c);
      if (limite === null || limite >= today) continue;
      const promu = await this.dataSource.transaction(async (em) => {
        try {
          return await this.retirer(em, c, DESISTEMENT_AUTO);
        } catch (error) {
          // Answered meanwhile: nothing to do.
          if (error instanceof BusinessRule) return undefined;
          throw error;
        }
      });
      if (promu === undefined) continue;
      desistements++;
      if (promu) promotions++;
    }
    return { desistements, promotions };
  }

  /** The job: one reminder, RELANCE_CONFIRMATION_JOURS before the deadline, to those who have not answered. */
  async relancer(): Promise<{ relances: number }> {
    const today = parisDate(this.clock.now());
    let relances = 0;
    for (const c of await this.enAttenteDeReponse()) {
      const { limite } = await this.etat(this.dataSource.manager, c);
      if (limite === null || limite < today || limite > plusJours(today, this.app.relanceConfirmationJours) || c.relanceEnvoyee) continue;
      await this.dataSource.transaction(async (em) => {
        const done = await em.getRepository(Candidature).update({ id: c.id, relanceEnvoyee: false }, { relanceEnvoyee: true });
        if (done.affected !== 1) return;
        await this.mail(em, c, 'CANDIDATURE_RELANCE_FAVO', (d) => relanceConfirmation({ ...d, dateConfirmation: limite }));
        relances++;
      });
    }
    return { relances };
  }

  /**
   * Withdraws (the candidate, or the job) and promotes the best ranked of the liste complémentaire. Locks the
   * formation, then the candidature, before checking. Returns whether someone was promoted.
   */
  private async retirer(em: EntityManager, c: CandidatureComplete, par: string): Promise<boolean> {
    await lockRows(em, Formation, { id: c.formationId });
    await lockRows(em, Candidature, { id: c.id });
    const current = (await em.getRepository(Candidature).findOneOrFail({ where: { id: c.id }, relations: { formation: { commission: { centre: true } } } })) as CandidatureComplete;
    const { favorable, limite } = await this.etat(em, current);
    const auto = par === DESISTEMENT_AUTO;
    if (auto) {
      // Checked again on the locked row: the candidate may have answered, or been promoted with a new deadline, since.
      const echu = limite !== null && limite < parisDate(this.clock.now());
      if (!favorable || !echu || current.acceptee !== null || current.nonAnnulee === null) throw new BusinessRule('DESISTEMENT_IMPOSSIBLE', 'Plus rien à désister.');
    } else {
      await this.candidatures.assertPossible(current, 'desister', 'DESISTEMENT_IMPOSSIBLE', em);
    }
    await em.getRepository(Candidature).update({ id: c.id }, { acceptee: false, accepteeAt: this.clock.now(), acceptePar: par, version: current.version + 1 });
    if (current.acceptee === true) await this.opi.desistement(em, c.id);
    await this.mail(em, current, auto ? 'CANDIDATURE_DESIST_AUTO' : 'CANDIDATURE_DESIST', (d) => reponseCandidat({ ...d, reponse: auto ? 'desistementAuto' : 'desistement' }));
    await this.alerte(em, current, 'desistement');
    return this.promouvoir(em, current.formation);
  }

  /** The first of the formation's liste complémentaire (validated LC avis, by rank then avis) gets a favourable decision. */
  private async promouvoir(em: EntityManager, formation: CandidatureComplete['formation']): Promise<boolean> {
    if (!formation.listeComplementaire) return false;
    const vivantes = await em.getRepository(Candidature).find({ where: { formationId: formation.id, nonAnnulee: true }, relations: { formation: { commission: { centre: true } } } });
    const derniers = await this.avis.derniers(em, vivantes.map((c) => c.id));
    const premier = [...derniers.values()]
      .filter((a) => a.type === TypeAvis.LC && a.valide && a.publieAt !== null)
      .sort((a, b) => (a.rang ?? 0) - (b.rang ?? 0) || a.id - b.id)[0];
    if (!premier) return false;
    const promu = vivantes.find((c) => c.id === premier.candidatureId) as CandidatureComplete;
    const now = this.clock.now();
    const today = parisDate(now);
    const limite = formation.delaiConfirmationListeComplementaire !== null ? plusJours(today, formation.delaiConfirmationListeComplementaire) : formation.dateConfirmationListeComplementaire;
    await em.getRepository(Avis).insert(
      nouvelAvis({ candidatureId: promu.id, type: TypeAvis.FA, valide: true, valideAt: now, validePar: PROMOTION_AUTO, publieAt: now, creePar: PROMOTION_AUTO, createdAt: now }),
    );
    await em.getRepository(Candidature).update({ id: promu.id }, { acceptee: null, accepteeAt: null, acceptePar: null, relanceEnvoyee: false, dateConfirmationCandidature: limite ?? null, version: promu.version + 1 });
    const apres = { ...promu, dateConfirmationCandidature: limite ?? null } as CandidatureComplete;
    await this.mail(em, apres, 'AVIS_FAVORABLE', (d) => avisFavorable({ ...d, commentaire: null, dateConfirmation: dateLimiteConfirmation(apres, datesDe(apres), today) }));
    await this.alerte(em, apres, 'promotion');
    await this.avis.recalculerRangs(em, [formation.id]);
    return true;
  }

  /** Whether the decision the candidate sees is favourable, and until when they may answer (decisionsVisibles). */
  private async etat(em: EntityManager, c: CandidatureComplete): Promise<{ favorable: boolean; limite: string | null }> {
    const decision = (await decisionsVisibles(em, [c])).get(c.id)!;
    return { favorable: decision.code === TypeAvis.FA, limite: decision.dateLimiteConfirmation ?? null };
  }

  private async enAttenteDeReponse(): Promise<CandidatureComplete[]> {
    return (await this.dataSource.getRepository(Candidature).find({
      where: { nonAnnulee: true, acceptee: IsNull(), datesArchivees: IsNull() },
      relations: { formation: { commission: { centre: true } } },
    })) as CandidatureComplete[];
  }

  private compte(em: EntityManager, c: Candidature): Promise<CompteCandidat> {
    return em.getRepository(CompteCandidat).findOneByOrFail({ id: c.compteCandidatId });
  }

  private async mail(em: EntityManager, c: CandidatureComplete, code: string, build: (d: { prenom: string; nom: string; numeroDossier: string; formation: string; lien: string }) => { subject: string; text: string; html: string }) {
    const compte = await this.compte(em, c);
    const mail = build({ ...compte, formation: c.formation.libelle, lien: lienSuivi(this.app.publicUrl, compte.numeroDossier) });
    await this.outbox.enqueue(em, { code, to: compte.email, ...mail });
  }

  private async alerte(em: EntityManager, c: CandidatureComplete, evenement: 'desistement' | 'promotion') {
    const compte = await this.compte(em, c);
    await this.candidatures.alerter(em, c.formation.commission, alerteDecision({ ...compte, formation: c.formation.libelle, evenement }), evenement === 'desistement' ? 'COMMISSION_ALERT_DESISTEMENT' : 'COMMISSION_ALERT_LISTE_PRINC');
  }
}
