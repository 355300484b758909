import { lienSuivi } from '../../mail/templates/candidature.templates';
import { CandidatureAvecCompte, selectionner } from '../selection-candidatures';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { STATUT_DOSSIER_LIBELLES } from '../../candidature/candidature-rules';
import { CandidatureService } from '../../candidature/candidature.service';
import { datesDe } from '../../candidature/dates-archivees';
import { Candidature, StatutDossier } from '../../candidature/entities/candidature.entity';
import { PieceCandidature, StatutPiece } from '../../candidature/entities/piece-candidature.entity';
import { STATUT_PIECE_LIBELLES } from '../../candidature/pieces-candidature.service';
import { Principal } from '../../common/auth/roles';
import { Clock, parisDate } from '../../common/clock/clock';
import { BusinessRule, NotFound, ValidationFailed } from '../../common/errors/domain-errors';
import { AppConfig, appConfig } from '../../config';
import { lockRows } from '../../database/row-lock';
import { RenderedMail } from '../../mail/templates/mail-template';
import { PieceAFournir, statutComplet, statutEnAttente, statutIncomplet, statutReceptionne } from '../../mail/templates/statut.templates';
import { PiecesService } from '../../pieces/pieces.service';
import { PieceCandidatureRef, PieceStatutDto, StatutDossierInput, StatutDossierResultatDto, StatutPieceGestion, StatutPiecesResultatDto } from './dto/statut-dossier.dto';

type AvecCompte = CandidatureAvecCompte;

/** The date column a statut records (reference §2.2: RE dat_recept, CO dat_complet, IN dat_incomplet; AT none). */
const COLONNE_DATE: Record<StatutDossier, 'dateReception' | 'dateComplet' | 'dateIncomplet' | null> = {
  [StatutDossier.AT]: null,
  [StatutDossier.RE]: 'dateReception',
  [StatutDossier.CO]: 'dateComplet',
  [StatutDossier.IN]: 'dateIncomplet',
};


/**
 * Staff processing of a file: the statut du dossier (one or up to 200 candidatures, mailed) and the check of each
 * pièce. All or nothing: every candidature named must be live, not archived and one the caller manages
 * (PerimetreCandidatures.gereCandidature), else nothing changes. The rows are locked first, so a candidate's
 * transmission or upload landing at the same moment runs before or after, never in between.
 */
