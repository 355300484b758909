import { etiquettesDe } from '../etiquettes/etiquettes.service';
import { EntityManager, In, SelectQueryBuilder } from 'typeorm';
import { CompteCandidat } from '../../auth/entities/compte-candidat.entity';
import { Candidat } from '../../candidat/entities/candidat.entity';
import { CandidatAdresse } from '../../candidat/entities/candidat-adresse.entity';
import { CandidatBac } from '../../candidat/entities/candidat-bac.entity';
import { ImportScolarite } from '../../candidat/entities/import-scolarite.entity';
import { StudentRecord } from '../../candidat/student-records/student-records.port';
import { TYPE_AVIS_LIBELLES } from '../../candidature/avis/avis-rules';
import { STATUT_DOSSIER_LIBELLES, TYPE_TRAITEMENT_LIBELLES } from '../../candidature/candidature-rules';
import { DESISTEMENT_AUTO, codeOpiDe, reponseDe } from '../../candidature/decisions';
import { Avis } from '../../candidature/entities/avis.entity';
import { Candidature } from '../../candidature/entities/candidature.entity';
import { formatDate } from '../../common/clock/clock';
import { Cellule } from '../../common/csv/csv';
import { ValidationFailed } from '../../common/errors/domain-errors';
import { CursusExterne, ResultatCursus } from '../../cursus/entities/cursus-externe.entity';
import { CentreCandidature } from '../../offre/entities/centre-candidature.entity';
import { Commission } from '../../offre/entities/commission.entity';
import { Formation } from '../../offre/entities/formation.entity';
import { Commune, Etablissement } from '../../referentiel/entities';
import { NoteCandidature } from './entities/note-candidature.entity';

/**
 * The catalogue of the columns a candidature export may hold (GET /api/candidatures/export/colonnes, the `colonnes`
 * parameter of the exports), by group, in one table: each column names what it reads and how it writes it. The
 * default is the reference's main columns (§6), in their order, unchanged.
 *
 * What a column reads comes in three kinds, so an export page costs a fixed number of statements whatever its rows:
 * - CHAMPS, plain values of the page's one statement (the candidature, its account, identity and current avis, plus
 *   the one-to-one rows a JOINTURE adds when a chosen column needs them: address, bac, student-records snapshot);
 * - COMPLEMENTS, one more statement per page for the rows a candidature has several of (cursus externe, bloc-notes);
 * - Libelles, the small reference tables read once per export (pays, séries, mentions, spécialités…).
 */
export const GROUPES = {
  identite: 'Identité',
  adresse: 'Adresse',
  bac: 'Baccalauréat',
  cursus: 'Cursus',
  formation: 'Formation',
  statut: 'Statut du dossier',
  avis: 'Avis',
  reponse: 'Réponse du candidat',
  opi: 'OPI',
  blocNotes: 'Bloc-notes',
  dates: 'Dates',
  etiquettes: 'Étiquettes',
} as const;
export type GroupeColonne = keyof typeof GROUPES;

/** A plain value of the page's statement: its `alias.property`, and the type the entity gives it (a phantom, for LigneExport). */
interface ChampLu<T> {
  sql: string;
  type?: T;
}
const lu =
  <E>(_: abstract new () => E) =>
  <K extends keyof E & string>(alias: string, propriete: K): ChampLu<E[K]> => ({ sql: `${alias}.${propriete}` });
/** Of a row joined by LEFT JOIN: null when the candidate has none. */
const luSiPresent =
  <E>(_: abstract new () => E) =>
  <K extends keyof E & string>(alias: string, propriete: K): ChampLu<E[K] | null> => ({ sql: `${alias}.${propriete}` });

