import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, Not, IsNull } from 'typeorm';
import { Clock } from '../common/clock/clock';
import { PiecesService } from '../pieces/pieces.service';
import { FileStorage } from '../pieces/storage/file-storage';
import { PieceCandidature } from './entities/piece-candidature.entity';

/** A stored file younger than this may still be waiting for the commit that will refer to it: left alone. */
export const DELAI_GRACE_FICHIERS_MS = 24 * 60 * 60 * 1000;

/**
 * The nightly sweep of stored files no row refers to (a candidate's pièce, a pièce's model document). Files are
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

  private async references(): Promise<Set<string>> {
    const [pieces, modeles] = await Promise.all([
      this.dataSource.getRepository(PieceCandidature).find({ select: { fichierCle: true }, where: { fichierCle: Not(IsNull()) } }),
      this.definitions.clesModeles(),
    ]);
    return new Set([...pieces.map((p) => p.fichierCle as string), ...modeles]);
  }

  private async reference(key: string): Promise<boolean> {
    return (await this.dataSource.getRepository(PieceCandidature).existsBy({ fichierCle: key })) || (await this.definitions.clesModeles(key)).length > 0;
  }
}
