import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DossierService } from '../../candidat/dossier.service';
import { STATUT_DOSSIER_LIBELLES, TYPE_TRAITEMENT_LIBELLES } from '../../candidature/candidature-rules';
import { AccesCandidatures, CandidatureComplete } from '../../candidature/acces-candidatures';
import { CandidatureService } from '../../candidature/candidature.service';
import { codeOpiDe, reponseDe } from '../../candidature/decisions';
import { Principal } from '../../common/auth/roles';
import { Clock } from '../../common/clock/clock';
import { toPage } from '../../common/pagination/page';
import { Forbidden, NotFound, ValidationFailed } from '../../common/errors/domain-errors';
import { historiqueDe } from '../../candidature/historique';
import { TYPE_AVIS_LIBELLES } from '../../candidature/avis/avis-rules';
import { AvisService } from '../../candidature/avis/avis.service';
import { CandidatureStaffDetailDto, CandidatureStaffItemDto, CandidatureStaffPage, ListeCandidaturesQueryDto, NoteDto, PROFONDEUR_MAX } from './dto/liste-candidatures.dto';
import { NoteCandidature } from './entities/note-candidature.entity';
import { EtiquetteDto } from '../etiquettes/etiquettes.dto';
import { etiquettesDe } from '../etiquettes/etiquettes.service';
import {
  LigneCandidature,
  candidaturesDuPerimetre,
  cleDeTri,
  compterBorne,
  decoderCurseur,
  encoderCurseur,
  idsDe,
  lignes,
  pageListe,
  requeteCandidatures,
  resoudreFiltres,
} from './requete-candidatures';

/**
 * The staff side of candidatures: the filtered list, one candidature's full view, its bloc-notes. Every read goes
 * through requete-candidatures, whose query carries the caller's scope: out of scope is the same as not existing.
 */
@Injectable()
export class ListeCandidaturesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly candidatures: CandidatureService,
    private readonly dossiers: DossierService,
    private readonly avis: AvisService,
  ) {}

  /**
   * A page of the list: by `page` (offset, PROFONDEUR_MAX rows deep at most) or after the cursor `apres` (keyset, any
   * depth); the total is counted up to BORNE_TOTAL. A fixed number of queries: the scope's formations, the page's ids and
   * the count (candidature alone, by its indexes), then the page's rows and their current avis.
   */
  async liste(principal: Principal, query: ListeCandidaturesQueryDto): Promise<CandidatureStaffPage> {
    const page = query.page ?? 1;
    const limit = query.limit ?? 20;
    const tri = query.sort ?? 'createdAt';
    const apres = query.apres !== undefined ? decoderCurseur(query.apres) : undefined;
    if (!apres && page * limit > PROFONDEUR_MAX) {
      throw new ValidationFailed([{ field: 'page', message: `ne peut dépasser ${PROFONDEUR_MAX} lignes (page × limit) : suivez le curseur suivant avec apres` }]);
    }
    const filtres = await resoudreFiltres(this.dataSource, principal, query);
    const requete = requeteCandidatures(this.dataSource, filtres);
    const [ids, { total, plusDe }] = await Promise.all([
      idsDe(pageListe(requete, filtres, query, apres)),
      compterBorne(requete),
    ]);
    const [rows, etiquettes] = await Promise.all([lignes(this.dataSource, principal, ids), etiquettesDe(this.dataSource.manager, ids)]);
    const dernier = rows.length === limit ? rows[rows.length - 1] : null;
    return { ...toPage(rows.map((c) => itemDto(c, etiquettes.get(c.id) ?? [])), total, query), plusDe, suivant: dernier ? encoderCurseur({ cle: cleDeTri(dernier, tri), id: dernier.id }) : null };
  }

  async detail(principal: Principal, id: number): Promise<CandidatureStaffDetailDto> {
    const c = await this.trouver(principal, id);
    const [dossier, recapitulatif, avis, notes, historique, etiquettes] = await Promise.all([
      this.dossiers.dossier(c.compteCandidatId),
      this.candidatures.recapitulatif(c as CandidatureComplete),
      this.avis.historiqueDe(id),
      this.listeNotes(id),
      historiqueDe(this.dataSource.manager, id),
      etiquettesDe(this.dataSource.manager, [id]),
    ]);
    return {
      id: c.id,
      numeroDossier: c.compteCandidat.numeroDossier,
      commission: c.formation.commission.code,
      centre: c.formation.commission.centre.code,
      acceptee: c.acceptee,
      accepteeAt: iso(c.accepteeAt),
      acceptePar: c.acceptePar,
      reponse: reponseDe(c),
      rangListeComplementaire: c.rangListeComplementaire,
      codeOpi: codeOpiDe(c),
      annuleePar: c.annuleePar,
      dateReception: c.dateReception,
      dateComplet: c.dateComplet,
      dateIncomplet: c.dateIncomplet,
      recapitulatif,
      dossier,
      avis,
      notes,
      historique,
      etiquettes: etiquettes.get(id) ?? [],
    };
  }

  async notes(principal: Principal, id: number): Promise<NoteDto[]> {
    await this.trouver(principal, id);
    return this.listeNotes(id);
  }

  /** Any member of staff of the scope writes in the bloc-notes, commission members included (reference GEST_POST_IT). */
  async ajouterNote(principal: Principal, id: number, message: string): Promise<NoteDto> {
    await this.trouver(principal, id);
    const note = { candidatureId: id, message, auteur: principal.login, createdAt: this.clock.now() };
    const result = await this.dataSource.getRepository(NoteCandidature).insert({ ...note });
    return noteDto({ ...note, id: Number(result.identifiers[0].id) });
  }

  /** Deletes a note of the bloc-notes: only its author may (404 when the candidature has no such note). */
  async supprimerNote(principal: Principal, id: number, noteId: number): Promise<void> {
    await this.trouver(principal, id);
    const note = await this.dataSource.getRepository(NoteCandidature).findOneBy({ id: noteId, candidatureId: id });
    if (!note) throw new NotFound('NOTE_INTROUVABLE', "Cette note n'existe pas dans le bloc-notes de cette candidature.");
    if (note.auteur !== principal.login) throw new Forbidden('NOTE_D_UN_AUTRE', `Cette note a été écrite par ${note.auteur} : seul son auteur peut la supprimer.`);
    await this.dataSource.getRepository(NoteCandidature).delete({ id: noteId, auteur: principal.login });
  }

  /** A candidature of the caller's scope, cancelled ones included (AccesCandidatures.lire: 404 alike whether missing or out of scope). */
  private async trouver(principal: Principal, id: number): Promise<LigneCandidature> {
    await AccesCandidatures.lire(this.dataSource.manager, principal, id);
    return candidaturesDuPerimetre(this.dataSource, principal).andWhere('c.id = :id', { id }).getOneOrFail();
  }

  private async listeNotes(candidatureId: number): Promise<NoteDto[]> {
    const rows = await this.dataSource.getRepository(NoteCandidature).find({ where: { candidatureId }, order: { createdAt: 'DESC', id: 'DESC' } });
    return rows.map(noteDto);
  }
}