/** Each plain value an export may read: each with its `alias.property` (aliases of candidaturesDuPerimetre, `a` the avis, or a JOINTURE's). */
export const CHAMPS = {
  id: lu(Candidature)('c', 'id'),
  compteCandidatId: lu(Candidature)('c', 'compteCandidatId'),
  numeroDossier: lu(CompteCandidat)('cc', 'numeroDossier'),
  email: lu(CompteCandidat)('cc', 'email'),
  langue: lu(CompteCandidat)('cc', 'langue'),
  civilite: luSiPresent(Candidat)('cd', 'civilite'),
  nomNaissance: luSiPresent(Candidat)('cd', 'nomNaissance'),
  nomUsage: luSiPresent(Candidat)('cd', 'nomUsage'),
  prenom: luSiPresent(Candidat)('cd', 'prenom'),
  autresPrenoms: luSiPresent(Candidat)('cd', 'autresPrenoms'),
  dateNaissance: luSiPresent(Candidat)('cd', 'dateNaissance'),
  paysNaissance: luSiPresent(Candidat)('cd', 'paysNaissance'),
  nationalite: luSiPresent(Candidat)('cd', 'nationalite'),
  ine: luSiPresent(Candidat)('cd', 'ine'),
  telephone: luSiPresent(Candidat)('cd', 'telephone'),
  telephonePortable: luSiPresent(Candidat)('cd', 'telephonePortable'),
  codeFormation: lu(Formation)('f', 'code'),
  libelleFormation: lu(Formation)('f', 'libelle'),
  commission: lu(Commission)('cm', 'libelle'),
  centre: lu(CentreCandidature)('ce', 'libelle'),
  createdAt: lu(Candidature)('c', 'createdAt'),
  transmiseAt: lu(Candidature)('c', 'transmiseAt'),
  statutDossier: lu(Candidature)('c', 'statutDossier'),
  statutDossierAt: lu(Candidature)('c', 'statutDossierAt'),
  dateReception: lu(Candidature)('c', 'dateReception'),
  dateComplet: lu(Candidature)('c', 'dateComplet'),
  dateIncomplet: lu(Candidature)('c', 'dateIncomplet'),
  typeTraitement: lu(Candidature)('c', 'typeTraitement'),
  typeTraitementValide: lu(Candidature)('c', 'typeTraitementValide'),
  avisType: luSiPresent(Avis)('a', 'type'),
  avisValide: luSiPresent(Avis)('a', 'valide'),
  avisMotif: luSiPresent(Avis)('a', 'motif'),
  avisRang: luSiPresent(Avis)('a', 'rang'),
  avisCommentaire: luSiPresent(Avis)('a', 'commentaire'),
  avisAt: luSiPresent(Avis)('a', 'createdAt'),
  avisValideAt: luSiPresent(Avis)('a', 'valideAt'),
  rangListeComplementaire: lu(Candidature)('c', 'rangListeComplementaire'),
  acceptee: lu(Candidature)('c', 'acceptee'),
  accepteeAt: lu(Candidature)('c', 'accepteeAt'),
  acceptePar: lu(Candidature)('c', 'acceptePar'),
  dateConfirmation: lu(Candidature)('c', 'dateConfirmationCandidature'),
  dateRetour: lu(Candidature)('c', 'dateRetourCandidature'),
  codeOpi: lu(Candidature)('c', 'codeOpi'),
  annuleeAt: lu(Candidature)('c', 'annuleeAt'),
  annuleePar: lu(Candidature)('c', 'annuleePar'),
  adressePays: luSiPresent(CandidatAdresse)('ad', 'pays'),
  adresseLigne1: luSiPresent(CandidatAdresse)('ad', 'ligne1'),
  adresseLigne2: luSiPresent(CandidatAdresse)('ad', 'ligne2'),
  adresseLigne3: luSiPresent(CandidatAdresse)('ad', 'ligne3'),
  adresseCodePostal: luSiPresent(CandidatAdresse)('ad', 'codePostal'),
  adresseCedex: luSiPresent(CandidatAdresse)('ad', 'cedex'),
  adresseVilleEtrangere: luSiPresent(CandidatAdresse)('ad', 'villeEtrangere'),
  adresseCommune: luSiPresent(Commune)('adco', 'libelle'),
  bacSerie: luSiPresent(CandidatBac)('bc', 'serie'),
  bacAnnee: luSiPresent(CandidatBac)('bc', 'annee'),
  bacMention: luSiPresent(CandidatBac)('bc', 'mention'),
  bacSpecialites: luSiPresent(CandidatBac)('bc', 'specialites'),
  bacPays: luSiPresent(CandidatBac)('bc', 'pays'),
  bacDepartement: luSiPresent(CandidatBac)('bc', 'departement'),
  bacUai: luSiPresent(CandidatBac)('bc', 'etablissement'),
  bacEtablissement: luSiPresent(Etablissement)('bce', 'libelle'),
  numeroEtudiant: luSiPresent(ImportScolarite)('sc', 'codeEtudiant'),
  scolarite: luSiPresent(ImportScolarite)('sc', 'donnees'),
} as const;
export type Champ = keyof typeof CHAMPS;

