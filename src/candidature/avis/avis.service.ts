import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { AccesCandidatures, CandidatureComplete } from '../acces-candidatures';
import { lettreDe, reglesDe, verdict } from '../candidature-rules';
import { libelleDecision, typeNomme, typesDesAvis } from '../decisions';
import { TypeDecision } from '../entities/type-decision.entity';
import { avisCourants, etatsDe, exigerEtat } from '../etat-candidature';
import { recalculerRangs } from '../liste-complementaire';
import { reporterAvisCourant } from '../liste-candidature-colonnes';
import { datesDe } from '../dates-archivees';
import { Candidature } from '../entities/candidature.entity';
import { Principal } from '../../common/auth/roles';
import { Clock, parisDate } from '../../common/clock/clock';
import { ValidationFailed } from '../../common/errors/domain-errors';
import { CourrierCandidature, DonneesCourrier } from '../courrier-candidature.service';
import { avisDefavorable, avisFavorable, avisListeAttente, avisListeComplementaire, avisPreselection } from '../../mail/templates/avis.templates';
import { RenderedMail } from '../../mail/templates/mail-template';
import { Avis, TypeAvis } from '../entities/avis.entity';
import { MotifAvis } from '../entities/motif-avis.entity';
import { AvisDto, MotifAvisDto, SaisieAvisInput } from './avis.dto';
import { LETTRE, champsAvis, dateLimiteConfirmation, nouvelAvis, publicationDue } from './avis-rules';

/**
 * Avis of the commissions (reference §2.5): entered unvalidated (staff only see them), validated one or up to 200 at
 * once, then published — mailed and shown to the candidate — at once, or on the formation's publication date by the
 * `publication-avis` job. Publication is a conditional UPDATE of `publie_at`, so each avis is mailed exactly once
 * whoever publishes it.
 */
