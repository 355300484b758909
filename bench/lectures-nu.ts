import Fastify, { FastifyRequest } from 'fastify';
import { CandidatureDto, CandidatureResumeDto } from '../src/candidature/dto/candidature.dto';
import { STATUT_DOSSIER_LIBELLES } from '../src/candidature/candidature-rules';
import { datesDe } from '../src/candidature/dates-archivees';
import { SANS_DECISION } from '../src/candidature/decisions';
import { COLONNES_FORMATION, Row, candidature, formationResume, iso, principal, recapitulatif } from './recapitulatif-nu';
import { ouvrirBase } from './sql';

/**
 * The bare baseline of `npm run bench:lectures`: Fastify and the SQL driver alone (no Nest, no ORM, no logging),
 * serving the candidate's three most frequent reads on the same database with the statements the API runs for
 * them (bench/README.md lists them): the session and its account in one statement, then the reads of the route;
 * the same JSON comes back (the bench checks it). The candidature rules' pure functions (actions, dates, libellés)
 * are the API's own: what is measured is the framework, ORM, guard and logging around the same SQL.
 * No candidature in the bench has an avis, so the motifs' statement is never needed, here as in the API.
 */
const db = ouvrirBase(process.env.DATABASE_URL as string, Number(process.env.DATABASE_POOL_SIZE ?? 10));

async function main(): Promise<void> {
  const app = Fastify({ logger: false });

  app.get('/api/auth/me', async (request, reply) => {
    const p = await principal(db, request, reply);
    if (!p) return;
    const [c] = await db.query<Row>('SELECT id, numero_dossier, prenom, nom, email, langue FROM compte_candidat WHERE id = ?', [p.id]);
    return { kind: 'candidat', id: c.id, login: c.numero_dossier, prenom: c.prenom, nom: c.nom, email: c.email, roles: ['candidat'], scopes: { centres: [], commissionsGerees: [], commissions: [] }, langue: c.langue };
  });

  app.get('/api/candidat/candidatures', async (request, reply): Promise<CandidatureResumeDto[] | undefined> => {
    const p = await principal(db, request, reply);
    if (!p) return;
    const rows = await db.query<Row>(
      `SELECT ca.*, ${COLONNES_FORMATION} FROM candidature ca JOIN formation f ON f.id = ca.formation_id
       WHERE ca.compte_candidat_id = ? AND ca.non_annulee = 1 ORDER BY ca.created_at DESC, ca.id DESC`,
      [p.id],
    );
    if (rows.length > 0) await db.query(`SELECT * FROM avis WHERE candidature_id IN (${rows.map(() => '?').join(', ')}) ORDER BY id ASC`, rows.map((r) => r.id));
    return rows.map((r) => ({
      id: Number(r.id),
      formation: formationResume(r),
      dateLimiteRetour: datesDe(candidature(r)).dateRetour,
      statutDossier: { code: r.statut_dossier as never, libelle: STATUT_DOSSIER_LIBELLES[r.statut_dossier as keyof typeof STATUT_DOSSIER_LIBELLES] },
      decision: SANS_DECISION,
      createdAt: iso(r.created_at)!,
    }));
  });

  app.get('/api/candidat/candidatures/:id', async (request: FastifyRequest<{ Params: { id: string } }>, reply): Promise<CandidatureDto | undefined> => {
    const p = await principal(db, request, reply);
    if (!p) return;
    return (await recapitulatif(db, p, Number(request.params.id))) ?? reply.code(404).send({ status: 404, code: 'CANDIDATURE_INTROUVABLE' });
  });

  await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
  // Stopped by the bench with SIGINT: a normal exit, so that `--cpu-prof` writes its profile.
  process.once('SIGINT', () => void app.close().then(() => db.close()).then(() => process.exit(0)));
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
