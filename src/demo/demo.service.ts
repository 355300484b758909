import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthService } from '../auth/auth.service';
import { ComptesService } from '../auth/comptes.service';
import { Civilite } from '../candidat/entities/candidat.entity';
import { nneKey } from '../candidat/ine/ine';
import { DossierService } from '../candidat/dossier.service';
import { CandidatureService } from '../candidature/candidature.service';
import { TypeAvis } from '../candidature/entities/avis.entity';
import { ParametrageDecisionsService } from '../candidature/parametrage/parametrage-decisions.service';
import { DomainError } from '../common/errors/domain-errors';
import { NO_SCOPES, Principal, Role } from '../common/auth/roles';
import { Clock, formatDate, parisDate } from '../common/clock/clock';
import { AppConfig, appConfig } from '../config';
import { CampagneService } from '../offre/campagne.service';
import { ParametresLettresService } from '../lettres/parametres-lettres.service';
import { Campagne } from '../offre/entities/campagne.entity';
import { TypeTraitement } from '../offre/entities/formation.entity';
import { GestionOffreService } from '../offre/gestion-offre.service';
import { PiecesService } from '../pieces/pieces.service';
import { demoDates } from './demo-dates';

/** The demo staff: one account a role, so a newcomer can try every screen from the Swagger console. */
export const DEMO_STAFF = [
  { login: 'admin', role: Role.ADMIN, prenom: 'Camille', nom: 'Admin', scopes: {} },
  { login: 'scol', role: Role.SCOL_CENTRALE, prenom: 'Dominique', nom: 'Scolarité', scopes: {} },
  { login: 'gestionnaire', role: Role.GESTIONNAIRE, prenom: 'Claude', nom: 'Gestion', scopes: { centres: ['OSUC'] } },
  { login: 'commission', role: Role.COMMISSION, prenom: 'Alex', nom: 'Commission', scopes: { commissions: ['OSUC-SCOL'] } },
].map((s) => ({ ...s, password: `demo-${s.login}-candidatures` }));

/**
 * Demo candidates, their file complete, who applied to the Orléans M1 (paper: the gestionnaire receives the files) —
 * Élise Martin also to the Caen L3 (dematerialised): the staff journey can start at once from the Swagger console;
 * and one who has not applied yet.
 */
export const DEMO_CANDIDAT_PASSWORD = 'demo-candidat-candidatures';
export const DEMO_CANDIDATS = [
  { numeroDossier: 'DEMO0001', civilite: Civilite.MME, nom: 'MARTIN', prenom: 'Élise', formations: ['M1-GEO2ENV', 'L3-CINE'] },
  { numeroDossier: 'DEMO0002', civilite: Civilite.M, nom: 'DURAND', prenom: 'Hugo', formations: ['M1-GEO2ENV'] },
  { numeroDossier: 'DEMO0003', civilite: Civilite.MME, nom: 'NGUYEN', prenom: 'Linh', formations: ['M1-GEO2ENV'] },
  // Has not applied yet: their identity is still open, for the file's examples in the Swagger console.
  { numeroDossier: 'DEMO0004', civilite: Civilite.M, nom: 'BERNARD', prenom: 'Lucas', formations: [] },
] as const;

/**
 * The guides' offer: the Orléans guide's OSUC master and DEG licences pro (paper files, as in its offer table), and
 * the Caen guide's dematerialised formations.
 */
