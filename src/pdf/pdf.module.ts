import { Module } from '@nestjs/common';
import { PdfAssembleur } from './pdf-assembleur';
import { PdfPool } from './pdf-pool';
import { PdfRenderer } from './pdf-renderer';

@Module({ providers: [PdfPool, PdfRenderer, PdfAssembleur], exports: [PdfRenderer, PdfAssembleur] })
export class PdfModule {}
