import { Civilite } from '../candidat/entities/candidat.entity';
import { NatureOpi } from './opi.entity';

/**
 * The OPI port: how confirmed admissions reach the university's SI Scol ("opération préalable à l'inscription", so
 * the admitted candidate can enrol online). The `envoi-opi` job hands it the pending rows in batches; `envoyer`
 * resolves once the SI Scol has the whole batch (or a file it will read), and throws when it does not: the rows then
 * stay pending and go again at the next run, so an adapter must accept a line it has already received (the code OPI
 * identifies it).
 *
 * An Apogée adapter would call the OpiMetier web service for each line (the individual, their bac, and the vœu of
 * the VET matching the formation code), and for a DESISTEMENT send the candidate's OPI again without that vœu, as the
 * reference system does; `lot` would name the run. A Pégase adapter would write the CSV import file of the Pégase
 * version in service (one line per candidate, up to 5 vœux) in the folder Pégase reads. Both translate this service's
 * codes (civilité, formation and centre codes) into the SI Scol's.
 */
export interface OpiPort {
  /** `file` today, `apogee` or `pegase` later; `none` when OPI are not used */
  readonly source: string;

  /** Pushes one batch; answers the name of the batch (file name, SI Scol reference), kept with each row. */
  envoyer(lignes: LigneOpi[]): Promise<{ lot: string }>;
}

/** Injection token of the configured adapter (OPI_ADAPTER). */
export const OPI = Symbol('OPI');

/** What the SI Scol needs of one admission or withdrawal. */
export interface LigneOpi {
  nature: NatureOpi;
  /** OPI_PREFIXE + numéro de dossier */
  codeOpi: string;
  numeroDossier: string;
  /** INE and its key, 11 characters; null when the candidate has none */
  ine: string | null;
  civilite: Civilite | null;
  nomNaissance: string;
  nomUsage: string | null;
  prenom: string;
  /** YYYY-MM-DD */
  dateNaissance: string | null;
  email: string;
  codeFormation: string;
  libelleFormation: string;
  /** Code of the formation's centre de candidature */
  codeCentre: string;
  /** When the candidate confirmed (ADMISSION) or withdrew (DESISTEMENT), UTC ISO-8601 */
  dateReponse: string | null;
}
