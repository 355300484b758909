import Badge from 'react-bootstrap/Badge';
import Table from 'react-bootstrap/Table';
import { Link } from 'react-router';
import { $api } from '../commun/api';
import { Chargement } from '../commun/Gabarit';
import { Page } from '../commun/Page';
import { Probleme } from '../commun/Probleme';
import { runLisible } from './jobs';

/** The scheduled jobs (GET /api/admin/jobs): their schedule, paused or not, their latest run. */
export default function Jobs() {
  const jobs = $api.useQuery('get', '/api/admin/jobs');
  return (
    <Page titre="Tâches planifiées">
      {jobs.isPending && <Chargement />}
      <Probleme erreur={jobs.error} />
      {jobs.data && (
        <Table responsive hover size="sm">
          <caption className="visually-hidden">Tâches planifiées</caption>
          <thead>
            <tr>
              <th scope="col">Tâche</th>
              <th scope="col">Programmation (cron, heure de Paris)</th>
              <th scope="col">Dernière exécution</th>
            </tr>
          </thead>
          <tbody>
            {jobs.data.map((j) => (
              <tr key={j.name}>
                <th scope="row">
                  <Link to={`/gestion/jobs/${j.name}`}>{j.name}</Link> {!j.actif && <Badge bg="secondary">suspendue</Badge>}
                  <div className="small text-body-secondary fw-normal">{j.description}</div>
                </th>
                <td>
                  <code>{j.schedule}</code>
                  {j.schedule !== j.scheduleParDefaut && <div className="small">(par défaut : {j.scheduleParDefaut})</div>}
                </td>
                <td>{j.lastRun ? runLisible(j.lastRun) : 'Jamais'}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </Page>
  );
}
