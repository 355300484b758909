/**
 * The student-records port: what the university's SI Scol (Apogée, Pégase, an export file…) knows about one of its
 * students. CAS logins of candidates fetch their record through it, and a snapshot is kept (import_scolarite); the
 * candidate file (identity, address, bac with their locking) will build on that snapshot.
 *
 * Adapters translate the SI Scol's codes into this service's referentials: pays and nationalité are ISO 3166-1
 * alpha-2 codes, communes INSEE codes, séries de bac and mentions the codes of /api/referentiels, établissements
 * their UAI. An adapter answers null for a student it does not know, and throws only when the SI Scol cannot be
 * reached or answers nonsense (the login then goes on without an import).
 */
export interface StudentRecordsPort {
  /** Stored with each snapshot: `file` today, `apogee` or `pegase` later */
  readonly source: string;

  /**
   * The student a CAS login identifies: by the code étudiant when CAS released it (supannEtuId), else by the CAS
   * login itself (which is the code étudiant in many universities).
   */
  findByLogin(key: { casLogin: string; codeEtudiant: string | null }): Promise<StudentRecord | null>;

  /** The student with this INE (11 characters, INE and key, upper case). */
  findByIne(ine: string): Promise<StudentRecord | null>;
}

/** Injection token of the configured adapter (STUDENT_RECORDS_ADAPTER). */
export const STUDENT_RECORDS = Symbol('STUDENT_RECORDS');

export interface StudentRecord {
  /** Number of the student in the SI Scol (Apogée COD_ETU, Pégase code apprenant) */
  codeEtudiant: string;
  /** INE and its key, 11 characters, upper case; null when the SI Scol has none */
  ine: string | null;
  identite: StudentIdentity;
  adresse: StudentAddress | null;
  /** The last baccalauréat (or equivalent) known; null when none */
  bac: StudentBac | null;
  /** Years of study in this university, oldest first */
  cursusInterne: StudentCursusInterne[];
}

export interface StudentIdentity {
  civilite: 'M.' | 'Mme' | null;
  nomNaissance: string;
  nomUsage: string | null;
  prenom: string;
  autresPrenoms: string | null;
  /** YYYY-MM-DD */
  dateNaissance: string | null;
  /** Code INSEE, for a birth in France */
  communeNaissance: string | null;
  /** The town as written (the only information for a birth abroad) */
  libelleCommuneNaissance: string | null;
  /** ISO 3166-1 alpha-2 */
  paysNaissance: string | null;
  /** ISO 3166-1 alpha-2 */
  nationalite: string | null;
  email: string | null;
  telephone: string | null;
}

export interface StudentAddress {
  ligne1: string;
  ligne2: string | null;
  ligne3: string | null;
  codePostal: string | null;
  /** Code INSEE, for an address in France */
  commune: string | null;
  /** The town as written (abroad: the only information) */
  libelleCommune: string | null;
  /** ISO 3166-1 alpha-2 */
  pays: string;
}

export interface StudentBac {
  /** Session year */
  annee: number;
  /** Code of the série (referential séries de bac) */
  serie: string;
  /** Code of the mention (referential mentions) */
  mention: string | null;
  /** UAI of the lycée */
  etablissement: string | null;
  /** Code of the département of the lycée */
  departement: string | null;
}

export interface StudentCursusInterne {
  /** First calendar year of the academic year: 2024 for 2024-2025 */
  annee: number;
  /** Code of the formation in the SI Scol (Apogée VET, Pégase objet de formation) */
  codeFormation: string;
  libelleFormation: string;
  /** Result of the year: ADM (admis), AJ (ajourné), DEF (défaillant)…; null while the year runs */
  resultat: string | null;
  /** Code of the mention, when one was given */
  mention: string | null;
}
