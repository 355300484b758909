import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { AccesCandidatures } from '../../candidature/acces-candidatures';
import { Principal } from '../../common/auth/roles';
import { Clock } from '../../common/clock/clock';
import { BusinessRule, Conflict, NotFound } from '../../common/errors/domain-errors';
import { isUniqueViolation } from '../../database/unique-violation';
import { CentreCandidature } from '../../offre/entities/centre-candidature.entity';
import { AccesEtiquettes, cleEtiquette, etiquetteIntrouvable } from './acces-etiquettes';
import { EtiquetteCandidature } from './entities/etiquette-candidature.entity';
import { Etiquette } from './entities/etiquette.entity';
import { EtiquetteDto, EtiquetteInput, EtiquetteModification, PoseEtiquettesDto } from './etiquettes.dto';

const existante = (libelle: string) => new Conflict('ETIQUETTE_EXISTANTE', `Une étiquette « ${libelle} » existe déjà pour ce propriétaire : choisissez un autre libellé.`);

/**
 * Labels (reference tag): the institution's and the centres' (AccesEtiquettes decides who uses and manages which),
 * and putting them on candidatures, which AccesCandidatures opens to gestionnaires, scolarité centrale and admin. A
 * centre's label only goes on that centre's candidatures.
 */
@Injectable()
export class EtiquettesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async lister(principal: Principal): Promise<EtiquetteDto[]> {
    return (await AccesEtiquettes.utilisables(this.dataSource.manager, principal)).map((e) => dto(e, e.centre?.code ?? null));
  }

  async creer(principal: Principal, input: EtiquetteInput): Promise<EtiquetteDto> {
    const code = input.centre ?? null;
    AccesEtiquettes.gerer(principal, code);
    const centre = code === null ? null : await this.dataSource.getRepository(CentreCandidature).findOneBy({ code });
    if (code !== null && !centre) throw new NotFound('CENTRE_INTROUVABLE', `Aucun centre de candidature ne porte le code ${code}.`);
    const colonnes = { libelle: input.libelle, couleur: input.couleur, centreId: centre?.id ?? null, cle: cleEtiquette(centre?.id ?? null, input.libelle) };
    try {
      const result = await this.dataSource.getRepository(Etiquette).insert(colonnes);
      return dto({ ...colonnes, id: Number(result.identifiers[0].id) }, code);
    } catch (error) {
      if (isUniqueViolation(error)) throw existante(input.libelle);
      throw error;
    }
  }

  async modifier(principal: Principal, id: number, input: EtiquetteModification): Promise<EtiquetteDto> {
    const { etiquette, centre } = await this.gerable(principal, id);
    const colonnes = { libelle: input.libelle, couleur: input.couleur, cle: cleEtiquette(etiquette.centreId, input.libelle) };
    try {
      await this.dataSource.getRepository(Etiquette).update({ id }, colonnes);
    } catch (error) {
      if (isUniqueViolation(error)) throw existante(input.libelle);
      throw error;
    }
    return dto({ ...etiquette, ...colonnes }, centre);
  }

  /** Deletes the label and takes it off every candidature (the rows cascade). */
  async supprimer(principal: Principal, id: number): Promise<void> {
    await this.gerable(principal, id);
    await this.dataSource.getRepository(Etiquette).delete({ id });
  }

  /**
   * Puts the label on these candidatures, all or nothing, those already carrying it left as they were. The
   * candidatures are locked first (AccesCandidatures.agir), so concurrent puts wait for each other and each pair is
   * written once; the unique index is the last guard. A candidature out of reach answers before a label out of reach.
   */
  async poser(principal: Principal, candidatureIds: number[], etiquetteId: number): Promise<PoseEtiquettesDto> {
    return this.dataSource.transaction(async (em) => {
      // The lock first: on MariaDB the transaction's snapshot is taken by its first read (row-lock.ts).
      const candidatures = await AccesCandidatures.agir(em, principal, candidatureIds, 'gestion');
      const etiquette = await AccesEtiquettes.utilisable(em, principal, etiquetteId);
      const ailleurs = candidatures.filter((c) => etiquette.centreId !== null && c.formation.commission.centre.id !== etiquette.centreId).map((c) => c.id);
      if (ailleurs.length > 0) {
        throw new BusinessRule('ETIQUETTE_AUTRE_CENTRE', `L'étiquette « ${etiquette.libelle} » est celle d'un autre centre que celui de ces candidatures : ${ailleurs.join(', ')}. Rien n'a été modifié.`);
      }
      const deja = new Set((await em.getRepository(EtiquetteCandidature).find({ where: { etiquetteId, candidatureId: In(candidatureIds) }, select: { candidatureId: true } })).map((r) => r.candidatureId));
      const nouvelles = candidatureIds.filter((id) => !deja.has(id));
      const poseAt = this.clock.now();
      if (nouvelles.length > 0) await em.getRepository(EtiquetteCandidature).insert(nouvelles.map((candidatureId) => ({ etiquetteId, candidatureId, posePar: principal.login, poseAt })));
      return { posees: nouvelles.length };
    });
  }

  /** Takes the label off the candidature; nothing to do when it does not carry it. */
  async retirer(principal: Principal, candidatureId: number, etiquetteId: number): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      await AccesCandidatures.agir(em, principal, [candidatureId], 'gestion');
      await AccesEtiquettes.utilisable(em, principal, etiquetteId);
      await em.getRepository(EtiquetteCandidature).delete({ etiquetteId, candidatureId });
    });
  }

  /** The label and its owner's code, when `principal` may manage it: 404 out of reach, 403 when only used. */
  private async gerable(principal: Principal, id: number): Promise<{ etiquette: Etiquette; centre: string | null }> {
    const etiquette = await AccesEtiquettes.utilisable(this.dataSource.manager, principal, id);
    const centre = etiquette.centreId === null ? null : ((await this.dataSource.getRepository(CentreCandidature).findOneBy({ id: etiquette.centreId }))?.code ?? null);
    if (etiquette.centreId !== null && centre === null) throw etiquetteIntrouvable();
    AccesEtiquettes.gerer(principal, centre);
    return { etiquette, centre };
  }
}