/** The one-to-one rows of the candidate a champ's alias needs, joined into the page's statement (by primary key). */
export const JOINTURES: Record<string, (qb: SelectQueryBuilder<Candidature>) => void> = {
  ad: (qb) => qb.leftJoin(CandidatAdresse, 'ad', 'ad.compteCandidatId = c.compteCandidatId'),
  adco: (qb) => qb.leftJoin(Commune, 'adco', 'adco.code = ad.commune'),
  bc: (qb) => qb.leftJoin(CandidatBac, 'bc', 'bc.compteCandidatId = c.compteCandidatId'),
  bce: (qb) => qb.leftJoin(Etablissement, 'bce', 'bce.code = bc.etablissement'),
  sc: (qb) => qb.leftJoin(ImportScolarite, 'sc', 'sc.compteCandidatId = c.compteCandidatId'),
};

/** A row of an export page: every champ read (null when its row is missing), and the complements asked. */
export type LigneExport = { [K in Champ]: (typeof CHAMPS)[K] extends ChampLu<infer T> ? T : never } & { cursus?: CursusLu[]; notes?: NoteLue[]; etiquettes?: string[] };

type CursusLu = Pick<CursusExterne, 'annee' | 'libelle' | 'resultat' | 'libelleEtablissement' | 'etablissement'> & { libelleUai: string | null };
type NoteLue = Pick<NoteCandidature, 'message' | 'auteur' | 'createdAt'>;

/** The rows a candidature has several of, read for a whole page in one statement. */
export const COMPLEMENTS = {
  async cursus(em: EntityManager, page: LigneExport[]): Promise<void> {
    const comptes = [...new Set(page.map((l) => l.compteCandidatId))];
    const rows = await em
      .getRepository(CursusExterne)
      .createQueryBuilder('cu')
      .leftJoin(Etablissement, 'e', 'e.code = cu.etablissement')
      .select(['cu.compteCandidatId AS "compte"', 'cu.annee AS "annee"', 'cu.libelle AS "libelle"', 'cu.resultat AS "resultat"', 'cu.libelleEtablissement AS "libelleEtablissement"', 'cu.etablissement AS "etablissement"', 'e.libelle AS "libelleUai"'])
      .where({ compteCandidatId: In(comptes) })
      .orderBy('cu.compteCandidatId')
      .addOrderBy('cu.annee')
      .getRawMany<CursusLu & { compte: number | string }>();
    const parCompte = new Map<number, CursusLu[]>();
    for (const { compte, ...r } of rows) parCompte.set(Number(compte), [...(parCompte.get(Number(compte)) ?? []), { ...r, annee: Number(r.annee) }]);
    for (const l of page) l.cursus = parCompte.get(l.compteCandidatId) ?? [];
  },
  async notes(em: EntityManager, page: LigneExport[]): Promise<void> {
    const rows = await em.getRepository(NoteCandidature).find({
      select: { candidatureId: true, message: true, auteur: true, createdAt: true },
      where: { candidatureId: In(page.map((l) => l.id)) },
      order: { candidatureId: 'ASC', createdAt: 'ASC', id: 'ASC' },
    });
    const parCandidature = new Map<number, NoteLue[]>();
    for (const n of rows) parCandidature.set(n.candidatureId, [...(parCandidature.get(n.candidatureId) ?? []), n]);
    for (const l of page) l.notes = parCandidature.get(l.id) ?? [];
  },
  async etiquettes(em: EntityManager, page: LigneExport[]): Promise<void> {
    const parCandidature = await etiquettesDe(em, page.map((l) => l.id));
    for (const l of page) l.etiquettes = (parCandidature.get(l.id) ?? []).map((e) => e.libelle);
  },
};
export type Complement = keyof typeof COMPLEMENTS;

/** Labels of the small reference tables, read once per export: code → label. */
export interface Libelles {
  nationalites: Map<string, string>;
  pays: Map<string, string>;
  motifs: Map<string, string>;
  series: Map<string, string>;
  mentions: Map<string, string>;
  specialites: Map<string, string>;
  departements: Map<string, string>;
}

/** One column of the catalogue. */
export interface DefinitionColonne {
  code: string;
  entete: string;
  groupe: GroupeColonne;
  description: string;
  /** The plain values it reads beyond the candidature's own (CHAMPS_BASE). */
  champs?: Champ[];
  complement?: Complement;
  /** In today's export, the one without `colonnes` */
  parDefaut?: boolean;
  valeur: (l: LigneExport, lib: Libelles) => Cellule;
}

