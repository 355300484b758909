import { useState } from 'react';
import Badge from 'react-bootstrap/Badge';
import Button from 'react-bootstrap/Button';
import Form from 'react-bootstrap/Form';
import Stack from 'react-bootstrap/Stack';
import Table from 'react-bootstrap/Table';
import { Link, useParams } from 'react-router';
import type { Schemas } from '@client';
import { $api } from '../commun/api';
import { Chargement } from '../commun/Gabarit';
import { Page } from '../commun/Page';
import { Probleme, Succes } from '../commun/Probleme';
import { ChampGestion, lireFormulaire } from '../gestion/ChampGestion';
import { horodatage, relire } from './outils';
import { STATUTS_RUN, runLisible } from './jobs';
import { Pagination } from './Pagination';
import { Section } from '../gestion/Section';

const LIMITE = 20;
/** The retention job, whose dry run (GET /api/admin/retention) is shown before anyone runs it. */
const JOB_RETENTION = 'purge-campagnes-archivees';
const rafraichir = () => relire('/api/admin/jobs');

/** One job: paused or resumed, its schedule replaced or back to the default, run now, its runs page by page. */
export default function Job() {
  const name = useParams().name ?? '';
  const jobs = $api.useQuery('get', '/api/admin/jobs');
  const job = jobs.data?.find((j) => j.name === name);
  return (
    <Page titre={`Tâche ${name}`}>
      <p>
        <Link to="/gestion/jobs">Retour aux tâches planifiées</Link>
      </p>
      {jobs.isPending && <Chargement />}
      <Probleme erreur={jobs.error} />
      {jobs.data && !job && <p>Aucune tâche ne porte ce nom.</p>}
      {job && (
        <>
          <p>{job.description}</p>
          <Reglages key={`${job.schedule}-${job.actif}`} job={job} />
          {job.name === JOB_RETENTION && <ApercuRetention />}
          <Executions name={job.name} />
        </>
      )}
    </Page>
  );
}


function Reglages({ job }: { job: Schemas['JobDto'] }) {
  const path = { name: job.name };
  const reglage = $api.useMutation('put', '/api/admin/jobs/{name}', { onSuccess: () => void rafraichir() });
  const lancement = $api.useMutation('post', '/api/admin/jobs/{name}/run', { onSuccess: () => void rafraichir() });
  return (
    <Section titre="Réglages">
      <p>
        {job.actif ? <Badge bg="success">active</Badge> : <Badge bg="secondary">suspendue</Badge>} · programmation <code>{job.schedule}</code>
        {job.schedule !== job.scheduleParDefaut && <> (par défaut : <code>{job.scheduleParDefaut}</code>)</>}
      </p>
      <Probleme erreur={reglage.error ?? lancement.error} />
      {reglage.isSuccess && <Succes>Réglage enregistré : toutes les instances le suivent dans les 15 secondes.</Succes>}
      {lancement.isSuccess && <Succes>Exécution terminée : {runLisible(lancement.data)}.</Succes>}
      <Stack direction="horizontal" gap={2} className="flex-wrap mb-3">
        <Button variant={job.actif ? 'outline-secondary' : 'outline-success'} disabled={reglage.isPending} onClick={() => reglage.mutate({ params: { path }, body: { actif: !job.actif } })}>
          {job.actif ? 'Suspendre la tâche' : 'Reprendre la tâche'}
        </Button>
        <Button variant="outline-primary" disabled={lancement.isPending} onClick={() => lancement.mutate({ params: { path } })}>
          Lancer maintenant
        </Button>
      </Stack>
      <Form
        noValidate
        aria-label="Programmation"
        onSubmit={(e) => {
          const v = lireFormulaire(e);
          reglage.mutate({ params: { path }, body: { schedule: v.schedule || null } });
        }}
      >
        <ChampGestion
          nom="schedule"
          libelle="Programmation (cron, heure de Paris, secondes en premier)"
          defaultValue={job.schedule === job.scheduleParDefaut ? '' : job.schedule}
          aide={`Vide : celle par défaut (${job.scheduleParDefaut}). Exemple : 0 30 3 * * * pour chaque nuit à 3 h 30.`}
          erreur={reglage.error}
        />
        <Button type="submit" disabled={reglage.isPending}>
          Enregistrer la programmation
        </Button>
      </Form>
    </Section>
  );
}

function Executions({ name }: { name: string }) {
  const [page, setPage] = useState(1);
  const runs = $api.useQuery('get', '/api/admin/jobs/{name}/runs', { params: { path: { name }, query: { page, limit: LIMITE } } }, { placeholderData: (precedent) => precedent });
  return (
    <Section titre="Exécutions (30 derniers jours)">
      <Probleme erreur={runs.error} />
      {runs.data && (
        <>
          <p role="status" aria-live="polite">
            {runs.data.total} exécution{runs.data.total > 1 ? 's' : ''}
          </p>
          <Table responsive size="sm">
            <caption className="visually-hidden">Exécutions de {name}, les plus récentes en premier, page {page}</caption>
            <thead>
              <tr>
                <th scope="col">Début</th>
                <th scope="col">Fin</th>
                <th scope="col">Résultat</th>
                <th scope="col">Bilan</th>
                <th scope="col">Instance</th>
              </tr>
            </thead>
            <tbody>
              {runs.data.items.map((r) => (
                <tr key={r.id}>
                  <td>{horodatage(r.startedAt)}</td>
                  <td>{r.endedAt ? horodatage(r.endedAt) : '—'}</td>
                  <td>{STATUTS_RUN[r.status]}</td>
                  <td>
                    {r.counts ? Object.entries(r.counts).map(([k, n]) => `${k} ${n}`).join(', ') : '—'}
                    {r.error && <div className="text-danger">{r.error}</div>}
                  </td>
                  <td className="small">{r.holder}</td>
                </tr>
              ))}
            </tbody>
          </Table>
          <Pagination page={page} limit={LIMITE} total={runs.data.total} libelle="Pages des exécutions" onPage={setPage} />
        </>
      )}
    </Section>
  );
}

/** What the next run of the retention job would destroy, campaign by campaign: nothing is deleted to show it. */
function ApercuRetention() {
  const apercu = $api.useQuery('get', '/api/admin/retention');
  const a = apercu.data;
  return (
    <Section titre="Ce que la prochaine exécution détruirait">
      <Probleme erreur={apercu.error} />
      {a && (
        <>
          <p>
            Campagnes archivées depuis plus de {a.jours} jours (avant le {horodatage(a.archiveesAvant)}) : comptes, dossiers, candidatures, pièces et fichiers, mails.
          </p>
          {a.campagnes.length === 0 ? (
            <p>Aucune campagne à détruire.</p>
          ) : (
            <Table responsive size="sm">
              <caption className="visually-hidden">Campagnes à détruire et ce que chacune perdrait</caption>
              <thead>
                <tr>
                  <th scope="col">Campagne</th>
                  <th scope="col">Archivée le</th>
                  <th scope="col">Comptes</th>
                  <th scope="col">Candidatures</th>
                  <th scope="col">Pièces</th>
                  <th scope="col">Fichiers</th>
                  <th scope="col">Mails</th>
                </tr>
              </thead>
              <tbody>
                {a.campagnes.map((c) => (
                  <tr key={c.id}>
                    <th scope="row">{c.libelle}</th>
                    <td>{horodatage(c.archiveeAt)}</td>
                    <td>{c.comptes}</td>
                    <td>{c.candidatures}</td>
                    <td>{c.pieces}</td>
                    <td>{c.fichiers}</td>
                    <td>{c.mails}</td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
        </>
      )}
    </Section>
  );
}
