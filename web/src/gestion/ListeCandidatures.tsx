import { useState } from 'react';
import Badge from 'react-bootstrap/Badge';
import Button from 'react-bootstrap/Button';
import Col from 'react-bootstrap/Col';
import Form from 'react-bootstrap/Form';
import Row from 'react-bootstrap/Row';
import Stack from 'react-bootstrap/Stack';
import Table from 'react-bootstrap/Table';
import { Link, useSearchParams } from 'react-router';
import { $api } from '../commun/api';
import { dateLisible } from '../commun/dates';
import { Chargement } from '../commun/Gabarit';
import { Page } from '../commun/Page';
import { Probleme } from '../commun/Probleme';
import { useSession } from '../commun/session';
import { ActionsGroupees } from './ActionsGroupees';
import { ChampEtiquette } from './etiquettes/ChampEtiquette';
import { Pastilles } from './etiquettes/Pastille';
import { ExportCandidatures } from './export/ExportCandidatures';
import { ChampCampagne } from './recherche/ChampCampagne';
import { acces } from './roles-gestion';
import { ChampGestion, lireFormulaire } from './ChampGestion';
import { STATUTS_DOSSIER, TRIS, TYPES_AVIS, TYPES_TRAITEMENT, filtresDe, requeteDe } from './filtres';

const OUI_NON = { '': 'Indifférent', true: 'Oui', false: 'Non' };

/**
 * The gestionnaire's list (GET /api/candidatures): the candidatures of the caller's scope, as the API scopes them,
 * filtered, sorted, searched, paginated (page numbers, and the `suivant` cursor for the next page); a selection for the
 * bulk actions; the export of the current filter. The filters live in the address.
 */
