import { useState } from 'react';
import Button from 'react-bootstrap/Button';
import Stack from 'react-bootstrap/Stack';
import Table from 'react-bootstrap/Table';
import { Link, useSearchParams } from 'react-router';
import type { components } from '@client';
import { $api, api } from '../../commun/api';
import { Chargement } from '../../commun/Gabarit';
import { Page } from '../../commun/Page';
import { Probleme } from '../../commun/Probleme';
import { enregistrer } from '../../commun/telechargement';
import { ChampGestion } from '../ChampGestion';
import { STATUTS_DOSSIER, TYPES_AVIS } from '../filtres';

type Chiffres = components['schemas']['ChiffresDto'];
type Niveau = 'centre' | 'commission' | 'formation';
const NIVEAUX: Record<Niveau, string> = { centre: 'Centre de candidature', commission: 'Commission', formation: 'Formation' };

/** The figures' columns: header, and value of a line. */
const COLONNES: [string, (c: Chiffres) => number | string][] = [
  ['Capacité', (c) => c.capacite ?? '–'],
  ['Candidatures', (c) => c.candidatures],
  ['Annulées', (c) => c.annulees],
  ...Object.entries(STATUTS_DOSSIER).map(([code, libelle]): [string, (c: Chiffres) => number] => [`Dossier ${libelle.toLowerCase()}`, (c) => c.statutsDossier[code as keyof Chiffres['statutsDossier']]]),
  ['Avis saisis', (c) => c.avis.saisis],
  ['Avis validés', (c) => c.avis.valides],
  ['Avis publiés', (c) => c.avis.publies],
  ...Object.entries(TYPES_AVIS).map(([code, libelle]): [string, (c: Chiffres) => number] => [libelle, (c) => c.avis.parType[code as keyof Chiffres['avis']['parType']]]),
  ['Confirmées', (c) => c.confirmees],
  ['Désistées', (c) => c.desistees],
  ['Sur liste complémentaire', (c) => c.listeComplementaire],
];

/**
 * A campaign's statistics (GET /api/statistiques) by centre, commission or formation, as the API scopes them (a
 * gestionnaire sees their centres' figures), and the same figures as a workbook. The level and campaign live in the address.
 */
export default function Statistiques() {
  const [params, setParams] = useSearchParams();
  const niveau: Niveau = (Object.keys(NIVEAUX) as Niveau[]).find((n) => n === params.get('niveau')) ?? 'centre';
  const campagne = Number(params.get('campagne')) || undefined;
  const query = { niveau, campagne };
  const stats = $api.useQuery('get', '/api/statistiques', { params: { query } }, { placeholderData: (precedent) => precedent });
  const [erreurExport, setErreurExport] = useState<unknown>(null);
  const exporter = async () => {
    setErreurExport(null);
    const { data, error } = await api.GET('/api/statistiques/export.xlsx', { params: { query }, parseAs: 'blob' });
    if (error || !data) setErreurExport(error ?? new Error('vide'));
    else enregistrer(data as Blob, `statistiques-${niveau}.xlsx`);
  };
  const lignes = stats.data?.lignes ?? [];
  const places = niveau === 'centre' ? 1 : niveau === 'commission' ? 2 : 3;

  return (
    <Page titre="Statistiques de la campagne">
      <p>
        <Link to="/gestion">Retour aux candidatures</Link>
      </p>
      <Stack direction="horizontal" gap={3} className="flex-wrap align-items-end mb-3">
        <ChampGestion nom="niveau" libelle="Une ligne par" options={NIVEAUX} defaultValue={niveau} onChange={(v) => setParams(new URLSearchParams({ ...(campagne ? { campagne: String(campagne) } : {}), niveau: v }))} />
        <Button variant="outline-primary" className="mb-3" onClick={() => void exporter()}>
          Télécharger en Excel (XLSX)
        </Button>
      </Stack>
      <Probleme erreur={stats.error} />
      <Probleme erreur={erreurExport} />
      {stats.isPending && <Chargement />}
      {stats.data && (
        <p role="status" aria-live="polite">
          {stats.data.campagne.libelle} ({stats.data.campagne.code}) : {stats.data.total.candidatures} candidature{stats.data.total.candidatures > 1 ? 's' : ''} en cours
        </p>
      )}
      {stats.data && lignes.length === 0 && <p>Aucune formation dans votre périmètre.</p>}
      {lignes.length > 0 && stats.data && (
        // A wide table scrolls sideways: its region takes the focus, so the keyboard scrolls it too.
        <div className="table-responsive" tabIndex={0} role="region" aria-label={`Statistiques par ${NIVEAUX[niveau].toLowerCase()}`}>
          <Table hover size="sm">
            <caption className="visually-hidden">Statistiques par {NIVEAUX[niveau].toLowerCase()}</caption>
            <thead>
              <tr>
                <th scope="col">Centre</th>
                {places > 1 && <th scope="col">Commission</th>}
                {places > 2 && <th scope="col">Formation</th>}
                {COLONNES.map(([entete]) => (
                  <th scope="col" key={entete}>
                    {entete}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {lignes.map((l) => (
                <tr key={`${l.centre.code}/${l.commission?.code ?? ''}/${l.formation?.id ?? ''}`}>
                  <th scope="row">
                    <abbr title={l.centre.libelle}>{l.centre.code}</abbr>
                  </th>
                  {places > 1 && <td>{l.commission && <abbr title={l.commission.libelle}>{l.commission.code}</abbr>}</td>}
                  {places > 2 && <td>{l.formation && <abbr title={l.formation.libelle}>{l.formation.code}</abbr>}</td>}
                  {COLONNES.map(([entete, valeur]) => (
                    <td key={entete}>{valeur(l)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={places}>
                  Total
                </th>
                {COLONNES.map(([entete, valeur]) => (
                  <td key={entete}>{valeur(stats.data.total)}</td>
                ))}
              </tr>
            </tfoot>
          </Table>
        </div>
      )}
    </Page>
  );
}
