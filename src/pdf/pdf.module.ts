import { Module } from '@nestjs/common';
import { PdfAssembleur } from './pdf-assembleur';
import { PdfRenderer } from './pdf-renderer';

@Module({ providers: [PdfRenderer, PdfAssembleur], exports: [PdfRenderer, PdfAssembleur] })
export class PdfModule {}
