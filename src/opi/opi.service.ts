import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, IsNull, MoreThan } from 'typeorm';
import { Candidat } from '../candidat/entities/candidat.entity';
import { Clock } from '../common/clock/clock';
import { Page, toPage } from '../common/pagination/page';
import { OpiConfig, opiConfig } from '../config';
import { OpiDto, OpiQueryDto } from './dto/opi.dto';
import { NatureOpi, Opi } from './opi.entity';
import { LigneOpi, OPI, OpiPort } from './opi.port';

/** What a run pushed (a job run's counts). */
export type CompteursOpi = { admissions: number; desistements: number };

/**
 * The OPI queue (reference §2.11): a confirmation queues an ADMISSION, the `envoi-opi` job pushes pending rows to the
 * SI Scol through the OPI port, a withdrawal cancels what was not pushed yet or queues a DESISTEMENT.
 *
 * A push claims its rows first (`lot` set to a claim id, in its own statement) and marks them transmitted only if
 * they still carry that claim. A withdrawal during a push therefore sees a claimed row as possibly received by the
 * SI Scol and queues a DESISTEMENT instead of deleting it; a confirmation or withdrawal during the push clears the
 * claim, so the changed row stays pending and goes at the next run. Every change of a row is a single conditional
 * statement, which MariaDB runs on the latest committed row whatever the transaction's snapshot.
 */
