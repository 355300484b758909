import Badge from 'react-bootstrap/Badge';
import Button from 'react-bootstrap/Button';
import Col from 'react-bootstrap/Col';
import Form from 'react-bootstrap/Form';
import Row from 'react-bootstrap/Row';
import Stack from 'react-bootstrap/Stack';
import Table from 'react-bootstrap/Table';
import { Link, useSearchParams } from 'react-router';
import { Pagination } from '../../administration/Pagination';
import { $api } from '../../commun/api';
import { dateLisible } from '../../commun/dates';
import { Chargement } from '../../commun/Gabarit';
import { Page } from '../../commun/Page';
import { Probleme } from '../../commun/Probleme';
import { ChampGestion, lireFormulaire } from '../ChampGestion';
import { ChampCampagne } from './ChampCampagne';

const LIMITE = 20;
const CRITERES = ['q', 'numero', 'email', 'ine', 'campagne', 'avecCandidature'] as const;

/**
 * Finding a candidate's account (GET /api/candidats), with or without candidature: by name (accents and case
 * ignored), numéro de dossier, e-mail or INE, in a campaign (the one in service by default). Scolarité centrale and
 * admin search every account, a gestionnaire those with a candidature in their scope. Each account leads to its
 * candidatures and to a proposition. The criteria live in the address.
 */
export default function RechercheCandidats() {
  const [params, setParams] = useSearchParams();
  const page = Number(params.get('page')) || 1;
  const texte = (cle: string) => params.get(cle)?.trim() || undefined;
  const avec = params.get('avecCandidature');
  const query = {
    q: texte('q'),
    numero: texte('numero'),
    email: texte('email'),
    ine: texte('ine'),
    campagne: Number(params.get('campagne')) || undefined,
    avecCandidature: avec === 'true' ? true : avec === 'false' ? false : undefined,
    page,
    limit: LIMITE,
  };
  const resultats = $api.useQuery('get', '/api/candidats', { params: { query } }, { placeholderData: (precedent) => precedent });
  const chercher = (valeurs: Record<string, string>) => setParams(new URLSearchParams(CRITERES.filter((c) => valeurs[c]).map((c) => [c, valeurs[c]])));
  const data = resultats.data;
  return (
    <Page titre="Rechercher un candidat">
      <p>
        <Link to="/gestion">Retour aux candidatures</Link>
      </p>
      <Form key={params.toString()} noValidate role="search" aria-label="Rechercher un compte candidat" className="border rounded p-3 mb-4" onSubmit={(e) => chercher(lireFormulaire(e))}>
        <Row>
          <Col md={6}>
            <ChampGestion nom="q" libelle="Nom, prénom, numéro de dossier ou INE" type="search" defaultValue={params.get('q') ?? ''} aide="Début de chaque mot ; accents et majuscules indifférents : « eloise mar »." erreur={resultats.error} />
          </Col>
          <Col md={6}>
            <ChampGestion nom="email" libelle="Adresse e-mail" type="email" defaultValue={params.get('email') ?? ''} aide="L’adresse entière." erreur={resultats.error} />
          </Col>
          <Col sm={6} lg={3}>
            <ChampGestion nom="numero" libelle="Numéro de dossier" defaultValue={params.get('numero') ?? ''} aide="Le numéro entier." erreur={resultats.error} />
          </Col>
          <Col sm={6} lg={3}>
            <ChampGestion nom="ine" libelle="INE" defaultValue={params.get('ine') ?? ''} aide="Avec sa clé, 11 caractères." erreur={resultats.error} />
          </Col>
          <Col sm={6} lg={3}>
            <ChampCampagne defaultValue={params.get('campagne') ?? ''} erreur={resultats.error} />
          </Col>
          <Col sm={6} lg={3}>
            <ChampGestion nom="avecCandidature" libelle="Candidatures" options={{ '': 'Avec ou sans', true: 'Avec au moins une', false: 'Sans aucune' }} defaultValue={avec ?? ''} erreur={resultats.error} />
          </Col>
        </Row>
        <Stack direction="horizontal" gap={2}>
          <Button type="submit">Rechercher</Button>
          <Button variant="outline-secondary" onClick={() => chercher({})}>
            Effacer les critères
          </Button>
        </Stack>
      </Form>
      <Probleme erreur={resultats.error} />
      {resultats.isPending && <Chargement />}
      <p role="status" aria-live="polite">
        {data && (data.plusDe ? 'Plus de 1 000 comptes' : `${data.total} compte${data.total > 1 ? 's' : ''} trouvé${data.total > 1 ? 's' : ''}`)}
      </p>
      {data && data.items.length > 0 && (
        <>
          <Table responsive hover>
            <caption className="visually-hidden">Comptes candidats trouvés, page {page}</caption>
            <thead>
              <tr>
                <th scope="col">Candidat</th>
                <th scope="col">Adresse e-mail</th>
                <th scope="col">Né(e) le</th>
                <th scope="col">Candidatures</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((c) => {
                const nom = `${c.prenom} ${c.nom}`;
                const candidatures = new URLSearchParams({ q: c.numeroDossier, ...(query.campagne ? { campagne: String(query.campagne) } : {}) });
                return (
                  <tr key={c.numeroDossier}>
                    <th scope="row">
                      {nom} {!c.active && <Badge bg="secondary">compte non activé</Badge>}
                      <div className="small text-body-secondary">
                        {c.numeroDossier}
                        {c.ine && <> · INE {c.ine}</>}
                      </div>
                    </th>
                    <td>{c.email}</td>
                    <td>{c.dateNaissance ? dateLisible(c.dateNaissance) : '—'}</td>
                    <td>{c.candidatures === 0 ? 'Aucune' : c.candidatures}</td>
                    <td>
                      <Stack direction="horizontal" gap={3} className="flex-wrap">
                        {c.candidatures > 0 && (
                          <Link to={`/gestion?${candidatures}`} aria-label={`Candidatures de ${nom} (${c.numeroDossier})`}>
                            Candidatures
                          </Link>
                        )}
                        <Link to={`/gestion/proposition?numeroDossier=${encodeURIComponent(c.numeroDossier)}`} aria-label={`Proposer une candidature à ${nom} (${c.numeroDossier})`}>
                          Proposer une candidature
                        </Link>
                      </Stack>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </Table>
          <Pagination
            page={page}
            limit={LIMITE}
            total={data.total}
            libelle="Pages des comptes trouvés"
            onPage={(p) => {
              const suivants = new URLSearchParams(params);
              suivants.set('page', String(p));
              setParams(suivants);
            }}
          />
        </>
      )}
      {data && data.items.length === 0 && <p>Aucun compte ne correspond à ces critères.</p>}
    </Page>
  );
}