const heureParis = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' });
const instant = (d: Date | null | undefined): Cellule => (d ? heureParis.format(d) : null);
/** YYYY-MM-DD as French spreadsheets show dates */
const date = (d: string | null | undefined): Cellule => (d ? formatDate(d) : null);
const ouiNon = (b: boolean) => (b ? 'Oui' : 'Non');
const CIVILITES: Record<string, string> = { M: 'M.', MME: 'Mme' };
const libelle = (m: Map<string, string>, code: string | null) => (code === null ? null : (m.get(code) ?? code));
const anneeUniversitaire = (annee: number) => `${annee}-${annee + 1}`;
const RESULTATS: Record<ResultatCursus, string> = { OBTENU: 'obtenu', NON_OBTENU: 'non obtenu', EN_COURS: 'en cours' };

/** The last diploma obtained: the latest year obtained of the cursus externe or admitted (ADM) of the cursus interne. */
function dernierDiplome(l: LigneExport): Cellule {
  const externes = (l.cursus ?? []).filter((c) => c.resultat === ResultatCursus.OBTENU).map((c) => ({ annee: c.annee, libelle: c.libelle }));
  let internes: { annee: number; libelle: string }[] = [];
  if (l.scolarite) {
    const record = JSON.parse(l.scolarite) as Partial<StudentRecord>;
    internes = (record.cursusInterne ?? []).filter((c) => c.resultat === 'ADM').map((c) => ({ annee: c.annee, libelle: c.libelleFormation }));
  }
  const dernier = [...externes, ...internes].sort((a, b) => b.annee - a.annee)[0];
  return dernier ? `${dernier.libelle} (${anneeUniversitaire(dernier.annee)})` : null;
}

/** The address as one would write it on an envelope, one line per part. */
function adresseComplete(l: LigneExport, lib: Libelles): Cellule {
  if (l.adresseLigne1 === null) return null;
  const ville = [l.adresseCodePostal, l.adresseCommune ?? l.adresseVilleEtrangere, l.adresseCedex].filter(Boolean).join(' ');
  return [l.adresseLigne1, l.adresseLigne2, l.adresseLigne3, ville, l.adressePays === 'FR' ? null : libelle(lib.pays, l.adressePays)].filter(Boolean).join('\n');
}

const col = (code: string, entete: string, groupe: GroupeColonne, description: string, valeur: DefinitionColonne['valeur'], extra: Pick<DefinitionColonne, 'champs' | 'complement'> = {}): DefinitionColonne => ({
  code,
  entete,
  groupe,
  description,
  valeur,
  ...extra,
});

/** A column of the default export (COLONNES_PAR_DEFAUT). */
const defaut = (...args: Parameters<typeof col>): DefinitionColonne => ({ ...col(...args), parDefaut: true });

