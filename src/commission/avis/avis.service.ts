import { lienSuivi } from '../../mail/templates/candidature.templates';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { CompteCandidat } from '../../auth/entities/compte-candidat.entity';
import { CandidatureComplete } from '../../candidature/candidature.service';
import { datesDe } from '../../candidature/dates-archivees';
import { Candidature } from '../../candidature/entities/candidature.entity';
import { Principal } from '../../common/auth/roles';
import { Clock, parisDate } from '../../common/clock/clock';
import { BusinessRule, NotFound, ValidationFailed } from '../../common/errors/domain-errors';
import { AppConfig, appConfig } from '../../config';
import { OutboxService } from '../../mail/outbox.service';
import { avisDefavorable, avisFavorable, avisListeAttente, avisListeComplementaire, avisPreselection } from '../../mail/templates/avis.templates';
import { RenderedMail } from '../../mail/templates/mail-template';
import { Avis, TypeAvis } from '../entities/avis.entity';
import { MotifAvis } from '../entities/motif-avis.entity';
import { LETTRE } from '../lettres/lettre.service';
import { selectionner } from '../selection-candidatures';
import { AvisDto, MotifAvisDto, SaisieAvisInput } from './avis.dto';
import { TYPE_AVIS_LIBELLES, champsAvis, dateLimiteConfirmation, nouvelAvis, publicationDue } from './avis-rules';

