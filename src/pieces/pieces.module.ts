import { Module } from '@nestjs/common';
import { StorageConfig, storageConfig } from '../config/storage.config';
import { Antivirus } from './antivirus/antivirus.service';
import { GestionPiecesController } from './gestion-pieces.controller';
import { PiecesController } from './pieces.controller';
import { PiecesService } from './pieces.service';
import { FileStorage } from './storage/file-storage';
import { LocalDiskStorage } from './storage/local-disk.storage';
import { S3Storage } from './storage/s3.storage';
import { UploadReceiver } from './upload/receive-upload';

/** Pièces justificatives and the file plumbing every upload goes through (FileStorage, UploadReceiver, Antivirus). */
@Module({
  controllers: [PiecesController, GestionPiecesController],
  providers: [
    PiecesService,
    UploadReceiver,
    Antivirus,
    {
      provide: FileStorage,
      // STORAGE_ADAPTER: a local folder (the embedded default) or an S3-compatible object store.
      useFactory: (config: StorageConfig) => (config.s3 ? new S3Storage(config.s3) : new LocalDiskStorage(config)),
      inject: [storageConfig.KEY],
    },
  ],
  exports: [PiecesService, UploadReceiver, FileStorage, Antivirus],
})
export class PiecesModule {}
