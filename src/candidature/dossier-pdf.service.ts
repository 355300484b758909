import { ETABLISSEMENT } from '../pdf/pdf-commun';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Readable } from 'node:stream';
import { buffer as lireTout } from 'node:stream/consumers';
import { DataSource } from 'typeorm';
import { DossierService } from '../candidat/dossier.service';
import { DossierDto } from '../candidat/dto/dossier.dto';
import { Principal } from '../common/auth/roles';
import { Clock } from '../common/clock/clock';
import { DomainError } from '../common/errors/domain-errors';
import { ResultatCursus } from '../cursus/entities/cursus-externe.entity';
import { Campagne } from '../offre/entities/campagne.entity';
import { Annexe } from '../pdf/annexes';
import { DossierPdfData, buildDossierPdf } from '../pdf/dossier-pdf';
import { PdfAssembleur } from '../pdf/pdf-assembleur';
import { FichierATelecharger } from '../pieces/upload/send-file';
import { ReferentielService } from '../referentiel/referentiel.service';
import { AccesCandidatures, CandidatureComplete, candidat } from './acces-candidatures';
import { CandidatureService } from './candidature.service';
import { PieceCandidature } from './entities/piece-candidature.entity';
import { PiecesCandidatureService } from './pieces-candidature.service';

const RESULTATS: Record<ResultatCursus, string> = {
  [ResultatCursus.OBTENU]: 'Obtenu',
  [ResultatCursus.NON_OBTENU]: 'Non obtenu',
  [ResultatCursus.EN_COURS]: 'En cours',
};

/**
 * « Télécharger mon dossier »: the candidate's file and one candidature, as the PDF of buildDossierPdf, followed by
 * the files uploaded for its pièces (PdfAssembleur).
 */
