import { StreamableFile, applyDecorators } from '@nestjs/common';
import { ApiOkResponse, ApiProduces } from '@nestjs/swagger';
import { Readable } from 'node:stream';
import { contentDisposition } from '../pieces/upload/send-file';
import { ApiProblemResponses } from '../common/api/api-problem-responses.decorator';

/** A file being produced: the stream to send, its type and the name to save it under. */
export interface FichierExport {
  stream: Readable;
  type: string;
  nom: string;
}

/** A streamed download: an attachment (never sniffed nor stored, as every answer), documented as a binary of its type. */
export const ApiFichier = (type: string, description: string, problemes: Parameters<typeof ApiProblemResponses>[1] = {}) =>
  applyDecorators(
    ApiProduces(type),
    ApiOkResponse({ description, content: { [type]: { schema: { type: 'string', format: 'binary' } } } }),
    ApiProblemResponses(400, problemes),
  );

export const envoyerFichier = (f: FichierExport) => new StreamableFile(f.stream, { type: f.type, disposition: contentDisposition(f.nom) });
