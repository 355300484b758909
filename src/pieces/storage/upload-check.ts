import { Readable, Transform, TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream';
import { DomainError } from '../../common/errors/domain-errors';
import { FichierErrors } from './file-errors';
import { SNIFF_LENGTH, TypeFichier, sniffType } from './magic-bytes';

/**
 * The one way every FileStorage adapter receives a file: `source` goes through the checks (type from the first bytes,
 * size as they flow) into `ecrire`, the adapter's own sink (a temporary file, an S3 upload), which sees the stream fail
 * with FICHIER_TYPE_REFUSE or FICHIER_TROP_VOLUMINEUX as soon as a check fails, before its end: a refused file is never
 * complete anywhere. A failing source (client gone) becomes FICHIER_INCOMPLET; any other error of the sink is
 * rethrown as is, for the adapter to translate. `source` is destroyed on failure. The adapter removes what its sink
 * may have left.
 */
export async function receiveChecked(source: Readable, maxBytes: number, ecrire: (checked: Readable) => Promise<void>): Promise<{ taille: number; type: TypeFichier }> {
  const check = new UploadCheck(maxBytes);
  let sourceFailed = false;
  source.once('error', () => (sourceFailed = true));
  try {
    // Errors of the source reach the sink through `check`; the sink's own failures are its promise's.
    await ecrire(pipeline(source, check, () => undefined));
    if (check.type === undefined) throw FichierErrors.typeRefuse();
    return { taille: check.taille, type: check.type };
  } catch (error) {
    source.destroy();
    check.destroy();
    if (error instanceof DomainError) throw error;
    if (sourceFailed) throw FichierErrors.incomplet();
    throw error;
  }
}

/** Passes the bytes through while checking them: the type from the first ones, the size as they flow. */
class UploadCheck extends Transform {
  taille = 0;
  type: TypeFichier | undefined;
  private head = Buffer.alloc(0);

  constructor(private readonly maxBytes: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.taille += chunk.length;
    if (this.taille > this.maxBytes) return callback(FichierErrors.tropVolumineux(this.maxBytes));
    if (this.head.length < SNIFF_LENGTH) {
      this.head = Buffer.concat([this.head, chunk.subarray(0, SNIFF_LENGTH - this.head.length)]);
      if (this.head.length >= SNIFF_LENGTH) {
        this.type = sniffType(this.head);
        if (!this.type) return callback(FichierErrors.typeRefuse());
      }
    }
    callback(null, chunk);
  }

  /** A file shorter than the longest signature is judged here, before the stream ends: the sink never completes it. */
  override _flush(callback: TransformCallback): void {
    this.type ??= sniffType(this.head);
    callback(this.type ? null : FichierErrors.typeRefuse());
  }
}