function demoOffre(dates: ReturnType<typeof demoDates>) {
  const { ouverte, plusTard } = dates;
  return [
    {
      centre: { code: 'OSUC', libelle: "Observatoire des Sciences de l'Univers en région Centre (OSUC)", contactEmail: 'admission-osuc@univ-orleans.fr', maxVoeux: 5, dematDefaut: false },
      commission: {
        code: 'OSUC-SCOL',
        libelle: 'OSUC - SCOLARITE',
        adresse: { ligne1: 'Martine BODUSSEAU', ligne2: '1 A rue de la Férollerie', codePostal: '45071', commune: '45234', ville: 'ORLEANS CEDEX 2', pays: 'FR' },
        email: 'admission-osuc@univ-orleans.fr',
        signataire: 'Martine BODUSSEAU',
        lettreJointeAuMail: true,
      },
      formations: [
        {
          code: 'M1-GEO2ENV',
          libelle: 'M1 SCIENCES DE LA TERRE ET DES PLANETES, ENVIRONNEMENT -GEO2env',
          motsCles: 'géologie environnement planètes',
          typeDiplome: 'MAS',
          ...ouverte,
          // No publication date: a validated avis is shown and mailed at once, so the demo's journey runs today (the
          // other formations keep theirs, and hold validated avis until then).
          datePublication: undefined,
          // Each withdrawal promotes the best ranked of the liste complémentaire, who then has 8 days to answer.
          listeComplementaire: true,
          delaiConfirmationListeComplementaire: 8,
        },
      ],
    },
    {
      centre: { code: 'DEG', libelle: 'UFR COLLEGIUM DROIT, ECONOMIE ET GESTION', contactEmail: 'scolarite.deg@univ-orleans.fr', dematDefaut: false },
      commission: {
        code: 'DEG-LP',
        libelle: 'DEG - LICENCES PROFESSIONNELLES',
        adresse: { ligne1: 'Rue de Blois', codePostal: '45067', commune: '45234', ville: 'ORLEANS CEDEX 2', pays: 'FR' },
        email: 'scolarite.deg@univ-orleans.fr',
      },
      formations: [
        { code: 'LP-ABF', libelle: 'LP ASSURANCE BANQUE FINANCE : CHARGE DE CLIENTELE Formation en apprentissage', motsCles: 'assurance banque apprentissage', typeDiplome: 'LP', ...ouverte },
        // Opens later, as in the guide: not "ouverte" yet.
        { code: 'LP-MP', libelle: "LP MARCHES PUBLICS - METIERS DE L'ACHAT PUBLIC", motsCles: 'achat public', typeDiplome: 'LP', ...plusTard },
      ],
    },
    {
      centre: { code: 'UFR-ARTS', libelle: 'UFR des Humanités et Sciences sociales', contactEmail: 'scolarite.hss@unicaen.fr', dematDefaut: true },
      commission: {
        code: 'HSS-L3',
        libelle: 'Commission Arts du spectacle',
        adresse: { ligne1: '5, rue Thomas Mann', ligne2: 'Bât A des Grands Moulins', codePostal: '75205', commune: '75056', ville: 'PARIS 13EME', pays: 'FR' },
        email: 'scolarite.hss@unicaen.fr',
        commentaireCandidat: "Veuillez bien à ne pas passer la date limite d'envoi. Un conseil : n'attendez pas la dernière minute.",
      },
      formations: [
        { code: 'L3-CINE', libelle: 'L3 Arts du spectacle - Etudes cinématographiques', motsCles: 'cinéma spectacle', typeDiplome: 'LIC', ...ouverte },
        { code: 'L1-MATHINFO', libelle: 'L1 Mathématiques/Informatique - double Licence', motsCles: 'mathématiques informatique', typeDiplome: 'LIC', ...ouverte },
        { code: 'M2-DROIT-ASS', libelle: 'Master 2A Droit des Assurances P. Assurances et Personnes', motsCles: 'droit assurances', typeDiplome: 'MAS', ...ouverte },
      ],
    },
  ];
}