/** Every column, grouped, in the order the catalogue lists them. */
export const CATALOGUE: DefinitionColonne[] = [
  defaut('numeroDossier', 'Numéro de dossier', 'identite', 'Numéro de dossier du candidat', (l) => l.numeroDossier),
  defaut('civilite', 'Civilité', 'identite', 'M. ou Mme', (l) => (l.civilite === null ? null : CIVILITES[l.civilite])),
  defaut('nomNaissance', 'Nom de naissance', 'identite', 'Nom de naissance', (l) => l.nomNaissance),
  defaut('nomUsage', "Nom d'usage", 'identite', "Nom d'usage, s'il diffère", (l) => l.nomUsage),
  defaut('prenom', 'Prénom', 'identite', 'Prénom', (l) => l.prenom),
  col('autresPrenoms', 'Autres prénoms', 'identite', 'Autres prénoms', (l) => l.autresPrenoms, { champs: ['autresPrenoms'] }),
  defaut('dateNaissance', 'Date de naissance', 'identite', 'JJ/MM/AAAA', (l) => date(l.dateNaissance)),
  col('paysNaissance', 'Pays de naissance', 'identite', 'Libellé du pays', (l, lib) => libelle(lib.pays, l.paysNaissance), { champs: ['paysNaissance'] }),
  defaut('nationalite', 'Nationalité', 'identite', 'Libellé de la nationalité', (l, lib) => libelle(lib.nationalites, l.nationalite)),
  defaut('ine', 'INE', 'identite', 'INE et sa clé', (l) => l.ine),
  col('numeroEtudiant', 'Numéro étudiant', 'identite', "Code étudiant du SI Scol (import à la connexion CAS), vide pour un candidat extérieur", (l) => l.numeroEtudiant, { champs: ['numeroEtudiant'] }),
  defaut('email', 'E-mail', 'identite', 'Adresse e-mail du compte', (l) => l.email),
  col('telephone', 'Téléphone', 'identite', 'Téléphone fixe', (l) => l.telephone, { champs: ['telephone'] }),
  defaut('telephonePortable', 'Téléphone portable', 'identite', 'Téléphone portable', (l) => l.telephonePortable),
  col('langue', 'Langue', 'identite', 'Langue des courriers : fr ou en', (l) => l.langue, { champs: ['langue'] }),

  col('adresse', 'Adresse', 'adresse', "L'adresse entière, une ligne par partie (pays à la fin hors de France)", adresseComplete, {
    champs: ['adresseLigne1', 'adresseLigne2', 'adresseLigne3', 'adresseCodePostal', 'adresseCommune', 'adresseVilleEtrangere', 'adresseCedex', 'adressePays'],
  }),
  col('adresseLigne1', 'Adresse ligne 1', 'adresse', "Première ligne de l'adresse", (l) => l.adresseLigne1, { champs: ['adresseLigne1'] }),
  col('adresseLigne2', 'Adresse ligne 2', 'adresse', "Deuxième ligne de l'adresse", (l) => l.adresseLigne2, { champs: ['adresseLigne2'] }),
  col('adresseLigne3', 'Adresse ligne 3', 'adresse', "Troisième ligne de l'adresse", (l) => l.adresseLigne3, { champs: ['adresseLigne3'] }),
  col('adresseCodePostal', 'Code postal', 'adresse', 'Code postal (France)', (l) => l.adresseCodePostal, { champs: ['adresseCodePostal'] }),
  col('adresseVille', 'Ville', 'adresse', 'Commune (France, avec le cedex) ou ville à l’étranger', (l) => [l.adresseCommune ?? l.adresseVilleEtrangere, l.adresseCedex].filter(Boolean).join(' ') || null, {
    champs: ['adresseCommune', 'adresseVilleEtrangere', 'adresseCedex'],
  }),
  col('adressePays', 'Pays', 'adresse', "Libellé du pays de l'adresse", (l, lib) => libelle(lib.pays, l.adressePays), { champs: ['adressePays'] }),

  col('bacSerie', 'Série du bac', 'bac', 'Libellé de la série (ou du titre équivalent)', (l, lib) => libelle(lib.series, l.bacSerie), { champs: ['bacSerie'] }),
  col('bacAnnee', 'Année du bac', 'bac', "Année d'obtention", (l) => l.bacAnnee, { champs: ['bacAnnee'] }),
  col('bacMention', 'Mention du bac', 'bac', 'Libellé de la mention', (l, lib) => libelle(lib.mentions, l.bacMention), { champs: ['bacMention'] }),
  col('bacSpecialites', 'Spécialités du bac', 'bac', 'Les spécialités de terminale, séparées par « / »', (l, lib) => (l.bacSpecialites ? l.bacSpecialites.split(',').map((s) => libelle(lib.specialites, s)).join(' / ') : null), {
    champs: ['bacSpecialites'],
  }),
  col('bacEtablissement', 'Établissement du bac', 'bac', "Libellé du lycée (ou son UAI s'il n'est plus au référentiel)", (l) => l.bacEtablissement ?? l.bacUai, { champs: ['bacEtablissement', 'bacUai'] }),
  col('bacDepartement', 'Département du bac', 'bac', 'Libellé du département du lycée', (l, lib) => libelle(lib.departements, l.bacDepartement), { champs: ['bacDepartement'] }),
  col('bacPays', 'Pays du bac', 'bac', "Libellé du pays d'obtention", (l, lib) => libelle(lib.pays, l.bacPays), { champs: ['bacPays'] }),

  col('cursusExterne', 'Cursus externe', 'cursus', 'Les années hors de l’université, une ligne chacune : année, formation, établissement, résultat', (l) =>
    (l.cursus ?? []).map((c) => `${anneeUniversitaire(c.annee)} : ${c.libelle}, ${c.libelleUai ?? c.libelleEtablissement ?? c.etablissement ?? ''}, ${RESULTATS[c.resultat]}`).join('\n') || null,
    { complement: 'cursus' },
  ),
  col('dernierDiplome', 'Dernier diplôme', 'cursus', 'Le dernier diplôme obtenu, du cursus externe ou du cursus interne (SI Scol), avec son année', dernierDiplome, {
    champs: ['scolarite'],
    complement: 'cursus',
  }),

  defaut('codeFormation', 'Code formation', 'formation', 'Code de la formation', (l) => l.codeFormation),
  defaut('libelleFormation', 'Libellé formation', 'formation', 'Libellé de la formation', (l) => l.libelleFormation),
  defaut('commission', 'Commission', 'formation', 'Libellé de la commission', (l) => l.commission),
  col('centre', 'Centre de candidature', 'formation', 'Libellé du centre de candidature', (l) => l.centre, { champs: ['centre'] }),

  defaut('dateCandidature', 'Date de candidature', 'dates', 'Création de la candidature', (l) => instant(l.createdAt)),
  defaut('dateTransmission', 'Date de transmission', 'dates', 'Transmission du dossier par le candidat', (l) => instant(l.transmiseAt)),
  defaut('statutDossier', 'Statut du dossier', 'statut', 'En attente, réceptionné, incomplet ou complet', (l) => STATUT_DOSSIER_LIBELLES[l.statutDossier]),
  defaut('dateStatut', 'Date du statut', 'statut', 'Dernier changement du statut', (l) => instant(l.statutDossierAt)),
  col('dateReception', 'Date de réception', 'dates', 'Date de réception saisie', (l) => date(l.dateReception), { champs: ['dateReception'] }),
  col('dateComplet', 'Date complet', 'dates', 'Date saisie au passage à complet', (l) => date(l.dateComplet), { champs: ['dateComplet'] }),
  col('dateIncomplet', 'Date incomplet', 'dates', 'Date saisie au passage à incomplet', (l) => date(l.dateIncomplet), { champs: ['dateIncomplet'] }),
  defaut('typeTraitement', 'Type de traitement', 'statut', 'Accès contrôlé, accès direct ou en attente', (l) => TYPE_TRAITEMENT_LIBELLES[l.typeTraitement]),
  defaut('traitementValide', 'Traitement validé', 'statut', 'Oui ou Non', (l) => ouiNon(l.typeTraitementValide)),
  defaut('avis', 'Avis', 'avis', "L'avis courant (le dernier saisi, validé ou non)", (l) => (l.avisType === null ? null : TYPE_AVIS_LIBELLES[l.avisType])),
  defaut('avisValide', 'Avis validé', 'avis', 'Oui ou Non', (l) => (l.avisType === null ? null : ouiNon(l.avisValide === true))),
  defaut('motif', 'Motif', 'avis', 'Motif de refus', (l, lib) => (l.avisMotif ? libelle(lib.motifs, l.avisMotif) : null)),
  defaut('rangSaisi', 'Rang saisi', 'avis', 'Rang saisi sur la liste complémentaire', (l) => l.avisRang),
  defaut('rangListeComplementaire', 'Rang liste complémentaire', 'avis', 'Rang réel sur la liste complémentaire', (l) => l.rangListeComplementaire),
  col('commentaireAvis', 'Commentaire de l’avis', 'avis', "Commentaire saisi avec l'avis", (l) => l.avisCommentaire, { champs: ['avisCommentaire'] }),
  col('dateAvis', "Date de l'avis", 'dates', "Saisie de l'avis courant", (l) => instant(l.avisAt), { champs: ['avisAt'] }),
  col('dateValidationAvis', "Date de validation de l'avis", 'dates', "Validation de l'avis courant", (l) => instant(l.avisValideAt), { champs: ['avisValideAt'] }),
  defaut('reponse', 'Réponse', 'reponse', 'Confirmée ou désistement', (l) => reponseDe(l)?.libelle ?? null),
  defaut('dateReponse', 'Date de réponse', 'reponse', 'Date de la réponse', (l) => instant(l.accepteeAt)),
  defaut('desistementAutomatique', 'Désistement automatique', 'reponse', 'Oui quand le délai de confirmation a expiré', (l) => (l.acceptee === false ? ouiNon(l.acceptePar === DESISTEMENT_AUTO) : null)),
  col('dateLimiteConfirmation', 'Date limite de confirmation', 'reponse', 'Date propre à la candidature, quand elle a été fixée', (l) => date(l.dateConfirmation), { champs: ['dateConfirmation'] }),
  col('dateLimiteRetour', 'Date limite de retour', 'dates', 'Date propre à la candidature, quand elle a été fixée', (l) => date(l.dateRetour), { champs: ['dateRetour'] }),
  defaut('codeOpi', 'Code OPI', 'opi', "Code de l'inscription en ligne, tant que la confirmation tient", (l) => codeOpiDe(l)),
  col('blocNotes', 'Bloc-notes', 'blocNotes', 'Les notes du personnel, une ligne chacune : date, auteur, message', (l) => (l.notes ?? []).map((n) => `${instant(n.createdAt)} ${n.auteur} : ${n.message}`).join('\n') || null, {
    complement: 'notes',
  }),
  defaut('dateAnnulation', "Date d'annulation", 'dates', 'Annulation de la candidature', (l) => instant(l.annuleeAt)),
  col('annulePar', 'Annulée par', 'dates', "Qui l'a annulée : le candidat (son numéro) ou un membre du personnel", (l) => l.annuleePar, { champs: ['annuleePar'] }),
  defaut('etiquettes', 'Étiquettes', 'etiquettes', 'Les étiquettes posées sur la candidature, par nom, séparées par des virgules', (l) => (l.etiquettes ?? []).join(', ') || null, {
    complement: 'etiquettes',
  }),
];