const MAIL_CODES: Record<TypeAvis, string> = {
  [TypeAvis.FA]: 'AVIS_FAVORABLE',
  [TypeAvis.DE]: 'AVIS_DEFAVORABLE',
  [TypeAvis.LC]: 'AVIS_LISTE_COMP',
  [TypeAvis.LA]: 'AVIS_LISTE_ATT',
  [TypeAvis.PR]: 'AVIS_PRESELECTION',
};

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
    private readonly outbox: OutboxService,
    @Inject(appConfig.KEY) private readonly app: AppConfig,
  ) {}

  /** Enters an unvalidated avis on each candidature; a new avis resets the candidate's answer to the previous one. */
  async saisir(principal: Principal, input: SaisieAvisInput): Promise<AvisDto[]> {
    const errors = champsAvis(input);
    if (input.motif && !(await this.dataSource.getRepository(MotifAvis).existsBy({ code: input.motif, actif: true }))) {
      errors.push({ field: 'motif', message: "n'est pas un motif de la liste (voir GET /api/candidatures/motifs-avis)" });
    }
    if (errors.length > 0) throw new ValidationFailed(errors);
    const ids = await this.dataSource.transaction(async (em) => {
      await selectionner(em, principal, input.candidatureIds, 'saisie');
      const createdAt = this.clock.now();
      const inserted: number[] = [];
      for (const candidatureId of input.candidatureIds) {
        const result = await em.getRepository(Avis).insert(
          nouvelAvis({
            candidatureId,
            type: input.type,
            motif: input.motif ?? null,
            rang: input.rang ?? null,
            preselectionDate: input.preselectionDate ?? null,
            preselectionHeure: input.preselectionHeure ?? null,
            preselectionLieu: input.preselectionLieu ?? null,
            commentaire: input.commentaire ?? null,
            commentaireVisible: input.commentaireVisible ?? false,
            creePar: principal.login,
            createdAt,
          }),
        );
        inserted.push(Number(result.identifiers[0].id));
      }
      await em.getRepository(Candidature).update({ id: In(input.candidatureIds) }, { acceptee: null, accepteeAt: null, acceptePar: null });
      return inserted;
    });
    return this.dtos(await this.dataSource.getRepository(Avis).findBy({ id: In(ids) }));
  }

  /**
   * Validates the latest avis of each candidature (gestionnaires, scolarité centrale, admin): all or nothing. Those
   * whose formation has no publication date, or whose date has come, are published and mailed at once.
   */
  async valider(principal: Principal, candidatureIds: number[]): Promise<AvisDto[]> {
    const ids = await this.dataSource.transaction(async (em) => {
      const candidatures = await selectionner(em, principal, candidatureIds, 'gestion');
      const derniers = await this.derniers(em, candidatureIds);
      const sansAvis = candidatureIds.filter((id) => !derniers.get(id));
      if (sansAvis.length > 0) throw new BusinessRule('AUCUN_AVIS', `Aucun avis n'a été saisi pour les candidatures ${sansAvis.join(', ')}.`);
      const dejaValides = candidatureIds.filter((id) => derniers.get(id)!.valide);
      if (dejaValides.length > 0) throw new BusinessRule('AVIS_DEJA_VALIDE', `Le dernier avis des candidatures ${dejaValides.join(', ')} est déjà validé : saisissez un nouvel avis pour le changer.`);
      const now = this.clock.now();
      for (const c of candidatures) await this.validerAvis(em, c, derniers.get(c.id)!, principal.login, now);
      await this.recalculerRangs(em, [...new Set(candidatures.map((c) => c.formationId))]);
      return candidatureIds.map((id) => derniers.get(id)!.id);
    });
    return this.dtos(await this.dataSource.getRepository(Avis).findBy({ id: In(ids) }));
  }

  /**
   * The favourable decision of a validated accès direct (reference §2.3): entered and validated at once, published
   * like any avis (never before the formation's publication date). In the caller's transaction.
   */
  async favorableDirect(em: EntityManager, c: CandidatureComplete, par: string): Promise<void> {
    const now = this.clock.now();
    const result = await em.getRepository(Avis).insert(nouvelAvis({ candidatureId: c.id, type: TypeAvis.FA, creePar: par, createdAt: now }));
    const avis = await em.getRepository(Avis).findOneByOrFail({ id: Number(result.identifiers[0].id) });
    await em.getRepository(Candidature).update({ id: c.id }, { acceptee: null, accepteeAt: null, acceptePar: null });
    await this.validerAvis(em, c, avis, par, now);
  }

  /** Validates one avis, and publishes and mails it when the formation's publication date allows. */
  private async validerAvis(em: EntityManager, c: CandidatureComplete, avis: Avis, par: string, now: Date): Promise<void> {
    const publie = publicationDue(datesDe(c).datePublication, parisDate(now));
    await em.getRepository(Avis).update({ id: avis.id }, { valide: true, valideAt: now, validePar: par, publieAt: publie ? now : null });
    if (publie) await this.mailDecision(em, c, { ...avis, publieAt: now });
  }

  /** Deletes the latest avis of a candidature while it is not validated; the previous one is current again. */
  async supprimerDernier(principal: Principal, candidatureId: number): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      await selectionner(em, principal, [candidatureId], 'saisie');
      const dernier = (await this.derniers(em, [candidatureId])).get(candidatureId);
      if (!dernier) throw new NotFound('AVIS_INTROUVABLE', "Cette candidature n'a pas d'avis.");
      if (dernier.valide) throw new BusinessRule('AVIS_DEJA_VALIDE', "Le dernier avis est validé : il reste dans l'historique ; saisissez un nouvel avis pour le changer.");
      await em.getRepository(Avis).delete({ id: dernier.id, valide: false });
    });
  }

  /** The avis history of a candidature, newest first (staff in scope). */
  async historique(principal: Principal, candidatureId: number): Promise<AvisDto[]> {
    await selectionner(this.dataSource.manager, principal, [candidatureId], 'lecture');
    return this.historiqueDe(candidatureId);
  }

  /** The same, for a caller who already checked the scope (the staff's full view of a candidature). */
  async historiqueDe(candidatureId: number): Promise<AvisDto[]> {
    return this.dtos(await this.dataSource.getRepository(Avis).find({ where: { candidatureId }, order: { id: 'DESC' } }));
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
        const done = await em.getRepository(Avis).update({ id, publieAt: IsNull() }, { publieAt: now });
        if (done.affected !== 1) return;
        await this.mailDecision(em, c, await em.getRepository(Avis).findOneByOrFail({ id }));
        publies++;
      });
    }
    return { publies };
  }

  async motifs(): Promise<MotifAvisDto[]> {
    const rows = await this.dataSource.getRepository(MotifAvis).find({ order: { libelle: 'ASC' } });
    return rows.map(({ code, libelle, actif }) => ({ code, libelle, actif }));
  }

  /**
   * Real ranks of the liste complémentaire (reference §2.7): among a formation's live candidatures whose current avis
   * is a validated LC, 1..n by typed rank then avis id.
   */
  async recalculerRangs(em: EntityManager, formationIds: number[]): Promise<void> {
    for (const formationId of formationIds) {
      const candidatures = await em.getRepository(Candidature).find({ where: { formationId, nonAnnulee: true }, select: { id: true } });
      const derniers = await this.derniers(em, candidatures.map((c) => c.id));
      const liste = [...derniers.values()].filter((a) => a.type === TypeAvis.LC && a.valide).sort((a, b) => (a.rang ?? 0) - (b.rang ?? 0) || a.id - b.id);
      for (const [i, avis] of liste.entries()) {
        if (avis.rangReel !== i + 1) await em.getRepository(Avis).update({ id: avis.id }, { rangReel: i + 1 });
      }
    }
  }

  /** The latest avis of each candidature. */
  async derniers(em: EntityManager, candidatureIds: number[]): Promise<Map<number, Avis>> {
    const latest = new Map<number, Avis>();
    if (candidatureIds.length === 0) return latest;
    const rows = await em.getRepository(Avis).find({ where: { candidatureId: In(candidatureIds) }, order: { id: 'ASC' } });
    for (const row of rows) latest.set(row.candidatureId, row);
    return latest;
  }

  private async mailDecision(em: EntityManager, c: CandidatureComplete, avis: Avis): Promise<void> {
    const compte = await em.getRepository(CompteCandidat).findOneByOrFail({ id: c.compteCandidatId });
    const base = {
      ...compte,
      formation: c.formation.libelle,
      lien: lienSuivi(this.app.publicUrl, compte.numeroDossier),
      commentaire: avis.commentaireVisible ? avis.commentaire : null,
    };
    let mail: RenderedMail;
    switch (avis.type) {
      case TypeAvis.FA:
        mail = avisFavorable({ ...base, dateConfirmation: dateLimiteConfirmation(c, datesDe(c), avis.publieAt ? parisDate(avis.publieAt) : null) });
        break;
      case TypeAvis.DE: {
        const motif = await em.getRepository(MotifAvis).findOneBy({ code: avis.motif ?? '' });
        mail = avisDefavorable({ ...base, motif: motif?.libelle ?? avis.motif ?? '' });
        break;
      }
      case TypeAvis.LC:
        mail = avisListeComplementaire({ ...base, rang: avis.rang ?? 0 });
        break;
      case TypeAvis.LA:
        mail = avisListeAttente(base);
        break;
      case TypeAvis.PR:
        mail = avisPreselection({ ...base, date: avis.preselectionDate ?? '', heure: avis.preselectionHeure ?? '', lieu: avis.preselectionLieu ?? '' });
        break;
    }
    const lettre = (avis.type === TypeAvis.FA || avis.type === TypeAvis.DE) && c.formation.commission.lettreJointeAuMail;
    await this.outbox.enqueue(em, { code: MAIL_CODES[avis.type], to: compte.email, ...mail, ...(lettre ? { pieceJointe: { type: LETTRE, ref: String(avis.id) } } : {}) });
  }

  private async dtos(rows: Avis[]): Promise<AvisDto[]> {
    const codes = [...new Set(rows.map((r) => r.motif).filter((m): m is string => m !== null))];
    const motifs = new Map((codes.length ? await this.dataSource.getRepository(MotifAvis).findBy({ code: In(codes) }) : []).map((m) => [m.code, m.libelle]));
    return rows
      .sort((a, b) => b.id - a.id)
      .map((a) => ({
        id: a.id,
        candidatureId: a.candidatureId,
        type: a.type,
        libelle: TYPE_AVIS_LIBELLES[a.type],
        motif: a.motif,
        motifLibelle: a.motif ? (motifs.get(a.motif) ?? null) : null,
        rang: a.rang,
        rangReel: a.rangReel,
        preselectionDate: a.preselectionDate,
        preselectionHeure: a.preselectionHeure,
        preselectionLieu: a.preselectionLieu,
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
