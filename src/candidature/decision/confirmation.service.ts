import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { AccesCandidatures, Acteur, CandidatureComplete, usagePourCandidat } from '../acces-candidatures';
import { tracer } from '../historique';
import { EtatCandidature, exiger, verdict } from '../candidature-rules';
import { DESISTEMENT_AUTO } from '../decisions';
import { etatsDe } from '../etat-candidature';
import { listeComplementaire, recalculerRangs } from '../liste-complementaire';
import { CandidatureService } from '../candidature.service';
import { datesDe } from '../dates-archivees';
import { CandidatureDto } from '../dto/candidature.dto';
import { Candidature } from '../entities/candidature.entity';
import { Clock, parisDate } from '../../common/clock/clock';
import { BusinessRule } from '../../common/errors/domain-errors';
import { AppConfig, appConfig } from '../../config';
import { lockRows } from '../../database/row-lock';
import { RenderedMail } from '../../mail/templates/mail-template';
import { CourrierCandidature, DonneesCourrier } from '../courrier-candidature.service';
import { alerteDecision, avisFavorable, relanceConfirmation, reponseCandidat } from '../../mail/templates/avis.templates';
import { Formation } from '../../offre/entities/formation.entity';
import { OpiService } from '../../opi/opi.service';
import { dateLimiteConfirmation, nouvelAvis, plusJours } from '../avis/avis-rules';
import { reporterAvisCourant } from '../liste-candidature-colonnes';
import { Avis, TypeAvis } from '../entities/avis.entity';

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
    private readonly courrier: CourrierCandidature,
    private readonly opi: OpiService,
    @Inject(appConfig.KEY) private readonly app: AppConfig,
  ) {}

  /**
   * The candidate confirms, or a gestionnaire of the centre confirms for them (recorded in the history): the same
   * rule (« confirmer »), the same mail, the same OPI code.
   */
  async confirmer(a: Acteur, id: number): Promise<CandidatureDto> {
    await this.dataSource.transaction(async (em) => {
      const [c] = await AccesCandidatures.agir(em, a, [id], usagePourCandidat(a));
      await this.candidatures.assertPossible(c, 'confirmer', em);
      const codeOpi = `${this.app.prefixeOpi}${c.compteCandidat.numeroDossier}`;
      await em.getRepository(Candidature).update({ id }, { acceptee: true, accepteeAt: this.clock.now(), acceptePar: a.login, codeOpi, version: c.version + 1 });
      await this.opi.admission(em, id, codeOpi);
      if (a.kind === 'staff') await tracer(em, [id], 'CONFIRMATION', a.login, this.clock.now());
      await this.mail(em, c, 'CANDIDATURE_CONFIRM', (d) => reponseCandidat({ ...d, reponse: 'confirmation', codeOpi }));
    });
    return this.candidatures.recapitulatif(await AccesCandidatures.lire(this.dataSource.manager, a, id));
  }

  /** The candidate withdraws, or a gestionnaire of the centre for them (recorded in the history): the same rule and mails. */
  async desister(a: Acteur, id: number): Promise<CandidatureDto> {
    const c = await AccesCandidatures.lire(this.dataSource.manager, a, id, usagePourCandidat(a));
    await this.dataSource.transaction(async (em) => {
      await this.retirer(em, c, a.login);
      if (a.kind === 'staff') await tracer(em, [id], 'DESISTEMENT', a.login, this.clock.now());
    });
    return this.candidatures.recapitulatif(await AccesCandidatures.lire(this.dataSource.manager, a, id));
  }

  /** The job: withdraws every favourable decision left unanswered past its deadline, each in its own transaction. */
  async desisterEchus(): Promise<{ desistements: number; promotions: number }> {
    const today = parisDate(this.clock.now());
    let desistements = 0;
    let promotions = 0;
    for (const c of await this.enAttenteDeReponse()) {
      if (verdict('desisterAutomatiquement', await this.etat(this.dataSource.manager, c), today)) continue;
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
      const etat = await this.etat(this.dataSource.manager, c);
      if (verdict('relancer', etat, today) || etat.limiteConfirmation! > plusJours(today, this.app.relanceConfirmationJours) || c.relanceEnvoyee) continue;
      const limite = etat.limiteConfirmation!;
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
   * formation, then the candidature, before checking (for the job, again on the locked row: the candidate may have
   * answered, or been promoted with a new deadline, since). A withdrawal is final (candidature-rules.ts), so a
   * candidature causes at most one promotion. Returns whether someone was promoted.
   */
  private async retirer(em: EntityManager, c: CandidatureComplete, par: string): Promise<boolean> {
    await lockRows(em, Formation, { id: c.formationId });
    await lockRows(em, Candidature, { id: c.id });
    const current = (await em.getRepository(Candidature).findOneOrFail({ where: { id: c.id }, relations: { formation: { commission: { centre: true } } } })) as CandidatureComplete;
    const auto = par === DESISTEMENT_AUTO;
    exiger(auto ? 'desisterAutomatiquement' : 'desister', await this.etat(em, current), parisDate(this.clock.now()));
    await em.getRepository(Candidature).update({ id: c.id }, { acceptee: false, accepteeAt: this.clock.now(), acceptePar: par, version: current.version + 1 });
    if (current.acceptee === true) await this.opi.desistement(em, c.id);
    await this.mail(em, current, auto ? 'CANDIDATURE_DESIST_AUTO' : 'CANDIDATURE_DESIST', (d) => reponseCandidat({ ...d, reponse: auto ? 'desistementAuto' : 'desistement' }));
    await this.alerte(em, current, 'desistement');
    return this.promouvoir(em, current.formation);
  }

  /** The first of the formation's liste complémentaire (liste-complementaire.ts) gets a favourable decision. */
  private async promouvoir(em: EntityManager, formation: CandidatureComplete['formation']): Promise<boolean> {
    if (!formation.listeComplementaire) return false;
    const [promu] = await listeComplementaire(em, formation.id);
    if (!promu) return false;
    const now = this.clock.now();
    const today = parisDate(now);
    const limite = formation.delaiConfirmationListeComplementaire !== null ? plusJours(today, formation.delaiConfirmationListeComplementaire) : formation.dateConfirmationListeComplementaire;
    await em.getRepository(Avis).insert(
      nouvelAvis({ candidatureId: promu.id, type: TypeAvis.FA, valide: true, valideAt: now, validePar: PROMOTION_AUTO, publieAt: now, creePar: PROMOTION_AUTO, createdAt: now }),
    );
    await reporterAvisCourant(em, [promu.id]);
    await em.getRepository(Candidature).update({ id: promu.id }, { acceptee: null, accepteeAt: null, acceptePar: null, relanceEnvoyee: false, dateConfirmationCandidature: limite ?? null, version: promu.version + 1 });
    const apres = { ...promu, dateConfirmationCandidature: limite ?? null } as CandidatureComplete;
    await this.mail(em, apres, 'AVIS_FAVORABLE', (d) => avisFavorable({ ...d, commentaire: null, dateConfirmation: dateLimiteConfirmation(apres, datesDe(apres), today) }));
    await this.alerte(em, apres, 'promotion');
    await recalculerRangs(em, [formation.id]);
    return true;
  }

  private async etat(em: EntityManager, c: CandidatureComplete): Promise<EtatCandidature> {
    return (await etatsDe(em, [c])).get(c.id)!;
  }

  private async enAttenteDeReponse(): Promise<CandidatureComplete[]> {
    return (await this.dataSource.getRepository(Candidature).find({
      where: { nonAnnulee: true, acceptee: IsNull(), datesArchivees: IsNull() },
      relations: { formation: { commission: { centre: true } } },
    })) as CandidatureComplete[];
  }

  private mail(em: EntityManager, c: CandidatureComplete, code: string, build: (d: DonneesCourrier) => RenderedMail) {
    return this.courrier.auCandidat(em, c, code, build);
  }

  private alerte(em: EntityManager, c: CandidatureComplete, evenement: 'desistement' | 'promotion') {
    return this.courrier.alerterCommission(em, c, evenement === 'desistement' ? 'COMMISSION_ALERT_DESISTEMENT' : 'COMMISSION_ALERT_LISTE_PRINC', (d) => alerteDecision({ ...d, evenement }));
  }
}
