import Button from 'react-bootstrap/Button';
import Form from 'react-bootstrap/Form';
import Stack from 'react-bootstrap/Stack';
import { Link } from 'react-router';
import type { Schemas } from '@client';
import { relire } from '../../administration/outils';
import { $api } from '../../commun/api';
import { Probleme, Succes } from '../../commun/Probleme';
import { useSession } from '../../commun/session';
import { ChampGestion, lireFormulaire } from '../ChampGestion';
import { acces } from '../roles-gestion';
import { Section } from '../Section';
import { Pastille } from './Pastille';

type Detail = Schemas['CandidatureStaffDetailDto'];

/**
 * The fiche's labels: its chips, each with a button taking it off, and the labels it may still carry (the
 * institution's and its centre's) to put on. Commission members only see them.
 */
export function EtiquettesCandidature({ c }: { c: Pick<Detail, 'id' | 'centre' | 'etiquettes'> }) {
  const roles = useSession()?.me.roles ?? [];
  const peut = acces.etiqueter(roles);
  const etiquettes = $api.useQuery('get', '/api/etiquettes', {}, { enabled: peut, staleTime: 60_000 });
  const fait = () => void relire('/api/candidatures');
  const pose = $api.useMutation('put', '/api/candidatures/{id}/etiquettes/{etiquetteId}', { onSuccess: fait });
  const retrait = $api.useMutation('delete', '/api/candidatures/{id}/etiquettes/{etiquetteId}', { onSuccess: fait });
  const portees = new Set(c.etiquettes.map((e) => e.id));
  const possibles = (etiquettes.data ?? []).filter((e) => !portees.has(e.id) && (e.centre === null || e.centre === c.centre));
  return (
    <Section titre="Étiquettes">
      <Probleme erreur={etiquettes.error ?? pose.error ?? retrait.error} />
      {(pose.isSuccess || retrait.isSuccess) && <Succes>Étiquettes enregistrées.</Succes>}
      {c.etiquettes.length === 0 ? (
        <p>Aucune étiquette.</p>
      ) : (
        <ul className="list-inline" aria-label="Étiquettes de la candidature">
          {c.etiquettes.map((e) => (
            <li key={e.id} className="list-inline-item mb-2">
              <Pastille etiquette={e}>
                {peut && (
                  <button
                    type="button"
                    className="btn btn-link text-reset p-0 border-0 lh-1 text-decoration-none"
                    aria-label={`Retirer l’étiquette « ${e.libelle} »`}
                    title={`Retirer l’étiquette « ${e.libelle} »`}
                    disabled={retrait.isPending}
                    onClick={() => retrait.mutate({ params: { path: { id: c.id, etiquetteId: e.id } } })}
                  >
                    <span aria-hidden="true">×</span>
                  </button>
                )}
              </Pastille>
            </li>
          ))}
        </ul>
      )}
      {peut && possibles.length > 0 && (
        <Form
          noValidate
          aria-label="Poser une étiquette"
          onSubmit={(e) => {
            const v = lireFormulaire(e);
            pose.mutate({ params: { path: { id: c.id, etiquetteId: Number(v.etiquette) } } });
          }}
        >
          <Stack direction="horizontal" gap={3} className="flex-wrap align-items-end">
            <ChampGestion nom="etiquette" libelle="Étiquette à poser" options={Object.fromEntries(possibles.map((e) => [String(e.id), e.centre ? `${e.libelle} (centre ${e.centre})` : e.libelle]))} erreur={pose.error} required />
            <Button type="submit" className="mb-3" disabled={pose.isPending}>
              Poser l’étiquette
            </Button>
          </Stack>
        </Form>
      )}
      {peut && (
        <p className="mb-0">
          <Link to="/gestion/etiquettes">Gérer les étiquettes</Link>
        </p>
      )}
    </Section>
  );
}
