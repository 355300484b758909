import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock, parisDate } from '../common/clock/clock';
import { NotFound } from '../common/errors/domain-errors';
import { normalizeForSearch } from '../common/text/normalize';
import { ReferentielService } from '../referentiel/referentiel.service';
import { CentreOffreDto, FormationPubliqueDto, OffreDto, OffreQueryDto } from './dto/offre-publique.dto';
import { Formation } from './entities/formation.entity';
import { OffreVersion } from './entities/offre-version.entity';
import { dansLaFenetre } from './formation-dates';

/**
 * How long an instance answers from its snapshot before asking `offre_version` again. A staff change is therefore
 * visible on every instance at most 2 s (plus one rebuild) after its commit, and immediately on the instance that
 * made it; at campaign opening each instance reads one row every 2 s instead of the offer on every request.
 */
export const OFFRE_POLL_MS = 2000;

/** A formation nobody may apply to, for not being (or no longer being) in the public offer. */
export const formationIntrouvable = () => new NotFound('FORMATION_INTROUVABLE', "Cette formation n'existe pas ou n'est plus proposée.");

/** Bound of the serialized answers kept per snapshot and day (arbitrary `q` values cannot grow it further). */
const MAX_CACHED_BYTES = 32 * 1024 * 1024;

interface FormationSnapshot {
  centre: { code: string; libelle: string };
  typeDiplome: { code: string; libelle: string; ordre: number };
  formation: Omit<FormationPubliqueDto, 'ouverte'>;
  /** What only the formation's own page shows, and what it reads the rest with */
  detail: Pick<Formation, 'commissionId' | 'typeTraitement' | 'dateAnalyse' | 'dateConfirmation' | 'delaiConfirmation'>;
  /** Title and keywords folded by normalizeForSearch */
  texte: string;
}

interface Snapshot {
  version: number;
  /** Sorted by centre, type de diplôme, title */
  formations: FormationSnapshot[];
  byId: Map<number, FormationSnapshot>;
}

/** One formation of the public offer: its entry in the tree, where the tree files it, and its other fields. */
export interface FormationOffre {
  centre: { code: string; libelle: string };
  typeDiplome: { code: string; libelle: string };
  formation: FormationPubliqueDto;
  detail: FormationSnapshot['detail'];
}