/** Today's export (the reference's main columns, §6, in the catalogue's order), the default when `colonnes` is absent. */
export const COLONNES_PAR_DEFAUT = CATALOGUE.filter((c) => c.parDefaut).map((c) => c.code);

/** What every export reads, whatever its columns: the keyset's id and the default columns' values. */
const CHAMPS_BASE: Champ[] = [
  'id',
  'compteCandidatId',
  'numeroDossier',
  'email',
  'civilite',
  'nomNaissance',
  'nomUsage',
  'prenom',
  'dateNaissance',
  'nationalite',
  'ine',
  'telephonePortable',
  'codeFormation',
  'libelleFormation',
  'commission',
  'createdAt',
  'transmiseAt',
  'statutDossier',
  'statutDossierAt',
  'typeTraitement',
  'typeTraitementValide',
  'avisType',
  'avisValide',
  'avisMotif',
  'avisRang',
  'rangListeComplementaire',
  'acceptee',
  'accepteeAt',
  'acceptePar',
  'codeOpi',
  'annuleeAt',
];

const PAR_CODE = new Map(CATALOGUE.map((c) => [c.code, c]));

/** An export's columns, resolved: the definitions in the order asked, and what the page must read for them. */
export interface ColonnesChoisies {
  colonnes: DefinitionColonne[];
  champs: Partial<Record<Champ, string>>;
  jointures: string[];
  complements: Complement[];
}