@Injectable()
export class StatutDossierService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly candidatures: CandidatureService,
    private readonly definitions: PiecesService,
    @Inject(appConfig.KEY) private readonly app: AppConfig,
  ) {}

  /**
   * Sets the statut du dossier with its date and mails each candidate (STATUT_*). Setting the statut a candidature
   * already has is a change like any other: the date is updated and the mail sent again (an IN mail then lists the
   * pièces still to provide now).
   */
  async changerStatut(principal: Principal, input: StatutDossierInput): Promise<StatutDossierResultatDto> {
    const now = this.clock.now();
    const today = parisDate(now);
    const date = input.date ?? today;
    if (date > today) throw new ValidationFailed([{ field: 'date', message: `ne peut pas être postérieure à aujourd'hui (${today})` }]);
    const colonne = COLONNE_DATE[input.statut];
    await this.dataSource.transaction(async (em) => {
      await lockRows(em, Candidature, { id: In(input.candidatureIds) });
      const rows = await selectionner(em, principal, input.candidatureIds, 'gestion');
      for (const c of rows) {
        await em.getRepository(Candidature).update({ id: c.id }, { statutDossier: input.statut, statutDossierAt: now, ...(colonne ? { [colonne]: date } : {}), version: c.version + 1 });
        await this.candidatures.mail(em, c.compteCandidat, await this.mailStatut(em, c, input.statut, date), `STATUT_${input.statut}`);
      }
    });
    return {
      modifiees: input.candidatureIds.length,
      candidatures: input.candidatureIds.map((id) => ({ id, statutDossier: { code: input.statut, libelle: STATUT_DOSSIER_LIBELLES[input.statut] } })),
    };
  }

  /**
   * Validates (VA), refuses (RE, with a comment the candidate sees) or puts back to transmise (TR) pièces of
   * candidatures. The pièce must have been given: a file (TR, VA, RE), or a « non concerné » declaration, which staff
   * may only refuse (the candidate then has to upload it). Only the named candidature's row changes: a file shared
   * with the candidate's other candidatures keeps its statut there (each commission checks for itself).
   */
  async changerStatutPieces(principal: Principal, items: PieceCandidatureRef[], statut: StatutPieceGestion, commentaire?: string): Promise<StatutPiecesResultatDto> {
    const texte = commentaire?.trim() || null;
    if (statut === StatutPiece.RE && !texte) {
      throw new ValidationFailed([{ field: 'commentaire', message: 'est obligatoire pour refuser une pièce : dites au candidat ce qui ne va pas' }]);
    }
    const ids = [...new Set(items.map((i) => i.candidatureId))];
    const pieces = await this.dataSource.transaction(async (em) => {
      await lockRows(em, Candidature, { id: In(ids) });
      const candidatures = new Map((await selectionner(em, principal, ids, 'gestion')).map((c) => [c.id, c]));
      const rows = await em.getRepository(PieceCandidature).find({ where: { candidatureId: In(ids) }, relations: { piece: true } });
      const row = (i: PieceCandidatureRef) => rows.find((r) => r.candidatureId === i.candidatureId && r.pieceId === i.pieceId);
      const demandees = new Map<number, number[]>();
      for (const c of candidatures.values()) demandees.set(c.id, (await this.definitions.piecesDe(c.formation, c.typeTraitement, em)).map((p) => p.id));

      // A pièce withdrawn from the formation since it was given still shows in the récapitulatif: it can be checked.
      const introuvables = items.filter((i) => !demandees.get(i.candidatureId)!.includes(i.pieceId) && !row(i));
      if (introuvables.length > 0) {
        throw new NotFound(
          'PIECE_INTROUVABLE',
          introuvables.length === 1
            ? `La candidature ${introuvables[0].candidatureId} ne demande pas la pièce justificative ${introuvables[0].pieceId}.`
            : `Ces candidatures ne demandent pas ces pièces justificatives : ${introuvables.map((i) => `${i.candidatureId}/${i.pieceId}`).join(', ')}.`,
        );
      }
      const nonDeposees = items.filter((i) => {
        const r = row(i);
        // Without a file (« non concerné », or such a declaration already refused) there is nothing to validate.
        return !r || (r.fichierCle === null && statut !== StatutPiece.RE);
      });
      if (nonDeposees.length > 0) {
        const quoi = nonDeposees.map((i) => {
          const r = row(i);
          return r ? `« ${r.piece!.libelle} » de la candidature ${i.candidatureId} (sans fichier : elle ne peut qu'être refusée)` : `pièce ${i.pieceId} de la candidature ${i.candidatureId} (en attente)`;
        });
        throw new BusinessRule('PIECE_NON_DEPOSEE', `Une pièce que le candidat n'a pas déposée ne peut être ni validée ni refusée : ${quoi.join(', ')}.`);
      }

      const updatedAt = this.clock.now();
      const result: PieceStatutDto[] = [];
      for (const i of items) {
        const r = row(i)!;
        await em.getRepository(PieceCandidature).update({ id: r.id }, { statut, commentaire: texte, updatedAt });
        result.push({ candidatureId: i.candidatureId, pieceId: i.pieceId, libelle: r.piece!.libelle, statut, statutLibelle: STATUT_PIECE_LIBELLES[statut], commentaire: texte, fichier: r.fichierNom });
      }
      return result;
    });
    return { modifiees: pieces.length, pieces };
  }

  private async mailStatut(em: EntityManager, c: AvecCompte, statut: StatutDossier, date: string): Promise<RenderedMail> {
    const compte = c.compteCandidat;
    const dossier = { prenom: compte.prenom, nom: compte.nom, numeroDossier: compte.numeroDossier, formation: c.formation.libelle, date, lien: lienSuivi(this.app.publicUrl, compte.numeroDossier) };
    switch (statut) {
      case StatutDossier.AT:
        return statutEnAttente(dossier);
      case StatutDossier.RE:
        return statutReceptionne(dossier);
      case StatutDossier.CO:
        return statutComplet(dossier);
      case StatutDossier.IN:
        return statutIncomplet({
          ...dossier,
          pieces: await this.piecesAFournir(em, c),
          dateRetour: datesDe(c).dateRetour,
          demat: c.formation.demat,
          adresse: await this.candidatures.adresseCommission(c.formation.commission),
        });
    }
  }

  /**
   * What an incomplete file lacks: refused pièces with the staff comment, and, online, those never given (in paper
   * mode nothing is uploaded, so only what staff refused is known).
   */
  private async piecesAFournir(em: EntityManager, c: AvecCompte): Promise<PieceAFournir[]> {
    const [defs, rows] = await Promise.all([
      this.definitions.piecesDe(c.formation, c.typeTraitement, em),
      em.getRepository(PieceCandidature).find({ where: { candidatureId: c.id }, relations: { piece: true } }),
    ]);
    const refusees = rows.filter((r) => r.statut === StatutPiece.RE);
    const manquantes = c.formation.demat ? defs.filter((d) => !rows.some((r) => r.pieceId === d.id)) : [];
    const ordre = new Map(defs.map((d, i) => [d.id, i]));
    return [
      ...refusees.map((r) => ({ id: r.pieceId, libelle: r.piece!.libelle, refusee: true, commentaire: r.commentaire })),
      ...manquantes.map((d) => ({ id: d.id, libelle: d.libelle, refusee: false, commentaire: null })),
    ]
      .sort((a, b) => (ordre.get(a.id) ?? defs.length) - (ordre.get(b.id) ?? defs.length))
      .map(({ libelle, refusee, commentaire }) => ({ libelle, refusee, commentaire }));
  }
}
