import multipart from '@fastify/multipart';
import Fastify, { FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { CandidatureDto } from '../src/candidature/dto/candidature.dto';
import { principal, recapitulatif } from './recapitulatif-nu';
import { horodatage, ouvrirBase } from './sql';

/**
 * The bare baseline of `npm run bench:rush`: Fastify and the SQL driver alone (mysql2 or better-sqlite3, no Nest, no
 * ORM, no validation library, no logging), serving the two routes of the deadline rush on the same database with the
 * statements that the work needs: the session looked up (as the API's guard, recapitulatif-nu.ts), the formation,
 * account, campaign and file checked, then in one transaction the account row locked, the live candidatures read, the
 * candidature, the identity lock and the mail written; for the upload, the rules checked on the candidature's
 * récapitulatif (the pièce asked for and not validated, pièces open to changes: its statut and avis), the file streamed
 * to disk (signature and size checked), then under the locks of the account and its candidatures the rules checked
 * again (a transmission may have landed meanwhile) and the row upserted. Both answer with the candidature's
 * récapitulatif, as the API's contract says (CandidatureDto). What the API does beyond this is its cost.
 */
const url = process.env.DATABASE_URL as string;
const dir = process.env.STORAGE_DIR as string;
const MAX = 2 * 1024 * 1024;
const db = ouvrirBase(url, Number(process.env.DATABASE_POOL_SIZE ?? 10));
const forUpdate = db.engine === 'mariadb' ? ' FOR UPDATE' : '';

type Req = FastifyRequest<{ Params: Record<string, string>; Body: { formationId?: unknown } }>;

/** The pièce may be given a file now (the rules as the récapitulatif shows them), or the refusal to answer. */
function refusDepot(r: CandidatureDto | null, pieceId: number): { status: number; code: string } | null {
  if (!r) return { status: 404, code: 'CANDIDATURE_INTROUVABLE' };
  const piece = r.pieces.find((x) => x.id === pieceId);
  if (!piece) return { status: 404, code: 'PIECE_INTROUVABLE' };
  if (!r.actions.deposerPieces.possible) return { status: 422, code: 'PIECES_NON_MODIFIABLES' };
  if (piece.statut === 'VA') return { status: 422, code: 'PIECE_VALIDEE' };
  return null;
}

async function main(): Promise<void> {
  await mkdir(dir, { recursive: true });
  const app = Fastify({ logger: false });
  await app.register(multipart);

  app.post('/api/candidat/candidatures', async (request: Req, reply) => {
    const p = await principal(db, request, reply);
    if (!p) return;
    const compteId = p.id;
    const formationId = Number(request.body?.formationId);
    if (!Number.isInteger(formationId)) return reply.code(400).send({ status: 400, code: 'VALIDATION' });
    const [f] = await db.query<Record<string, unknown>>(
      `SELECT f.id, f.code, f.libelle, f.actif, f.date_debut_candidature, f.date_fin_candidature, f.date_retour, f.type_traitement, ce.actif AS centre_actif, ce.max_voeux, c.centre_id
       FROM formation f JOIN commission c ON c.id = f.commission_id JOIN centre_candidature ce ON ce.id = c.centre_id WHERE f.id = ?`,
      [formationId],
    );
    if (!f || !f.actif || !f.centre_actif) return reply.code(404).send({ status: 404, code: 'FORMATION_INTROUVABLE' });
    const [compte] = await db.query<{ campagne_id: number; email: string }>('SELECT campagne_id, email FROM compte_candidat WHERE id = ?', [compteId]);
    const [campagne] = await db.query<{ id: number }>('SELECT id FROM campagne WHERE en_service = 1');
    if (campagne.id !== compte.campagne_id) return reply.code(422).send({ status: 422, code: 'COMPTE_AUTRE_CAMPAGNE' });
    const [dossier] = await db.query<{ n: number }>(
      `SELECT (SELECT COUNT(*) FROM candidat WHERE compte_candidat_id = ?) + (SELECT COUNT(*) FROM candidat_adresse WHERE compte_candidat_id = ?)
        + (SELECT COUNT(*) FROM candidat_bac WHERE compte_candidat_id = ?) AS n`,
      [compteId, compteId, compteId],
    );
    if (Number(dossier.n) < 3) return reply.code(422).send({ status: 422, code: 'DOSSIER_INCOMPLET' });
    const today = new Date().toISOString().slice(0, 10);
    if (today < String(f.date_debut_candidature) || today > String(f.date_fin_candidature)) return reply.code(422).send({ status: 422, code: 'CANDIDATURE_HORS_PERIODE' });
    const now = horodatage();
    const id = await db.transaction(async (tx) => {
      await tx.query(`SELECT id FROM compte_candidat WHERE id = ?${forUpdate}`, [compteId]);
      const vivantes = await tx.query<{ formation_id: number; centre_id: number }>(
        'SELECT ca.formation_id, c.centre_id FROM candidature ca JOIN formation f ON f.id = ca.formation_id JOIN commission c ON c.id = f.commission_id WHERE ca.compte_candidat_id = ? AND ca.non_annulee = 1',
        [compteId],
      );
      if (vivantes.some((v) => v.formation_id === formationId)) return null;
      if (f.max_voeux !== null && vivantes.filter((v) => v.centre_id === f.centre_id).length >= Number(f.max_voeux)) return -1;
      const { insertId } = await tx.run(
        `INSERT INTO candidature (campagne_id, compte_candidat_id, formation_id, statut_dossier, statut_dossier_at, type_traitement, type_traitement_valide, created_at, non_annulee, version)
         VALUES (?, ?, ?, 'AT', ?, ?, 0, ?, 1, 1)`,
        [campagne.id, compteId, formationId, now, f.type_traitement, now],
      );
      await tx.run('UPDATE candidat SET identite_verrouillee = 1 WHERE compte_candidat_id = ? AND identite_verrouillee = 0', [compteId]);
      await tx.run(
        `INSERT INTO mail_outbox (code, destinataire, sujet, texte, html, message_id, statut, essais, prochain_essai_at, created_at) VALUES ('CANDIDATURE', ?, ?, ?, ?, ?, 'EN_ATTENTE', 0, ?, ?)`,
        [compte.email, `Candidature enregistrée : ${String(f.libelle)}`, `Votre candidature à ${String(f.libelle)} est enregistrée.`, `<p>Votre candidature à ${String(f.libelle)} est enregistrée.</p>`, `<${randomUUID()}@bench>`, now, now],
      );
      return insertId;
    });
    if (id === null) return reply.code(409).send({ status: 409, code: 'CANDIDATURE_EXISTANTE' });
    if (id === -1) return reply.code(422).send({ status: 422, code: 'NB_VOEUX_MAX_ATTEINT' });
    return reply.code(201).send(await recapitulatif(db, p, id));
  });

  app.put('/api/candidat/candidatures/:id/pieces/:pieceId/fichier', async (request: Req, reply) => {
    const p = await principal(db, request, reply);
    if (!p) return;
    const id = Number(request.params.id);
    const pieceId = Number(request.params.pieceId);
    const refus = refusDepot(await recapitulatif(db, p, id), pieceId);
    if (refus) return reply.code(refus.status).send(refus);
    const part = await request.file({ limits: { fileSize: MAX + 1, files: 1 } });
    if (!part) return reply.code(400).send({ status: 400, code: 'FICHIER_MANQUANT' });
    const cle = randomUUID();
    const tmp = join(dir, `${cle}.part`);
    let taille = 0;
    let entete = Buffer.alloc(0);
    part.file.on('data', (chunk: Buffer) => {
      taille += chunk.length;
      if (entete.length < 5) entete = Buffer.concat([entete, chunk.subarray(0, 5)]);
    });
    await pipeline(part.file, createWriteStream(tmp));
    if (taille > MAX || !entete.subarray(0, 5).equals(Buffer.from('%PDF-'))) {
      await rm(tmp, { force: true });
      return reply.code(taille > MAX ? 413 : 415).send({ status: taille > MAX ? 413 : 415 });
    }
    await rename(tmp, join(dir, cle));
    const now = horodatage();
    const upsert =
      db.engine === 'mariadb'
        ? `INSERT INTO piece_candidature (candidature_id, piece_id, statut, fichier_cle, fichier_nom, fichier_type, fichier_taille, updated_at) VALUES (?, ?, 'TR', ?, ?, 'application/pdf', ?, ?)
           ON DUPLICATE KEY UPDATE statut = 'TR', fichier_cle = VALUES(fichier_cle), fichier_nom = VALUES(fichier_nom), fichier_taille = VALUES(fichier_taille), updated_at = VALUES(updated_at)`
        : `INSERT INTO piece_candidature (candidature_id, piece_id, statut, fichier_cle, fichier_nom, fichier_type, fichier_taille, updated_at) VALUES (?, ?, 'TR', ?, ?, 'application/pdf', ?, ?)
           ON CONFLICT (candidature_id, piece_id) DO UPDATE SET statut = 'TR', fichier_cle = excluded.fichier_cle, fichier_nom = excluded.fichier_nom, fichier_taille = excluded.fichier_taille, updated_at = excluded.updated_at`;
    const refusSousVerrou = await db.transaction(async (tx) => {
      await tx.query(`SELECT id FROM compte_candidat WHERE id = ?${forUpdate}`, [p.id]);
      await tx.query(`SELECT id FROM candidature WHERE compte_candidat_id = ?${forUpdate}`, [p.id]);
      const refus = refusDepot(await recapitulatif(tx, p, id), pieceId);
      if (!refus) await tx.run(upsert, [id, pieceId, cle, part.filename, taille, now]);
      return refus;
    });
    if (refusSousVerrou) {
      await rm(join(dir, cle), { force: true });
      return reply.code(refusSousVerrou.status).send(refusSousVerrou);
    }
    return reply.send(await recapitulatif(db, p, id));
  });

  await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
  // Stopped by the bench with SIGINT: a normal exit, so that `--cpu-prof` writes its profile.
  process.once('SIGINT', () => void app.close().then(() => db.close()).then(() => process.exit(0)));
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