/** The labels on each of these candidatures, in label order: one query. */
export async function etiquettesDe(em: EntityManager, candidatureIds: number[]): Promise<Map<number, EtiquetteDto[]>> {
  const parCandidature = new Map<number, EtiquetteDto[]>();
  if (candidatureIds.length === 0) return parCandidature;
  const rows = await em
    .getRepository(EtiquetteCandidature)
    .createQueryBuilder('ec')
    .innerJoin(Etiquette, 'e', 'e.id = ec.etiquetteId')
    .leftJoin(CentreCandidature, 'ce', 'ce.id = e.centreId')
    .select(['ec.candidatureId AS "candidatureId"', 'e.id AS "id"', 'e.libelle AS "libelle"', 'e.couleur AS "couleur"', 'ce.code AS "centre"'])
    .where('ec.candidatureId IN (:...candidatureIds)', { candidatureIds: [...new Set(candidatureIds)] })
    .orderBy('e.libelle', 'ASC')
    .addOrderBy('e.id', 'ASC')
    .getRawMany<{ candidatureId: number | string; id: number | string; libelle: string; couleur: string; centre: string | null }>();
  for (const r of rows) {
    const liste = parCandidature.get(Number(r.candidatureId)) ?? [];
    liste.push({ id: Number(r.id), libelle: r.libelle, couleur: r.couleur, centre: r.centre ?? null });
    parCandidature.set(Number(r.candidatureId), liste);
  }
  return parCandidature;
}

function dto(e: Pick<Etiquette, 'id' | 'libelle' | 'couleur'>, centre: string | null): EtiquetteDto {
  return { id: e.id, libelle: e.libelle, couleur: e.couleur, centre };
}