/** The pièces justificatives of the guides: the Orléans M1's eight (two conditional), and the Caen centre's. */
const DEMO_PIECES: { centre: string; formations?: string[]; pieces: [code: string, libelle: string, conditionnel: boolean][] }[] = [
  {
    centre: 'OSUC',
    formations: ['M1-GEO2ENV'],
    pieces: [
      ['GEO-FRANCAIS-B2', 'Attestation de niveau de français (minimum B2) (étudiants étrangers uniquement)', true],
      ['GEO-DIPLOMES', 'Copie des diplômes Baccalauréat et post-baccalauréat', false],
      ['GEO-IDENTITE', "Copie pièce d'identité", false],
      ['GEO-CV', 'Curriculum Vitae avec photo', false],
      ['GEO-LETTRE', 'Lettre de motivation', false],
      ['GEO-RELEVES', "Copie des relevés de notes des années d'études post bac (dans l'ordre chronologique)", false],
      ['GEO-RELEVE-BAC', 'Copie du Relevé de Notes du baccalauréat', false],
      ['GEO-DOCS', 'Doc complémentaires (lettres de recommandation...)', true],
    ],
  },
  // Common to the centre's formations, one file shared by the candidate's candidatures.
  { centre: 'UFR-ARTS', pieces: [['HSS-IDENTITE', "Copie d'une pièce d'identité", false], ['HSS-RELEVES', 'Relevés de notes du baccalauréat et post-bac', false]] },
  { centre: 'UFR-ARTS', formations: ['L3-CINE', 'M2-DROIT-ASS'], pieces: [['HSS-CV', 'Curriculum vitae', false], ['HSS-LETTRE', 'Lettre de motivation', false], ['HSS-STAGE', 'Attestations de stage', true]] },
];

/** The Caen guide's « Avis favorable SOUS RÉSERVE »: an institution's type de décision, final, which the candidate confirms. */
/** The letters' institution block and the masters' paragraph: a newcomer's first letter names the demo university. */
export const DEMO_LETTRES = {
  etablissement: {
    nom: "Université d'Orléans (démonstration)",
    nomEn: 'University of Orléans (demo)',
    adresse: ['Château de la Source', 'Avenue du Parc Floral', '45100 Orléans'],
    signataireNom: 'Le président de l’université',
    signataireTitre: 'Par délégation, le directeur de la scolarité',
    signataireTitreEn: 'For the President, the Head of Student Records',
  },
  typeDiplome: {
    code: 'MAS',
    texte: "L'inscription en master vaut acceptation du règlement des études, consultable sur le site de l'université.",
    texteEn: "Enrolling in a master's programme means accepting the study regulations, available on the university's website.",
  },
};

export const DEMO_TYPE_DECISION = {
  code: 'FAV_RESERVE',
  libelle: 'Avis favorable sous réserve',
  libelleEn: 'Conditional offer',
  famille: TypeAvis.FA,
  definitif: true,
  confirmable: true,
};

/**
 * Loads the demo data once, into an empty database, when DEMO_DATA=true (the embedded default): a campaign in
 * service, dated from the day it is loaded (demoDates), and the demo staff. Never in production.
 */