/**
 * The `colonnes` parameter (codes separated by commas, in the order wanted; absent: COLONNES_PAR_DEFAUT) resolved
 * against the catalogue; 400 naming every unknown code.
 */
export function choisirColonnes(parametre: string | undefined): ColonnesChoisies {
  const codes = parametre === undefined ? COLONNES_PAR_DEFAUT : parametre.split(',').map((c) => c.trim());
  const inconnues = codes.filter((c) => !PAR_CODE.has(c));
  if (inconnues.length > 0) {
    const vides = inconnues.includes('');
    throw new ValidationFailed([
      {
        field: 'colonnes',
        message: vides
          ? 'contient une colonne vide : des codes séparés par des virgules (voir GET /api/candidatures/export/colonnes)'
          : `${inconnues.length > 1 ? 'colonnes inconnues' : 'colonne inconnue'} : ${inconnues.join(', ')} (voir GET /api/candidatures/export/colonnes)`,
      },
    ]);
  }
  const colonnes = codes.map((c) => PAR_CODE.get(c)!);
  const noms = new Set<Champ>([...CHAMPS_BASE, ...colonnes.flatMap((c) => c.champs ?? [])]);
  const champs = Object.fromEntries([...noms].map((n) => [n, CHAMPS[n].sql]));
  const alias = new Set([...noms].map((n) => CHAMPS[n].sql.split('.')[0]));
  return {
    colonnes,
    champs,
    // In JOINTURES' order: a label's join comes after the row it labels.
    jointures: Object.keys(JOINTURES).filter((a) => alias.has(a)),
    complements: [...new Set(colonnes.flatMap((c) => (c.complement ? [c.complement] : [])))],
  };
}