@Injectable()
export class OpiService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    @Inject(OPI) private readonly port: OpiPort,
    @Inject(opiConfig.KEY) private readonly config: OpiConfig,
  ) {}

  /** In the confirmation's transaction (candidature row locked): queues the admission, or queues it again. */
  async admission(em: EntityManager, candidatureId: number, codeOpi: string): Promise<void> {
    const opis = em.getRepository(Opi);
    const row = { codeOpi, nature: NatureOpi.ADMISSION, creeAt: this.clock.now(), transmisAt: null, lot: null };
    if (await opis.existsBy({ candidatureId })) await opis.update({ candidatureId }, row);
    else await opis.insert({ candidatureId, ...row });
  }

  /** In the withdrawal's transaction, for a confirmed candidature. */
  async desistement(em: EntityManager, candidatureId: number): Promise<void> {
    const opis = em.getRepository(Opi);
    // Never pushed, and no push under way: the SI Scol knows nothing to undo.
    const retiree = await opis.delete({ candidatureId, nature: NatureOpi.ADMISSION, transmisAt: IsNull(), lot: IsNull() });
    if (retiree.affected) return;
    // Pushed, or being pushed: the SI Scol has (or may have) the admission, so the withdrawal must follow it.
    await opis.update({ candidatureId, nature: NatureOpi.ADMISSION }, { nature: NatureOpi.DESISTEMENT, creeAt: this.clock.now(), transmisAt: null, lot: null });
  }

  /**
   * The job: pushes pending rows in batches of OPI_NB_BATCH_MAX, by candidature id. A port failure stops the run with
   * its error (the job run fails) and leaves the batch pending for the next run; earlier batches stay transmitted.
   * With OPI_ADAPTER=none nothing is pushed and rows stay pending.
   */
  async envoyerEnAttente(): Promise<CompteursOpi> {
    const compteurs: CompteursOpi = { admissions: 0, desistements: 0 };
    if (this.port.source === 'none') return compteurs;
    const opis = this.dataSource.getRepository(Opi);
    let apres = 0;
    for (;;) {
      const ids = (
        await opis.find({
          select: { candidatureId: true },
          where: { transmisAt: IsNull(), candidatureId: MoreThan(apres) },
          order: { candidatureId: 'ASC' },
          take: this.config.nbBatchMax,
        })
      ).map((o) => o.candidatureId);
      if (ids.length === 0) return compteurs;
      apres = ids[ids.length - 1];
      const envoyees = await this.envoyerLot(ids);
      compteurs.admissions += envoyees.filter((l) => l.nature === NatureOpi.ADMISSION).length;
      compteurs.desistements += envoyees.filter((l) => l.nature === NatureOpi.DESISTEMENT).length;
    }
  }

  /** The queue for staff, newest first, optionally only the pending or only the transmitted rows. */
  async liste(query: OpiQueryDto): Promise<Page<OpiDto>> {
    const page = query.page ?? 1;
    const limit = query.limit ?? 20;
    const qb = this.dataSource
      .getRepository(Opi)
      .createQueryBuilder('o')
      .innerJoinAndSelect('o.candidature', 'c')
      .innerJoinAndSelect('c.compteCandidat', 'cc')
      .innerJoinAndSelect('c.formation', 'f');
    if (query.etat === 'en-attente') qb.where('o.transmisAt IS NULL');
    if (query.etat === 'transmis') qb.where('o.transmisAt IS NOT NULL');
    const [rows, total] = await qb
      .orderBy('o.creeAt', 'DESC')
      .addOrderBy('o.candidatureId', 'DESC')
      .offset((page - 1) * limit)
      .limit(limit)
      .getManyAndCount();
    const candidats = await this.candidats(this.dataSource.manager, rows);
    return toPage(
      rows.map((o) => {
        const c = o.candidature!;
        const cd = candidats.get(c.compteCandidatId);
        return {
          candidatureId: o.candidatureId,
          numeroDossier: c.compteCandidat!.numeroDossier,
          nom: cd ? (cd.nomUsage ?? cd.nomNaissance) : c.compteCandidat!.nom,
          prenom: cd?.prenom ?? c.compteCandidat!.prenom,
          codeFormation: c.formation!.code,
          codeOpi: o.codeOpi,
          nature: o.nature,
          creeAt: o.creeAt.toISOString(),
          transmisAt: o.transmisAt?.toISOString() ?? null,
          // While a push is under way `lot` holds its claim, not a batch name.
          lot: o.transmisAt ? o.lot : null,
        };
      }),
      total,
      query,
    );
  }

  /** Claims the rows, pushes them, marks those still claimed as transmitted; answers the lines pushed. */
  private async envoyerLot(ids: number[]): Promise<LigneOpi[]> {
    const opis = this.dataSource.getRepository(Opi);
    const claim = `envoi-${randomUUID()}`;
    await opis.update({ candidatureId: In(ids), transmisAt: IsNull() }, { lot: claim });
    const lignes = await this.lignes(claim);
    if (lignes.length === 0) return [];
    let lot: string;
    try {
      ({ lot } = await this.port.envoyer(lignes));
    } catch (error) {
      await opis.update({ lot: claim, transmisAt: IsNull() }, { lot: null });
      throw error;
    }
    const transmisAt = this.clock.now();
    for (const nature of Object.values(NatureOpi)) {
      const envoyees = lignes.filter((l) => l.nature === nature).map((l) => l.candidatureId);
      if (envoyees.length > 0) await opis.update({ candidatureId: In(envoyees), nature, transmisAt: IsNull(), lot: claim }, { transmisAt, lot });
    }
    return lignes;
  }

  /** The claimed rows with what the SI Scol needs, by candidature id. */
  private async lignes(claim: string): Promise<(LigneOpi & { candidatureId: number })[]> {
    const rows = await this.dataSource.getRepository(Opi).find({
      where: { lot: claim, transmisAt: IsNull() },
      relations: { candidature: { compteCandidat: true, formation: { commission: { centre: true } } } },
      order: { candidatureId: 'ASC' },
    });
    const candidats = await this.candidats(this.dataSource.manager, rows);
    return rows.map((o) => {
      const c = o.candidature!;
      const compte = c.compteCandidat!;
      const cd = candidats.get(c.compteCandidatId);
      return {
        candidatureId: o.candidatureId,
        nature: o.nature,
        codeOpi: o.codeOpi,
        numeroDossier: compte.numeroDossier,
        ine: cd?.ine ?? null,
        civilite: cd?.civilite ?? null,
        nomNaissance: cd?.nomNaissance ?? compte.nom,
        nomUsage: cd?.nomUsage ?? null,
        prenom: cd?.prenom ?? compte.prenom,
        dateNaissance: cd?.dateNaissance ?? null,
        email: compte.email,
        codeFormation: c.formation!.code,
        libelleFormation: c.formation!.libelle,
        codeCentre: c.formation!.commission!.centre!.code,
        dateReponse: c.accepteeAt?.toISOString() ?? null,
      };
    });
  }

  private async candidats(em: EntityManager, rows: Opi[]): Promise<Map<number, Candidat>> {
    const ids = [...new Set(rows.map((o) => o.candidature!.compteCandidatId))];
    if (ids.length === 0) return new Map();
    return new Map((await em.getRepository(Candidat).findBy({ compteCandidatId: In(ids) })).map((c) => [c.compteCandidatId, c]));
  }
}
