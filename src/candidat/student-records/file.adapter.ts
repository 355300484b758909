import { readFileSync, statSync } from 'node:fs';
import { Logger } from '@nestjs/common';
import { StudentAddress, StudentBac, StudentCursusInterne, StudentRecord, StudentRecordsPort } from './student-records.port';

/** One student of the export: a StudentRecord, plus the CAS login when it is not the code étudiant. */
export type StudentExportEntry = StudentRecord & { login?: string | null };

interface Index {
  mtimeMs: number;
  byCode: Map<string, StudentRecord>;
  byLogin: Map<string, StudentRecord>;
  byIne: Map<string, StudentRecord>;
}

/**
 * STUDENT_RECORDS_ADAPTER=file: a JSON export of the university's students (an array of StudentExportEntry, see
 * config/demo/etudiants.json). The file is read when the application starts (a missing or malformed file stops
 * it) and read again when it changes; while a new export is half written, the previous one keeps answering.
 */
export class FileStudentRecords implements StudentRecordsPort {
  readonly source = 'file';
  private readonly logger = new Logger(FileStudentRecords.name);
  private index: Index;

  constructor(private readonly file: string) {
    this.index = this.load();
  }

  async findByLogin(key: { casLogin: string; codeEtudiant: string | null }): Promise<StudentRecord | null> {
    const { byCode, byLogin } = this.current();
    const login = key.casLogin.trim();
    return (key.codeEtudiant ? byCode.get(key.codeEtudiant.trim()) : undefined) ?? byLogin.get(login.toLowerCase()) ?? byCode.get(login) ?? null;
  }

  async findByIne(ine: string): Promise<StudentRecord | null> {
    return this.current().byIne.get(ine.trim().toUpperCase()) ?? null;
  }

  private current(): Index {
    try {
      if (statSync(this.file).mtimeMs !== this.index.mtimeMs) this.index = this.load();
    } catch (error) {
      this.logger.warn(`${error instanceof Error ? error.message : String(error)} : l'export précédent reste utilisé`);
    }
    return this.index;
  }

  private load(): Index {
    const mtimeMs = statSync(this.file, { throwIfNoEntry: false })?.mtimeMs;
    if (mtimeMs === undefined) throw new Error(`STUDENT_RECORDS_FILE : le fichier ${this.file} est introuvable`);
    let entries: unknown;
    try {
      entries = JSON.parse(readFileSync(this.file, 'utf8'));
    } catch (error) {
      throw new Error(`STUDENT_RECORDS_FILE : ${this.file} n'est pas un JSON valide (${error instanceof Error ? error.message : String(error)})`);
    }
    if (!Array.isArray(entries)) throw new Error(`STUDENT_RECORDS_FILE : ${this.file} doit contenir un tableau d'étudiants`);
    const index: Index = { mtimeMs, byCode: new Map(), byLogin: new Map(), byIne: new Map() };
    entries.forEach((entry, i) => {
      const { login, record } = parseEntry(new Reader(entry, `${this.file}, étudiant n° ${i + 1}`));
      index.byCode.set(record.codeEtudiant, record);
      if (login) index.byLogin.set(login.toLowerCase(), record);
      if (record.ine) index.byIne.set(record.ine, record);
    });
    return index;
  }
}

function parseEntry(r: Reader): { login: string | null; record: StudentRecord } {
  const identite = r.object('identite');
  const adresse = r.optionalObject('adresse');
  const bac = r.optionalObject('bac');
  const civilite = identite.optionalString('civilite');
  if (civilite !== null && civilite !== 'M.' && civilite !== 'Mme') identite.fail('civilite', 'doit valoir « M. » ou « Mme »');
  return {
    login: r.optionalString('login'),
    record: {
      codeEtudiant: r.string('codeEtudiant'),
      ine: r.optionalString('ine')?.toUpperCase() ?? null,
      identite: {
        civilite: civilite as 'M.' | 'Mme' | null,
        nomNaissance: identite.string('nomNaissance'),
        nomUsage: identite.optionalString('nomUsage'),
        prenom: identite.string('prenom'),
        autresPrenoms: identite.optionalString('autresPrenoms'),
        dateNaissance: identite.optionalDate('dateNaissance'),
        communeNaissance: identite.optionalString('communeNaissance'),
        libelleCommuneNaissance: identite.optionalString('libelleCommuneNaissance'),
        paysNaissance: identite.optionalString('paysNaissance'),
        nationalite: identite.optionalString('nationalite'),
        email: identite.optionalString('email'),
        telephone: identite.optionalString('telephone'),
      },
      adresse: adresse && parseAdresse(adresse),
      bac: bac && parseBac(bac),
      cursusInterne: r.array('cursusInterne').map(parseCursus),
    },
  };
}

function parseAdresse(r: Reader): StudentAddress {
  return {
    ligne1: r.string('ligne1'),
    ligne2: r.optionalString('ligne2'),
    ligne3: r.optionalString('ligne3'),
    codePostal: r.optionalString('codePostal'),
    commune: r.optionalString('commune'),
    libelleCommune: r.optionalString('libelleCommune'),
    pays: r.string('pays'),
  };
}

function parseBac(r: Reader): StudentBac {
  return {
    annee: r.integer('annee'),
    serie: r.string('serie'),
    mention: r.optionalString('mention'),
    etablissement: r.optionalString('etablissement'),
    departement: r.optionalString('departement'),
  };
}

function parseCursus(r: Reader): StudentCursusInterne {
  return {
    annee: r.integer('annee'),
    codeFormation: r.string('codeFormation'),
    libelleFormation: r.string('libelleFormation'),
    resultat: r.optionalString('resultat'),
    mention: r.optionalString('mention'),
  };
}

/** Reads the fields of one JSON object; a wrong field stops the load with its place in the file. */
class Reader {
  private readonly value: Record<string, unknown>;

  constructor(
    value: unknown,
    private readonly where: string,
  ) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`STUDENT_RECORDS_FILE : ${where} doit être un objet`);
    this.value = value as Record<string, unknown>;
  }

  fail(field: string, message: string): never {
    throw new Error(`STUDENT_RECORDS_FILE : ${this.where}, « ${field} » ${message}`);
  }

  string(field: string): string {
    return this.optionalString(field) ?? this.fail(field, 'est obligatoire');
  }

  optionalString(field: string): string | null {
    const v = this.value[field];
    if (v === undefined || v === null) return null;
    if (typeof v !== 'string') this.fail(field, 'doit être une chaîne de caractères');
    return v.trim() || null;
  }

  optionalDate(field: string): string | null {
    const v = this.optionalString(field);
    if (v !== null && !/^\d{4}-\d{2}-\d{2}$/.test(v)) this.fail(field, 'doit être une date AAAA-MM-JJ');
    return v;
  }

  integer(field: string): number {
    const v = this.value[field];
    if (!Number.isInteger(v)) this.fail(field, 'doit être un nombre entier');
    return v as number;
  }

  object(field: string): Reader {
    return this.optionalObject(field) ?? this.fail(field, 'est obligatoire');
  }

  optionalObject(field: string): Reader | null {
    const v = this.value[field];
    return v === undefined || v === null ? null : new Reader(v, `${this.where}, ${field}`);
  }

  array(field: string): Reader[] {
    const v = this.value[field] ?? [];
    if (!Array.isArray(v)) this.fail(field, 'doit être un tableau');
    return v.map((item, i) => new Reader(item, `${this.where}, ${field}[${i}]`));
  }
}