function itemDto(c: LigneCandidature, etiquettes: EtiquetteDto[]): CandidatureStaffItemDto {
  const cd = c.candidat ?? null;
  const a = c.avisCourant ?? null;
  return {
    id: c.id,
    numeroDossier: c.compteCandidat.numeroDossier,
    civilite: cd?.civilite ?? null,
    nom: cd ? (cd.nomUsage ?? cd.nomNaissance) : null,
    prenom: cd?.prenom ?? null,
    ine: cd?.ine ?? null,
    email: c.compteCandidat.email,
    formation: { id: c.formation.id, code: c.formation.code, libelle: c.formation.libelle },
    commission: c.formation.commission.code,
    centre: c.formation.commission.centre.code,
    statutDossier: { code: c.statutDossier, libelle: STATUT_DOSSIER_LIBELLES[c.statutDossier] },
    typeTraitement: { code: c.typeTraitement, libelle: TYPE_TRAITEMENT_LIBELLES[c.typeTraitement], valide: c.typeTraitementValide },
    // The type de décision the avis names (read with it), else its family's label.
    avis: a ? { type: a.type, libelle: a.typeDecision?.libelle ?? TYPE_AVIS_LIBELLES[a.type], valide: a.valide, rangSaisi: a.rang } : null,
    rangListeComplementaire: c.rangListeComplementaire,
    acceptee: c.acceptee,
    reponse: reponseDe(c),
    createdAt: c.createdAt.toISOString(),
    transmiseAt: iso(c.transmiseAt),
    annuleeAt: iso(c.annuleeAt),
    etiquettes,
  };
}

function noteDto(n: Pick<NoteCandidature, 'id' | 'message' | 'auteur' | 'createdAt'>): NoteDto {
  return { id: n.id, message: n.message, auteur: n.auteur, createdAt: n.createdAt.toISOString() };
}

const iso = (d: Date | null) => d?.toISOString() ?? null;
