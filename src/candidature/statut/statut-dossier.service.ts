import { AccesCandidatures, CandidatureAvecCompte } from '../acces-candidatures';
import { verdictPiece } from '../candidature-rules';
import { PieceJustificative } from '../../pieces/entities/piece-justificative.entity';
import { exigerEtat } from '../etat-candidature';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { STATUT_DOSSIER_LIBELLES } from '../candidature-rules';
import { CourrierCandidature, DonneesCourrier } from '../courrier-candidature.service';
import { datesDe } from '../dates-archivees';
import { Candidature, StatutDossier } from '../entities/candidature.entity';
import { PieceCandidature, StatutPiece } from '../entities/piece-candidature.entity';
import { libellePiece } from '../pieces-candidature.service';
import { Principal } from '../../common/auth/roles';
import { Clock, erreursDatePassee, parisDate } from '../../common/clock/clock';
import { BusinessRule, NotFound, ValidationFailed } from '../../common/errors/domain-errors';
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
 * pièce. All or nothing: every candidature named must be one the caller manages (AccesCandidatures.agir) and in a
 * state that allows the change (candidature-rules.ts), else nothing changes. The rows are locked first, so a candidate's
 * transmission or upload landing at the same moment runs before or after, never in between.
 */
@Injectable()
export class StatutDossierService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly courrier: CourrierCandidature,
    private readonly definitions: PiecesService,
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
    const erreurs = erreursDatePassee('date', date, today);
    if (erreurs.length > 0) throw new ValidationFailed(erreurs);
    const colonne = COLONNE_DATE[input.statut];
    await this.dataSource.transaction(async (em) => {
      const rows = await AccesCandidatures.agir(em, principal, input.candidatureIds, 'gestion');
      await exigerEtat(em, 'changerStatutDossier', rows, today);
      for (const c of rows) {
        await em.getRepository(Candidature).update({ id: c.id }, { statutDossier: input.statut, statutDossierAt: now, ...(colonne ? { [colonne]: date } : {}), version: c.version + 1 });
        const ajouts = input.statut === StatutDossier.IN ? await this.incomplet(em, c) : null;
        await this.courrier.auCandidat(em, c, `STATUT_${input.statut}`, (d) => mailStatut({ ...d, date }, input.statut, ajouts));
      }
    });
    return {
      modifiees: input.candidatureIds.length,
      candidatures: input.candidatureIds.map((id) => ({ id, statutDossier: { code: input.statut, libelle: STATUT_DOSSIER_LIBELLES[input.statut] } })),
    };
  }

  /**
   * Checks pièces of candidatures (candidature-rules.ts, verdictPiece): online, validates (VA), refuses (RE, with a
   * comment the candidate sees) or puts back to transmise (TR) what the candidate gave; on paper, records what came by
   * post, missing (AT) included. Only the named candidature's row changes: a file shared with the candidate's other
   * candidatures keeps its statut there (each commission checks for itself).
   */
  async changerStatutPieces(principal: Principal, items: PieceCandidatureRef[], statut: StatutPieceGestion, commentaire?: string): Promise<StatutPiecesResultatDto> {
    const texte = commentaire?.trim() || null;
    if (statut === StatutPiece.RE && !texte) {
      throw new ValidationFailed([{ field: 'commentaire', message: 'est obligatoire pour refuser une pièce : dites au candidat ce qui ne va pas' }]);
    }
    const ids = [...new Set(items.map((i) => i.candidatureId))];
    const pieces = await this.dataSource.transaction(async (em) => {
      const selection = await AccesCandidatures.agir(em, principal, ids, 'gestion');
      await exigerEtat(em, 'verifierPieces', selection, parisDate(this.clock.now()));
      const candidatures = new Map(selection.map((c) => [c.id, c]));
      const rows = await em.getRepository(PieceCandidature).find({ where: { candidatureId: In(ids) }, relations: { piece: true } });
      const row = (i: PieceCandidatureRef) => rows.find((r) => r.candidatureId === i.candidatureId && r.pieceId === i.pieceId);
      const demandees = new Map<number, PieceJustificative[]>();
      for (const c of candidatures.values()) demandees.set(c.id, await this.definitions.piecesDe(c.formation, c.typeTraitement, em));
      // A pièce withdrawn from the formation since it was given still shows in the récapitulatif: it can be checked.
      const definition = (i: PieceCandidatureRef) => row(i)?.piece ?? demandees.get(i.candidatureId)!.find((p) => p.id === i.pieceId);

      const introuvables = items.filter((i) => !definition(i));
      if (introuvables.length > 0) {
        throw new NotFound(
          'PIECE_INTROUVABLE',
          introuvables.length === 1
            ? `La candidature ${introuvables[0].candidatureId} ne demande pas la pièce justificative ${introuvables[0].pieceId}.`
            : `Ces candidatures ne demandent pas ces pièces justificatives : ${introuvables.map((i) => `${i.candidatureId}/${i.pieceId}`).join(', ')}.`,
        );
      }
      const refus = items.flatMap((i) => {
        const r = row(i);
        const depot = !r || r.statut === StatutPiece.AT ? null : r.fichierCle !== null ? 'fichier' : 'NC';
        const v = verdictPiece(statut, { libelle: definition(i)!.libelle, demat: candidatures.get(i.candidatureId)!.formation.demat, depot });
        return v ? [`candidature ${i.candidatureId} : ${v.raison}`] : [];
      });
      if (refus.length > 0) throw new BusinessRule('PIECE_NON_DEPOSEE', `Rien n'a été modifié. ${refus.join(' ; ')}`);

      const updatedAt = this.clock.now();
      const result: PieceStatutDto[] = [];
      for (const i of items) {
        const r = row(i);
        // On paper nothing was uploaded: the check creates the pièce's row.
        if (r) await em.getRepository(PieceCandidature).update({ id: r.id }, { statut, commentaire: texte, updatedAt });
        else await em.getRepository(PieceCandidature).insert({ candidatureId: i.candidatureId, pieceId: i.pieceId, statut, commentaire: texte, fichierCle: null, fichierNom: null, fichierType: null, fichierTaille: null, updatedAt });
        result.push({ candidatureId: i.candidatureId, pieceId: i.pieceId, libelle: definition(i)!.libelle, statut, statutLibelle: libellePiece(statut, true), commentaire: texte, fichier: r?.fichierNom ?? null });
      }
      return result;
    });
    return { modifiees: pieces.length, pieces };
  }

  /** What the IN mail adds: the pièces to provide, until when, where. */
  private async incomplet(em: EntityManager, c: AvecCompte): Promise<Incomplet> {
    return { pieces: await this.piecesAFournir(em, c), dateRetour: datesDe(c).dateRetour, demat: c.formation.demat, adresse: await this.courrier.adresseCommission(c.formation.commission) };
  }

  /** What an incomplete file lacks: refused pièces and missing ones, with the staff comments. */
  private async piecesAFournir(em: EntityManager, c: AvecCompte): Promise<PieceAFournir[]> {
    const [defs, rows] = await Promise.all([
      this.definitions.piecesDe(c.formation, c.typeTraitement, em),
      em.getRepository(PieceCandidature).find({ where: { candidatureId: c.id }, relations: { piece: true } }),
    ]);
    const refusees = rows.filter((r) => r.statut === StatutPiece.RE);
    // Online, what was never given; on paper, what staff marked missing (AT), with their comment.
    const manquantes = c.formation.demat
      ? defs.filter((d) => !rows.some((r) => r.pieceId === d.id)).map((d) => ({ id: d.id, libelle: d.libelle, commentaire: null }))
      : rows.filter((r) => r.statut === StatutPiece.AT).map((r) => ({ id: r.pieceId, libelle: r.piece!.libelle, commentaire: r.commentaire }));
    const ordre = new Map(defs.map((d, i) => [d.id, i]));
    return [
      ...refusees.map((r) => ({ id: r.pieceId, libelle: r.piece!.libelle, refusee: true, commentaire: r.commentaire })),
      ...manquantes.map((m) => ({ ...m, refusee: false })),
    ]
      .sort((a, b) => (ordre.get(a.id) ?? defs.length) - (ordre.get(b.id) ?? defs.length))
      .map(({ libelle, refusee, commentaire }) => ({ libelle, refusee, commentaire }));
  }
}

type Incomplet = { pieces: PieceAFournir[]; dateRetour: string; demat: boolean; adresse: string[] };

function mailStatut(dossier: DonneesCourrier & { date: string }, statut: StatutDossier, incomplet: Incomplet | null): RenderedMail {
  switch (statut) {
    case StatutDossier.AT:
      return statutEnAttente(dossier);
    case StatutDossier.RE:
      return statutReceptionne(dossier);
    case StatutDossier.CO:
      return statutComplet(dossier);
    case StatutDossier.IN:
      return statutIncomplet({ ...dossier, ...incomplet! });
  }
}