@Injectable()
export class DossierPdfService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly candidatures: CandidatureService,
    private readonly dossiers: DossierService,
    private readonly referentiel: ReferentielService,
    private readonly pieces: PiecesCandidatureService,
    private readonly assembleur: PdfAssembleur,
  ) {}

  async pourCandidat(compteId: number, id: number): Promise<FichierATelecharger> {
    const c = await AccesCandidatures.lire(this.dataSource.manager, candidat(compteId), id);
    await this.candidatures.assertPossible(c, 'telechargerDossier');
    return this.pdf(c);
  }

  /** Staff download the PDF of a candidature of their scope (404 otherwise). */
  async pourStaff(principal: Principal, id: number): Promise<FichierATelecharger> {
    return this.pdf(await AccesCandidatures.lire(this.dataSource.manager, principal, id));
  }

  /** The PDF of a candidature the caller may read (checked before: the candidate's own, or within a staff scope). */
  async pdf(c: CandidatureComplete): Promise<FichierATelecharger> {
    const [dossier, recap, campagne, fichiers] = await Promise.all([
      this.dossiers.dossier(c.compteCandidatId),
      this.candidatures.recapitulatif(c),
      this.dataSource.getRepository(Campagne).findOneByOrFail({ id: c.campagneId }),
      this.pieces.avecFichier(c.id),
    ]);
    const data: DossierPdfData = {
      ...(await this.sectionsLisibles(dossier)),
      etablissement: ETABLISSEMENT,
      campagne: campagne.libelle,
      editeLe: this.clock.now(),
      candidature: {
        formation: `${recap.formation.code} — ${recap.formation.libelle}`,
        commission: recap.contact.commission,
        adresseCommission: [...recap.contact.adresse, ...(recap.contact.email ? [`Mail : ${recap.contact.email}`] : [])],
        demat: recap.formation.demat,
        statutDossier: recap.statutDossier.libelle,
        typeTraitement: `${recap.typeTraitement.libelle}${recap.typeTraitement.valide ? '' : ' (non validé)'}`,
        dateRetour: recap.dates.limiteRetour,
        dateDepot: recap.createdAt,
        informationsComplementaires: recap.informationsComplementaires,
      },
      pieces: recap.pieces.map((p) => ({ libelle: p.libelle, statut: p.statutLibelle, conditionnel: p.conditionnel, fichier: p.fichier, commentaire: p.commentaire })),
    };
    // In the order of the pièces, as the summary lists them.
    const annexes = recap.pieces.flatMap((p) => {
      const row = fichiers.find((f) => f.pieceId === p.id);
      return row ? [this.annexe(p.libelle, row)] : [];
    });
    const buffer = await this.assembleur.assembler(annexes, (bilan) => buildDossierPdf({ ...data, annexes: bilan }));
    return { stream: Readable.from(buffer), type: 'application/pdf', taille: buffer.length, nom: `dossier-${dossier.numeroDossier}-${recap.formation.code}.pdf` };
  }

  private annexe(piece: string, row: PieceCandidature): Annexe {
    return {
      piece,
      nom: row.fichierNom ?? 'piece',
      type: row.fichierType ?? '',
      lire: async () => {
        try {
          return await lireTout((await this.pieces.fichier(row)).stream);
        } catch (error) {
          if (error instanceof DomainError && error.code === 'FICHIER_INTROUVABLE') return null;
          throw error;
        }
      },
    };
  }

  /** The file's sections with the reference codes turned into labels (the dossier PDF, the letters). */
  async sectionsLisibles(d: DossierDto): Promise<Pick<DossierPdfData, 'numeroDossier' | 'email' | 'identite' | 'adresse' | 'bac' | 'cursusExterne' | 'stages' | 'experiencesPro'>> {
    const libelle = await this.referentiel.libelleur();
    const lieu = (commune?: string | null, departement?: string | null, ville?: string | null, pays?: string | null) =>
      [commune ? `${libelle('commune', commune)}${departement ? ` (${departement})` : ''}` : ville, libelle('pays', pays)].filter(Boolean).join(', ');
    const i = d.identite;
    const a = d.adresse;
    const b = d.bac;
    return {
      numeroDossier: d.numeroDossier,
      email: d.email,
      identite: i && {
        civilite: i.civilite === 'M' ? 'M.' : 'Mme',
        nomNaissance: i.nomNaissance,
        nomUsage: i.nomUsage ?? null,
        prenom: i.prenom,
        autresPrenoms: i.autresPrenoms ?? null,
        dateNaissance: i.dateNaissance,
        lieuNaissance: lieu(i.communeNaissance, i.departementNaissance, i.villeNaissance, i.paysNaissance),
        nationalite: libelle('pays', i.nationalite) ?? i.nationalite,
        ine: i.ine ?? null,
        telephone: i.telephone ?? null,
        telephonePortable: i.telephonePortable ?? null,
      },
      adresse: a && {
        lignes: [
          a.ligne1,
          a.ligne2,
          a.ligne3,
          a.pays === 'FR' ? [a.codePostal, libelle('commune', a.commune), a.cedex].filter(Boolean).join(' ') : a.villeEtrangere,
          libelle('pays', a.pays),
        ].filter((l): l is string => Boolean(l)),
      },
      bac: b && {
        annee: b.annee ?? null,
        serie: libelle('serieBac', b.serie) ?? b.serie,
        mention: libelle('mention', b.mention),
        etablissement: libelle('etablissement', b.etablissement),
        lieu: lieu(b.commune, b.departement, null, b.pays) || null,
        specialites: (b.specialites ?? []).map((s) => libelle('specialiteBac', s) ?? s),
      },
      cursusExterne: d.cursus.cursusExterne.map((e) => ({
        annee: e.annee,
        libelle: e.libelle,
        etablissement: e.libelleEtablissement ?? libelle('etablissement', e.etablissement),
        lieu: lieu(e.commune, e.departement, null, e.pays) || null,
        resultat: RESULTATS[e.resultat],
        mention: libelle('mention', e.mention),
      })),
      stages: d.cursus.stages.map((s) => ({ annee: s.annee, employeur: s.organisme, duree: s.duree, description: s.descriptif })),
      experiencesPro: d.cursus.experiencesPro.map((e) => ({ annee: e.annee, intitule: e.intitule, employeur: e.organisme, duree: e.duree, description: e.descriptif ?? null })),
    };
  }
}
