import { useId, useState } from 'react';
import Button from 'react-bootstrap/Button';
import Form from 'react-bootstrap/Form';
import Stack from 'react-bootstrap/Stack';
import type { Schemas } from '@client';
import { $api, api } from '../../commun/api';
import { Probleme } from '../../commun/Probleme';
import { enregistrer } from '../../commun/telechargement';
import type { FiltresExport } from '../filtres';

type Colonne = Schemas['ColonneExportDto'];

/** The catalogue's columns by group, in its order. */
function parGroupe(colonnes: Colonne[]): [string, Colonne[]][] {
  const groupes = new Map<string, Colonne[]>();
  for (const c of colonnes) groupes.set(c.libelleGroupe, [...(groupes.get(c.libelleGroupe) ?? []), c]);
  return [...groupes];
}

/**
 * The list's export (GET /api/candidatures/export.csv|xlsx) of the current filters, with the columns chosen from the
 * catalogue (GET /api/candidatures/export/colonnes), grouped as it groups them, its default ones ticked at first;
 * the file holds them in the catalogue's order. Without the catalogue, the API's default columns.
 */
export function ExportCandidatures({ filtres }: { filtres: FiltresExport }) {
  const catalogue = $api.useQuery('get', '/api/candidatures/export/colonnes', {}, { staleTime: Infinity });
  const [choisies, setChoisies] = useState<Set<string> | null>(null);
  const [ouvert, setOuvert] = useState(false);
  const [erreur, setErreur] = useState<unknown>(null);
  const idPanneau = useId();
  const colonnes = catalogue.data ?? [];
  const parDefaut = new Set(colonnes.filter((c) => c.parDefaut).map((c) => c.code));
  const cochees = choisies ?? parDefaut;
  const codes = colonnes.filter((c) => cochees.has(c.code)).map((c) => c.code);
  const aucune = catalogue.data !== undefined && codes.length === 0;

  const basculer = (code: string) => {
    const suivantes = new Set(cochees);
    if (suivantes.has(code)) suivantes.delete(code);
    else suivantes.add(code);
    setChoisies(suivantes);
  };
  const exporter = async (format: 'csv' | 'xlsx') => {
    setErreur(null);
    const query = { ...filtres, ...(catalogue.data ? { colonnes: codes.join(',') } : {}) };
    const { data, error } =
      format === 'csv'
        ? await api.GET('/api/candidatures/export.csv', { params: { query }, parseAs: 'blob' })
        : await api.GET('/api/candidatures/export.xlsx', { params: { query }, parseAs: 'blob' });
    if (error || !data) setErreur(error ?? new Error('vide'));
    else enregistrer(data as Blob, `candidatures.${format}`);
  };

  return (
    <div className="mb-3">
      <Stack direction="horizontal" gap={2} className="flex-wrap">
        <Button variant="outline-primary" disabled={aucune} onClick={() => void exporter('csv')}>
          Exporter en CSV
        </Button>
        <Button variant="outline-primary" disabled={aucune} onClick={() => void exporter('xlsx')}>
          Exporter en Excel (XLSX)
        </Button>
        {catalogue.data && (
          <Button variant="link" aria-expanded={ouvert} aria-controls={idPanneau} onClick={() => setOuvert(!ouvert)}>
            Colonnes de l’export ({codes.length} sur {colonnes.length})
          </Button>
        )}
      </Stack>
      <Probleme erreur={erreur ?? catalogue.error} />
      {/* Rendered only when open: closed, its boxes (« Avis », « Commission »…) would share their names with the list's filters. */}
      {catalogue.data && ouvert && (
        <section id={idPanneau} aria-label="Colonnes de l’export" className="border rounded p-3 mt-2">
          <p>Les colonnes cochées, dans cet ordre, forment l’export ; au départ, celles de l’export par défaut.</p>
          {aucune && (
            <p className="text-danger-emphasis" role="status">
              Cochez au moins une colonne pour exporter.
            </p>
          )}
          <Stack direction="horizontal" gap={2} className="flex-wrap mb-3">
            <Button size="sm" variant="outline-secondary" onClick={() => setChoisies(null)}>
              Colonnes par défaut
            </Button>
            <Button size="sm" variant="outline-secondary" onClick={() => setChoisies(new Set(colonnes.map((c) => c.code)))}>
              Toutes les colonnes
            </Button>
            <Button size="sm" variant="outline-secondary" onClick={() => setChoisies(new Set())}>
              Aucune colonne
            </Button>
          </Stack>
          <div className="row row-cols-1 row-cols-md-2 row-cols-xl-3 g-3">
            {parGroupe(colonnes).map(([groupe, liste]) => (
              <fieldset key={groupe} className="col">
                <legend className="h6">{groupe}</legend>
                {liste.map((c) => (
                  <Form.Check key={c.code} id={`${idPanneau}-${c.code}`} checked={cochees.has(c.code)} onChange={() => basculer(c.code)} label={c.entete} title={c.description} />
                ))}
              </fieldset>
            ))}
          </div>
        </section>
      )}
    </div>
  );
}
