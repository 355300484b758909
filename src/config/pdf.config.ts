import { ConfigType, registerAs } from '@nestjs/config';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { availableParallelism } from 'node:os';
import { validateEnv } from './config-validation';

const MESSAGE = 'doit être le nombre de worker threads qui fabriquent les PDF, de 1 à 16 (vide : selon les cœurs)';

class PdfEnv {
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: MESSAGE })
  @Min(1, { message: MESSAGE })
  @Max(16, { message: MESSAGE })
  PDF_WORKERS?: number;
}

/**
 * Worker threads when PDF_WORKERS is empty: one core is left to the main thread, which serves every other request
 * while PDFs are made, and two at most, because PDF work is occasional (downloads, a ZIP, letters) and each worker
 * holds its own pdfmake, pdf-lib and the document being made. One on a 2-core machine, two from 3 cores.
 */
export function pdfWorkersParDefaut(coeurs = availableParallelism()): number {
  return Math.max(1, Math.min(2, coeurs - 1));
}

/** How many worker threads render and assemble PDFs (src/pdf/pdf-pool.ts). */
export function parsePdfConfig(env: NodeJS.ProcessEnv) {
  const e = validateEnv(PdfEnv, env);
  return { workers: e.PDF_WORKERS ?? pdfWorkersParDefaut() };
}

export const pdfConfig = registerAs('pdf', () => parsePdfConfig(process.env));
export type PdfConfig = ConfigType<typeof pdfConfig>;
