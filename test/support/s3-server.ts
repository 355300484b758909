import { mkdtempSync, rmSync } from 'node:fs';
import { readFile, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// s3rver ships no types.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const S3rver = require('@20minutes/s3rver') as new (options: object) => S3rverInstance;

interface KoaContext {
  method: string;
  path: string;
  query: Record<string, string | undefined>;
  status: number;
  type: string;
  body: unknown;
  app: object;
}
type Middleware = (ctx: KoaContext, next: () => Promise<void>) => Promise<void> | void;
interface S3rverInstance {
  middleware: Middleware[];
  run(): Promise<{ port: number }>;
  close(): Promise<void>;
}

export interface S3Server {
  /** http://127.0.0.1:<port> */
  endpoint: string;
  bucket: string;
  /** The environment of an API instance storing its files there. */
  env: Record<string, string>;
  /** Stops the server (a store that no longer answers) and removes its folder; again: nothing happens. */
  stop(): Promise<void>;
}

/** s3rver's fixed account. */
const CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

/**
 * An S3-compatible server of its own (s3rver) on a loopback port, storing in a temporary folder, with one bucket.
 * Buckets are made by its configureBuckets: CreateBucket through the SDK fails its signature check (below).
 */
export async function startS3Server(bucket = 'candidatures-test'): Promise<S3Server> {
  const directory = mkdtempSync(join(tmpdir(), 's3rver-'));
  const server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory, configureBuckets: [{ name: bucket }] });
  server.middleware.unshift(signatureDesRequetesDeBucket, uploadsMultipartEnCours(directory));
  try {
    const { port } = await server.run();
    const endpoint = `http://127.0.0.1:${port}`;
    let stopped: Promise<void> | undefined;
    return {
      endpoint,
      bucket,
      env: {
        STORAGE_ADAPTER: 's3',
        STORAGE_S3_BUCKET: bucket,
        STORAGE_S3_ENDPOINT: endpoint,
        STORAGE_S3_FORCE_PATH_STYLE: 'true',
        STORAGE_S3_ACCESS_KEY_ID: CREDENTIALS.accessKeyId,
        STORAGE_S3_SECRET_ACCESS_KEY: CREDENTIALS.secretAccessKey,
      },
      stop: () =>
        (stopped ??= server.close().then(() => rmSync(directory, { recursive: true, force: true }))),
    };
  } catch (error) {
    rmSync(directory, { recursive: true, force: true });
    throw error;
  }
}

/**
 * s3rver builds the canonical URI of a bucket-level request (ListObjectsV2, ListMultipartUploads) from the bucket
 * name, `/<bucket>`, while the AWS SDK signs the path it sends, `/<bucket>/`, which AWS S3 accepts: every such request
 * fails SignatureDoesNotMatch. Only for those paths, a mismatched (but well-formed) signature is let through; object
 * requests keep s3rver's full check.
 */
const signatureDesRequetesDeBucket: Middleware = (ctx, next) => {
  if (/^\/[^/]+\/$/.test(ctx.path)) ctx.app = Object.create(ctx.app, { allowMismatchedSignatures: { value: true } });
  return next();
};

const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The two multipart calls s3rver lacks (it answers NotImplemented / MethodNotAllowed), on its own store's layout
 * (`<directory>/<bucket>/._S3rver_uploads/<uploadId>/key`): ListMultipartUploads (one page, `Initiated` the time the
 * upload's folder was made) and AbortMultipartUpload (the folder removed).
 */
function uploadsMultipartEnCours(directory: string): Middleware {
  const uploadsOf = (bucket: string) => join(directory, bucket, '._S3rver_uploads');
  return async (ctx, next) => {
    const bucketLevel = /^\/([^/]+)\/?$/.exec(ctx.path);
    if (ctx.method === 'GET' && bucketLevel && 'uploads' in ctx.query) {
      const bucket = decodeURIComponent(bucketLevel[1]);
      const prefix = ctx.query.prefix ?? '';
      const uploads: string[] = [];
      for (const id of await readdir(uploadsOf(bucket)).catch(() => [] as string[])) {
        const key = await readFile(join(uploadsOf(bucket), id, 'key'), 'utf8').catch(() => undefined);
        if (key === undefined || !key.startsWith(prefix)) continue;
        const initiated = (await stat(join(uploadsOf(bucket), id, 'key'))).mtime.toISOString();
        uploads.push(`<Upload><Key>${xml(key)}</Key><UploadId>${id}</UploadId><Initiated>${initiated}</Initiated></Upload>`);
      }
      ctx.type = 'application/xml';
      ctx.body =
        '<?xml version="1.0" encoding="UTF-8"?>\n<ListMultipartUploadsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">' +
        `<Bucket>${xml(bucket)}</Bucket><Prefix>${xml(prefix)}</Prefix><MaxUploads>1000</MaxUploads><IsTruncated>false</IsTruncated>${uploads.join('')}` +
        '</ListMultipartUploadsResult>';
      return;
    }
    const objectLevel = /^\/([^/]+)\/(.+)$/.exec(ctx.path);
    const uploadId = ctx.query.uploadId;
    if (ctx.method === 'DELETE' && objectLevel && uploadId && /^[0-9a-f]+$/.test(uploadId)) {
      await rm(join(uploadsOf(decodeURIComponent(objectLevel[1])), uploadId), { recursive: true, force: true });
      ctx.status = 204;
      return;
    }
    await next();
  };
}