@Injectable()
export class DemoService implements OnApplicationBootstrap {
  private readonly logger = new Logger(DemoService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly campagnes: CampagneService,
    private readonly auth: AuthService,
    private readonly offre: GestionOffreService,
    private readonly pieces: PiecesService,
    private readonly dossiers: DossierService,
    private readonly candidatures: CandidatureService,
    private readonly comptes: ComptesService,
    private readonly parametrage: ParametrageDecisionsService,
    private readonly lettres: ParametresLettresService,
    @Inject(appConfig.KEY) private readonly app: AppConfig,
    private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.app.demoData || (await this.dataSource.getRepository(Campagne).count()) > 0) return;
    const dates = demoDates(parisDate(this.clock.now()));
    const { id: campagneId } = await this.campagnes.create({ ...dates.campagne, enService: true });
    for (const s of DEMO_STAFF) {
      await this.auth.createStaff({
        login: s.login,
        email: `${s.login}@candidatures.localhost`,
        nom: s.nom,
        prenom: s.prenom,
        password: s.password,
        roles: [s.role],
        scopes: s.scopes,
      });
    }
    // Loaded as scol-centrale would, through the same rules as the API.
    const loader: Principal = { kind: 'staff', id: 0, login: 'demo', roles: [Role.SCOL_CENTRALE], scopes: NO_SCOPES, sessionId: 0 };
    const centres = new Map<string, number>();
    const formations = new Map<string, number>();
    for (const { centre, commission, formations: list } of demoOffre(dates)) {
      const c = await this.offre.createCentre(loader, centre);
      centres.set(c.code, c.id);
      const m = await this.offre.createCommission(loader, { ...commission, centreId: c.id });
      for (const f of list) formations.set(f.code, (await this.offre.createFormation(loader, { ...f, commissionId: m.id, typeTraitement: TypeTraitement.AC })).id);
    }
    let pieces = 0;
    for (const { centre, formations: codes, pieces: list } of DEMO_PIECES) {
      for (const [ordre, [code, libelle, conditionnel]] of list.entries()) {
        const formationIds = codes?.map((f) => formations.get(f) as number);
        await this.pieces.create(loader, { code, libelle, conditionnel, commun: !codes, centreId: centres.get(centre), ordre: ordre + 1, ...(formationIds ? { formationIds } : {}) });
        pieces++;
      }
    }
    await this.parametrage.createType(DEMO_TYPE_DECISION);
    await this.lettres.enregistrerEtablissement(DEMO_LETTRES.etablissement, loader);
    await this.lettres.enregistrerTypeDiplome(DEMO_LETTRES.typeDiplome.code, DEMO_LETTRES.typeDiplome, loader);
    const candidatures = await this.candidats(campagneId, formations);
    this.logger.log(
      `Données de démonstration chargées : campagne ${dates.campagne.code} en service (candidatures du ${formatDate(dates.ouverte.dateDebutCandidature)} au ${formatDate(dates.ouverte.dateFinCandidature)}), ${formations.size} formations des guides, ${pieces} pièces justificatives, le type de décision « ${DEMO_TYPE_DECISION.libelle} », l'en-tête des lettres « ${DEMO_LETTRES.etablissement.nom} », un compte par rôle, ${DEMO_CANDIDATS.length} candidats et ${candidatures} candidatures`,
    );
  }

  /** The demo candidates: activated accounts, complete files, candidatures made through the same rules as the API. */
  private async candidats(campagneId: number, formations: Map<string, number>): Promise<number> {
    let candidatures = 0;
    for (const [i, c] of DEMO_CANDIDATS.entries()) {
      const email = `${c.prenom.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()}.${c.nom.toLowerCase()}@candidatures.localhost`;
      const compte = await this.comptes.creerActive({ campagneId, numeroDossier: c.numeroDossier, email, nom: c.nom, prenom: c.prenom, password: DEMO_CANDIDAT_PASSWORD });
      const nne = `31000000${String(i + 1).padStart(2, '0')}`;
      await this.dossiers.saveIdentite(
        compte.id,
        { civilite: c.civilite, nomNaissance: c.nom, prenom: c.prenom, dateNaissance: '2003-03-14', paysNaissance: 'FR', departementNaissance: '45', communeNaissance: '45234', nationalite: 'FR', ine: `${nne}${nneKey(nne)}` },
        undefined,
      );
      await this.dossiers.saveAdresse(compte.id, { pays: 'FR', ligne1: `${12 + i} rue de Bourgogne`, codePostal: '45000', commune: '45234' }, undefined);
      // Their bac from one of the built-in lycées of Orléans (src/referentiel/data/etablissements.ts).
      const lycee = ['0450049J', '0450782F', '0451526P'][i % 3];
      await this.dossiers.saveBac(compte.id, { serie: 'GEN', annee: 2021, mention: 'B', specialites: ['MATHS', 'PC'], pays: 'FR', departement: '45', commune: '45234', etablissement: lycee }, undefined);
      for (const code of c.formations) {
        try {
          await this.candidatures.candidater(compte.id, formations.get(code) as number);
          candidatures++;
        } catch (error) {
          // The institution's settings may refuse one (CANDIDATURE_NB_VOEUX_MAX_ETABLISSEMENT=1): the candidate stays.
          if (!(error instanceof DomainError)) throw error;
          this.logger.warn(`Candidature de démonstration ${c.numeroDossier} à ${code} non créée : ${error.detail}`);
        }
      }
    }
    return candidatures;
  }
}