/** The public offer tree, served from an in-memory snapshot per instance (no SQL per request once built). */
@Injectable()
export class OffrePubliqueService {
  private snapshot?: Snapshot;
  private answers: { snapshot?: Snapshot; today: string; bytes: number; byQuery: Map<string, string> } = { today: '', bytes: 0, byQuery: new Map() };
  /** Clock time (ms) of the last poll of `offre_version` */
  private checkedAt = 0;
  private refreshing?: { generation: number; snapshot: Promise<Snapshot> };
  /** Bumped by invalidate(), so a poll that started before a local change does not count as having seen it */
  private generation = 0;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly referentiel: ReferentielService,
  ) {}

  /**
   * The same answer, serialized: the whole tree of a large university is about a megabyte of JSON, so each distinct
   * query of a snapshot and day is built and serialized once, then sent as is (bounded to MAX_CACHED_BYTES).
   */
  async offreJson(query: OffreQueryDto): Promise<string> {
    const snapshot = await this.current();
    const today = parisDate(this.clock.now());
    if (this.answers.snapshot !== snapshot || this.answers.today !== today) this.answers = { snapshot, today, bytes: 0, byQuery: new Map() };
    const key = JSON.stringify([query.q ? normalizeForSearch(query.q) : '', query.centre ?? '', query.typeDiplome ?? '', query.ouverte ?? '']);
    let json = this.answers.byQuery.get(key);
    if (json === undefined) {
      json = JSON.stringify(this.tree(snapshot, today, query));
      if (this.answers.bytes + json.length > MAX_CACHED_BYTES) this.answers = { ...this.answers, bytes: 0, byQuery: new Map() };
      this.answers.byQuery.set(key, json);
      this.answers.bytes += json.length;
    }
    return json;
  }

  private tree(snapshot: Snapshot, today: string, query: OffreQueryDto): OffreDto {
    const words = query.q ? normalizeForSearch(query.q).split(' ').filter(Boolean) : [];
    const centres: CentreOffreDto[] = [];
    for (const f of snapshot.formations) {
      if (query.centre && f.centre.code !== query.centre) continue;
      if (query.typeDiplome && f.typeDiplome.code !== query.typeDiplome) continue;
      if (!words.every((word) => f.texte.includes(word))) continue;
      const ouverte = dansLaFenetre(f.formation, today);
      if (query.ouverte !== undefined && ouverte !== query.ouverte) continue;
      let centre = centres.at(-1);
      if (centre?.code !== f.centre.code) centres.push((centre = { ...f.centre, typesDiplome: [] }));
      let type = centre.typesDiplome.at(-1);
      if (type?.code !== f.typeDiplome.code) centre.typesDiplome.push((type = { code: f.typeDiplome.code, libelle: f.typeDiplome.libelle, formations: [] }));
      type.formations.push({ ...f.formation, ouverte });
    }
    return { centres };
  }

  /**
   * A formation of the public offer, from the same snapshot as the tree: a formation is reachable exactly when the
   * tree shows it, with the same fields; undefined otherwise (inactive, of an inactive centre, unknown).
   */
  async formation(id: number): Promise<FormationOffre | undefined> {
    const f = (await this.current()).byId.get(id);
    if (!f) return undefined;
    return {
      centre: f.centre,
      typeDiplome: { code: f.typeDiplome.code, libelle: f.typeDiplome.libelle },
      formation: { ...f.formation, ouverte: dansLaFenetre(f.formation, parisDate(this.clock.now())) },
      detail: f.detail,
    };
  }

  /** A change made by this instance: the next read polls at once. */
  invalidate(): void {
    this.generation++;
    this.checkedAt = 0;
  }

  private current(): Promise<Snapshot> {
    const now = this.clock.now().getTime();
    // A clock set back (tests) counts as due.
    if (this.snapshot && now >= this.checkedAt && now - this.checkedAt < OFFRE_POLL_MS) return Promise.resolve(this.snapshot);
    // Concurrent reads share one poll, unless it started before a local change.
    if (this.refreshing?.generation !== this.generation) {
      const refreshing = { generation: this.generation, snapshot: this.refresh(now) };
      this.refreshing = refreshing;
      void refreshing.snapshot
        .catch(() => undefined)
        .finally(() => {
          if (this.refreshing === refreshing) this.refreshing = undefined;
        });
    }
    return this.refreshing.snapshot;
  }

  private async refresh(now: number): Promise<Snapshot> {
    const generation = this.generation;
    // The counter first: data read after it is at least that recent (a later change only causes one more rebuild).
    const row = await this.dataSource.getRepository(OffreVersion).findOneByOrFail({ id: 1 });
    if (this.snapshot?.version !== row.version) this.snapshot = await this.load(row.version);
    if (generation === this.generation) this.checkedAt = now;
    return this.snapshot;
  }

  private async load(version: number): Promise<Snapshot> {
    const [rows, types] = await Promise.all([
      this.dataSource
        .getRepository(Formation)
        .createQueryBuilder('formation')
        .innerJoinAndSelect('formation.commission', 'commission')
        .innerJoinAndSelect('commission.centre', 'centre')
        .where('formation.actif = :actif AND centre.actif = :actif', { actif: true })
        .getMany(),
      this.referentiel.listTypesDiplome({ page: 1, limit: 200 }),
    ]);
    const ordre = new Map(types.items.map((t, i) => [t.code, { ...t, ordre: i }]));
    const formations = rows.map((f): FormationSnapshot => {
      const centre = f.commission!.centre!;
      return {
        centre: { code: centre.code, libelle: centre.libelle },
        // A code removed from the reference data since still groups its formations, under its code.
        typeDiplome: ordre.get(f.typeDiplome) ?? { code: f.typeDiplome, libelle: f.typeDiplome, ordre: types.items.length },
        formation: {
          id: f.id,
          code: f.code,
          libelle: f.libelle,
          motsCles: f.motsCles,
          mode: f.demat ? 'DEMATERIALISE' : 'PAPIER',
          dateDebutCandidature: f.dateDebutCandidature,
          dateFinCandidature: f.dateFinCandidature,
          dateRetour: f.dateRetour,
          dateJury: f.dateJury,
          datePublication: f.datePublication,
          informationsComplementaires: f.informationsComplementaires,
        },
        detail: {
          commissionId: f.commissionId,
          typeTraitement: f.typeTraitement,
          dateAnalyse: f.dateAnalyse,
          dateConfirmation: f.dateConfirmation,
          delaiConfirmation: f.delaiConfirmation,
        },
        texte: normalizeForSearch(`${f.libelle} ${f.motsCles ?? ''}`),
      };
    });
    formations.sort(
      (a, b) =>
        a.centre.libelle.localeCompare(b.centre.libelle, 'fr') ||
        a.centre.code.localeCompare(b.centre.code) ||
        a.typeDiplome.ordre - b.typeDiplome.ordre ||
        a.typeDiplome.code.localeCompare(b.typeDiplome.code) ||
        a.formation.libelle.localeCompare(b.formation.libelle, 'fr'),
    );
    return { version, formations, byId: new Map(formations.map((f) => [f.formation.id, f])) };
  }
}