@Injectable()
export class AvisService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly courrier: CourrierCandidature,
  ) {}

  /** Enters an unvalidated avis on each candidature (refused once the candidate has answered: candidature-rules.ts). */
  async saisir(principal: Principal, input: SaisieAvisInput): Promise<AvisDto[]> {
    const errors = champsAvis(input, parisDate(this.clock.now()));
    if (input.motif && !(await this.dataSource.getRepository(MotifAvis).existsBy({ code: input.motif, actif: true }))) {
      errors.push({ field: 'motif', message: "n'est pas un motif de la liste (voir GET /api/candidatures/motifs-avis)" });
    }
    const typeDecision = input.typeDecision ? await this.dataSource.getRepository(TypeDecision).findOneBy({ code: input.typeDecision }) : null;
    if (input.typeDecision && (!typeDecision || !typeDecision.actif)) {
      errors.push({ field: 'typeDecision', message: "n'est pas un type de décision en service (voir GET /api/candidatures/types-decision)" });
    } else if (typeDecision && typeDecision.famille !== input.type) {
      errors.push({ field: 'typeDecision', message: `est un type de la famille ${typeDecision.famille}, pas ${input.type}` });
    }
    if (errors.length > 0) throw new ValidationFailed(errors);
    const ids = await this.dataSource.transaction(async (em) => {
      const candidatures = await AccesCandidatures.agir(em, principal, input.candidatureIds, 'saisie');
      const createdAt = this.clock.now();
      await exigerEtat(em, 'saisirAvis', candidatures, parisDate(createdAt));
      const inserted: number[] = [];
      for (const candidatureId of input.candidatureIds) {
        const result = await em.getRepository(Avis).insert(
          nouvelAvis({
            candidatureId,
            type: input.type,
            // The model is named by no id: an avis without a type is its family's model, as before types existed.
            typeDecisionId: typeDecision && !typeDecision.modele ? typeDecision.id : null,
            motif: input.motif ?? null,
            rang: input.rang ?? null,
            preselectionDate: input.preselectionDate ?? null,
            preselectionHeure: input.preselectionHeure ?? null,
            preselectionLieu: input.preselectionLieu ?? null,
            dateReunion: input.dateReunion ?? null,
            commentaire: input.commentaire ?? null,
            commentaireVisible: input.commentaireVisible ?? false,
            creePar: principal.login,
            createdAt,
          }),
        );
        inserted.push(Number(result.identifiers[0].id));
      }
      await reporterAvisCourant(em, input.candidatureIds);
      return inserted;
    });
    return this.dtos(await this.dataSource.getRepository(Avis).find({ where: { id: In(ids) }, relations: { typeDecision: true } }));
  }

  /**
   * Validates the latest avis of each candidature (gestionnaires, scolarité centrale, admin): all or nothing. Those
   * whose formation has no publication date, or whose date has come, are published and mailed at once.
   */
  async valider(principal: Principal, candidatureIds: number[]): Promise<AvisDto[]> {
    const ids = await this.dataSource.transaction(async (em) => {
      const candidatures = await AccesCandidatures.agir(em, principal, candidatureIds, 'gestion');
      const now = this.clock.now();
      await exigerEtat(em, 'validerAvis', candidatures, parisDate(now));
      const derniers = await avisCourants(em, candidatureIds);
      await this.validerAvis(em, candidatures.map((c) => ({ c, avis: derniers.get(c.id)!.dernier! })), principal.login, now);
      return candidatureIds.map((id) => derniers.get(id)!.dernier!.id);
    });
    return this.dtos(await this.dataSource.getRepository(Avis).find({ where: { id: In(ids) }, relations: { typeDecision: true } }));
  }

  /**
   * The favourable decision of a validated accès direct (reference §2.3): entered and validated at once, published
   * like any avis (never before the formation's publication date). In the caller's transaction.
   */
  async favorableDirect(em: EntityManager, c: CandidatureComplete, par: string): Promise<void> {
    const now = this.clock.now();
    const result = await em.getRepository(Avis).insert(nouvelAvis({ candidatureId: c.id, type: TypeAvis.FA, creePar: par, createdAt: now }));
    const avis = await em.getRepository(Avis).findOneOrFail({ where: { id: Number(result.identifiers[0].id) }, relations: { typeDecision: true } });
    await this.validerAvis(em, [{ c, avis }], par, now);
  }

  /**
   * Validates avis, moves the liste complémentaire they change, then publishes and mails those whose formation's
   * publication date allows (so a mail states the rank after the move).
   */
  private async validerAvis(em: EntityManager, lot: { c: CandidatureComplete; avis: Avis }[], par: string, now: Date): Promise<void> {
    const publies = lot.filter(({ c }) => publicationDue(datesDe(c).datePublication, parisDate(now)));
    for (const { avis } of lot) await em.getRepository(Avis).update({ id: avis.id }, { valide: true, valideAt: now, validePar: par, publieAt: publies.some((p) => p.avis.id === avis.id) ? now : null });
    await reporterAvisCourant(em, lot.map(({ c }) => c.id));
    await recalculerRangs(em, lot.map(({ c }) => c.formationId));
    for (const { c, avis } of publies) await this.mailDecision(em, c, { ...avis, publieAt: now });
  }

  /** Deletes the latest avis of a candidature while it is not validated; the previous one is current again. */
  async supprimerDernier(principal: Principal, candidatureId: number): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      const candidatures = await AccesCandidatures.agir(em, principal, [candidatureId], 'saisie');
      await exigerEtat(em, 'supprimerAvis', candidatures, parisDate(this.clock.now()));
      const dernier = (await avisCourants(em, [candidatureId])).get(candidatureId)!.dernier!;
      await em.getRepository(Avis).delete({ id: dernier.id, valide: false });
      await reporterAvisCourant(em, [candidatureId]);
    });
  }

  /** The avis history of a candidature, newest first (staff in scope). */
  async historique(principal: Principal, candidatureId: number): Promise<AvisDto[]> {
    await AccesCandidatures.lire(this.dataSource.manager, principal, candidatureId);
    return this.historiqueDe(candidatureId);
  }

  /** The same, for a caller who already checked the scope (the staff's full view of a candidature). */
  async historiqueDe(candidatureId: number): Promise<AvisDto[]> {
    return this.dtos(await this.dataSource.getRepository(Avis).find({ where: { candidatureId }, relations: { typeDecision: true }, order: { id: 'DESC' } }));
  }

  /** The job: publishes and mails the validated avis whose formation's publication date has come. */
  async publierEchus(): Promise<{ publies: number }> {
    const now = this.clock.now();
    const today = parisDate(now);
    const attente = await this.dataSource.getRepository(Avis).find({ where: { valide: true, publieAt: IsNull() }, select: { id: true, candidatureId: true } });
    let publies = 0;
    for (const { id, candidatureId } of attente) {
      await this.dataSource.transaction(async (em) => {
        const c = (await em.getRepository(Candidature).findOneOrFail({ where: { id: candidatureId }, relations: { formation: { commission: { centre: true } } } })) as CandidatureComplete;
        if (!publicationDue(datesDe(c).datePublication, today)) return;
        if (verdict('publierAvis', (await etatsDe(em, [c])).get(c.id)!, today)) return;
        const done = await em.getRepository(Avis).update({ id, publieAt: IsNull() }, { publieAt: now });
        if (done.affected !== 1) return;
        await this.mailDecision(em, c, await em.getRepository(Avis).findOneOrFail({ where: { id }, relations: { typeDecision: true } }));
        publies++;
      });
    }
    return { publies };
  }

  async motifs(): Promise<MotifAvisDto[]> {
    const rows = await this.dataSource.getRepository(MotifAvis).find({ order: { libelle: 'ASC' } });
    return rows.map(({ id, code, libelle, actif, version }) => ({ id, code, libelle, actif, version }));
  }

  /**
   * The decision mail of the avis' type (none when the type sends none), naming the type when the institution defined
   * it, with the letter attached when the type has one and the commission wants it; a rank is the one the list has now.
   */
  private async mailDecision(em: EntityManager, c: CandidatureComplete, avis: Avis): Promise<void> {
    const regles = reglesDe(avis);
    if (regles.mail === null) return;
    const type = (await typesDesAvis(em, [avis]))(avis);
    const motif = avis.type === TypeAvis.DE ? await em.getRepository(MotifAvis).findOneBy({ code: avis.motif ?? '' }) : null;
    const rang = avis.type === TypeAvis.LC ? (await em.getRepository(Candidature).findOneByOrFail({ id: c.id })).rangListeComplementaire : null;
    const build = (d: DonneesCourrier): RenderedMail => {
      const base = { ...d, commentaire: avis.commentaireVisible ? avis.commentaire : null, decision: typeNomme(type) ? libelleDecision(type, d.langue) : null };
      switch (avis.type) {
        case TypeAvis.FA:
          return avisFavorable({ ...base, dateConfirmation: dateLimiteConfirmation(c, datesDe(c), avis.publieAt ? parisDate(avis.publieAt) : null) });
        case TypeAvis.DE:
          return avisDefavorable({ ...base, motif: motif?.libelle ?? avis.motif ?? '' });
        case TypeAvis.LC:
          return avisListeComplementaire({ ...base, rang: rang ?? 0 });
        case TypeAvis.LA:
          return avisListeAttente(base);
        case TypeAvis.PR:
          return avisPreselection({ ...base, date: avis.preselectionDate ?? '', heure: avis.preselectionHeure ?? '', lieu: avis.preselectionLieu ?? '' });
      }
    };
    const lettre = lettreDe(regles) !== null && c.formation.commission.lettreJointeAuMail;
    await this.courrier.auCandidat(em, c, regles.mail, build, lettre ? { type: LETTRE, ref: String(avis.id) } : undefined);
  }

  private async dtos(rows: Avis[]): Promise<AvisDto[]> {
    const codes = [...new Set(rows.map((r) => r.motif).filter((m): m is string => m !== null))];
    const motifs = new Map((codes.length ? await this.dataSource.getRepository(MotifAvis).findBy({ code: In(codes) }) : []).map((m) => [m.code, m.libelle]));
    const typeDe = await typesDesAvis(this.dataSource.manager, rows);
    return rows
      .sort((a, b) => b.id - a.id)
      .map((a) => ({
        id: a.id,
        candidatureId: a.candidatureId,
        type: a.type,
        typeDecision: typeDe(a).code,
        libelle: typeDe(a).libelle,
        motif: a.motif,
        motifLibelle: a.motif ? (motifs.get(a.motif) ?? null) : null,
        rang: a.rang,
        preselectionDate: a.preselectionDate,
        preselectionHeure: a.preselectionHeure,
        preselectionLieu: a.preselectionLieu,
        dateReunion: a.dateReunion,
        commentaire: a.commentaire,
        commentaireVisible: a.commentaireVisible,
        valide: a.valide,
        valideAt: a.valideAt?.toISOString() ?? null,
        validePar: a.validePar,
        publieAt: a.publieAt?.toISOString() ?? null,
        creePar: a.creePar,
        createdAt: a.createdAt.toISOString(),
      }));
  }
}