export default function ListeCandidatures() {
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const requete = requeteDe(params);
  const liste = $api.useQuery('get', '/api/candidatures', { params: { query: requete } }, { placeholderData: (precedent) => precedent });
  const formations = $api.useQuery('get', '/api/offre/gestion/formations', { params: { query: { limit: 200 } } }, { staleTime: 300_000, retry: false });
  const [selection, setSelection] = useState<Set<number>>(new Set());
  const page = Number(params.get('page') ?? 1);
  const items = liste.data?.items ?? [];

  const changer = (valeurs: Record<string, string | undefined>) => {
    const suivants = new URLSearchParams(params);
    for (const [cle, valeur] of Object.entries(valeurs)) {
      if (valeur) suivants.set(cle, valeur);
      else suivants.delete(cle);
    }
    setParams(suivants);
  };
  const filtrer = (valeurs: Record<string, string>) => {
    setSelection(new Set());
    setParams(new URLSearchParams(Object.entries(valeurs).filter(([, v]) => v !== '')));
  };
  const tousCoches = items.length > 0 && items.every((c) => selection.has(c.id));
  const basculer = (id: number) => {
    const nouvelle = new Set(selection);
    if (nouvelle.has(id)) nouvelle.delete(id);
    else nouvelle.add(id);
    setSelection(nouvelle);
  };

  return (
    <Page titre="Candidatures à traiter">
      {session && (
        <p>
          {session.me.prenom} {session.me.nom} · {session.me.roles.join(', ')}
          {session.me.scopes.centres.length > 0 && <> · centres : {session.me.scopes.centres.join(', ')}</>}
          {session.me.scopes.commissions.length > 0 && <> · commissions : {session.me.scopes.commissions.join(', ')}</>}
        </p>
      )}
      <Form
        key={params.toString()}
        noValidate
        role="search"
        aria-label="Filtrer les candidatures"
        className="border rounded p-3 mb-4"
        onSubmit={(e) => filtrer({ ...lireFormulaire(e), sort: params.get('sort') ?? '', order: params.get('order') ?? '', limit: params.get('limit') ?? '' })}
      >
        <h2 className="h5">Filtres</h2>
        <Row>
          <Col md={6}>
            <ChampGestion nom="q" libelle="Recherche" type="search" defaultValue={params.get('q') ?? ''} aide="Début du nom, du prénom, du numéro de dossier ou de l’INE ; plusieurs mots possibles." erreur={liste.error} />
          </Col>
          <Col md={6}>
            {formations.data ? (
              <ChampGestion
                nom="formationId"
                libelle="Formation"
                options={{ '': 'Toutes', ...Object.fromEntries(formations.data.items.map((f) => [String(f.id), `${f.code} · ${f.libelle}`])) }}
                defaultValue={params.get('formationId') ?? ''}
                erreur={liste.error}
              />
            ) : (
              <ChampGestion nom="formationId" libelle="Formation (identifiant)" type="number" defaultValue={params.get('formationId') ?? ''} erreur={liste.error} />
            )}
          </Col>
          <Col sm={6} lg={3}>
            <ChampGestion nom="statutDossier" libelle="Statut du dossier" options={{ '': 'Tous', ...STATUTS_DOSSIER }} defaultValue={params.get('statutDossier') ?? ''} erreur={liste.error} />
          </Col>
          <Col sm={6} lg={3}>
            <ChampGestion nom="typeTraitement" libelle="Type de traitement" options={{ '': 'Tous', ...TYPES_TRAITEMENT }} defaultValue={params.get('typeTraitement') ?? ''} erreur={liste.error} />
          </Col>
          <Col sm={6} lg={3}>
            <ChampGestion nom="avis" libelle="Avis" options={{ '': 'Tous', ...TYPES_AVIS, AUCUN: 'Sans avis' }} defaultValue={params.get('avis') ?? ''} erreur={liste.error} />
          </Col>
          <Col sm={6} lg={3}>
            <ChampGestion nom="avisValide" libelle="Avis validé" options={OUI_NON} defaultValue={params.get('avisValide') ?? ''} erreur={liste.error} />
          </Col>
          <Col sm={6} lg={3}>
            <ChampGestion nom="acceptee" libelle="Réponse du candidat" options={{ '': 'Indifférent', true: 'Confirmée', false: 'Désistement' }} defaultValue={params.get('acceptee') ?? ''} erreur={liste.error} />
          </Col>
          <Col sm={6} lg={3}>
            <ChampGestion nom="annulees" libelle="Candidatures" options={{ '': 'En cours', true: 'Annulées' }} defaultValue={params.get('annulees') ?? ''} erreur={liste.error} />
          </Col>
          <Col sm={6} lg={2}>
            <ChampGestion nom="centre" libelle="Centre (code)" defaultValue={params.get('centre') ?? ''} erreur={liste.error} />
          </Col>
          <Col sm={6} lg={2}>
            <ChampGestion nom="commission" libelle="Commission (code)" defaultValue={params.get('commission') ?? ''} erreur={liste.error} />
          </Col>
          <Col sm={6} lg={3}>
            <ChampCampagne defaultValue={params.get('campagne') ?? ''} erreur={liste.error} />
          </Col>
          <Col sm={6} lg={3}>
            <ChampEtiquette defaultValue={params.get('etiquette') ?? ''} erreur={liste.error} />
          </Col>
        </Row>
        <Stack direction="horizontal" gap={2}>
          <Button type="submit">Filtrer</Button>
          <Button variant="outline-secondary" onClick={() => filtrer({})}>
            Effacer les filtres
          </Button>
        </Stack>
      </Form>

      <Probleme erreur={liste.error} />
      <Stack direction="horizontal" gap={3} className="flex-wrap align-items-end mb-2">
        <p className="mb-3 me-auto" role="status" aria-live="polite">
          {liste.data && (liste.data.plusDe ? 'Plus de 1 000 candidatures' : `${liste.data.total} candidature${liste.data.total > 1 ? 's' : ''}`)}
        </p>
        <ChampGestion nom="sort" libelle="Trier par" options={TRIS} defaultValue={requete.sort} onChange={(v) => changer({ sort: v, apres: undefined, page: undefined })} />
        <ChampGestion nom="order" libelle="Ordre" options={{ asc: 'Croissant', desc: 'Décroissant' }} defaultValue={requete.order} onChange={(v) => changer({ order: v, apres: undefined, page: undefined })} />
        <ChampGestion nom="limit" libelle="Par page" options={{ [requete.limit ?? 20]: String(requete.limit ?? 20), 20: '20', 50: '50', 100: '100', 200: '200' }} defaultValue={String(requete.limit)} onChange={(v) => changer({ limit: v, apres: undefined, page: undefined })} />
      </Stack>
      <Stack direction="horizontal" gap={3} className="mb-3 flex-wrap">
        <Link to="/gestion/statistiques">Statistiques de la campagne</Link>
        {session && acces.rechercher(session.me.roles) && <Link to="/gestion/recherche">Rechercher un candidat</Link>}
        {session && acces.etiqueter(session.me.roles) && <Link to="/gestion/etiquettes">Étiquettes</Link>}
        {session && acces.rechercher(session.me.roles) && <Link to="/gestion/proposition">Proposer une formation à un candidat</Link>}
      </Stack>
      <ExportCandidatures filtres={filtresDe(params)} />

      {liste.isPending && <Chargement />}
      {liste.data && items.length === 0 && <p>Aucune candidature ne correspond à ces filtres.</p>}
      {items.length > 0 && (
        <Table responsive hover>
          <caption className="visually-hidden">Candidatures, page {page}</caption>
          <thead>
            <tr>
              <th scope="col">
                <Form.Check
                  aria-label="Sélectionner toutes les candidatures de la page"
                  checked={tousCoches}
                  onChange={() => setSelection(tousCoches ? new Set() : new Set(items.map((c) => c.id)))}
                />
              </th>
              <th scope="col">Candidat</th>
              <th scope="col">Formation</th>
              <th scope="col">Dossier</th>
              <th scope="col">Traitement</th>
              <th scope="col">Avis</th>
              <th scope="col">Réponse</th>
              <th scope="col">Candidature du</th>
            </tr>
          </thead>
          <tbody>
            {items.map((c) => {
              const nom = [c.prenom, c.nom].filter(Boolean).join(' ') || c.email;
              return (
                <tr key={c.id}>
                  <td>
                    <Form.Check aria-label={`Sélectionner ${nom} (${c.formation.code})`} checked={selection.has(c.id)} onChange={() => basculer(c.id)} />
                  </td>
                  <th scope="row">
                    <Link to={`/gestion/candidatures/${c.id}`}>{nom}</Link>
                    <div className="small text-body-secondary">
                      {c.numeroDossier}
                      {c.ine && <> · INE {c.ine}</>}
                    </div>
                    <Pastilles etiquettes={c.etiquettes} />
                  </th>
                  <td>
                    <abbr title={c.formation.libelle}>{c.formation.code}</abbr>
                    <div className="small text-body-secondary">{c.commission}</div>
                  </td>
                  <td>{c.statutDossier.libelle}</td>
                  <td>
                    {c.typeTraitement.libelle}
                    {!c.typeTraitement.valide && <span className="small"> (non validé)</span>}
                  </td>
                  <td>
                    {c.avis ? (
                      <>
                        {c.avis.libelle}
                        {c.rangListeComplementaire !== null && <> · rang {c.rangListeComplementaire}</>}{' '}
                        {c.avis.valide ? <Badge bg="success">validé</Badge> : <Badge bg="secondary">non validé</Badge>}
                      </>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td>{c.reponse ? c.reponse.libelle : c.annuleeAt ? 'Annulée' : '—'}</td>
                  <td>{dateLisible(c.createdAt)}</td>
                </tr>
              );
            })}
          </tbody>
        </Table>
      )}
      {liste.data && (
        <nav aria-label="Pages de la liste" className="mb-4">
          <Stack direction="horizontal" gap={2} className="flex-wrap">
            <Button variant="outline-secondary" disabled={page <= 1} onClick={() => changer({ page: page > 2 ? String(page - 1) : undefined, apres: undefined })}>
              Page précédente
            </Button>
            <span>Page {page}</span>
            <Button variant="outline-secondary" disabled={!liste.data.suivant} onClick={() => changer({ page: String(page + 1), apres: liste.data.suivant ?? undefined })}>
              Page suivante
            </Button>
          </Stack>
        </nav>
      )}
      <ActionsGroupees ids={[...selection]} />
    </Page>
  );
}
