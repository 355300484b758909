import { Module } from '@nestjs/common';
import { Antivirus } from './antivirus/antivirus.service';
import { GestionPiecesController } from './gestion-pieces.controller';
import { PiecesController } from './pieces.controller';
import { PiecesService } from './pieces.service';
import { FileStorage } from './storage/file-storage';
import { LocalDiskStorage } from './storage/local-disk.storage';
import { UploadReceiver } from './upload/receive-upload';

/** Pièces justificatives and the file plumbing every upload goes through (FileStorage, UploadReceiver, Antivirus). */
@Module({
  controllers: [PiecesController, GestionPiecesController],
  providers: [PiecesService, UploadReceiver, Antivirus, { provide: FileStorage, useClass: LocalDiskStorage }],
  exports: [PiecesService, UploadReceiver, FileStorage, Antivirus],
})
export class PiecesModule {}
