import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull, Not } from 'typeorm';
import { Clock } from '../common/clock/clock';
import { ParametresLettresService } from '../lettres/parametres-lettres.service';
import { PiecesService } from '../pieces/pieces.service';
import { FileStorage } from '../pieces/storage/file-storage';
import { PieceCandidature } from './entities/piece-candidature.entity';

/** A stored file younger than this may still be waiting for the commit that will refer to it: left alone. */
export const DELAI_GRACE_FICHIERS_MS = 24 * 60 * 60 * 1000;

/**
 * The nightly sweep of stored files no row refers to (a candidate's pièce, a pièce's model document, an image of
 * the letters). Files are
 * written before the transaction that refers to them and deleted after the one that lets them go; a process killed
 * in between leaves a file behind, which this collects. A key found unreferenced is checked again just before its
 * file is deleted; new references only ever copy a key some row holds, so an unreferenced key stays so. Partial
 * writes of uploads no request owns go too (the start-up removes them as well).
 */
@Injectable()
export class FichiersOrphelinsService {
  private readonly logger = new Logger(FichiersOrphelinsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly storage: FileStorage,
    private readonly definitions: PiecesService,
    private readonly lettres: ParametresLettresService,
    private readonly clock: Clock,
  ) {}

  async purger(): Promise<{ examines: number; supprimes: number; partielsSupprimes: number }> {
    const partielsSupprimes = await this.storage.purgeAbandoned(this.clock.now());
    const avant = this.clock.now().getTime() - DELAI_GRACE_FICHIERS_MS;
    const references = await this.references();
    let examines = 0;
    let supprimes = 0;
    for await (const { key, ecritLe } of this.storage.list()) {
      examines++;
      if (references.has(key) || ecritLe.getTime() > avant || (await this.reference(key))) continue;
      await this.storage.delete(key);
      this.logger.warn(`Fichier orphelin supprimé : ${key} (écrit le ${ecritLe.toISOString()})`);
      supprimes++;
    }
    return { examines, supprimes, partielsSupprimes };
  }

  /**
   * After the commit that let them go: deletes the stored files of these keys that no row names any more (a pièce's
   * key may have been copied to another candidature, a model document's key is its own). Answers how many went; a
   * file the store fails to delete is left for the nightly sweep, never an error for a change already committed.
   */
  async liberer(cles: string[]): Promise<number> {
    const uniques = [...new Set(cles)];
    if (uniques.length === 0) return 0;
    const [pieces, modeles] = await Promise.all([
      this.dataSource.getRepository(PieceCandidature).find({ select: { fichierCle: true }, where: { fichierCle: In(uniques) } }),
      this.definitions.clesModeles(uniques),
    ]);
    const encore = new Set([...pieces.map((p) => p.fichierCle), ...modeles]);
    let supprimes = 0;
    for (const cle of uniques) {
      if (encore.has(cle)) continue;
      try {
        await this.storage.delete(cle);
        supprimes++;
      } catch (error) {
        this.logger.warn({ err: error, cle }, `Fichier ${cle} non supprimé : la purge des fichiers orphelins le reprendra`);
      }
    }
    return supprimes;
  }

  private async references(): Promise<Set<string>> {
    const [pieces, modeles, images] = await Promise.all([
      this.dataSource.getRepository(PieceCandidature).find({ select: { fichierCle: true }, where: { fichierCle: Not(IsNull()) } }),
      this.definitions.clesModeles(),
      this.lettres.cles(),
    ]);
    return new Set([...pieces.map((p) => p.fichierCle as string), ...modeles, ...images]);
  }

  private async reference(key: string): Promise<boolean> {
    return (
      (await this.dataSource.getRepository(PieceCandidature).existsBy({ fichierCle: key })) ||
      (await this.definitions.clesModeles([key])).length > 0 ||
      (await this.lettres.cles(key)).length > 0
    );
  }
}
