import Form from 'react-bootstrap/Form';
import { $api } from '../../commun/api';
import { Cadre } from '../../commun/Champ';
import { useSession } from '../../commun/session';
import { ChampGestion } from '../ChampGestion';
import { acces } from '../roles-gestion';

/**
 * The `campagne` filter of the desk's lists and exports: the campaigns by name, the latest first, empty meaning the
 * one in service (the API's default). Those who may not read the campaigns (commission members) type its number.
 */
export function ChampCampagne({ defaultValue, erreur }: { defaultValue: string; erreur?: unknown }) {
  const roles = useSession()?.me.roles ?? [];
  const campagnes = $api.useQuery('get', '/api/offre/gestion/campagnes', { params: { query: { limit: 200 } } }, { staleTime: 300_000, retry: false, enabled: acces.rechercher(roles) });
  if (!campagnes.data) return <ChampGestion nom="campagne" libelle="Campagne (identifiant)" type="number" defaultValue={defaultValue} aide="Vide : celle en service." erreur={erreur} />;
  const enService = campagnes.data.items.find((c) => c.enService);
  // A select written here, not ChampGestion's options: an object would put the ids (integer keys) before '' and in increasing order.
  return (
    <Cadre nom="campagne" libelle="Campagne" erreur={erreur}>
      {(attributs) => (
        <Form.Select {...attributs} defaultValue={enService && defaultValue === String(enService.id) ? '' : defaultValue}>
          <option value="">{enService ? `${enService.libelle} (en service)` : 'Celle en service'}</option>
          {campagnes.data.items
            .filter((c) => c !== enService)
            .map((c) => (
              <option key={c.id} value={c.id}>
                {`${c.libelle}${c.archiveeAt ? ' (archivée)' : ''}`}
              </option>
            ))}
        </Form.Select>
      )}
    </Cadre>
  );
}
