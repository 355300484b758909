import type { FastifyReply, FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import { ActionsDto, CandidatureDto, PieceCandidatureDto } from '../src/candidature/dto/candidature.dto';
import { STATUT_DOSSIER_LIBELLES, TYPE_TRAITEMENT_LIBELLES, actionsPossibles } from '../src/candidature/candidature-rules';
import { datesDe } from '../src/candidature/dates-archivees';
import { SANS_DECISION, codeOpiDe, reponseDe } from '../src/candidature/decisions';
import { etatDe } from '../src/candidature/etat-candidature';
import { estPartagee, libellePiece } from '../src/candidature/pieces-candidature.service';
import { parisDate } from '../src/common/clock/clock';
import { SqlBase, horodatage } from './sql';

/**
 * What both bare servers (lectures-nu.ts, rush-nu.ts) do as the API does: the guard's session lookup (the session
 * and its account in one statement, last_seen_at written at most once a minute) and the récapitulatif of a
 * candidature (the candidature with its formation, commission and centre, its pièces asked for, its pièce rows, its
 * avis), answered as the API answers it (the bench checks it). The candidature rules' pure functions (actions, dates,
 * libellés) are the API's own. No candidature in the benches has an avis, so the motifs' statement is never needed,
 * here as in the API.
 */

export type Row = Record<string, unknown>;
export const bool = (v: unknown) => v === 1 || v === true || v === '1';
/** A datetime column as TypeORM gives it (UTC, milliseconds), to ISO. */
export const iso = (v: unknown) => (v === null || v === undefined ? null : new Date(`${String(v).replace(' ', 'T')}${String(v).endsWith('Z') ? '' : 'Z'}`).toISOString());

export async function principal(db: Pick<SqlBase, 'query' | 'run'>, request: FastifyRequest, reply: FastifyReply): Promise<{ id: number; numeroDossier: string } | null> {
  const token = /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(request.headers.authorization ?? '')?.[1];
  if (token) {
    const [s] = await db.query<Row>(
      `SELECT s.id, s.expires_at, s.last_seen_at, s.compte_candidat_id, c.numero_dossier, c.active
       FROM session s LEFT JOIN compte_candidat c ON c.id = s.compte_candidat_id WHERE s.token_hash = ? AND s.revoked_at IS NULL`,
      [createHash('sha256').update(token).digest('hex')],
    );
    const now = Date.now();
    const lastSeen = s ? Date.parse(iso(s.last_seen_at)!) : 0;
    if (s && bool(s.active) && Date.parse(iso(s.expires_at)!) > now && lastSeen + 30 * 60_000 > now) {
      if (now - lastSeen >= 60_000) await db.run('UPDATE session SET last_seen_at = ? WHERE id = ?', [horodatage(new Date(now)), s.id]);
      return { id: Number(s.compte_candidat_id), numeroDossier: String(s.numero_dossier) };
    }
  }
  await reply.code(401).send({ status: 401, code: 'AUTHENTIFICATION_REQUISE' });
  return null;
}

export const formationResume = (r: Row) => ({ id: Number(r.formation_id), code: String(r.f_code), libelle: String(r.f_libelle), demat: bool(r.f_demat) });

/** A candidature row (with its formation's columns prefixed `f_`) in the shape the rules' functions read. */
export function candidature(r: Row) {
  const formation = {
    demat: bool(r.f_demat),
    dateDebutCandidature: r.f_date_debut_candidature,
    dateFinCandidature: r.f_date_fin_candidature,
    dateRetour: r.f_date_retour,
    dateAnalyse: r.f_date_analyse,
    dateJury: r.f_date_jury,
    datePublication: r.f_date_publication,
    dateConfirmation: r.f_date_confirmation,
    delaiConfirmation: r.f_delai_confirmation,
    dateConfirmationListeComplementaire: r.f_date_confirmation_liste_complementaire,
    delaiConfirmationListeComplementaire: r.f_delai_confirmation_liste_complementaire,
  };
  return {
    id: Number(r.id),
    statutDossier: r.statut_dossier,
    typeTraitement: r.type_traitement,
    typeTraitementValide: bool(r.type_traitement_valide),
    nonAnnulee: r.non_annulee === null ? null : true,
    datesArchivees: r.dates_archivees,
    dateRetourCandidature: r.date_retour_candidature,
    dateConfirmationCandidature: r.date_confirmation_candidature,
    acceptee: r.acceptee === null ? null : bool(r.acceptee),
    accepteeAt: r.acceptee_at === null ? null : new Date(iso(r.acceptee_at)!),
    acceptePar: r.acceptee_par,
    codeOpi: r.code_opi,
    formation,
  } as never;
}

export const COLONNES_FORMATION = `f.code AS f_code, f.libelle AS f_libelle, f.demat AS f_demat, f.date_debut_candidature AS f_date_debut_candidature,
  f.date_fin_candidature AS f_date_fin_candidature, f.date_retour AS f_date_retour, f.date_analyse AS f_date_analyse, f.date_jury AS f_date_jury,
  f.date_publication AS f_date_publication, f.date_confirmation AS f_date_confirmation, f.delai_confirmation AS f_delai_confirmation,
  f.date_confirmation_liste_complementaire AS f_date_confirmation_liste_complementaire,
  f.delai_confirmation_liste_complementaire AS f_delai_confirmation_liste_complementaire`;

/** The récapitulatif of candidature `id` for the candidate `p`, or null when it is not theirs (404). */
export async function recapitulatif(db: Pick<SqlBase, 'query'>, p: { id: number; numeroDossier: string }, id: number): Promise<CandidatureDto | null> {
  const [r] = await db.query<Row>(
    `SELECT ca.*, ${COLONNES_FORMATION}, f.commission_id AS f_commission_id, f.informations_complementaires AS f_informations_complementaires,
       co.libelle AS co_libelle, co.adresse_ligne1, co.adresse_ligne2, co.adresse_ligne3, co.code_postal, co.ville, co.pays, co.email AS co_email,
       co.telephone AS co_telephone, co.commentaire_candidat, ce.code AS ce_code, co.code AS co_code
     FROM candidature ca JOIN formation f ON f.id = ca.formation_id JOIN commission co ON co.id = f.commission_id
     JOIN centre_candidature ce ON ce.id = co.centre_id JOIN compte_candidat cc ON cc.id = ca.compte_candidat_id WHERE ca.id = ?`,
    [id],
  );
  if (!r || Number(r.compte_candidat_id) !== p.id) return null;
  const [defs, lignes, avis] = await Promise.all([
    db.query<Row>(
      `SELECT p.* FROM piece_justificative p WHERE p.actif = ? AND (p.type_traitement IS NULL OR p.type_traitement = ?)
       AND ((p.commun = ? AND p.centre_id IS NULL) OR (p.commun = ? AND p.centre_id = (SELECT c.centre_id FROM commission c WHERE c.id = ?))
         OR (p.commun = ? AND EXISTS (SELECT 1 FROM piece_formation pf WHERE pf.piece_id = p.id AND pf.formation_id = ?)))
       ORDER BY p.ordre ASC, p.libelle ASC, p.id ASC`,
      [1, r.type_traitement, 1, 1, r.f_commission_id, 0, r.formation_id],
    ),
    db.query<Row>(
      `SELECT pc.*, p.code, p.libelle, p.commun, p.unicite, p.conditionnel, p.modele_cle FROM piece_candidature pc
       JOIN piece_justificative p ON p.id = pc.piece_id WHERE pc.candidature_id = ?`,
      [r.id],
    ),
    db.query<Row>('SELECT * FROM avis WHERE candidature_id = ? ORDER BY id ASC', [r.id]),
  ]);
  void avis;
  const parPiece = new Map(lignes.map((l) => [Number(l.piece_id), l]));
  const retirees = lignes.filter((l) => !defs.some((d) => Number(d.id) === Number(l.piece_id))).map((l): Row => ({ ...l, id: l.piece_id }));
  const pieces: PieceCandidatureDto[] = [...defs, ...retirees].map((d) => {
    const l = parPiece.get(Number(d.id));
    const statut = (l?.statut ?? 'AT') as never;
    return {
      id: Number(d.id),
      code: String(d.code),
      libelle: String(d.libelle),
      statut,
      statutLibelle: libellePiece(statut, l !== undefined),
      conditionnel: bool(d.conditionnel),
      partagee: estPartagee({ commun: bool(d.commun), unicite: bool(d.unicite) }),
      fichier: (l?.fichier_nom as string | null) ?? null,
      commentaire: (l?.commentaire as string | null) ?? null,
      modele: d.modele_cle !== null,
    };
  });
  const c = candidature(r);
  const dates = datesDe(c);
  const manquantes = pieces.filter((x) => x.statut === 'AT' || x.statut === 'RE').map((x) => x.libelle);
  const actions = actionsPossibles(etatDe(c, undefined, manquantes), parisDate(new Date())) as ActionsDto;
  return {
    id: Number(r.id),
    numeroDossier: p.numeroDossier,
    formation: formationResume(r),
    statutDossier: { code: r.statut_dossier as never, libelle: STATUT_DOSSIER_LIBELLES[r.statut_dossier as keyof typeof STATUT_DOSSIER_LIBELLES] },
    typeTraitement: { code: r.type_traitement as never, libelle: TYPE_TRAITEMENT_LIBELLES[r.type_traitement as keyof typeof TYPE_TRAITEMENT_LIBELLES], valide: bool(r.type_traitement_valide) },
    decision: SANS_DECISION,
    reponse: reponseDe(c),
    codeOpi: codeOpiDe(c),
    dates: {
      limiteRetour: dates.dateRetour,
      analyse: dates.dateAnalyse,
      jury: dates.dateJury,
      publication: dates.datePublication,
      confirmation: dates.dateConfirmation,
      delaiConfirmation: dates.delaiConfirmation,
    },
    contact: {
      commission: String(r.co_libelle),
      // The bench's commission has its city and is in France: no reference label is needed.
      adresse: [r.co_libelle, r.adresse_ligne1, r.adresse_ligne2, r.adresse_ligne3, [r.code_postal, r.ville].filter(Boolean).join(' ')].filter((l): l is string => Boolean(l)),
      email: (r.co_email as string | null) ?? null,
      telephone: (r.co_telephone as string | null) ?? null,
    },
    informationsComplementaires: (r.f_informations_complementaires as string | null) ?? null,
    messageCommission: (r.commentaire_candidat as string | null) ?? null,
    pieces,
    actions,
    createdAt: iso(r.created_at)!,
    transmiseAt: iso(r.transmise_at),
    annuleeAt: iso(r.annulee_at),
  };
}
