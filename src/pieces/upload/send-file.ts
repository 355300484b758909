import { StreamableFile, applyDecorators } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import type { Readable } from 'node:stream';
import { TypeFichier } from '../storage/magic-bytes';
import { withoutHiddenCharacters } from './receive-upload';

const TYPES: TypeFichier[] = ['application/pdf', 'image/jpeg', 'image/png'];

/** What a download sends: the stored bytes, their sniffed type, and the name to save them under. */
export interface FichierATelecharger {
  stream: Readable;
  type: TypeFichier;
  taille?: number;
  nom: string;
}

/**
 * The answer of a download route: `Content-Type` from the sniffed type (never the client's), always an attachment
 * (a browser never renders an upload in our origin), the name in RFC 5987 form with an ASCII fallback.
 */
export function sendFile(fichier: FichierATelecharger): StreamableFile {
  return new StreamableFile(fichier.stream, { type: fichier.type, length: fichier.taille, disposition: contentDisposition(fichier.nom) });
}

export function contentDisposition(stored: string): string {
  // Names stored before uploads were cleaned may still hold them.
  const nom = withoutHiddenCharacters(stored);
  const fallback = nom.replace(/[^\x20-\x7e]|["\\%;]/g, '_');
  const encoded = encodeURIComponent(nom).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/**
 * Marks a route answering sendFile(): binary in the contract, of the types it may send (an uploaded file: PDF, JPEG or
 * PNG). Like every answer, it is never sniffed nor stored (src/common/security/security-headers.ts).
 */
export const FileDownload = (description = 'The file (PDF, JPEG or PNG), as an attachment', types: readonly TypeFichier[] = TYPES) =>
  applyDecorators(ApiOkResponse({ description, content: Object.fromEntries(types.map((t) => [t, { schema: { type: 'string', format: 'binary' } }])) }));

/** Marks a route answering a PDF it renders (a dossier, a letter): application/pdf only. */
export const PdfDownload = (description: string) => FileDownload(description, ['application/pdf']);
